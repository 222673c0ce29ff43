"""The papers made from the demo people and a record with petition details: golden text, the rules
on which papers are made (never for an excluded charge), and a PDF read back with pdfplumber."""

from __future__ import annotations

import io
import json
import os
import zipfile
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

import pdfplumber
import pytest

from secondchance.petitions import Petitioner, court_for, decide, make_packet
from secondchance.petitions.render import packet_files, render_docx, render_pdf, render_text, zip_files
from secondchance.records import Person, people_from_json
from secondchance.relief import Status, screen

HERE = Path(__file__).parent
GOLDEN = HERE / "golden"
AS_OF = date(2026, 11, 29)
WHO = Petitioner("Jane Example", "1 Sample Street, Anytown")


def demo_people() -> dict[str, Person]:
    raw = json.loads(resources.files("secondchance.examples").joinpath("people.json").read_text())
    details = json.loads((HERE / "petitioner_details.json").read_text())
    people = people_from_json(raw, as_of=AS_OF) + people_from_json(details, as_of=AS_OF)
    return {p.id: p for p in people}


def packet_text(person: Person, lang: str = "en") -> str:
    packet = make_packet(person, screen(person, AS_OF), WHO, lang)
    parts = [f"##### {doc.name}\n{render_text(doc)}" for doc in packet.documents]
    return "\n".join(parts)


@pytest.mark.parametrize(
    ("person_id", "lang"),
    [("maria", "en"), ("denise", "en"), ("luis", "en"), ("luis", "es"), ("sam", "en"), ("rosa", "en"), ("rosa", "es")],
)
def test_golden_papers(person_id: str, lang: str) -> None:
    """The words of every paper; regenerate with UPDATE_GOLDEN=1 after an intended change."""
    text = packet_text(demo_people()[person_id], lang)
    path = GOLDEN / f"{person_id}-{lang}.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


def test_papers_only_for_available_paths() -> None:
    """Every charge on a petition has a result available now or on a date; none is not eligible. Only the
    CA arrest-sealing petition (§ 851.91) rests on automatic arrest relief (§ 851.93): same arrests, and a
    court order when the DOJ has not acted."""
    for person in demo_people().values():
        screening = screen(person, AS_OF)
        for plan in decide(person, screening).plans:
            for ground in plan.grounds:
                assert ground.result.status in (Status.ELIGIBLE_NOW, Status.ELIGIBLE_ON)
                assert not ground.result.rule.automatic or plan.kind == "ca_seal_arrest"


def test_one_petition_per_docket_and_kind() -> None:
    person = demo_people()["luis"]
    plans = decide(person, screen(person, AS_OF)).plans
    keys = [(p.case.id, p.kind) for p in plans]
    assert len(keys) == len(set(keys))
    assert ("LA-18-0042", "ca_dismissal") in keys and ("LA-24-0777", "ca_seal_arrest") in keys


def test_summary_case_uses_rule_490_and_limited_access_rule_791() -> None:
    packet = make_packet(demo_people()["sam"], screen(demo_people()["sam"], AS_OF), WHO)
    titles = {doc.name: doc.title for doc in packet.documents}
    assert "Pa.R.Crim.P. 490" in titles["03-pa-expungement-petition-MJ-05211-NT-0000123-2019"]
    assert "Pa.R.Crim.P. 791" in titles["01-pa-limited-access-petition-CP-02-CR-0005555-2012"]
    assert any("Clean Slate" in line for line in packet.automatic)


def test_no_papers_when_nothing_is_available() -> None:
    person = demo_people()["denise"]
    packet = make_packet(person, screen(person, AS_OF))
    assert [d.kind for d in packet.documents] == ["checklist"]
    assert "2049-08-19" in packet.not_made[0]


def test_a_later_date_says_do_not_file_before() -> None:
    """A path that opens within the year makes its papers now, each marked with the first day to file."""
    person = demo_people()["rosa"]
    packet = make_packet(person, screen(person, AS_OF), WHO)
    petition = next(d for d in packet.documents if d.kind == "petition")
    assert petition.do_not_file_before == date(2027, 3, 2)
    assert "DO NOT FILE BEFORE 2027-03-02" in render_text(petition)
    assert "Do not file the papers for case CRI-25012345 before 2027-03-02." in render_text(packet.documents[0])
    with pdfplumber.open(io.BytesIO(render_pdf(petition))) as pdf:
        assert "DO NOT FILE BEFORE 2027-03-02" in (pdf.pages[0].extract_text() or "")
    later = make_packet(person, screen(person, date(2026, 2, 1)), WHO)  # judgment not yet entered: nothing
    assert [d.kind for d in later.documents] == ["checklist"]


def test_pdf_names_court_docket_and_statute() -> None:

    for person_id, court, docket, statutes in (
        (
            "maria",
            "COURT OF COMMON PLEAS OF PHILADELPHIA COUNTY",
            "CP-51-CR-0001234-2009",
            ["18 Pa.C.S. § 3925", "§ 9122(a)(2)"],
        ),
        ("luis", "SUPERIOR COURT OF CALIFORNIA, COUNTY OF LOS ANGELES", "LA-18-0042", ["§ 17(b)", "§ 1203.4"]),
    ):
        person = demo_people()[person_id]
        packet = make_packet(person, screen(person, AS_OF), WHO)
        petition = next(d for d in packet.documents if d.kind == "petition" and docket in d.name)
        with pdfplumber.open(io.BytesIO(render_pdf(petition))) as pdf:
            text = "\n".join(page.extract_text() or "" for page in pdf.pages)
        flat = " ".join(text.split())
        assert court in flat
        assert docket in flat
        for statute in statutes:
            assert statute in flat, statute
        assert "Jane Example" in flat


def test_docx_and_zip() -> None:
    import docx

    person = demo_people()["maria"]
    packet = make_packet(person, screen(person, AS_OF), WHO)
    petition = next(d for d in packet.documents if d.kind == "petition")
    document = docx.Document(io.BytesIO(render_docx(petition)))
    words = "\n".join(p.text for p in document.paragraphs)
    assert "PETITION FOR EXPUNGEMENT" in words and "18 Pa.C.S. § 4904" in words
    files = packet_files(packet, ("txt",))
    archive = zipfile.ZipFile(io.BytesIO(zip_files(files)))
    assert sorted(archive.namelist()) == sorted(files)
    assert archive.namelist()[0] == "00-checklist.txt"


def test_name_and_address_blank_when_not_given() -> None:
    person = demo_people()["maria"]
    packet = make_packet(person, screen(person, AS_OF))
    petition = render_text(next(d for d in packet.documents if d.kind == "petition"))
    assert "Jane Example" not in petition
    assert "Petitioner's name: ________________________" in petition


def test_spanish_checklist() -> None:
    person = demo_people()["luis"]
    packet = make_packet(person, screen(person, AS_OF), WHO, "es")
    sheet = render_text(packet.documents[0])
    assert "Sus documentos para la corte" in sheet and "Cuánto cuesta" in sheet


def test_every_checklist_sentence_has_spanish() -> None:
    import re

    from babel.messages.pofile import read_po

    from secondchance.petitions import checklist

    with (Path(checklist.__file__).parent / "locale" / "es.po").open("rb") as handle:
        translated = {m.id for m in read_po(handle, locale="es") if m.id and m.string}
    source = Path(checklist.__file__).read_text(encoding="utf-8")
    needed = set(re.findall(r'_\("([^"]+)"\)', source))
    needed |= {text for facts in checklist.FACTS.values() for text, _source, _checked in facts.values()}
    assert needed - translated == set()


@pytest.mark.parametrize(("person_id", "lang"), [("maria", "en"), ("luis", "en"), ("luis", "es"), ("sam", "en")])
def test_checklist_is_one_page(person_id: str, lang: str) -> None:
    import pypdf

    person = demo_people()[person_id]
    sheet = make_packet(person, screen(person, AS_OF), WHO, lang).documents[0]
    assert len(pypdf.PdfReader(io.BytesIO(render_pdf(sheet))).pages) == 1


def test_what_opens_later_does_not_hold_back_what_is_open_now() -> None:
    """Two charges of one case, one open now and one next year: the paper asks for the first now
    (no "do not file before"), and the checklist says when the second opens."""
    raw = json.loads((HERE / "petitioner_details.json").read_text())
    rosa = next(p for p in raw["people"] if p["id"] == "rosa")
    older = {**rosa["cases"][0]["charges"][0], "id": "2", "disposition_date": "2024-03-02", "description": "Vandalism"}
    rosa["cases"][0]["charges"].append({**older, "statute": "PC 594(a)"})
    person = people_from_json(rosa, as_of=AS_OF)[0]
    plans = decide(person, screen(person, AS_OF))
    assert [(p.kind, [g.charge.id for g in p.grounds], p.do_not_file_before) for p in plans.plans] == [
        ("ca_dismissal", ["2"], None)
    ]
    assert any("Trespass" in line and "2027-03-02" in line for line in plans.not_made)


def test_checklist_says_to_check_an_unverified_address() -> None:
    """The courts data's verified flag drives the warning: an address we could not confirm on an
    official page is flagged in bold ("check this address with the court before you go"); a
    verified one (San Francisco's criminal clerk, rosa) is not."""
    from secondchance.petitions import checklist

    warning = "Check this address with the court before you go"
    people = demo_people()
    for person_id in ("maria", "luis", "rosa"):
        person = people[person_id]
        sheet = make_packet(person, screen(person, AS_OF), WHO, "en").documents[0]
        paras: list[Any] = [b for b in sheet.blocks if getattr(b, "text", "").startswith(warning)]
        case = person.cases[0]
        court = court_for(case.jurisdiction, case.county)
        assert court is not None
        assert bool(paras) is (not court.verified), person_id
        # the judiciary's own court finder, never a third-party source of an unchecked address
        assert case.jurisdiction is not None
        assert all(p.bold and checklist.COURT_FINDER[case.jurisdiction] in p.text for p in paras)

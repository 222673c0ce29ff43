"""The California RAP-sheet reader: generated sheets round-trip, a fixed set matches golden JSON, odd lines are
listed as unread, relief already granted reaches the screening, and other documents are refused."""

from __future__ import annotations

import dataclasses
import json
import os
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from secondchance.papers import DocumentRefused, Reading, ca_rap, ca_rap_synth
from secondchance.records.model import Case, Charge, Person, Sentence
from secondchance.relief import Status, screen
from secondchance.relief.explain import summary
from secondchance.relief.semantics import add_years_days

GOLDEN = Path(__file__).parent.parent / "golden"
TODAY = date(2026, 11, 29)


def reading_json(reading: Reading) -> dict[str, Any]:
    def plain(value: Any) -> Any:
        return value.isoformat() if isinstance(value, date) else value

    return {
        "kind": reading.kind,
        "layout": reading.layout,
        "person": reading.person.id,
        "rows": [{k: plain(v) for k, v in row.items() if v is not None} for row in reading.person.rows()],
        "seen": [[s.field, s.text, str(s.place), s.sure] for s in reading.seen],
        "unread": [[u.field, u.text, str(u.place), u.reason] for u in reading.unread],
    }


def test_a_fixed_set_of_sheets_reads_as_the_golden_json() -> None:
    readings = [
        reading_json(ca_rap.read_text(ca_rap_synth.sheet(seed).text, f"sheet-{seed}.txt", today=TODAY))
        for seed in range(6)
    ]
    text = json.dumps(readings, indent=1, sort_keys=True) + "\n"
    path = GOLDEN / "ca_rap_sheets.json"
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(text)
    assert text == path.read_text(), "ca_rap_sheets.json changed; if intended, run with UPDATE_GOLDEN=1"


@pytest.mark.slow
@settings(max_examples=150, deadline=None)
@given(seed=st.integers(0, 10**9))
def test_generated_people_round_trip_through_the_text(seed: int) -> None:
    printed = ca_rap_synth.sheet(seed)
    reading = ca_rap.read_text(printed.text, today=TODAY)
    assert reading.person == printed.person
    assert reading.unread == ()
    assert {s.text for s in reading.seen if s.field == "name"} == {printed.name}


WORDS = st.sampled_from(
    ["THEFT", "OF", "PROPERTY", "POSSESS", "FOR", "SALE", "DUI", "ALCOHOL/DRUGS", "W/INTENT", "$950"]
)


@st.composite
def printable_people(draw: st.DrawFn) -> Person:
    """People in what a RAP sheet prints: any counts, long descriptions, reductions and grants, odd terms."""
    cases = []
    day = draw(st.dates(date(1975, 1, 1), date(2020, 1, 1)))
    for n in range(draw(st.integers(1, 4))):
        charges = []
        decided = date.fromordinal(day.toordinal() + draw(st.integers(1, 400)))
        for h in range(draw(st.integers(1, 12))):
            disposition = draw(st.sampled_from(["convicted", "dismissed", "withdrawn", "not_guilty"]))
            grade = draw(st.sampled_from(["felony", "misdemeanor", "infraction"]))
            statute = draw(
                st.sampled_from(["459 PC", "664/211 PC", "11350(A) HS", "23152(B) VC", "4060 BP", "10980(C)(2) WI"])
            )
            description = " ".join(draw(st.lists(WORDS, min_size=1, max_size=14)))
            sentence, granted = Sentence(), []
            if disposition == "convicted":
                probation = draw(st.sampled_from([None, ("d", 90), ("m", 18), ("y", 3)]))
                custody = draw(st.sampled_from([None, ("d", 1), ("d", 364), ("y", 2)]))
                prison = draw(st.booleans())
                if probation:
                    end = add_years_days(
                        decided,
                        probation[1] if probation[0] == "y" else 0,
                        probation[1] if probation[0] == "d" else 0,
                        probation[1] if probation[0] == "m" else 0,
                    )
                    sentence = dataclasses.replace(
                        sentence,
                        supervision="probation",
                        probation_granted=True,
                        probation_start=decided,
                        probation_end=end,
                    )
                if custody:
                    end = add_years_days(
                        decided, custody[1] if custody[0] == "y" else 0, custody[1] if custody[0] == "d" else 0
                    )
                    sentence = dataclasses.replace(
                        sentence,
                        incarcerated=True,
                        incarceration_start=decided,
                        incarceration_end=end,
                        state_prison=prison,
                    )
                granted = draw(st.lists(st.sampled_from(sorted(ca_rap_synth.RELIEF_TEXT)), unique=True, max_size=3))
                if any(g in ca_rap_synth.REDUCTIONS for g in granted):
                    grade = "misdemeanor"
            charges.append(
                Charge(
                    id=str(h + 1),
                    statute=statute,
                    description=description,
                    grade=grade,
                    disposition=disposition,
                    disposition_date=decided if disposition != "withdrawn" else None,
                    sentence=sentence,
                    relief_granted=";".join(granted) or None,
                )
            )
        cases.append(
            Case(
                id=f"X{n}-{draw(st.integers(0, 99999))}",
                jurisdiction="CA",
                county=draw(st.sampled_from(["Kern", "San Luis Obispo", None])),
                arrest_date=day,
                charges=tuple(charges),
            )
        )
        day = date.fromordinal(day.toordinal() + draw(st.integers(1, 900)))
    return Person(
        id=f"A{draw(st.integers(10**7, 10**8 - 1))}",
        birth_date=draw(st.one_of(st.none(), st.dates(date(1940, 1, 1), date(1990, 1, 1)))),
        cases=tuple(cases),
    )


@pytest.mark.slow
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(person=printable_people())
def test_any_printable_person_round_trips(person: Person) -> None:
    printed = ca_rap_synth.print_sheet(person)
    reading = ca_rap.read_text(printed.text, today=date(2040, 1, 1))
    assert reading.unread == ()
    assert reading.person == printed.person  # the person, with the name the sheet printed


def test_pdf_round_trip_with_pages(tmp_path: Path) -> None:
    for seed in (1, 2, 3):
        printed = ca_rap_synth.sheet(seed)
        path = tmp_path / f"s{seed}.pdf"
        pages = ca_rap_synth.to_pdf(printed, str(path))
        reading = ca_rap.read_rap_sheet(str(path), today=TODAY)
        assert reading.person == printed.person and reading.unread == ()
        assert {s.place.page for s in reading.seen} == set(range(1, pages + 1))


def test_a_line_it_cannot_read_is_listed_never_dropped() -> None:
    text = ca_rap_synth.sheet(5).text.replace(
        "*DISPO:CONVICTED", "*DISPO:CONVICTED\n  COM: SENTENCE CONCURRENT WITH FILE #743-2", 1
    )
    text = text.replace("SEN: ", "SEN: FINE, 003 YEARS CONDITIONAL SENTENCE, ", 1)
    reading = ca_rap.read_text(text, today=TODAY)
    texts = {u.text: u for u in reading.unread}
    assert "COM: SENTENCE CONCURRENT WITH FILE #743-2" in texts
    assert texts["FINE"].field.endswith("sentence.fines_costs_owed")
    assert "003 YEARS CONDITIONAL SENTENCE" in texts
    assert all(u.place.cycle is not None and u.place.line for u in reading.unread)


def test_an_unknown_disposition_is_unread_and_the_disposition_left_unknown() -> None:
    person = Person(
        id="A12345678",
        cases=(
            Case(
                id="K1",
                jurisdiction="CA",
                arrest_date=date(2010, 1, 1),
                charges=(
                    Charge(
                        id="1",
                        statute="459 PC",
                        description="BURGLARY",
                        grade="felony",
                        disposition="dismissed",
                        disposition_date=date(2010, 3, 1),
                    ),
                ),
            ),
        ),
    )
    text = ca_rap_synth.print_sheet(person).text.replace("DISPO:DISMISSED/FURTHERANCE OF JUSTICE", "DISPO:DEJ GRANTED")
    reading = ca_rap.read_text(text, today=TODAY)
    assert reading.person.cases[0].charges[0].disposition is None
    assert [u.text for u in reading.unread] == ["DEJ GRANTED"]


REVOCATION = """- - - -
COURT:                NAM:01
20120301  CASC SAN DIEGO

CNT:01     #K1
  459 PC-BURGLARY
  {dispo}
  SEN: 002 YEARS PRISON
* * * END OF MESSAGE * * *
"""


@pytest.mark.parametrize("dispo", ["DISPO:PROBATION REVOKED", ""])
def test_a_later_court_event_leaves_the_sentence_unknown(dispo: str) -> None:
    """Probation revoked, then prison: read as the probation first imposed, the charge would look like a
    completed probation that never became prison and parole (a more favourable answer). Both a later
    DISPO this reader does not know and a second sentence leave the sentence unknown and ask."""
    sentence = Sentence(supervision="probation", probation_granted=True, probation_start=date(2010, 3, 1))
    charge = Charge(
        id="1",
        statute="459 PC",
        description="BURGLARY",
        grade="felony",
        disposition="convicted",
        disposition_date=date(2010, 3, 1),
        sentence=dataclasses.replace(sentence, probation_end=date(2013, 3, 1)),
    )
    person = Person(
        id="A12345678",
        cases=(Case(id="K1", jurisdiction="CA", arrest_date=date(2010, 1, 1), charges=(charge,)),),
    )
    text = ca_rap_synth.print_sheet(person).text.replace("* * * END OF MESSAGE * * *\n", "")
    text += REVOCATION.format(dispo=dispo).replace("\n  \n", "\n")
    reading = ca_rap.read_text(text, today=TODAY)
    read = reading.person.cases[0].charges[0]
    assert read.disposition == "convicted" and read.sentence == Sentence()
    asked = [u for u in reading.unread if u.field == "cases[0].charges[0].sentence"]
    assert asked and "revoked" in asked[0].reason
    assert not [s for s in reading.seen if ".sentence." in s.field]
    results = screen(reading.person, TODAY).charges[0].results
    assert all(r.status is not Status.ELIGIBLE_NOW for r in results)


def test_relief_on_the_sheet_is_not_offered_again() -> None:
    granted = Charge(
        id="1",
        statute="459 PC",
        description="BURGLARY",
        grade="felony",
        disposition="convicted",
        disposition_date=date(2015, 3, 2),
        sentence=Sentence(
            supervision="probation",
            probation_granted=True,
            probation_start=date(2015, 3, 2),
            probation_end=date(2018, 3, 2),
        ),
        relief_granted="PC-1203.4",
    )
    person = Person(
        id="A12345678",
        birth_date=date(1980, 1, 1),
        cases=(Case(id="K1", jurisdiction="CA", arrest_date=date(2015, 1, 1), charges=(granted,)),),
    )
    text = ca_rap_synth.print_sheet(person).text
    assert "DISPO:CONV SET ASIDE & DISM PER 1203.4 PC" in text
    reading = ca_rap.read_text(text, today=TODAY)
    assert reading.person.cases[0].charges[0].relief_granted == "PC-1203.4"
    results = {r.rule.id: r for r in screen(reading.person, date(2026, 11, 23)).charges[0].results}
    dismissal = results["CA-1203.4-a1-probation-completed"]
    assert dismissal.status is Status.NOT_ELIGIBLE
    assert [c.id for c in dismissal.trace if c.holds is False] == ["not_already_granted"]
    assert summary(dismissal) == (
        "Already granted: the record shows relief granted under PC § 1203.4, so it is not offered again."
    )


def test_a_reduction_makes_the_grade_misdemeanor() -> None:
    charge = Charge(
        id="1",
        statute="11350(A) HS",
        description="POSSESS",
        grade="misdemeanor",
        disposition="convicted",
        disposition_date=date(2012, 5, 1),
        relief_granted="PC-1170.18",
    )
    person = Person(
        id="A12345678", cases=(Case(id="K1", jurisdiction="CA", arrest_date=date(2012, 1, 1), charges=(charge,)),)
    )
    text = ca_rap_synth.print_sheet(person).text
    assert "CONV STATUS:FELONY" in text and "RESENTENCED PER 1170.18 PC" in text
    reading = ca_rap.read_text(text, today=TODAY)
    assert reading.person.cases[0].charges[0].grade == "misdemeanor"
    assert any(s.field == "cases[0].charges[0].grade" and "1170.18" in s.text for s in reading.seen)


def test_a_term_still_running_is_marked_scheduled() -> None:
    charge = Charge(
        id="1",
        statute="459 PC",
        description="BURGLARY",
        grade="felony",
        disposition="convicted",
        disposition_date=date(2025, 1, 6),
        sentence=Sentence(
            supervision="probation",
            probation_granted=True,
            probation_start=date(2025, 1, 6),
            probation_end=date(2028, 1, 6),
        ),
    )
    person = Person(
        id="A12345678", cases=(Case(id="K1", jurisdiction="CA", arrest_date=date(2024, 12, 1), charges=(charge,)),)
    )
    reading = ca_rap.read_text(ca_rap_synth.print_sheet(person).text, today=TODAY)
    sentence = reading.person.cases[0].charges[0].sentence
    assert sentence.probation_end == date(2028, 1, 6) and sentence.probation_end_scheduled is True


# ---------------------------------------------------------------- refusals


def test_a_document_that_is_not_a_rap_sheet_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "letter.txt"
    path.write_text("Dear court,\nplease find enclosed my docket.\n")
    with pytest.raises(DocumentRefused, match="not a California DOJ RAP sheet"):
        ca_rap.read_rap_sheet(str(path))
    assert not ca_rap.recognise(path.read_text(), None)
    assert ca_rap.recognise(ca_rap_synth.sheet(1).text, None)


def test_an_unknown_layout_is_refused_loudly() -> None:
    text = ca_rap_synth.sheet(1).text.replace("** III CALIFORNIA ONLY SOURCE RECORD\n", "")
    with pytest.raises(DocumentRefused, match="layout this reader does not know"):
        ca_rap.read_text(text)
    no_end = ca_rap_synth.sheet(1).text.replace(ca_rap_synth.END, "")
    with pytest.raises(DocumentRefused, match="layout"):
        ca_rap.read_text(no_end)


def test_bad_pdfs_are_refused_with_a_reason(tmp_path: Path) -> None:
    from pypdf import PdfWriter
    from reportlab.pdfgen import canvas

    blank = tmp_path / "scan.pdf"
    pdf = canvas.Canvas(str(blank))
    pdf.rect(10, 10, 100, 100)
    pdf.showPage()
    pdf.save()
    with pytest.raises(DocumentRefused, match="no text layer"):
        ca_rap.read_rap_sheet(str(blank))

    good = tmp_path / "good.pdf"
    ca_rap_synth.to_pdf(ca_rap_synth.sheet(2), str(good))
    truncated = tmp_path / "truncated.pdf"
    truncated.write_bytes(good.read_bytes()[: good.stat().st_size // 3])
    with pytest.raises(DocumentRefused):
        ca_rap.read_rap_sheet(str(truncated))

    locked = tmp_path / "locked.pdf"
    writer = PdfWriter(clone_from=str(good))
    writer.encrypt("secret")
    with locked.open("wb") as handle:
        writer.write(handle)
    with pytest.raises(DocumentRefused, match="encrypted"):
        ca_rap.read_rap_sheet(str(locked))

    binary = tmp_path / "image.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe")
    with pytest.raises(DocumentRefused, match="not text"):
        ca_rap.read_rap_sheet(str(binary))


def test_limits_on_size(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.txt"
    path.write_text(ca_rap_synth.sheet(3).text)
    monkeypatch.setattr(ca_rap, "MAX_BYTES", 100)
    with pytest.raises(DocumentRefused, match="bytes"):
        ca_rap.read_rap_sheet(str(path))
    monkeypatch.setattr(ca_rap, "MAX_BYTES", 10**9)
    monkeypatch.setattr(ca_rap, "MAX_LINES", 10)
    with pytest.raises(DocumentRefused, match="lines"):
        ca_rap.read_rap_sheet(str(path))


@pytest.mark.slow
@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_damaged_sheets_give_a_reading_or_a_refusal(data: st.DataObject) -> None:
    """Lines dropped, duplicated or garbled: only a Reading or DocumentRefused comes out, never a crash."""
    lines = ca_rap_synth.sheet(data.draw(st.integers(0, 50))).lines
    for _ in range(data.draw(st.integers(1, 6))):
        at = data.draw(st.integers(0, len(lines) - 1))
        action = data.draw(st.sampled_from(["drop", "dup", "garble", "insert"]))
        if action == "drop":
            del lines[at]
        elif action == "dup":
            lines.insert(at, lines[at])
        elif action == "garble":
            lines[at] = data.draw(st.text(max_size=40))
        else:
            lines.insert(
                at,
                data.draw(
                    st.sampled_from(
                        [
                            "CNT:07",
                            "  DISPO:CONVICTED",
                            "  SEN: 999 YEARS JAIL",
                            "COURT:",
                            "19991399  CASC X",
                            "  CONV STATUS:FELONY",
                        ]
                    )
                ),
            )
        if not lines:
            break
    try:
        reading = ca_rap.read_text("\n".join(lines), today=TODAY)
    except DocumentRefused:
        return
    assert isinstance(reading.person, Person)

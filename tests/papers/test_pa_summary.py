"""PA court summaries: generated PDFs read back to what a summary prints; merged with the dockets."""

from __future__ import annotations

import io
import json
import os
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from secondchance.papers.merge import merge
from secondchance.papers.pa_docket import read_pa_docket_bytes
from secondchance.papers.pa_summary import read_pa_summary_bytes
from secondchance.papers.reading import DocumentRefused
from secondchance.papers.registry import read_document_bytes
from secondchance.papers.synth_pa import docket_pdf, random_person
from secondchance.papers.synth_pa_summary import printed_record, summary_pdf
from secondchance.records.model import Case, Person
from secondchance.records.parse import person_to_json

SEEDS = range(1, 41)
#: ``make check`` reads back the first ten summaries; ``make test`` all forty.
FAST_SEEDS = 10


def by_docket(person: Person) -> dict[str, Case]:
    return {case.id: case for case in person.cases}


@pytest.mark.parametrize(
    "seed", [seed if seed <= FAST_SEEDS else pytest.param(seed, marks=pytest.mark.slow) for seed in SEEDS]
)
def test_a_summary_reads_back_what_it_prints(seed: int) -> None:
    person = random_person(seed)
    reading = read_pa_summary_bytes(summary_pdf(person), "summary.pdf")
    expected = printed_record(person)
    assert reading.kind == "pa-court-summary" and reading.layout == "ujs-cpcms-3541"
    assert (reading.person.name, reading.person.birth_date) == (expected.name, expected.birth_date)
    assert by_docket(reading.person) == by_docket(expected)
    # what is printed but is not a date the rules can use is asked, never guessed
    asked = {u.reason for u in reading.unread}
    assert all("length" in reason for reason in asked), asked


def test_every_value_says_where_it_was_printed() -> None:
    reading = read_pa_summary_bytes(summary_pdf(random_person(3)), "summary.pdf")
    assert reading.seen and all(s.place.file == "summary.pdf" and s.place.page and s.place.line for s in reading.seen)
    dates = [s for s in reading.seen if s.field.endswith("disposition_date")]
    assert dates and all(s.sure == 0.8 for s in dates)  # the case's date, not the charge's


def test_the_registry_picks_the_summary_reader() -> None:
    reading = read_document_bytes(summary_pdf(random_person(4)), "summary.pdf")
    assert reading.kind == "pa-court-summary"


def test_a_summary_and_its_dockets_agree_when_dispositions_share_a_date() -> None:
    person = random_person(5)
    cases = tuple(
        replace(
            case, charges=tuple(replace(c, disposition_date=case.charges[0].disposition_date) for c in case.charges)
        )
        for case in person.cases
    )
    person = replace(person, cases=cases)
    dockets = [read_pa_docket_bytes(docket_pdf(replace(person, cases=(c,)), c), f"{c.id}.pdf") for c in cases]
    merged = merge([read_pa_summary_bytes(summary_pdf(person), "summary.pdf"), *dockets])
    assert merged.disagreements == ()
    assert {c.id for c in merged.person.cases} == {c.id for c in cases}
    first = by_docket(merged.person)[cases[0].id]
    assert first.judge == cases[0].judge and first.charges[0].offense_date == cases[0].charges[0].offense_date


def test_a_charge_disposed_earlier_than_its_case_is_a_disagreement_shown() -> None:
    person = random_person(6)
    case = person.cases[0]
    if len(case.charges) < 2:
        case = replace(case, charges=(*case.charges, replace(case.charges[0], id="2")))
    early = replace(case.charges[0], disposition="withdrawn", disposition_date=date(1990, 1, 2))
    late = replace(case.charges[1], disposition_date=date(2030, 1, 2))
    case = replace(case, arrest_date=date(1989, 12, 1), charges=(early, late, *case.charges[2:]))
    person = replace(person, cases=(case,))
    summary = read_pa_summary_bytes(summary_pdf(person), "summary.pdf")
    docket = read_pa_docket_bytes(docket_pdf(person, case), "docket.pdf")
    merged = merge([summary, docket])
    assert any("disposition_date" in d for d in merged.disagreements)
    assert merged.person.cases[0].charges[0].disposition_date is None  # unknown: needs review, not the later date


def test_another_layout_version_is_refused() -> None:
    with pytest.raises(DocumentRefused, match="layout version"):
        read_pa_summary_bytes(summary_pdf(random_person(2), form="CPCMS 9999"), "summary.pdf")


def test_a_missing_page_is_refused() -> None:
    person = random_person(7)
    person = replace(person, cases=person.cases * 8)  # the same cases again: several pages
    person = replace(person, cases=tuple(replace(c, id=f"{c.id}-{i}") for i, c in enumerate(person.cases)))
    data = summary_pdf(person)
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) > 1
    writer = PdfWriter()
    writer.add_page(reader.pages[0])
    out = io.BytesIO()
    writer.write(out)
    with pytest.raises(DocumentRefused, match="pages"):
        read_pa_summary_bytes(out.getvalue(), "summary.pdf")


GOLDEN = Path(__file__).parent / "golden_pa_summaries.json"


def summary_reading_json(seed: int) -> dict[str, object]:
    reading = read_pa_summary_bytes(summary_pdf(random_person(seed)), f"summary-{seed}.pdf")
    return {
        "kind": reading.kind,
        "layout": reading.layout,
        "pages": reading.pages,
        "record": person_to_json(reading.person),
        "seen": [[s.field, s.text, s.place.page, s.place.line, s.sure] for s in reading.seen],
        "unread": [[u.field, u.text, u.place.page, u.place.line, u.reason] for u in reading.unread],
        "notes": list(reading.notes),
    }


def test_golden_summary_readings() -> None:
    got = {str(seed): summary_reading_json(seed) for seed in (1, 2, 3)}
    if os.environ.get("UPDATE_GOLDEN") or not GOLDEN.exists():
        GOLDEN.write_text(json.dumps(got, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    assert json.loads(json.dumps(got, ensure_ascii=False)) == json.loads(GOLDEN.read_text(encoding="utf-8"))

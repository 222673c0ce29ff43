"""PA docket sheets: generated PDFs read back to the same record; bad documents refused with a reason."""

from __future__ import annotations

import io
import json
import os
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import letter
from reportlab.pdfgen.canvas import Canvas

from secondchance.papers.merge import merge
from secondchance.papers.pa_docket import read_pa_docket_bytes
from secondchance.papers.reading import DocumentRefused
from secondchance.papers.synth_pa import docket_pdf, random_person
from secondchance.records.model import Person
from secondchance.records.parse import person_to_json

GOLDEN = Path(__file__).parent / "golden_pa_dockets.json"
GOLDEN_SEEDS = (1, 2, 3, 7, 11)


def one_case(person: Person, index: int = 0) -> Person:
    return replace(person, cases=(person.cases[index],))


def docket(seed: int, index: int = 0, **options: Any) -> tuple[Person, bytes]:
    person = one_case(random_person(seed), index)
    return person, docket_pdf(person, person.cases[0], **options)


def without_id(record: dict[str, object]) -> dict[str, object]:
    return {k: v for k, v in record.items() if k != "id"}


def reading_json(seed: int) -> dict[str, object]:
    _, data = docket(seed)
    reading = read_pa_docket_bytes(data, f"seed-{seed}.pdf")
    return {
        "kind": reading.kind,
        "layout": reading.layout,
        "pages": reading.pages,
        "record": person_to_json(reading.person),
        "seen": [[s.field, s.text, s.place.page, s.place.line, s.sure] for s in reading.seen],
        "unread": [[u.field, u.text, u.place.page, u.place.line, u.reason] for u in reading.unread],
        "notes": list(reading.notes),
    }


def test_golden_readings() -> None:
    got = {str(seed): reading_json(seed) for seed in GOLDEN_SEEDS}
    if os.environ.get("UPDATE_GOLDEN") or not GOLDEN.exists():
        GOLDEN.write_text(json.dumps(got, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    assert got == json.loads(GOLDEN.read_text(encoding="utf-8"))


@pytest.mark.slow
@settings(max_examples=30, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10**9), extra=st.integers(0, 80))
def test_record_to_docket_to_record_is_the_same(seed: int, extra: int) -> None:
    person, data = docket(seed, extra_lines=extra)  # extra bail lines push the charges onto later pages
    reading = read_pa_docket_bytes(data, "x.pdf")
    assert without_id(person_to_json(reading.person)) == without_id(person_to_json(person))
    for seen in reading.seen:
        assert seen.place.page is not None and 1 <= seen.place.page <= (reading.pages or 0)


def test_wrapped_descriptions_and_continued_pages_are_read() -> None:
    for seed in range(200):
        person, data = docket(seed, extra_lines=60)
        if any(len(c.description or "") > 34 for c in person.cases[0].charges):
            break
    reading = read_pa_docket_bytes(data, "x.pdf")
    assert (reading.pages or 0) >= 2
    assert reading.person.cases[0].charges == person.cases[0].charges
    assert any(s.sure < 1 and s.field.endswith(".description") for s in reading.seen)


def test_every_value_has_its_place_and_the_sentence_length_is_asked() -> None:
    for seed in range(100):
        person, data = docket(seed)
        if any(c.sentence.supervision == "probation" for c in person.cases[0].charges):
            break
    reading = read_pa_docket_bytes(data, "x.pdf")
    asked = [u for u in reading.unread if u.field.endswith("sentence.probation_end")]
    assert asked and asked[0].text == "Max of 1.00 Year" and "when did probation end" in asked[0].reason
    fields = {s.field for s in reading.seen}
    assert "cases[0].docket_number" in fields and "birth_date" in fields


def _plain_pdf(text: str, pages: int = 1) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=letter, invariant=True)
    for _ in range(pages):
        if text:
            canvas.drawString(72, 720, text)
        else:
            canvas.rect(72, 72, 300, 300, fill=1)  # an "image": marks, no text
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _encrypted(data: bytes) -> bytes:
    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(data)).pages:
        writer.add_page(page)
    writer.encrypt("secret")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _refusal(data: bytes) -> str:
    with pytest.raises(DocumentRefused) as caught:
        read_pa_docket_bytes(data, "bad.pdf")
    return caught.value.reason


def test_bad_documents_are_refused_with_a_reason() -> None:
    _, good = docket(5)
    assert "encrypted" in _refusal(_encrypted(good))
    assert "no text layer" in _refusal(_plain_pdf(""))
    assert "type the charges" in _refusal(_plain_pdf(""))
    assert "truncated" in _refusal(good[: len(good) // 2])
    assert "not a Pennsylvania court docket" in _refusal(_plain_pdf("Quarterly report"))
    assert "not a PDF" in _refusal(b"hello")
    assert "pages" in _refusal(_plain_pdf("x", pages=61))
    assert "layout version" in _refusal(docket(5, form="CPCMS 9099")[1])


def test_a_missing_page_is_refused() -> None:
    _, data = docket(5, extra_lines=80)
    reader = PdfReader(io.BytesIO(data))
    writer = PdfWriter()
    writer.add_page(reader.pages[0])
    out = io.BytesIO()
    writer.write(out)
    assert "pages" in _refusal(out.getvalue())


def test_the_same_docket_twice_is_one_case_and_a_disagreement_is_listed() -> None:
    person, data = docket(8)
    first = read_pa_docket_bytes(data, "a.pdf")
    merged = merge([first, read_pa_docket_bytes(data, "b.pdf")])
    assert merged.person.cases == first.person.cases and not merged.disagreements
    changed = replace(person.cases[0], judge="Judge Z. Other")
    other = read_pa_docket_bytes(docket_pdf(person, changed), "c.pdf")
    merged = merge([first, other])
    assert len(merged.person.cases) == 1 and merged.person.cases[0].judge is None
    assert any("judge" in d and "c.pdf" in d for d in merged.disagreements)

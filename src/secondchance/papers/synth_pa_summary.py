"""Synthetic Pennsylvania UJS court summaries as PDFs: a person's whole history across dockets.

A reconstruction of the public "Court Summary" report (no real one is shipped): a header on every page
(``COURT SUMMARY``, ``Page x of y``, the name and date of birth), a footer (``CPCMS 3541``,
``Printed: MM/DD/YYYY``), the aliases, then the cases grouped by status (``Closed``, ``Active``) and
county. Each case prints its docket number and processing status; ``Arrest Dt``, ``OTN``, ``Disp Date``
and ``Disp Judge``; a table of charges (``Seq No``, ``Statute``, ``Grade``, ``Description``,
``Disposition``) and under a sentenced charge its sentences (``Sentence Dt.``, ``Sentence Type``,
``Program Period``, ``Sentence Length``). A summary prints no offense dates, no amounts, and one
disposition date per case.
"""

from __future__ import annotations

import io
from typing import Final

from reportlab.lib.pagesizes import letter
from reportlab.pdfgen.canvas import Canvas

from ..records.model import Case, Charge, Person, Sentence
from .synth_pa import (
    DISPOSITION_TEXT,
    FONT,
    LEADING,
    LEFT,
    PRINTED,
    SIZE,
    TOP,
    _d,
    _Pages,
    _pick,
    _sentences,
    statute_printed,
    us_date,
    wrap,
)

FORM: Final = "CPCMS 3541"
CHARGE_COLUMNS: Final = (("Seq No", 48), ("Statute", 90), ("Grade", 200), ("Description", 236), ("Disposition", 440))
SENTENCE_COLUMNS: Final = (
    ("Sentence Dt.", 90),
    ("Sentence Type", 160),
    ("Program Period", 300),
    ("Sentence Length", 440),
)
DESCRIPTION_WIDTH: Final = 38


def caption_name(person: Person) -> str:
    """The name as a summary prints it: ``LAST, FIRST``."""
    parts = (person.name or "Unknown Defendant").split()
    return f"{parts[-1]}, {' '.join(parts[:-1])}".upper() if len(parts) > 1 else parts[0].upper()


def summary_pdf(person: Person, form: str | None = None) -> bytes:
    """Every case of ``person`` on one court summary; ``form`` replaces the footer's form number."""
    out = _Pages()
    line = out.line
    line([(LEFT, "Aliases:")])
    for alias in person.aliases:
        line([(48, alias)])
    for status, cases in _by_status(person):
        out.gap()
        line([(LEFT, status)], bold=True)
        county: str | None = None
        for case in cases:
            if case.county != county:
                county = case.county
                line([(LEFT, f"{county or 'Unknown'} County")], bold=True)
            _case(out, case)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=letter, invariant=True)
    canvas.setProducer("CPCMS Court Summary Report")
    canvas.setCreator("secondchance synthetic court summary (not a real record)")
    canvas.setTitle("Court Summary")
    total = len(out.pages)
    for number, lines in enumerate(out.pages, start=1):
        canvas.setFont("Helvetica-Bold", 9)
        canvas.drawString(LEFT, TOP, "COURT SUMMARY")
        canvas.setFont(FONT, SIZE)
        canvas.drawString(LEFT, TOP - LEADING, caption_name(person))
        canvas.drawString(330, TOP - LEADING, "DOB: " + _d(person.birth_date))
        canvas.drawString(500, TOP - LEADING, f"Page {number} of {total}")
        for x, y, text, font in lines:
            canvas.setFont(font, SIZE)
            canvas.drawString(x, y, text)
        canvas.setFont(FONT, 7)
        canvas.drawString(LEFT, 40, form or FORM)
        canvas.drawString(420, 40, f"Printed: {us_date(PRINTED)}")
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _by_status(person: Person) -> list[tuple[str, list[Case]]]:
    closed = [c for c in person.cases if all(h.disposition in DISPOSITION_TEXT for h in c.charges)]
    active = [c for c in person.cases if c not in closed]
    groups = [("Closed", closed), ("Active", active)]
    return [(status, sorted(cases, key=lambda c: c.county or "")) for status, cases in groups if cases]


def _case(out: _Pages, case: Case) -> None:
    disposed = max((c.disposition_date for c in case.charges if c.disposition_date is not None), default=None)
    closed = all(c.disposition in DISPOSITION_TEXT for c in case.charges)
    out.gap()
    out.line(
        [
            (LEFT, case.docket_number or case.id),
            (236, "Processing Status: " + ("Completed" if closed else "Awaiting Trial")),
        ]
    )
    out.line(
        [
            (48, "Arrest Dt: " + _d(case.arrest_date)),
            (200, f"OTN: {case.otn or ''}".rstrip()),
            (330, "Disp Date: " + _d(disposed)),
            (440, f"Disp Judge: {case.judge or ''}".rstrip()),
        ]
    )
    out.line([(48, "Def Atty: Public Defender")])
    out.line([(x, title) for title, x in CHARGE_COLUMNS])
    for charge in case.charges:
        description = wrap(charge.description or "", DESCRIPTION_WIDTH) or [""]
        spellings = DISPOSITION_TEXT.get(charge.disposition or "", ("",))
        out.line(
            [
                (48, charge.id),
                (90, statute_printed(charge.statute or "")),
                (200, charge.grade or ""),
                (236, description[0]),
                (440, spellings[_pick(charge.id, len(spellings))]),
            ]
        )
        for more in description[1:]:
            out.line([(236, more)])
        sentences = _sentences(charge.sentence) if charge.disposition == "convicted" else []
        if sentences:
            out.line([(x, title) for title, x in SENTENCE_COLUMNS])
        for kind, start in sentences:
            length = "Max of 1.00 Year" if kind != "No Further Penalty" else ""
            out.line([(90, _d(start)), (160, kind), (440, length)])


def printed_record(person: Person) -> Person:
    """What a summary prints of ``person``: no offense dates, amounts, sentence dates, address or judge;
    each disposed charge with its case's latest disposition date."""
    cases = []
    for case in person.cases:
        disposed = max((c.disposition_date for c in case.charges if c.disposition_date), default=None)
        charges = tuple(
            Charge(
                id=c.id,
                statute=c.statute,
                description=c.description,
                grade=c.grade,
                disposition=c.disposition,
                disposition_date=disposed if c.disposition else None,
                sentence=_printed_sentence(c),
            )
            for c in case.charges
        )
        cases.append(
            Case(
                id=case.id,
                jurisdiction="PA",
                county=case.county,
                arrest_date=case.arrest_date,
                charges=charges,
                docket_number=case.docket_number,
                otn=case.otn,
            )
        )
    return Person(
        id=person.name or "person",
        birth_date=person.birth_date,
        cases=tuple(cases),
        name=person.name,
        aliases=person.aliases,
    )


def _printed_sentence(charge: Charge) -> Sentence:
    s = charge.sentence
    if charge.disposition != "convicted":
        return Sentence()
    return Sentence(incarcerated=s.incarcerated, supervision=s.supervision, probation_granted=s.probation_granted)

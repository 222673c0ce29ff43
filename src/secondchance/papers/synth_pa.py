"""Synthetic Pennsylvania UJS docket sheets as PDFs, laid out like the real ones, for tests and the bench.

No real person: names, places and numbers are drawn from made-up lists with a seed. The layout
follows the public UJS "Court Docket" form (CPCMS for Common Pleas, MDJS for Magisterial District
courts): a header on every page (court, docket number, caption, ``Page x of y``), a footer
(``CPCMS 9082`` / ``MDJS 1200``, ``Printed: MM/DD/YYYY``), then the sections CASE INFORMATION,
STATUS INFORMATION, DEFENDANT INFORMATION, CASE PARTICIPANTS, BAIL INFORMATION, CHARGES,
DISPOSITION SENTENCING/PENALTIES and CASE FINANCIAL INFORMATION; statutes printed as
``18 § 3921 §§ A``, long descriptions wrapped onto the next line, sections carried across pages.

``docket_pdf(person, case)`` draws one case of a record; ``random_person(seed)`` (``synth_pa_people``)
makes a record whose every printed field the reader must read back (the round trip of ``bench/papers.py``).
"""

from __future__ import annotations

import io
import re
from datetime import date
from typing import Final

from reportlab.lib.pagesizes import letter
from reportlab.pdfgen.canvas import Canvas

from ..records.model import Case, Charge, Person, Sentence
from .synth_pa_people import random_person, statute_record

__all__ = ["docket_pdf", "random_person", "statute_printed", "statute_record"]

FONT: Final = "Helvetica"
SIZE: Final = 8
LEADING: Final = 11
TOP: Final = 752
BOTTOM: Final = 60
LEFT: Final = 36
PRINTED: Final = date(2026, 11, 2)

#: Column starts (points from the left) of the CHARGES table and the disposition lines.
CHARGE_COLUMNS: Final = (
    ("Seq.", 36),
    ("Orig Seq.", 62),
    ("Grade", 104),
    ("Statute", 136),
    ("Statute Description", 236),
    ("Offense Dt.", 440),
    ("OTN", 504),
)
DESCRIPTION_WIDTH: Final = 34  # characters before a description wraps
DISPOSITION_COLUMNS: Final = (
    ("Sequence/Description", 36),
    ("Offense Disposition", 236),
    ("Grade", 372),
    ("Section", 404),
)
EVENT_COLUMNS: Final = (("Case Event", 36), ("Disposition Date", 236), ("Final Disposition", 372))
SENTENCE_COLUMNS: Final = (
    ("Sentence/Diversion Program Type", 48),
    ("Incarceration/Diversionary Period", 236),
    ("Start Date", 440),
)
FINANCE_COLUMNS: Final = (
    ("", 36),
    ("Assessment", 236),
    ("Payments", 300),
    ("Adjustments", 364),
    ("Non Monetary Payments", 420),
    ("Total", 540),
)

#: How each record disposition is printed (the first spelling; the reader knows the others).
DISPOSITION_TEXT: Final = {
    "convicted": ("Guilty Plea", "Guilty", "Guilty Plea - Negotiated"),
    "not_guilty": ("Not Guilty",),
    "dismissed": ("Dismissed", "Quashed", "Dismissed - Rule 600 (Speedy Trial)"),
    "withdrawn": ("Withdrawn",),
    "nolle_prossed": ("Nolle Prossed",),
}


def statute_printed(statute: str) -> str:
    """The UJS docket form of a record citation: ``18 Pa.C.S. § 3929(a)(1)`` -> ``18 § 3929 §§ A1``."""
    found = re.fullmatch(r"(\d+) (?:Pa\.C\.S\.|P\.S\.) § ([0-9.\-]+)((?:\([0-9a-zA-Z]+\))*)", statute)
    if found is None:
        return statute
    subs = "".join(re.findall(r"\(([0-9a-zA-Z]+)\)", found[3])).upper()
    return f"{found[1]} § {found[2]}" + (f" §§ {subs}" if subs else "")


def us_date(value: date) -> str:
    return f"{value.month:02d}/{value.day:02d}/{value.year:04d}"


def money(value: float) -> str:
    sign = "-" if value < 0 else ""
    return f"{sign}${abs(value):,.2f}"


def wrap(text: str, width: int) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    return [*lines, current] if current else lines


class _Pages:
    """Lines laid out onto pages; the header and footer are drawn once the page count is known."""

    def __init__(self) -> None:
        self.pages: list[list[tuple[float, float, str, str]]] = [[]]
        self.y: float = TOP - 6 * LEADING

    def line(self, cells: list[tuple[float, str]], bold: bool = False) -> None:
        if self.y < BOTTOM + LEADING:
            self.pages.append([])
            self.y = TOP - 6 * LEADING
        for x, text in cells:
            if text:
                self.pages[-1].append((x, self.y, text, "Helvetica-Bold" if bold else FONT))
        self.y -= LEADING

    def gap(self) -> None:
        self.y -= LEADING / 2


def docket_pdf(person: Person, case: Case, extra_lines: int = 0, form: str | None = None) -> bytes:
    """One case of ``person`` as a UJS docket sheet (CP or MJ by its docket number).

    ``extra_lines`` bail lines push later sections onto more pages; ``form`` replaces the footer's
    form number (a layout version the reader must refuse).
    """
    out = _Pages()
    _case_information(out, case)
    _defendant(out, person)
    _bail(out, case, extra_lines)
    _charges(out, case)
    _dispositions(out, case)
    _finances(out, case)
    return _draw(out, person, case, form)


def _case_information(out: _Pages, case: Case) -> None:
    """CASE INFORMATION and STATUS INFORMATION."""
    section = out.line
    section([(LEFT, "CASE INFORMATION")], bold=True)
    section([(LEFT, f"Judge Assigned: {case.judge or ''}".rstrip()), (330, "Date Filed: " + _d(case.complaint_date))])
    section([(LEFT, f"OTN: {case.otn or ''}".rstrip()), (330, "Originating Docket No:")])
    section([(LEFT, f"County: {case.county or ''}".rstrip())])
    section(
        [
            (LEFT, f"Arresting Agency: {case.arresting_agency or ''}".rstrip()),
            (330, "Arrest Date: " + _d(case.arrest_date)),
        ]
    )
    section([(LEFT, "Complaint Date: " + _d(case.complaint_date))])
    out.gap()
    section([(LEFT, "STATUS INFORMATION")], bold=True)
    closed = all(c.disposition not in (None, "pending") for c in case.charges)
    section(
        [(LEFT, "Case Status: " + ("Closed" if closed else "Active")), (330, "Status Date: " + _d(case.complaint_date))]
    )
    out.gap()


def _defendant(out: _Pages, person: Person) -> None:
    """DEFENDANT INFORMATION (birth date, address, aliases) and CASE PARTICIPANTS."""
    section = out.line
    section([(LEFT, "DEFENDANT INFORMATION")], bold=True)
    section(
        [(LEFT, "Date Of Birth: " + _d(person.birth_date)), (330, f"City/State/Zip: {person.address or ''}".rstrip())]
    )
    section([(LEFT, "Alias Name")])
    for alias in person.aliases:
        section([(LEFT, alias)])
    out.gap()
    section([(LEFT, "CASE PARTICIPANTS")], bold=True)
    section([(LEFT, "Participant Type"), (236, "Name")])
    section([(LEFT, "Defendant"), (236, person.name or "Unknown Defendant")])
    out.gap()


def _bail(out: _Pages, case: Case, extra_lines: int) -> None:
    section = out.line
    section([(LEFT, "BAIL INFORMATION")], bold=True)
    section([(LEFT, "Bail Action"), (236, "Date"), (330, "Bail Type"), (440, "Amount")])
    for _ in range(extra_lines):
        section([(LEFT, "Set"), (236, _d(case.complaint_date)), (330, "ROR"), (440, "$0.00")])
    out.gap()


def _charges(out: _Pages, case: Case) -> None:
    """CHARGES: one row a charge, its description wrapped onto the next lines."""
    section = out.line
    section([(LEFT, "CHARGES")], bold=True)
    section(list((x, title) for title, x in CHARGE_COLUMNS))
    for charge in case.charges:
        description = wrap(charge.description or "", DESCRIPTION_WIDTH) or [""]
        section(
            [
                (36, charge.id),
                (62, charge.id),
                (104, charge.grade or ""),
                (136, statute_printed(charge.statute or "")),
                (236, description[0]),
                (440, _d(charge.offense_date)),
                (504, case.otn or ""),
            ]
        )
        for more in description[1:]:
            section([(236, more)])
    out.gap()


def _dispositions(out: _Pages, case: Case) -> None:
    """DISPOSITION SENTENCING/PENALTIES: one event a disposition date, its charges and their sentences."""
    section = out.line
    section([(LEFT, "DISPOSITION SENTENCING/PENALTIES")], bold=True)
    section(list((x, t) for t, x in EVENT_COLUMNS))
    section(list((x, t) for t, x in DISPOSITION_COLUMNS))
    section(list((x, t) for t, x in SENTENCE_COLUMNS))
    by_date: dict[date | None, list[Charge]] = {}
    for charge in case.charges:
        if charge.disposition in DISPOSITION_TEXT:
            by_date.setdefault(charge.disposition_date, []).append(charge)
    for when, charges in by_date.items():
        out.gap()
        event = "Guilty Plea" if any(c.disposition == "convicted" for c in charges) else "Preliminary Hearing"
        section([(36, event), (236, _d(when)), (372, "Final Disposition")])
        for charge in charges:
            spellings = DISPOSITION_TEXT[charge.disposition or ""]
            printed = spellings[_pick(charge.id, len(spellings))]
            summary = wrap(f"{charge.id} / {charge.description or ''}", 40)[0]
            section(
                [(36, summary), (236, printed), (372, charge.grade or ""), (404, statute_printed(charge.statute or ""))]
            )
            for kind, start in _sentences(charge.sentence):
                section(
                    [(48, kind), (236, "Max of 1.00 Year" if kind != "No Further Penalty" else ""), (440, _d(start))]
                )
    out.gap()


def _finances(out: _Pages, case: Case) -> None:
    """CASE FINANCIAL INFORMATION: restitution, then the grand totals."""
    section = out.line
    section([(LEFT, "CASE FINANCIAL INFORMATION")], bold=True)
    section(list((x, t) for t, x in FINANCE_COLUMNS))
    if case.restitution_assessed is not None:
        paid = -(case.restitution_paid or 0.0)
        balance = case.restitution_balance if case.restitution_balance is not None else 0.0
        section(
            [
                (36, "Restitution"),
                (236, money(case.restitution_assessed)),
                (300, money(paid)),
                (364, "$0.00"),
                (420, "$0.00"),
                (540, money(balance)),
            ]
        )
    if case.amount_assessed is not None:
        section(
            [
                (36, "Grand Totals:"),
                (236, money(case.amount_assessed)),
                (300, money(-(case.amount_paid or 0.0))),
                (364, money(-(case.amount_adjusted or 0.0))),
                (420, "$0.00"),
                (540, money(case.amount_balance or 0.0)),
            ]
        )


def _draw(out: _Pages, person: Person, case: Case, form: str | None) -> bytes:
    """The laid-out pages as a PDF, each with the header (``Page x of y``) and the footer."""
    docket = case.docket_number or case.id
    magisterial = docket.startswith("MJ-")
    name = person.name or "Unknown Defendant"
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=letter, invariant=True)
    canvas.setProducer("CPCMS Docket Report" if not magisterial else "MDJS Docket Report")
    canvas.setCreator("secondchance synthetic docket (not a real record)")
    canvas.setTitle(docket)
    total = len(out.pages)
    court = (
        "MAGISTERIAL DISTRICT JUDGE 05-2-13"
        if magisterial
        else f"COURT OF COMMON PLEAS OF {(case.county or 'Unknown').upper()} COUNTY"
    )
    for number, lines in enumerate(out.pages, start=1):
        canvas.setFont("Helvetica-Bold", 9)
        canvas.drawString(LEFT, TOP, court)
        canvas.setFont(FONT, SIZE)
        canvas.drawString(LEFT, TOP - LEADING, "DOCKET")
        canvas.drawString(LEFT, TOP - 2 * LEADING, f"Docket Number: {docket}")
        canvas.drawString(LEFT, TOP - 3 * LEADING, "CRIMINAL DOCKET")
        canvas.drawString(440, TOP - 3 * LEADING, "Court Case")
        canvas.drawString(LEFT, TOP - 4 * LEADING, f"Commonwealth of Pennsylvania v. {name}")
        canvas.drawString(500, TOP - 4 * LEADING, f"Page {number} of {total}")
        for x, y, text, font in lines:
            canvas.setFont(font, SIZE)
            canvas.drawString(x, y, text)
        canvas.setFont(FONT, 7)
        canvas.drawString(LEFT, 40, form or ("MDJS 1200" if magisterial else "CPCMS 9082"))
        canvas.drawString(420, 40, f"Printed: {us_date(PRINTED)}")
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _d(value: date | None) -> str:
    return us_date(value) if value is not None else ""


def _pick(key: str, n: int) -> int:
    return sum(map(ord, key)) % n


def _sentences(sentence: Sentence) -> list[tuple[str, date | None]]:
    out: list[tuple[str, date | None]] = []
    if sentence.incarcerated:
        out.append(("Confinement", sentence.incarceration_start))
    if sentence.supervision == "probation":
        out.append(("Probation", sentence.probation_start))
    if sentence.incarcerated is False and sentence.supervision in (None, "none") and not out:
        out.append(("No Further Penalty", None))
    return out

"""Small formatting helpers shared by the fillers: dates, money, blanks, safe file names."""

from __future__ import annotations

import re
from datetime import date

from ..records.model import Case, Charge, Person
from .model import Petitioner

BLANK = "________________________"

DISPOSITION_WORDS = {
    "convicted": "Guilty (conviction)",
    "not_guilty": "Not guilty",
    "dismissed": "Dismissed",
    "withdrawn": "Withdrawn",
    "nolle_prossed": "Nolle prossed",
    "diversion_completed": "Diversion completed",
    "pending": "Pending",
    "unknown": "Unknown",
}


def day(value: date | None, blank: str = BLANK) -> str:
    """``September 1, 2009``; a partial date as given (``2009``); a blank line when unknown."""
    if value is None:
        return blank
    if type(value) is not date and hasattr(value, "month_known"):
        return value.isoformat()
    return f"{value:%B} {value.day}, {value.year}"


def money(value: float | None) -> str:
    return "unknown" if value is None else f"${value:,.2f}"


def text(value: str | None, blank: str = BLANK) -> str:
    return value.strip() if value and value.strip() else blank


def disposition(charge: Charge) -> str:
    return DISPOSITION_WORDS.get(charge.disposition or "unknown", charge.disposition or "Unknown")


def paid(charge: Charge) -> str:
    """Rule 790(A)(2)(viii): whether fines, costs and restitution due have been paid."""
    if charge.disposition != "convicted":
        return "No sentence (no conviction)"
    owed = [v for v in (charge.sentence.fines_costs_owed, charge.sentence.restitution_owed) if v is not None]
    if len(owed) == 2 and sum(owed) == 0:
        return "Paid in full"
    if any(v > 0 for v in owed):
        return f"{money(sum(owed))} still owed"
    return "Unknown: check your docket"


def slug(value: str) -> str:
    """A file-name part: letters, digits and hyphens only."""
    return re.sub(r"[^A-Za-z0-9]+", "-", value).strip("-") or "case"


def docket(case: Case) -> str:
    """The case's docket number: ``docket_number``, else its id when it reads as one (``CP-51-CR-…``,
    ``LA-18-0042``), else ``""``: an interview's case ids (``1``) are not docket numbers."""
    if case.docket_number and case.docket_number.strip():
        return case.docket_number.strip()
    if re.search(r"[A-Za-z]", case.id) and re.search(r"\d", case.id) and len(case.id) >= 5:
        return case.id
    return ""


def file_part(case: Case) -> str:
    """A file-name part for the case: its docket, else ``case-<id>``."""
    return slug(docket(case)) if docket(case) else f"case-{slug(case.id)}"


def filer(petitioner: Petitioner, person: Person) -> tuple[str, str]:
    """Who files and where they live: the petitioner's details, else the record's, else blank lines."""
    return petitioner.name or person.name or BLANK, petitioner.address or person.address or BLANK

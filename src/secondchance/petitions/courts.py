"""Every county's court in PA and CA, from the data files beside each state's rules.

``relief/jurisdictions/pa/courts.csv`` (67 Courts of Common Pleas) and ``ca/courts.csv`` (58
Superior Courts) carry per row a source URL, ``verified`` (yes/no) and ``checked_on`` (the day the
address was looked up at that URL): an address not confirmed on an official page (the court's, the
county's or the judiciary's) is marked "no", and the checklist tells the person to check it with the
court before going. ``filing_note`` says where criminal filings go when that is not simply the
address given (several criminal courthouses in one county; a separate clerk's window).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources

STATES = ("PA", "CA")


@dataclass(frozen=True)
class Court:
    state: str
    county: str
    name: str
    #: The office that takes filings (PA Clerk of Courts; CA the criminal clerk) and its address.
    office: str
    address: str
    phone: str
    source_url: str
    verified: bool
    #: PA only: the judicial district ("5th").
    judicial_district: str = ""
    #: The day the address was looked up at ``source_url`` (None: not looked up).
    checked_on: date | None = None
    #: Where criminal filings go when that differs from the address (English, shown as written).
    note: str = ""


def _normal(county: str) -> str:
    return county.strip().lower().removesuffix(" county").replace(".", "").strip()


def _day(text: str) -> date | None:
    return date.fromisoformat(text) if text.strip() else None


@cache
def courts(state: str) -> dict[str, Court]:
    """County (lower case, without "County") -> its court, for ``state`` (PA or CA)."""
    if state not in STATES:
        return {}
    path = resources.files("secondchance.relief.jurisdictions") / state.lower() / "courts.csv"
    out: dict[str, Court] = {}
    with path.open("r", encoding="utf-8") as handle:
        for row in csv.DictReader(io.StringIO(handle.read(), newline="")):
            if state == "PA":
                court = Court(
                    "PA",
                    row["county"],
                    row["court"],
                    row["clerk_office"],
                    row["clerk_address"],
                    row["phone"],
                    row["source_url"],
                    row["verified"] == "yes",
                    row["judicial_district"],
                    _day(row["checked_on"]),
                    row["filing_note"].strip(),
                )
            else:
                court = Court(
                    "CA",
                    row["county"],
                    row["court"],
                    "Criminal Clerk's Office",
                    row["criminal_filing_address"],
                    row["phone"],
                    row["source_url"],
                    row["verified"] == "yes",
                    checked_on=_day(row["checked_on"]),
                    note=row["filing_note"].strip(),
                )
            out[_normal(court.county)] = court
    return out


def court_for(state: str | None, county: str | None) -> Court | None:
    """The county's court, or ``None`` when the state or county is unknown (the paper says to fill it in)."""
    if not state or not county:
        return None
    return courts(state).get(_normal(county))

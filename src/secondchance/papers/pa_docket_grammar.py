"""The words and patterns of a Pennsylvania UJS docket sheet (CPCMS 9082, MDJS 1200): its sections,
labels, column headings and printed dispositions, and the readers of its dates, amounts and statute
citations. Shared with the court summary reader (``pa_summary``).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Final

from ..relief.jurisdictions.pa.citations import read as read_citation

KIND_CP: Final = "pa-docket-cp"
KIND_MJ: Final = "pa-docket-mj"
#: The layouts known: the footer form number, and the layout name a Reading records.
FORMS: Final = {"CPCMS 9082": "ujs-cpcms-9082", "MDJS 1200": "ujs-mdjs-1200"}

SECTIONS: Final = (
    "CASE INFORMATION",
    "STATUS INFORMATION",
    "DEFENDANT INFORMATION",
    "CASE PARTICIPANTS",
    "BAIL INFORMATION",
    "CHARGES",
    "DISPOSITION SENTENCING/PENALTIES",
    "CASE FINANCIAL INFORMATION",
)
DOCKET_NUMBER: Final = re.compile(r"(?:CP|MJ)-\d{2}(?:\d{3})?-(?:CR|SU|NT)-\d{7}-\d{4}")
PAGE_OF: Final = re.compile(r"Page (\d+) of (\d+)")
US_DATE: Final = re.compile(r"(\d{2})/(\d{2})/(\d{4})")
MONEY: Final = re.compile(r"(-)?\$([0-9,]+\.\d{2})|\((\$[0-9,]+\.\d{2})\)")
LABEL: Final = re.compile(r"([A-Z][A-Za-z/ .]*?):\s*(.*)")

#: ``Label:`` -> (record field path relative to its level, kind); None: printed but not a record field.
LABELS: Final[dict[str, tuple[str, str] | None]] = {
    "Judge Assigned": ("case.judge", "text"),
    "OTN": ("case.otn", "text"),
    "County": ("case.county", "text"),
    "Arresting Agency": ("case.arresting_agency", "text"),
    "Arrest Date": ("case.arrest_date", "date"),
    "Complaint Date": ("case.complaint_date", "date"),
    "Date Of Birth": ("person.birth_date", "date"),
    "City/State/Zip": ("person.address", "text"),
    "Date Filed": None,
    "Originating Docket No": None,
    "Case Status": None,
    "Status Date": None,
}

CHARGE_HEADINGS: Final = ("Seq.", "Orig Seq.", "Grade", "Statute", "Statute Description", "Offense Dt.", "OTN")
EVENT_HEADINGS: Final = ("Case Event", "Disposition Date", "Final Disposition")
DISPOSITION_HEADINGS: Final = ("Sequence/Description", "Offense Disposition", "Grade", "Section")
SENTENCE_HEADINGS: Final = ("Sentence/Diversion Program Type", "Incarceration/Diversionary Period", "Start Date")
FINANCE_HEADINGS: Final = ("Assessment", "Payments", "Adjustments", "Non Monetary Payments", "Total")
BAIL_HEADINGS: Final = ("Bail Action", "Date", "Bail Type", "Amount")
PARTICIPANT_HEADINGS: Final = ("Participant Type", "Name")

#: Offense dispositions as printed -> the record's disposition. None: printed, but the outcome is
#: not final or not said (ARD entered, held for court), so it is asked, never guessed.
DISPOSITIONS: Final[dict[str, str | None]] = {
    "guilty": "convicted",
    "guilty plea": "convicted",
    "guilty plea - negotiated": "convicted",
    "guilty plea - non-negotiated": "convicted",
    "nolo contendere": "convicted",
    "not guilty": "not_guilty",
    "dismissed": "dismissed",
    "quashed": "dismissed",
    "dismissed - rule 600 (speedy trial)": "dismissed",
    "dismissed - loe": "dismissed",
    "dismissed - lack of evidence": "dismissed",
    "judgment of acquittal (prior to deliberation)": "not_guilty",
    "withdrawn": "withdrawn",
    "nolle prossed": "nolle_prossed",
    "ard - county": None,
    "held for court": None,
    "waived for court": None,
}
UNREAD_DISPOSITIONS: Final = {
    "ard - county": "ARD was entered; the docket does not say whether it was completed",
    "held for court": "held for court: the Common Pleas docket has the outcome",
    "waived for court": "waived for court: the Common Pleas docket has the outcome",
}


def recognise(first_page: str, producer: str | None) -> bool:
    """Whether a document looks like a UJS docket sheet (its first page's header)."""
    del producer
    return "CRIMINAL DOCKET" in first_page and bool(DOCKET_NUMBER.search(first_page))


def read_us_date(text: str) -> date | None:
    found = US_DATE.fullmatch(text.strip())
    if found is None:
        return None
    try:
        return date(int(found[3]), int(found[1]), int(found[2]))
    except ValueError:
        return None


def read_money(text: str) -> float | None:
    found = MONEY.fullmatch(text.strip())
    if found is None:
        return None
    if found[3]:
        return -float(found[3].lstrip("$").replace(",", ""))
    amount = float(found[2].replace(",", ""))
    return -amount if found[1] else amount


def record_statute(printed: str) -> str | None:
    """A docket citation (``18 § 3929 §§ A1``) in the record's form (``18 Pa.C.S. § 3929(a)(1)``)."""
    canonical = read_citation(" ".join(printed.upper().split()))
    if canonical is None:
        return None
    found = re.fullmatch(r"(\d+)-(PS-)?([0-9.\-]+?)((?:\([0-9A-Z]+\))*)", canonical)
    if found is None:
        return None
    subs = re.sub(r"\(([A-Z]+)\)", lambda m: f"({m[1].lower()})", found[4])
    code = "P.S." if found[2] else "Pa.C.S."
    return f"{found[1]} {code} § {found[3]}{subs}"

"""A made-up California DOJ bulk extract (tests and bench): the people of ``papers.ca_rap_synth`` in its layout.

The reader is ``bulk.doj``; a generated extract reads back as exactly the people it was made from.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from ..papers.ca_rap import REDUCTIONS
from ..records.model import Case, Charge
from ..relief.semantics import add_years_days
from .doj_format import HEADER


def extract_rows(seed: int, people: int) -> Iterator[dict[str, str]]:
    """Rows of a made-up extract: ``people`` people from ``papers.ca_rap_synth`` (same seeds, same people).

    Each cycle (case) in the layout's order: an arrest step per count, a court step per decided count
    (one per sentence part), then a court step per relief granted.
    """
    from ..papers.ca_rap_synth import person

    for n in range(people):
        who, name = person(seed * 1_000_003 + n)
        for cyc, case in enumerate(who.cases, start=1):
            base = {
                "CII_NUMBER": who.id,
                "PRI_NAME": name,
                "PRI_DOB": who.birth_date.strftime("%Y%m%d") if who.birth_date else "",
                "CYC_ORDER": str(cyc),
                "CYC_DATE": case.arrest_date.strftime("%Y%m%d") if case.arrest_date else "",
                "STP_ORI_CNTY_NAME": (case.county or "").upper(),
                "FE_NUM_CRT_CASE": case.id,
            }
            yield from _arrest_steps(base, case)
            yield from _court_steps(base, case)
            yield from _relief_steps(base, case)


def _offense(charge: Charge) -> str:
    """A charge's OFFENSE_DESCR: statute (with dashes for slashes), a dash, its description."""
    return f"{(charge.statute or '').replace('/', '-')}-{charge.description}"


def _arrest_steps(base: dict[str, str], case: Case) -> Iterator[dict[str, str]]:
    for number, charge in enumerate(case.charges, start=1):
        toc = {"felony": "F", "misdemeanor": "M", "infraction": "I"}.get(charge.grade or "", "M")
        yield {
            **base,
            "STP_ORDER": "1",
            "STP_EVENT_DATE": base["CYC_DATE"],
            "STP_TYPE_DESCR": "ARREST",
            "CNT_ORDER": str(number),
            "OFFENSE_DESCR": _offense(charge),
            "OFFENSE_TOC": toc,
            "DISP_DESCR": "PROS REJ-INSUFFICIENT EVIDENCE" if charge.disposition == "withdrawn" else "",
        }


def _court_steps(base: dict[str, str], case: Case) -> Iterator[dict[str, str]]:
    for number, charge in enumerate(case.charges, start=1):
        if charge.disposition not in ("convicted", "dismissed", "not_guilty"):
            continue
        grade = charge.grade
        if charge.relief_granted and any(r in charge.relief_granted.split(";") for r in REDUCTIONS):
            grade = "felony"
        dispo = {"convicted": "CONVICTED", "dismissed": "DISMISSED/FURTHERANCE OF JUSTICE"}.get(
            charge.disposition or "", "ACQUITTED"
        )
        terms = [(where, *_term(begin, end)) for where, begin, end in _sentence_parts(charge)] or [("", "", "")]
        for order, (where, length, unit) in enumerate(terms, start=1):
            yield {
                **base,
                "STP_ORDER": "2",
                "STP_EVENT_DATE": charge.disposition_date.strftime("%Y%m%d") if charge.disposition_date else "",
                "STP_TYPE_DESCR": "COURT",
                "CNT_ORDER": str(number),
                "OFFENSE_DESCR": _offense(charge),
                "DISP_DESCR": dispo if order == 1 else "",
                "CONV_STAT_DESCR": (grade or "").upper() if charge.disposition == "convicted" else "",
                "SENT_ORDER": str(order) if where else "",
                "SENT_LOC_DESCR": where,
                "SENT_LENGTH": length,
                "SENT_TIME_DESCR": unit,
            }


def _sentence_parts(charge: Charge) -> list[tuple[str, date, date]]:
    """(where, begin, end) of a charge's probation and its jail or prison."""
    s = charge.sentence
    parts: list[tuple[str, date, date]] = []
    if s.supervision == "probation" and s.probation_start and s.probation_end:
        parts.append(("PROBATION", s.probation_start, s.probation_end))
    if s.incarcerated and s.incarceration_start and s.incarceration_end:
        parts.append(("PRISON" if s.state_prison else "JAIL", s.incarceration_start, s.incarceration_end))
    return parts


def _relief_steps(base: dict[str, str], case: Case) -> Iterator[dict[str, str]]:
    from ..papers.ca_rap_synth import RELIEF_TEXT

    for number, charge in enumerate(case.charges, start=1):
        for grant in (charge.relief_granted or "").split(";"):
            if grant:
                yield {
                    **base,
                    "STP_ORDER": "3",
                    "STP_EVENT_DATE": "20261123",
                    "STP_TYPE_DESCR": "COURT",
                    "CNT_ORDER": str(number),
                    "OFFENSE_DESCR": _offense(charge),
                    "DISP_DESCR": RELIEF_TEXT[grant],
                }


def _term(begin: date, end: date) -> tuple[str, str]:
    for years in range(1, 30):
        if add_years_days(begin, years, 0) == end:
            return str(years), "YEARS"
    for months in range(1, 120):
        if add_years_days(begin, 0, 0, months) == end:
            return str(months), "MONTHS"
    return str((end - begin).days), "DAYS"


def write_extract(path: Path, seed: int, people: int) -> int:
    """Write a made-up extract of ``people`` people; returns the rows written."""
    rows = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=HEADER, restval="")
        writer.writeheader()
        for row in extract_rows(seed, people):
            writer.writerow(row)
            rows += 1
    return rows


def extract_text(seed: int, people: int) -> str:
    """A made-up extract as CSV text (tests)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=HEADER, restval="")
    writer.writeheader()
    writer.writerows(extract_rows(seed, people))
    return buffer.getvalue()

"""The California DOJ bulk extract (one row per count per step), read as the flat charges table.

The DOJ gives agencies running relief in bulk (Code for America's gogen read the same file) one CSV
row per count of each step of each cycle: the person (``CII_NUMBER``, ``PRI_NAME``, ``PRI_DOB``), the
cycle (``CYC_ORDER``, ``CYC_DATE``: the arrest), the step (``STP_ORDER``, ``STP_EVENT_DATE``,
``STP_TYPE_DESCR`` ARREST or COURT, ``STP_ORI_CNTY_NAME``), the count (``CNT_ORDER``, ``FE_NUM_CRT_CASE``,
``OFFENSE_DESCR`` such as ``459 PC-BURGLARY``, ``OFFENSE_TOC``), its disposition (``DISP_DESCR``,
``CONV_STAT_DESCR``) and one sentence component per row (``SENT_ORDER``, ``SENT_LOC_DESCR`` PROBATION,
JAIL or PRISON, ``SENT_LENGTH``, ``SENT_TIME_DESCR`` DAYS, MONTHS or YEARS). ``secondchance bulk run``
detects it by its header.

A charge is a count's court disposition (or, with no court step, its arrest step: ``PROS REJ`` is
``withdrawn``); its sentence components are gathered from its rows; a later court step whose
``DISP_DESCR`` records relief (``CONV SET ASIDE & DISM PER 1203.4 PC``) fills ``relief_granted`` (and a
§ 17(b) or § 1170.18 reduction makes the grade misdemeanor), as the RAP-sheet reader does
(``papers.ca_rap``). A row that cannot be read is a reject with its line and the reason; the rows of
one cycle must be together (the extract is sorted by CII number and cycle), or the later ones are
rejected. Values are handed on as text, so every check of ``bulk.validate.validate`` applies.

The layout and its grammar are ``bulk.doj_format``; a generator of made-up extracts for tests and
bench is ``bulk.doj_synth`` (its names are re-exported here).
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import polars as pl

from ..papers.ca_rap import DISPOSITIONS, GRADES, REDUCTIONS
from ..records.model import COLUMNS
from ..relief.semantics import add_years_days
from .doj_format import (
    HEADER,
    PROBLEM,
    REQUIRED,
    ROW,
    UNDECODABLE,
    is_extract,
    is_relief_text,
    iso_date,
    read_offense,
    relief_read,
)
from .doj_synth import extract_rows, extract_text, write_extract

__all__ = [
    "HEADER",
    "PROBLEM",
    "REQUIRED",
    "ROW",
    "batches",
    "extract_rows",
    "extract_text",
    "is_extract",
    "write_extract",
]


@dataclass
class _Charge:
    row: int
    values: dict[str, str | None]
    court: bool
    components: list[tuple[str, int, str]] = field(default_factory=list)  # (where, length, unit)
    granted: list[str] = field(default_factory=list)
    reduced: bool = False


class _Cycle:
    """One person's cycle being gathered: its charges by count number."""

    def __init__(self, key: tuple[str, str]) -> None:
        self.key = key
        self.charges: dict[int, _Charge] = {}
        self.problems: list[tuple[int, str]] = []

    def add(self, row: int, raw: dict[str, str]) -> None:
        try:
            self._add(row, raw)
        except ValueError as error:
            self.problems.append((row, str(error)))

    def _add(self, row: int, raw: dict[str, str]) -> None:
        """One row of the cycle: a new count, a court step deciding it, relief on it, or one more sentence part."""
        step = raw["STP_TYPE_DESCR"].strip().upper()
        if step not in ("ARREST", "COURT"):
            raise ValueError(f"a step this reader does not know: {step!r} (ARREST or COURT)")
        count = raw["CNT_ORDER"].strip()
        if not count.isdigit():
            raise ValueError(f"CNT_ORDER must be a count number, got {count!r}")
        number = int(count)
        dispo = raw["DISP_DESCR"].strip().upper()
        charge = self.charges.get(number)
        granted = relief_read(dispo) if dispo else None
        if granted is None and dispo and is_relief_text(dispo):
            raise ValueError(f"relief under a section that cannot be read: {dispo!r}")
        if granted is not None:
            if charge is None:
                raise ValueError("relief recorded for a count with no earlier step in this cycle")
            if granted not in charge.granted:
                charge.granted.append(granted)
            charge.reduced = charge.reduced or granted in REDUCTIONS
            return
        disposition = None
        if dispo:
            disposition = next((name for pattern, name in DISPOSITIONS if pattern.fullmatch(dispo)), None)
            if disposition is None:
                raise ValueError(f"a disposition this reader does not know: {dispo!r}")
        component = self._component(raw)
        if charge is not None and self._continues(charge, step, dispo, component):
            return
        court = step == "COURT"
        values = self._values(raw, number, disposition, court)
        if charge is not None:  # a court step after the arrest step: it decides, the arrest's county stays
            values["county"] = charge.values["county"] or values["county"]
            values["grade"] = values["grade"] or charge.values["grade"]
        self.charges[number] = _Charge(row, values, court, [component] if component else [])

    @staticmethod
    def _continues(charge: _Charge, step: str, dispo: str, component: tuple[str, int, str] | None) -> bool:
        """Whether a step without relief only adds to ``charge`` (a sentence part, or nothing), not replaces it."""
        if charge.court and step == "COURT" and not dispo:
            if component:
                charge.components.append(component)  # another sentence component of the same count
            return True
        if charge.court and step == "ARREST":
            return True  # the arrest step adds nothing to a disposed count
        if not charge.court and step == "ARREST":
            if component:
                charge.components.append(component)
            return True
        return False

    @staticmethod
    def _values(raw: dict[str, str], number: int, disposition: str | None, court: bool) -> dict[str, str | None]:
        """The charge a step describes, in ``COLUMNS``' names; one field of the extract's layout per line."""
        statute, description = read_offense(raw["OFFENSE_DESCR"])
        toc = raw.get("OFFENSE_TOC", "").strip().upper()
        status = raw.get("CONV_STAT_DESCR", "").strip().lower()
        if status and status not in ("felony", "misdemeanor", "infraction"):
            raise ValueError(f"a conviction status this reader does not know: {status!r}")
        grade = status or GRADES.get(toc)
        cii = raw["CII_NUMBER"].strip()
        case = raw.get("FE_NUM_CRT_CASE", "").strip() or f"{cii}-{raw['CYC_ORDER'].strip()}"
        county = raw.get("STP_ORI_CNTY_NAME", "").strip().title() or None
        return {
            "person_id": cii,
            "birth_date": iso_date(raw["PRI_DOB"]),
            "case_id": case,
            "jurisdiction": "CA",
            "county": county,
            "arrest_date": iso_date(raw["CYC_DATE"]),
            "charge_id": str(number),
            "statute": statute,
            "description": description,
            "grade": grade,
            "disposition": disposition,
            "disposition_date": iso_date(raw["STP_EVENT_DATE"]) if court and disposition else None,
        }

    @staticmethod
    def _component(raw: dict[str, str]) -> tuple[str, int, str] | None:
        where = raw.get("SENT_LOC_DESCR", "").strip().upper()
        if not where:
            return None
        length, unit = raw.get("SENT_LENGTH", "").strip(), raw.get("SENT_TIME_DESCR", "").strip().upper()
        if (
            where not in ("PROBATION", "JAIL", "PRISON")
            or not length.isdigit()
            or unit not in ("DAYS", "MONTHS", "YEARS")
        ):
            raise ValueError(f"a sentence this reader cannot read: {where} {length} {unit}".strip())
        return where, int(length), unit

    def rows(self, today: date) -> Iterator[dict[str, str | None]]:
        for row, reason in self.problems:
            yield {ROW: str(row), PROBLEM: reason}
        for charge in self.charges.values():
            values = dict(charge.values)
            start = values["disposition_date"]
            for where, length, unit in charge.components:
                if start is None:
                    yield {ROW: str(charge.row), PROBLEM: "a sentence without a court date"}
                    break
                begin = date.fromisoformat(start)
                n = (length, 0, 0) if unit == "YEARS" else (0, length, 0) if unit == "MONTHS" else (0, 0, length)
                end = add_years_days(begin, n[0], n[2], n[1]).isoformat()
                if where == "PROBATION":
                    values.update(supervision="probation", probation_granted="true", probation_start=start)
                    values["probation_end"] = end
                    if end > today.isoformat():  # the end of the term imposed, still to come
                        values["probation_end_scheduled"] = "true"
                else:
                    values.update(incarcerated="true", incarceration_start=start, incarceration_end=end)
                    values["state_prison"] = "true" if where == "PRISON" else "false"
                    if end > today.isoformat():
                        values["incarceration_end_scheduled"] = "true"
            if charge.reduced:
                values["grade"] = "misdemeanor"
            values["relief_granted"] = ";".join(charge.granted) or None
            yield {ROW: str(charge.row), PROBLEM: None, **values}


def batches(path: Path, batch_rows: int = 65_536, today: date | None = None) -> Iterator[pl.DataFrame]:
    """The extract as raw flat frames (``bulk.read``'s columns as text, ``_row``, ``_problem``), streaming.

    A sentence's end is the sentencing date plus the term imposed; one after ``today`` (default: the real
    today) has not happened and is marked scheduled (the bulk engine reads it as unknown).
    """
    day = today or date.today()
    schema = {ROW: pl.Int64(), PROBLEM: pl.Utf8(), **{name: pl.Utf8() for name in COLUMNS}}
    out: list[dict[str, str | None]] = []
    done: set[tuple[str, str]] = set()
    cycle: _Cycle | None = None

    def flush() -> Iterator[pl.DataFrame]:
        frame = pl.DataFrame(out, schema=schema, orient="row") if out else None
        out.clear()
        if frame is not None:
            yield frame.sort(ROW)

    # A byte that is not UTF-8 rejects its row (surrogate escapes mark it), not the run.
    with path.open(encoding="utf-8-sig", errors="surrogateescape", newline="") as handle:
        reader = csv.DictReader(handle)
        for record, raw in enumerate(reader, start=1):
            if None in raw or any(v is None for v in raw.values()):
                out.append({ROW: str(record), PROBLEM: "the row does not have the header's columns"})
                continue
            if any(UNDECODABLE.search(value) for value in raw.values()):
                out.append({ROW: str(record), PROBLEM: "the row is not UTF-8 text"})
                continue
            key = (raw["CII_NUMBER"].strip(), raw["CYC_ORDER"].strip())
            if cycle is None or key != cycle.key:
                if cycle is not None:
                    out.extend(cycle.rows(day))
                    done.add(cycle.key)
                if key in done:
                    out.append(
                        {ROW: str(record), PROBLEM: "this cycle's rows are not together (sort by CII and cycle)"}
                    )
                    cycle = None
                    continue
                cycle = _Cycle(key)
            cycle.add(record, raw)
            if len(out) >= batch_rows:
                yield from flush()
    if cycle is not None:
        out.extend(cycle.rows(day))
    yield from flush()

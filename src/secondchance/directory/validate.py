"""Validation of HSDS rows against the spec's table schema, reporting every problem at once.

Each problem names the file, the row (1-based data row; the CSV header is row 1, so the first
data row is 2), the field and a reason a person can fix. Beyond the spec we refuse
coordinates off the globe: a wrong distance shown to a person is worse than a refused import.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time

from .model import Directory, Row, Value, number
from .spec import FieldSpec, TableSpec, tables


@dataclass(frozen=True)
class Problem:
    file: str
    row: int | None
    field: str | None
    reason: str

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f", row {self.row}"
        if self.field:
            where += f", field {self.field}"
        return f"{where}: {self.reason}"


class InvalidDirectory(Exception):
    """The input breaks the HSDS schema; ``problems`` lists every one found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        shown = "; ".join(str(p) for p in problems[:5])
        more = f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""
        super().__init__(f"{len(problems)} problem(s): {shown}{more}")


RANGES = {("location", "latitude"): (-90.0, 90.0), ("location", "longitude"): (-180.0, 180.0)}


def parse_value(table: str, spec: FieldSpec, raw: object) -> tuple[Value, str | None]:
    """The typed value of one cell (CSV text or a JSON scalar), or a reason it is invalid."""
    if raw is None or (isinstance(raw, str) and raw.strip() == ""):
        return None, "is required" if spec.required else None
    if spec.type == "number":
        if isinstance(raw, bool) or not isinstance(raw, str | int | float):
            return None, f"{raw!r} is not a number"
        try:
            parsed = float(raw)
        except ValueError:
            return None, f"{raw!r} is not a number"
        if not math.isfinite(parsed):
            return None, f"{raw!r} is not a finite number"
        low_high = RANGES.get((table, spec.name))
        if low_high and not low_high[0] <= parsed <= low_high[1]:
            return None, f"{raw} is outside {low_high[0]:g}..{low_high[1]:g}"
        return number(parsed), None
    if not isinstance(raw, str):
        return None, f"{raw!r} is not text"
    text = raw
    try:
        if spec.type == "date":
            date.fromisoformat(text)
        elif spec.type == "time":
            time.fromisoformat(text)
        elif spec.type == "datetime":
            datetime.fromisoformat(text)
    except ValueError:
        return None, f"{text!r} is not an ISO 8601 {spec.type}"
    if spec.enum and text not in spec.enum:
        return None, f"{text!r} is not one of {', '.join(spec.enum)}"
    return text, None


def parse_row(table: TableSpec, raw: Mapping[str, object], file: str, row: int | None) -> tuple[Row, list[Problem]]:
    """A full typed row and the problems of its cells (unknown fields included)."""
    problems = [
        Problem(file, row, name, f"not a field of the HSDS {table.name} table")
        for name in raw
        if name not in table.field_set
    ]
    out: Row = {}
    for spec in table.fields:
        value, reason = parse_value(table.name, spec, raw.get(spec.name))
        out[spec.name] = value
        if reason:
            problems.append(Problem(file, row, spec.name, reason))
    return out, problems


Origin = dict[tuple[str, str], tuple[str, int | None]]


def check_keys(directory: Directory, origin: Origin) -> list[Problem]:
    """Unique ids per table and foreign keys that resolve (``origin`` maps (table, id) -> file, row)."""
    problems: list[Problem] = []
    ids: dict[str, set[str]] = {}
    for name, spec in tables().items():
        seen: set[str] = set()
        for index, row in enumerate(directory.rows(name)):
            file, line = origin.get((name, f"#{index}"), (spec.path, None))
            key = str(row.get("id"))
            if key in seen:
                problems.append(Problem(file, line, "id", f"duplicate id {key!r} in {name}"))
            seen.add(key)
        ids[name] = seen
    for name, spec in tables().items():
        for index, row in enumerate(directory.rows(name)):
            file, line = origin.get((name, f"#{index}"), (spec.path, None))
            for fk in spec.foreign_keys:
                target = row.get(fk.field)
                if target is not None and str(target) not in ids[fk.table]:
                    problems.append(Problem(file, line, fk.field, f"no {fk.table} with id {target!r}"))
            if name == "attribute":
                entity, link = row.get("link_entity"), row.get("link_id")
                if isinstance(entity, str) and entity in ids and str(link) not in ids[entity]:
                    problems.append(Problem(file, line, "link_id", f"no {entity} with id {link!r}"))
    return problems

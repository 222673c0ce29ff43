"""What both HSDS 1.x readers (``hsds1_tables``, ``hsds1_flat``) share: a CSV's rows, the cell
parsers, and the per-row report line (``Note``) that says what was left out and why."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from .ohana import DAY_CODES


@dataclass(frozen=True)
class Note:
    """One line of the per-row import report."""

    file: str
    row: int | None
    message: str

    def __str__(self) -> str:
        return f"{self.file}{f', row {self.row}' if self.row else ''}: {self.message}"


def csv_rows(folder: Path, *names: str) -> tuple[str, list[dict[str, str]]]:
    """The first of ``names`` found in ``folder`` and its rows, keys and cells stripped (else no rows)."""
    for name in names:
        path = folder / name
        if path.exists():
            with path.open(newline="", encoding="utf-8-sig") as handle:
                return name, [{k.strip(): (v or "").strip() for k, v in r.items() if k} for r in csv.DictReader(handle)]
    return names[0], []


def cell(text: str | None) -> str | None:
    """A cell's text, or None when it is empty or blank."""
    return text.strip() or None if text else None


def to_status(text: str | None) -> str:
    value = (text or "").strip().lower()
    return value if value in ("active", "inactive", "defunct", "temporarily closed") else "active"


def to_day(text: str | None) -> str | None:
    value = (text or "").strip().lower()
    if value.isdigit() and 1 <= int(value) <= 7:  # HSDS 1.x: 1 = Monday (ISO)
        return ("MO", "TU", "WE", "TH", "FR", "SA", "SU")[int(value) - 1]
    return DAY_CODES.get(value) or next((c for d, c in DAY_CODES.items() if d.startswith(value[:3]) and value), None)


def to_float(text: str | None) -> float | None:
    try:
        return float(text) if text and text.strip() else None
    except ValueError:
        return None


def to_int(text: str | None) -> int | None:
    value = to_float(text)
    return int(value) if value is not None and value.is_integer() else None


def to_year(text: str | None) -> int | None:
    value = to_int(text)
    return value if value and 1600 < value < 2200 else None

"""The directory in memory: HSDS tables of rows, the one shape every reader and writer meets at.

A row is a flat dict of one HSDS table's fields. Strings, dates and times stay as the text the
spec defines (ISO 8601), numbers are ``int`` when whole else ``float``; absent is ``None``.
Keeping rows flat (as the tabular package is) makes import -> export -> import lossless by
construction; nesting happens only at the HSDS JSON edge (``hsds_json``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from .spec import tables

Value = str | int | float | None
Row = dict[str, Value]


def number(value: float) -> int | float:
    """A number in its canonical form: 3.0 -> 3, so "3" and "3.0" compare equal after a round trip."""
    return int(value) if float(value).is_integer() else float(value)


@dataclass
class Directory:
    """Every carried HSDS table as a list of rows (each with every field of its table)."""

    tables: dict[str, list[Row]] = field(default_factory=lambda: {name: [] for name in tables()})

    def rows(self, table: str) -> list[Row]:
        return self.tables.setdefault(table, [])

    def add(self, table: str, row: Row) -> Row:
        """Add a row, filling absent fields with ``None`` (rejects fields the spec lacks)."""
        spec = tables()[table]
        unknown = set(row) - spec.field_set
        if unknown:
            raise KeyError(f"{table} has no field(s) {sorted(unknown)}")
        full: Row = {name: row.get(name) for name in spec.field_names}
        self.rows(table).append(full)
        return full

    def by_id(self, table: str) -> dict[str, Row]:
        return {str(r["id"]): r for r in self.rows(table)}

    def children(self, table: str, key: str, value: Value) -> list[Row]:
        return [r for r in self.rows(table) if r.get(key) == value]

    def sorted(self) -> Directory:
        """A copy with each table's rows in id order (a canonical form to compare directories)."""
        return Directory({name: sorted(rows, key=lambda r: str(r.get("id"))) for name, rows in self.tables.items()})

    def counts(self) -> dict[str, int]:
        return {name: len(rows) for name, rows in self.tables.items() if rows}

    def __iter__(self) -> Iterator[tuple[str, list[Row]]]:
        return iter(self.tables.items())


def merge(parts: Iterable[Directory]) -> Directory:
    out = Directory()
    for part in parts:
        for name, rows in part:
            out.rows(name).extend(rows)
    return out

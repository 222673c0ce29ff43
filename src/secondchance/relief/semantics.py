"""The pieces of the rule semantics both engines call, so they cannot drift apart.

The per-person explainer (``evaluate``) and the bulk engine (``secondchance.bulk``) shift dates by
years and days, resolve a rule's dated parameters and read citations through these same functions.
"""

from __future__ import annotations

from calendar import monthrange
from datetime import date

from ..records.model import Row
from .citations import statute_matches
from .jurisdictions import listed_sections, read_citation
from .lang import Param
from .params import ParamValue, resolve

__all__ = ["add_years_days", "cites_any", "read_statute", "text_values", "whole_number"]


def add_years_days(start: date, years: int, days: int, months: int = 0) -> date:
    """``start`` + whole years and months (clamped to the month's last day: 29 Feb -> 28 Feb) + days."""
    total = start.year * 12 + (start.month - 1) + years * 12 + months
    year, month = divmod(total, 12)
    moved = start.replace(year=year, month=month + 1, day=min(start.day, monthrange(year, month + 1)[1]))
    return date.fromordinal(moved.toordinal() + days)


def whole_number(value: int | Param, as_of: date) -> int:
    """A number of years or days as written in the rule, or its parameter in force on ``as_of``."""
    if isinstance(value, Param):
        resolved = resolve(value.key, as_of)
        if not isinstance(resolved, int):
            raise TypeError(f"parameter {value.key} must be a whole number")
        return resolved
    return value


def text_values(values: tuple[str, ...] | Param, as_of: date) -> tuple[str, ...]:
    """A list of values as written in the rule, or its parameter in force on ``as_of``."""
    if isinstance(values, Param):
        resolved: ParamValue = resolve(values.key, as_of)
        if not isinstance(resolved, tuple):
            raise TypeError(f"parameter {values.key} must be a list")
        return resolved
    return values


def cites_any(listed: str, sections: tuple[str, ...]) -> bool | None:
    """``CitesAny`` on a known value: whether a ``;``-separated list of citations names one of ``sections``.

    True if an item is listed (even beside an unreadable one); else unknown if an item cannot be read;
    else false. Both engines call this (the bulk engine once per distinct value).
    """
    wanted = listed_sections(sections)
    answers = [statute_matches(read_citation(item), wanted) for item in listed.split(";") if item.strip()]
    return True if True in answers else (None if None in answers else False)


def read_statute(row: Row) -> Row:
    """``row`` with its statute read by its state's citation grammar: canonical, or unknown if unreadable.

    Both engines read citations first, so a spelling the grammar does not know is an unknown statute
    (every condition that reads it is unknown, and ``missing`` names it), never "not an excluded offense".
    """
    cited, state = row["statute"], row["jurisdiction"]
    if cited is None:
        return row
    read = read_citation(str(cited), state) if isinstance(state, str) else None
    return row if read == cited else {**row, "statute": read}

"""One record value read from its raw form (JSON or CSV), checked, and spelled canonically; the problem types.

Shared by the JSON and CSV readers (``records.parse``) and by the bulk validator, so both read a value alike.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date
from typing import Any, Final

from .model import (
    COLUMNS,
    DETAIL_COLUMNS,
    SUPERVISION_ALIASES,
    PartialDate,
    Value,
)
from .safe import MAX_FIELD_CHARS
from .states import STATES, StateFacts, read_citation

UNKNOWN_TOKENS = frozenset({"", "unknown", "null", "none", "n/a", "?"})
TRUE_TOKENS = frozenset({"true", "yes", "y", "1"})
FALSE_TOKENS = frozenset({"false", "no", "n", "0"})
#: The documented date forms: a day ``YYYY-MM-DD``, or a partial date ``YYYY-MM`` or ``YYYY`` (its range);
#: date.fromisoformat alone would also take 20190105 and 2019-W01-1.
#: The years a record's date may fall in: wide for old records, narrow enough that the engine's date
#: arithmetic (waits of years added, look-backs taken away) never leaves the calendar.
MIN_YEAR: Final = 1800
MAX_YEAR: Final = 2200
DATE_FORM: Final = re.compile(r"[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?")
#: The largest amount owed accepted, in dollars (docs/record-format.md, "Limits").
MAX_AMOUNT: Final = 1_000_000_000


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input: where, which field, and why."""

    where: str
    field: str
    reason: str

    def __str__(self) -> str:
        return f"{self.where}: {self.field}: {self.reason}"


class InvalidRecord(ValueError):
    """The input has problems; ``problems`` lists every one of them."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        lines = "\n".join(f"  - {p}" for p in problems)
        super().__init__(f"{len(problems)} problem(s) in the record:\n{lines}")


def unknown_tokens(column: str) -> frozenset[str]:
    """The spellings of "unknown" for ``column``: ``none`` is a kind of supervision, not unknown."""
    return UNKNOWN_TOKENS - {"none"} if column == "supervision" else UNKNOWN_TOKENS


def year_out_of_range(year: int) -> str:
    return f"a date in the year {year} is outside the years {MIN_YEAR}-{MAX_YEAR}"


def parse_value(column: str, raw: Any) -> Value:
    """Parse one raw value (from JSON or CSV) for ``column``; raise ValueError with a reason."""
    kind = COLUMNS[column] if column in COLUMNS else DETAIL_COLUMNS[column]
    if column == "relief_granted":
        return parse_granted(raw)
    if raw is None or (isinstance(raw, str) and raw.strip().lower() in unknown_tokens(column)):
        return None
    if isinstance(raw, str) and len(raw) > MAX_FIELD_CHARS:
        raise ValueError(f"a value of {len(raw):,} characters (at most {MAX_FIELD_CHARS:,})")
    if kind == "str":
        if isinstance(raw, bool) or not isinstance(raw, str | int):
            raise ValueError(f"expected text, got {raw!r}")
        return str(raw).strip()
    if kind == "date":
        if isinstance(raw, int) and not isinstance(raw, bool) and 1000 <= raw <= 9999:
            raw = str(raw)  # a year written as a JSON number
        if not isinstance(raw, str) or not DATE_FORM.fullmatch(raw.strip()):
            raise ValueError(f"expected a date as YYYY-MM-DD, got {raw!r}")
        text = raw.strip()
        try:
            day: date
            if len(text) == 4 and text.isascii() and text.isdigit():
                day = PartialDate(int(text))
            elif len(text) == 7 and text[4] == "-" and text[:4].isdigit() and text[5:].isdigit() and text.isascii():
                day = PartialDate(int(text[:4]), int(text[5:]))
            else:
                day = date.fromisoformat(text)
        except ValueError:
            raise ValueError(f"expected a date as YYYY-MM-DD, got {raw!r}") from None
        if not MIN_YEAR <= day.year <= MAX_YEAR:
            raise ValueError(year_out_of_range(day.year))
        return day
    if kind == "bool":
        if isinstance(raw, bool):
            return raw
        token = str(raw).strip().lower()
        if token in TRUE_TOKENS:
            return True
        if token in FALSE_TOKENS:
            return False
        raise ValueError(f"expected true or false, got {raw!r}")
    # money: a non-negative amount in dollars
    if isinstance(raw, bool):
        raise ValueError(f"expected an amount in dollars, got {raw!r}")
    try:
        amount = float(str(raw).strip().lstrip("$").replace(",", ""))
    except ValueError:
        raise ValueError(f"expected an amount in dollars, got {raw!r}") from None
    if not math.isfinite(amount):
        raise ValueError(f"expected a finite amount in dollars, got {raw!r}")
    if amount < 0:
        raise ValueError(f"an amount owed cannot be negative, got {raw!r}")
    if amount > MAX_AMOUNT:
        raise ValueError(f"an amount over ${MAX_AMOUNT:,} is not plausible, got {raw!r}")
    return amount


#: The most relief grants one charge may list (a few in practice: a 17(b) reduction, then a dismissal).
MAX_GRANTS: Final = 20


def parse_granted(raw: Any) -> Value:
    """``relief_granted``: a list of citations or one ``;``-joined string, read into canonical form.

    Each item must be a citation a state grammar reads (``PC 1203.4``, ``1203.4 PC``, ``PC-17(b)``): a grant
    the engine cannot name would silently offer the same relief again. Kept in the order given, without
    repeats, as ``PC-1203.4;PC-17(B)``; an empty list is unknown.
    """
    if raw is None:
        return None
    if isinstance(raw, str):
        if len(raw) > MAX_FIELD_CHARS:
            raise ValueError(f"a value of {len(raw):,} characters (at most {MAX_FIELD_CHARS:,})")
        if raw.strip().lower() in UNKNOWN_TOKENS:
            return None
        items: list[Any] = raw.split(";")
    elif isinstance(raw, list):
        items = raw
    else:
        raise ValueError(f'expected a list of citations (e.g. ["PC-1203.4"]), got {raw!r}')
    if len(items) > MAX_GRANTS:
        raise ValueError(f"{len(items)} grants listed (at most {MAX_GRANTS})")
    read: list[str] = []
    for item in items:
        if not isinstance(item, str) or len(item) > MAX_FIELD_CHARS:
            raise ValueError(f'expected a citation such as "PC-1203.4", got {item!r}')
        if not item.strip():
            continue
        found = read_citation(item)
        if found is None:
            raise ValueError(f"cannot read the citation {item.strip()!r} (write it as e.g. PC-1203.4 or PC 17(b))")
        if found not in read:
            read.append(found)
    return ";".join(read) or None


def _state(jurisdiction: str) -> StateFacts | None:
    return STATES.get(jurisdiction)


def normalize(column: str, value: Value, jurisdiction: Value) -> Value:
    """Canonical spelling: jurisdictions upper-case, grades in their state's case (``State.grade_case``; else upper)."""
    if not isinstance(value, str):
        return value
    if column == "jurisdiction":
        return value.upper()
    if column == "grade":
        found = _state(jurisdiction) if isinstance(jurisdiction, str) else None
        return found.fold_grade(value) if found is not None else value.upper()
    if column == "disposition":
        token = value.lower().replace(" ", "_").replace("-", "_")
        return None if token == "unknown" else token
    if column == "supervision":
        token = value.lower().replace(" ", "_").replace("-", "_")
        return SUPERVISION_ALIASES.get(token, token)
    return value

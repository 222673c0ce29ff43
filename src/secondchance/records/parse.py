"""Read records from JSON (nested) and CSV (one row per charge), validating every field.

Every problem is collected and reported with where it is (line, or person/case/charge) and
which field, so a navigator can fix the input; nothing is silently dropped.

The work is split by job: ``values`` (one value and the problem types), ``checks`` (cross-field
checks), ``fields`` (what both readers share), ``from_json`` and ``from_csv``; every name stays
importable from here.
"""

from __future__ import annotations

import csv
from datetime import date

from .checks import (
    AFTER_PRISON,
    FLAGGED_FACTS,
    SPANS,
    check_charge_values,
    derive_supervision,
)
from .fields import too_many_charges
from .from_csv import people_from_csv
from .from_json import people_from_json, person_to_json
from .model import Person
from .safe import InputRefused, decode_utf8
from .safe import loads as safe_loads
from .values import (
    DATE_FORM,
    FALSE_TOKENS,
    MAX_AMOUNT,
    MAX_GRANTS,
    MAX_YEAR,
    MIN_YEAR,
    TRUE_TOKENS,
    UNKNOWN_TOKENS,
    InvalidRecord,
    Problem,
    normalize,
    parse_granted,
    parse_value,
    unknown_tokens,
    year_out_of_range,
)

__all__ = [
    "AFTER_PRISON",
    "DATE_FORM",
    "FALSE_TOKENS",
    "FLAGGED_FACTS",
    "MAX_AMOUNT",
    "MAX_GRANTS",
    "MAX_YEAR",
    "MIN_YEAR",
    "SPANS",
    "TRUE_TOKENS",
    "UNKNOWN_TOKENS",
    "InvalidRecord",
    "Problem",
    "check_charge_values",
    "derive_supervision",
    "load_people",
    "normalize",
    "parse_granted",
    "parse_value",
    "people_from_csv",
    "people_from_json",
    "person_to_json",
    "too_many_charges",
    "unknown_tokens",
    "year_out_of_range",
]


def load_people(path: str, as_of: date | None = None) -> list[Person]:
    """Load a ``.json`` or ``.csv`` record file (UTF-8, with or without a byte-order mark)."""
    with open(path, "rb") as handle:
        data = handle.read()
    try:
        if path.lower().endswith(".csv"):
            return people_from_csv(decode_utf8(data), as_of)
        return people_from_json(safe_loads(data), as_of)
    except InputRefused as error:
        kind = "(csv)" if path.lower().endswith(".csv") else "(json)"
        raise InvalidRecord([Problem(error.where, kind, error.reason)]) from None
    except csv.Error as error:
        raise InvalidRecord([Problem("(file)", "(csv)", str(error))]) from None

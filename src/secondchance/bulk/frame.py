"""The bulk frames: the flat charge table in, one result row per (charge, rule) out.

``CHARGE_SCHEMA`` and ``RESULT_SCHEMA`` are the contract between the compiler (``compile.py``) and
the runner (partitioning, resume, report); ``evaluate_frame`` is the one pure function a
partition calls. It gives, field for field, what the per-person explainer gives
(``relief.evaluate``); ``tests/bulk/test_differential.py`` proves it on synthetic people.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, Final

import polars as pl

from ..records.model import COLUMNS
from ..relief.lang import Rule

if TYPE_CHECKING:
    from .compile import CompiledRules

_DTYPES: Final[dict[str, pl.DataType]] = {
    "str": pl.Utf8(),
    "date": pl.Date(),
    "bool": pl.Boolean(),
    "money": pl.Float64(),
}

#: The flat record columns (records.model.COLUMNS, in CSV order) as Polars dtypes.
CHARGE_SCHEMA: Final[dict[str, pl.DataType]] = {name: _DTYPES[kind] for name, kind in COLUMNS.items()}

#: One row per (charge, rule in force): what the explainer's ``Result`` says, flattened.
RESULT_SCHEMA: Final[dict[str, pl.DataType]] = {
    "person_id": pl.Utf8(),
    "case_id": pl.Utf8(),
    "charge_id": pl.Utf8(),
    "rule": pl.Utf8(),
    "relief": pl.Utf8(),
    "section": pl.Utf8(),
    "automatic": pl.Boolean(),
    "status": pl.Utf8(),
    "eligible_on": pl.Date(),
    "missing": pl.List(pl.Utf8()),
    "reasons": pl.List(pl.Utf8()),
}


def empty_charges() -> pl.DataFrame:
    """A charge frame with no rows (handy for tests and for empty partitions)."""
    return pl.DataFrame(schema=CHARGE_SCHEMA)


def evaluate_frame(charges: pl.DataFrame, as_of: date, rules: Sequence[Rule] | None = None) -> pl.DataFrame:
    """Every rule in force on ``as_of`` for every charge of ``charges`` (whole persons), vectorized.

    ``charges`` has the ``CHARGE_SCHEMA`` columns, validated and normalized as ``records.parse``
    does. The result has ``RESULT_SCHEMA``: for each input charge in input order, one row per rule
    of that charge's jurisdiction in force on ``as_of``, in registry order. Charges whose
    jurisdiction is null or has no rules give no rows. ``rules`` (default: every registered
    rule) restricts which rules run. Pure: no I/O, no per-row Python.
    """
    return _compiled(as_of, None if rules is None else tuple(rules)).evaluate(charges)


@lru_cache(maxsize=32)
def _compiled(as_of: date, rules: tuple[Rule, ...] | None) -> CompiledRules:
    """Compile once per (as-of date, rules); every partition of a run reuses it."""
    from .compile import compile_rules

    return compile_rules(as_of, rules)

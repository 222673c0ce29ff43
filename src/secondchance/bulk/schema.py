"""The bulk engine's tables: the flat charge table in, the code and result tables out.

``CHARGE_SCHEMA`` is what goes in (the record CSV columns as Polars types, with the stated defaults
of ``records.defaults`` filled in by ``with_defaults``); ``CODE_SCHEMA`` and ``RESULT_SCHEMA`` are
the two forms results come out in (``codes.ResultCodes`` is the key between them).
"""

from __future__ import annotations

from typing import Final

import polars as pl

from ..records.defaults import DEFAULTS
from ..records.model import COLUMNS
from ..relief.lang import Status

_DTYPES: Final[dict[str, pl.DataType]] = {
    "str": pl.Utf8(),
    "date": pl.Date(),
    "bool": pl.Boolean(),
    "money": pl.Float64(),
}

#: The flat record columns (records.model.COLUMNS, in CSV order) as Polars dtypes.
CHARGE_SCHEMA: Final[dict[str, pl.DataType]] = {name: _DTYPES[kind] for name, kind in COLUMNS.items()}

#: Status codes: ``status`` ``k`` in a code frame is ``STATUSES[k]``.
STATUSES: Final = tuple(s.value for s in Status)

#: One row per (charge, rule in force), by charge (input order) then rule (registry order).
CODE_SCHEMA: Final[dict[str, pl.DataType]] = {
    "charge": pl.UInt32(),  # the charge's position in the input frame
    "rule": pl.UInt16(),  # ResultCodes.rules index
    "status": pl.UInt8(),  # STATUSES index
    "eligible_on": pl.Date(),
    "reasons": pl.Int64(),  # bit b: ResultCodes.checks[rule][b] does not hold
    "missing": pl.Int64(),  # bit b: ResultCodes.facts[rule][b] is unknown and needed
}

#: The same rows spelled out: what the explainer's ``Result`` says, flattened.
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


def with_defaults(charges: pl.DataFrame) -> pl.DataFrame:
    """The charges with the stated defaults of ``records.defaults`` filled in where null.

    The explainer applies the same defaults to its rows (``relief.screen``), so both engines make
    the same assumption ("absent ``pardoned`` means no pardon"). Idempotent.
    """
    present = [name for name in DEFAULTS if name in charges.columns]
    if not present:
        return charges
    return charges.with_columns(
        pl.col(name).fill_null(pl.lit(DEFAULTS[name].value, dtype=charges.schema[name])) for name in present
    )

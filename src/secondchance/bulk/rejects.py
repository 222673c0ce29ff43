"""The rejects file: each problem's row, field and reason, with the row's ids as given, so it can be found."""

from __future__ import annotations

from typing import Final

import polars as pl

from .raw import IDS, ROW, WHITESPACE

REJECT_SCHEMA: Final[dict[str, pl.DataType]] = {
    "row": pl.Int64(),
    "field": pl.Utf8(),
    "reason": pl.Utf8(),
    "person_id": pl.Utf8(),
    "case_id": pl.Utf8(),
    "charge_id": pl.Utf8(),
}


def rejects_frame(problems: pl.DataFrame, raw_ids: pl.DataFrame) -> pl.DataFrame:
    """The rejects file's rows: ``row, field, reason`` and the row's ids as given (to find it)."""
    ids = raw_ids.select(ROW, *(pl.col(c).cast(pl.Utf8) for c in IDS)).unique(ROW, keep="first")
    joined = problems.join(ids, on=ROW, how="left", maintain_order="left")
    return joined.select(pl.col(ROW).alias("row"), "field", "reason", *IDS).cast(REJECT_SCHEMA)  # type: ignore[arg-type]


def raw_ids(raw: pl.DataFrame) -> pl.DataFrame:
    """``_row`` and the three ids as given (text, or null), for rejects and duplicate checks."""
    cols = [pl.col(ROW)]
    for name in IDS:
        if name in raw.columns and raw[name].dtype not in (pl.Null, pl.Boolean):
            cols.append(pl.col(name).cast(pl.Utf8))
        else:
            cols.append(pl.lit(None, pl.Utf8).alias(name))
    return raw.select(cols)


def stripped_ids(ids: pl.DataFrame) -> pl.DataFrame:
    """The ids as records.parse reads them: stripped, and null when blank."""
    stripped = {name: pl.col(name).str.strip_chars(WHITESPACE) for name in IDS}
    # lazy, so that each column is stripped once
    return ids.lazy().with_columns(pl.when(s != "").then(s).alias(name) for name, s in stripped.items()).collect()

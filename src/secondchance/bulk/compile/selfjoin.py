"""The general aggregate strategy: every (this charge, other charge in scope) pair of a person, joined.

Exact for any ``where``, and the reference the faster strategies (``windows``, ``spans``) are tested
against; its cost grows with the square of a person's charges.
"""

from __future__ import annotations

import polars as pl

from ...relief.lang import Exists, LatestOf, Scope
from .expressions import OTHER, PAIR, ROW, Aggregate, Compiler, at_least, at_least_count, columns_of, latest_date


def pairs_frame(frame: pl.DataFrame, scope: Scope) -> pl.DataFrame:
    """Every (this charge, other charge in scope) of the same person, as row-index pairs."""
    keys = frame.select(ROW, "person_id", "case_id", "charge_id")
    joined = keys.join(keys, on="person_id", suffix=OTHER)
    same_case = pl.col("case_id") == pl.col("case_id" + OTHER)
    if scope == "other_charges":
        in_scope = ~(same_case & (pl.col("charge_id") == pl.col("charge_id" + OTHER)))
    else:
        in_scope = ~same_case
    return joined.filter((pl.col(ROW) != pl.col(ROW + OTHER)) & in_scope.fill_null(True)).select(
        pl.col(ROW), pl.col(ROW + OTHER).alias(PAIR)
    )


def aggregate_by_pairs(frame: pl.DataFrame, pairs: pl.DataFrame, agg: Aggregate, compiler: Compiler) -> pl.DataFrame:
    """Add ``agg``'s value, its ``other_charges`` flags and (LatestOf) match count to ``frame``."""
    node = agg.node
    this_cols = [c for c in frame.columns if c != ROW]
    # the pair frame: this charge's columns as they are, the other charge's with the suffix
    where = compiler.expr(node.where, pair=True)
    parts = [where.alias("__w")]
    if isinstance(node, LatestOf):
        parts.append(compiler.expr(latest_date(node), pair=True).alias("__d"))
    needed = columns_of(parts)
    this_needed = [c for c in this_cols if c in needed]
    other_needed = [c for c in this_cols if c + OTHER in needed or c in agg.names]
    pair = pairs.with_columns(
        *(frame[c].gather(pairs[ROW]).alias(c) for c in this_needed),
        *(frame[c].gather(pairs[PAIR]).alias(c + OTHER) for c in other_needed),
    ).with_columns(parts)
    if isinstance(node, Exists):
        return _exists_by_pairs(frame, pair, agg, node)
    return _latest_by_pairs(frame, pair, agg, compiler.expr(at_least(node), pair=False))


def _exists_by_pairs(frame: pl.DataFrame, pair: pl.DataFrame, agg: Aggregate, node: Exists) -> pl.DataFrame:
    """An ``Exists`` over the pair frame (``__w``: the other charge matches)."""
    w = pl.col("__w")
    grouped = pair.group_by(ROW).agg(
        w.fill_null(False).sum().alias("__true"),
        w.is_null().sum().alias("__maybe"),
        *((w.is_null() & pl.col(n + OTHER).is_null()).any().alias(f"__m_{n}") for n in agg.names),
    )
    full = by_row(frame.select(ROW), grouped)
    true, unknown = at_least_count(pl.col("__true"), pl.col("__maybe"), node.count)
    value = pl.when(true).then(True).when(unknown).then(None).otherwise(False)
    return frame.with_columns(
        full.select(
            value.alias(agg.value),
            *((unknown & pl.col(f"__m_{n}")).alias(agg.flag(n)) for n in agg.names),
        )
    )


def _latest_by_pairs(frame: pl.DataFrame, pair: pl.DataFrame, agg: Aggregate, floor: pl.Expr) -> pl.DataFrame:
    """A ``LatestOf`` over the pair frame (``__w``: the other charge matches, ``__d``: its date), no earlier
    than ``floor``: the latest date, then (a second pass) whether an unknown match could be later."""
    w, d = pl.col("__w"), pl.col("__d")
    matched = w.fill_null(False)
    first = pair.group_by(ROW).agg(
        matched.sum().alias("__matched"),
        (matched & d.is_null()).any().alias("__undated"),
        pl.when(matched).then(d).max().alias("__max"),
        *((matched & d.is_null() & pl.col(n + OTHER).is_null()).any().alias(f"__u_{n}") for n in agg.names),
    )
    base_frame = by_row(frame.select(ROW), first).with_columns(
        frame.select(floor.alias("__floor")).to_series(),
    )
    base_frame = base_frame.with_columns(
        pl.when(pl.col("__floor").is_null()).then(None).otherwise(pl.max_horizontal("__floor", "__max")).alias("__base")
    )
    pair = pair.with_columns(base_frame["__base"].gather(pair[ROW]).alias("__base"))
    doubt = (w.is_null() & (d.is_null() | (d > pl.col("__base")))).fill_null(False)
    second = pair.group_by(ROW).agg(
        doubt.any().alias("__doubt"),
        *((doubt & pl.col(n + OTHER).is_null()).any().alias(f"__b_{n}") for n in agg.names),
    )
    full = by_row(base_frame, second)
    undated = pl.col("__undated")
    base_known = pl.col("__base").is_not_null()
    doubtful = ~undated & base_known & pl.col("__doubt")
    value = pl.when(undated | ~base_known | pl.col("__doubt")).then(None).otherwise(pl.col("__base"))
    return frame.with_columns(
        full.select(
            value.alias(agg.value),
            undated.alias(agg.undated),
            *(((undated & pl.col(f"__u_{n}")) | (doubtful & pl.col(f"__b_{n}"))).alias(agg.flag(n)) for n in agg.names),
        )
    )


def by_row(frame: pl.DataFrame, grouped: pl.DataFrame) -> pl.DataFrame:
    """``grouped`` (keyed by row index) for every row of ``frame``; rows with no pairs get 0 / false."""
    out = frame.join(grouped, on=ROW, how="left", maintain_order="left")
    fills = []
    for name, dtype in grouped.schema.items():
        if name == ROW:
            continue
        if dtype == pl.Boolean():
            fills.append(pl.col(name).fill_null(False))
        elif dtype.is_integer():
            fills.append(pl.col(name).fill_null(0))
    return out.with_columns(fills) if fills else out

"""The date-span aggregate strategy: "another charge dated between two dates of this one", by binary search.

Per charge, the dated charges of the person, then of its own group (case or charge), are counted in
the range by ``numpy.searchsorted`` over (key, date) integers; in scope = person minus group.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

import numpy as np
import polars as pl

from ...relief.lang import And, Compare, Exists, Expr, LatestOf, Other, children, other_facts_used
from ..schema import CHARGE_SCHEMA
from .expressions import CASE, KEY, PERSON, Aggregate, Compiler, at_least_count


@dataclass(frozen=True)
class _Span:
    """``where`` of an ``Exists`` that says "the other charge's date ``column`` lies between two dates of
    this charge": ``Other(column) >[=] low and Other(column) <[=] high``, low and high read this charge only."""

    column: str
    low: Expr
    low_inclusive: bool
    high: Expr
    high_inclusive: bool
    count: int  # the Exists' count: at least this many such charges


def date_span(node: Exists | LatestOf, compiler: Compiler) -> _Span | None:
    if not isinstance(node, Exists) or not isinstance(node.where, And) or len(node.where.terms) != 2:
        return None
    bounds: dict[str, tuple[str, Expr, bool]] = {}
    for term in node.where.terms:
        if not isinstance(term, Compare):
            return None
        op: str = term.op
        left, right = term.left, term.right
        if isinstance(right, Other) and not isinstance(left, Other):  # e < Other(x)  is  Other(x) > e
            op, left, right = {"<": ">", "<=": ">=", ">": "<", ">=": "<="}.get(op, op), right, left
        if not isinstance(left, Other) or CHARGE_SCHEMA.get(left.name) != pl.Date():
            return None
        if not _this_only(right) or compiler.dtype(right) != pl.Date():
            return None
        side = "low" if op in (">", ">=") else "high" if op in ("<", "<=") else None
        if side is None or side in bounds:
            return None
        bounds[side] = (left.name, right, op in (">=", "<="))
    (column, low, low_inclusive), (other, high, high_inclusive) = bounds["low"], bounds["high"]
    if column != other or other_facts_used(node) != (column,):
        return None
    return _Span(column, low, low_inclusive, high, high_inclusive, node.count)


def _this_only(expr: Expr) -> bool:
    """Whether ``expr`` reads only this charge (no other charge, no aggregate)."""
    if isinstance(expr, Other | Exists | LatestOf):
        return False
    return all(_this_only(child) for child in children(expr))


_DAY0: Final = 1 << 31  # added to day numbers (int32) so they sort as non-negative 32-bit keys


def aggregate_by_span(frame: pl.DataFrame, agg: Aggregate, span: _Span, compiler: Compiler) -> pl.DataFrame:
    """``aggregate_by_pairs`` for a ``date_span`` ``Exists`` without a self-join: per charge, count the dated
    charges of the person, then of its own group (case or charge), in the range by binary search over
    (person, date) and (group, date) keys; in scope = person minus group.

    Kleene, as the pair frame: a bound that is unknown makes that side of the range open and every
    charge inside it *maybe*; a charge without the date is *maybe* whatever the bounds.
    """
    group = CASE if agg.node.scope == "other_cases" else KEY
    values = frame.select(
        pl.col(PERSON).cast(pl.Int64).alias("p"),
        pl.col(group).cast(pl.Int64).alias("g"),
        pl.col(span.column).cast(pl.Int32).alias("v"),
        compiler.expr(span.low, pair=False).cast(pl.Int32).alias("lo"),
        compiler.expr(span.high, pair=False).cast(pl.Int32).alias("hi"),
    )
    person, own = values["p"].to_numpy(), values["g"].to_numpy()
    dated = values["v"].is_not_null().to_numpy()
    days = values["v"].fill_null(0).to_numpy().astype(np.int64) + _DAY0
    low_known, high_known = values["lo"].is_not_null().to_numpy(), values["hi"].is_not_null().to_numpy()
    low = np.where(low_known, values["lo"].fill_null(0).to_numpy().astype(np.int64) + _DAY0, 0)
    high = np.where(high_known, values["hi"].fill_null(0).to_numpy().astype(np.int64) + _DAY0, 0)
    top = (1 << 32) - 1  # above every key's date part

    def in_range(keys: np.ndarray) -> np.ndarray:
        """Per charge: how many dated charges with its key (person or group) fall in its range;
        an unknown bound opens that side of the range."""
        table = np.sort((keys[dated] << 32) | days[dated])
        keys = keys << 32
        start = np.where(
            low_known,
            np.searchsorted(table, keys | low, side="left" if span.low_inclusive else "right"),
            np.searchsorted(table, keys, side="left"),
        )
        end = np.where(
            high_known,
            np.searchsorted(table, keys | high, side="right" if span.high_inclusive else "left"),
            np.searchsorted(table, keys | top, side="right"),
        )
        counts: np.ndarray = np.maximum(end - start, 0)
        return counts

    inside = in_range(person) - in_range(own)  # dated charges in scope within the range
    undated = ~dated
    no_date = np.bincount(person, weights=undated, minlength=person.max() + 1 if len(person) else 0)[person]
    no_date = (no_date - np.bincount(own, weights=undated, minlength=own.max() + 1 if len(own) else 0)[own]).astype(
        np.int64
    )
    bounded = low_known & high_known  # else every charge in the (opened) range only might be in it
    counts = pl.DataFrame(
        {"certain": np.where(bounded, inside, 0), "maybe": np.where(bounded, 0, inside) + no_date, "no_date": no_date}
    )
    true, unknown = at_least_count(pl.col("certain"), pl.col("maybe"), span.count)
    return frame.with_columns(
        counts.select(
            pl.when(true).then(True).when(unknown).then(None).otherwise(False).alias(agg.value),
            (unknown & (pl.col("no_date") > 0)).alias(agg.flag(span.column)),
        )
    )

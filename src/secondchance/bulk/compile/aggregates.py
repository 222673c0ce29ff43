"""``Exists`` and ``LatestOf`` over a person's charges: which of the three exact strategies runs each.

Windows over the person sorted by key (``windows``) when ``where`` reads only the other charge;
sorted searches (``spans``) when it asks for another charge dated between two dates of this one;
otherwise a self-join of the partition on ``person_id`` (``selfjoin``). Tests check the fast
strategies against the self-join; docs/bulk-design.md explains each.
"""

from __future__ import annotations

import polars as pl

from ...relief.lang import And, Compare, Const, Exists, Expr, Fact, LatestOf, Other, Scope, children
from .expressions import CASE, INPUT, KEY, PERSON, ROW, Compiler, latest_date
from .selfjoin import aggregate_by_pairs, pairs_frame
from .spans import aggregate_by_span, date_span
from .windows import Segments, aggregate_by_windows


def aggregate_columns(frame: pl.DataFrame, compiler: Compiler, windows: bool = True) -> pl.DataFrame:
    """Every aggregate of ``compiler`` as columns of ``frame``, each by the fastest exact strategy.

    Windows when ``where`` reads only the other charge (or only it within this case); sorted searches
    for a date span; else the self-join. ``windows=False`` forces the self-join (tests compare them)."""
    pairs: dict[Scope, pl.DataFrame] = {}
    segments: dict[tuple[str, str], Segments] = {}
    counted: dict[tuple[Expr, Scope, str], pl.DataFrame] = {}
    has_null_case = frame["case_id"].null_count() > 0
    if not compiler.aggregates:
        return frame
    # Sorted by person, case and charge, every window below is a run of adjacent rows (no gathers);
    # the keys number the runs. ``ROW`` is the position in this order until the frame goes back to
    # input order at the end.
    frame = frame.sort("person_id", "case_id", "charge_id", nulls_last=True, maintain_order=True)
    frame = frame.with_columns(pl.col(ROW).alias(INPUT), pl.int_range(pl.len(), dtype=pl.UInt32).alias(ROW))
    first = pl.int_range(pl.len()) == 0
    new = {c: first | pl.col(c).ne_missing(pl.col(c).shift()) for c in ("person_id", "case_id", "charge_id")}
    frame = frame.with_columns(
        new["person_id"].cum_sum().alias(PERSON),
        (new["person_id"] | new["case_id"]).cum_sum().alias(CASE),
        (new["person_id"] | new["case_id"] | new["charge_id"]).cum_sum().alias(KEY),
    )
    for agg in compiler.aggregates.values():  # registered after their nested aggregates
        if windows and reads_other_only(agg.node):
            frame = aggregate_by_windows(frame, agg, compiler, segments, counted)
            continue
        rest = same_case_rest(agg.node) if windows and not has_null_case else None
        if rest is not None:  # "another charge of this case": windows within the case
            frame = aggregate_by_windows(frame, agg, compiler, segments, counted, where=rest, outer=CASE)
            continue
        span = date_span(agg.node, compiler) if windows and not has_null_case else None
        if span is not None:  # "another charge dated between two dates of this one": sorted searches
            frame = aggregate_by_span(frame, agg, span, compiler)
            continue
        scope = agg.node.scope
        if scope not in pairs:
            pairs[scope] = pairs_frame(frame, scope)
        frame = aggregate_by_pairs(frame, pairs[scope], agg, compiler)
    return frame.sort(INPUT).with_columns(pl.col(INPUT).alias(ROW)).drop(INPUT)


def reads_other_only(node: Exists | LatestOf) -> bool:
    """Whether ``where`` (and ``date``) read only the other charge (no Fact, no nested aggregate)."""

    def local(expr: Expr) -> bool:
        if isinstance(expr, Fact | Exists | LatestOf):
            return False
        return all(local(child) for child in children(expr))

    parts = [node.where] if isinstance(node, Exists) else [node.where, latest_date(node)]
    return all(local(part) for part in parts)


def same_case_rest(node: Exists | LatestOf) -> Expr | None:
    """For ``other_charges`` with ``where = Other.case_id == Fact.case_id and <rest>``: ``rest``, if it
    (and ``date``) read only the other charge. Exact when case ids are known: the equality is then
    true within the case and false outside it, and false-and-anything is false."""
    if node.scope != "other_charges" or not isinstance(node.where, And):
        return None
    same = (Compare("==", Other("case_id"), Fact("case_id")), Compare("==", Fact("case_id"), Other("case_id")))
    terms = node.where.terms
    if not any(t in same for t in terms):
        return None
    rest = And(tuple(t for t in terms if t not in same))
    trial = (
        Exists(rest, "other_charges")
        if isinstance(node, Exists)
        else LatestOf(latest_date(node), rest, Const(True), "other_charges")
    )
    return rest if reads_other_only(trial) else None

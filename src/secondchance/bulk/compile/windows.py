"""The window aggregate strategy: aggregates whose ``where`` reads only the other charge, without a self-join.

Each charge is evaluated once as "the other charge"; counts are person totals minus group totals,
and the latest date outside a group is the person's latest or the runner-up, all by ``reduceat``
over runs of adjacent rows (``Segments``).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from ...relief.lang import Exists, Expr, LatestOf, Scope
from .expressions import (
    CASE,
    KEY,
    NO_DATE,
    OTHER,
    PERSON,
    Aggregate,
    Compiler,
    at_least,
    at_least_count,
    columns_of,
    latest_date,
)


def aggregate_by_windows(
    frame: pl.DataFrame,
    agg: Aggregate,
    compiler: Compiler,
    segments: dict[tuple[str, str], Segments],
    counted: dict[tuple[Expr, Scope, str], pl.DataFrame],
    where: Expr | None = None,
    outer: str = PERSON,
) -> pl.DataFrame:
    """``aggregate_by_pairs`` for an aggregate whose parts read only the other charge, without a self-join.

    Each charge is evaluated once as "the other charge"; what the scope excludes (this charge's
    key, or its whole case) is a group, so counts are person totals minus group totals, and the
    latest date outside a group is the person's latest unless only this group holds it (then the
    runner-up among the other groups). Windows run over the integer keys ``evaluate`` adds; with
    ``outer=CASE`` "the person" is narrowed to the charge's case (``same_case_rest``). An ``Exists``'s
    counts are kept in ``counted``: another ``Exists`` over the same charges, with another ``count``
    ("two or more", "four or more"), reuses them.
    """
    node = agg.node
    condition = node.where if where is None else where
    shared = (condition, node.scope, outer)
    if isinstance(node, Exists) and shared in counted:
        return _exists_from_counts(frame, agg, node, counted[shared])
    group = CASE if node.scope == "other_cases" else KEY
    parts = [compiler.expr(condition, pair=True).alias("__w")]
    if isinstance(node, LatestOf):
        parts.append(compiler.expr(latest_date(node), pair=True).alias("__d"))
    needed = set(agg.names) | {name.removesuffix(OTHER) for name in columns_of(parts)}
    # the row as "the other charge": its columns under the suffixed names the pair expressions read
    work = frame.select(
        pl.col(outer).alias(PERSON),
        pl.col(group).alias("__g"),
        *(pl.col(c).alias(c + OTHER) for c in sorted(needed) if c in frame.columns),
    ).with_columns(parts)
    if (outer, group) not in segments:
        segments[outer, group] = Segments.of(frame[outer], frame[group])
    seg = segments[outer, group]
    if isinstance(node, Exists):
        w = pl.col("__w")
        other = {n: pl.col(n + OTHER).is_null() for n in agg.names}
        counts = {"__t": w, "__m": w.is_null(), **{f"__m_{n}": w.is_null() & other[n] for n in agg.names}}
        counted[shared] = _outside_counts(work, counts, seg)
        return _exists_from_counts(frame, agg, node, counted[shared])
    work = work.with_columns(frame.select(compiler.expr(at_least(node), pair=False).alias("__floor")).to_series())
    return frame.with_columns(_latest_by_windows(work, agg, seg))


def _latest_by_windows(work: pl.DataFrame, agg: Aggregate, seg: Segments) -> pl.DataFrame:
    """A ``LatestOf``'s value, undated and flag columns from ``work`` (``__w``: the row matches as the
    other charge, ``__d``: its date, ``__floor``: the earliest the answer may be): the latest date
    outside this charge's group, and whether an unknown match could be later."""
    w, d = pl.col("__w"), pl.col("__d")
    other = {n: pl.col(n + OTHER).is_null() for n in agg.names}
    matched, maybe = w.fill_null(False), w.is_null()
    extras = {"": pl.lit(True), **{f"_{n}": other[n] for n in agg.names}}
    work = _outside_counts(
        work,
        {
            "__u": matched & d.is_null(),
            **{f"__u_{n}": matched & d.is_null() & other[n] for n in agg.names},
            **{f"__bu{k}": maybe & d.is_null() & e for k, e in extras.items()},
        },
        seg,
    )
    latest: dict[str, pl.Expr] = {
        "__max": pl.when(matched).then(d),
        **{f"__bl{k}": pl.when(maybe & e).then(d) for k, e in extras.items()},
    }
    work = _latest_outside(work, latest, seg)
    work = work.with_columns(
        pl.when(pl.col("__floor").is_null()).then(None).otherwise(pl.max_horizontal("__floor", "__max")).alias("__base")
    )
    base = pl.col("__base")

    def doubtful(k: str) -> pl.Expr:
        """Some charge in scope might match (``where`` unknown) and has no date or a later one."""
        return (pl.col(f"__bu{k}") > 0) | (pl.col(f"__bl{k}") > base).fill_null(False)

    undated = pl.col("__u") > 0
    doubt = doubtful("")
    known = base.is_not_null()
    return work.select(
        pl.when(undated | ~known | doubt).then(None).otherwise(base).alias(agg.value),
        undated.alias(agg.undated),
        *(
            ((undated & (pl.col(f"__u_{n}") > 0)) | (~undated & known & doubt & doubtful(f"_{n}"))).alias(agg.flag(n))
            for n in agg.names
        ),
    )


def _exists_from_counts(frame: pl.DataFrame, agg: Aggregate, node: Exists, counts: pl.DataFrame) -> pl.DataFrame:
    """An ``Exists``'s value and flags from how many charges in scope match (``__t``), might (``__m``),
    and might with each ``Other`` fact unknown (``__m_<fact>``)."""
    true, unknown = at_least_count(pl.col("__t"), pl.col("__m"), node.count)
    return frame.with_columns(
        counts.select(
            pl.when(true).then(True).when(unknown).then(None).otherwise(False).alias(agg.value),
            *((unknown & (pl.col(f"__m_{n}") > 0)).alias(agg.flag(n)) for n in agg.names),
        )
    )


@dataclass(frozen=True)
class Segments:
    """Runs of adjacent rows per person and per group, so sums and maxima over them are ``reduceat`` calls.

    The frame is sorted by person, case and charge (``_aggregate_columns``), so every (person, group)
    pair of keys is already in order. Computed once per partition and keys; every window aggregate reuses it.
    """

    person: np.ndarray  # per row: its person's number
    group: np.ndarray  # per row: its group's number
    person_starts: np.ndarray  # per person: its first row
    group_starts: np.ndarray  # per group: its first row
    group_person: np.ndarray  # per group: its person's number
    person_groups: np.ndarray  # per person: its first group
    single: bool  # every group is one row (charge keys, once validated)

    @classmethod
    def of(cls, person: pl.Series, group: pl.Series) -> Segments:
        p, g = person.cast(pl.Int64).to_numpy(), group.cast(pl.Int64).to_numpy()
        new_person = np.ones(len(p), dtype=bool)
        new_person[1:] = p[1:] != p[:-1]
        new_group = new_person.copy()
        new_group[1:] |= g[1:] != g[:-1]
        if len(p) and (np.any(p[1:] < p[:-1]) or np.any(g[1:][~new_person[1:]] < g[:-1][~new_person[1:]])):
            raise AssertionError("window keys out of order: the frame must be sorted by person, case and charge")
        group_starts = np.flatnonzero(new_group)
        person_number, group_number = np.cumsum(new_person) - 1, np.cumsum(new_group) - 1
        group_person = person_number[group_starts]
        first = np.ones(len(group_person), dtype=bool)
        first[1:] = group_person[1:] != group_person[:-1]
        return cls(
            person_number,
            group_number,
            np.flatnonzero(new_person),
            group_starts,
            group_person,
            np.flatnonzero(first),
            len(group_starts) == len(p),
        )


def _outside_counts(work: pl.DataFrame, flags: dict[str, pl.Expr], seg: Segments) -> pl.DataFrame:
    """Add, per name, how many charges outside this charge's group (same person) have the flag.

    All the flags at once, as the columns of one matrix, so each ``reduceat`` serves them all; a flag no
    row has (most of the unknown-fact flags) counts zero everywhere and is skipped."""
    v = work.select(flag.fill_null(False).cast(pl.Int32).alias(name) for name, flag in flags.items()).to_numpy()
    v = np.require(v, requirements="W")
    live = np.flatnonzero(v.any(axis=0))
    if len(live):
        some = v[:, live]
        total = np.add.reduceat(some, seg.person_starts, axis=0)[seg.person]
        v[:, live] = total - (some if seg.single else np.add.reduceat(some, seg.group_starts, axis=0)[seg.group])
    return work.with_columns(pl.Series(name, v[:, n]) for n, name in enumerate(flags))


def _latest_outside(work: pl.DataFrame, values: dict[str, pl.Expr], seg: Segments) -> pl.DataFrame:
    """Add, per name, the latest date among the charges outside this charge's group (same person):
    the person's latest, unless only this group holds it, then the runner-up among the other groups.
    A value no row has stays absent everywhere and is skipped."""
    v = work.select(value.cast(pl.Int32).fill_null(NO_DATE).alias(name) for name, value in values.items()).to_numpy()
    v = np.require(v, requirements="W")
    live = np.flatnonzero((v != NO_DATE).any(axis=0))
    if len(live):
        some = v[:, live]
        in_group = some if seg.single else np.maximum.reduceat(some, seg.group_starts, axis=0)
        top = np.maximum.reduceat(in_group, seg.person_groups, axis=0)
        top_of_group = top[seg.group_person]
        at_top = (in_group == top_of_group) & (in_group != NO_DATE)
        holders = np.add.reduceat(at_top.astype(np.int32), seg.person_groups, axis=0)
        runner_up = np.maximum.reduceat(np.where(in_group < top_of_group, in_group, NO_DATE), seg.person_groups, axis=0)
        mine = at_top[seg.group] & (holders[seg.person] == 1)
        v[:, live] = np.where(mine, runner_up[seg.person], top[seg.person])
    dates = pl.DataFrame({name: v[:, n] for n, name in enumerate(values)})
    return work.hstack(
        dates.select(
            pl.when(pl.col(n) == NO_DATE).then(None).otherwise(pl.col(n)).cast(pl.Date).alias(n) for n in values
        )
    )

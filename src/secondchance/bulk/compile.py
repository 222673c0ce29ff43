"""Compile rule trees to vectorized Polars expressions with exactly the explainer's semantics.

The explainer (``relief/evaluate.py``) walks a rule per charge; here the same tree becomes
column expressions evaluated over a whole partition at once. What makes that exact:

* Kleene logic: Polars ``&``/``|``/``~`` on nullable booleans *are* Kleene, and comparisons
  with null are null, as in the explainer.
* ``Shift``: ``dt.offset_by("<12·years + months>mo")`` clamps 29 February to 28 February like
  ``add_years_days``; the days are then added as a duration (tests compare every day).
* Citations: the partition's ``statute`` column is first read by each charge's state grammar
  (``relief.semantics.read_statute``: canonical, or null if unreadable) once per distinct
  (state, citation); ``StatuteIn`` over a column then matches the distinct values with the
  explainer's own Python function (true, false or unknown) and becomes two ``is_in``s.
* ``Exists``/``LatestOf``: per charge over the person's charges in scope (true / maybe / undated
  counts, latest dates, and which ``Other`` facts were unknown on the rows that left the answer
  undecided, for ``missing``): window sums over the partition sorted by person, binary searches
  for a date span, or, in general, a self-join of the partition on ``person_id`` (tests check
  the fast strategies against the self-join; docs/bulk-design.md explains each).
* ``missing``: per unknown condition or wait, the statically known ``facts_used`` that are null on
  the row, plus ``other_charges.<fact>`` flags of the aggregates the explainer would have
  evaluated with that condition's missing set (not under ``Known``, not inside another
  aggregate's ``where``/``date``; inside a ``LatestOf``'s ``at_least`` only when no certainly
  matching charge lacked its date, since the explainer stops before the floor then).

No per-row Python: Python touches only the rules, the parameters and distinct citations.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Final, Literal

import numpy as np
import polars as pl

from ..relief.citations import Inchoate, statute_matches
from ..relief.jurisdictions import all_rules, listed_sections, read_citation
from ..relief.lang import (
    And,
    AsOf,
    CitesAny,
    Compare,
    Const,
    Exists,
    Expr,
    Fact,
    IfElse,
    Known,
    Latest,
    LatestOf,
    Not,
    OneOf,
    Or,
    Other,
    Param,
    Rule,
    Scope,
    Shift,
    Status,
    StatuteIn,
    facts_used,
    other_facts_used,
)
from ..relief.semantics import cites_any, text_values, whole_number
from .frame import CHARGE_SCHEMA, CODE_SCHEMA, STATUSES, ResultCodes, with_defaults

#: Every expression node the compiler handles (a test fails if ``lang.Expr`` gains another).
HANDLED_NODES: Final = (
    Fact,
    Other,
    Const,
    Param,
    AsOf,
    Compare,
    OneOf,
    StatuteIn,
    CitesAny,
    Known,
    And,
    Or,
    Not,
    Shift,
    IfElse,
    Latest,
    Exists,
    LatestOf,
)

_OTHER: Final = "__o"  # suffix of the other charge's columns in a pair frame
_ROW: Final = "__i"
_PAIR: Final = "__k"
# integer keys for window aggregates: the person, their case, the charge's key
_PERSON: Final = "__p"
_CASE: Final = "__c"
_KEY: Final = "__q"
_INPUT: Final = "__n"  # the input position while the aggregates run in person order


class CompileError(ValueError):
    """A rule the compiler cannot turn into columns (the explainer would fail on it too)."""


# ---------------------------------------------------------------------------- aggregates


@dataclass
class _Aggregate:
    """One ``Exists``/``LatestOf`` node: its output columns on the row frame."""

    node: Exists | LatestOf
    key: str  # column-name prefix, e.g. "__a3"
    names: tuple[str, ...]  # the Other facts whose unknowns it reports (other_facts_used)

    @property
    def value(self) -> str:
        return self.key

    def flag(self, name: str) -> str:
        return f"{self.key}_miss_{name}"

    @property
    def undated(self) -> str:  # LatestOf: whether a certainly matching charge has no date
        return f"{self.key}_undated"


@dataclass
class _Compiler:
    """Turns expressions into Polars; records the aggregates and statute columns they need."""

    as_of: date
    aggregates: dict[Exists | LatestOf, _Aggregate] = field(default_factory=dict)
    #: (column, sections, inchoate, or ``LIST`` for ``CitesAny``) -> the boolean column that answers it
    statutes: dict[tuple[str, tuple[str, ...], Inchoate | Literal["list"]], str] = field(default_factory=dict)
    counter: Iterator[int] = field(default_factory=itertools.count)

    # -- expressions

    def column(self, name: str, pair: bool, other: bool) -> pl.Expr:
        if name not in CHARGE_SCHEMA:
            raise CompileError(f"no fact {name!r} in the record columns")
        return pl.col(name + _OTHER if other else name)

    def dtype(self, node: Expr) -> pl.DataType | None:
        """The Polars type of a value expression, where it decides how it compiles."""
        match node:
            case Fact(name) | Other(name):
                return CHARGE_SCHEMA.get(name)
            case Const(value):
                return (
                    pl.Utf8() if isinstance(value, str) else pl.Boolean() if isinstance(value, bool) else pl.Float64()
                )
            case IfElse(_, then, _):
                return self.dtype(then)
            case AsOf() | Shift() | Latest() | LatestOf():
                return pl.Date()
            case Compare() | OneOf() | StatuteIn() | CitesAny() | Known() | And() | Or() | Not() | Exists():
                return pl.Boolean()
        return None

    def expr(self, node: Expr, pair: bool) -> pl.Expr:
        """``node`` as a Polars expression over the row frame, or the pair frame if ``pair``."""
        ev = self.expr
        match node:
            case Fact(name):
                return self.column(name, pair, other=False)
            case Other(name):
                if not pair:
                    raise CompileError(f"Other({name!r}) used outside Exists/LatestOf")
                return self.column(name, pair, other=True)
            case Const(value):
                return _lit(value)
            case AsOf():
                return pl.lit(self.as_of, dtype=pl.Date)
            case Param(key):
                raise CompileError(f"Param {key!r} must be used inside OneOf/StatuteIn/Shift/Wait")
            case Compare(op, left, right):
                a, b = ev(left, pair), ev(right, pair)
                return _compare(op, a, b)
            case OneOf(inner, allowed, unknown):
                item = ev(inner, pair)
                values, doubtful = text_values(allowed, self.as_of), text_values(unknown, self.as_of)
                kind = self.dtype(inner)
                if kind is not None and kind != pl.Utf8():
                    # the explainer's `item in values` with text values: never for a non-text item
                    return pl.when(item.is_null()).then(None).otherwise(pl.lit(False))
                unsure = item.is_null() | item.is_in(pl.lit(pl.Series(doubtful, dtype=pl.Utf8)).implode())
                return (
                    pl.when(unsure).then(None).otherwise(item.is_in(pl.lit(pl.Series(values, dtype=pl.Utf8)).implode()))
                )
            case StatuteIn(inner, sections, inchoate):
                return self.statute_in(inner, text_values(sections, self.as_of), inchoate, pair)
            case CitesAny(inner, sections):
                return self.statute_in(inner, text_values(sections, self.as_of), LIST, pair)
            case Known(inner):
                return ev(inner, pair).is_not_null()
            case And(terms):
                return pl.all_horizontal([ev(t, pair) for t in terms]) if terms else pl.lit(True)
            case Or(terms):
                return pl.any_horizontal([ev(t, pair) for t in terms]) if terms else pl.lit(False)
            case Not(term):
                return ~ev(term, pair)
            case Shift(inner, years, days, months):
                return _shift(
                    ev(inner, pair),
                    whole_number(years, self.as_of),
                    whole_number(days, self.as_of),
                    whole_number(months, self.as_of),
                )
            case IfElse(test, then, otherwise):
                chosen = ev(test, pair)
                return pl.when(chosen).then(ev(then, pair)).when(~chosen).then(ev(otherwise, pair)).otherwise(None)
            case Latest(dates):
                if not dates:
                    raise CompileError("Latest of no dates")
                moments = [ev(d, pair) for d in dates]
                return (
                    pl.when(pl.any_horizontal([v.is_null() for v in moments]))
                    .then(None)
                    .otherwise(pl.max_horizontal(moments))
                )
            case Exists() | LatestOf():
                return pl.col(self.aggregate(node).value)
        raise CompileError(f"not a rule expression: {node!r}")

    def statute_in(
        self, inner: Expr, sections: tuple[str, ...], inchoate: Inchoate | Literal["list"], pair: bool
    ) -> pl.Expr:
        if isinstance(inner, Fact | Other) and CHARGE_SCHEMA.get(inner.name) == pl.Utf8():
            key = (inner.name, sections, inchoate)
            column = self.statutes.setdefault(key, f"__s{next(self.counter)}")
            if isinstance(inner, Other):
                if not pair:
                    raise CompileError(f"Other({inner.name!r}) used outside Exists/LatestOf")
                return pl.col(column + _OTHER)
            return pl.col(column)
        if isinstance(inner, Const):
            return pl.lit(_matches(str(inner.value), sections, inchoate))
        raise CompileError(f"StatuteIn and CitesAny read a text column or a constant, not {inner!r}")

    def aggregate(self, node: Exists | LatestOf) -> _Aggregate:
        found = self.aggregates.get(node)
        if found is None:
            # compile the parts first so nested aggregates are registered before this one
            self.expr(node.where, pair=True)
            if isinstance(node, LatestOf):
                self.expr(_latest_date(node), pair=True)
                self.expr(_at_least(node), pair=False)
            found = _Aggregate(node, f"__a{next(self.counter)}", other_facts_used(node))
            self.aggregates[node] = found
        return found

    # -- missing: which unknown facts of other charges the explainer reports for a tree

    def other_missing(self, node: Expr, reach: pl.Expr) -> list[tuple[str, pl.Expr]]:
        """(``other_charges.<fact>``, when) pairs the explainer adds while evaluating ``node``."""
        match node:
            case Known():
                return []
            case Exists():
                agg = self.aggregate(node)
                return [(f"other_charges.{n}", reach & pl.col(agg.flag(n))) for n in agg.names]
            case LatestOf(_, _, at_least):
                agg = self.aggregate(node)
                own = [(f"other_charges.{n}", reach & pl.col(agg.flag(n))) for n in agg.names]
                # the floor is evaluated (with the caller's missing set) unless a match had no date
                return own + self.other_missing(at_least, reach & ~pl.col(agg.undated))
            case IfElse(test, then, otherwise):
                # the explainer evaluates the test, then only the branch it chose (none if unknown)
                chosen = self.expr(test, pair=False)
                return (
                    self.other_missing(test, reach)
                    + self.other_missing(then, reach & (chosen == True).fill_null(False))  # noqa: E712
                    + self.other_missing(otherwise, reach & (chosen == False).fill_null(False))  # noqa: E712
                )
        out: list[tuple[str, pl.Expr]] = []
        for child in _children(node):
            out.extend(self.other_missing(child, reach))
        return out


#: The ``inchoate`` slot of a statute column that answers ``CitesAny`` (a list of citations, not one).
LIST: Final = "list"


def _matches(value: str, sections: tuple[str, ...], inchoate: Inchoate | Literal["list"]) -> bool | None:
    """The explainer's own answer for one distinct value: ``StatuteIn`` on a citation, or ``CitesAny`` on a list."""
    if inchoate == "list":
        return cites_any(value, sections)
    return statute_matches(read_citation(value), listed_sections(sections), inchoate)


def _latest_date(node: LatestOf) -> Expr:
    match node:
        case LatestOf(when, _, _):
            return when
    raise AssertionError


def _at_least(node: LatestOf) -> Expr:
    match node:
        case LatestOf(_, _, at_least):
            return at_least
    raise AssertionError


def _children(node: Expr) -> tuple[Expr, ...]:
    from ..relief.lang import children

    return children(node)


def _lit(value: date | str | int | float | bool) -> pl.Expr:
    if isinstance(value, bool):
        return pl.lit(value, dtype=pl.Boolean)
    if isinstance(value, date):
        return pl.lit(value, dtype=pl.Date)
    if isinstance(value, str):
        return pl.lit(value, dtype=pl.Utf8)
    if isinstance(value, int):
        return pl.lit(value, dtype=pl.Int64)
    return pl.lit(value, dtype=pl.Float64)


def _compare(op: str, a: pl.Expr, b: pl.Expr) -> pl.Expr:
    if op == "==":
        return a == b
    if op == "!=":
        return a != b
    if op == "<":
        return a < b
    if op == "<=":
        return a <= b
    if op == ">":
        return a > b
    if op == ">=":
        return a >= b
    raise CompileError(f"unknown comparison {op!r}")


def _shift(d: pl.Expr, years: int, days: int, months: int = 0) -> pl.Expr:
    """``add_years_days``: whole years and months in one clamped step (29 Feb -> 28 Feb), then days."""
    total = years * 12 + months
    moved = d.dt.offset_by(f"{total}mo") if total else d
    return moved + pl.duration(days=days) if days else moved


# ---------------------------------------------------------------------------- rules


@dataclass
class _CompiledRule:
    rule: Rule
    prefix: str  # of its columns: ``<prefix>h<n>`` per condition, ``<prefix>e<n>`` per wait, then the outputs
    holds: list[pl.Expr]  # one per condition
    ends: list[pl.Expr]  # one per wait
    missing: dict[str, list[pl.Expr]]  # fact -> when it is reported missing (over the check columns)

    def checks(self) -> list[pl.Expr]:
        """The conditions and waits as named columns (the outputs read them)."""
        return [
            *(e.alias(f"{self.prefix}h{n}") for n, e in enumerate(self.holds)),
            *(e.alias(f"{self.prefix}e{n}") for n, e in enumerate(self.ends)),
        ]

    def outputs(self, as_of: date) -> list[pl.Expr]:
        """``status``, ``eligible_on``, ``missing`` and ``reasons`` (masks) from the check columns."""
        holds = [pl.col(f"{self.prefix}h{n}") for n in range(len(self.holds))]
        ends = [pl.col(f"{self.prefix}e{n}") for n in range(len(self.ends))]
        day = pl.lit(as_of, dtype=pl.Date)
        trace = [*holds, *(e <= day for e in ends)]
        failed = pl.any_horizontal([(h == False).fill_null(False) for h in holds]) if holds else pl.lit(False)  # noqa: E712
        unknown_terms = [c.is_null() for c in (*holds, *ends)]
        unknown = pl.any_horizontal(unknown_terms) if unknown_terms else pl.lit(False)
        latest = pl.max_horizontal(ends) if ends else pl.lit(None, dtype=pl.Date)
        reason_mask = _mask([(held == False).fill_null(False) for held in trace])  # noqa: E712
        names = sorted(self.missing)
        missing_mask = _mask([pl.any_horizontal(self.missing[n]).fill_null(False) for n in names])
        codes = {status: pl.lit(code, dtype=pl.UInt8) for code, status in enumerate(STATUSES)}
        status = (
            pl.when(failed)
            .then(codes[Status.NOT_ELIGIBLE.value])
            .when(unknown)
            .then(codes[Status.NEEDS_REVIEW.value])
            .when((latest > day).fill_null(False))
            .then(codes[Status.ELIGIBLE_ON.value])
            .otherwise(codes[Status.ELIGIBLE_NOW.value])
        )
        return [
            status.alias(f"{self.prefix}status"),
            pl.when(failed | unknown).then(None).when(latest > day).then(latest).alias(f"{self.prefix}eligible_on"),
            pl.when(~failed & unknown).then(missing_mask).otherwise(0).alias(f"{self.prefix}missing"),
            reason_mask.alias(f"{self.prefix}reasons"),
        ]


@dataclass
class CompiledRules:
    """Rules compiled for one as-of date; ``evaluate`` runs them over one partition."""

    as_of: date
    rules: tuple[Rule, ...]
    compiler: _Compiler
    compiled: list[_CompiledRule]
    errors: dict[str, Exception]  # jurisdiction -> why its rules could not compile
    #: aggregates that read only the other charge run as window sums over the person (no self-join);
    #: False forces the self-join for every aggregate (tests compare the two)
    windows: bool = True
    #: (sections, inchoate) -> citation -> whether it matches (true, false, unknown), kept across partitions
    matches: dict[tuple[tuple[str, ...], Inchoate | Literal["list"]], dict[str, bool | None]] = field(
        default_factory=dict
    )
    #: (state, citation as written) -> canonical citation, or None if unreadable, kept across partitions
    readings: dict[tuple[str, str], str | None] = field(default_factory=dict)

    @property
    def codes(self) -> ResultCodes:
        facts = {id(c.rule): tuple(sorted(c.missing)) for c in self.compiled}
        return ResultCodes(self.rules, tuple(facts.get(id(r), ()) for r in self.rules))

    def evaluate(self, charges: pl.DataFrame) -> pl.DataFrame:
        """One ``CODE_SCHEMA`` row per (charge, rule of its jurisdiction in force), input order."""
        frame = with_defaults(charges).select(list(CHARGE_SCHEMA)).with_row_index(_ROW)
        jurisdictions = set(frame["jurisdiction"].drop_nulls().unique())
        for jurisdiction, error in self.errors.items():
            if jurisdiction in jurisdictions:
                raise error
        active = [c for c in self.compiled if c.rule.jurisdiction in jurisdictions]
        if not active or frame.height == 0:
            return pl.DataFrame(schema=CODE_SCHEMA)
        frame = self._read_statutes(frame)
        frame = self._statute_columns(frame)
        frame = self._aggregate_columns(frame)
        index = {id(rule): n for n, rule in enumerate(self.rules)}
        blocks = []
        for jurisdiction in dict.fromkeys(c.rule.jurisdiction for c in active):
            items = [c for c in active if c.rule.jurisdiction == jurisdiction]
            scoped = frame.filter(pl.col("jurisdiction") == jurisdiction)
            wide = scoped.with_columns(e for item in items for e in item.checks()).select(
                _ROW, *(e for item in items for e in item.outputs(self.as_of))
            )
            blocks.append(_interleave(wide, items, [index[id(item.rule)] for item in items]))
        # a charge is in one jurisdiction's block, its rules in order: a stable sort by charge interleaves blocks
        return blocks[0] if len(blocks) == 1 else pl.concat(blocks).sort("charge", maintain_order=True)

    # -- per-partition columns

    def _read_statutes(self, frame: pl.DataFrame) -> pl.DataFrame:
        """The ``statute`` column as each charge's state grammar reads it (``relief.semantics.read_statute``)."""
        if len(self.readings) > 500_000:  # bounded memory over a long run
            self.readings.clear()
        pairs = frame.select("jurisdiction", "statute").filter(pl.col("statute").is_not_null()).unique()
        states, cited, read = [], [], []
        for state, text in pairs.iter_rows():
            key = (state, text)
            if key not in self.readings:
                self.readings[key] = read_citation(text, state) if state is not None else None
            states.append(state)
            cited.append(text)
            read.append(self.readings[key])
        table = pl.DataFrame(
            {"jurisdiction": states, "statute": cited, "__read": read},
            schema={"jurisdiction": pl.Utf8(), "statute": pl.Utf8(), "__read": pl.Utf8()},
        )
        joined = frame.join(table, on=["jurisdiction", "statute"], how="left", nulls_equal=True, maintain_order="left")
        return joined.with_columns(pl.col("__read").alias("statute")).drop("__read")

    def _statute_columns(self, frame: pl.DataFrame) -> pl.DataFrame:
        """One boolean column per (column, sections, inchoate): distinct citations matched once, in Python."""
        columns = []
        distinct: dict[str, list[str]] = {}
        for (name, sections, inchoate), column in self.compiler.statutes.items():
            if name not in distinct:
                distinct[name] = frame[name].drop_nulls().unique().to_list()
            known = self.matches.setdefault((sections, inchoate), {})
            if len(known) > 500_000:  # bounded memory over a long run
                known.clear()
            for value in distinct[name]:
                if value not in known:
                    known[value] = _matches(value, sections, inchoate)
            matching = pl.lit(pl.Series([v for v in distinct[name] if known[v]], dtype=pl.Utf8)).implode()
            unknown = pl.lit(pl.Series([v for v in distinct[name] if known[v] is None], dtype=pl.Utf8)).implode()
            cited = pl.col(name)
            columns.append(
                pl.when(cited.is_null() | cited.is_in(unknown))
                .then(pl.lit(None, dtype=pl.Boolean))
                .otherwise(cited.is_in(matching))
                .alias(column)
            )
        return frame.with_columns(columns) if columns else frame

    def _aggregate_columns(self, frame: pl.DataFrame) -> pl.DataFrame:
        pairs: dict[Scope, pl.DataFrame] = {}
        segments: dict[tuple[str, str], _Segments] = {}
        counted: dict[tuple[Expr, Scope, str], pl.DataFrame] = {}
        has_null_case = frame["case_id"].null_count() > 0
        if not self.compiler.aggregates:
            return frame
        # Sorted by person, case and charge, every window below is a run of adjacent rows (no gathers);
        # the keys number the runs. ``_ROW`` is the position in this order until the frame goes back to
        # input order at the end.
        frame = frame.sort("person_id", "case_id", "charge_id", nulls_last=True, maintain_order=True)
        frame = frame.with_columns(pl.col(_ROW).alias(_INPUT), pl.int_range(pl.len(), dtype=pl.UInt32).alias(_ROW))
        first = pl.int_range(pl.len()) == 0
        new = {c: first | pl.col(c).ne_missing(pl.col(c).shift()) for c in ("person_id", "case_id", "charge_id")}
        frame = frame.with_columns(
            new["person_id"].cum_sum().alias(_PERSON),
            (new["person_id"] | new["case_id"]).cum_sum().alias(_CASE),
            (new["person_id"] | new["case_id"] | new["charge_id"]).cum_sum().alias(_KEY),
        )
        for agg in self.compiler.aggregates.values():  # registered after their nested aggregates
            if self.windows and _reads_other_only(agg.node):
                frame = _aggregate_by_windows(frame, agg, self.compiler, segments, counted)
                continue
            rest = _same_case_rest(agg.node) if self.windows and not has_null_case else None
            if rest is not None:  # "another charge of this case": windows within the case
                frame = _aggregate_by_windows(frame, agg, self.compiler, segments, counted, where=rest, outer=_CASE)
                continue
            span = _date_span(agg.node, self.compiler) if self.windows and not has_null_case else None
            if span is not None:  # "another charge dated between two dates of this one": sorted searches
                frame = _aggregate_by_span(frame, agg, span, self.compiler)
                continue
            scope = agg.node.scope
            if scope not in pairs:
                pairs[scope] = _pairs(frame, scope)
            frame = _aggregate(frame, pairs[scope], agg, self.compiler)
        return frame.sort(_INPUT).with_columns(pl.col(_INPUT).alias(_ROW)).drop(_INPUT)


def _interleave(wide: pl.DataFrame, items: list[_CompiledRule], indices: list[int]) -> pl.DataFrame:
    """Rules side by side (one row per charge) to one row per (charge, rule): a reshape, no sort."""
    count = len(items)

    def stacked(name: str, fill: int = 0) -> np.ndarray:
        columns = [wide[f"{item.prefix}{name}"].to_physical().fill_null(fill).to_numpy() for item in items]
        return np.stack(columns, axis=1).ravel()

    days = pl.Series(stacked("eligible_on", _NONE))
    return pl.DataFrame(
        {
            "charge": np.repeat(wide[_ROW].to_numpy(), count),
            "rule": np.tile(np.array(indices, dtype=np.uint16), wide.height),
            "status": stacked("status"),
            "eligible_on": pl.select(pl.when(days == _NONE).then(None).otherwise(days).cast(pl.Date)).to_series(),
            "missing": stacked("missing"),
            "reasons": stacked("reasons"),
        },
        schema=CODE_SCHEMA,
    )


def _mask(flags: list[pl.Expr]) -> pl.Expr:
    """Booleans as the bits of one integer (few distinct values, so lists are built once per value)."""
    if len(flags) > 63:
        raise CompileError("a rule with more than 63 checks or missing facts (the bits of an Int64)")
    terms = [pl.when(flag).then(pl.lit(1 << bit, dtype=pl.Int64)).otherwise(0) for bit, flag in enumerate(flags)]
    return pl.sum_horizontal(terms) if terms else pl.lit(0, dtype=pl.Int64)


# ---------------------------------------------------------------------------- pair frames


def _pairs(frame: pl.DataFrame, scope: Scope) -> pl.DataFrame:
    """Every (this charge, other charge in scope) of the same person, as row-index pairs."""
    keys = frame.select(_ROW, "person_id", "case_id", "charge_id")
    joined = keys.join(keys, on="person_id", suffix=_OTHER)
    same_case = pl.col("case_id") == pl.col("case_id" + _OTHER)
    if scope == "other_charges":
        in_scope = ~(same_case & (pl.col("charge_id") == pl.col("charge_id" + _OTHER)))
    else:
        in_scope = ~same_case
    return joined.filter((pl.col(_ROW) != pl.col(_ROW + _OTHER)) & in_scope.fill_null(True)).select(
        pl.col(_ROW), pl.col(_ROW + _OTHER).alias(_PAIR)
    )


def _aggregate(frame: pl.DataFrame, pairs: pl.DataFrame, agg: _Aggregate, compiler: _Compiler) -> pl.DataFrame:
    """Add ``agg``'s value, its ``other_charges`` flags and (LatestOf) match count to ``frame``."""
    node = agg.node
    this_cols = [c for c in frame.columns if c != _ROW]
    # the pair frame: this charge's columns as they are, the other charge's with the suffix
    where = compiler.expr(node.where, pair=True)
    parts = [where.alias("__w")]
    if isinstance(node, LatestOf):
        parts.append(compiler.expr(_latest_date(node), pair=True).alias("__d"))
    needed = _columns_of(parts)
    this_needed = [c for c in this_cols if c in needed]
    other_needed = [c for c in this_cols if c + _OTHER in needed or c in agg.names]
    pair = pairs.with_columns(
        *(frame[c].gather(pairs[_ROW]).alias(c) for c in this_needed),
        *(frame[c].gather(pairs[_PAIR]).alias(c + _OTHER) for c in other_needed),
    ).with_columns(parts)
    w = pl.col("__w")
    if isinstance(node, Exists):
        grouped = pair.group_by(_ROW).agg(
            w.fill_null(False).sum().alias("__true"),
            w.is_null().sum().alias("__maybe"),
            *((w.is_null() & pl.col(n + _OTHER).is_null()).any().alias(f"__m_{n}") for n in agg.names),
        )
        full = _by_row(frame.select(_ROW), grouped)
        true, unknown = _at_least_count(pl.col("__true"), pl.col("__maybe"), node.count)
        value = pl.when(true).then(True).when(unknown).then(None).otherwise(False)
        return frame.with_columns(
            full.select(
                value.alias(agg.value),
                *((unknown & pl.col(f"__m_{n}")).alias(agg.flag(n)) for n in agg.names),
            )
        )
    # LatestOf
    d = pl.col("__d")
    matched = w.fill_null(False)
    first = pair.group_by(_ROW).agg(
        matched.sum().alias("__matched"),
        (matched & d.is_null()).any().alias("__undated"),
        pl.when(matched).then(d).max().alias("__max"),
        *((matched & d.is_null() & pl.col(n + _OTHER).is_null()).any().alias(f"__u_{n}") for n in agg.names),
    )
    floor = compiler.expr(_at_least(node), pair=False)
    base_frame = _by_row(frame.select(_ROW), first).with_columns(
        frame.select(floor.alias("__floor")).to_series(),
    )
    base_frame = base_frame.with_columns(
        pl.when(pl.col("__floor").is_null()).then(None).otherwise(pl.max_horizontal("__floor", "__max")).alias("__base")
    )
    pair = pair.with_columns(base_frame["__base"].gather(pair[_ROW]).alias("__base"))
    doubt = (w.is_null() & (d.is_null() | (d > pl.col("__base")))).fill_null(False)
    second = pair.group_by(_ROW).agg(
        doubt.any().alias("__doubt"),
        *((doubt & pl.col(n + _OTHER).is_null()).any().alias(f"__b_{n}") for n in agg.names),
    )
    full = _by_row(base_frame, second)
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


def _at_least_count(certain: pl.Expr, maybe: pl.Expr, count: int) -> tuple[pl.Expr, pl.Expr]:
    """(true, unknown) of ``Exists(count=...)`` from how many charges in scope surely and maybe match."""
    true = certain >= count
    return true, ~true & (certain + maybe >= count)


def _reads_other_only(node: Exists | LatestOf) -> bool:
    """Whether ``where`` (and ``date``) read only the other charge (no Fact, no nested aggregate)."""

    def local(expr: Expr) -> bool:
        if isinstance(expr, Fact | Exists | LatestOf):
            return False
        return all(local(child) for child in _children(expr))

    parts = [node.where] if isinstance(node, Exists) else [node.where, _latest_date(node)]
    return all(local(part) for part in parts)


def _same_case_rest(node: Exists | LatestOf) -> Expr | None:
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
        else LatestOf(_latest_date(node), rest, Const(True), "other_charges")
    )
    return rest if _reads_other_only(trial) else None


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


def _date_span(node: Exists | LatestOf, compiler: _Compiler) -> _Span | None:
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
    return all(_this_only(child) for child in _children(expr))


_DAY0: Final = 1 << 31  # added to day numbers (int32) so they sort as non-negative 32-bit keys


def _aggregate_by_span(frame: pl.DataFrame, agg: _Aggregate, span: _Span, compiler: _Compiler) -> pl.DataFrame:
    """``_aggregate`` for a ``_date_span`` ``Exists`` without a self-join: per charge, count the dated
    charges of the person, then of its own group (case or charge), in the range by binary search over
    (person, date) and (group, date) keys; in scope = person minus group.

    Kleene, as the pair frame: a bound that is unknown makes that side of the range open and every
    charge inside it *maybe*; a charge without the date is *maybe* whatever the bounds.
    """
    group = _CASE if agg.node.scope == "other_cases" else _KEY
    values = frame.select(
        pl.col(_PERSON).cast(pl.Int64).alias("p"),
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
    true, unknown = _at_least_count(pl.col("certain"), pl.col("maybe"), span.count)
    return frame.with_columns(
        counts.select(
            pl.when(true).then(True).when(unknown).then(None).otherwise(False).alias(agg.value),
            (unknown & (pl.col("no_date") > 0)).alias(agg.flag(span.column)),
        )
    )


def _aggregate_by_windows(
    frame: pl.DataFrame,
    agg: _Aggregate,
    compiler: _Compiler,
    segments: dict[tuple[str, str], _Segments],
    counted: dict[tuple[Expr, Scope, str], pl.DataFrame],
    where: Expr | None = None,
    outer: str = _PERSON,
) -> pl.DataFrame:
    """``_aggregate`` for an aggregate whose parts read only the other charge, without a self-join.

    Each charge is evaluated once as "the other charge"; what the scope excludes (this charge's
    key, or its whole case) is a group, so counts are person totals minus group totals, and the
    latest date outside a group is the person's latest unless only this group holds it (then the
    runner-up among the other groups). Windows run over the integer keys ``evaluate`` adds; with
    ``outer=_CASE`` "the person" is narrowed to the charge's case (``_same_case_rest``). An ``Exists``'s
    counts are kept in ``counted``: another ``Exists`` over the same charges, with another ``count``
    ("two or more", "four or more"), reuses them.
    """
    node = agg.node
    condition = node.where if where is None else where
    shared = (condition, node.scope, outer)
    if isinstance(node, Exists) and shared in counted:
        return _exists_from_counts(frame, agg, node, counted[shared])
    group = _CASE if node.scope == "other_cases" else _KEY
    parts = [compiler.expr(condition, pair=True).alias("__w")]
    if isinstance(node, LatestOf):
        parts.append(compiler.expr(_latest_date(node), pair=True).alias("__d"))
    needed = set(agg.names) | {name.removesuffix(_OTHER) for name in _columns_of(parts)}
    # the row as "the other charge": its columns under the suffixed names the pair expressions read
    work = frame.select(
        pl.col(outer).alias(_PERSON),
        pl.col(group).alias("__g"),
        *(pl.col(c).alias(c + _OTHER) for c in sorted(needed) if c in frame.columns),
    ).with_columns(parts)
    if (outer, group) not in segments:
        segments[outer, group] = _Segments.of(frame[outer], frame[group])
    seg = segments[outer, group]
    w = pl.col("__w")
    other = {n: pl.col(n + _OTHER).is_null() for n in agg.names}
    if isinstance(node, Exists):
        counts = {"__t": w, "__m": w.is_null(), **{f"__m_{n}": w.is_null() & other[n] for n in agg.names}}
        counted[shared] = _outside_counts(work, counts, seg)
        return _exists_from_counts(frame, agg, node, counted[shared])
    d = pl.col("__d")
    matched, maybe = w.fill_null(False), w.is_null()
    work = work.with_columns(frame.select(compiler.expr(_at_least(node), pair=False).alias("__floor")).to_series())
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
    return frame.with_columns(
        work.select(
            pl.when(undated | ~known | doubt).then(None).otherwise(base).alias(agg.value),
            undated.alias(agg.undated),
            *(
                ((undated & (pl.col(f"__u_{n}") > 0)) | (~undated & known & doubt & doubtful(f"_{n}"))).alias(
                    agg.flag(n)
                )
                for n in agg.names
            ),
        )
    )


def _exists_from_counts(frame: pl.DataFrame, agg: _Aggregate, node: Exists, counts: pl.DataFrame) -> pl.DataFrame:
    """An ``Exists``'s value and flags from how many charges in scope match (``__t``), might (``__m``),
    and might with each ``Other`` fact unknown (``__m_<fact>``)."""
    true, unknown = _at_least_count(pl.col("__t"), pl.col("__m"), node.count)
    return frame.with_columns(
        counts.select(
            pl.when(true).then(True).when(unknown).then(None).otherwise(False).alias(agg.value),
            *((unknown & (pl.col(f"__m_{n}") > 0)).alias(agg.flag(n)) for n in agg.names),
        )
    )


@dataclass(frozen=True)
class _Segments:
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
    def of(cls, person: pl.Series, group: pl.Series) -> _Segments:
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


def _outside_counts(work: pl.DataFrame, flags: dict[str, pl.Expr], seg: _Segments) -> pl.DataFrame:
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


_NONE: Final = np.iinfo(np.int32).min  # an absent date in the integer arrays below


def _latest_outside(work: pl.DataFrame, values: dict[str, pl.Expr], seg: _Segments) -> pl.DataFrame:
    """Add, per name, the latest date among the charges outside this charge's group (same person):
    the person's latest, unless only this group holds it, then the runner-up among the other groups.
    A value no row has stays absent everywhere and is skipped."""
    v = work.select(value.cast(pl.Int32).fill_null(_NONE).alias(name) for name, value in values.items()).to_numpy()
    v = np.require(v, requirements="W")
    live = np.flatnonzero((v != _NONE).any(axis=0))
    if len(live):
        some = v[:, live]
        in_group = some if seg.single else np.maximum.reduceat(some, seg.group_starts, axis=0)
        top = np.maximum.reduceat(in_group, seg.person_groups, axis=0)
        top_of_group = top[seg.group_person]
        at_top = (in_group == top_of_group) & (in_group != _NONE)
        holders = np.add.reduceat(at_top.astype(np.int32), seg.person_groups, axis=0)
        runner_up = np.maximum.reduceat(np.where(in_group < top_of_group, in_group, _NONE), seg.person_groups, axis=0)
        mine = at_top[seg.group] & (holders[seg.person] == 1)
        v[:, live] = np.where(mine, runner_up[seg.person], top[seg.person])
    dates = pl.DataFrame({name: v[:, n] for n, name in enumerate(values)})
    return work.hstack(
        dates.select(pl.when(pl.col(n) == _NONE).then(None).otherwise(pl.col(n)).cast(pl.Date).alias(n) for n in values)
    )


def _by_row(frame: pl.DataFrame, grouped: pl.DataFrame) -> pl.DataFrame:
    """``grouped`` (keyed by row index) for every row of ``frame``; rows with no pairs get 0 / false."""
    out = frame.join(grouped, on=_ROW, how="left", maintain_order="left")
    fills = []
    for name, dtype in grouped.schema.items():
        if name == _ROW:
            continue
        if dtype == pl.Boolean():
            fills.append(pl.col(name).fill_null(False))
        elif dtype.is_integer():
            fills.append(pl.col(name).fill_null(0))
    return out.with_columns(fills) if fills else out


def _columns_of(exprs: Sequence[pl.Expr]) -> set[str]:
    return {name for e in exprs for name in e.meta.root_names()}


# ---------------------------------------------------------------------------- entry point


def _compile_rule(compiler: _Compiler, rule: Rule, prefix: str) -> _CompiledRule:
    """A rule's checks as expressions; ``missing`` refers to the checks' columns (``<prefix>h<n>``, ``e<n>``)."""
    holds: list[pl.Expr] = []
    ends: list[pl.Expr] = []
    missing: dict[str, list[pl.Expr]] = {}
    checks = [(f"{prefix}h{n}", c.test, c.test, holds) for n, c in enumerate(rule.conditions)]
    checks += [(f"{prefix}e{n}", w.ends, w.start, ends) for n, w in enumerate(rule.waits)]
    for column, tree, facts_tree, into in checks:
        into.append(compiler.expr(tree, pair=False))
        unknown = pl.col(column).is_null()
        for name in facts_used(facts_tree):
            compiler.column(name, pair=False, other=False)
            missing.setdefault(name, []).append(unknown & pl.col(name).is_null())
        for name, when in compiler.other_missing(tree, unknown):
            missing.setdefault(name, []).append(when)
    return _CompiledRule(rule, prefix, holds, ends, missing)


def compile_rules(as_of: date, rules: Sequence[Rule] | None = None) -> CompiledRules:
    """Compile ``rules`` (default: every registered rule) in force on ``as_of``, once for all partitions."""
    chosen = tuple(r for r in (all_rules() if rules is None else rules) if r.in_force(as_of))
    if len(chosen) > 1 << 16:
        raise CompileError("more than 65,536 rules in one run (a code frame numbers them in 16 bits)")
    compiler = _Compiler(as_of)
    compiled: list[_CompiledRule] = []
    errors: dict[str, Exception] = {}
    for number, rule in enumerate(chosen):
        if rule.jurisdiction in errors:
            continue
        try:
            compiled.append(_compile_rule(compiler, rule, f"__r{number}_"))
        except (LookupError, TypeError, CompileError) as error:  # raised if the jurisdiction has charges
            errors[rule.jurisdiction] = error
    compiled = [c for c in compiled if c.rule.jurisdiction not in errors]
    return CompiledRules(as_of, chosen, compiler, compiled, errors)

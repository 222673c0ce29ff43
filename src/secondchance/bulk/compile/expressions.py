"""Rule expressions to Polars expressions, with exactly the explainer's semantics.

``Compiler.expr`` turns one node into a column expression over the row frame (this charge) or the
pair frame (this charge and another, whose columns carry the ``OTHER`` suffix); ``Exists`` and
``LatestOf`` become ``Aggregate`` columns that ``aggregates`` computes, and ``StatuteIn``/``CitesAny``
boolean columns that ``rules.CompiledRules`` fills from the distinct citations of a partition.
``Compiler.other_missing`` says which unknown facts of other charges the explainer would report.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Final, Literal

import numpy as np
import polars as pl

from ...relief.citations import Inchoate, statute_matches
from ...relief.jurisdictions import listed_sections, read_citation
from ...relief.lang import (
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
    Shift,
    StatuteIn,
    children,
    other_facts_used,
)
from ...relief.semantics import cites_any, text_values, whole_number
from ..schema import CHARGE_SCHEMA

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

OTHER: Final = "__o"  # suffix of the other charge's columns in a pair frame
ROW: Final = "__i"
PAIR: Final = "__k"
# integer keys for window aggregates: the person, their case, the charge's key
PERSON: Final = "__p"
CASE: Final = "__c"
KEY: Final = "__q"
INPUT: Final = "__n"  # the input position while the aggregates run in person order


class CompileError(ValueError):
    """A rule the compiler cannot turn into columns (the explainer would fail on it too)."""


NO_DATE: Final = np.iinfo(np.int32).min  # an absent date in the integer arrays of the aggregates


@dataclass
class Aggregate:
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
class Compiler:
    """Turns expressions into Polars; records the aggregates and statute columns they need."""

    as_of: date
    aggregates: dict[Exists | LatestOf, Aggregate] = field(default_factory=dict)
    #: (column, sections, inchoate, or ``LIST`` for ``CitesAny``) -> the boolean column that answers it
    statutes: dict[tuple[str, tuple[str, ...], Inchoate | Literal["list"]], str] = field(default_factory=dict)
    counter: Iterator[int] = field(default_factory=itertools.count)

    # -- expressions

    def column(self, name: str, pair: bool, other: bool) -> pl.Expr:
        if name not in CHARGE_SCHEMA:
            raise CompileError(f"no fact {name!r} in the record columns")
        return pl.col(name + OTHER if other else name)

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
        # Long on purpose: one case per expression node (HANDLED_NODES), side by side with relief.evaluate's.
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
                return pl.col(column + OTHER)
            return pl.col(column)
        if isinstance(inner, Const):
            return pl.lit(statute_answer(str(inner.value), sections, inchoate))
        raise CompileError(f"StatuteIn and CitesAny read a text column or a constant, not {inner!r}")

    def aggregate(self, node: Exists | LatestOf) -> Aggregate:
        found = self.aggregates.get(node)
        if found is None:
            # compile the parts first so nested aggregates are registered before this one
            self.expr(node.where, pair=True)
            if isinstance(node, LatestOf):
                self.expr(latest_date(node), pair=True)
                self.expr(at_least(node), pair=False)
            found = Aggregate(node, f"__a{next(self.counter)}", other_facts_used(node))
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
        for child in children(node):
            out.extend(self.other_missing(child, reach))
        return out


#: The ``inchoate`` slot of a statute column that answers ``CitesAny`` (a list of citations, not one).
LIST: Final = "list"


def statute_answer(value: str, sections: tuple[str, ...], inchoate: Inchoate | Literal["list"]) -> bool | None:
    """The explainer's own answer for one distinct value: ``StatuteIn`` on a citation, or ``CitesAny`` on a list."""
    if inchoate == "list":
        return cites_any(value, sections)
    return statute_matches(read_citation(value), listed_sections(sections), inchoate)


def latest_date(node: LatestOf) -> Expr:
    match node:
        case LatestOf(when, _, _):
            return when
    raise AssertionError


def at_least(node: LatestOf) -> Expr:
    match node:
        case LatestOf(_, _, at_least):
            return at_least
    raise AssertionError


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


def at_least_count(certain: pl.Expr, maybe: pl.Expr, count: int) -> tuple[pl.Expr, pl.Expr]:
    """(true, unknown) of ``Exists(count=...)`` from how many charges in scope surely and maybe match."""
    true = certain >= count
    return true, ~true & (certain + maybe >= count)


def columns_of(exprs: Sequence[pl.Expr]) -> set[str]:
    return {name for e in exprs for name in e.meta.root_names()}

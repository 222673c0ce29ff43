"""Rules compiled for one as-of date and run over a partition: checks, then status and masks per rule.

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

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

import numpy as np
import polars as pl

from ...relief.citations import Inchoate
from ...relief.jurisdictions import all_rules, read_citation
from ...relief.lang import Rule, Status, facts_used, question
from ..codes import ResultCodes
from ..schema import CHARGE_SCHEMA, CODE_SCHEMA, STATUSES, with_defaults
from .aggregates import aggregate_columns
from .expressions import NO_DATE, ROW, CompileError, Compiler, statute_answer


@dataclass
class CompiledRule:
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
    compiler: Compiler
    compiled: list[CompiledRule]
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
        frame = with_defaults(charges).select(list(CHARGE_SCHEMA)).with_row_index(ROW)
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
                ROW, *(e for item in items for e in item.outputs(self.as_of))
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
                    known[value] = statute_answer(value, sections, inchoate)
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
        return aggregate_columns(frame, self.compiler, self.windows)


def _interleave(wide: pl.DataFrame, items: list[CompiledRule], indices: list[int]) -> pl.DataFrame:
    """Rules side by side (one row per charge) to one row per (charge, rule): a reshape, no sort."""
    count = len(items)

    def stacked(name: str, fill: int = 0) -> np.ndarray:
        columns = [wide[f"{item.prefix}{name}"].to_physical().fill_null(fill).to_numpy() for item in items]
        return np.stack(columns, axis=1).ravel()

    days = pl.Series(stacked("eligible_on", NO_DATE))
    return pl.DataFrame(
        {
            "charge": np.repeat(wide[ROW].to_numpy(), count),
            "rule": np.tile(np.array(indices, dtype=np.uint16), wide.height),
            "status": stacked("status"),
            "eligible_on": pl.select(pl.when(days == NO_DATE).then(None).otherwise(days).cast(pl.Date)).to_series(),
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


def _compile_rule(compiler: Compiler, rule: Rule, prefix: str) -> CompiledRule:
    """A rule's checks as expressions; ``missing`` refers to the checks' columns (``<prefix>h<n>``, ``e<n>``)."""
    holds: list[pl.Expr] = []
    ends: list[pl.Expr] = []
    missing: dict[str, list[pl.Expr]] = {}
    checks = [(f"{prefix}h{n}", c.id, c.test, c.test, holds) for n, c in enumerate(rule.conditions)]
    checks += [(f"{prefix}e{n}", w.id, w.ends, w.start, ends) for n, w in enumerate(rule.waits)]
    for column, check_id, tree, facts_tree, into in checks:
        into.append(compiler.expr(tree, pair=False))
        unknown = pl.col(column).is_null()
        named: list[tuple[str, pl.Expr]] = []
        for name in facts_used(facts_tree):
            compiler.column(name, pair=False, other=False)
            named.append((name, unknown & pl.col(name).is_null()))
        named += compiler.other_missing(tree, unknown)
        # undecided with nothing unknown to name: a lawyer's question (as the explainer's _name_what_is_missing)
        nothing_named = ~pl.any_horizontal([when for _, when in named]).fill_null(False) if named else pl.lit(True)
        named.append((question(check_id), unknown & nothing_named))
        for name, when in named:
            missing.setdefault(name, []).append(when)
    return CompiledRule(rule, prefix, holds, ends, missing)


def compile_rules(as_of: date, rules: Sequence[Rule] | None = None) -> CompiledRules:
    """Compile ``rules`` (default: every registered rule) in force on ``as_of``, once for all partitions."""
    chosen = tuple(r for r in (all_rules() if rules is None else rules) if r.in_force(as_of))
    if len(chosen) > 1 << 16:
        raise CompileError("more than 65,536 rules in one run (a code frame numbers them in 16 bits)")
    compiler = Compiler(as_of)
    compiled: list[CompiledRule] = []
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

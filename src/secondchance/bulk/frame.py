"""The bulk frames: the flat charge table in, one result per (charge, rule) out.

``CHARGE_SCHEMA`` is what goes in. Two forms come out:

* ``evaluate_codes`` gives ``CODE_SCHEMA``: small integers and bit masks, what the runner
  writes for a whole state (a row is a few bytes; no strings are built per result);
* ``evaluate_frame`` gives ``RESULT_SCHEMA``: the same results spelled out (ids, rule, relief,
  section, status, the lists of missing facts and failed checks), what the explainer says.

``ResultCodes`` is the key between them: rule ``i`` is ``rules[i]``, bit ``b`` of ``reasons`` is
the rule's ``b``-th check (conditions, then waits) and bit ``b`` of ``missing`` its ``b``-th fact
in ``facts``. Both forms are pure functions of (charges, as_of, rules); ``evaluate_frame`` is
``evaluate_codes`` decoded, so ``tests/bulk/test_differential.py`` proves both against the
per-person explainer (``relief.evaluate``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, Any, Final

import polars as pl

from ..records.defaults import DEFAULTS
from ..records.model import COLUMNS
from ..relief.lang import Rule, Status

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


@dataclass(frozen=True)
class ResultCodes:
    """What the numbers of a code frame mean, for one (as-of date, rules)."""

    rules: tuple[Rule, ...]
    facts: tuple[tuple[str, ...], ...]  # per rule: the facts its ``missing`` bits stand for

    @cached_property
    def checks(self) -> tuple[tuple[str, ...], ...]:
        """Per rule: the check ids its ``reasons`` bits stand for (conditions, then waits)."""
        return tuple((*(c.id for c in r.conditions), *(w.id for w in r.waits)) for r in self.rules)

    def names(self, rule: int, mask: int, kind: str) -> list[str]:
        """The ids (``kind="reasons"``) or facts (``"missing"``) whose bits are set in ``mask``."""
        table = self.checks[rule] if kind == "reasons" else self.facts[rule]
        return [name for bit, name in enumerate(table) if mask >> bit & 1]

    def to_json(self) -> list[dict[str, Any]]:
        """The key as the manifest records it, so the results files can be read without this code."""
        return [
            {
                "id": rule.id,
                "section": rule.section,
                "relief": rule.relief.value,
                "automatic": rule.automatic,
                "reasons": list(checks),
                "missing": list(facts),
            }
            for rule, checks, facts in zip(self.rules, self.checks, self.facts, strict=True)
        ]

    def decode(self, codes: pl.DataFrame, charges: pl.DataFrame) -> pl.DataFrame:
        """``codes`` (``CODE_SCHEMA``, over ``charges``) spelled out as ``RESULT_SCHEMA``."""
        at, rule = codes["charge"], codes["rule"]

        def per_rule(values: list[Any], dtype: pl.DataType) -> pl.Series:
            return pl.Series(values, dtype=dtype).gather(rule)

        return pl.DataFrame(
            {
                **{name: charges[name].gather(at) for name in ("person_id", "case_id", "charge_id")},
                "rule": per_rule([r.id for r in self.rules], pl.Utf8()),
                "relief": per_rule([r.relief.value for r in self.rules], pl.Utf8()),
                "section": per_rule([r.section for r in self.rules], pl.Utf8()),
                "automatic": per_rule([r.automatic for r in self.rules], pl.Boolean()),
                "status": pl.Series(STATUSES, dtype=pl.Utf8).gather(codes["status"]),
                "eligible_on": codes["eligible_on"],
                "missing": self._lists(codes, "missing"),
                "reasons": self._lists(codes, "reasons"),
            },
            schema=RESULT_SCHEMA,
        )

    def _lists(self, codes: pl.DataFrame, kind: str) -> pl.Series:
        """Masks to lists of names, built once per distinct (rule, mask)."""
        keys = codes.select("rule", kind)
        distinct = keys.unique(maintain_order=True)
        lists = [self.names(r, m, kind) for r, m in distinct.iter_rows()]
        table = distinct.with_columns(pl.Series("__names", lists, dtype=pl.List(pl.Utf8)))
        return keys.join(table, on=["rule", kind], how="left", maintain_order="left")["__names"]


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


def evaluate_codes(charges: pl.DataFrame, as_of: date, rules: Sequence[Rule] | None = None) -> pl.DataFrame:
    """Every rule in force on ``as_of`` for every charge of ``charges`` (whole persons), as codes.

    ``charges`` has the ``CHARGE_SCHEMA`` columns, validated and normalized as ``records.parse``
    does. The result has ``CODE_SCHEMA`` (keyed by ``result_codes(as_of, rules)``): for each input
    charge in input order, one row per rule of that charge's jurisdiction in force on ``as_of``,
    in registry order. Charges whose jurisdiction is null or has no rules give no rows. ``rules``
    (default: every registered rule) restricts which rules run. Pure: no I/O, no per-row Python.
    Null facts with a stated default (``with_defaults``) take it first (in ``CompiledRules.evaluate``).
    """
    return _compiled(as_of, _key(rules)).evaluate(charges)


def result_codes(as_of: date, rules: Sequence[Rule] | None = None) -> ResultCodes:
    """The key to ``evaluate_codes(..., as_of, rules)``."""
    return _compiled(as_of, _key(rules)).codes


def evaluate_frame(charges: pl.DataFrame, as_of: date, rules: Sequence[Rule] | None = None) -> pl.DataFrame:
    """``evaluate_codes`` spelled out as ``RESULT_SCHEMA``: field for field what the explainer says."""
    return result_codes(as_of, rules).decode(evaluate_codes(charges, as_of, rules), charges)


def _key(rules: Sequence[Rule] | None) -> tuple[Rule, ...]:
    """The cache key: the rules themselves (all registered ones by default, so a state registered later counts)."""
    from ..relief.jurisdictions import all_rules

    return all_rules() if rules is None else tuple(rules)


@lru_cache(maxsize=32)
def _compiled(as_of: date, rules: tuple[Rule, ...]) -> CompiledRules:
    """Compile once per (as-of date, rules); every partition of a run reuses it."""
    from .compile import compile_rules

    return compile_rules(as_of, rules)

"""The bulk engine's entry points: every rule for every charge of a table, as codes or spelled out.

Two forms come out of the same charges (``schema.CHARGE_SCHEMA``):

* ``evaluate_codes`` gives ``CODE_SCHEMA``: small integers and bit masks, what the runner
  writes for a whole state (a row is a few bytes; no strings are built per result);
* ``evaluate_frame`` gives ``RESULT_SCHEMA``: the same results spelled out (ids, rule, relief,
  section, status, the lists of missing facts and failed checks), what the explainer says.

``ResultCodes`` (``codes``) is the key between them. Both forms are pure functions of (charges,
as_of, rules); ``evaluate_frame`` is ``evaluate_codes`` decoded, so ``tests/bulk/test_differential.py``
proves both against the per-person explainer (``relief.evaluate``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import lru_cache

import polars as pl

from ..relief.jurisdictions import all_rules
from ..relief.lang import Rule
from .codes import ResultCodes
from .compile import CompiledRules, compile_rules

__all__ = ["evaluate_codes", "evaluate_frame", "result_codes"]


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
    return all_rules() if rules is None else tuple(rules)


@lru_cache(maxsize=32)
def _compiled(as_of: date, rules: tuple[Rule, ...]) -> CompiledRules:
    """Compile once per (as-of date, rules); every partition of a run reuses it."""
    return compile_rules(as_of, rules)

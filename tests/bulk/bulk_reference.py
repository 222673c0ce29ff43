"""A slow stand-in for ``evaluate_codes`` built on the per-person explainer (tests of the runner only).

It follows the code-frame contract (one row per charge and rule, input order, registry order,
keyed by ``result_codes``) by calling ``relief.evaluate`` charge by charge, so runner tests can
check plumbing against the explainer's own answers.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import polars as pl

from secondchance.bulk.evaluate import result_codes
from secondchance.bulk.schema import CODE_SCHEMA, STATUSES
from secondchance.relief.evaluate import Evaluator
from secondchance.relief.jurisdictions import RULES
from secondchance.relief.lang import Rule


def reference_codes(charges: pl.DataFrame, as_of: date, rules: Sequence[Rule] | None = None) -> pl.DataFrame:
    chosen = [r for r in (RULES if rules is None else rules) if r.in_force(as_of)]
    key = result_codes(as_of, rules)
    evaluator = Evaluator(as_of)
    rows = charges.to_dicts()
    by_person: dict[Any, list[dict[str, Any]]] = {}
    for row in rows:
        by_person.setdefault(row["person_id"], []).append(row)
    out: list[dict[str, Any]] = []
    for at, row in enumerate(rows):
        for rule in chosen:
            if rule.jurisdiction != row["jurisdiction"]:
                continue
            result = evaluator.apply(rule, row, by_person[row["person_id"]])
            index = key.rules.index(rule)
            out.append(
                {
                    "charge": at,
                    "rule": index,
                    "status": STATUSES.index(result.status.value),
                    "eligible_on": result.eligible_on,
                    "reasons": _bits(key.checks[index], [c.id for c in result.trace if c.holds is False]),
                    "missing": _bits(key.facts[index], list(result.missing)),
                }
            )
    return pl.DataFrame(out, schema=CODE_SCHEMA)


def _bits(table: tuple[str, ...], names: list[str]) -> int:
    return sum(1 << table.index(name) for name in names)

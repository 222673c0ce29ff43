"""A slow stand-in for ``evaluate_frame`` built on the per-person explainer (tests of the runner only).

It follows the frame contract (one row per charge and rule, input order, registry order) by
calling ``relief.evaluate`` charge by charge, so runner tests can check plumbing against the
explainer's own answers.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import polars as pl

from secondchance.bulk.frame import RESULT_SCHEMA
from secondchance.relief.evaluate import Evaluator
from secondchance.relief.jurisdictions import RULES
from secondchance.relief.lang import Rule


def reference_frame(charges: pl.DataFrame, as_of: date, rules: Sequence[Rule] | None = None) -> pl.DataFrame:
    chosen = [r for r in (RULES if rules is None else rules) if r.in_force(as_of)]
    evaluator = Evaluator(as_of)
    rows = charges.to_dicts()
    by_person: dict[Any, list[dict[str, Any]]] = {}
    for row in rows:
        by_person.setdefault(row["person_id"], []).append(row)
    out: list[dict[str, Any]] = []
    for row in rows:
        for rule in chosen:
            if rule.jurisdiction != row["jurisdiction"]:
                continue
            result = evaluator.apply(rule, row, by_person[row["person_id"]])
            out.append(
                {
                    "person_id": row["person_id"],
                    "case_id": row["case_id"],
                    "charge_id": row["charge_id"],
                    "rule": rule.id,
                    "relief": rule.relief.value,
                    "section": rule.section,
                    "automatic": rule.automatic,
                    "status": result.status.value,
                    "eligible_on": result.eligible_on,
                    "missing": list(result.missing),
                    "reasons": [c.id for c in result.trace if c.holds is False],
                }
            )
    return pl.DataFrame(out, schema=RESULT_SCHEMA)

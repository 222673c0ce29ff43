"""The key of a code frame: which rule, check and fact each small integer and bit stands for.

Rule ``i`` is ``rules[i]``, bit ``b`` of ``reasons`` is the rule's ``b``-th check (conditions, then
waits) and bit ``b`` of ``missing`` its ``b``-th fact in ``facts``. ``decode`` spells a code frame out
as the explainer's words; ``to_json`` is the key as a run's manifest records it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any

import polars as pl

from ..relief.lang import Rule
from .schema import RESULT_SCHEMA, STATUSES


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

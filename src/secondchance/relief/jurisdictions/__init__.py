"""Every jurisdiction's rules and remaining paths, in one registry.

Find a rule by its statute: ``pa/s9122_2.py`` is 18 Pa.C.S. § 9122.2; ``ca/pc_1203_4.py`` is
Cal. Penal Code § 1203.4.
"""

from __future__ import annotations

from datetime import date

from ..lang import RemainingPath, Rule
from . import ca, pa

RULES: tuple[Rule, ...] = pa.RULES + ca.RULES
REMAINING_PATHS: tuple[RemainingPath, ...] = pa.REMAINING_PATHS + ca.REMAINING_PATHS
JURISDICTIONS: dict[str, str] = {"PA": "Pennsylvania", "CA": "California"}

_ids = [rule.id for rule in RULES]
if len(_ids) != len(set(_ids)):
    raise ValueError("rule ids must be unique")


def rules_for(jurisdiction: str, as_of: date) -> tuple[Rule, ...]:
    """The rules of ``jurisdiction`` in force on ``as_of``, in registry order."""
    return tuple(r for r in RULES if r.jurisdiction == jurisdiction and r.in_force(as_of))


def remaining_paths_for(jurisdiction: str) -> tuple[RemainingPath, ...]:
    return tuple(p for p in REMAINING_PATHS if p.jurisdiction == jurisdiction)


def find_rule(rule_id: str) -> Rule:
    for rule in RULES:
        if rule.id.lower() == rule_id.lower():
            return rule
    raise KeyError(rule_id)

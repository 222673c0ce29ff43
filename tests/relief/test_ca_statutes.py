"""California rules against their dated parameters and histories (citation spellings: test_citations.py)."""

from __future__ import annotations


def test_every_parameter_is_law_whenever_its_rule_is() -> None:
    """A CA rule in force must never meet a parameter that was "not yet law" (the bulk engine resolves them all)."""
    from secondchance.relief.jurisdictions import ca
    from secondchance.relief.lang import Param, Rule, children
    from secondchance.relief.params import all_parameters

    def params_of(node: object) -> set[str]:
        found = {v.key for v in vars(node).values() if isinstance(v, Param)} if hasattr(node, "__dict__") else set()
        parts = [*node.conditions, *node.waits] if isinstance(node, Rule) else []
        parts += [getattr(node, "test", None), getattr(node, "ends", None)]
        for child in [*parts, *children(node)]:  # type: ignore[arg-type]
            if child is not None:
                found |= params_of(child)
        return found

    for rule in ca.RULES:
        for key in params_of(rule):
            first = all_parameters()[key].history[0].since
            assert first <= rule.effective, f"{rule.id}: {key} first in force {first}, rule from {rule.effective}"


def test_the_petition_sections_are_law_long_before_2023() -> None:
    """§§ 1203.4, 1203.4a, 17(b) are decades old and § 1203.41 dates from 2014 (issue 10: not from 2023-07-01)."""
    from datetime import date

    from secondchance.relief.jurisdictions import ca

    old = [r for r in ca.RULES if r.id.startswith(("CA-1203.4-", "CA-1203.4a-", "CA-17b-"))]
    assert old and all(r.in_force(date(1990, 1, 1)) for r in old)
    jail = [r for r in ca.RULES if r.id.startswith("CA-1203.41-a2-county-jail")]
    assert len(jail) == 2 and all(r.effective == date(2014, 1, 1) for r in jail)

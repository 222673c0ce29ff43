"""Runs every YAML legislation case under tests/cases/ through the per-person explainer."""

from __future__ import annotations

from pathlib import Path

import pytest

from secondchance.relief import screen
from secondchance.testing import Case, load_cases

CASES_DIR = Path(__file__).parent.parent / "cases"
ALL_CASES = [case for path in sorted(CASES_DIR.rglob("*.yaml")) for case in load_cases(path)]


@pytest.mark.parametrize("case", ALL_CASES, ids=[f"{c.file}: {c.name}" for c in ALL_CASES])
def test_case(case: Case) -> None:
    screening = screen(case.person, case.as_of)
    for expect in case.expect:
        ref = str(expect.get("charge", "")) or None
        charge = next(c for c in screening.charges if ref is None or f"{c.row['case_id']}/{c.row['charge_id']}" == ref)
        rule_id = expect.get("rule", case.rule)
        result = next((r for r in charge.results if r.rule.id == rule_id), None)
        if expect.get("status") == "not_in_force":
            assert result is None, f"{rule_id} should not be in force on {case.as_of}"
            continue
        assert result is not None, f"rule {rule_id} was not evaluated for {ref or 'the first charge'}"
        trace = "\n".join(f"  {c.id}: {c.holds} {c.facts} {c.ends_on or ''}" for c in result.trace)
        assert result.status.value == expect["status"], f"status {result.status.value}, trace:\n{trace}"
        if "eligible_on" in expect:
            assert result.eligible_on == expect["eligible_on"], trace
        if "missing" in expect:
            assert list(result.missing) == list(expect["missing"]), trace
        if "assumptions" in expect:
            assert list(result.assumptions) == list(expect["assumptions"]), trace
        if "failed" in expect:
            failed = sorted(c.id for c in result.trace if c.holds is False)
            assert failed == sorted(expect["failed"]), trace

"""Runs every YAML legislation case (each state's cases/ folder) through both engines: explainer and bulk engine.

A case is a lawyer's reading of the statute; both engines must give its answer (status, date,
missing facts, failed conditions). The meta-tests below check that every rule has cases and that
every dated parameter has cases on both sides of each date it changed.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from secondchance.bulk.evaluate import evaluate_frame
from secondchance.bulk.schema import CHARGE_SCHEMA
from secondchance.relief import RULES, screen
from secondchance.relief.lang import Param, Rule, children
from secondchance.relief.params import all_parameters
from secondchance.testing import Case, load_cases, state_cases

CASES_DIR = Path(__file__).parent.parent / "cases"  # cases outside a state's folder, if any
ALL_CASES = [
    *state_cases(),  # each state's own (relief/jurisdictions/<state>/cases/, State.cases)
    *(case for path in sorted(CASES_DIR.rglob("*.yaml")) for case in load_cases(path)),
]
IDS = [f"{c.file}: {c.name}" for c in ALL_CASES]


def _expected(case: Case) -> list[tuple[str | None, str | None, dict[str, Any]]]:
    """(charge ref, rule id, expectation) for each expectation of a case."""
    return [(str(e.get("charge", "")) or None, e.get("rule", case.rule), e) for e in case.expect]


@pytest.mark.parametrize("case", ALL_CASES, ids=IDS)
def test_case(case: Case) -> None:
    screening = screen(case.person, case.as_of)
    for ref, rule_id, expect in _expected(case):
        charge = next(c for c in screening.charges if ref is None or f"{c.row['case_id']}/{c.row['charge_id']}" == ref)
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


@cache
def _bulk_results(as_of: date) -> pl.DataFrame:
    """The bulk engine's results for every case screened on ``as_of``, in one frame (one person per case)."""
    rows = [
        {**row, "person_id": f"case{n}"}
        for n, case in enumerate(ALL_CASES)
        if case.as_of == as_of
        for row in case.person.rows()
    ]
    return evaluate_frame(pl.DataFrame(rows, schema=CHARGE_SCHEMA), as_of)


def _fast_dates() -> set[date]:
    """The screening dates whose cases ``make check`` runs in the bulk engine: each costs one bulk
    evaluation (about a second, a compile of every rule), whatever its number of cases. Dates shared by
    four cases or more (four in five cases), and for a rule with a case on none of them, its commonest
    date. The rest (mostly the day before and the day after a dated change) run in ``make test``; the
    explainer runs every case in both (``test_case``)."""
    per_date = Counter(case.as_of for case in ALL_CASES)
    chosen = {as_of for as_of, count in per_date.items() if count >= 4}
    dates_by_rule: dict[str | None, Counter[date]] = {}
    for case in ALL_CASES:
        for _, rule_id, _ in _expected(case):
            dates_by_rule.setdefault(rule_id, Counter())[case.as_of] += 1
    for found in dates_by_rule.values():
        if not chosen & set(found):
            chosen.add(max(sorted(found), key=lambda as_of: found[as_of]))
    return chosen


FAST_DATES = _fast_dates()


@pytest.mark.parametrize(
    "number",
    [
        pytest.param(n, marks=() if case.as_of in FAST_DATES else (pytest.mark.slow,))
        for n, case in enumerate(ALL_CASES)
    ],
    ids=IDS,
)
def test_case_in_the_bulk_engine(number: int) -> None:
    case = ALL_CASES[number]
    results = _bulk_results(case.as_of).filter(pl.col("person_id") == f"case{number}")
    first = case.person.rows()[0]
    for ref, rule_id, expect in _expected(case):
        case_id, charge_id = ref.split("/") if ref else (first["case_id"], first["charge_id"])
        found = results.filter(
            (pl.col("case_id") == case_id) & (pl.col("charge_id") == charge_id) & (pl.col("rule") == rule_id)
        ).to_dicts()
        if expect.get("status") == "not_in_force":
            assert not found, f"{rule_id} should not be in force on {case.as_of}"
            continue
        assert len(found) == 1, f"rule {rule_id} was not evaluated for {ref or 'the first charge'}"
        result = found[0]
        assert result["status"] == expect["status"], result
        if "eligible_on" in expect:
            assert result["eligible_on"] == expect["eligible_on"], result
        if "missing" in expect:
            assert result["missing"] == list(expect["missing"]), result
        if "failed" in expect:
            assert sorted(result["reasons"]) == sorted(expect["failed"]), result


# ---------------------------------------------------------------------------- meta-tests


def _cases_by_rule() -> dict[str, list[Case]]:
    found: dict[str, list[Case]] = {}
    for case in ALL_CASES:
        for _, rule_id, _ in _expected(case):
            if rule_id is not None:
                found.setdefault(rule_id, []).append(case)
    return found


def test_every_rule_has_cases() -> None:
    covered = _cases_by_rule()
    assert [rule.id for rule in RULES if rule.id not in covered] == []


def _params(rule: Rule) -> set[str]:
    """Every parameter a rule reads (in its conditions, waits, and their expressions)."""
    found: set[str] = set()

    def walk(node: object) -> None:
        for part in vars(node).values():
            if isinstance(part, Param):
                found.add(part.key)
        for child in children(node):  # type: ignore[arg-type]
            walk(child)

    for condition in rule.conditions:
        walk(condition.test)
    for wait in rule.waits:
        for part in (wait.years, wait.days):
            if isinstance(part, Param):
                found.add(part.key)
        walk(wait.start)
    return found


def test_every_change_of_a_dated_parameter_has_cases_on_both_sides() -> None:
    """For each date a parameter's value changed, some rule reading it has a case before and one on or after."""
    covered = _cases_by_rule()
    readers: dict[str, list[Rule]] = {}
    for rule in RULES:
        for key in _params(rule):
            readers.setdefault(key, []).append(rule)
    gaps = []
    for key, rules in readers.items():
        dates = sorted({c.as_of for rule in rules for c in covered.get(rule.id, [])})
        for version in all_parameters()[key].history[1:]:
            if not (any(d < version.since for d in dates) and any(d >= version.since for d in dates)):
                gaps.append(f"{key} changed on {version.since}")
    assert gaps == []

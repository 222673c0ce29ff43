"""The Pennsylvania offence lists the PA rules rely on, matched by StatuteIn (spellings: test_citations.py)."""

from __future__ import annotations

from datetime import date
from typing import Any, cast

import pytest

from secondchance.relief.citations import statute_matches
from secondchance.relief.jurisdictions import listed_sections, read_citation
from secondchance.relief.params import resolve


def matches(cited: str, sections: tuple[str, ...]) -> bool | None:
    return statute_matches(read_citation(cited, "PA"), listed_sections(sections))


def test_drug_act_section_13_matches_its_subsections_only() -> None:
    sections = ("35 P.S. § 780-113",)
    assert matches("35 P.S. § 780-113(a)(16)", sections) is True
    assert matches("35 P.S. 780-113(a)(30)", sections) is True
    assert matches("35 P.S. § 780-113.1", sections) is False
    assert matches("35 P.S. § 780-114", sections) is False
    assert matches("18 Pa.C.S. § 780", sections) is False


def test_decimal_sections_are_distinct() -> None:
    assert matches("18 Pa.C.S. § 2702.1(a)", ("18 Pa.C.S. § 2702.1",)) is True
    assert matches("18 Pa.C.S. § 2702.1(a)", ("18 Pa.C.S. § 2702",)) is False
    assert matches("18 Pa.C.S. § 2702(a)", ("18 Pa.C.S. § 2702.1",)) is False


def test_subsection_lists_match_only_that_subsection() -> None:
    sections = ("18 Pa.C.S. § 5902(b)", "18 Pa.C.S. § 5902(b.1)")
    assert matches("18 Pa.C.S. § 5902(b)", sections) is True
    assert matches("18 Pa.C.S. § 5902(b.1)(2)", sections) is True
    assert matches("18 Pa.C.S. § 5902(a)", sections) is False


EXCLUDED = cast(tuple[str, ...], resolve("pa.clean_slate.excluded_offenses", date(2026, 11, 23)))


@pytest.mark.parametrize(
    "cited",
    [
        "18 Pa.C.S. § 2701(a)(1)",  # simple assault: Article B
        "18 Pa.C.S. § 2702.1",  # assault of law enforcement officer
        "18 Pa.C.S. § 2709(a)(1)",  # harassment: Article B
        "18 Pa.C.S. § 3126(a)(1)",  # indecent assault
        "18 Pa.C.S. § 3011(b)",  # trafficking
        "18 Pa.C.S. § 4304(a)(1)",  # endangering welfare of children: Article D
        "18 Pa.C.S. § 6106(a)(1)",  # carrying without a licence: Chapter 61
        "18 Pa.C.S. § 6105.1",
        "18 Pa.C.S. § 5533",
        "18 Pa.C.S. § 6301(a)(1)(i)",
        "18 Pa.C.S. § 6312(d)",
    ],
)
def test_clean_slate_exclusions_reach(cited: str) -> None:
    assert matches(cited, EXCLUDED) is True


@pytest.mark.parametrize(
    "cited",
    [
        "18 Pa.C.S. § 3925",
        "18 Pa.C.S. § 3929(a)(1)",
        "35 P.S. § 780-113(a)(16)",
        "75 Pa.C.S. § 3802(a)(1)",
        "18 Pa.C.S. § 5503(a)(1)",
        "18 Pa.C.S. § 3503(b)(1)(i)",
    ],
)
def test_clean_slate_exclusions_do_not_reach(cited: str) -> None:
    assert matches(cited, EXCLUDED) is False


def params_of(node: object) -> set[str]:
    """Every Param key in a rule, condition, wait or expression."""
    from secondchance.relief.lang import Condition, OneOf, Param, Rule, Shift, StatuteIn, Wait, children

    found: set[str] = set()
    if isinstance(node, Rule):
        for part in (*node.conditions, *node.waits):
            found |= params_of(part)
        return found
    if isinstance(node, Condition):
        return params_of(node.test)
    if isinstance(node, Wait):
        return params_of(node.ends)
    for attr in ("values", "unknown", "sections", "years", "days"):
        value = getattr(node, attr, None)
        if isinstance(value, Param) and isinstance(node, OneOf | StatuteIn | Shift):
            found.add(value.key)
    for child in children(node):  # type: ignore[arg-type]
        found |= params_of(child)
    return found


def test_every_parameter_is_law_whenever_its_rule_is() -> None:
    """A rule in force must never meet a parameter that was "not yet law" (the bulk engine resolves them all)."""
    from secondchance.relief.jurisdictions import pa
    from secondchance.relief.params import all_parameters

    for rule in pa.RULES:
        for key in params_of(rule):
            first = all_parameters()[key].history[0].since
            assert first <= rule.effective, f"{rule.id}: {key} first in force {first}, rule from {rule.effective}"


# ---------------------------------------------------------------------------- § 9122(a)(1), (a)(3) dates, day-exact


def _wait_end(rule_id: str, wait_id: str, as_of: date, **facts: Any) -> tuple[date | None, bool | None]:
    """The end of one waiting period of a PA rule (and whether it has passed), from its trace."""
    from secondchance.records.model import COLUMNS, Row
    from secondchance.relief.evaluate import Evaluator
    from secondchance.relief.jurisdictions import find_rule

    row: Row = {name: None for name in COLUMNS} | {"person_id": "p1", "case_id": "c1", "charge_id": "1"} | facts
    result = Evaluator(as_of).apply(find_rule(rule_id), row, [row])
    check = next(c for c in result.trace if c.id == wait_id)
    return check.ends_on, check.holds


@pytest.mark.parametrize(
    ("arrest", "ends"),
    [
        (date(2020, 1, 15), date(2021, 7, 15)),
        (date(2022, 8, 31), date(2024, 2, 29)),  # 18 months onto a leap-year February
        (date(2023, 8, 31), date(2025, 2, 28)),  # ... and onto a common-year February
    ],
)
def test_no_disposition_waits_exactly_18_months_after_the_arrest(arrest: date, ends: date) -> None:
    from datetime import timedelta

    before = _wait_end(
        "PA-9122-a1-no-disposition", "eighteen_months_since_arrest", ends - timedelta(days=1), arrest_date=arrest
    )
    on = _wait_end("PA-9122-a1-no-disposition", "eighteen_months_since_arrest", ends, arrest_date=arrest)
    assert before == (ends, False)
    assert on == (ends, True)


def test_underage_drinking_waits_until_the_21st_birthday() -> None:
    birth = date(2004, 2, 29)
    before = _wait_end("PA-9122-a3-underage-drinking", "age_21", date(2025, 2, 27), birth_date=birth)
    on = _wait_end("PA-9122-a3-underage-drinking", "age_21", date(2025, 2, 28), birth_date=birth)
    assert before == (date(2025, 2, 28), False)
    assert on == (date(2025, 2, 28), True)

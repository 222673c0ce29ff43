"""The rule language's semantics, on small hand-made rules (independent of any statute)."""

from __future__ import annotations

from datetime import date

import pytest

from secondchance.records.model import COLUMNS, Row
from secondchance.relief.evaluate import Evaluator
from secondchance.relief.lang import (
    And,
    AsOf,
    Compare,
    Condition,
    Const,
    Exists,
    Fact,
    Known,
    Latest,
    LatestOf,
    Not,
    OneOf,
    Or,
    Other,
    Relief,
    Rule,
    Shift,
    Status,
    StatuteIn,
    Wait,
    facts_used,
)
from secondchance.relief.semantics import add_years_days

AS_OF = date(2026, 11, 23)


def row(**facts: object) -> Row:
    base: Row = dict.fromkeys(COLUMNS)
    base.update({"person_id": "p", "case_id": "c1", "charge_id": "1", "jurisdiction": "PA"})
    base.update(facts)  # type: ignore[arg-type]
    return base


def value(expr: object, this: Row | None = None, rows: list[Row] | None = None) -> object:
    this = this or row()
    return Evaluator(AS_OF).value(expr, this, rows or [this], None, set())  # type: ignore[arg-type]


T, F, U = Const(True), Const(False), Fact("pardoned")  # U: unknown in row()


@pytest.mark.parametrize(
    ("expr", "expected"),
    [
        (And((T, T)), True),
        (And((T, F)), False),
        (And((U, F)), False),
        (And((U, T)), None),
        (Or((U, T)), True),
        (Or((U, F)), None),
        (Or((F, F)), False),
        (Not(U), None),
        (Not(T), False),
        (Known(U), False),
        (Known(T), True),
    ],
)
def test_kleene_logic(expr: object, expected: object) -> None:
    assert value(expr) is expected


def test_comparisons_with_unknown_are_unknown() -> None:
    assert value(Compare("<", Fact("disposition_date"), AsOf())) is None
    assert value(Compare("<", Fact("disposition_date"), AsOf()), row(disposition_date=date(2020, 1, 1))) is True


def test_one_of_with_values_that_leave_it_open() -> None:
    grades = OneOf(Fact("grade"), ("M2", "M3"), unknown=("M",))
    assert value(grades, row(grade="M2")) is True
    assert value(grades, row(grade="F1")) is False
    assert value(grades, row(grade="M")) is None
    assert value(grades, row()) is None


@pytest.mark.parametrize(
    ("start", "years", "days", "expected"),
    [
        (date(2020, 2, 29), 1, 0, date(2021, 2, 28)),
        (date(2020, 2, 29), 4, 0, date(2024, 2, 29)),
        (date(2019, 3, 1), 5, 0, date(2024, 3, 1)),
        (date(2020, 12, 31), 0, 1, date(2021, 1, 1)),
        (date(2020, 2, 29), 1, 1, date(2021, 3, 1)),
    ],
)
def test_years_then_days(start: date, years: int, days: int, expected: date) -> None:
    assert add_years_days(start, years, days) == expected
    assert value(Shift(Const(start), years, days)) == expected


def test_statute_in_matches_sections_and_subsections_only() -> None:
    sections = StatuteIn(Fact("statute"), ("18 Pa.C.S. § 2702",))
    assert value(sections, row(statute="18 Pa.C.S. § 2702(a)(1)")) is True
    assert value(sections, row(statute="18 Pa.C.S. § 2702")) is True
    assert value(sections, row(statute="18 Pa.C.S. § 2702.1")) is False
    assert value(sections, row(statute="18 Pa.C.S. § 27021")) is False
    assert value(sections, row()) is None
    assert value(sections, row(statute="18 Pa.C.S. § 27O2")) is None  # unreadable: unknown, never "not listed"


def people_rows() -> list[Row]:
    return [
        row(case_id="c1", charge_id="1", disposition="convicted", disposition_date=date(2010, 1, 1)),
        row(case_id="c1", charge_id="2", disposition="convicted", disposition_date=date(2010, 1, 1)),
        row(case_id="c2", charge_id="1", disposition="convicted", disposition_date=date(2015, 6, 1)),
        row(case_id="c3", charge_id="1", disposition=None, disposition_date=date(2012, 1, 1)),
    ]


CONVICTED = Compare("==", Other("disposition"), Const("convicted"))


def test_exists_scopes() -> None:
    rows = people_rows()
    same_case = And((CONVICTED, Compare("==", Other("case_id"), Const("c1"))))
    assert value(Exists(same_case, "other_charges"), rows[0], rows) is True
    assert value(Exists(same_case, "other_cases"), rows[0], rows) is False
    later = And((CONVICTED, Compare(">", Other("disposition_date"), Fact("disposition_date"))))
    assert value(Exists(later, "other_cases"), rows[0], rows) is True
    # From c2 (2015): c3's disposition is unknown, but it is dated 2012, so `later` is false whatever it was.
    assert value(Exists(later, "other_cases"), rows[2], rows) is False
    # From c1/1 (2010) without c2: c3 (2012) is later and might be a conviction.
    assert value(Exists(later, "other_cases"), rows[0], [rows[0], rows[1], rows[3]]) is None


def test_exists_reports_the_unknown_fact_of_the_other_charge() -> None:
    rows = people_rows()
    missing: set[str] = set()
    result = Evaluator(AS_OF).value(Exists(CONVICTED, "other_cases"), rows[2], [rows[2], rows[3]], None, missing)
    assert result is None
    assert missing == {"other_charges.disposition"}


def test_latest_of_is_a_floor_plus_matching_dates() -> None:
    rows = people_rows()
    latest = LatestOf(Other("disposition_date"), CONVICTED, Fact("disposition_date"), "other_cases")
    # From c1/1: c2 (2015, convicted) is later; c3 might match but 2012 < 2015, so it cannot change the answer.
    assert value(latest, rows[0], rows) == date(2015, 6, 1)
    # From c2: c1 (2010) is earlier than the floor 2015; c3 (2012) too.
    assert value(latest, rows[2], rows) == date(2015, 6, 1)
    # Without c2, from c1/1: c3 might match with a later date (2012 > 2010): unknown.
    assert value(latest, rows[0], rows[:2] + rows[3:]) is None


def test_latest_of_with_an_undated_match_is_unknown() -> None:
    rows = [*people_rows(), row(case_id="c4", charge_id="1", disposition="convicted")]
    latest = LatestOf(Other("disposition_date"), CONVICTED, Fact("disposition_date"), "other_cases")
    missing: set[str] = set()
    assert Evaluator(AS_OF).value(latest, rows[0], rows, None, missing) is None
    assert missing == {"other_charges.disposition_date"}


def test_latest_is_unknown_if_any_date_is() -> None:
    assert value(Latest((Const(date(2020, 1, 1)), Fact("arrest_date")))) is None
    assert value(Latest((Const(date(2020, 1, 1)), Const(date(2021, 1, 1))))) == date(2021, 1, 1)


def test_facts_used_ignores_known() -> None:
    expr = And(
        (Known(Fact("death_date")), OneOf(Fact("grade"), ("S",)), Exists(Compare("==", Other("grade"), Fact("grade"))))
    )
    assert facts_used(expr) == ("grade",)


RULE = Rule(
    id="TEST-1",
    jurisdiction="PA",
    relief=Relief.SEALING,
    section="Test § 1",
    title="test",
    statute_text="test",
    conditions=(
        Condition("summary", "The offense is a summary offense.", "Test § 1(a)", OneOf(Fact("grade"), ("S",))),
        Condition(
            "paid", "Fines and costs are paid.", "Test § 1(b)", Compare("==", Fact("fines_costs_owed"), Const(0.0))
        ),
    ),
    waits=(
        Wait(
            "five_years", "Five years have passed since conviction.", "Test § 1(c)", Fact("disposition_date"), years=5
        ),
    ),
)


def apply(as_of: date, **facts: object) -> tuple[Status, date | None, tuple[str, ...]]:
    this = row(**facts)
    result = Evaluator(as_of).apply(RULE, this, [this])
    return result.status, result.eligible_on, result.missing


def test_waiting_period_day_boundaries() -> None:
    facts = {"grade": "S", "fines_costs_owed": 0.0, "disposition_date": date(2021, 11, 23)}
    assert apply(date(2026, 11, 22), **facts) == (Status.ELIGIBLE_ON, date(2026, 11, 23), ())
    assert apply(date(2026, 11, 23), **facts) == (Status.ELIGIBLE_NOW, None, ())


def test_status_precedence() -> None:
    assert apply(AS_OF, grade="M1", fines_costs_owed=None)[0] is Status.NOT_ELIGIBLE
    assert apply(AS_OF, grade="S") == (Status.NEEDS_REVIEW, None, ("disposition_date", "fines_costs_owed"))
    assert apply(AS_OF, grade="S", fines_costs_owed=10.0, disposition_date=date(2000, 1, 1))[0] is Status.NOT_ELIGIBLE


def test_trace_lists_every_check_with_its_facts() -> None:
    this = row(grade="S", fines_costs_owed=0.0, disposition_date=date(2020, 1, 1))
    result = Evaluator(AS_OF).apply(RULE, this, [this])
    assert [(c.id, c.kind, c.holds) for c in result.trace] == [
        ("summary", "condition", True),
        ("paid", "condition", True),
        ("five_years", "wait", True),
    ]
    assert result.trace[2].ends_on == date(2025, 1, 1)
    assert result.trace[0].facts == {"grade": "S"}


def test_rules_outside_their_dates_are_not_in_force() -> None:
    dated = Rule(**{**RULE.__dict__, "effective": date(2024, 2, 12), "repealed": date(2030, 1, 1)})
    assert not dated.in_force(date(2024, 2, 11))
    assert dated.in_force(date(2024, 2, 12))
    assert not dated.in_force(date(2030, 1, 1))

"""Properties every rule must keep, checked on generated people over all encoded rules."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from secondchance.records.defaults import DEFAULTS
from secondchance.records.model import Case, Charge, Person, Sentence
from secondchance.relief import Status, screen, to_json
from secondchance.relief.evaluate import Evaluator, Result
from secondchance.relief.explain import open_question
from secondchance.testing.strategies import people

AS_OF = date(2026, 11, 23)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
DECIDED = (Status.ELIGIBLE_NOW, Status.ELIGIBLE_ON, Status.NOT_ELIGIBLE)
RANK = {Status.ELIGIBLE_NOW: 0, Status.ELIGIBLE_ON: 1, Status.NEEDS_REVIEW: 2, Status.NOT_ELIGIBLE: 3}
CHARGE_FACTS = ("statute", "grade", "offense_date", "disposition", "disposition_date", "pardoned")
SENTENCE_FACTS = tuple(f.name for f in dataclasses.fields(Sentence))


def results(person: Person, as_of: date = AS_OF) -> dict[tuple[str, str, str], Result]:
    return {
        (str(c.row["case_id"]), str(c.row["charge_id"]), r.rule.id): r
        for c in screen(person, as_of).charges
        for r in c.results
    }


def forget(person: Person, choices: list[int]) -> Person:
    """The same person with some facts made unknown (chosen by ``choices``)."""
    cases = []
    for case in person.cases:
        charges = []
        for charge in case.charges:
            changes: dict[str, Any] = {}
            sentence_changes: dict[str, Any] = {}
            for name in CHARGE_FACTS + SENTENCE_FACTS:
                if choices and choices.pop() % 4 == 0:
                    (sentence_changes if name in SENTENCE_FACTS else changes)[name] = None
            charges.append(
                dataclasses.replace(
                    charge, **changes, sentence=dataclasses.replace(charge.sentence, **sentence_changes)
                )
            )
        cases.append(dataclasses.replace(case, charges=tuple(charges)))
    birth = None if choices and choices.pop() % 4 == 0 else person.birth_date
    return dataclasses.replace(person, birth_date=birth, cases=tuple(cases))


def stated(person: Person) -> Person:
    """The same person with every defaulted fact (records/defaults.py) stated: ``pardoned`` absent -> false."""
    cases = []
    for case in person.cases:
        charges = tuple(
            dataclasses.replace(c, pardoned=DEFAULTS["pardoned"].value is True if c.pardoned is None else c.pardoned)
            for c in case.charges
        )
        cases.append(dataclasses.replace(case, charges=charges))
    return dataclasses.replace(person, cases=tuple(cases))


def outcome(result: Result) -> tuple[int, date]:
    return (RANK[result.status], result.eligible_on or date.min)


@pytest.mark.slow
@SETTINGS
@given(person=people(), choices=st.lists(st.integers(0, 3), min_size=80, max_size=80))
def test_knowing_more_never_changes_a_decided_answer(person: Person, choices: list[int]) -> None:
    """Soundness of unknowns: an answer given with facts missing holds whatever they turn out to be.

    A fact with a stated default (``pardoned``) is the one exception, and it is never silent: a result
    that the default decided lists it in ``assumptions``, and it is never more favourable than the truth.
    """
    person = stated(person)
    full = results(person)
    partial = results(forget(person, list(choices)))
    for key, result in partial.items():
        assert not full[key].assumptions, key
        if result.assumptions:
            assert outcome(result) >= outcome(full[key]), key
        elif result.status in DECIDED:
            assert (full[key].status, full[key].eligible_on) == (result.status, result.eligible_on), key
        elif result.not_before is not None:  # "not before" holds whatever the missing facts are
            assert full[key].status is not Status.ELIGIBLE_NOW, key
            on = full[key].eligible_on
            assert on is None or on >= result.not_before, key


@pytest.mark.slow
@SETTINGS
@given(person=people())
def test_an_assumption_is_listed_exactly_where_it_decides(person: Person) -> None:
    """A result lists ``pardoned`` iff it differs from the same rule run on the record as given."""
    as_given = Evaluator(AS_OF)
    raw = person.rows()
    screening = screen(person, AS_OF)
    for at, charge in enumerate(screening.charges):
        for result in charge.results:
            bare = as_given.apply(result.rule, raw[at], raw)
            differs = (bare.status, bare.eligible_on) != (result.status, result.eligible_on)
            assert bool(result.assumptions) == differs, result.rule.id
            if differs:
                assert bare.status is Status.NEEDS_REVIEW and "pardoned" in bare.missing


@pytest.mark.slow
@SETTINGS
@given(person=people())
def test_an_open_question_is_never_hidden_and_a_hidden_one_cannot_help_today(person: Person) -> None:
    """needs_review results that are not open questions either cannot apply before a later day, or
    cannot beat a decided result of the same relief; the charge's best result is never such a one
    while an open question or a decided eligible result exists."""
    for charge in screen(person, AS_OF).charges:
        for result in charge.results:
            if result.status is Status.NEEDS_REVIEW and not open_question(result):
                assert result.cannot_improve or (result.not_before and result.not_before > AS_OF)
        best = charge.best
        if best is not None and best.cannot_improve:
            raise AssertionError("a result that cannot improve leads the charge")


@pytest.mark.slow
@SETTINGS
@given(person=people(), grade_index=st.integers(0, 8), days_before=st.integers(0, 400))
def test_a_later_conviction_never_makes_a_charge_more_eligible(
    person: Person, grade_index: int, days_before: int
) -> None:
    before = results(person)
    last = max(
        [c.disposition_date or c.offense_date or date(1970, 1, 1) for case in person.cases for c in case.charges]
    )
    when = max(last, AS_OF - timedelta(days=days_before))
    jurisdiction = person.cases[0].jurisdiction or "PA"
    grades = (
        ("F1", "F2", "F3", "F", "M1", "M2", "M3", "M", "S")
        if jurisdiction == "PA"
        else ("felony", "misdemeanor", "infraction", "wobbler") * 3
    )
    new_case = Case(
        id="later",
        jurisdiction=jurisdiction,
        arrest_date=when,
        charges=(
            Charge(
                id="1", grade=grades[grade_index], offense_date=when, disposition="convicted", disposition_date=when
            ),
        ),
    )
    after = results(dataclasses.replace(person, cases=(*person.cases, new_case)))
    for key, old in before.items():
        new = after[key]
        assert not (new.status is Status.ELIGIBLE_NOW and old.status is not Status.ELIGIBLE_NOW), key
        if old.status is Status.NOT_ELIGIBLE:
            assert new.status is Status.NOT_ELIGIBLE, key
        if new.status is Status.ELIGIBLE_ON and old.status is Status.ELIGIBLE_ON:
            assert new.eligible_on and old.eligible_on and new.eligible_on >= old.eligible_on, key


@pytest.mark.slow
@SETTINGS
@given(person=people(), later_by=st.integers(1, 3000))
def test_a_waiting_period_once_over_stays_over(person: Person, later_by: int) -> None:
    """Moving the as-of date later never un-expires a waiting period (no dated change after 2025)."""
    early = date(2025, 1, 1)
    late = early + timedelta(days=later_by)
    first, second = results(person, early), results(person, late)
    for key, result in first.items():
        ended = {c.id for c in result.trace if c.kind == "wait" and c.holds}
        if key in second:
            still = {c.id for c in second[key].trace if c.kind == "wait" and c.holds}
            assert ended <= still, key


@pytest.mark.slow
@SETTINGS
@given(person=people())
def test_screening_is_deterministic(person: Person) -> None:
    assert to_json(screen(person, AS_OF)) == to_json(screen(person, AS_OF))


@SETTINGS
@given(person=people(), choices=st.lists(st.integers(0, 3), min_size=80, max_size=80))
def test_a_needs_review_answer_always_names_what_to_find_out(person: Person, choices: list[int]) -> None:
    """Every needs_review result names a fact or a lawyer's question; a question only for a check that is
    undecided with every fact it reads known (so "knowing less" shows up as facts, never as a question)."""
    for result in results(forget(person, choices)).values():
        if result.status is not Status.NEEDS_REVIEW:
            assert result.missing == (), result.rule.id
            continue
        assert result.missing, f"{result.rule.id}: needs review naming nothing"
        for name in result.missing:
            if name.startswith("question."):
                check = next(c for c in result.trace if c.id == name.removeprefix("question."))
                assert check.holds is None and None not in check.facts.values(), (result.rule.id, check)

"""Knowing less never helps, in Missouri and Louisiana: one fact forgotten, or a statute no list names.

``test_properties.py`` forgets facts at random across every state; these properties go one fact at a
time for the two states whose exclusion lists were written partly from secondary sources, and add the
pattern that lists invite: a citation on no list (an offense the rules know nothing about) must not
answer better than an unknown statute, since it could be any offense.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from secondchance.records.model import Person, Sentence
from secondchance.relief import Status, screen
from secondchance.relief.evaluate import Result
from secondchance.relief.jurisdictions import state
from secondchance.testing.strategies import people

AS_OF = date(2026, 11, 23)
SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
#: ``make check``'s budget: the same properties on fewer people (``make test`` runs both).
FEW = settings(SETTINGS, max_examples=15)
CHARGE_FACTS = ("statute", "grade", "offense_date", "disposition", "disposition_date", "relief_granted")
SENTENCE_FACTS = tuple(f.name for f in dataclasses.fields(Sentence))
#: Citations each state's grammar reads but no list of its rules names (gambling; unlawful assembly).
UNLISTED = {"LA": "La. R.S. 14:90", "MO": "RSMo 574.040"}
FAVOURABLE = (Status.ELIGIBLE_NOW, Status.ELIGIBLE_ON)
#: Rules whose statute test is a closed definition read on the enacted text, so that an offense it does not
#: name is rightly outside it (the rule id, and why).
CLOSED = {
    "LA-976-arrest-without-conviction": "art. 976(B) names R.S. 14:98 or an OWI ordinance (verified): gambling is not",
}


#: A conviction long ago, its sentence over, nothing owed.
CLEAN: dict[str, object] = {
    "disposition": "convicted",
    "offense_date": date(2009, 6, 1),
    "disposition_date": date(2010, 1, 4),
    "incarcerated": False,
    "incarceration_start": None,
    "incarceration_end": None,
    "supervision": "none",
    "probation_granted": False,
    "probation_start": None,
    "probation_end": None,
    "probation_completed": None,
    "fines_costs_owed": 0.0,
    "restitution_owed": 0.0,
    "pardoned": False,
    "relief_granted": None,
}


def results(person: Person) -> dict[tuple[str, str, str], Result]:
    return {
        (str(c.row["case_id"]), str(c.row["charge_id"]), r.rule.id): r
        for c in screen(person, AS_OF).charges
        for r in c.results
    }


def changed(person: Person, case: int, charge: int, **facts: Any) -> Person:
    """``person`` with facts of one charge (or of its sentence) replaced."""
    cases = list(person.cases)
    charges = list(cases[case].charges)
    target = charges[charge]
    own = {k: v for k, v in facts.items() if k not in SENTENCE_FACTS}
    sentence = dataclasses.replace(target.sentence, **{k: v for k, v in facts.items() if k in SENTENCE_FACTS})
    charges[charge] = dataclasses.replace(target, **own, sentence=sentence)
    cases[case] = dataclasses.replace(cases[case], charges=tuple(charges))
    return dataclasses.replace(person, cases=tuple(cases))


def no_better(less: Result, more: Result) -> bool:
    """``less`` (fewer facts known) promises nothing ``more`` does not: no eligibility, no earlier date."""
    if more.status not in FAVOURABLE:
        return less.status not in FAVOURABLE
    if more.status is Status.ELIGIBLE_ON:
        return less.status is not Status.ELIGIBLE_NOW and (
            less.eligible_on is None or more.eligible_on is None or less.eligible_on >= more.eligible_on
        )
    return True


@pytest.mark.parametrize("jurisdiction", ["MO", "LA"])
@FEW
@given(data=st.data())
def test_forgetting_one_fact_never_helps(jurisdiction: str, data: st.DataObject) -> None:
    forgetting_one_fact_never_helps(jurisdiction, data)


@pytest.mark.slow
@pytest.mark.parametrize("jurisdiction", ["MO", "LA"])
@SETTINGS
@given(data=st.data())
def test_forgetting_one_fact_never_helps_for_many(jurisdiction: str, data: st.DataObject) -> None:
    forgetting_one_fact_never_helps(jurisdiction, data)


def forgetting_one_fact_never_helps(jurisdiction: str, data: st.DataObject) -> None:
    person = data.draw(people(jurisdiction=jurisdiction, max_cases=3))
    case = data.draw(st.integers(0, len(person.cases) - 1))
    charge = data.draw(st.integers(0, len(person.cases[case].charges) - 1))
    fact = data.draw(st.sampled_from(CHARGE_FACTS + SENTENCE_FACTS))
    full = results(person)
    partial = results(changed(person, case, charge, **{fact: None}))
    for key, result in partial.items():
        assert no_better(result, full[key]), (key, fact, result.status, full[key].status)


@pytest.mark.parametrize("jurisdiction", ["MO", "LA"])
@FEW
@given(data=st.data())
def test_an_offense_no_list_names_is_no_better_than_an_unknown_one(jurisdiction: str, data: st.DataObject) -> None:
    an_offense_no_list_names_is_no_better_than_an_unknown_one(jurisdiction, data)


@pytest.mark.slow
@pytest.mark.parametrize("jurisdiction", ["MO", "LA"])
@SETTINGS
@given(data=st.data())
def test_an_offense_no_list_names_is_no_better_for_many(jurisdiction: str, data: st.DataObject) -> None:
    an_offense_no_list_names_is_no_better_than_an_unknown_one(jurisdiction, data)


def an_offense_no_list_names_is_no_better_than_an_unknown_one(jurisdiction: str, data: st.DataObject) -> None:
    """A statute the lists do not name could be any offense: it answers no better than no statute at all."""
    person = data.draw(people(jurisdiction=jurisdiction, max_cases=3))
    case = data.draw(st.integers(0, len(person.cases) - 1))
    charge = data.draw(st.integers(0, len(person.cases[case].charges) - 1))
    if data.draw(st.booleans()):  # often a charge whose other facts open the paths, so the statute decides
        person = changed(person, case, charge, **CLEAN, grade=data.draw(st.sampled_from(state(jurisdiction).grades)))
    unknown = results(changed(person, case, charge, statute=None))
    unlisted = results(changed(person, case, charge, statute=UNLISTED[jurisdiction]))
    for key, result in unlisted.items():
        if key[2] in CLOSED:
            continue
        assert no_better(result, unknown[key]) or unknown[key].status in FAVOURABLE, (key, result.status)

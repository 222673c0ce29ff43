"""Soundness under unknown facts: hiding facts can turn an answer into "unknown", never into a wrong one.

If the answer with some facts missing is ``fits`` (or ``may_not_fit``), learning the missing
facts cannot change it. Languages are a preference (checked only when named) and are left out.
"""

from __future__ import annotations

from dataclasses import fields, replace
from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from secondchance.directory.eligibility import RECORD_POLICIES, Requirements
from secondchance.directory.facts import DOCUMENT_CODES, INSURANCE, PersonFacts
from secondchance.directory.match import Fit, match

AS_OF = date(2026, 11, 23)
STATES = ("LA", "PA")
COUNTIES = ("Orleans Parish", "Philadelphia County")

requirements = st.builds(
    Requirements,
    records=st.lists(st.sampled_from(RECORD_POLICIES), max_size=2),
    min_age=st.one_of(st.none(), st.sampled_from([18.0, 21.0])),
    max_age=st.one_of(st.none(), st.sampled_from([24.0, 64.0])),
    genders=st.lists(st.sampled_from(["any", "female", "male"]), max_size=1),
    veteran_only=st.one_of(st.none(), st.just(True)),
    insurance=st.lists(st.sampled_from(["medicaid", "medicare", "private", "uninsured"]), max_size=2),
    income_max_fpl=st.one_of(st.none(), st.sampled_from([150.0, 200.0])),
    states=st.lists(st.sampled_from(STATES), max_size=1),
    counties=st.lists(st.sampled_from([f"{c}, {s}" for c, s in zip(COUNTIES, STATES, strict=True)]), max_size=1),
    documents=st.lists(st.sampled_from([*DOCUMENT_CODES, "?DD-214"]), max_size=2),
    referral=st.one_of(st.none(), st.just(True)),
)


@st.composite
def complete_facts(draw: st.DrawFn) -> PersonFacts:
    records: dict[str, Any] = {
        name: draw(st.booleans()) for name in ("has_felony", "violent_felony", "sex_offense_registration", "arson")
    }
    place = draw(st.sampled_from(range(len(STATES))))
    return PersonFacts(
        has_record=any(records.values()) or draw(st.booleans()),
        **records,
        age=draw(st.integers(16, 80)),
        gender=draw(st.sampled_from(["female", "male", "nonbinary"])),
        veteran=draw(st.booleans()),
        insurance=tuple(draw(st.lists(st.sampled_from(INSURANCE), min_size=1, max_size=2, unique=True))),
        income_fpl_percent=float(draw(st.integers(0, 400))),
        state=STATES[place],
        county=COUNTIES[place],
        documents=tuple(draw(st.lists(st.sampled_from(DOCUMENT_CODES), unique=True))),
        has_referral=draw(st.booleans()),
    )


HIDEABLE = [
    f.name for f in fields(PersonFacts) if f.name not in ("languages", "zip", "household_size", "annual_income")
]


@pytest.mark.slow
@settings(max_examples=400, deadline=None)
@given(requirements, complete_facts(), st.sets(st.sampled_from(HIDEABLE)))
def test_hiding_facts_never_changes_a_decided_answer(req: Requirements, full: PersonFacts, hidden: set[str]) -> None:
    partial = replace(full, **dict.fromkeys(hidden))
    decided = match(req, partial, AS_OF).fit
    truth = match(req, full, AS_OF).fit
    if decided is not Fit.UNKNOWN:
        assert truth is decided, (decided, truth, [c.text for c in match(req, partial, AS_OF).checks])

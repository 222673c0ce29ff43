"""The interview's typed state: the JSON kept for the browser reads back as it was written, a state in
the shape earlier releases kept still loads (and screens the same), anything else is refused cleanly."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest
from fastapi.testclient import TestClient
from hypothesis import given, settings
from hypothesis import strategies as st

from secondchance.records.safe import MAX_CHARGES_PER_PERSON
from secondchance.web.security import CSRF_COOKIE
from secondchance.web.ui.interview import STEPS, InterviewState, answer, from_record, load, to_record
from secondchance.web.ui.interview.flow import next_step
from secondchance.web.ui.interview.questions import step_options
from secondchance.web.ui.interview.state import SENTENCE_FACTS, ChargeAnswers, set_fact

TODAY = date(2026, 11, 29)

#: A state as the single-module interview (before the split) kept it: every level a plain dict, the
#: choice of a state we do not check stored as ``False``, the services page's ZIP beside the answers.
OLD_SHAPE: dict[str, Any] = {
    "step": "results",
    "back": ["intro", "state", "birth", "charge", "grade", "disposition", "disposition_date", "another"],
    "person": {
        "birth_date": "1984-05-02",
        "cases": [
            {
                "jurisdiction": "PA",
                "charges": [
                    {
                        "sentence": {},
                        "description": "Retail theft",
                        "statute": "18 Pa.C.S. § 3929",
                        "grade": "M2",
                        "disposition": "withdrawn",
                        "disposition_date": "2009-09-01",
                    },
                    {
                        "sentence": {"supervision": None, "fines_costs_owed": 0.0, "restitution_owed": None},
                        "grade": "M2",
                        "disposition": "convicted",
                        "disposition_date": "2012",
                        "jailed": False,
                        "on_probation": True,  # older still: before the kind of supervision was asked
                        "pardoned": False,
                    },
                ],
            }
        ],
    },
    "birth_asked": True,
    "other_state": False,
    "zip": "19107",
}


def test_a_state_in_the_shape_kept_before_the_split_loads_and_gives_the_same_record() -> None:
    state = load(json.loads(json.dumps(OLD_SHAPE)))
    assert state is not None
    assert (state.step, state.birth_asked, state.other_state, state.zip) == ("results", True, False, "19107")
    record = to_record(state)
    assert record["birth_date"] == "1984-05-02"
    first, second = record["cases"][0]["charges"]
    assert first == {
        "id": "1",
        "statute": "18 Pa.C.S. § 3929",
        "description": "Retail theft",
        "grade": "M2",
        "disposition": "withdrawn",
        "disposition_date": "2009-09-01",
    }
    assert second["sentence"] == {
        "fines_costs_owed": 0.0,
        "incarcerated": False,
        "state_prison": False,
        "probation_granted": True,
    }
    assert load(state.dump()) == state, "and reads back as it was written"


@pytest.mark.parametrize(
    "raw",
    [
        None,
        [],
        "results",
        {},
        {"step": "results"},
        {"step": "nowhere", "back": [], "person": {"cases": []}},
        {"step": "intro", "back": ["nowhere"], "person": {"cases": []}},
        {"step": "intro", "back": [], "person": {"cases": {}}},
        {"step": "intro", "back": [], "person": {"cases": []}, "other_state": []},
        {"step": "grade", "back": [], "person": {"cases": [{"charges": [1]}]}},
        {"step": "fines", "back": [], "person": {"cases": [{"charges": [{}]}]}},  # no sentence
        {"step": "grade", "back": [], "person": {"cases": [{"charges": [{"sentence": {}, "grade": {}}]}]}},
        {"step": "grade", "back": [], "person": {"cases": [{"charges": [{"sentence": {"supervision": []}}]}]}},
        {"step": "grade", "back": [], "person": {"cases": [{"charges": [{"sentence": {}, "extra": 3}]}]}},
        {"step": "grade", "back": [], "person": {"cases": [{"charges": [{"sentence": {}, "extra": {"a": {}}}]}]}},
        {"step": "grade", "back": [], "person": {"cases": [], "extra": [1]}},
    ],
)
def test_a_shape_the_interview_never_wrote_is_refused(raw: Any) -> None:
    assert load(raw) is None


def test_more_charges_than_one_person_may_have_screened_are_refused() -> None:
    charges: list[dict[str, Any]] = [{"sentence": {}}] * (MAX_CHARGES_PER_PERSON + 1)
    assert load({"step": "results", "back": [], "person": {"cases": [{"charges": charges}]}}) is None
    record = {"cases": [{"jurisdiction": "PA", "charges": [{"grade": "M2"}] * (MAX_CHARGES_PER_PERSON + 1)}]}
    assert from_record(record) is None


def test_every_fact_a_screen_settles_has_a_place_in_the_state() -> None:
    state = InterviewState()
    state.new_charge(True)
    for step in STEPS.values():
        for name in step.fields:
            set_fact(state, name, None)  # a name with no place would raise
    assert all(name in SENTENCE_FACTS for name in state.person.cases[0].charges[0].sentence)
    with pytest.raises(KeyError):
        ChargeAnswers().set("nickname", "x")


def test_an_uploaded_charge_keeps_what_the_interview_does_not_ask() -> None:
    record = {
        "id": "p7",
        "birth_date": "1980",
        "cases": [
            {
                "id": "CP-1",
                "county": "Philadelphia",
                "jurisdiction": "PA",
                "charges": [
                    {"id": "c9", "grade": "M2", "disposition": "convicted", "sentence": {"incarcerated": False}}
                ],
            }
        ],
    }
    state = from_record(record)
    assert state is not None and state.step == "results" and state.back == ["another"]
    assert to_record(state) == record, "no state_prison added to an uploaded charge"
    assert load(json.loads(json.dumps(state.dump()))) == state


def _answer(step_id: str, jurisdiction: object, pick: int) -> dict[str, str]:
    """A form for one screen: an offered option, or a date or a text."""
    step = STEPS.get(step_id)
    if step is None:
        return {}  # the results: only "back" applies
    options = step_options(step, jurisdiction)
    if step.kind in ("choice", "money") and options:
        return {step.id: options[pick % len(options)].value}
    if step.kind == "date":
        return {step.id: "2015-06-01"} if pick % 2 else {f"{step.id}_year": "2014"}
    return {"description": "Retail theft"} if step.kind == "text" else {}


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(["next", "next", "next", "unknown", "back"]), st.integers(0, 9)), max_size=40)
)
def test_any_walk_through_the_interview_reads_back_as_it_was_written(walk: list[tuple[str, int]]) -> None:
    state = InterviewState()
    for action, pick in walk:
        if state.step == "results":
            action = "back"
        answer(state, action, _answer(state.step, state.jurisdiction, pick), TODAY)
        again = load(json.loads(json.dumps(state.dump())))
        assert again == state
        assert to_record(again) == to_record(state)
    if state.step != "results" and state.step in STEPS:
        assert next_step(state, state.step) in (*STEPS, "results")


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=200, deadline=None)
@given(JSON, st.sampled_from(["step", "person", "cases", "charge"]))
def test_any_json_loads_or_is_refused_and_a_loaded_state_makes_a_record(value: Any, where: str) -> None:
    raw: Any = value
    if where != "step":
        charge = value if where == "charge" else {"sentence": {}}
        cases = value if where == "cases" else [{"jurisdiction": "PA", "charges": [charge]}]
        raw = {"step": "grade", "back": [], "person": value if where == "person" else {"cases": cases}}
    state = load(raw)
    if state is not None:
        to_record(state)
        assert load(state.dump()) == state


def test_a_step_kept_in_the_old_shape_shows_its_results(client: TestClient) -> None:
    client.get("/check")
    ref = client.app.state.states.put(  # type: ignore[attr-defined]
        client.cookies.get(CSRF_COOKIE) or "", {"state": OLD_SHAPE, "prev": None, "error": None, "typed": {}}
    )
    page = client.get(f"/check/{ref}")
    assert page.status_code == 200 and "Your results" in page.text
    garbled = client.app.state.states.put(  # type: ignore[attr-defined]
        client.cookies.get(CSRF_COOKIE) or "", {"state": {**OLD_SHAPE, "back": "intro"}}
    )
    assert "Your answers were cleared" in client.get(f"/check/{garbled}").text

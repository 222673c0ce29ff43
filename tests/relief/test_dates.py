"""Partial dates (ranges decided at their ends) and scheduled dates (projected, labelled) in screening."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from secondchance.records import InvalidRecord, people_from_csv, people_from_json
from secondchance.records.model import PartialDate, Person
from secondchance.relief import Status, screen, to_json
from secondchance.relief.evaluate import Result
from secondchance.testing.strategies import people

AS_OF = date(2026, 11, 23)
RANK = {Status.ELIGIBLE_NOW: 0, Status.ELIGIBLE_ON: 1, Status.NEEDS_REVIEW: 2, Status.NOT_ELIGIBLE: 3}


def person(charge: dict[str, Any], jurisdiction: str = "CA", birth: str | None = None, **case: Any) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": "p1",
        "cases": [{"id": "c1", "jurisdiction": jurisdiction, **case, "charges": [{"id": "1", **charge}]}],
    }
    if birth:
        out["birth_date"] = birth
    return out


def result(record: dict[str, Any], rule: str, as_of: date = AS_OF) -> Result:
    screened = screen(people_from_json(record, as_of)[0], as_of)
    return next(r for r in screened.charges[0].results if r.rule.id == rule)


# ---------------------------------------------------------------------------- parsing


def test_partial_dates_parse_as_ranges() -> None:
    charge = {"disposition_date": "2015", "offense_date": "2015-02", "sentence": {"incarceration_end": 2016}}
    row = people_from_json(person(charge), AS_OF)[0].rows()[0]
    assert isinstance(row["disposition_date"], PartialDate)
    assert (row["disposition_date"].first, row["disposition_date"].last) == (date(2015, 1, 1), date(2015, 12, 31))
    assert row["offense_date"].last == date(2015, 2, 28)  # type: ignore[union-attr]
    assert str(row["offense_date"]) == "2015-02" and str(row["incarceration_end"]) == "2016"


@pytest.mark.parametrize("bad", ["2015-13", "15", "2015-6", "2015/06", "２０１５"])
def test_malformed_partial_dates_are_refused(bad: str) -> None:
    with pytest.raises(InvalidRecord, match="expected a date"):
        people_from_json(person({"disposition_date": bad}), AS_OF)


def test_csv_accepts_partial_dates_and_the_scheduled_columns() -> None:
    text = (
        "person_id,case_id,jurisdiction,charge_id,disposition_date,incarceration_end,incarceration_end_scheduled\n"
        "p1,c1,PA,1,2019-06,2027-03-01,true\n"
    )
    row = people_from_csv(text, AS_OF)[0].rows()[0]
    assert str(row["disposition_date"]) == "2019-06"
    assert row["incarceration_end"] == date(2027, 3, 1) and row["incarceration_end_scheduled"] is True


def test_a_partial_range_reaching_the_start_is_not_before_it() -> None:
    sentence = {"incarceration_start": "2019-06-01", "incarceration_end": "2019"}
    assert people_from_json(person({"sentence": sentence}), AS_OF)
    with pytest.raises(InvalidRecord, match="is before incarceration_start"):
        people_from_json(person({"sentence": {**sentence, "incarceration_end": "2018"}}), AS_OF)


def test_a_scheduled_date_may_be_after_as_of_other_dates_may_not() -> None:
    scheduled = {"incarceration_end": {"date": "2027-03-01", "scheduled": True}}
    assert people_from_json(person({"sentence": scheduled}), AS_OF)
    with pytest.raises(InvalidRecord, match="mark it: incarceration_end_scheduled"):
        people_from_json(person({"sentence": {"incarceration_end": "2027-03-01"}}), AS_OF)
    with pytest.raises(InvalidRecord, match="after the as-of date"):
        people_from_json(person({"disposition_date": "2027-03-01", "sentence": scheduled}), AS_OF)
    with pytest.raises(InvalidRecord, match="is true, but probation_end is not given"):
        people_from_json(person({"sentence": {"probation_end_scheduled": True}}), AS_OF)
    with pytest.raises(InvalidRecord, match="given twice"):
        both = {**scheduled, "incarceration_end_scheduled": True}
        people_from_json(person({"sentence": both}), AS_OF)
    with pytest.raises(InvalidRecord, match=r"incarceration_end\.when: unknown field"):
        people_from_json(person({"sentence": {"incarceration_end": {"date": "2027-03-01", "when": 1}}}), AS_OF)


# ---------------------------------------------------------------------------- partial dates decided


MISDEMEANOR = {
    "statute": "PC 484(a)",
    "grade": "misdemeanor",
    "disposition": "convicted",
    "sentence": {"supervision": "none", "incarcerated": False, "fines_costs_owed": 0},
}
ONE_YEAR = "CA-1203.4a-b-interest-of-justice"


def test_a_partial_date_whose_whole_range_agrees_is_decided() -> None:
    decided = result(person({**MISDEMEANOR, "disposition_date": "2024"}), ONE_YEAR)
    assert decided.status is Status.ELIGIBLE_NOW
    shown = next(c for c in decided.trace if c.id == "one_year_after_judgment")
    assert str(shown.facts["disposition_date"]) == "2024"  # the trace shows the date as given


def test_a_partial_date_straddling_the_wait_needs_review_naming_it() -> None:
    undecided = result(person({**MISDEMEANOR, "disposition_date": "2025"}), ONE_YEAR)
    assert (undecided.status, undecided.missing) == (Status.NEEDS_REVIEW, ("disposition_date",))
    by_month = result(person({**MISDEMEANOR, "disposition_date": "2025-06"}), ONE_YEAR)
    assert by_month.status is Status.ELIGIBLE_NOW  # June 2026 is over: every day of June 2025 agrees


def test_another_charges_partial_date_is_named_as_such() -> None:
    record = person({**MISDEMEANOR, "disposition_date": "2024-03-04"})
    later = {**MISDEMEANOR, "id": "2", "offense_date": "2025", "disposition_date": "2025"}
    record["cases"][0]["charges"].append(later)
    first = result(record, "CA-1203.4a-a-sentence-completed")
    assert first.status is Status.NEEDS_REVIEW and "other_charges.offense_date" in first.missing


# ---------------------------------------------------------------------------- scheduled dates projected


def paroled(**sentence: Any) -> dict[str, Any]:
    base = {
        "statute": "PC 487(a)",
        "grade": "felony",
        "disposition": "convicted",
        "disposition_date": "2020-05-01",
        "sentence": {
            "incarcerated": True,
            "state_prison": True,
            "incarceration_start": "2020-05-01",
            "incarceration_end": "2025-05-01",
            "supervision": "parole",
            "probation_start": "2025-05-01",
            "probation_end": {"date": "2027-05-01", "scheduled": True},
            **sentence,
        },
    }
    return person(base)


def test_on_parole_until_a_scheduled_date_gets_eligible_on_labelled() -> None:
    projected = result(paroled(), "CA-1203.41-a2-state-prison")
    assert (projected.status, projected.eligible_on) == (Status.ELIGIBLE_ON, date(2029, 5, 1))
    assert [(d.field, d.date) for d in projected.depends_on] == [("probation_end", date(2027, 5, 1))]
    payload = to_json(screen(people_from_json(paroled(), AS_OF)[0], AS_OF), with_trace=False)
    shown = next(r for r in payload["charges"][0]["results"] if r["rule"] == "CA-1203.41-a2-state-prison")
    assert shown["depends_on"] == [
        {"case_id": "c1", "charge_id": "1", "field": "probation_end", "date": "2027-05-01", "scheduled": True}
    ]


def test_still_inside_release_and_parole_both_scheduled() -> None:
    record = paroled(incarceration_end={"date": "2027-01-15", "scheduled": True}, probation_start=None)
    projected = result(record, "CA-1203.425-a1Bv-III-felony-supervision")
    assert (projected.status, projected.eligible_on) == (Status.ELIGIBLE_ON, date(2031, 5, 1))
    assert {d.field for d in projected.depends_on} == {"incarceration_end", "probation_end"}


def test_a_result_decided_without_the_scheduled_date_does_not_depend_on_it() -> None:
    refused = result(paroled(), "CA-1203.4-a1-probation-completed")  # parole is not probation
    assert refused.status is Status.NOT_ELIGIBLE and refused.depends_on == ()


def test_pa_age_70_counts_from_the_scheduled_end_of_parole() -> None:
    charge = {
        "grade": "F2",
        "statute": "18 Pa.C.S. § 3502(a)(1)",
        "disposition": "convicted",
        "disposition_date": "2015-06-01",
        "sentence": {
            "incarcerated": True,
            "incarceration_end": {"date": "2027-03-01", "scheduled": True},
            "supervision": "parole",
            "probation_end": {"date": "2030-03-01", "scheduled": True},
        },
    }
    projected = result(person(charge, "PA", birth="1950-03-15", arrest_date="2015-01-01"), "PA-9122-b1-age-70")
    assert (projected.status, projected.eligible_on) == (Status.ELIGIBLE_ON, date(2040, 3, 1))
    assert {d.date for d in projected.depends_on} == {date(2027, 3, 1), date(2030, 3, 1)}


# ---------------------------------------------------------------------------- property

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
DATE_FIELDS = ("offense_date", "disposition_date")
SENTENCE_DATES = ("incarceration_end", "probation_end")


def _slots(subject: Person) -> list[tuple[int, int, str]]:
    return [
        (ci, hi, name)
        for ci, case in enumerate(subject.cases)
        for hi, charge in enumerate(case.charges)
        for name in (*DATE_FIELDS, *SENTENCE_DATES)
        if (getattr(charge, name) if name in DATE_FIELDS else getattr(charge.sentence, name)) is not None
    ]


def _with(subject: Person, ci: int, hi: int, name: str, value: date) -> Person:
    case = subject.cases[ci]
    charge = case.charges[hi]
    if name in DATE_FIELDS:
        charge = dataclasses.replace(charge, **{name: value})  # type: ignore[arg-type]
    else:
        charge = dataclasses.replace(charge, sentence=dataclasses.replace(charge.sentence, **{name: value}))  # type: ignore[arg-type]
    charges = (*case.charges[:hi], charge, *case.charges[hi + 1 :])
    cases = (*subject.cases[:ci], dataclasses.replace(case, charges=charges), *subject.cases[ci + 1 :])
    return dataclasses.replace(subject, cases=cases)


def _results(subject: Person) -> dict[tuple[str, str, str], Result]:
    return {
        (str(c.row["case_id"]), str(c.row["charge_id"]), r.rule.id): r
        for c in screen(subject, AS_OF).charges
        for r in c.results
    }


@pytest.mark.slow
@SETTINGS
@given(subject=people(), pick=st.integers(0, 1000), by_month=st.booleans(), day=st.integers(0, 365))
def test_a_partial_date_is_never_more_favourable_than_some_exact_date_in_its_range(
    subject: Person, pick: int, by_month: bool, day: int
) -> None:
    """Soundness of ranges: whatever a partial date answers, some day of its range answers at least as well,
    and a decided answer is the answer of every day of the range tried (its ends, the true day, one more)."""
    slots = _slots(subject)
    if not slots:
        return
    ci, hi, name = slots[pick % len(slots)]
    charge = subject.cases[ci].charges[hi]
    exact = getattr(charge, name) if name in DATE_FIELDS else getattr(charge.sentence, name)
    partial = PartialDate(exact.year, exact.month if by_month else None)
    last = min(partial.last, AS_OF)
    other = partial.first + timedelta(days=day % ((last - partial.first).days + 1))
    days = {partial.first, last, exact, other}
    vague = _results(_with(subject, ci, hi, name, partial))
    sharp = [_results(_with(subject, ci, hi, name, d)) for d in sorted(days)]
    for key, answer in vague.items():
        options = [s[key] for s in sharp]
        best = min(RANK[o.status] for o in options)
        assert RANK[answer.status] >= best, key
        if answer.status is not Status.NEEDS_REVIEW:
            assert all((o.status, o.eligible_on) == (answer.status, answer.eligible_on) for o in options), key

"""The plan's files: the .ics parses and holds the dates and alarms; the PDF reads back; the JSON reopens."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from icalendar import Calendar
from plan_people import AS_OF, CA_MISDEMEANOR, PA_MISDEMEANOR, PA_PAROLE, RELEASE, person

from secondchance.papers.pdf import read_pdf
from secondchance.plan import Service, plan_for
from secondchance.plan.files import PlanFileRefused, open_plan, plan_to_json
from secondchance.plan.ics import to_ics
from secondchance.plan.printable import to_pdf
from secondchance.plan.text import plan_text
from secondchance.records import Person
from secondchance.testing.strategies import people


def events(data: bytes) -> dict[str, Any]:
    cal = Calendar.from_ical(data)
    return {str(e.get("summary")): e for e in cal.walk("VEVENT")}


def test_ics_holds_the_clean_slate_and_california_dates_with_alarms() -> None:
    pa = events(to_ics(plan_for(person(PA_MISDEMEANOR), AS_OF)))
    clean = pa["Check that Clean Slate sealed case CP-51-CR-0000001-2019"]
    assert clean.decoded("dtstart") == date(2027, 3, 10)  # qualifies 2027-01-10, by 2027-02-10, check a month on
    assert clean.decoded("dtend") == date(2027, 3, 11)
    (alarm,) = clean.walk("VALARM")
    assert str(alarm.get("action")) == "DISPLAY" and alarm.decoded("trigger") == timedelta(days=-1)
    assert "18 Pa.C.S. § 9122.2(a)(1)" in str(clean.get("description"))
    ca = events(to_ics(plan_for(person(CA_MISDEMEANOR), AS_OF)))
    auto = ca["Check California's automatic relief for case SF-26-0001"]
    assert auto.decoded("dtstart") == date(2027, 8, 1)  # judgment 2026-06-01 + 1 calendar year + two months
    assert ca["You can file for dismissal: case SF-26-0001"].decoded("dtstart") == date(2027, 6, 1)


def test_ics_uids_are_stable_unique_and_free_of_case_numbers() -> None:
    plan = plan_for(person(PA_PAROLE), AS_OF, AS_OF)
    first, second = to_ics(plan), to_ics(plan_for(person(PA_PAROLE), AS_OF, AS_OF))
    assert first == second
    uids = [str(e.get("uid")) for e in Calendar.from_ical(first).walk("VEVENT")]
    assert len(uids) == len(set(uids)) == len([i for i in plan.dated if not i.past])
    assert not any("CP-" in u for u in uids)


def test_ics_leaves_out_past_items() -> None:
    plan = plan_for(person(PA_PAROLE), AS_OF)  # released three weeks ago: early steps are past
    days = [e.decoded("dtstart") for e in Calendar.from_ical(to_ics(plan)).walk("VEVENT")]
    assert days and all(d >= AS_OF for d in days)
    assert any(i.past for i in plan.items)


@pytest.mark.slow
def test_pdf_reads_back_with_the_plan_on_one_or_two_pages() -> None:
    plan = plan_for(person(PA_PAROLE), AS_OF, RELEASE, lang="es")
    pdf = read_pdf(to_pdf(plan), "plan.pdf")
    assert 1 <= pdf.pages <= 2
    text = " ".join(line.text for line in pdf.lines)
    assert "Plan de reingreso" in text and "oficial de libertad condicional" in text


def test_json_reopens_the_same_plan_in_either_language() -> None:
    picked = (Service("svc-1", "Legal Aid", "215-555-0100", None, "https://example.org/help", "Legal help"),)
    who = person(PA_PAROLE)
    plan = plan_for(who, AS_OF, RELEASE, picked, lang="es")
    data = json.loads(json.dumps(plan_to_json(plan, who)))
    reopened, again = open_plan(data)
    assert reopened == plan and again == who
    english, _ = open_plan(data, "en")
    assert plan_text(english) == plan_text(plan_for(who, AS_OF, RELEASE, picked, lang="en"))


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"format": "other"}, "not a plan file"),
        ({"version": 9}, "version"),
        ({"as_of": "23/11/2026"}, "as_of"),
        ({"lang": "fr"}, "lang"),
        ({"services": [{"id": "x", "name": "n", "url": "javascript:alert(1)"}]}, "url"),
        ({"services": [{"id": "x", "name": "n", "extra": 1}]}, "unknown fields"),
        ({"record": None}, "no record"),
    ],
)
def test_a_bad_plan_file_is_refused_with_a_reason(change: dict[str, object], reason: str) -> None:
    who = person(CA_MISDEMEANOR)
    data = {**plan_to_json(plan_for(who, AS_OF), who), **change}
    with pytest.raises(PlanFileRefused, match=reason):
        open_plan(data)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_longest_demo_plan_prints_on_two_pages_at_most(lang: str) -> None:
    """luis (three cases) three weeks out, with three picked services: still one or two pages."""
    from importlib import resources

    from secondchance.records import load_people

    demo = str(resources.files("secondchance.examples").joinpath("people.json"))
    luis = next(p for p in load_people(demo, as_of=AS_OF) if p.id == "luis")
    services = [
        Service(str(i), f"Service {i}", f"213-555-010{i}", f"{i} Main St, Los Angeles, CA", None, "Legal help")
        for i in range(3)
    ]
    pdf = read_pdf(to_pdf(plan_for(luis, AS_OF, RELEASE, services, lang=lang)), "plan.pdf")
    assert pdf.pages <= 2


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    person_=people(),
    as_of=st.dates(date(2000, 1, 1), date(2035, 12, 31)),
    release_offset=st.one_of(st.none(), st.integers(-60, 60)),
)
@pytest.mark.slow
def test_any_plan_gives_a_calendar_of_what_is_ahead(person_: Person, as_of: date, release_offset: int | None) -> None:
    release = None if release_offset is None else as_of + timedelta(days=release_offset)
    try:
        plan = plan_for(person_, as_of, release)
    except LookupError:
        return
    events = Calendar.from_ical(to_ics(plan)).walk("VEVENT")
    assert len(events) == len([i for i in plan.dated if not i.past])
    for event in events:
        assert event.decoded("dtstart") >= as_of
        assert event.walk("VALARM")

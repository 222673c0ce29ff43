"""The plan's domain core: golden texts for the demo people, dates from the statutes, and properties."""

from __future__ import annotations

import os
from datetime import date, timedelta
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from plan_people import AS_OF, CA_MISDEMEANOR, PA_MISDEMEANOR, PA_PAROLE, RELEASE, person

from secondchance.plan import Service, plan_for
from secondchance.plan.build import add_months, supervision_after
from secondchance.plan.text import plan_text
from secondchance.records import Person, load_people
from secondchance.relief.params import resolve
from secondchance.testing.strategies import people

GOLDEN = Path(__file__).parent / "golden"
DEMO = str(resources.files("secondchance.examples").joinpath("people.json"))


def demo_people() -> list[Person]:
    return load_people(DEMO, as_of=AS_OF)


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("who", ["maria", "denise", "luis"])
def test_golden_plan_text(who: str, lang: str) -> None:
    """The demo people's plans, three weeks after a release on 2026-11-02 (UPDATE_GOLDEN=1 rewrites)."""
    person_ = next(p for p in demo_people() if p.id == who)
    text = plan_text(plan_for(person_, AS_OF, RELEASE, lang=lang))
    path = GOLDEN / f"{who}.{lang}.txt"
    if os.environ.get("UPDATE_GOLDEN") or not path.exists():
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"{path.name} changed; if intended, run with UPDATE_GOLDEN=1"


def test_spanish_plan_has_no_english_sentence_left() -> None:
    """Every generated sentence of the Spanish plan is translated (statute citations and case text aside)."""
    for person_ in [*demo_people(), person(PA_PAROLE), person(PA_MISDEMEANOR), person(CA_MISDEMEANOR)]:
        services = [Service("s1", "Legal Aid", "215-555-0100", "1 Main St", "https://example.org", "Legal help")]
        en = plan_for(person_, AS_OF, RELEASE, services, lang="en")
        es = plan_for(person_, AS_OF, RELEASE, services, lang="es")
        assert [i.id for i in en.items] == [i.id for i in es.items]
        for a, b in zip(en.items, es.items, strict=True):
            if a.section != "services":
                assert a.title != b.title, a.title
            assert a.text != b.text, a.text
            assert a.day == b.day and a.past == b.past


def test_pa_clean_slate_date_from_the_free_period() -> None:
    """18 Pa.C.S. § 9122.2(a)(1): sealed after the free period (a dated parameter) since the conviction;
    the plan says by when (one monthly cycle after) and when to check (a month later)."""
    plan = plan_for(person(PA_MISDEMEANOR), AS_OF)
    years = resolve("pa.clean_slate.misdemeanor_free_years", AS_OF)
    assert isinstance(years, int)
    qualifies = date(2020 + years, 1, 10)
    (item,) = [i for i in plan.items if i.kind == "automatic"]
    assert item.cite == "18 Pa.C.S. § 9122.2(a)(1)"
    assert item.day == add_months(qualifies, 2) == date(2027, 3, 10)
    assert "Clean Slate should seal case CP-51-CR-0000001-2019" in item.text
    assert "by February 10, 2027" in item.text and "Check on March 10, 2027" in item.text


def test_ca_automatic_relief_date_from_the_waiting_period() -> None:
    """Cal. Penal Code § 1203.425(a)(1)(B)(v)(II): a misdemeanor without probation qualifies once the
    waiting period (calendar years, a dated parameter) has passed since judgment."""
    plan = plan_for(person(CA_MISDEMEANOR), AS_OF)
    years = resolve("ca.pc_1203_425.misdemeanor_wait_years", AS_OF)
    assert isinstance(years, int)
    qualifies = date(2026 + years, 6, 1)
    (item,) = [i for i in plan.items if i.kind == "automatic"]
    assert item.cite is not None and item.cite.startswith("Cal. Penal Code § 1203.425")
    assert item.day == add_months(qualifies, 2)
    assert "California's automatic relief should clear case SF-26-0001" in item.text


def test_clean_slate_already_due_says_so_and_asks_to_check_now() -> None:
    """maria's withdrawn charge qualified when Clean Slate began (2019): already due, check now."""
    maria = next(p for p in demo_people() if p.id == "maria")
    plan = plan_for(maria, AS_OF)
    (item,) = [i for i in plan.items if i.kind == "automatic"]
    assert item.day == AS_OF and not item.past
    assert "should already have sealed case CP-51-CR-0001234-2009, charge 2" in item.text


def test_release_steps_follow_the_release_date_and_the_supervision() -> None:
    plan = plan_for(person(PA_PAROLE), AS_OF)  # the release is in the record
    assert plan.start == RELEASE
    steps = {i.kind: i for i in plan.section("release")}
    assert steps["report"].title == "Report to your parole officer"
    assert steps["report"].day == RELEASE + timedelta(days=1) and steps["report"].past
    birth, social, state_id = (steps[kind].day for kind in ("birth-certificate", "social-security", "state-id"))
    assert birth is not None and social is not None and state_id is not None
    assert birth < social < state_id
    assert "PennDOT" in steps["state-id"].text and "COMPASS" in steps["medicaid"].text
    later = plan_for(person(PA_PAROLE), AS_OF, release_date=AS_OF + timedelta(days=10))
    assert not any(i.past for i in later.section("release"))
    # No supervision in the record: no reporting step.
    assert "report" not in {i.kind for i in plan_for(person(CA_MISDEMEANOR), AS_OF, RELEASE).items}
    assert {i.kind for i in plan_for(person(CA_MISDEMEANOR), AS_OF, RELEASE).section("release")} >= {"medicaid", "snap"}


def test_no_release_steps_without_a_release() -> None:
    plan = plan_for(person(PA_MISDEMEANOR), AS_OF)
    assert plan.start is None and not plan.section("release")


def test_supervision_completed_or_ended_is_not_reported() -> None:
    rows = person(PA_PAROLE).rows()
    assert supervision_after(rows, RELEASE) == "parole"
    assert supervision_after(rows, date(2029, 1, 1)) is None
    done = [{**r, "probation_completed": True} for r in rows]
    assert supervision_after(done, RELEASE) is None


def test_services_keep_their_contact() -> None:
    picked = [Service("svc-9", "Reentry Center", "215-555-0199", "9 Elm St, Philadelphia, PA", None, "ID help")]
    plan = plan_for(person(PA_PAROLE), AS_OF, services=picked)
    (item,) = plan.section("services")
    assert item.phone == "215-555-0199" and item.address == "9 Elm St, Philadelphia, PA"
    assert "call 215-555-0199" in item.text and "For: ID help." in item.text
    assert item.id == "service:svc-9" and item.day is None


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    person_=people(),
    as_of=st.dates(date(2000, 1, 1), date(2035, 12, 31)),
    release_offset=st.one_of(st.none(), st.integers(-400, 400)),
    lang=st.sampled_from(["en", "es"]),
)
@pytest.mark.slow
def test_every_dated_item_is_ahead_or_marked_past(
    person_: Person, as_of: date, release_offset: int | None, lang: str
) -> None:
    release = None if release_offset is None else as_of + timedelta(days=release_offset)
    try:
        plan = plan_for(person_, as_of, release, lang=lang)
    except LookupError:  # a dated parameter not yet law on that day: no plan, as no screening
        return
    for item in plan.items:
        if item.day is not None:
            assert item.day >= as_of or item.past, item
            assert item.past == (item.day < as_of), item
    assert len({i.id for i in plan.items}) == len(plan.items)
    if release is not None:
        assert all(i.day is not None and i.day > release for i in plan.section("release"))


def _pa_charge(**changes: object) -> dict[str, Any]:
    """pat's case with its one charge changed (a made-up record)."""
    import copy

    raw: dict[str, Any] = copy.deepcopy(PA_MISDEMEANOR)
    raw["cases"][0]["charges"][0].update(changes)
    return raw


def test_clean_slate_non_conviction_is_timed_from_the_disposition() -> None:
    """18 Pa.C.S. § 9122.2(a)(2): a charge withdrawn on 2026-11-10 qualifies that day (not when Clean
    Slate began in 2019) and is sealed within 30 days of the disposition: by 2026-12-10, check a month later."""
    plan = plan_for(person(_pa_charge(disposition="withdrawn", disposition_date="2026-11-10")), AS_OF)
    (item,) = [i for i in plan.items if i.kind == "automatic"]
    assert item.cite == "18 Pa.C.S. § 9122.2(a)(2)"
    assert "by December 10, 2026 (it qualifies on November 10, 2026" in item.text
    assert "Check on January 10, 2027 that it did" in item.text
    assert item.day == date(2027, 1, 10) and not item.past


def test_clean_slate_non_conviction_disposed_a_day_ago_and_before_clean_slate() -> None:
    """Day-exact edges: disposed 2026-11-22 (the day before the as-of date) -> by 2026-12-22; disposed in
    2015, before Clean Slate began (2019-06-28) -> it qualified when the law began and is already due."""
    plan = plan_for(person(_pa_charge(disposition="dismissed", disposition_date="2026-11-22")), AS_OF)
    (item,) = [i for i in plan.items if i.kind == "automatic"]
    assert "by December 22, 2026" in item.text and item.day == date(2027, 1, 22)
    plan = plan_for(person(_pa_charge(disposition="withdrawn", disposition_date="2015-01-01")), AS_OF)
    (item,) = [i for i in plan.items if i.kind == "automatic"]
    assert "should already have sealed" in item.text and "it qualified on June 28, 2019" in item.text
    assert item.day == AS_OF


@pytest.mark.parametrize(
    ("judgment", "qualified", "by"),
    [
        # Act 36 of 2023: 5 years from 2024-06-11, 10 before. A 2016 judgment waited 10 years until the
        # act began, so it qualified on 2024-06-11 (not 2021-03-15, five years after).
        ("2016-03-15", "June 11, 2024", None),
        # A 2010 judgment qualified under the 10 years on 2020-03-15, before the act.
        ("2010-03-15", "March 15, 2020", None),
        # A 2020 judgment: five years, 2025-03-15, after the act began.
        ("2020-03-15", "March 15, 2025", None),
        # A 2022 judgment qualifies on 2027-03-15: sealed by the next monthly run, 2027-04-15.
        ("2022-03-15", "March 15, 2027", "April 15, 2027"),
    ],
)
def test_clean_slate_summary_conviction_dates_under_act_36(judgment: str, qualified: str, by: str | None) -> None:
    """18 Pa.C.S. § 9122.2(a)(3): a summary conviction, fines paid, sealed once the years since the
    judgment have passed, on the monthly run (§ 9122.2(b)(1))."""
    raw = _pa_charge(
        grade="S", statute="18 Pa.C.S. § 5503(a)(1)", description="Disorderly conduct", disposition_date=judgment
    )
    plan = plan_for(person(raw), AS_OF)
    (item,) = [i for i in plan.items if i.kind == "automatic"]
    assert item.cite == "18 Pa.C.S. § 9122.2(a)(3)"
    if by is None:
        said = "should already have sealed case CP-51-CR-0000001-2019, charge 1 (Disorderly conduct)"
        assert f"{said}: it qualified on {qualified}" in item.text
        assert item.day == AS_OF
    else:
        assert f"by {by} (it qualifies on {qualified}" in item.text and "Check on May 15, 2027" in item.text
        assert item.day == date(2027, 5, 15)

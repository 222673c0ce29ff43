"""Hypothesis strategies for records (shipped so code built on secondchance can test with them).

What a state's charges look like (grades, supervision kinds, sample citations) comes from its
descriptor (``relief/jurisdictions/<state>/``: ``State.grades``, ``State.synth``).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TypeVar

from hypothesis import strategies as st

from ..records.model import DISPOSITIONS, Case, Charge, Person, Sentence
from ..relief.jurisdictions import state, states

T = TypeVar("T")
LAST_DAY = date(2026, 11, 23)


def maybe(strategy: st.SearchStrategy[T], unknown: bool = True) -> st.SearchStrategy[T | None]:
    """``strategy`` or, now and then, unknown (None)."""
    return st.one_of(st.just(None), strategy) if unknown else strategy


def dates(start: date = date(1970, 1, 1), end: date = LAST_DAY) -> st.SearchStrategy[date]:
    return st.dates(min_value=start, max_value=end)


@st.composite
def charges(draw: st.DrawFn, jurisdiction: str, index: int, after: date) -> Charge:
    offense = draw(dates(after))
    decided = draw(st.dates(min_value=offense, max_value=min(offense + timedelta(days=900), LAST_DAY)))
    released = draw(st.dates(min_value=decided, max_value=min(decided + timedelta(days=4000), LAST_DAY)))
    place = state(jurisdiction)
    grades = place.grades
    statutes = place.synth.sample_statutes if place.synth is not None else ()
    granted = place.synth.sample_relief_granted if place.synth is not None else ()
    money = st.sampled_from((0.0, 0.0, 0.0, 25.0, 1250.0))
    jailed = draw(maybe(st.booleans()))
    kind = draw(maybe(st.sampled_from(place.supervision)))
    # probation_granted as the parser allows it beside the kind (docs/record-format.md#supervision)
    supervised = draw(maybe(st.booleans())) if kind is None else draw(maybe(st.just(kind == "probation")))
    if kind is not None and kind not in ("probation", "none"):
        supervised = None
    unsupervised = supervised is False or kind == "none"
    sentence = Sentence(
        incarcerated=jailed,
        incarceration_start=None if jailed is False else draw(maybe(st.just(decided))),
        incarceration_end=None if jailed is False else draw(maybe(st.just(released))),
        probation_granted=supervised,
        supervision=kind,
        probation_start=None if unsupervised else draw(maybe(st.just(released))),
        probation_end=None if unsupervised else draw(maybe(st.dates(min_value=released, max_value=LAST_DAY))),
        probation_completed=None if unsupervised else draw(maybe(st.booleans())),
        fines_costs_owed=draw(maybe(money)),
        restitution_owed=draw(maybe(money)),
        state_prison=draw(maybe(st.booleans())),
    )
    disposition = draw(maybe(st.sampled_from([d for d in DISPOSITIONS if d != "unknown"])))
    return Charge(
        id=str(index),
        statute=draw(maybe(st.sampled_from(statutes))) if statutes else None,
        grade=draw(maybe(st.sampled_from(grades))),
        offense_date=draw(maybe(st.just(offense))),
        disposition=disposition,
        disposition_date=draw(maybe(st.just(decided))),
        sentence=sentence,
        pardoned=draw(maybe(st.booleans())),
        relief_granted=draw(st.sampled_from(granted)) if granted else None,
    )


@st.composite
def people(draw: st.DrawFn, jurisdiction: str | None = None, max_cases: int = 4) -> Person:
    """A person with 1..max_cases cases of 1..3 charges each, facts sometimes unknown."""
    birth = draw(dates(date(1930, 1, 1), date(2004, 1, 1)))
    cases = []
    for case_index in range(draw(st.integers(1, max_cases))):
        place = jurisdiction or draw(st.sampled_from([s.code for s in states() if s.synth is not None]))
        adult = (
            birth.replace(year=birth.year + 18)
            if not (birth.month == 2 and birth.day == 29)
            else date(birth.year + 18, 3, 1)
        )
        count = draw(st.integers(1, 3))
        case_charges = tuple(draw(charges(place, i + 1, adult)) for i in range(count))
        arrest = min((c.offense_date for c in case_charges if c.offense_date), default=None)
        cases.append(
            Case(
                id=f"c{case_index + 1}",
                jurisdiction=place,
                county=draw(maybe(st.sampled_from(("Philadelphia", "Allegheny", "Los Angeles")))),
                arrest_date=arrest,
                charges=case_charges,
            )
        )
    died = draw(st.one_of(st.just(None), st.just(None), st.just(None), dates(date(2000, 1, 1))))
    last = max((c.disposition_date or c.offense_date or birth for case in cases for c in case.charges), default=birth)
    death = died if died is not None and died >= last and died > birth else None
    return Person(id="p1", birth_date=draw(maybe(st.just(birth))), death_date=death, cases=tuple(cases))

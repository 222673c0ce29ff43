"""Hypothesis strategies for records (shipped so code built on secondchance can test with them)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TypeVar

from hypothesis import strategies as st

from ..records.model import (
    CA_GRADES,
    DISPOSITIONS,
    PA_GRADES,
    SUPERVISION_BY_JURISDICTION,
    Case,
    Charge,
    Person,
    Sentence,
)

T = TypeVar("T")
LAST_DAY = date(2026, 11, 23)

PA_STATUTES = (
    "18 Pa.C.S. § 3929(a)(1)",
    "18 Pa.C.S. § 3925(a)",
    "18 Pa.C.S. § 2701(a)(1)",
    "18 Pa.C.S. § 2702(a)(1)",
    "18 Pa.C.S. § 3502(a)(1)",
    "18 Pa.C.S. § 5503(a)(1)",
    "18 Pa.C.S. § 6105(a)(1)",
    "18 Pa.C.S. § 3121(a)(1)",
    "18 Pa.C.S. § 4304(a)(1)",
    "18 Pa.C.S. § 6308(a)",
    "35 P.S. § 780-113(a)(16)",
    "35 P.S. § 780-113(a)(30)",
    "75 Pa.C.S. § 3802(a)(1)",
)
CA_STATUTES = (
    "PC 459",
    "PC 484(a)",
    "PC 487(a)",
    "PC 245(a)(1)",
    "PC 242",
    "PC 211",
    "PC 288(a)",
    "PC 273.5(a)",
    "HS 11350(a)",
    "HS 11357(a)",
    "HS 11359(b)",
    "HS 11360(a)",
    "VC 23152(a)",
    "VC 14601.1(a)",
)


def maybe(strategy: st.SearchStrategy[T], unknown: bool = True) -> st.SearchStrategy[T | None]:
    """``strategy`` or, now and then, unknown (None)."""
    return st.one_of(st.just(None), strategy) if unknown else strategy


def dates(start: date = date(1970, 1, 1), end: date = LAST_DAY) -> st.SearchStrategy[date]:
    return st.dates(min_value=start, max_value=end)


#: ``relief_granted`` values (canonical, as records.parse writes them); mostly absent, as on most records.
CA_GRANTS: tuple[str | None, ...] = (
    *(None,) * 8,
    "PC-1203.4",
    "PC-17(B);PC-1203.4",
    "PC-1203.425",
    "PC-851.91",
    "PC-1170.18",
    "HS-11361.8",
)


@st.composite
def charges(draw: st.DrawFn, jurisdiction: str, index: int, after: date) -> Charge:
    offense = draw(dates(after))
    decided = draw(st.dates(min_value=offense, max_value=min(offense + timedelta(days=900), LAST_DAY)))
    released = draw(st.dates(min_value=decided, max_value=min(decided + timedelta(days=4000), LAST_DAY)))
    grades = PA_GRADES if jurisdiction == "PA" else CA_GRADES
    statutes = PA_STATUTES if jurisdiction == "PA" else CA_STATUTES
    money = st.sampled_from((0.0, 0.0, 0.0, 25.0, 1250.0))
    jailed = draw(maybe(st.booleans()))
    kind = draw(maybe(st.sampled_from(SUPERVISION_BY_JURISDICTION[jurisdiction])))
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
        statute=draw(maybe(st.sampled_from(statutes))),
        grade=draw(maybe(st.sampled_from(grades))),
        offense_date=draw(maybe(st.just(offense))),
        disposition=disposition,
        disposition_date=draw(maybe(st.just(decided))),
        sentence=sentence,
        pardoned=draw(maybe(st.booleans())),
        relief_granted=draw(st.sampled_from(CA_GRANTS)) if jurisdiction == "CA" else None,
    )


@st.composite
def people(draw: st.DrawFn, jurisdiction: str | None = None, max_cases: int = 4) -> Person:
    """A person with 1..max_cases cases of 1..3 charges each, facts sometimes unknown."""
    birth = draw(dates(date(1930, 1, 1), date(2004, 1, 1)))
    cases = []
    for case_index in range(draw(st.integers(1, max_cases))):
        place = jurisdiction or draw(st.sampled_from(("PA", "CA")))
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

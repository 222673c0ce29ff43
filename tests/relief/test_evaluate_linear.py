"""The per-person engine's aggregate index (``_Held``) answers exactly as the plain loops do, and keeps
screening near-linear in a person's charges (500 charges once took 20 s). The growth is counted in
function calls, not timed, so the test says the same on an idle machine and a loaded one; the time
itself is measured in ``make bench``."""

from __future__ import annotations

import cProfile
import pstats
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from secondchance.records.model import Case, Charge, Person, Sentence
from secondchance.relief import screen
from secondchance.relief.evaluate import Evaluator
from secondchance.testing.strategies import LAST_DAY, people


def _plain(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Evaluator, "_held_for", lambda self, node, rows: None)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    person=st.one_of(people("PA", max_cases=6), people("CA", max_cases=6)),
    as_of=st.sampled_from([LAST_DAY, date(2012, 6, 30)]),
)
@pytest.mark.slow
def test_indexed_aggregates_answer_as_the_plain_loops(
    monkeypatch: pytest.MonkeyPatch, person: Person, as_of: date
) -> None:
    fast = screen(person, as_of)
    with monkeypatch.context() as patched:
        _plain(patched)
        plain = screen(person, as_of)
    assert fast == plain


def _many(n: int) -> Person:
    charges = tuple(
        Charge(
            id=str(i),
            statute="18 Pa.C.S. § 3929(a)(1)",
            grade="M2",
            disposition="convicted" if i % 2 else "dismissed",
            disposition_date=date(2000 + i % 20, 1 + i % 9, 15),
            sentence=Sentence(fines_costs_owed=0.0, restitution_owed=0.0, probation_granted=False, incarcerated=False),
        )
        for i in range(n)
    )
    return Person(id="p", birth_date=date(1970, 1, 1), cases=(Case(id="c", jurisdiction="PA", charges=charges),))


def _calls(person: Person) -> int:
    profile = cProfile.Profile()
    profile.runcall(screen, person, LAST_DAY)
    return int(pstats.Stats(profile).total_calls)  # type: ignore[attr-defined]


@pytest.mark.slow
def test_screening_work_grows_about_linearly_with_charges() -> None:
    screen(_many(5), LAST_DAY)  # warm caches, so every count is of the screening alone
    calls = {n: _calls(_many(n)) for n in (50, 150, 250)}
    # The same 100 more charges cost about the same more calls when the work is linear (measured: 1.13x);
    # quadratic work would cost (250² - 150²) / (150² - 50²) = 2x as many for the second hundred.
    first, second = calls[150] - calls[50], calls[250] - calls[150]
    assert second < 1.5 * first, calls

"""The bulk engine and the per-person explainer agree on every field of every charge.

Synthetic people of every state with a profile (``bulk/synth.py``) are screened by the explainer
(``relief.screen``, one ``Person`` at a time) and by ``evaluate_frame`` (the whole table
at once), over every registered rule, at as-of dates on both sides of dated parameter changes.
The rule set is whatever ``relief.jurisdictions.RULES`` holds, so new rules are covered as they land.
"""

from __future__ import annotations

import functools
import multiprocessing
import os
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from typing import Any

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from secondchance.bulk.evaluate import evaluate_frame
from secondchance.bulk.schema import CHARGE_SCHEMA
from secondchance.bulk.synth import synth_charges
from secondchance.records.model import (
    CHARGE_FIELDS,
    SENTENCE_FIELDS,
    SUPERVISION_BY_JURISDICTION,
    Case,
    Charge,
    Person,
    Sentence,
)
from secondchance.relief import screen
from secondchance.relief.jurisdictions import state, states

#: As-of dates: before and after the dated parameter changes, and the extract date of the data.
AS_OF = (date(2023, 6, 1), date(2024, 2, 12), date(2026, 11, 23), date(2028, 3, 1))
#: Every registered state with a synthetic-record profile (``State.synth``): a new state is covered as it lands.
SYNTH_STATES = [s.code for s in states() if s.synth is not None]
#: People per jurisdiction: the full run (20,000 in all, shared by the states) and the quick one (1,000 each).
FULL, QUICK = 20_000 // max(len(SYNTH_STATES), 1), 1_000

Key = tuple[str, str, str, str]
Fields = tuple[Any, ...]


def people_from_frame(frame: pl.DataFrame) -> list[Person]:
    """Person objects from a charge frame: cases and charges in order of first appearance."""
    names = list(CHARGE_SCHEMA)
    people: dict[str, tuple[dict[str, Any], dict[str, tuple[dict[str, Any], list[Charge]]]]] = {}
    for values in frame.iter_rows():
        row = dict(zip(names, values, strict=True))
        person = people.setdefault(
            row["person_id"], ({"birth_date": row["birth_date"], "death_date": row["death_date"]}, {})
        )
        case = person[1].setdefault(
            row["case_id"],
            ({"jurisdiction": row["jurisdiction"], "county": row["county"], "arrest_date": row["arrest_date"]}, []),
        )
        sentence = Sentence(**{k: row[k] for k in SENTENCE_FIELDS})
        case[1].append(Charge(id=row["charge_id"], sentence=sentence, **{k: row[k] for k in CHARGE_FIELDS}))
    return [
        Person(
            id=pid,
            cases=tuple(Case(id=cid, charges=tuple(charges), **facts) for cid, (facts, charges) in cases.items()),
            **person_facts,
        )
        for pid, (person_facts, cases) in people.items()
    ]


def explainer_results(people: list[Person], as_of: date) -> dict[Key, Fields]:
    """The explainer's results, screening people in parallel processes (it takes ~0.01-0.03 s a person)."""
    workers = min(2, os.cpu_count() or 1)
    if workers < 2 or len(people) < 200:
        return _explain(people, as_of)
    chunks = [people[i::workers] for i in range(workers)]
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
        out: dict[Key, Fields] = {}
        for part in pool.map(_explain, chunks, [as_of] * workers):
            out.update(part)
    return out


def _explain(people: Iterable[Person], as_of: date) -> dict[Key, Fields]:
    out: dict[Key, Fields] = {}
    for person in people:
        for charge in screen(person, as_of).charges:
            for r in charge.results:
                key = (person.id, str(charge.row["case_id"]), str(charge.row["charge_id"]), r.rule.id)
                reasons = tuple(c.id for c in r.trace if c.holds is False)
                out[key] = (
                    r.rule.relief.value,
                    r.status.value,
                    r.eligible_on,
                    r.rule.section,
                    r.rule.automatic,
                    r.missing,
                    reasons,
                )
    return out


def bulk_results(frame: pl.DataFrame, as_of: date) -> dict[Key, Fields]:
    result = evaluate_frame(frame, as_of)
    out: dict[Key, Fields] = {}
    for row in result.iter_rows(named=True):
        key = (row["person_id"], row["case_id"], row["charge_id"], row["rule"])
        assert key not in out, f"duplicate result row {key}"
        out[key] = (
            row["relief"],
            row["status"],
            row["eligible_on"],
            row["section"],
            row["automatic"],
            tuple(row["missing"]),
            tuple(row["reasons"]),
        )
    return out


FIELDS = ("relief", "status", "eligible_on", "section", "automatic", "missing", "reasons")


def assert_agree(frame: pl.DataFrame, people: list[Person], as_of: date) -> int:
    expected = explainer_results(people, as_of)
    got = bulk_results(frame, as_of)
    assert set(got) == set(expected), (
        f"as of {as_of}: only bulk {sorted(set(got) - set(expected))[:5]}, "
        f"only explainer {sorted(set(expected) - set(got))[:5]}"
    )
    wrong = [key for key in expected if got[key] != expected[key]]
    if wrong:
        lines = []
        for key in wrong[:8]:
            diff = {f: (b, e) for f, b, e in zip(FIELDS, got[key], expected[key], strict=True) if b != e}
            lines.append(f"  {key}: (bulk, explainer) {diff}")
        raise AssertionError(f"as of {as_of}: {len(wrong)} of {len(expected)} results differ:\n" + "\n".join(lines))
    return len(expected)


def check_population(jurisdiction: str, people_count: int) -> None:
    """Screen ``people_count`` synthetic people; each as-of date takes its share of them."""
    frame = synth_charges(people_count, jurisdiction, seed=2026)
    people = people_from_frame(frame)
    assert len(people) == people_count
    checked = 0
    for index, as_of in enumerate(AS_OF):
        chosen = people[index :: len(AS_OF)]
        ids = pl.Series([p.id for p in chosen]).implode()
        checked += assert_agree(frame.filter(pl.col("person_id").is_in(ids)), chosen, as_of)
    assert checked > people_count


@pytest.mark.slow
@pytest.mark.parametrize("jurisdiction", SYNTH_STATES)
def test_bulk_agrees_with_explainer(jurisdiction: str) -> None:
    check_population(jurisdiction, QUICK)


# 10,000 people a state (20,000 for PA and CA), in every CI run (about 4 minutes on 2 cores).
@pytest.mark.slow
@pytest.mark.parametrize("jurisdiction", SYNTH_STATES)
def test_bulk_agrees_with_explainer_20000_people(jurisdiction: str) -> None:
    check_population(jurisdiction, FULL)


@pytest.mark.slow
def test_mixed_jurisdictions_in_one_person() -> None:
    """A person with PA and CA cases (and a case of unknown state): aggregates see every charge."""
    pa = synth_charges(300, "PA", seed=8)
    ca = synth_charges(300, "CA", seed=8)
    persons = pa.select("person_id", "birth_date", "death_date").unique("person_id", maintain_order=True)
    ca_ids = ca["person_id"].unique(maintain_order=True)
    mapping = pl.DataFrame({"ca_id": ca_ids, "person_id": persons["person_id"].head(ca_ids.len())})
    moved = (
        ca.join(mapping, left_on="person_id", right_on="ca_id", suffix="_pa")
        .drop("person_id", "birth_date", "death_date")
        .rename({"person_id_pa": "person_id"})
        .join(persons, on="person_id")
        .with_columns(
            case_id="CA-" + pl.col("case_id"),
            # whole cases of unknown state (jurisdiction is a fact of the case)
            jurisdiction=pl.when(pl.col("case_id").str.ends_with("7")).then(None).otherwise(pl.col("jurisdiction")),
        )
        .select(list(CHARGE_SCHEMA))
    )
    frame = pl.concat([pa, moved]).sort("person_id", maintain_order=True)
    people = people_from_frame(frame)
    for as_of in (date(2023, 6, 1), date(2026, 11, 23)):
        assert assert_agree(frame, people, as_of) > 0


@pytest.mark.slow
def test_missouri_and_pennsylvania_cases_in_one_person() -> None:
    """A person with MO and PA cases: each case under its own state's rules, aggregates across both."""
    mo = synth_charges(300, "MO", seed=9)
    pa = synth_charges(300, "PA", seed=9)
    persons = mo.select("person_id", "birth_date", "death_date").unique("person_id", maintain_order=True)
    pa_ids = pa["person_id"].unique(maintain_order=True)
    mapping = pl.DataFrame({"pa_id": pa_ids, "person_id": persons["person_id"].head(pa_ids.len())})
    moved = (
        pa.join(mapping, left_on="person_id", right_on="pa_id", suffix="_mo")
        .drop("person_id", "birth_date", "death_date")
        .rename({"person_id_mo": "person_id"})
        .join(persons, on="person_id")
        .with_columns(case_id="PA-" + pl.col("case_id"))
        .select(list(CHARGE_SCHEMA))
    )
    frame = pl.concat([mo, moved]).sort("person_id", maintain_order=True)
    people = people_from_frame(frame)
    for as_of in (date(2024, 12, 31), date(2026, 11, 23)):
        assert assert_agree(frame, people, as_of) > 0


# ---------------------------------------------------------------------------- properties

_DAYS = st.dates(date(1940, 1, 1), date(2027, 12, 31))


def _maybe(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.none(), strategy)


@functools.cache
def _statutes(jurisdiction: str) -> list[str]:
    return list(synth_charges(300, jurisdiction, seed=1)["statute"].drop_nulls().unique().sort())


@st.composite
def small_people(draw: st.DrawFn, jurisdiction: str) -> pl.DataFrame:
    """A few people with a few cases each, every fact drawn from the values rules care about, or unknown."""
    statutes = _statutes(jurisdiction)
    grades = state(jurisdiction).grades
    profile = state(jurisdiction).synth
    # Louisiana's set-asides open expungement paths: drawn there (other states' draws are as they were)
    grants = profile.sample_relief_granted if jurisdiction == "LA" and profile is not None else (None,)
    dispositions = (
        "convicted",
        "not_guilty",
        "dismissed",
        "withdrawn",
        "nolle_prossed",
        "diversion_completed",
        "pending",
    )
    rows = []
    for p in range(draw(st.integers(1, 3))):
        birth, death = draw(_maybe(_DAYS)), draw(st.one_of(st.none(), st.none(), _DAYS))
        for c in range(draw(st.integers(1, 3))):
            arrest = draw(_maybe(_DAYS))
            for h in range(draw(st.integers(1, 3))):
                rows.append(
                    {
                        "person_id": f"p{p}",
                        "birth_date": birth,
                        "death_date": death,
                        "case_id": f"c{c}",
                        "jurisdiction": jurisdiction,
                        "county": None,
                        "arrest_date": arrest,
                        "charge_id": str(h + 1),
                        "statute": draw(_maybe(st.sampled_from(statutes))),
                        "description": None,
                        "grade": draw(_maybe(st.sampled_from(grades))),
                        "offense_date": draw(_maybe(_DAYS)),
                        "disposition": draw(_maybe(st.sampled_from(dispositions))),
                        "disposition_date": draw(_maybe(_DAYS)),
                        "incarceration_start": draw(_maybe(_DAYS)),
                        "incarceration_end": draw(_maybe(_DAYS)),
                        "supervision": draw(_maybe(st.sampled_from(SUPERVISION_BY_JURISDICTION[jurisdiction]))),
                        "probation_start": draw(_maybe(_DAYS)),
                        "probation_end": draw(_maybe(_DAYS)),
                        "probation_completed": draw(_maybe(st.booleans())),
                        "fines_costs_owed": draw(_maybe(st.sampled_from([0.0, 0.5, 100.0, 1000.0]))),
                        "restitution_owed": draw(_maybe(st.sampled_from([0.0, 0.5, 100.0]))),
                        "state_prison": draw(_maybe(st.booleans())),
                        "pardoned": draw(_maybe(st.booleans())),
                        "incarcerated": draw(_maybe(st.booleans())) if jurisdiction == "LA" else None,
                        "relief_granted": draw(st.sampled_from(grants)),
                    }
                )
    return pl.DataFrame(rows, schema=CHARGE_SCHEMA)


@pytest.mark.slow
@pytest.mark.parametrize("jurisdiction", SYNTH_STATES)
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), as_of=st.sampled_from(AS_OF))
def test_random_small_people_agree(jurisdiction: str, data: st.DataObject, as_of: date) -> None:
    frame = data.draw(small_people(jurisdiction))
    assert_agree(frame, people_from_frame(frame), as_of)

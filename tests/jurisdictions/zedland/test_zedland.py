"""A fictional state added as one folder works end to end: screen, bulk engine, web interview.

Zedland (``zz/``, next to this file) is registered from its folder, exactly as CONTRIBUTING.md
says a new state is added; nothing outside this folder knows it. Each test registers it and
removes it again, so the rest of the suite sees only the packaged states.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import warnings
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from typer.testing import CliRunner

from secondchance.bulk.evaluate import evaluate_frame
from secondchance.bulk.schema import CHARGE_SCHEMA
from secondchance.bulk.synth import synth_charges
from secondchance.cli import app
from secondchance.records import people_from_csv, people_from_json
from secondchance.relief import screen
from secondchance.relief.jurisdictions import (
    STATES,
    State,
    read_citation,
    register,
    rules_for,
    state,
    unregister,
)
from secondchance.testing import state_cases

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from secondchance.web.app import create_app
from secondchance.web.settings import Settings

FOLDER = Path(__file__).parent / "zz"
AS_OF = date(2026, 11, 23)


@pytest.fixture
def zedland() -> Iterator[State]:
    found = register(FOLDER)
    try:
        yield found
    finally:
        unregister("ZZ")


def test_registering_the_folder_makes_a_state(zedland: State) -> None:
    assert state("zz") is zedland and zedland.name == "Zedland"
    assert [r.id for r in rules_for("ZZ", AS_OF)] == ["ZZ-10-a-nonconviction", "ZZ-11-a-petty"]
    assert read_citation("Zed. Code § 3-4(a)", "ZZ") == read_citation("ZC 3-4 (a)") == "ZED-3-4(A)"
    assert read_citation("ZC 3-4", "PA") is None  # a state's charges are read by its own grammar only


def test_unregistered_it_is_gone() -> None:
    assert "ZZ" not in STATES
    register(FOLDER)
    unregister("ZZ")
    assert "ZZ" not in STATES and read_citation("ZC 3-4") is None


def test_its_cases_pass_in_the_explainer_and_the_bulk_engine(zedland: State) -> None:
    cases = state_cases(["ZZ"])
    assert len(cases) == 8
    for number, case in enumerate(cases):
        assert case.person.cases[0].jurisdiction == "ZZ"
        results = {r.rule.id: r for c in screen(case.person, case.as_of).charges for r in c.results}
        frame = pl.DataFrame(
            [{**row, "person_id": f"case{number}"} for row in case.person.rows()], schema=CHARGE_SCHEMA
        )
        bulk = {row["rule"]: row for row in evaluate_frame(frame, case.as_of).iter_rows(named=True)}
        for expect in case.expect:
            rule_id = str(expect.get("rule", case.rule))
            result, row = results[rule_id], bulk[rule_id]
            failed = sorted(c.id for c in result.trace if c.holds is False)
            assert result.status.value == row["status"] == expect["status"], (case.name, failed)
            assert result.eligible_on == row["eligible_on"] == expect.get("eligible_on", result.eligible_on)
            assert list(result.missing) == row["missing"] == list(expect.get("missing", result.missing))
            assert failed == sorted(row["reasons"]) == sorted(expect.get("failed", failed)), case.name


def test_grades_are_read_in_any_case_and_checked(zedland: State) -> None:
    rows = "person_id,case_id,charge_id,jurisdiction,grade\np,c,1,zz,PETTY\n"
    assert people_from_csv(rows)[0].cases[0].charges[0].grade == "petty"
    record = {"id": "p", "cases": [{"id": "c", "jurisdiction": "ZZ", "charges": [{"id": "1", "grade": "M2"}]}]}
    with pytest.raises(ValueError, match="unknown ZZ grade 'm2'; one of crime, petty"):
        people_from_json(record)


def test_screen_on_the_command_line(zedland: State, tmp_path: Path) -> None:
    record = tmp_path / "z.csv"
    record.write_text(
        "person_id,case_id,charge_id,jurisdiction,statute,grade,disposition,disposition_date\n"
        "p,c,1,ZZ,ZC 5-2,petty,convicted,2020-01-01\n"
        "p,c,2,ZZ,ZC 3-4,crime,dismissed,2020-01-01\n"
    )
    result = CliRunner().invoke(app, ["screen", str(record), "--as-of", "2026-11-23", "--format", "json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    person = payload[0] if isinstance(payload, list) else payload
    statuses = {(c["charge_id"], r["rule"]): r["status"] for c in person["charges"] for r in c["results"]}
    assert statuses[("1", "ZZ-11-a-petty")] == "eligible_now"
    assert statuses[("2", "ZZ-10-a-nonconviction")] == "eligible_now"
    listed = CliRunner().invoke(app, ["rules", "list", "--jurisdiction", "zz", "--format", "json"])
    assert [r["id"] for r in json.loads(listed.stdout)] == ["ZZ-10-a-nonconviction", "ZZ-11-a-petty"]


def _explained(people: list[Any], as_of: date) -> dict[tuple[str, ...], tuple[Any, ...]]:
    return {
        (person.id, str(c.row["case_id"]), str(c.row["charge_id"]), r.rule.id): (
            r.status.value,
            r.eligible_on,
            tuple(r.missing),
            tuple(sorted(x.id for x in r.trace if x.holds is False)),
        )
        for person in people
        for c in screen(person, as_of).charges
        for r in c.results
    }


def test_synthetic_people_agree_in_both_engines(zedland: State) -> None:
    frame = synth_charges(150, "ZZ", seed=5)
    assert set(frame["jurisdiction"]) == {"ZZ"} and set(frame["grade"].drop_nulls()) <= {"crime", "petty"}
    assert all(re.fullmatch(r"Z0[12]-\d{4}-\d{6}", c) for c in frame["case_id"])
    by_person: dict[str, list[dict[str, Any]]] = {}
    for row in frame.iter_rows(named=True):
        by_person.setdefault(row["person_id"], []).append(row)
    people = [_person(pid, charges) for pid, charges in by_person.items()]
    for as_of in (date(2024, 12, 31), AS_OF):
        bulk = {
            (row["person_id"], row["case_id"], row["charge_id"], row["rule"]): (
                row["status"],
                row["eligible_on"],
                tuple(row["missing"]),
                tuple(sorted(row["reasons"])),
            )
            for row in evaluate_frame(frame, as_of).iter_rows(named=True)
        }
        expected = _explained(people, as_of)
        assert bulk == expected
        assert {key[3] for key in bulk} == {"ZZ-10-a-nonconviction", "ZZ-11-a-petty"}


def _person(pid: str, rows: list[dict[str, Any]]) -> Any:
    """A Person from synthetic charge rows, through the record parser (as a CSV of them would be read)."""
    cases: dict[str, dict[str, Any]] = {}
    for row in rows:
        case = cases.setdefault(
            row["case_id"],
            {"id": row["case_id"], "jurisdiction": row["jurisdiction"], "county": row["county"], "charges": []},
        )
        if row["arrest_date"] is not None:
            case["arrest_date"] = row["arrest_date"].isoformat()
        charge: dict[str, Any] = {"id": row["charge_id"], "sentence": {}}
        for name in ("statute", "description", "grade", "offense_date", "disposition", "disposition_date", "pardoned"):
            if row[name] is not None:
                charge[name] = row[name].isoformat() if isinstance(row[name], date) else row[name]
        for name in (
            "incarcerated",
            "incarceration_start",
            "incarceration_end",
            "probation_granted",
            "supervision",
            "probation_start",
            "probation_end",
            "probation_completed",
            "fines_costs_owed",
            "restitution_owed",
            "state_prison",
        ):
            if row[name] is not None:
                charge["sentence"][name] = row[name].isoformat() if isinstance(row[name], date) else row[name]
        case["charges"].append(charge)
    person: dict[str, Any] = {"id": pid, "cases": list(cases.values())}
    for name in ("birth_date", "death_date"):
        if rows[0][name] is not None:
            person[name] = rows[0][name].isoformat()
    return people_from_json(person)[0]


HIDDEN = re.compile(r'<input type="hidden" name="(interview|csrf_token)" value="([^"]*)">')


def test_the_web_interview_offers_it_with_its_grades(zedland: State) -> None:
    settings = Settings(secret_key="test-secret", max_body_bytes=50_000, max_charges=25)
    with TestClient(create_app(settings)) as client:
        page = client.get("/check")

        def post(**answers: str) -> str:
            nonlocal page
            data = {**dict(HIDDEN.findall(page.text)), "action": "next", **answers}
            page = client.post("/check", data=data)
            assert page.status_code == 200
            return str(page.text)

        post()  # intro
        assert 'value="ZZ"' in page.text and "Zedland" in page.text
        post(state="ZZ")
        post(birth="1984-05-02")
        text = post(description="Loitering", statute="ZC 5-2")
        assert "Petty offence" in text and "A fine only. For example: loitering." in text
        assert "Wobbler" not in text and "(M2)" not in text
        post(grade="petty")
        post(disposition="convicted")
        post(disposition_date="2019-01-15")
        text = post(jail="no")
        assert "Post-release community supervision" not in text  # Zedland has no PRCS
        post(probation="no")
        post(fines="no")
        post(restitution="no")
        post(pardon="no")
        text = post(another="done")
        assert "<title>Your results · secondchance</title>" in text
        assert 'href="/rules/ZZ-11-a-petty"' in text
        assert "Petty offence" in text  # the grade as Zedland names it
        api = client.get("/api/v1/jurisdictions").json()
        assert {"code": "ZZ", "name": "Zedland", "rules": 2} in api


def test_the_environment_variable_registers_it_at_startup() -> None:
    """``SECONDCHANCE_STATES`` (folders, ``os.pathsep``-separated) adds states to every command, e.g. ``serve``."""
    cli = Path(sys.executable).parent / "secondchance"
    env = {**os.environ, "SECONDCHANCE_STATES": str(FOLDER)}
    listed = subprocess.run(
        [str(cli), "rules", "list", "-j", "ZZ", "--format", "json"], env=env, capture_output=True, text=True, check=True
    )
    assert [r["id"] for r in json.loads(listed.stdout)] == ["ZZ-10-a-nonconviction", "ZZ-11-a-petty"]

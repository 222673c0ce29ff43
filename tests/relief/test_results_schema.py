"""Screening results: a JSON Schema every result follows (docs/relief-results.md is written from it),
and a small golden file of the bundled examples without traces (the answers, not the wording of each check)."""

from __future__ import annotations

import hashlib
import json
import os
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings

from secondchance import __version__
from secondchance.records import load_people
from secondchance.relief import screen, to_json
from secondchance.testing.cases import state_cases
from secondchance.testing.strategies import people

GOLDEN = Path(__file__).parents[1] / "golden" / "screen_examples.json"
STAMP = GOLDEN.with_name("screen_examples.version.json")  # the version that wrote GOLDEN, and its hash
EXAMPLES = str(resources.files("secondchance.examples").joinpath("people.json"))
AS_OF = date(2026, 11, 23)
SCHEMA = json.loads(resources.files("secondchance.relief").joinpath("results.schema.json").read_text("utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker())


def problems(payload: dict[str, Any]) -> list[str]:
    return [f"{e.json_path}: {e.message}" for e in VALIDATOR.iter_errors(payload)]


def brief_examples() -> str:
    """The examples' screenings without traces, one result a line (a change shows as the lines it changed)."""
    people = []
    for person in load_people(EXAMPLES, AS_OF):
        payload = to_json(screen(person, AS_OF), with_trace=False)
        charges = []
        for charge in payload.pop("charges"):
            results = ",\n".join("   " + compact(r) for r in charge.pop("results"))
            charges.append(f'  {compact(charge)[:-1]}, "results": [\n{results}\n  ]}}')
        paths = ",\n".join("  " + compact(p) for p in payload.pop("remaining_paths"))
        people.append(
            f'{compact(payload)[:-1]}, "charges": [\n'
            + ",\n".join(charges)
            + f'\n ], "remaining_paths": [\n{paths}\n ]}}'
        )
    return "[\n" + ",\n".join(people) + "\n]\n"


def compact(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))


def test_the_schema_is_a_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_the_examples_match_the_golden_file() -> None:
    """After an intended change of results: ``UPDATE_GOLDEN=1 pytest tests/relief/test_results_schema.py``."""
    text = brief_examples()
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.write_text(text, encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8"), "screen_examples.json changed; if intended, UPDATE_GOLDEN=1"
    assert not [p for person in json.loads(text) for p in problems(person)]


def test_changed_results_come_with_a_new_version() -> None:
    """The golden file records the version that wrote it: results that change need a bump of
    ``secondchance.__version__`` (and a CHANGELOG.md entry) before ``UPDATE_GOLDEN=1`` takes them."""
    digest = hashlib.sha256(GOLDEN.read_bytes()).hexdigest()
    stamp = json.loads(STAMP.read_text(encoding="utf-8"))
    if os.environ.get("UPDATE_GOLDEN") and stamp != {"version": __version__, "sha256": digest}:
        assert stamp["sha256"] == digest or stamp["version"] != __version__, "results changed: bump __version__"
        stamp = {"version": __version__, "sha256": digest}
        STAMP.write_text(json.dumps(stamp, indent=1) + "\n", encoding="utf-8")
    assert stamp == {"version": __version__, "sha256": digest}, (
        "results changed: bump __version__, then UPDATE_GOLDEN=1"
    )


@pytest.mark.slow
def test_every_legislation_case_gives_results_the_schema_describes() -> None:
    for case in state_cases():
        payload = to_json(screen(case.person, case.as_of), with_trace=True)
        assert not problems(payload), (case.file, case.name, problems(payload)[:3])


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(person=people())
def test_any_person_gives_results_the_schema_describes(person: Any) -> None:
    for with_trace in (True, False):
        assert not problems(to_json(screen(person, AS_OF), with_trace=with_trace))


def test_the_schema_refuses_what_is_not_a_result() -> None:
    """The schema decides: a misspelled status, a field it does not know, a date that is not one."""
    payload = json.loads(brief_examples())[0]
    result = payload["charges"][0]["results"][0]
    for change in ({"status": "eligible"}, {"colour": "red"}, {"eligible_on": "2026-13-01"}):
        bad = json.loads(json.dumps(payload))
        bad["charges"][0]["results"][0] = {**result, **change}
        assert problems(bad), change

"""The CLI as a person and a machine use it: exit codes, errors, and golden outputs.

The golden file of results is tests/golden/screen_examples.json (without traces; after an intended
change, ``UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/relief/test_results_schema.py``).
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from secondchance.cli import app
from secondchance.relief import RULES

GOLDEN = Path(__file__).parent / "golden"
EXAMPLES = str(resources.files("secondchance.examples").joinpath("people.json"))
runner = CliRunner()


def test_screen_json_matches_golden() -> None:
    """The CLI's JSON is the explainer's: the golden answers, and a trace for every result."""
    result = runner.invoke(app, ["screen", EXAMPLES, "--as-of", "2026-11-23", "--format", "json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert [p["person_id"] for p in payload] == ["maria", "denise", "luis", "odette"]
    traces = [r.pop("trace") for p in payload for c in p["charges"] for r in c["results"]]
    assert all(traces)
    assert payload == json.loads((GOLDEN / "screen_examples.json").read_text(encoding="utf-8"))


def test_screen_json_no_trace_leaves_the_traces_out() -> None:
    """``--no-trace`` does what its help says: the same JSON without traces (the golden answers, in the
    documented schema); ``--trace`` is the default's JSON."""
    args = ["screen", EXAMPLES, "--as-of", "2026-11-23", "--format", "json"]
    bare = runner.invoke(app, [*args, "--no-trace"])
    assert bare.exit_code == 0, bare.output
    payload = json.loads(bare.stdout)
    assert all("trace" not in r for p in payload for c in p["charges"] for r in c["results"])
    assert payload == json.loads((GOLDEN / "screen_examples.json").read_text(encoding="utf-8"))
    schema = json.loads(resources.files("secondchance.relief").joinpath("results.schema.json").read_text("utf-8"))
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    assert [e.message for p in payload for e in validator.iter_errors(p)] == []
    one = runner.invoke(app, [*args, "--no-trace", "--person", "denise"])
    assert one.exit_code == 0 and json.loads(one.stdout) == payload[1]
    traced = runner.invoke(app, [*args, "--trace"])
    assert traced.exit_code == 0 and traced.stdout == runner.invoke(app, args).stdout


def test_screen_table_speaks_plainly() -> None:
    result = runner.invoke(
        app, ["screen", EXAMPLES, "--as-of", "2026-11-23", "--person", "denise"], env={"COLUMNS": "120"}
    )
    assert result.exit_code == 0, result.output
    assert "Person denise" in result.stdout
    assert "Nothing clears this charge now" in result.stdout
    assert "Not eligible" in result.stdout
    assert "Board of Pardons" in result.stdout


def test_invalid_record_exits_2_listing_every_problem(tmp_path: Path) -> None:
    record = tmp_path / "bad.csv"
    record.write_text("person_id,case_id,charge_id,jurisdiction,grade,disposition_date\np1,c1,1,PA,M9,2019-02-30\n")
    result = runner.invoke(app, ["screen", str(record), "--as-of", "2026-11-23"])
    assert result.exit_code == 2
    assert "line 2: grade: unknown PA grade 'M9'" in result.stderr
    assert "line 2: disposition_date: expected a date as YYYY-MM-DD, got '2019-02-30'" in result.stderr


def test_bad_as_of_is_a_usage_error() -> None:
    result = runner.invoke(app, ["screen", EXAMPLES, "--as-of", "23/11/2026"])
    assert result.exit_code == 2
    assert "not a date like 2026-11-23" in result.output


def test_rules_list_json_names_every_rule() -> None:
    result = runner.invoke(app, ["rules", "list", "--format", "json"])
    assert result.exit_code == 0
    assert [r["id"] for r in json.loads(result.stdout)] == [r.id for r in RULES]


def test_rules_show_quotes_the_statute() -> None:
    result = runner.invoke(app, ["rules", "show", "PA-9122-a2-nonconviction"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "nonconviction data be expunged" in result.stdout
    assert runner.invoke(app, ["rules", "show", "NO-SUCH-RULE"]).exit_code == 2


def test_every_rule_cites_and_quotes_its_statute() -> None:
    for rule in RULES:
        assert rule.section and rule.statute_text.strip(), rule.id
        assert all(c.cite and c.text for c in rule.conditions), rule.id
        assert all(w.cite and w.text for w in rule.waits), rule.id


@pytest.mark.slow
def test_demo_runs() -> None:
    result = runner.invoke(app, ["demo", "--as-of", "2026-11-23"])
    assert result.exit_code == 0, result.output
    assert "denise" in result.stdout
    # the person with a Missouri conviction who lives in New Orleans is shown help near 70112
    assert "Help near 70112 for odette" in result.stdout and "New Orleans" in result.stdout

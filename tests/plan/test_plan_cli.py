"""`secondchance plan`: the file format from the suffix, a summary on stdout, a saved plan reopened."""

from __future__ import annotations

import json
from datetime import date
from importlib import resources
from pathlib import Path

from icalendar import Calendar
from plan_people import PA_MISDEMEANOR
from typer.testing import CliRunner

from secondchance.cli import app

runner = CliRunner()
DEMO = str(resources.files("secondchance.examples").joinpath("people.json"))
BASE = ["plan", DEMO, "--person", "luis", "--as-of", "2026-11-23", "--release-date", "2026-11-02"]


def test_ics_out_and_a_table_on_stdout(tmp_path: Path) -> None:
    out = tmp_path / "plan.ics"
    result = runner.invoke(app, [*BASE, "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "File for dismissal: case LA-15-0101" in result.output and "Written:" in result.output
    cal = Calendar.from_ical(out.read_bytes())
    days = {e.decoded("dtstart") for e in cal.walk("VEVENT")}
    assert date(2026, 12, 2) in days  # the benefits follow-up, 30 days after release


def test_json_format_and_spanish(tmp_path: Path) -> None:
    result = runner.invoke(app, [*BASE, "--lang", "es", "--format", "json"])
    assert result.exit_code == 0, result.output
    answer = json.loads(result.output)
    assert answer["lang"] == "es" and answer["start"] == "2026-11-02" and "record" not in answer
    items = answer["items"]
    assert any(i["title"].startswith("Pida anulación") for i in items)
    assert all({"id", "day", "past", "text", "section"} <= set(i) for i in items)


def test_pdf_out(tmp_path: Path) -> None:
    out = tmp_path / "plan.pdf"
    result = runner.invoke(app, [*BASE, "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"%PDF-")


def test_a_saved_plan_reopens_as_the_same_plan(tmp_path: Path) -> None:
    saved = tmp_path / "plan.json"
    first = runner.invoke(app, [*BASE, "--out", str(saved)])
    assert first.exit_code == 0, first.output
    again = runner.invoke(app, ["plan", str(saved), "--format", "json"])
    assert again.exit_code == 0, again.output
    assert json.loads(again.output)["items"] == json.loads(saved.read_text())["items"]
    mixed = runner.invoke(app, ["plan", str(saved), "--as-of", "2027-01-01"])
    assert mixed.exit_code == 2


def test_services_from_a_search_result(tmp_path: Path) -> None:
    record = tmp_path / "pat.json"
    record.write_text(json.dumps(PA_MISDEMEANOR))
    services = tmp_path / "services.json"
    services.write_text(
        json.dumps(
            {
                "results": [
                    {
                        "service_id": "s-1",
                        "name": "Legal Aid of Test",
                        "phone": "215-555-0100",
                        "matched_needs": [{"need": "legal", "label": "Legal help"}],
                    }
                ]
            }
        )
    )
    result = runner.invoke(
        app, ["plan", str(record), "--as-of", "2026-11-23", "--services", str(services), "-f", "json"]
    )
    assert result.exit_code == 0, result.output
    (service,) = [i for i in json.loads(result.output)["items"] if i["section"] == "services"]
    assert service["phone"] == "215-555-0100" and "Legal help" in service["text"]


def test_invalid_input_exits_2(tmp_path: Path) -> None:
    assert runner.invoke(app, [*BASE, "--out", str(tmp_path / "plan.txt")]).exit_code == 2
    assert runner.invoke(app, ["plan", DEMO, "--as-of", "2026-11-23"]).exit_code == 2  # three people, no --person
    assert runner.invoke(app, [*BASE, "--release-date", "soon"]).exit_code == 2
    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps(
            {"id": "x", "cases": [{"id": "c", "jurisdiction": "PA", "charges": [{"id": "1", "disposition": "maybe"}]}]}
        )
    )
    result = runner.invoke(app, ["plan", str(bad)])
    assert result.exit_code == 2 and "problem" in result.output


def test_an_unwritable_out_is_exit_3_in_one_line(tmp_path: Path) -> None:
    result = runner.invoke(app, [*BASE, "--out", str(tmp_path / "missing" / "plan.ics")])
    assert result.exit_code == 3
    assert "Could not write" in result.output and "Traceback" not in result.output


def test_a_closed_output_is_exit_3() -> None:
    import subprocess
    import sys

    command = [sys.executable, "-c", "from secondchance.cli import main; main()", *BASE]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as process:
        assert process.stdout is not None and process.stderr is not None
        process.stdout.close()  # the reader went away before the plan was written
        stderr = process.stderr.read().decode()
        code = process.wait(timeout=120)
    assert code == 3, stderr
    assert "pipe" in stderr.lower() and "Traceback" not in stderr

"""``secondchance papers``: files written, the table and JSON of what was made, exit codes, privacy."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

from typer.testing import CliRunner

from secondchance.cli import app

EXAMPLES = str(resources.files("secondchance.examples").joinpath("people.json"))
runner = CliRunner()


def test_writes_papers_and_says_why(tmp_path: Path) -> None:
    out = tmp_path / "papers"
    result = runner.invoke(
        app,
        ["papers", EXAMPLES, "--person", "maria", "--as-of", "2026-11-29", "--out", str(out), "--formats", "txt,pdf"],
    )
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in out.iterdir())
    assert "01-pa-expungement-petition-CP-51-CR-0001234-2009.pdf" in names
    assert "00-checklist.txt" in names
    flat = "".join(result.output.split())  # the table wraps at the terminal's width
    assert "CleanSlate" in flat
    assert "Startwith00-checklist" in flat


def test_json_names_no_person(tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        [
            "papers", EXAMPLES, "--person", "luis", "--as-of", "2026-11-29", "--out", str(tmp_path),
            "--format", "json", "--formats", "txt", "--name", "Secret Person", "--address", "9 Hidden Lane",
        ],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    kinds = [m["kind"] for m in data["made"]]
    assert kinds.count("petition") == 3 and kinds.count("order") == 3
    assert any("§ 17(b)" in m["why"] and m["case"] == "LA-18-0042" for m in data["made"])
    assert "Secret Person" not in result.output and "9 Hidden Lane" not in result.output
    petition = (tmp_path / "03-ca-dismissal-petition-LA-18-0042.txt").read_text()
    assert "Secret Person" in petition and "9 Hidden Lane" in petition


def test_exit_codes(tmp_path: Path) -> None:
    several = runner.invoke(app, ["papers", EXAMPLES, "--out", str(tmp_path)])
    assert several.exit_code == 2 and "--person" in several.output
    unknown = runner.invoke(app, ["papers", EXAMPLES, "--person", "nobody", "--out", str(tmp_path)])
    assert unknown.exit_code == 2
    bad = tmp_path / "bad.json"
    bad.write_text('{"id": "x", "cases": [{"id": "c", "jurisdiction": "PA", "charges": [{"id": "1", "grade": "Q"}]}]}')
    assert runner.invoke(app, ["papers", str(bad), "--out", str(tmp_path)]).exit_code == 2
    blocked = tmp_path / "file"
    blocked.write_text("not a directory")
    maria = ["papers", EXAMPLES, "--person", "maria"]
    assert runner.invoke(app, [*maria, "--out", str(blocked / "x"), "--formats", "txt"]).exit_code == 3
    assert runner.invoke(app, [*maria, "--out", str(tmp_path), "--formats", "rtf"]).exit_code == 2

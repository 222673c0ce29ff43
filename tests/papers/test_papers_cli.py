"""``secondchance read`` and ``secondchance screen docket.pdf``."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from typer.testing import CliRunner

from secondchance.cli import app
from secondchance.papers.synth_pa import docket_pdf, random_person
from secondchance.records.parse import person_to_json

runner = CliRunner()


def test_read_writes_the_record_and_screen_reads_the_docket_directly(tmp_path: Path) -> None:
    person = random_person(4)
    person = replace(person, cases=person.cases[:1])
    pdf = tmp_path / "docket.pdf"
    pdf.write_bytes(docket_pdf(person, person.cases[0]))
    out = tmp_path / "record.json"
    result = runner.invoke(app, ["read", str(pdf), str(pdf), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "Read 1 case(s)" in result.output
    record = json.loads(out.read_text())
    assert {**record, "id": person.id} == person_to_json(person)
    on_pdf = runner.invoke(app, ["screen", str(pdf), "--as-of", "2026-11-29", "-f", "json"])
    on_json = runner.invoke(app, ["screen", str(out), "--as-of", "2026-11-29", "-f", "json"])
    assert on_pdf.exit_code == 0 and on_json.exit_code == 0
    assert json.loads(on_pdf.stdout) == json.loads(on_json.stdout)


def test_a_refused_document_exits_2_with_the_reason(tmp_path: Path) -> None:
    bad = tmp_path / "scan.pdf"
    bad.write_bytes(b"%PDF-1.4\n% no more\n")
    for command in (["read", str(bad)], ["screen", str(bad)]):
        result = runner.invoke(app, command)
        assert result.exit_code == 2
        assert "Refused" in result.output and "truncated" in result.output

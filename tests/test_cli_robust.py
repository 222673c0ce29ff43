"""``secondchance screen`` streams complete output and never exits 0 on a failed write (issue 16)."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from importlib import resources
from pathlib import Path

import pytest
from typer.testing import CliRunner

from secondchance.cli import app
from secondchance.cli.screen import write_json
from secondchance.records import load_people
from secondchance.relief import Screening, screen

EXAMPLES = str(resources.files("secondchance.examples").joinpath("people.json"))
AS_OF = "2026-11-23"
HEADER = "person_id,case_id,charge_id,jurisdiction,statute,grade,disposition,disposition_date\n"
runner = CliRunner()


#: Root reads every file; without these capabilities (util-linux's setpriv) it reads as any user does.
AS_A_USER = ["setpriv", "--bounding-set=-dac_override,-dac_read_search"] if os.geteuid() == 0 else []


def cli(
    *args: str, stdout: int | None = subprocess.PIPE, prefix: list[str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    """The real console script in a child process (exit codes and file descriptors as a shell sees them)."""
    code = "import sys; from secondchance.cli import main; sys.argv[0] = 'secondchance'; main()"
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[1] / "src")}
    return subprocess.run(
        [*(prefix or []), sys.executable, "-c", code, *args],
        stdout=stdout,
        stderr=subprocess.PIPE,
        env=env,
        timeout=120,
        check=False,
    )


@pytest.mark.slow
def test_write_to_a_full_disk_is_exit_3_in_one_line() -> None:
    with open("/dev/full", "w") as full:
        done = cli("screen", EXAMPLES, "--as-of", AS_OF, "-f", "json", stdout=full.fileno())
    assert done.returncode == 3
    lines = done.stderr.decode().strip().splitlines()
    assert lines == ["Could not write the results to standard output: No space left on device."]


@pytest.mark.parametrize("command", ["screen", "read", "plan", "papers"])
def test_unreadable_input_is_exit_3(tmp_path: Path, command: str) -> None:
    """Permission denied is the environment (exit 3, as documented), not a usage error (click's own check, 2)."""
    record = tmp_path / "r.json"
    record.write_text("[]")
    record.chmod(0)
    options = ["--out", str(tmp_path / "out")] if command == "papers" else []
    done = cli(command, str(record), *options, prefix=AS_A_USER)
    assert done.returncode == 3 and "Permission denied" in done.stderr.decode(), done.stderr.decode()


def test_results_are_written_person_by_person() -> None:
    """The first person's JSON is written before the second person is screened (bounded memory)."""
    day = date.fromisoformat(AS_OF)
    events: list[str] = []

    def screenings() -> Iterator[Screening]:
        for person in load_people(EXAMPLES, day):
            events.append(f"screen {person.id}")
            yield screen(person, day)

    class Out(io.StringIO):
        def write(self, text: str) -> int:
            events.append("write")
            return super().write(text)

    out = Out()
    write_json(out, screenings(), single=False)
    # maria's results are all written before denise is screened, and so on
    people = [e for e in events if e.startswith("screen")]
    assert people == ["screen maria", "screen denise", "screen luis", "screen odette"]
    between = events[events.index("screen maria") + 1 : events.index("screen denise")]
    assert between and set(between) == {"write"}
    assert [p["person_id"] for p in json.loads(out.getvalue())] == ["maria", "denise", "luis", "odette"]


def test_an_invalid_person_late_in_the_file_writes_nothing(tmp_path: Path) -> None:
    rows = "".join(f"p{i},c1,1,PA,18 Pa.C.S. § 3929,M2,convicted,2019-01-05\n" for i in range(50))
    record = tmp_path / "r.csv"
    record.write_text(HEADER + rows + "p50,c1,1,PA,x,M9,convicted,2019-01-05\n")
    result = runner.invoke(app, ["screen", str(record), "--as-of", AS_OF, "-f", "json"])
    assert result.exit_code == 2 and result.stdout == ""
    assert "line 52: grade: unknown PA grade 'M9'" in result.stderr


def test_json_output_is_json_for_one_and_many(tmp_path: Path) -> None:
    many = runner.invoke(app, ["screen", EXAMPLES, "--as-of", AS_OF, "-f", "json"])
    one = runner.invoke(app, ["screen", EXAMPLES, "--as-of", AS_OF, "-f", "json", "--person", "luis"])
    assert many.exit_code == one.exit_code == 0
    assert json.loads(one.stdout) == json.loads(many.stdout)[2]
    empty = tmp_path / "empty.json"
    empty.write_text("[]")
    assert json.loads(runner.invoke(app, ["screen", str(empty), "-f", "json"]).stdout) == []


def test_csv_output_escapes_formulas(tmp_path: Path) -> None:
    record = tmp_path / "r.csv"
    record.write_text(HEADER + 'p1,c1,1,PA,"=HYPERLINK(""http://x"")",M2,convicted,2019-01-05\n')
    result = runner.invoke(app, ["screen", str(record), "--as-of", AS_OF, "-f", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and all(row["statute"] == '\'=HYPERLINK("http://x")' for row in rows)
    assert {row["status"] for row in rows} <= {"eligible_now", "eligible_on", "needs_review", "not_eligible"}


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ('{"id": "p", "birth_date": "1980-01-01", "birth_date": "1981-01-01"}', "duplicate key"),
        ("[" * 10_000 + "]" * 10_000, "nested more than 8 levels"),
        ('{"id": "p", "cases": [{"id": "c", "charges": [{"id": "1", "sentence": {"fines_costs_owed": 1e999}}]}]}',
         "not finite"),
    ],
)  # fmt: skip
def test_bad_json_is_exit_2_naming_the_place(tmp_path: Path, content: str, reason: str) -> None:
    record = tmp_path / "r.json"
    record.write_text(content)
    result = runner.invoke(app, ["screen", str(record), "--as-of", AS_OF, "-f", "json"])
    assert result.exit_code == 2, result.output
    assert reason in result.stderr and "line 1" in result.stderr


def test_bulk_run_on_a_full_disk_is_exit_3_in_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    from secondchance.bulk import run as bulk_run

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(tmp_path / "out" / "results" / "part.parquet"))

    monkeypatch.setattr(bulk_run, "run", full)
    source = tmp_path / "in.csv"
    source.write_text(HEADER)
    result = runner.invoke(app, ["bulk", "run", str(source), "--out", str(tmp_path / "out")])
    assert result.exit_code == 3
    assert result.stderr.strip().splitlines() == [
        f"Could not write the run in {tmp_path / 'out'}: No space left on device "
        f"({tmp_path / 'out' / 'results' / 'part.parquet'}). Finish it later with --resume."
    ]


def test_any_command_failing_on_the_environment_is_exit_3(monkeypatch: pytest.MonkeyPatch) -> None:
    from secondchance import cli

    def broken() -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(cli, "app", broken)
    with pytest.raises(SystemExit) as exited:
        cli.main()
    assert exited.value.code == 3

"""Bulk runs and hostile or damaged files (issue 16): bad bytes are rejects, state files are private and
checked, damaged state is redone on --resume, workers die with the main process, formulas are escaped."""

from __future__ import annotations

import csv
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from bulk_support import AS_OF, output_hashes, write_input
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from secondchance.bulk.commit import committed, spreadsheet_safe_frame
from secondchance.bulk.partition import spool_input, spool_rows
from secondchance.bulk.read import InputError
from secondchance.bulk.run import Plan, RunError, run

HEADER = b"person_id,case_id,charge_id,jurisdiction,statute,grade,disposition,disposition_date\n"
GOOD = b"p1,c1,1,PA,18 Pa.C.S. \xc2\xa7 3929,M2,convicted,2019-01-05\n"
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "25"))


def test_a_row_with_bad_bytes_is_a_reject_not_a_crash(tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    source.write_bytes(HEADER + GOOD + b"p2,c1,1,PA,x,M2,convicted\xe9,2019-01-05\n" + GOOD.replace(b"p1", b"p3"))
    manifest = run(Plan(source, tmp_path / "out", AS_OF, "PA", 2), workers=1)
    assert manifest["counts"]["rejected_rows"] == 1 and manifest["counts"]["charges"] == 2
    (reject,) = csv.DictReader((tmp_path / "out" / "rejects.csv").read_text(encoding="utf-8").splitlines(keepends=True))
    assert reject["row"] == "2" and reject["person_id"] == "p2"
    assert "byte 0xE9 is not UTF-8" in reject["reason"] and reject["reason"].startswith("disposition")


def test_rejects_csv_escapes_formulas(tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    source.write_bytes(HEADER + b'"=HYPERLINK(""http://x"",""y"")",c1,1,PA,x,Q9,convicted,2019-01-05\n')
    run(Plan(source, tmp_path / "out", AS_OF, "PA", 1), workers=1)
    (reject,) = csv.DictReader((tmp_path / "out" / "rejects.csv").read_text(encoding="utf-8").splitlines(keepends=True))
    assert reject["person_id"] == '\'=HYPERLINK("http://x","y")'
    import polars as pl

    frame = spreadsheet_safe_frame(pl.DataFrame({"a": ["=1", "+1", "-1", "@x", "ok", None], "n": [1] * 6}))
    assert frame["a"].to_list() == ["'=1", "'+1", "'-1", "'@x", "ok", None]


def test_spool_files_are_private_and_checked(tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    write_input(source, 300)
    spool = tmp_path / "spool"
    rows = spool_input(source, spool, 3)
    files = sorted(spool.glob("part-*.arrow"))
    assert files and spool_rows(spool) == rows
    assert stat.S_IMODE(spool.stat().st_mode) == 0o700
    assert {stat.S_IMODE(p.stat().st_mode) for p in [*files, spool / "spool.json"]} == {0o600}
    data = files[0].read_bytes()
    files[0].write_bytes(data[: len(data) // 2])  # truncated
    assert spool_rows(spool) is None
    files[0].write_bytes(data[:100] + bytes([data[100] ^ 0xFF]) + data[101:])  # one byte flipped
    assert spool_rows(spool) is None
    files[0].write_bytes(data)
    assert spool_rows(spool) == rows
    marker = (spool / "spool.json").read_text()
    (spool / "spool.json").write_text(marker[:20])  # truncated marker
    assert spool_rows(spool) is None


@pytest.mark.parametrize("damage", ["truncate", "flip", "empty"])
def test_damaged_done_marker_is_redone_on_resume(tmp_path: Path, damage: str) -> None:
    source = tmp_path / "in.csv"
    write_input(source, 300)
    clean = tmp_path / "clean"
    run(Plan(source, clean, AS_OF, "PA", 3), workers=1)
    expected = output_hashes(clean)
    marker = clean / "_state" / "done" / "part-00001.json"
    text = marker.read_bytes()
    marker.write_bytes({"truncate": text[: len(text) // 2], "flip": text.replace(b'"', b"'", 1), "empty": b""}[damage])
    assert committed(clean, 1) is None
    (clean / "manifest.json").unlink()
    with pytest.raises(RunError):  # the spool is gone once a run finished: the input is spooled again
        committed_or_fail(clean, 1)
    run(Plan(source, clean, AS_OF, "PA", 3), resume=True, workers=1)
    assert output_hashes(clean) == expected


def committed_or_fail(out: Path, part: int) -> None:
    if committed(out, part) is None:
        raise RunError("not committed")


def _children(pid: int) -> set[int]:
    """Every live descendant of ``pid`` (from /proc)."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if fields[0] != "Z":
                parents[int(entry)] = int(fields[1])
    found: set[int] = set()
    frontier = {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
def test_workers_die_with_a_killed_main_process(tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    write_input(source, 4_000)
    code = (
        "from datetime import date; from pathlib import Path; from secondchance.bulk.run import Plan, run;"
        f"run(Plan(Path({str(source)!r}), Path({str(tmp_path / 'out')!r}), date(2026, 11, 23), 'PA', 8), workers=2)"
    )
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[2] / "src")}
    main = subprocess.Popen([sys.executable, "-c", code], env=env, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        workers: set[int] = set()
        while len(workers) < 2 and time.monotonic() < deadline and main.poll() is None:
            time.sleep(0.1)
            workers = {p for p in _children(main.pid) if "spawn_main" in _cmdline(p)}
        assert len(workers) >= 2, "the run started its workers"
        os.kill(main.pid, signal.SIGKILL)  # only the main process, not its group
        main.wait()
        deadline = time.monotonic() + 5
        while any(_alive(p) for p in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not [p for p in workers if _alive(p)], "a worker survived its main process"
    finally:
        for pid in _children(main.pid):
            os.kill(pid, signal.SIGKILL)


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    body=st.lists(
        st.lists(
            st.one_of(
                st.sampled_from(["p1", "c1", "1", "PA", "M2", "convicted", "2019-01-05", "=x", '"', "\xe9", "1e999"]),
                st.text(max_size=5),
            ),
            min_size=1,
            max_size=9,
        ),
        max_size=6,
    ),
    encoding=st.sampled_from(["utf-8", "latin-1", "utf-8-sig"]),
)
def test_bulk_csv_is_a_result_or_a_documented_error(tmp_path_factory: pytest.TempPathFactory, body, encoding) -> None:  # type: ignore[no-untyped-def]
    """The oracle: a reconciled manifest, or InputError/RunError (exit 2) — never another exception."""
    folder = tmp_path_factory.mktemp("fuzz")
    source = folder / "in.csv"
    text = "".join(",".join(row) + "\n" for row in body)
    source.write_bytes(HEADER + text.encode(encoding, "replace"))
    try:
        manifest = run(Plan(source, folder / "out", AS_OF, "PA", 1), workers=1)
    except (InputError, RunError):
        return
    counts = manifest["counts"]
    assert counts["input_rows"] == counts["charges"] + counts["rejected_rows"]


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("fines_costs_owed", "inf"),
        ("fines_costs_owed", "1e999"),
        ("fines_costs_owed", "2000000000"),
        ("fines_costs_owed", "NaN"),
        ("disposition_date", "20190105"),
        ("disposition_date", "2019-W01-1"),
        ("statute", "x" * 5000),
    ],
)
def test_bulk_limits_are_the_record_readers(tmp_path: Path, column: str, value: str) -> None:
    """The same value is refused with the same reason by ``screen`` (parse_value) and ``bulk``."""
    from datetime import date

    import polars as pl

    from secondchance.bulk.read import read_batches
    from secondchance.bulk.validate import validate
    from secondchance.records.parse import parse_value

    with pytest.raises(ValueError) as refused:
        parse_value(column, value)
    path = tmp_path / "in.csv"
    pl.DataFrame({"person_id": ["p1"], "case_id": ["c1"], "charge_id": ["1"], column: [value]}).write_csv(path)
    raw = pl.concat(list(read_batches(path, batch_rows=10)), how="diagonal_relaxed")
    _, problems = validate(raw, date(2026, 11, 23))
    assert problems.select("field", "reason").rows() == [(column, str(refused.value))]


@pytest.mark.parametrize(
    ("point", "nth"),
    [  # one point in the fast loop (a partition committed, the next not begun); every point in `make test`
        # (a killed run and a resume each)
        pytest.param("spool-file-synced", 1, marks=pytest.mark.slow),
        pytest.param("spool-file-synced", 3, marks=pytest.mark.slow),
        pytest.param("spool-marker-written", 1, marks=pytest.mark.slow),
        pytest.param("before-rename", 1, marks=pytest.mark.slow),  # run.json
        pytest.param("before-rename", 2, marks=pytest.mark.slow),  # the first results file
        pytest.param("before-rename", 5, marks=pytest.mark.slow),  # the first done marker
        pytest.param("before-rename", 9, marks=pytest.mark.slow),  # the second done marker
        ("partition-committed", 1),
        pytest.param("partition-committed", 3, marks=pytest.mark.slow),
        pytest.param("before-manifest", 1, marks=pytest.mark.slow),
    ],
)
def test_a_crash_at_each_named_point_resumes_to_identical_bytes(tmp_path: Path, point: str, nth: int) -> None:
    """Fault injection (bulk/faults.py) instead of random sleeps: killed exactly there, then --resume."""
    from secondchance.bulk.faults import FAULT_ENV, POINTS

    assert point in POINTS
    source = tmp_path / "in.csv"
    write_input(source, 300)
    run(Plan(source, tmp_path / "clean", AS_OF, "PA", 3), workers=1)
    out = tmp_path / "crashed"
    code = (
        "from datetime import date; from pathlib import Path; from secondchance.bulk.run import Plan, run;"
        f"run(Plan(Path({str(source)!r}), Path({str(out)!r}), date(2026, 11, 23), 'PA', 3), workers=1)"
    )
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[2] / "src"), FAULT_ENV: f"{point}:{nth}"}
    crashed = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, timeout=300, check=False)
    assert crashed.returncode == 137, crashed.stderr.decode()[-2000:]
    assert not (out / "manifest.json").exists()
    run(Plan(source, out, AS_OF, "PA", 3), resume=True, workers=1)
    assert output_hashes(out) == output_hashes(tmp_path / "clean")


def test_a_failed_run_removes_its_spool_and_resumes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from secondchance.bulk import local as bulk_local

    source = tmp_path / "in.csv"
    write_input(source, 300)
    run(Plan(source, tmp_path / "clean", AS_OF, "PA", 3), workers=1)
    calls = []
    real = bulk_local.screen_partition

    def fail_second(*args: object) -> dict[str, object]:
        calls.append(args)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(bulk_local, "screen_partition", fail_second)
    with pytest.raises(OSError):
        run(Plan(source, tmp_path / "out", AS_OF, "PA", 3), workers=1)
    assert not (tmp_path / "out" / "_state" / "spool").exists()
    monkeypatch.setattr(bulk_local, "screen_partition", real)
    run(Plan(source, tmp_path / "out", AS_OF, "PA", 3), resume=True, workers=1)
    assert output_hashes(tmp_path / "out") == output_hashes(tmp_path / "clean")

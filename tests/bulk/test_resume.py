"""Crash safety: kill -9 a real run at random points, resume, and get the uninterrupted run's bytes."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from bulk_support import AS_OF, output_hashes, write_input

from secondchance.bulk.run import Plan, run

PEOPLE = 2_500
PARTITIONS = 6
LAUNCH = (
    "import sys; sys.path.insert(0, {support!r});"
    "from datetime import date; from pathlib import Path;"
    "from secondchance.bulk.run import Plan, run;"
    "run(Plan(Path({source!r}), Path({out!r}), date.fromisoformat({as_of!r}), 'PA', {partitions}, 'local'),"
    " resume=True, workers=2)"
)


def _start(source: Path, out: Path) -> subprocess.Popen[bytes]:
    code = LAUNCH.format(
        support=str(Path(__file__).parent),
        source=str(source),
        out=str(out),
        as_of=AS_OF.isoformat(),
        partitions=PARTITIONS,
    )
    # A new session, so the kill takes the worker processes too (as a power cut would).
    return subprocess.Popen([sys.executable, "-c", code], start_new_session=True, stderr=subprocess.PIPE)


@pytest.mark.parametrize("seed", [1, 2])
def test_killed_runs_resume_to_identical_bytes(tmp_path: Path, seed: int) -> None:
    source = tmp_path / "charges.csv"
    write_input(source, PEOPLE, seed=seed)
    started = time.perf_counter()
    run(Plan(source, tmp_path / "clean", AS_OF, "PA", PARTITIONS), workers=2)
    duration = time.perf_counter() - started
    expected = output_hashes(tmp_path / "clean")

    rng = random.Random(seed)
    out = tmp_path / "crashed"
    killed = 0
    for _ in range(4):
        process = _start(source, out)
        time.sleep(rng.uniform(0.2, 1.5 + duration))
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            killed += 1
        process.wait()
    finish = _start(source, out)
    _, stderr = finish.communicate(timeout=600)
    assert finish.returncode == 0, stderr.decode()
    assert killed >= 1
    assert output_hashes(out) == expected

"""Crash safety: kill -9 a real run, resume, and get the uninterrupted run's bytes.

The first attempt is killed at a named point (bulk/faults.py), so every run of the test crashes at
least once on any machine; later attempts are killed at random moments, wherever they happen to be."""

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

from secondchance.bulk.faults import FAULT_ENV
from secondchance.bulk.run import Plan, run

pytestmark = pytest.mark.slow  # seconds to minutes: `make test` runs it, `make check` does not

PEOPLE = 2_500
PARTITIONS = 6
LAUNCH = (
    "import sys; sys.path.insert(0, {support!r});"
    "from datetime import date; from pathlib import Path;"
    "from secondchance.bulk.run import Plan, run;"
    "run(Plan(Path({source!r}), Path({out!r}), date.fromisoformat({as_of!r}), 'PA', {partitions}, 'local'),"
    " resume=True, workers=2)"
)


def _start(source: Path, out: Path, fault: str | None = None) -> subprocess.Popen[bytes]:
    code = LAUNCH.format(
        support=str(Path(__file__).parent),
        source=str(source),
        out=str(out),
        as_of=AS_OF.isoformat(),
        partitions=PARTITIONS,
    )
    env = {**os.environ, FAULT_ENV: fault} if fault else None
    # A new session, so the kill takes the worker processes too (as a power cut would).
    return subprocess.Popen([sys.executable, "-c", code], start_new_session=True, stderr=subprocess.PIPE, env=env)


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
    # a crash for certain, mid-run: a worker dies after its second partition (the pool breaks, exit 1)
    first = _start(source, out, fault="partition-committed:2")
    _, stderr = first.communicate(timeout=600)
    assert first.returncode != 0 and not (out / "manifest.json").exists(), stderr.decode()[-2000:]
    for _ in range(3):
        process = _start(source, out)
        time.sleep(rng.uniform(0.2, 1.5 + duration))
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        process.communicate()  # waits, and closes the stderr pipe
    finish = _start(source, out)
    _, stderr = finish.communicate(timeout=600)
    assert finish.returncode == 0, stderr.decode()
    assert output_hashes(out) == expected

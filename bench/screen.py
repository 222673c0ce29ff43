"""``secondchance screen`` at scale (issue 16): peak memory beside the input's size, and per-person time
against charges per person.

* Memory: synthetic PA record CSVs of about 1.5 MB and 5 MB (``--quick``: 1.5 MB only) screened
  whole with ``-f json`` to /dev/null, and a 50 MB one read whole (both passes over every row:
  validation, then people one by one) while screening one person (``--person``), since screening
  all 95,000 people of 50 MB takes most of an hour on one core. Peak RSS is the child's
  ``ru_maxrss``; it should not grow with the input beyond pass 1's per-person tallies.
* Time: one person with 10, 100 and 500 charges (the limit), screened in process.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

AS_OF = date(2026, 11, 23)
#: Synthetic people per MB of record CSV (about 4.2 charges and 780 bytes a person).
PEOPLE_PER_MB = 1_290


def _peak_rss(args: list[str]) -> tuple[float, int, int]:
    """(seconds, peak RSS in bytes, exit code) of ``secondchance ARGS`` with its output thrown away.

    Measured by /usr/bin/time: Linux carries a process's peak RSS across exec, so a child forked from
    this (large) benchmark process would report at least the benchmark's own size.
    """
    code = "import sys; from secondchance.cli import main; sys.argv[0] = 'secondchance'; main()"
    command = [sys.executable, "-c", code, *args]
    timer = Path("/usr/bin/time")
    started = time.perf_counter()
    with open(os.devnull, "wb") as sink:
        if timer.exists():
            done = subprocess.run([str(timer), "-f", "%M", *command], stdout=sink, stderr=subprocess.PIPE, check=False)
            peak = int(done.stderr.decode().strip().splitlines()[-1]) * 1024
            return time.perf_counter() - started, peak, done.returncode
        child = subprocess.Popen(command, stdout=sink, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(child.pid, 0)
    return time.perf_counter() - started, usage.ru_maxrss * 1024, os.waitstatus_to_exitcode(status)


def _record(folder: Path, megabytes: float) -> tuple[Path, int]:
    from secondchance.bulk.synth import write_synth

    path = folder / f"record-{megabytes:g}mb.csv"
    rows = write_synth(path, int(PEOPLE_PER_MB * megabytes), "PA", seed=1)
    return path, rows


def per_person(charges: int) -> float:
    """Seconds to screen one person with ``charges`` PA charges (convictions and dismissals, 20 years)."""
    from secondchance.records.model import Case, Charge, Person, Sentence
    from secondchance.relief import screen

    items = tuple(
        Charge(
            id=str(i),
            statute="18 Pa.C.S. § 3929(a)(1)",
            grade=("M2", "M1", "S", "F3")[i % 4],
            disposition="convicted" if i % 2 else "dismissed",
            disposition_date=date(2000 + i % 20, 1 + i % 9, 15),
            sentence=Sentence(fines_costs_owed=0.0, restitution_owed=0.0, probation_granted=False, incarcerated=False),
        )
        for i in range(charges)
    )
    person = Person(id="p", birth_date=date(1970, 1, 1), cases=(Case(id="c", jurisdiction="PA", charges=items),))
    started = time.perf_counter()
    screen(person, AS_OF)
    return time.perf_counter() - started


def run(quick: bool) -> dict[str, Any]:
    figures: dict[str, Any] = {}
    per_person(5)  # rules and caches loaded once
    figures["per_person_seconds"] = {str(n): round(per_person(n), 3) for n in (10, 100, 500)}
    with tempfile.TemporaryDirectory(prefix="bench-screen-", dir=os.environ.get("BENCH_TMP")) as scratch:
        folder = Path(scratch)
        for megabytes in (1.5,) if quick else (1.5, 5.0):
            path, rows = _record(folder, megabytes)
            seconds, peak, code = _peak_rss(["screen", str(path), "--as-of", AS_OF.isoformat(), "-f", "json"])
            figures[f"screen_all_{megabytes:g}mb"] = {
                "input_bytes": path.stat().st_size,
                "charges": rows,
                "seconds": round(seconds, 1),
                "peak_rss_mb": round(peak / 2**20),
                "exit": code,
            }
        if not quick:
            path, rows = _record(folder, 50.0)
            first = "PA-1-00000000"
            args = ["screen", str(path), "--as-of", AS_OF.isoformat(), "-f", "json", "--person", first]
            seconds, peak, code = _peak_rss(args)
            figures["read_whole_50mb_screen_one"] = {
                "input_bytes": path.stat().st_size,
                "charges": rows,
                "seconds": round(seconds, 1),
                "peak_rss_mb": round(peak / 2**20),
                "exit": code,
            }
    figures["target"] = "screen of 50 MB under 1 GB; memory flat in the input's size; per-person time ~linear"
    return figures

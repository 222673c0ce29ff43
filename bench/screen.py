"""``secondchance screen`` at scale: peak memory beside the input's size and its largest person,
and per-person time against charges per person.

* Memory, whole runs: synthetic PA record CSVs of about 1.5 MB and 5 MB (``--quick``: 1.5 MB only)
  screened whole with ``-f json`` to /dev/null.
* Memory against the file's size, CSV and JSON alike (``python -m bench screen_memory``): records of
  5 MB and 50 MB (a JSON file holds the people of a synthetic CSV, ``{"people": [...]}``) read whole
  (both passes over every person: validation, then people one by one) while screening one person
  (``--person``), since screening all 60,000 people of 50 MB takes over an hour of CPU (about 70 ms a
  person); each figure stands beside the input's size and its largest person's size.
  ``BENCH_SCREEN_ALL=1`` screens every person of the 50 MB files too, with the wall time. Peak RSS is
  the child's own (``/usr/bin/time``, else ``wait4``'s ``ru_maxrss``).
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


def _json_record(source: Path, target: Path) -> tuple[int, int]:
    """The CSV's people as one JSON document (rows of a person are adjacent in the synthetic CSVs);
    (people, bytes of the largest person as written)."""
    import csv
    import itertools
    import json

    from secondchance.records.model import CASE_FIELDS, CHARGE_FIELDS, PERSON_FIELDS, SENTENCE_FIELDS

    def present(row: dict[str, str], names: tuple[str, ...]) -> dict[str, str]:
        return {name: row[name] for name in names if row.get(name)}

    people = largest = 0
    with source.open(newline="", encoding="utf-8") as rows, target.open("w", encoding="utf-8") as out:
        out.write('{"people": [\n')
        for pid, group in itertools.groupby(csv.DictReader(rows), key=lambda r: r["person_id"]):
            charges = list(group)
            cases: dict[str, dict[str, object]] = {}
            for row in charges:
                case = cases.setdefault(
                    row["case_id"], {"id": row["case_id"], **present(row, CASE_FIELDS), "charges": []}
                )
                charge: dict[str, object] = {"id": row["charge_id"], **present(row, CHARGE_FIELDS)}
                sentence = present(row, SENTENCE_FIELDS)
                if sentence:
                    charge["sentence"] = sentence
                case["charges"].append(charge)  # type: ignore[attr-defined]
            text = json.dumps({"id": pid, **present(charges[0], PERSON_FIELDS), "cases": list(cases.values())})
            out.write((",\n" if people else "") + text)
            people += 1
            largest = max(largest, len(text.encode()))
        out.write("\n]}\n")
    return people, largest


def _largest_csv_person(path: Path) -> int:
    """Bytes of the largest person's rows in a record CSV (rows of a person adjacent)."""
    largest = current = 0
    last = None
    with path.open("rb") as handle:
        handle.readline()
        for line in handle:
            pid = line.split(b",", 1)[0]
            current = current + len(line) if pid == last else len(line)
            last = pid
            largest = max(largest, current)
    return largest


def _people_of(path: Path) -> int:
    with path.open("rb") as handle:
        handle.readline()
        return len({line.split(b",", 1)[0] for line in handle})


def memory_against_size(folder: Path, sizes: tuple[float, ...], screen_all: bool) -> dict[str, Any]:
    """Peak RSS of ``screen`` reading CSV and JSON records of each size whole, beside the input's size and
    its largest person (bytes), screening one person (or, with ``screen_all``, everyone, with wall time)."""
    figures: dict[str, Any] = {}
    for megabytes in sizes:
        csv_path, rows = _record(folder, megabytes)
        # JSON spends about 2.3 bytes for each byte of CSV: its people come from a CSV 2.3 times smaller.
        json_source, json_rows = _record(folder, megabytes / 2.3)
        json_path = folder / f"record-{megabytes:g}mb.json"
        json_people, largest_json = _json_record(json_source, json_path)
        json_source.unlink()
        inputs = (
            ("csv", csv_path, _largest_csv_person(csv_path), rows, _people_of(csv_path)),
            ("json", json_path, largest_json, json_rows, json_people),
        )
        for kind, path, largest, charges, people in inputs:
            args = ["screen", str(path), "--as-of", AS_OF.isoformat(), "-f", "json"]
            if not screen_all:
                args += ["--person", "PA-1-00000000"]
            seconds, peak, code = _peak_rss(args)
            figures[f"{'screen_all' if screen_all else 'read_whole_screen_one'}_{kind}_{megabytes:g}mb"] = {
                "input_bytes": path.stat().st_size,
                "people": people,
                "charges": charges,
                "largest_person_bytes": largest,
                "seconds": round(seconds, 1),
                "peak_rss_mb": round(peak / 2**20),
                "exit": code,
            }
            path.unlink()
    return figures


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
    figures["target"] = "per-person time ~linear in charges; whole runs' memory flat (bench screen_memory: size)"
    return figures

"""Import speed: an HSDS 3 CSV package of N synthetic services, read, checked, enriched and stored.

The columnar path (``directory.columnar`` + ``store.frames.import_frames``: what ``services import``
runs for an HSDS 3 package) on SQLite and, beside it, on a throwaway PostgreSQL with ``COPY``; the
row path (``read_package`` + ``enrich`` + ``import_directory``) on a small package for comparison.
N = 1M (100k with --quick; ``--n=N`` to choose). Goal (issue 13): 1M services on SQLite in < 60 s.
Figures per phase; the machine's load average beside them (the machine is shared: it skews timings).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from secondchance.directory.columnar import enrich_frames, entries_frame, read_frames
from secondchance.directory.infer import enrich
from secondchance.directory.synth import synthesize, write_frames
from secondchance.directory.tabular import read_package
from secondchance.store import DirectoryStore, connect, upgrade
from secondchance.store.frames import import_frames
from secondchance.store.pgserver import NoPostgres, TempPostgres


def columnar(package: Path, url: str) -> dict[str, Any]:
    """One import of ``package`` into a new database at ``url``, timed by phase."""
    load = round(os.getloadavg()[0], 2)
    times: dict[str, float] = {}
    started = time.perf_counter()
    frames = read_frames(package)
    times["read_check_s"] = time.perf_counter() - started
    mark = time.perf_counter()
    frames, _ = enrich_frames(frames)
    times["infer_s"] = time.perf_counter() - mark
    mark = time.perf_counter()
    entries = entries_frame(frames)
    times["search_rows_s"] = time.perf_counter() - mark
    engine = connect(url)
    upgrade(engine)
    mark = time.perf_counter()
    counts = import_frames(DirectoryStore(engine), frames, entries)
    times["store_s"] = time.perf_counter() - mark
    times["total_s"] = time.perf_counter() - started
    engine.dispose()
    return {
        **{k: round(v, 1) for k, v in times.items()},
        "rows": sum(counts.values()),
        "load_avg_1m": [load, round(os.getloadavg()[0], 2)],
    }


def rows_path(n: int, work: Path) -> dict[str, Any]:
    """The row path on n services, for comparison (seconds per 100k services)."""
    write_frames(synthesize(n, 7), work / f"rows{n}")
    started = time.perf_counter()
    directory = read_package(work / f"rows{n}")
    enrich(directory)
    engine = connect(f"sqlite:///{work / f'rows{n}.db'}")
    upgrade(engine)
    DirectoryStore(engine).import_directory(directory)
    engine.dispose()
    total = time.perf_counter() - started
    return {"services": n, "total_s": round(total, 1), "s_per_100k": round(total * 100_000 / n, 1)}


def measure(n: int) -> dict[str, Any]:
    out: dict[str, Any] = {"services": n, "goal": "1M services on SQLite in < 60 s"}
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        started = time.perf_counter()
        write_frames(synthesize(n, 7), work / "pkg")
        out["write_package_s"] = round(time.perf_counter() - started, 1)
        out["sqlite"] = columnar(work / "pkg", f"sqlite:///{work / 'bench.db'}")
        print(f"  sqlite {n:,}: {out['sqlite']}", flush=True)
        try:
            pg = TempPostgres.start()
        except NoPostgres as error:
            out["postgresql_copy"] = f"skipped: {error}"
        else:
            try:
                out["postgresql_copy"] = columnar(work / "pkg", pg.fresh_database(f"imports_{n}"))
                print(f"  postgresql {n:,}: {out['postgresql_copy']}", flush=True)
            finally:
                pg.stop()
        out["row_path_for_comparison"] = rows_path(min(n, 10_000), work)
    return out


def run(quick: bool = False) -> dict[str, Any]:
    sizes = [int(a.split("=", 1)[1]) for a in sys.argv if a.startswith("--n=")]
    return {"runs": [measure(n) for n in (sizes or [100_000 if quick else 1_000_000])]}

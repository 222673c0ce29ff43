"""Import speed: an HSDS 3 CSV package of N synthetic services, read, checked, enriched and stored.

The columnar path (``directory.columnar`` + ``store.frames.import_frames``: what ``services import``
runs for an HSDS 3 package) on SQLite and, beside it, on a throwaway PostgreSQL with ``COPY``; the
row path (``read_package`` + ``enrich`` + ``import_directory``) on a small package for comparison.
N = 1M (100k with --quick; ``--n=N`` to choose). Goal: 1M services on SQLite in < 60 s.
Figures per phase, each with the process's CPU seconds beside the wall seconds, and the machine's load
average (the machine is shared: load stretches the wall time, hardly the CPU time). Beside them:

- ``insert_floor``: the same final rows inserted into a fresh SQLite file with no journal, no secondary
  index, no text index, no checks (``store.frames._executemany`` alone): what storing costs at the least.
- ``search``: ``bench.search``'s 1,000 mixed queries on the database just imported, p50/p95 against the
  bare indexed geo query on the same database in the same run (goal: p95 within 3x).
- ``--in-place``: also the store phase the way it ran before (into the existing file, WAL), for comparison.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import polars as pl

from secondchance.directory.columnar import enrich_frames, entries_frame, read_frames
from secondchance.directory.infer import enrich
from secondchance.directory.synth import synthesize, write_frames
from secondchance.directory.tabular import read_package
from secondchance.store import DirectoryStore, connect, upgrade
from secondchance.store.frames import _executemany, import_frames, with_cell
from secondchance.store.pgserver import NoPostgres, TempPostgres

from . import search as search_bench


class Phases:
    """Wall and CPU seconds per phase."""

    def __init__(self) -> None:
        self.figures: dict[str, float] = {}
        self.started = (time.perf_counter(), time.process_time())

    @contextlib.contextmanager
    def phase(self, name: str) -> Any:
        wall, cpu = time.perf_counter(), time.process_time()
        yield
        self.figures[f"{name}_s"] = round(time.perf_counter() - wall, 1)
        self.figures[f"{name}_cpu_s"] = round(time.process_time() - cpu, 1)

    def total(self) -> dict[str, float]:
        return {
            **self.figures,
            "total_s": round(time.perf_counter() - self.started[0], 1),
            "total_cpu_s": round(time.process_time() - self.started[1], 1),
        }


def columnar(package: Path, url: str, in_place: bool = False) -> tuple[dict[str, Any], dict[str, pl.DataFrame]]:
    """One import of ``package`` into a new database at ``url``, timed by phase (and the final frames)."""
    load = round(os.getloadavg()[0], 2)
    phases = Phases()
    with phases.phase("read_check"):
        frames = read_frames(package)
    with phases.phase("infer"):
        frames, _ = enrich_frames(frames)
    with phases.phase("search_rows"):
        entries = entries_frame(frames)
    engine = connect(url)
    upgrade(engine)
    with phases.phase("store"):
        counts = import_frames(DirectoryStore(engine), frames, entries)
    figures: dict[str, Any] = phases.total()
    if in_place and engine.dialect.name == "sqlite":
        held = sqlite3.connect(str(engine.url.database))  # another connection open: the in-place path runs
        try:
            with phases.phase("store_in_place"):
                import_frames(DirectoryStore(engine), frames, entries, replace=True)
        finally:
            held.close()
        figures.update({k: v for k, v in phases.figures.items() if k.startswith("store_in_place")})
    engine.dispose()
    figures["rows"] = sum(counts.values())
    figures["load_avg_1m"] = [load, round(os.getloadavg()[0], 2)]
    return figures, {**frames, "search_entry": entries}


def insert_floor(frames: dict[str, pl.DataFrame], work: Path) -> dict[str, Any]:
    """The rows alone into a fresh SQLite file: no journal, no secondary or text index, no checks."""
    path = work / "floor.db"
    engine = connect(f"sqlite:///{path}")
    upgrade(engine)
    engine.dispose()
    raw = sqlite3.connect(path, isolation_level=None)
    for name, _ in list(raw.execute("SELECT name, 1 FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")):
        raw.execute(f'DROP INDEX "{name}"')
    for pragma in ("journal_mode=OFF", "synchronous=OFF", "locking_mode=EXCLUSIVE", "cache_size=-262144"):
        raw.execute(f"PRAGMA {pragma}")
    load = round(os.getloadavg()[0], 2)
    phases = Phases()
    with phases.phase("insert"):
        raw.execute("BEGIN")
        cursor = raw.cursor()
        for name, frame in frames.items():
            if name == "search_entry":
                _executemany(cursor, "search_entry", with_cell(frame))
            elif frame.height:
                _executemany(cursor, f"hsds_{name}", frame)
        raw.execute("COMMIT")
    raw.close()
    path.unlink()
    return {**phases.figures, "rows": sum(f.height for f in frames.values()), "load_avg_1m": load}


def search_latency(url: str, entries: pl.DataFrame, n: int) -> dict[str, Any]:
    """``bench.search``'s queries on the imported database, against the bare geo query there."""
    points = entries.filter(pl.col("lat").is_not_null()).select("lat", "lon").to_numpy()
    engine = connect(url)
    try:
        return search_bench.measure(DirectoryStore(engine), search_bench.make_queries(points, seed=n))
    finally:
        engine.dispose()


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
        url = f"sqlite:///{work / 'bench.db'}"
        out["sqlite"], frames = columnar(work / "pkg", url, in_place="--in-place" in sys.argv)
        print(f"  sqlite {n:,}: {out['sqlite']}", flush=True)
        out["insert_floor"] = insert_floor(frames, work)
        print(f"  insert floor {n:,}: {out['insert_floor']}", flush=True)
        out["search_sqlite"] = search_latency(url, frames["search_entry"], n)
        print(f"  search {n:,}: {out['search_sqlite']}", flush=True)
        del frames
        try:
            pg = TempPostgres.start()
        except NoPostgres as error:
            out["postgresql_copy"] = f"skipped: {error}"
        else:
            try:
                out["postgresql_copy"], _ = columnar(work / "pkg", pg.fresh_database(f"imports_{n}"))
                print(f"  postgresql {n:,}: {out['postgresql_copy']}", flush=True)
            finally:
                pg.stop()
        out["row_path_for_comparison"] = rows_path(min(n, 10_000), work)
    return out


def run(quick: bool = False) -> dict[str, Any]:
    sizes = [int(a.split("=", 1)[1]) for a in sys.argv if a.startswith("--n=")]
    return {"runs": [measure(n) for n in (sizes or [100_000 if quick else 1_000_000])]}

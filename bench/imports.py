"""Import speed: an HSDS 3 CSV package of N synthetic services through ``services import``'s path
(read and validate the package, read needs and eligibility, store in one SQLite transaction).

N = 100,000 (10,000 with --quick); 1M is ``python -m bench imports --n 1000000`` style work we do
not run by default on the shared machine. Figures per phase, and seconds per 100k services.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from secondchance.directory.infer import enrich
from secondchance.directory.synth import synthesize, write_frames
from secondchance.directory.tabular import read_package
from secondchance.store import DirectoryStore, connect, upgrade


def measure(n: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        write_frames(synthesize(n, 7), root / "pkg")
        started = time.perf_counter()
        directory = read_package(root / "pkg")
        read_s = time.perf_counter() - started
        started = time.perf_counter()
        enrich(directory)
        infer_s = time.perf_counter() - started
        engine = connect(f"sqlite:///{root / 'bench.db'}")
        upgrade(engine)
        started = time.perf_counter()
        DirectoryStore(engine).import_directory(directory)
        store_s = time.perf_counter() - started
        engine.dispose()
    total = read_s + infer_s + store_s
    return {
        "services": n,
        "read_validate_s": round(read_s, 1),
        "infer_s": round(infer_s, 1),
        "store_s": round(store_s, 1),
        "total_s": round(total, 1),
        "s_per_100k": round(total * 100_000 / n, 1),
    }


def run(quick: bool = False) -> dict[str, Any]:
    sizes = [int(a.split("=", 1)[1]) for a in sys.argv if a.startswith("--n=")]
    return {"sqlite": [measure(n) for n in (sizes or [10_000 if quick else 100_000])]}

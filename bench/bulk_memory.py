"""Peak memory of ``secondchance bulk run`` at state scale: 50M synthetic PA charges (5M with ``--quick``).

The goal is < 4 GB at 50M charges, measured once; not in ``make bench``'s default suites because
it takes about ten minutes on two cores. Run it with ``python -m bench bulk_memory``.
"""

from __future__ import annotations

from typing import Any

from .bulk import run_bulk, synthetic_input


def run(quick: bool) -> dict[str, Any]:
    with synthetic_input("bench-bulk-memory-", 5 if quick else 50) as (work, source, rows, synth_seconds):
        bulk = run_bulk(source, work / "out")
        return {
            "charges": rows,
            "input_bytes": source.stat().st_size,
            "synth_seconds": round(synth_seconds, 1),
            "bulk_seconds": round(bulk["seconds"], 1),
            "bulk_charges_per_second": round(rows / bulk["seconds"]),
            "bulk_peak_rss_mb": round(bulk["peak_rss_bytes"] / 2**20),
            "target": "peak RSS < 4 GB at 50M charges",
        }

"""Run benchmark suites: ``python -m bench [SUITE ...] [--quick]``; results merge into bench/results.json."""

from __future__ import annotations

import importlib
import json
import platform
import sys
import time
from pathlib import Path

SUITES = [
    "bulk",
    "search",
    "api",
    "eligibility",
    "imports",
    "screen",
    "screen_memory",
    "papers",
    "papers_ca",
    "petitions",
]
RESULTS = Path(__file__).parent / "results.json"


def main(argv: list[str]) -> int:
    quick = "--quick" in argv
    names = [a for a in argv if not a.startswith("--")] or SUITES
    results = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    for name in names:
        try:
            module = importlib.import_module(f"bench.{name}")
        except ModuleNotFoundError as error:
            print(f"bench {name}: not available ({error})")
            continue
        print(f"bench {name}: running{' (quick)' if quick else ''} ...", flush=True)
        started = time.time()
        figures = module.run(quick=quick)
        results[name] = {
            "figures": figures,
            "quick": quick,
            "seconds": round(time.time() - started, 1),
            "machine": {"cpus": __import__("os").cpu_count(), "python": platform.python_version()},
            "at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        }
        RESULTS.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n")
        print(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

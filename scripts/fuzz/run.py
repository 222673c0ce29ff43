"""Run one reader's harness under atheris: ``python scripts/fuzz/run.py READER [libFuzzer options]``,
or every reader one after another: ``python scripts/fuzz/run.py all --seconds 600 --out DIR``.

Per reader, DIR/READER/ gets ``stats.json`` (executions, failures, distinct failures), ``failures.json``
(a traceback each), ``crashes/`` (the inputs) and ``corpus/`` (what coverage kept); ``all`` prints a
line per reader and writes DIR/summary.json. Harnesses keep going after a failure, so one run finds
every distinct defect it reaches. Needs PYTHONPATH to hold ``src`` (``make fuzz`` sets it).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import time
from importlib import import_module
from pathlib import Path

HERE = Path(__file__).resolve().parent
READERS = (
    "json_record",
    "csv_record",
    "bulk_csv",
    "bulk_parquet",
    "hsds_package",
    "hsds_json",
    "web_upload",
    "web_state",
    "rap_text",
    "pa_docket_lines",
    "papers_pdf",
)
MAX_LEN = {
    "hsds_package": 65536,
    "hsds_json": 65536,
    "json_record": 16384,
    "web_upload": 16384,
    "pa_docket_lines": 16384,
    "papers_pdf": 16384,
}


def fuzz_one(reader: str, argv: list[str]) -> None:
    """In this process: instrument secondchance, write the seeds, and hand over to libFuzzer (never returns)."""
    import atheris

    sys.path.insert(0, str(HERE))
    folder = Path(os.environ.get("FUZZ_OUT", "fuzz-out")) / reader
    seeds_dir = folder / "seeds"
    corpus = folder / "corpus"
    for path in (seeds_dir, corpus):
        path.mkdir(parents=True, exist_ok=True)
    with atheris.instrument_imports(include=["secondchance"]):
        module = import_module(reader)
    for name, data in module.seeds().items():
        (seeds_dir / name).write_bytes(data)
    from common import Recorder

    recorder = Recorder(reader, folder)
    import atexit

    atexit.register(recorder.write)
    options = [a for a in argv if a.startswith("-")]
    if not any(a.startswith("-max_len=") for a in options):
        options.append(f"-max_len={MAX_LEN.get(reader, 8192)}")
    atheris.Setup([sys.argv[0], *options, str(corpus), str(seeds_dir)], recorder.wrap(module.one_input))
    atheris.Fuzz()


def run_all(readers: list[str], seconds: int, out: Path) -> int:
    """Each reader in its own process for ``seconds``, one after another (one core)."""
    out.mkdir(parents=True, exist_ok=True)
    summary: dict[str, dict[str, object]] = {}
    for reader in readers:
        started = time.monotonic()
        env = {**os.environ, "FUZZ_OUT": str(out)}
        log = out / f"{reader}.log"
        with log.open("w") as handle:
            code = subprocess.call(
                [sys.executable, str(HERE / "run.py"), reader, f"-max_total_time={seconds}", "-print_final_stats=1"],
                stdout=handle,
                stderr=subprocess.STDOUT,
                env=env,
            )
        stats_path = out / reader / "stats.json"
        stats = json.loads(stats_path.read_text()) if stats_path.exists() else {}
        text = log.read_text(errors="replace")
        runs = re.findall(r"Done (\d+) runs", text)
        corpus = out / reader / "corpus"
        line = {
            "executions": int(runs[-1]) if runs else stats.get("executions", 0),
            "failures": stats.get("failures", "?"),
            "distinct_failures": sorted(stats.get("distinct_failures", {})),
            "corpus_size": len(list(corpus.iterdir())) if corpus.is_dir() else 0,
            "seconds": round(time.monotonic() - started),
            "exit_code": code,
        }
        summary[reader] = line
        (out / "summary.json").write_text(json.dumps(summary, indent=2) + "\n")
        print(
            f"{reader:13} {line['executions']:>9} executions  {line['failures']} failures "
            f"({len(line['distinct_failures'])} distinct)  corpus {line['corpus_size']}  {line['seconds']} s"
            + (f"  exit {code}" if code else ""),
            flush=True,
        )
        for key in line["distinct_failures"]:
            print(f"    {key}", flush=True)
    return 1 if any(s["failures"] for s in summary.values()) else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("reader", choices=[*READERS, "all"])
    parser.add_argument("--seconds", type=int, default=600, help="with all: seconds per reader")
    parser.add_argument("--out", type=Path, default=Path("fuzz-out"), help="with all: the results folder")
    parser.add_argument("--only", default="", help="with all: a comma-separated subset of readers")
    args, rest = parser.parse_known_args()
    if args.reader == "all":
        readers = [r for r in READERS if not args.only or r in args.only.split(",")]
        sys.exit(run_all(readers, args.seconds, args.out))
    fuzz_one(args.reader, rest)


if __name__ == "__main__":
    main()

"""The bulk run: partition by person, screen each partition in one pure call, commit atomically.

Stages (the layout of ``OUT/`` is in docs/bulk.md):

1. *spool*: stream the input into N partitions by person (``partition``);
2. *partitions*: for each, ``job.process_partition`` (validate -> ``evaluate_codes``) and
   ``commit.commit_partition`` (Parquet to a temporary file, fsync, rename, then a done marker);
   partitions run in a process pool (``local``) or on Spark (``spark``), chosen by name;
3. *finalize*: reconcile ``input rows = charges + rejected rows`` (fail loudly if not), gather
   the rejects into ``rejects.csv``, and write ``manifest.json`` last.

Everything written is a deterministic function of (input, rules, parameters, as_of, N): rows
are in input order within a partition, Parquet is written with fixed settings and carries no
timestamps, the manifest holds no clock. A crash at any point leaves either a committed
partition or none, so ``--resume`` only redoes what was not committed and ends with the same
bytes as an uninterrupted run.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Final

import polars as pl
import pyarrow as pa

from ..relief.lang import Rule
from .commit import atomic_write, committed, committed_marker, file_sha256, spreadsheet_safe_frame, write_json
from .evaluate import result_codes
from .faults import fault_point
from .identity import FORMAT_VERSION, code_version, default_partitions, run_identity
from .job import Plan, Progress, ReconcileError, RunError, select_rules
from .local import run_local
from .read import inspect

__all__ = ["ENGINES", "MANIFEST", "Plan", "Progress", "ReconcileError", "RunError", "finalize", "prepare", "run"]

MANIFEST: Final = "manifest.json"


def _run_on_spark(plan: Plan, identity: dict[str, Any], workers: int, progress: Progress) -> int:
    """The Spark engine, imported only when chosen (PySpark is an optional dependency)."""
    from .spark import run_on_spark

    return run_on_spark(plan, identity, progress)


#: The engines a run can use, by the name ``--engine`` gives: (plan, identity, workers, progress) -> input rows.
ENGINES: Final[dict[str, Callable[[Plan, dict[str, Any], int, Progress], int]]] = {
    "local": run_local,
    "spark": _run_on_spark,
}


def run(
    plan: Plan, *, resume: bool = False, workers: int | None = None, progress: Progress | None = None
) -> dict[str, Any]:
    """Run (or finish, with ``resume``) a bulk screening; returns the manifest."""
    progress = progress or Progress()
    if plan.engine not in ENGINES:
        raise RunError(f"unknown engine {plan.engine!r}; {' or '.join(ENGINES)}")
    try:
        identity, rules = prepare(plan, resume)
        try:
            partitions = int(identity["partitions"])
            if (plan.out / MANIFEST).exists() and all(committed(plan.out, p) for p in range(partitions)):
                input_rows = json.loads((plan.out / MANIFEST).read_text())["counts"]["input_rows"]
            else:
                input_rows = ENGINES[plan.engine](plan, identity, workers or os.cpu_count() or 1, progress)
            return finalize(plan, identity, rules, input_rows)
        except BaseException:
            # The spool is a full copy of the input: a failed run (we hold the lock) does not leave it behind;
            # --resume spools again and keeps every committed partition. Only a killed run leaves it (0600).
            shutil.rmtree(plan.out / "_state" / "spool", ignore_errors=True)
            raise
    finally:
        _unlock(plan.out)


def prepare(plan: Plan, resume: bool) -> tuple[dict[str, Any], tuple[Rule, ...]]:
    """Check the output directory and the run's identity; returns (identity, rules)."""
    info = inspect(plan.source)
    partitions = plan.partitions or default_partitions(info.rows_hint)
    if partitions < 1:
        raise RunError("--partitions must be at least 1")
    rules = select_rules(plan.jurisdiction, plan.as_of)
    if plan.jurisdiction and not rules:
        raise RunError(f"no {plan.jurisdiction.upper()} rules are in force on {plan.as_of.isoformat()}")
    identity = run_identity(plan, partitions, rules, file_sha256(plan.source))
    state = plan.out / "_state"
    run_file = state / "run.json"
    if run_file.exists():
        if not resume:
            raise RunError(f"{plan.out} holds a run already; add --resume to finish it, or choose a new --out")
        previous = json.loads(run_file.read_text())
        previous_partitions = previous.get("partitions")
        if plan.partitions is None and previous_partitions:  # resume keeps the partition count it started with
            identity = run_identity(plan, int(previous_partitions), rules, identity["input_sha256"])
        if previous != identity:
            changed = sorted(k for k in identity if previous.get(k) != identity[k])
            raise RunError(f"--resume: {plan.out} was started with a different {', '.join(changed)}")
    elif plan.out.exists() and any(plan.out.iterdir()) and not _only_skeleton(plan.out):
        raise RunError(f"{plan.out} is not empty and holds no run; choose a new --out")
    for sub in ("results", "charges", "rejects", "_state/done"):
        (plan.out / sub).mkdir(parents=True, exist_ok=True)
    _lock(plan.out)
    _sweep_temporaries(plan.out)
    if not run_file.exists():
        write_json(run_file, identity)
    return identity, rules


def _only_skeleton(out: Path) -> bool:
    """Whether ``out`` holds nothing but what a run killed before writing ``run.json`` leaves: empty
    folders, the lock and half-written temporaries (found by crashing at the ``before-rename`` point)."""
    for path in out.rglob("*"):
        if path.is_dir():
            continue
        inside_state = path.relative_to(out).parts[0] == "_state"
        if not (inside_state and (path.name == "lock" or ".tmp-" in path.name)):
            return False
    return True


_LOCKS: dict[Path, int] = {}


def _lock(out: Path) -> None:
    """Hold ``_state/lock`` for this process's life: two runs writing one directory would corrupt it.

    The kernel drops the lock when the process dies, however it dies, so a crash never blocks ``--resume``.
    """
    key = out.resolve()
    if key in _LOCKS:
        return
    fd = os.open(out / "_state" / "lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        raise RunError(f"another run is writing to {out}; wait for it to finish (or stop it) first") from None
    _LOCKS[key] = fd


def _unlock(out: Path) -> None:
    fd = _LOCKS.pop(out.resolve(), None)
    if fd is not None:
        os.close(fd)


def _sweep_temporaries(out: Path) -> None:
    """Delete half-written ``*.tmp-PID`` files a killed run left behind (safe: we hold the lock)."""
    for tmp in out.rglob("*.tmp-*"):
        if tmp.is_file():
            tmp.unlink()


def finalize(plan: Plan, identity: dict[str, Any], rules: Sequence[Rule], input_rows: int) -> dict[str, Any]:
    """Reconcile every count, gather the rejects, write the manifest (last), drop the spool.

    The order is the one a crash must respect: the manifest is written only once everything it names is.
    """
    totals, status, files = _committed_counts(plan.out, int(identity["partitions"]))
    _reconcile(totals, input_rows)
    rejects_csv = plan.out / "rejects.csv"
    gathered = pl.concat([pl.read_parquet(plan.out / rel) for rel in sorted(files) if rel.startswith("rejects/")])
    gathered = spreadsheet_safe_frame(gathered.sort("row", maintain_order=True))
    atomic_write(rejects_csv, lambda handle: gathered.write_csv(handle))
    files["rejects.csv"] = file_sha256(rejects_csv)
    fault_point("before-manifest")
    manifest = _manifest(plan, identity, rules, input_rows, totals, status, files)
    write_json(plan.out / MANIFEST, manifest)
    shutil.rmtree(plan.out / "_state" / "spool", ignore_errors=True)
    return manifest


def _committed_counts(out: Path, partitions: int) -> tuple[dict[str, int], dict[str, int], dict[str, str]]:
    """(counts, results by status, files and their sha256) summed over every partition's committed marker."""
    markers = [committed_marker(out, p) for p in range(partitions)]
    totals: dict[str, int] = {}
    status: dict[str, int] = {}
    files: dict[str, str] = {}
    for marker in markers:
        for key, value in marker["counts"].items():
            if key == "status":
                for name, count in value.items():
                    status[name] = status.get(name, 0) + int(count)
            else:
                totals[key] = totals.get(key, 0) + int(value)
        files.update(marker["files"])
    return totals, status, files


def _reconcile(totals: dict[str, int], input_rows: int) -> None:
    """Every input row is in a partition, and is a charge or a rejected row (else ``ReconcileError``)."""
    if totals["rows"] != input_rows:
        raise ReconcileError(f"the input has {input_rows} rows but the partitions hold {totals['rows']}")
    if input_rows != totals["charges"] + totals["rejected_rows"]:
        raise ReconcileError(
            f"input rows {input_rows} != charges {totals['charges']} + rejected rows {totals['rejected_rows']}"
        )


def _manifest(
    plan: Plan,
    identity: dict[str, Any],
    rules: Sequence[Rule],
    input_rows: int,
    totals: dict[str, int],
    status: dict[str, int],
    files: dict[str, str],
) -> dict[str, Any]:
    """The manifest of a finished run: what was read, with which rules, the reconciled counts, every file."""
    counts = {
        "input_rows": input_rows,
        "charges": totals["charges"],
        "screened_charges": totals["screened_charges"],
        "unscreened_charges": totals["unscreened_charges"],
        "rejected_rows": totals["rejected_rows"],
        "rejects": totals["rejects"],
        "results": totals["results"],
    }
    return {
        "format": FORMAT_VERSION,
        "input": {
            "path": str(plan.source),
            "sha256": identity["input_sha256"],
            "bytes": plan.source.stat().st_size,
            "rows": input_rows,
        },
        "as_of": identity["as_of"],
        "jurisdiction": identity["jurisdiction"],
        "engine": plan.engine,
        "partitions": int(identity["partitions"]),
        "rules": result_codes(plan.as_of, rules).to_json(),
        "rules_sha256": identity["rules_sha256"],
        "counts": counts,
        "status": dict(sorted(status.items())),
        "reconciled": (
            f"input rows {input_rows} = charges {counts['charges']} "
            f"(screened {counts['screened_charges']}, unscreened {counts['unscreened_charges']}) "
            f"+ rejected rows {counts['rejected_rows']}"
        ),
        "files": dict(sorted(files.items())),
        "versions": {
            "secondchance": code_version(),
            "polars": pl.__version__,
            "pyarrow": pa.__version__,
            "python": ".".join(map(str, sys.version_info[:3])),
        },
    }

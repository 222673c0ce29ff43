"""The local engine: partitions screened in a pool of spawned processes on this machine, cores shared out."""

from __future__ import annotations

import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from datetime import date
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from .commit import commit_partition, committed, committed_marker
from .job import Plan, Progress, load_evaluator, process_partition, select_rules
from .partition import read_spool, spool_input, spool_rows
from .read import inspect
from .supervise import die_with_parent


def screen_partition(
    out: str, spool: str, part: int, as_of: str, jurisdiction: str | None, evaluator: str
) -> dict[str, Any]:
    """One task of the local pool: read the spooled partition, process, commit (plain args: picklable)."""
    day = date.fromisoformat(as_of)
    raw = read_spool(Path(spool), part)
    output = process_partition(raw, day, select_rules(jurisdiction, day), load_evaluator(evaluator))
    return commit_partition(Path(out), part, output)


def run_local(plan: Plan, identity: dict[str, Any], workers: int, progress: Progress) -> int:
    partitions = int(identity["partitions"])
    spool = plan.out / "_state" / "spool"
    todo = [p for p in range(partitions) if committed(plan.out, p) is None]
    input_rows = spool_rows(spool)
    with _threads_per_process(workers):
        if todo and input_rows is None:
            info = inspect(plan.source)
            progress.on_start("spool", info.rows_hint)
            input_rows = spool_input(
                plan.source,
                spool,
                partitions,
                workers=workers,
                on_batch=lambda rows: progress.on_advance("spool", rows, rows),
            )
        progress.on_start("partitions", partitions)
        progress.on_advance("partitions", partitions - len(todo), 0)
        args = (str(plan.out), str(spool), plan.as_of.isoformat(), identity["jurisdiction"], plan.evaluator)
        if workers <= 1 or len(todo) <= 1:
            for part in todo:
                marker = screen_partition(args[0], args[1], part, *args[2:])
                progress.on_advance("partitions", 1, int(marker["counts"]["rows"]))
        else:
            with ProcessPoolExecutor(
                max_workers=min(workers, len(todo)),
                mp_context=get_context("spawn"),
                initializer=die_with_parent,
                initargs=(os.getpid(),),
            ) as pool:
                futures = [pool.submit(screen_partition, args[0], args[1], p, *args[2:]) for p in todo]
                for future in as_completed(futures):
                    marker = future.result()
                    progress.on_advance("partitions", 1, int(marker["counts"]["rows"]))
    if input_rows is None:  # every partition was committed before the spool was cleaned up
        input_rows = sum(int(committed_marker(plan.out, p)["counts"]["rows"]) for p in range(partitions))
    return input_rows


@contextmanager
def _threads_per_process(workers: int) -> Iterator[None]:
    """Share the cores among the worker processes: Polars threads per process, inherited by spawned workers."""
    previous = os.environ.get("POLARS_MAX_THREADS")
    if workers > 1:
        os.environ["POLARS_MAX_THREADS"] = str(max(1, (os.cpu_count() or 1) // workers))
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop("POLARS_MAX_THREADS", None)
        else:
            os.environ["POLARS_MAX_THREADS"] = previous

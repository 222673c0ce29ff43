"""The bulk run: partition by person, screen each partition in one pure call, commit atomically.

Stages (the layout of ``OUT/`` is in docs/bulk.md):

1. *spool*: stream the input into N partitions by person (``partition.py``);
2. *partitions*: for each, ``process_partition`` (validate -> ``evaluate_codes``) and
   ``commit_partition`` (Parquet to a temporary file, fsync, rename, then a done marker);
   partitions run in a process pool (local) or on Spark (``spark.py``);
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
import hashlib
import importlib
import json
import math
import os
import shutil
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from importlib import metadata
from multiprocessing import get_context
from pathlib import Path
from typing import Any, Final

import numpy as np
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq

from ..relief.jurisdictions import all_rules
from ..relief.lang import Rule
from ..relief.params import all_parameters
from .codes import ResultCodes
from .evaluate import evaluate_codes, result_codes
from .faults import fault_point
from .partition import read_spool, spool_input, spool_rows
from .read import (
    PROBLEM,
    ROW,
    check_people,
    inspect,
    raw_ids,
    rejects_frame,
    stripped_ids,
    validate,
)
from .schema import CHARGE_SCHEMA, STATUSES, with_defaults
from .supervise import die_with_parent

#: evaluate_codes' signature: (charges, as_of, rules) -> a CODE_SCHEMA frame keyed by result_codes(as_of, rules).
Evaluate = Callable[[pl.DataFrame, date, Sequence[Rule] | None], pl.DataFrame]
#: About 1 GB per worker process at the compiled engine's ~5 KB per charge in flight (measured; bench/bulk.py).
ROWS_PER_PARTITION: Final = 100_000
#: One row group per partition file (1.4M result rows at 14 rules): a quarter off writing the results.
ROW_GROUP_SIZE: Final = 1 << 21
MANIFEST: Final = "manifest.json"
DEFAULT_EVALUATOR: Final = "secondchance.bulk.evaluate:evaluate_codes"
FORMAT_VERSION: Final = 1

_CODED: Final = pa.dictionary(pa.int16(), pa.string())
#: The results files: one row per (charge, rule), keyed to the charges files by ``row``. Text columns are
#: dictionary-coded (a few bytes a row); ``reasons``/``missing`` are bit masks the manifest's ``rules`` decode.
RESULT_ARROW: Final = pa.schema(
    [
        ("row", pa.int64()),
        ("rule", _CODED),
        ("relief", _CODED),
        ("section", _CODED),
        ("automatic", pa.bool_()),
        ("status", _CODED),
        ("eligible_on", pa.date32()),
        ("reasons", pa.int64()),
        ("missing", pa.int64()),
    ]
)
_REPEATING: Final = ("jurisdiction", "county", "field", "reason")
#: The charges files: one row per accepted charge (screened or not), with what the report groups by.
CHARGE_ARROW: Final = pa.schema(
    [
        ("row", pa.int64()),
        ("person_id", pa.string()),
        ("case_id", pa.string()),
        ("charge_id", pa.string()),
        ("jurisdiction", pa.string()),
        ("county", pa.string()),
        ("disposition_date", pa.date32()),
    ]
)
REJECT_ARROW: Final = pa.schema(
    [
        ("row", pa.int64()),
        ("field", pa.string()),
        ("reason", pa.string()),
        ("person_id", pa.string()),
        ("case_id", pa.string()),
        ("charge_id", pa.string()),
    ]
)


class RunError(RuntimeError):
    """The run cannot start or continue (existing output, a different input on --resume, ...)."""


class ReconcileError(RunError):
    """The counts do not add up: some row was lost or invented. Never ignore this."""


@dataclass(frozen=True)
class Plan:
    """What to compute. Two runs with equal plans (and equal input bytes) write equal bytes."""

    source: Path
    out: Path
    as_of: date
    jurisdiction: str | None = None
    partitions: int | None = None
    engine: str = "local"
    #: ``module:function`` with evaluate_codes' signature; another implementation can be plugged in by name
    #: (the name, not the function, so process-pool and Spark workers import it themselves).
    evaluator: str = DEFAULT_EVALUATOR


@dataclass
class Progress:
    """Callbacks the CLI uses for its progress bar; all optional."""

    on_start: Callable[[str, int], None] = lambda stage, total: None
    on_advance: Callable[[str, int, int], None] = lambda stage, amount, rows: None


@dataclass(frozen=True)
class PartitionOutput:
    results: pa.Table  # RESULT_ARROW
    charges: pl.DataFrame  # CHARGE_ARROW's columns
    rejects: pl.DataFrame
    counts: dict[str, Any] = field(default_factory=dict)


# ---------------------------------------------------------------------------- rules and identity


def select_rules(jurisdiction: str | None, as_of: date) -> tuple[Rule, ...]:
    """The rules a run applies: those of ``jurisdiction`` (or of every jurisdiction) in force on ``as_of``."""
    wanted = jurisdiction.upper() if jurisdiction else None
    return tuple(r for r in all_rules() if (wanted is None or r.jurisdiction == wanted) and r.in_force(as_of))


def rules_digest(rules: Sequence[Rule]) -> str:
    """A hash of the rule definitions (every condition, wait, citation) and all dated parameters."""
    digest = hashlib.sha256()
    for rule in rules:
        digest.update(repr(rule).encode())
    for key, parameter in sorted(all_parameters().items()):
        digest.update(key.encode() + repr(parameter).encode())
    return digest.hexdigest()


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 22):
            digest.update(chunk)
    return digest.hexdigest()


def default_partitions(rows_hint: int) -> int:
    """Depends only on the input, never on the machine, so every machine writes the same layout."""
    return max(4, math.ceil(rows_hint / ROWS_PER_PARTITION))


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:  # pragma: no cover
        return "unknown"


# ---------------------------------------------------------------------------- one partition (pure)


def load_evaluator(name: str) -> Evaluate:
    module, _, attribute = name.partition(":")
    function: Evaluate = getattr(importlib.import_module(module), attribute)
    return function


def process_partition(
    raw: pl.DataFrame, as_of: date, rules: Sequence[Rule], evaluate: Evaluate = evaluate_codes
) -> PartitionOutput:
    """Validate one partition's raw rows (whole persons) and screen them: no I/O, deterministic.

    Every raw row ends up either as an accepted charge (screened, or unscreened if its
    jurisdiction has no rules here) or as a rejected row with one or more reasons.
    """
    raw = raw.sort(ROW)
    if PROBLEM not in raw.columns:
        raw = raw.with_columns(pl.lit(None, pl.Utf8).alias(PROBLEM))
    ids = raw_ids(raw)
    charges, problems = validate(raw, as_of)
    charges, problems = check_people(charges, problems, stripped_ids(ids.filter(raw[PROBLEM].is_null())))
    rejects = rejects_frame(problems, ids)
    per_jurisdiction: dict[str, int] = {}
    for rule in rules:
        per_jurisdiction[rule.jurisdiction] = per_jurisdiction.get(rule.jurisdiction, 0) + 1
    screened_mask = charges["jurisdiction"].is_in(list(per_jurisdiction))
    screened = charges.filter(screened_mask)
    # Defaults here too, so a plugged-in evaluator makes the same assumptions as evaluate_codes.
    codes = evaluate(with_defaults(charges.select(list(CHARGE_SCHEMA))), as_of, list(rules))
    if codes.height and codes["charge"].max() >= charges.height:  # type: ignore[operator]
        raise ReconcileError("the evaluator returned a result for a charge that is not in the partition")
    rows = charges[ROW].cast(pl.Int64)
    expected = sum(per_jurisdiction[j] * n for j, n in screened["jurisdiction"].value_counts().iter_rows())
    counts: dict[str, Any] = {
        "rows": raw.height,
        "charges": charges.height,
        "screened_charges": screened.height,
        "unscreened_charges": charges.height - screened.height,
        "rejected_rows": rejects["row"].n_unique(),
        "rejects": rejects.height,
        "results": codes.height,
        "status": {STATUSES[k]: n for k, n in sorted(codes["status"].value_counts().iter_rows())},
    }
    if counts["rows"] != counts["charges"] + counts["rejected_rows"]:
        raise ReconcileError(
            f"partition rows {counts['rows']} != charges {counts['charges']} + rejected rows {counts['rejected_rows']}"
        )
    if codes.height != expected:
        raise ReconcileError(
            f"the evaluator gave {codes.height} result rows for {screened.height} charges; expected {expected}"
        )
    results = results_table(codes, rows, result_codes(as_of, rules))
    kept = charges.select(pl.col(ROW).cast(pl.Int64).alias("row"), *CHARGE_ARROW.names[1:])
    return PartitionOutput(results, kept, rejects, counts)


def results_table(codes: pl.DataFrame, rows: pl.Series, key: ResultCodes) -> pa.Table:
    """A code frame as ``RESULT_ARROW``: input rows for charge positions, rule facts as dictionaries."""
    rule = codes["rule"].to_numpy()

    def per_rule(values: list[str]) -> pa.DictionaryArray:
        dictionary = sorted(set(values))
        lookup = np.array([dictionary.index(v) for v in values], dtype=np.int16)
        return pa.DictionaryArray.from_arrays(pa.array(lookup[rule]), pa.array(dictionary, pa.string()))

    status = pa.array(codes["status"].cast(pl.Int16).to_numpy())
    return pa.table(
        [
            rows.gather(codes["charge"]).to_arrow(),
            per_rule([r.id for r in key.rules]),
            per_rule([r.relief.value for r in key.rules]),
            per_rule([r.section for r in key.rules]),
            pa.array(np.array([r.automatic for r in key.rules], dtype=bool)[rule]),
            pa.DictionaryArray.from_arrays(status, pa.array(STATUSES, pa.string())),
            codes["eligible_on"].to_arrow(),
            codes["reasons"].to_arrow(),
            codes["missing"].to_arrow(),
        ],
        schema=RESULT_ARROW,
    )


# ---------------------------------------------------------------------------- committing


def spreadsheet_safe_frame(frame: pl.DataFrame) -> pl.DataFrame:
    """Text cells a spreadsheet would run as a formula (= + - @ tab CR first) get a leading ``'``."""
    text = [name for name, dtype in frame.schema.items() if dtype == pl.Utf8]
    risky = "^[=+\\-@\t\r]"
    return frame.with_columns(
        pl.when(pl.col(name).str.contains(risky)).then(pl.lit("'") + pl.col(name)).otherwise(pl.col(name)).alias(name)
        for name in text
    )


def part_name(part: int) -> str:
    return f"part-{part:05d}"


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write(path: Path, write: Callable[[Any], None]) -> None:
    """Write via ``path.tmp-PID``, fsync, rename over ``path``, fsync the directory."""
    tmp = path.with_name(f"{path.name}.tmp-{os.getpid()}")
    with tmp.open("wb") as handle:
        write(handle)
        handle.flush()
        os.fsync(handle.fileno())
    fault_point("before-rename")
    os.replace(tmp, path)
    _fsync_dir(path.parent)


def write_parquet(path: Path, frame: pl.DataFrame | pa.Table, schema: pa.Schema) -> None:
    """Deterministic Parquet: fixed schema, row groups, codec; no timestamps in the metadata.

    Dictionary pages only for the columns that repeat (coded text, jurisdiction, county, field), and
    statistics only where readers filter (row, dates): together a third off the results' writing time.
    """
    if isinstance(frame, pl.DataFrame):
        frame = frame.to_arrow()
    table = frame.cast(schema) if frame.num_rows else schema.empty_table()
    repeating = [f.name for f in schema if pa.types.is_dictionary(f.type) or f.name in _REPEATING]
    filtered = [f.name for f in schema if f.name == "row" or pa.types.is_date(f.type)]
    atomic_write(
        path,
        lambda handle: pq.write_table(
            table,
            handle,
            row_group_size=ROW_GROUP_SIZE,
            compression="zstd",
            compression_level=1,
            use_dictionary=repeating,
            write_statistics=filtered,
        ),
    )


def _write_json(path: Path, data: dict[str, Any]) -> None:
    text = json.dumps(data, indent=2, sort_keys=True) + "\n"
    atomic_write(path, lambda handle: handle.write(text.encode()))


def commit_partition(out: Path, part: int, output: PartitionOutput) -> dict[str, Any]:
    """Commit one partition: results, charges and rejects files, then its done marker (the commit point)."""
    name = part_name(part)
    files: dict[str, str] = {}
    for kind, frame, schema in (
        ("results", output.results, RESULT_ARROW),
        ("charges", output.charges, CHARGE_ARROW),
        ("rejects", output.rejects, REJECT_ARROW),
    ):
        path = out / kind / f"{name}.parquet"
        write_parquet(path, frame, schema)
        files[f"{kind}/{name}.parquet"] = file_sha256(path)
    marker = {"partition": part, "counts": output.counts, "files": files}
    _write_json(out / "_state" / "done" / f"{name}.json", marker)
    fault_point("partition-committed")
    return marker


def committed(out: Path, part: int) -> dict[str, Any] | None:
    """The done marker of a partition whose files are intact, else None (to be redone)."""
    path = out / "_state" / "done" / f"{part_name(part)}.json"
    if not path.exists():
        return None
    try:
        marker: dict[str, Any] = json.loads(path.read_text())
        files = marker["files"].items()
        int(marker["counts"]["rows"])
    except (ValueError, KeyError, TypeError, AttributeError):  # truncated or damaged: redo the partition
        return None
    for rel, sha in files:
        target = out / rel
        if not target.exists() or file_sha256(target) != sha:
            return None
    return marker


def screen_partition(
    out: str, spool: str, part: int, as_of: str, jurisdiction: str | None, evaluator: str
) -> dict[str, Any]:
    """One task of the local pool: read the spooled partition, process, commit (plain args: picklable)."""
    day = date.fromisoformat(as_of)
    raw = read_spool(Path(spool), part)
    output = process_partition(raw, day, select_rules(jurisdiction, day), load_evaluator(evaluator))
    return commit_partition(Path(out), part, output)


# ---------------------------------------------------------------------------- the run


def _identity(plan: Plan, partitions: int, rules: Sequence[Rule], source_sha: str) -> dict[str, Any]:
    return {
        "format": FORMAT_VERSION,
        "input_sha256": source_sha,
        "as_of": plan.as_of.isoformat(),
        "jurisdiction": plan.jurisdiction.upper() if plan.jurisdiction else None,
        "partitions": partitions,
        "rules_sha256": rules_digest(rules),
        "polars": pl.__version__,  # the person hash is stable within a Polars version
        "secondchance": _version("secondchance"),  # a resumed run is finished by the code that started it
    }


def prepare(plan: Plan, resume: bool) -> tuple[dict[str, Any], tuple[Rule, ...]]:
    """Check the output directory and the run's identity; returns (identity, rules)."""
    info = inspect(plan.source)
    partitions = plan.partitions or default_partitions(info.rows_hint)
    if partitions < 1:
        raise RunError("--partitions must be at least 1")
    rules = select_rules(plan.jurisdiction, plan.as_of)
    if plan.jurisdiction and not rules:
        raise RunError(f"no {plan.jurisdiction.upper()} rules are in force on {plan.as_of.isoformat()}")
    identity = _identity(plan, partitions, rules, file_sha256(plan.source))
    state = plan.out / "_state"
    run_file = state / "run.json"
    if run_file.exists():
        if not resume:
            raise RunError(f"{plan.out} holds a run already; add --resume to finish it, or choose a new --out")
        previous = json.loads(run_file.read_text())
        previous_partitions = previous.get("partitions")
        if plan.partitions is None and previous_partitions:  # resume keeps the partition count it started with
            identity = _identity(plan, int(previous_partitions), rules, identity["input_sha256"])
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
        _write_json(run_file, identity)
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


def run(
    plan: Plan, *, resume: bool = False, workers: int | None = None, progress: Progress | None = None
) -> dict[str, Any]:
    """Run (or finish, with ``resume``) a bulk screening; returns the manifest."""
    progress = progress or Progress()
    if plan.engine not in ("local", "spark"):
        raise RunError(f"unknown engine {plan.engine!r}; local or spark")
    try:
        identity, rules = prepare(plan, resume)
        try:
            partitions = int(identity["partitions"])
            if (plan.out / MANIFEST).exists() and all(committed(plan.out, p) for p in range(partitions)):
                input_rows = json.loads((plan.out / MANIFEST).read_text())["counts"]["input_rows"]
            elif plan.engine == "spark":
                from .spark import run_on_spark

                input_rows = run_on_spark(plan, identity, progress)
            else:
                input_rows = _run_local(plan, identity, workers or os.cpu_count() or 1, progress)
            return finalize(plan, identity, rules, input_rows)
        except BaseException:
            # The spool is a full copy of the input: a failed run (we hold the lock) does not leave it behind;
            # --resume spools again and keeps every committed partition. Only a killed run leaves it (0600).
            shutil.rmtree(plan.out / "_state" / "spool", ignore_errors=True)
            raise
    finally:
        _unlock(plan.out)


def _run_local(plan: Plan, identity: dict[str, Any], workers: int, progress: Progress) -> int:
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
        input_rows = sum(int(_marker(plan.out, p)["counts"]["rows"]) for p in range(partitions))
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


def _marker(out: Path, part: int) -> dict[str, Any]:
    marker = committed(out, part)
    if marker is None:
        raise RunError(f"partition {part} is not committed")
    return marker


def finalize(plan: Plan, identity: dict[str, Any], rules: Sequence[Rule], input_rows: int) -> dict[str, Any]:
    """Reconcile every count, gather the rejects, write the manifest (last), drop the spool."""
    partitions = int(identity["partitions"])
    markers = [_marker(plan.out, p) for p in range(partitions)]
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
    if totals["rows"] != input_rows:
        raise ReconcileError(f"the input has {input_rows} rows but the partitions hold {totals['rows']}")
    if input_rows != totals["charges"] + totals["rejected_rows"]:
        raise ReconcileError(
            f"input rows {input_rows} != charges {totals['charges']} + rejected rows {totals['rejected_rows']}"
        )
    rejects_csv = plan.out / "rejects.csv"
    gathered = pl.concat([pl.read_parquet(plan.out / rel) for rel in sorted(files) if rel.startswith("rejects/")])
    gathered = spreadsheet_safe_frame(gathered.sort("row", maintain_order=True))
    atomic_write(rejects_csv, lambda handle: gathered.write_csv(handle))
    files["rejects.csv"] = file_sha256(rejects_csv)
    fault_point("before-manifest")
    counts = {
        "input_rows": input_rows,
        "charges": totals["charges"],
        "screened_charges": totals["screened_charges"],
        "unscreened_charges": totals["unscreened_charges"],
        "rejected_rows": totals["rejected_rows"],
        "rejects": totals["rejects"],
        "results": totals["results"],
    }
    manifest = {
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
        "partitions": partitions,
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
            "secondchance": _version("secondchance"),
            "polars": pl.__version__,
            "pyarrow": pa.__version__,
            "python": ".".join(map(str, sys.version_info[:3])),
        },
    }
    _write_json(plan.out / MANIFEST, manifest)
    shutil.rmtree(plan.out / "_state" / "spool", ignore_errors=True)
    return manifest

"""A partition committed atomically: its files written to a temporary name, fsynced and renamed, then its
done marker (the commit point); ``committed`` says whether a partition's files are intact.

Parquet is written with fixed settings and no timestamps, so equal inputs give equal bytes.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, Final

import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq

from .faults import fault_point
from .job import CHARGE_ARROW, REJECT_ARROW, RESULT_ARROW, PartitionOutput, RunError

#: One row group per partition file (1.4M result rows at 14 rules): a quarter off writing the results.
ROW_GROUP_SIZE: Final = 1 << 21
_REPEATING: Final = ("jurisdiction", "county", "field", "reason")


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 22):
            digest.update(chunk)
    return digest.hexdigest()


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


def write_json(path: Path, data: dict[str, Any]) -> None:
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
    write_json(out / "_state" / "done" / f"{name}.json", marker)
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


def committed_marker(out: Path, part: int) -> dict[str, Any]:
    """The done marker of a committed partition; RunError if it is missing or damaged."""
    marker = committed(out, part)
    if marker is None:
        raise RunError(f"partition {part} is not committed")
    return marker

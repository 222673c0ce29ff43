"""Split the input by person into N partitions on disk, streaming, in bounded memory.

A person's charges always land in the same partition (the partition is a hash of the trimmed
``person_id``), so each partition can be screened alone: rules look at a person's other
charges, never at other people. Rows keep their input number (``_row``) so results can be put
back in input order and rejects point at the line to fix.

The spool is Arrow IPC, one file per partition, written as the input streams by; memory is
one input batch. It is a deterministic function of the input, so after a crash it is simply
rebuilt (``spool.json`` marks it complete).
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Final

import polars as pl
import pyarrow as pa

from .read import PROBLEM, ROW, WHITESPACE, read_batches

PART: Final = "_part"
#: Seed of the person hash. Polars keeps ``hash`` stable within a version; the run records it.
HASH_SEED: Final = 20_181_228


def partition_of(person_id: pl.Expr, partitions: int) -> pl.Expr:
    """The partition (0..N-1) of each row: a hash of the trimmed person id (missing ids hash alike)."""
    key = person_id.cast(pl.Utf8).str.strip_chars(WHITESPACE)
    return (key.hash(seed=HASH_SEED) % partitions).cast(pl.Int32).alias(PART)


def with_partition(frame: pl.DataFrame, partitions: int) -> pl.DataFrame:
    person = pl.col("person_id") if "person_id" in frame.columns else pl.lit(None, pl.Utf8)
    return frame.with_columns(partition_of(person, partitions))


def spool_path(spool: Path, part: int) -> Path:
    return spool / f"part-{part:05d}.arrow"


def _fixed(frame: pl.DataFrame, columns: list[str]) -> pa.Table:
    """The batch with the same columns and Arrow types every time (so one IPC file per partition works)."""
    out = frame.select(
        [pl.col(c) if c in frame.columns else pl.lit(None, pl.Utf8).alias(c) for c in columns]
    ).to_arrow()
    return out.cast(pa.schema([_plain(f) for f in out.schema]))


def _plain(field: pa.Field) -> pa.Field:
    if pa.types.is_large_string(field.type) or pa.types.is_string_view(field.type):
        return pa.field(field.name, pa.string())
    if pa.types.is_null(field.type):
        return pa.field(field.name, pa.string())
    return field


def spool_input(
    source: Path,
    spool: Path,
    partitions: int,
    *,
    batch_rows: int = 262_144,
    on_batch: Callable[[int], None] | None = None,
) -> int:
    """Write ``source`` into ``spool/part-NNNNN.arrow`` by person; returns the number of input rows."""
    _allow_open_files(partitions + 64)
    if spool.exists():
        shutil.rmtree(spool)
    spool.mkdir(parents=True)
    writers: dict[int, pa.ipc.RecordBatchFileWriter] = {}
    schema: pa.Schema | None = None
    columns: list[str] | None = None
    rows = 0
    try:
        for batch in read_batches(source, batch_rows):
            if columns is None:
                columns = [c for c in batch.columns if c not in (ROW, PROBLEM)] + [ROW, PROBLEM]
            rows += batch.height
            parted = with_partition(batch, partitions)
            for (part,), piece in parted.partition_by(PART, as_dict=True, maintain_order=True).items():
                table = _fixed(piece, columns)
                if schema is None:
                    schema = table.schema
                table = table.cast(schema)
                writer = writers.get(int(part))
                if writer is None:
                    sink = pa.OSFile(str(spool_path(spool, int(part))), "wb")
                    writer = pa.ipc.new_file(sink, schema, options=pa.ipc.IpcWriteOptions(compression="lz4"))
                    writers[int(part)] = writer
                writer.write_table(table)
            if on_batch is not None:
                on_batch(batch.height)
    finally:
        for writer in writers.values():
            writer.close()
    # The marker says the spool is complete, so it must never be half-written: write aside, then rename.
    marker = spool / "spool.json.partial"
    marker.write_text(json.dumps({"rows": rows, "partitions": partitions, "columns": columns}))
    marker.replace(spool / "spool.json")
    return rows


def _allow_open_files(count: int) -> None:
    """One open spool file per partition: raise the soft descriptor limit if it is lower (up to the hard one)."""
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft != resource.RLIM_INFINITY and soft < count:
        limit = count if hard == resource.RLIM_INFINITY else min(count, hard)
        resource.setrlimit(resource.RLIMIT_NOFILE, (limit, hard))


def spool_rows(spool: Path) -> int | None:
    """The input row count if the spool is complete, else None."""
    marker = spool / "spool.json"
    if not marker.exists():
        return None
    return int(json.loads(marker.read_text())["rows"])


def read_spool(spool: Path, part: int) -> pl.DataFrame:
    """One partition's raw rows (empty frame if no row hashed there)."""
    path = spool_path(spool, part)
    if not path.exists():
        return pl.DataFrame(schema={ROW: pl.Int64, PROBLEM: pl.Utf8})
    with pa.OSFile(str(path), "rb") as source:
        table = pa.ipc.open_file(source).read_all()
    frame = pl.from_arrow(table)
    assert isinstance(frame, pl.DataFrame)
    return frame


def iter_partitions(spool: Path, partitions: int) -> Iterator[tuple[int, pl.DataFrame]]:
    for part in range(partitions):
        yield part, read_spool(spool, part)

"""Split the input by person into N partitions on disk, streaming, in bounded memory.

A person's charges always land in the same partition (the partition is a hash of the trimmed
``person_id``), so each partition can be screened alone: rules look at a person's other
charges, never at other people. Rows keep their input number (``_row``) so results can be put
back in input order and rejects point at the line to fix.

The spool is Arrow IPC, one file per partition and input piece, written as the input streams
by (Parquet pieces in parallel); memory is one input batch per process. It is a deterministic
function of the input, so after a crash it is simply rebuilt (``spool.json`` marks it complete).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from multiprocessing import get_context
from pathlib import Path
from typing import Final

import polars as pl
import pyarrow as pa

from .faults import fault_point
from .read import PROBLEM, ROW, WHITESPACE, input_format, parquet_slices, read_batches
from .supervise import die_with_parent

PART: Final = "_part"
#: Seed of the person hash. Polars keeps ``hash`` stable within a version; the run records it.
HASH_SEED: Final = 20_181_228
#: The fewest rows a process spools alone: below about two of these, starting processes costs more than it saves.
PIECE_ROWS: Final = 1_000_000
#: Layout of the spool's files; a spool of another layout (left by an older version) is rebuilt.
SPOOL_FORMAT: Final = 2


def partition_of(person_id: pl.Expr, partitions: int) -> pl.Expr:
    """The partition (0..N-1) of each row: a hash of the trimmed person id (missing ids hash alike)."""
    key = person_id.cast(pl.Utf8).str.strip_chars(WHITESPACE)
    return (key.hash(seed=HASH_SEED) % partitions).cast(pl.Int32).alias(PART)


def with_partition(frame: pl.DataFrame, partitions: int) -> pl.DataFrame:
    person = pl.col("person_id") if "person_id" in frame.columns else pl.lit(None, pl.Utf8)
    return frame.with_columns(partition_of(person, partitions))


def spool_path(spool: Path, part: int, piece: int = 0) -> Path:
    return spool / f"part-{part:05d}-{piece:04d}.arrow"


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
    workers: int = 1,
    piece_rows: int = PIECE_ROWS,
    on_batch: Callable[[int], None] | None = None,
) -> int:
    """Write ``source`` into ``spool/part-NNNNN-PPPP.arrow`` by person; returns the number of input rows.

    A Parquet input is read in pieces (runs of row groups) by ``workers`` processes at once, each
    writing its own file per partition; a partition is its pieces' files in piece order, so the
    rows and their order do not depend on the number of workers. CSV is read in one piece.
    """
    if spool.exists():
        shutil.rmtree(spool)
    spool.mkdir(parents=True, mode=0o700)
    spool.chmod(0o700)
    pieces: list[tuple[list[int] | None, int]] = [(None, 1)]
    if input_format(source) == "parquet" and workers > 1:
        pieces = list(parquet_slices(source, 4 * workers, max(batch_rows, piece_rows)))
    args = [
        (str(source), str(spool), partitions, n, groups, start, batch_rows) for n, (groups, start) in enumerate(pieces)
    ]
    rows = 0
    if len(pieces) == 1:
        rows = spool_piece(*args[0], on_batch=on_batch)
    else:
        with ProcessPoolExecutor(
            max_workers=workers, mp_context=get_context("spawn"), initializer=die_with_parent, initargs=(os.getpid(),)
        ) as pool:
            for future in as_completed([pool.submit(spool_piece, *a) for a in args]):
                done = future.result()
                rows += done
                if on_batch is not None:
                    on_batch(done)
    # The marker says the spool is complete, so it must never be half-written: write aside, fsync, rename.
    # It lists every file's digest, so a truncated or damaged spool file is found and the spool redone.
    files = {path.name: _sha256(path) for path in sorted(spool.glob("part-*.arrow"))}
    marker = spool / "spool.json.partial"
    text = json.dumps(
        {"format": SPOOL_FORMAT, "rows": rows, "partitions": partitions, "pieces": len(pieces), "files": files}
    )
    fd = os.open(marker, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    marker.replace(spool / "spool.json")
    _fsync(spool)
    fault_point("spool-marker-written")
    return rows


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _fsync(path: Path) -> None:
    """fsync a file or a directory (a spool file before the marker trusts it; a rename into a folder)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def spool_piece(
    source: str,
    spool: str,
    partitions: int,
    piece: int,
    row_groups: list[int] | None,
    start: int,
    batch_rows: int,
    on_batch: Callable[[int], None] | None = None,
) -> int:
    """Spool one piece of the input (``row_groups`` of a Parquet file, or all of it); returns its rows."""
    _allow_open_files(partitions + 64)
    writers: dict[int, pa.ipc.RecordBatchFileWriter] = {}
    schema: pa.Schema | None = None
    columns: list[str] | None = None
    rows = 0
    try:
        for batch in read_batches(Path(source), batch_rows, row_groups, start):
            if columns is None:
                columns = [c for c in batch.columns if c not in (ROW, PROBLEM)] + [ROW, PROBLEM]
            rows += batch.height
            parted = with_partition(batch, partitions)
            for (part,), chunk in parted.partition_by(PART, as_dict=True, maintain_order=True).items():
                table = _fixed(chunk, columns)
                if schema is None:
                    schema = table.schema
                table = table.cast(schema)
                writer = writers.get(int(part))
                if writer is None:
                    # 0600: the spool is a full copy of the input (birth dates, statutes)
                    path = spool_path(Path(spool), int(part), piece)
                    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600))
                    sink = pa.OSFile(str(path), "wb")
                    writer = pa.ipc.new_file(sink, schema, options=pa.ipc.IpcWriteOptions(compression="lz4"))
                    writers[int(part)] = writer
                writer.write_table(table)
            if on_batch is not None:
                on_batch(batch.height)
    finally:
        for writer in writers.values():
            writer.close()
    for part in writers:
        _fsync(spool_path(Path(spool), part, piece))
        fault_point("spool-file-synced")
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
    try:
        done = json.loads(marker.read_text())
        if done.get("format") != SPOOL_FORMAT:
            return None
        files: dict[str, str] = done["files"]
        rows = int(done["rows"])
    except (ValueError, KeyError, TypeError, AttributeError):  # a truncated or damaged marker: spool again
        return None
    present = {path.name for path in spool.glob("part-*.arrow")}
    if present != set(files) or any(_sha256(spool / name) != sha for name, sha in files.items()):
        return None  # a spool file is missing, truncated or damaged: spool again
    return rows


def read_spool(spool: Path, part: int) -> pl.DataFrame:
    """One partition's raw rows, its pieces in input order (empty frame if no row hashed there)."""
    paths = sorted(spool.glob(f"part-{part:05d}-*.arrow"))
    if not paths:
        return pl.DataFrame(schema={ROW: pl.Int64, PROBLEM: pl.Utf8})
    tables = []
    for path in paths:
        with pa.OSFile(str(path), "rb") as source:
            tables.append(pa.ipc.open_file(source).read_all())
    frame = pl.from_arrow(pa.concat_tables(tables))
    assert isinstance(frame, pl.DataFrame)
    return frame

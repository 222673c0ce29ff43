"""Streaming input of the flat charges table (CSV, Parquet or the California DOJ extract), in batches.

``inspect`` names the format and checks the columns; ``read_batches`` yields raw frames of text (or
Parquet's own types) with ``ROW``, the 1-based number of the data record (in a CSV, the line number
minus one), and ``PROBLEM`` on a CSV line that could not be split. Nothing is dropped here:
``validate`` turns every problem into a reject.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import polars as pl
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from ..records.model import (
    COLUMNS,
    DETAIL_COLUMNS,
)
from . import doj
from .csvinput import csv_batches
from .raw import IDS, PROBLEM, ROW, WHITESPACE, InputError

__all__ = [
    "IDS",
    "PROBLEM",
    "ROW",
    "WHITESPACE",
    "InputError",
    "InputInfo",
    "check_columns",
    "input_format",
    "inspect",
    "parquet_slices",
    "read_batches",
    "without_details",
]


@dataclass(frozen=True)
class InputInfo:
    path: Path
    format: str  # "csv" | "parquet" | "doj" (the California DOJ bulk extract, a CSV detected by its header)
    columns: tuple[str, ...]
    rows_hint: int  # exact for Parquet, an estimate from the size for CSV


def input_format(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in (".parquet", ".pq"):
        return "parquet"
    if suffix == ".csv":
        return "csv"
    raise InputError(f"{path}: expected a .csv or .parquet file")


def check_columns(columns: list[str] | tuple[str, ...]) -> None:
    """Missing id columns and unknown columns make the whole input unreadable (as in records.parse).

    The petition details (``DETAIL_COLUMNS``: names, docket numbers, amounts) are the record format's
    too, so a file ``screen`` reads is not refused here; no rule reads them and ``without_details``
    leaves them out of the run."""
    problems = [f"required column {name!r} is missing" for name in IDS if name not in columns]
    problems += [
        f"unknown column {name!r} (see docs/record-format.md)"
        for name in columns
        if name not in COLUMNS and name not in DETAIL_COLUMNS
    ]
    problems += [f"column {name!r} appears more than once" for name in sorted(set(columns)) if columns.count(name) > 1]
    if problems:
        raise InputError("; ".join(problems))


def inspect(path: Path) -> InputInfo:
    fmt = input_format(path)
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    if fmt == "parquet":
        try:
            meta = pq.ParquetFile(path)
            columns = tuple(meta.schema_arrow.names)
        except (pa.ArrowException, OSError, ValueError) as error:
            raise InputError(
                f"{path}: not a Parquet file this reader can read ({str(error).splitlines()[0][:200]})"
            ) from None
        rows = meta.metadata.num_rows
    else:
        columns = _csv_header(path)
        rows = max(1, path.stat().st_size // 180)
        if doj.is_extract(columns):  # the California DOJ bulk extract: one row per count per step (bulk/doj.py)
            return InputInfo(path, "doj", tuple(COLUMNS), max(1, rows // 2))
    check_columns(columns)
    return InputInfo(path, fmt, columns, rows)


def _csv_header(path: Path) -> tuple[str, ...]:
    """The column names on the first line (UTF-8, a byte-order mark allowed); a header that is not UTF-8
    or not one CSV line is an InputError naming line 1."""
    with path.open("rb") as handle:
        raw = handle.readline()
    try:
        header = raw.decode("utf-8-sig").strip("\r\n")
    except UnicodeDecodeError as error:
        byte = raw[error.start : error.start + 1].hex().upper()
        raise InputError(f"line 1 (header): byte 0x{byte} is not UTF-8; save the file as UTF-8") from None
    if not header:
        return ()
    try:
        # One thread: pyarrow's pool, left running after a header with a repeated name, aborted the exit.
        options = pacsv.ReadOptions(use_threads=False)
        return tuple(pacsv.read_csv(io.BytesIO((header + "\n").encode()), read_options=options).column_names)
    except pa.ArrowInvalid as error:
        raise InputError(f"line 1 (header): not one CSV line ({str(error).splitlines()[0][:200]})") from None


def without_details(frame: pl.DataFrame) -> pl.DataFrame:
    """The frame without the petition-detail columns (``check_columns``): the rules never read them."""
    return frame.drop([name for name in frame.columns if name in DETAIL_COLUMNS])


def read_batches(
    path: Path, batch_rows: int = 262_144, row_groups: list[int] | None = None, start: int = 1
) -> Iterator[pl.DataFrame]:
    """The input as raw frames (as stored; CSV values as text) with ``_row`` and ``_problem``, streaming.

    ``row_groups`` (Parquet only) reads just those, numbering rows from ``start`` (see ``parquet_slices``)."""
    info = inspect(path)
    if info.format == "parquet":
        yield from map(without_details, _parquet_batches(path, batch_rows, row_groups, start))
    elif info.format == "doj":
        yield from doj.batches(path, batch_rows)
    else:
        yield from map(without_details, csv_batches(path, info.columns, batch_rows))


def parquet_slices(path: Path, pieces: int, min_rows: int) -> list[tuple[list[int], int]]:
    """Runs of Parquet row groups, each with the input row number it starts at, in about ``pieces``
    parts of at least ``min_rows`` rows: units one process can read alone (the parallel spool)."""
    meta = pq.ParquetFile(path).metadata
    total = meta.num_rows
    target = max(min_rows, -(-total // max(1, pieces)))
    slices: list[tuple[list[int], int]] = []
    groups: list[int] = []
    start = size = 0
    for group in range(meta.num_row_groups):
        groups.append(group)
        size += meta.row_group(group).num_rows
        if size >= target:
            slices.append((groups, start + 1))
            groups, start, size = [], start + size, 0
    if groups or not slices:
        slices.append((groups, start + 1))
    return slices


def _parquet_batches(
    path: Path, batch_rows: int, row_groups: list[int] | None = None, start: int = 1
) -> Iterator[pl.DataFrame]:
    """The file's batches (or only ``row_groups``'), rows numbered from ``start``."""
    batches: Iterator[pa.RecordBatch] | None = None
    while True:
        try:
            if batches is None:
                batches = pq.ParquetFile(path).iter_batches(batch_size=batch_rows, row_groups=row_groups)
            batch = next(batches)
        except StopIteration:
            return
        except (OSError, pa.ArrowException) as error:  # pyarrow's "IOError" on a damaged page is the file's fault
            raise InputError(f"{path.name}: the Parquet file is damaged ({str(error).splitlines()[0][:200]})") from None
        frame = pl.from_arrow(batch)
        assert isinstance(frame, pl.DataFrame)
        frame = frame.with_columns(
            pl.int_range(start, start + frame.height, dtype=pl.Int64).alias(ROW), pl.lit(None, pl.Utf8).alias(PROBLEM)
        )
        start += frame.height
        yield frame

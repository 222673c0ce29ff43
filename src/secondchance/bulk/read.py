"""Streaming input and vectorized validation of the flat charges table (CSV or Parquet).

The rules are those of ``records.parse`` (the per-person path), applied column-wise so a
whole state's repository can be checked: ids are required, dates are ISO, booleans and
amounts are parsed the same way, grades must exist in the charge's jurisdiction, dates may
not be after the as-of date, ends may not precede starts, a (person, case, charge) may appear
once, and a person's (case's) facts must agree across rows. A value the fast path cannot
read is handed to ``records.parse.parse_value`` itself (once per distinct value), so what is
accepted and the wording of every reason are the per-person path's own.

Speed comes from doing the expensive thing only where a cheap one finds cause: one Polars query
reads every column, taking clean values as they stand; only the values it cannot settle are
stripped, lower-cased and, failing that, given to parse_value. Likewise only rows whose id hash
repeats are checked for duplicates, and only groups where some row differs from the one before
are compared with their first row.

Malformed rows are not dropped: each problem becomes a reject ``(row, field, reason)``, where
``row`` is the 1-based number of the data record (in a CSV, the line number minus one).
"""

from __future__ import annotations

import codecs
import functools
import io
import itertools
import operator
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Final

import polars as pl
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from ..records.model import (
    COLUMNS,
    DETAIL_COLUMNS,
    DISPOSITIONS,
    GRADES_BY_JURISDICTION,
    PERSON_FIELDS,
    SCHEDULED,
    SUPERVISION_ALIASES,
    SUPERVISION_BY_JURISDICTION,
    SUPERVISION_KINDS,
    PartialDate,
)
from ..records.parse import (
    AFTER_PRISON,
    FLAGGED_FACTS,
    MAX_AMOUNT,
    MAX_YEAR,
    MIN_YEAR,
    SPANS,
    check_charge_values,
    parse_value,
    unknown_tokens,
    year_out_of_range,
)
from ..records.safe import MAX_FIELD_CHARS
from . import doj
from .schema import CHARGE_SCHEMA

#: The input record number column carried through every stage (1-based).
ROW: Final = "_row"
#: Set (to a reason) on a CSV line that could not be split into the header's columns.
PROBLEM: Final = "_problem"
IDS: Final = ("person_id", "case_id", "charge_id")
CASE_CHECKED: Final = ("jurisdiction", "county", "arrest_date")

REJECT_SCHEMA: Final[dict[str, pl.DataType]] = {
    "row": pl.Int64(),
    "field": pl.Utf8(),
    "reason": pl.Utf8(),
    "person_id": pl.Utf8(),
    "case_id": pl.Utf8(),
    "charge_id": pl.Utf8(),
}

#: What Python's ``str.strip()`` removes (records.parse strips with it; Polars' default set is smaller).
WHITESPACE: Final = "".join(chr(c) for c in range(0x3001) if chr(c).isspace())
_TRUE: Final = ("true", "yes", "y", "1")
_FALSE: Final = ("false", "no", "n", "0")
_ISO_DATE: Final = r"^\d{4}-\d{2}-\d{2}$"
_PLAIN_AMOUNT: Final = r"^(\d+(\.\d*)?|\.\d+)$"
# Problem order inside one row, as records.parse reports them.
_ORDER_ID: Final = 0
_ORDER_PARSE: Final = 10
_ORDER_CROSS: Final = 100
_ORDER_DUPLICATE: Final = 300
_ORDER_CONSISTENCY: Final = 400


class InputError(ValueError):
    """The input as a whole cannot be read (unknown format, missing or unknown columns)."""


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
        yield from map(without_details, _csv_batches(path, info.columns, batch_rows))


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


#: Each byte that is not UTF-8 is handed to pyarrow as one character of U+10FF00..U+10FFFF (plane 16,
#: private use): pyarrow decodes a malformed line before its invalid-row handler sees it, so bad bytes
#: must not reach it, yet the row must still be found and rejected with the byte named (issue 16).
_BAD_BYTE_BASE: Final = 0x10FF00
_MARK: Final = re.compile("[\U0010ff00-\U0010ffff]")
_ERRORS: Final = "secondchance-bad-bytes"


def _bad_bytes(error: UnicodeError) -> tuple[str, int]:
    assert isinstance(error, UnicodeDecodeError)
    bad = error.object[error.start : error.end]
    return "".join(chr(_BAD_BYTE_BASE + b) for b in bad), error.end


codecs.register_error(_ERRORS, _bad_bytes)


class _MarkedBytes(io.RawIOBase):
    """A binary file whose bytes that are not UTF-8 are replaced by plane-16 marks (valid UTF-8)."""

    def __init__(self, path: Path) -> None:
        self._handle = path.open("rb")
        self._decoder = codecs.getincrementaldecoder("utf-8")(_ERRORS)
        self._pending = b""
        self.marked = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not self._pending:
            chunk = self._handle.read(1 << 20)
            if chunk.isascii() and not self._decoder.getstate()[0]:
                self._pending = chunk
            else:
                text = self._decoder.decode(chunk, final=not chunk)
                self.marked = self.marked or _MARK.search(text) is not None
                self._pending = text.encode("utf-8")
            if not chunk:
                break
        size = min(len(buffer), len(self._pending))
        buffer[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        return size

    def close(self) -> None:
        self._handle.close()
        super().close()


def _csv_batches(path: Path, columns: tuple[str, ...], batch_rows: int) -> Iterator[pl.DataFrame]:
    pending: list[tuple[int, str]] = []  # malformed lines seen by the parser, not yet placed

    def on_invalid(row: Any) -> str:
        # row.number is the physical line (1 = header); the parser may run ahead of the batches.
        reason = f"expected {row.expected_columns} values, got {row.actual_columns}"
        if source.marked:
            reason += _bad_byte_note(row.text or "")
        pending.append((int(row.number or 0), reason))
        return "skip"

    source = _MarkedBytes(path)
    with io.BufferedReader(source, 1 << 20) as stream:
        reader = _csv_errors(pacsv.open_csv)(
            stream,
            read_options=pacsv.ReadOptions(use_threads=False, block_size=max(1 << 14, batch_rows * 200)),
            parse_options=pacsv.ParseOptions(invalid_row_handler=on_invalid, ignore_empty_lines=False),
            convert_options=pacsv.ConvertOptions(
                column_types={name: pa.string() for name in columns},
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
        line = 1  # the header
        for batch in _take_one(reader):
            decoded, undecodable = _unmark(batch) if source.marked else (pa.Table.from_batches([batch]), {})
            frame = pl.from_arrow(decoded)
            assert isinstance(frame, pl.DataFrame)
            pending.sort()
            lines, line, placed = _number_lines(frame.height, line, pending)
            del pending[: len(placed)]
            problem = pl.Series(PROBLEM, [undecodable.get(i) for i in range(frame.height)] if undecodable else None)
            if not undecodable:
                problem = pl.repeat(None, frame.height, dtype=pl.Utf8, eager=True).alias(PROBLEM)
            frame = frame.with_columns((lines - 1).alias(ROW), problem)
            blank = pl.all_horizontal(pl.col(c).fill_null("") == "" for c in columns)
            frame = frame.filter(~blank | pl.col(PROBLEM).is_not_null())
            if placed:
                frame = pl.concat([frame, _malformed(placed, columns)], how="diagonal_relaxed").sort(ROW)
            yield frame
        if pending:  # malformed lines after the last good row
            yield _malformed(sorted(pending), columns)


def _bad_byte_note(text: str) -> str:
    """``; byte 0xE9 is not UTF-8`` for a line holding a mark, else nothing."""
    found = _MARK.search(text)
    return f"; byte 0x{ord(found.group()) - _BAD_BYTE_BASE:02X} is not UTF-8 (save the file as UTF-8)" if found else ""


def _take_one(reader: Any) -> Iterator[pa.RecordBatch]:
    """Batches one by one, each read inside ``_csv_errors``."""
    while True:
        batch = _csv_errors(reader.read_next_batch, stop=True)()
        if batch is None:
            return
        yield batch


def _csv_errors(read: Any, stop: bool = False) -> Any:
    """``read`` with pyarrow's CSV parse errors as InputError (exit 2, the line named), never a traceback."""

    def call(*args: Any, **kwargs: Any) -> Any:
        try:
            return read(*args, **kwargs)
        except StopIteration:
            if stop:
                return None
            raise
        except pa.ArrowInvalid as error:
            raise InputError(f"the CSV cannot be read: {str(error).splitlines()[0][:200]}") from None

    return call


def _unmark(batch: pa.RecordBatch) -> tuple[pa.Table, dict[int, str]]:
    """The batch with rows holding marked bytes nulled in that column, and a reason per row (by index).

    One vectorized match per column; only a column that has a mark is read value by value.
    """
    arrays: list[pa.Array] = []
    undecodable: dict[int, str] = {}
    for name, column in zip(batch.schema.names, batch.columns, strict=True):
        if not pc.any(pc.match_substring_regex(column, "[\\x{10FF00}-\\x{10FFFF}]")).as_py():
            arrays.append(column)
            continue
        values: list[str | None] = []
        for index, value in enumerate(column.to_pylist()):
            note = _bad_byte_note(value) if value else ""
            if note:
                values.append(None)
                undecodable.setdefault(index, f"{name}: {note.removeprefix('; ')}")
            else:
                values.append(value)
        arrays.append(pa.array(values, pa.string()))
    return pa.Table.from_arrays(arrays, names=batch.schema.names), undecodable


def _malformed(lines: list[tuple[int, str]], columns: tuple[str, ...]) -> pl.DataFrame:
    return pl.DataFrame(
        {ROW: [n - 1 for n, _ in lines], PROBLEM: [r for _, r in lines]}, schema={ROW: pl.Int64, PROBLEM: pl.Utf8}
    ).with_columns(pl.lit(None, pl.Utf8).alias(c) for c in columns)


def _number_lines(
    count: int, last_line: int, pending: list[tuple[int, str]]
) -> tuple[pl.Series, int, list[tuple[int, str]]]:
    """Line numbers of ``count`` good rows after ``last_line``; the malformed lines (sorted) they step over.

    Returns (lines, the last line used, the malformed lines placed: those up to it, and any right after).
    """
    placed: list[tuple[int, str]] = []
    index = 0
    current = last_line
    runs: list[pl.Series] = []
    remaining = count
    while index < len(pending) and pending[index][0] <= current:  # cannot happen; never loop on it
        placed.append(pending[index])
        index += 1
    while remaining:
        next_bad = pending[index][0] if index < len(pending) else None
        if next_bad is not None and next_bad == current + 1:
            placed.append(pending[index])
            index += 1
            current += 1
            continue
        room = remaining if next_bad is None else min(remaining, next_bad - current - 1)
        runs.append(pl.int_range(current + 1, current + 1 + room, dtype=pl.Int64, eager=True))
        current += room
        remaining -= room
    while index < len(pending) and pending[index][0] == current + 1:  # malformed lines right after the batch
        placed.append(pending[index])
        index += 1
        current += 1
    lines = pl.concat(runs) if runs else pl.Series([], dtype=pl.Int64)
    return lines.alias(ROW), current, placed


# ---------------------------------------------------------------------------- validation


def _empty_rejects() -> pl.DataFrame:
    return pl.DataFrame(schema={ROW: pl.Int64, "_order": pl.Int64, "field": pl.Utf8, "reason": pl.Utf8})


def _problems(rows: pl.Series, order: int, field: str, reasons: pl.Series | str) -> pl.DataFrame:
    reason = pl.lit(reasons, pl.Utf8) if isinstance(reasons, str) else pl.lit(reasons.cast(pl.Utf8))
    return pl.DataFrame({ROW: rows.cast(pl.Int64)}).select(
        ROW, pl.lit(order, pl.Int64).alias("_order"), pl.lit(field, pl.Utf8).alias("field"), reason.alias("reason")
    )


def _spellings(tokens: Iterable[str]) -> list[str]:
    """Every string whose ``str.lower()`` is one of ``tokens`` (ASCII), so membership needs no lower-casing.

    Besides ASCII letters only the Kelvin sign lowers to ASCII (test_read checks every code point).
    """

    def forms(ch: str) -> set[str]:
        return {ch, ch.upper(), *(("\u212a",) if ch == "k" else ())}

    return sorted({"".join(p) for token in tokens for p in itertools.product(*(forms(ch) for ch in token))})


_UNKNOWN_SPELLINGS: Final = _spellings(unknown_tokens(""))
#: ``none`` is a kind of supervision, not unknown (records.parse.unknown_tokens).
_UNKNOWN_SUPERVISION: Final = _spellings(unknown_tokens("supervision"))
_TRUE_SPELLINGS: Final = _spellings(_TRUE)
_FALSE_SPELLINGS: Final = _spellings(_FALSE)
# ASCII digits only: a value these accept, Polars and records.parse read alike; anything else goes to _parse_column.
_FAST_DATE: Final = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
_FAST_AMOUNT: Final = r"^([0-9]+(\.[0-9]*)?|\.[0-9]+)$"
_INDEX: Final = {name: i for i, name in enumerate(COLUMNS)}


def _fallback(column: str, raws: pl.Series) -> pl.DataFrame:
    """records.parse.parse_value on each distinct raw value the fast path could not read."""
    values: list[Any] = []
    reasons: list[str | None] = []
    uniques = raws.unique(maintain_order=True)
    for raw in uniques.to_list():
        try:
            value = parse_value(column, raw)
            # A partial date (2015, 2015-06) is a range; the bulk engine does not evaluate ranges, so it
            # is unknown here (sound: knowing less is never more favourable). relief.screen decides them.
            values.append(None if isinstance(value, PartialDate) else value)
            reasons.append(None)
        except ValueError as error:
            values.append(None)
            reasons.append(str(error))
    dtype = CHARGE_SCHEMA[column]
    return pl.DataFrame(
        {"raw": uniques, "value": pl.Series(values, dtype=dtype, strict=False), "reason": reasons},
        schema={"raw": uniques.dtype, "value": dtype, "reason": pl.Utf8},
    )


def _is_text(dtype: pl.DataType) -> bool:
    return dtype in (pl.Utf8, pl.String, pl.Categorical) or isinstance(dtype, pl.Enum)


def _outside_years(day: pl.Expr) -> pl.Expr:
    """A date outside the years a record may hold (``records.parse.MIN_YEAR``-``MAX_YEAR``)."""
    return (day.dt.year() < MIN_YEAR) | (day.dt.year() > MAX_YEAR)


def _parse_column(column: str, raw: pl.Series) -> tuple[pl.Series, pl.Series]:
    """(value, reason) for one column: vectorized where the value is ordinary, parse_value otherwise.

    The thorough path (strips, lower-cases, then parse_value per distinct odd value); ``validate``
    sends it only the rows its cheaper first pass (``_first_pass``) could not settle.
    """
    kind = COLUMNS[column]
    target = CHARGE_SCHEMA[column]
    if raw.dtype == pl.Null:
        return pl.Series(column, [None] * len(raw), target), pl.Series([None] * len(raw), dtype=pl.Utf8)
    if kind == "date" and raw.dtype == pl.Date:  # a stored date: only its year can be wrong
        outside = pl.DataFrame({"raw": raw}).select(_outside_years(pl.col("raw")).fill_null(False))["raw"]
        reasons = [year_out_of_range(d.year) if bad else None for d, bad in zip(raw, outside, strict=True)]
        return raw.alias(column).zip_with(~outside, pl.Series([None] * len(raw), dtype=pl.Date)), pl.Series(
            reasons, dtype=pl.Utf8
        )
    if kind == "bool" and raw.dtype == pl.Boolean:
        return raw.alias(column), pl.Series([None] * len(raw), dtype=pl.Utf8)
    frame = pl.DataFrame({"raw": raw})
    if _is_text(raw.dtype) or (kind == "str" and raw.dtype.is_integer()):
        text = pl.col("raw").cast(pl.Utf8)
        stripped = text.str.strip_chars(WHITESPACE)
        unknown = text.is_null() | stripped.str.to_lowercase().is_in(list(unknown_tokens(column)))
        if kind == "str":
            fast = stripped
        elif kind == "date":
            fast = pl.when(stripped.str.contains(_ISO_DATE)).then(
                stripped.str.strptime(pl.Date, "%Y-%m-%d", strict=False)
            )
        elif kind == "bool":
            low = stripped.str.to_lowercase()
            fast = pl.when(low.is_in(_TRUE)).then(True).when(low.is_in(_FALSE)).then(False).otherwise(None)
        else:
            amount = stripped.str.strip_chars_start("$").str.replace_all(",", "", literal=True)
            fast = pl.when(amount.str.contains(_PLAIN_AMOUNT)).then(amount.cast(pl.Float64, strict=False))
        frame = frame.with_columns(pl.when(~unknown).then(fast).alias("value"), unknown.alias("unknown"))
        # the limits parse_value enforces (same in screen and bulk): long text, implausible amounts
        odd = pl.col("value").is_null() | (pl.col("raw").cast(pl.Utf8).str.len_chars() > MAX_FIELD_CHARS)
        if column == "relief_granted":  # a list of citations, each read by its grammar: parse_value decides
            odd = pl.lit(True)
        if kind == "money":
            odd = odd | (pl.col("value") > MAX_AMOUNT)
        if kind == "date":
            odd = odd | _outside_years(pl.col("value"))
        needs = ~pl.col("unknown") & odd
    elif kind == "money" and raw.dtype.is_numeric():
        value = pl.col("raw").cast(pl.Float64)
        frame = frame.with_columns(value.alias("value"), pl.col("raw").is_null().alias("unknown"))
        needs = ~pl.col("unknown") & (
            ~pl.col("value").is_finite() | (pl.col("value") < 0) | (pl.col("value") > MAX_AMOUNT)
        )
    else:  # an unusual stored type: let parse_value judge each distinct value
        frame = frame.with_columns(pl.lit(None, target).alias("value"), pl.col("raw").is_null().alias("unknown"))
        needs = ~pl.col("unknown")
    frame = frame.with_columns(needs.alias("needs"))
    if not frame["needs"].any():
        return frame["value"].cast(target).alias(column), pl.Series([None] * len(raw), dtype=pl.Utf8)
    judged = _fallback(column, frame.filter("needs")["raw"])
    frame = frame.join(judged, on="raw", how="left", maintain_order="left", suffix="_slow", nulls_equal=False)
    value = pl.when(pl.col("needs")).then(pl.col("value_slow")).otherwise(pl.col("value"))
    reason = pl.when(pl.col("needs")).then(pl.col("reason"))
    out = frame.select(value.cast(target).alias(column), reason.alias("reason"))
    return out[column], out["reason"]


def _first_pass(column: str, dtype: pl.DataType | None) -> tuple[pl.Expr, pl.Expr | None]:
    """(value, unsettled) for a column of ``dtype`` (None: absent): exact wherever ``unsettled`` is false.

    Cheap on the common case: clean text is matched as it stands (no strip or lower-casing) and
    parsed by Polars; anything else (padding, ``$1,000``, ``2020-1-5``, ``maybe``) is unsettled and
    goes to ``_parse_column``. ``unsettled`` is None when nothing can be.
    """
    kind = COLUMNS[column]
    target = CHARGE_SCHEMA[column]
    col = pl.col(column)
    if column in IDS:  # text (numbers accepted), stripped; missing or blank is null (and a problem)
        if dtype is None or dtype in (pl.Boolean, pl.Null):
            return pl.lit(None, pl.Utf8), None
        stripped = col.cast(pl.Utf8).str.strip_chars(WHITESPACE)
        return pl.when(stripped != "").then(stripped), None
    if dtype is None or dtype == pl.Null:
        return pl.lit(None, target), None
    if kind == "date" and dtype == pl.Date:
        return col, _outside_years(col)
    if kind == "bool" and dtype == pl.Boolean:
        return col, None
    if _is_text(dtype) or (kind == "str" and dtype.is_integer()):
        text = col.cast(pl.Utf8)
        if kind == "str":  # exact for every value but text over the length limit (parse_value refuses it)
            stripped = text.str.strip_chars(WHITESPACE)
            spellings = _UNKNOWN_SUPERVISION if column == "supervision" else _UNKNOWN_SPELLINGS
            if column == "relief_granted":  # citations: parse_value reads each distinct list (records.parse)
                return pl.lit(None, target), text.is_not_null() & ~text.is_in(spellings)
            return pl.when(~stripped.is_in(spellings)).then(stripped), text.str.len_chars() > MAX_FIELD_CHARS
        value: pl.Expr
        if kind == "date":
            value = pl.when(text.str.contains(_FAST_DATE)).then(text.str.to_date("%Y-%m-%d", strict=False))
        elif kind == "bool":
            value = pl.when(text.is_in(_TRUE_SPELLINGS)).then(True).when(text.is_in(_FALSE_SPELLINGS)).then(False)
        else:
            value = pl.when(text.str.contains(_FAST_AMOUNT)).then(text.cast(pl.Float64, strict=False))
        unsettled = value.is_null() & text.is_not_null() & ~text.is_in(_UNKNOWN_SPELLINGS)
        if kind == "money":
            unsettled = unsettled | (value > MAX_AMOUNT)
        if kind == "date":
            unsettled = unsettled | _outside_years(value)
        return value.cast(target), unsettled | (text.str.len_chars() > MAX_FIELD_CHARS)
    if kind == "money" and dtype.is_numeric():
        amount = col.cast(pl.Float64)
        return amount, ~amount.is_finite() | (amount < 0) | (amount > MAX_AMOUNT)
    return pl.lit(None, target), col.is_not_null()  # an unusual stored type: parse_value judges


def validate(raw: pl.DataFrame, as_of: date | None) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Row-level checks of ``raw`` (read_batches' columns): (charges ``_row`` + CHARGE_SCHEMA, problems).

    ``problems`` has ``_row``, ``_order``, ``field``, ``reason``; a row with any problem is not in
    ``charges``. Checks that need a person's other rows are in ``check_people``.
    """
    parts: list[pl.DataFrame] = [_empty_rejects()]
    if PROBLEM in raw.columns and raw[PROBLEM].null_count() < raw.height:
        bad = raw.filter(pl.col(PROBLEM).is_not_null())
        parts.append(_problems(bad[ROW], _ORDER_ID, "(row)", bad[PROBLEM]))
        raw = raw.filter(pl.col(PROBLEM).is_null())
    values, found = _read_columns(raw)
    charges = _normalized(values.lazy(), as_of).collect()
    parts += [*found, _cross_checks(charges, as_of)]
    problems = pl.concat(parts).sort(ROW, "_order", "reason")
    if problems.height:
        charges = charges.filter(~pl.col(ROW).is_in(problems[ROW].unique().implode()))
    return charges.select(ROW, *CHARGE_SCHEMA).with_columns(derived_supervision(), *unscheduled()), problems


def _read_columns(raw: pl.DataFrame) -> tuple[pl.DataFrame, list[pl.DataFrame]]:
    """``_row`` and every column's value (as parsed, not yet normalized); the id and parse problems.

    All columns are read in one Polars query (parallel across columns) by ``_first_pass``; only the
    values it leaves unsettled, usually none, are read again by ``_parse_column``.
    """
    schema = raw.schema
    passes = {name: _first_pass(name, schema.get(name)) for name in COLUMNS}
    unsettled = {name: f"_unsettled:{name}" for name, (_, flag) in passes.items() if flag is not None}
    checked = (
        raw.lazy()  # lazy, so that expressions the columns share are computed once
        .select(
            ROW,
            *(value.alias(name) for name, (value, _) in passes.items()),
            *(flag.alias(unsettled[name]) for name, (_, flag) in passes.items() if flag is not None),
        )
        .collect()
    )
    parts: list[pl.DataFrame] = []
    for index, name in enumerate(IDS):
        missing = checked[name].is_null()
        if missing.any():
            parts.append(_problems(checked[ROW].filter(missing), _ORDER_ID + index, name, "an id is required"))
    settled: list[pl.Series] = []
    for name, flag in unsettled.items():
        mask = checked[flag]
        if not mask.any():
            continue
        value, reason = _parse_column(name, raw[name].filter(mask))
        settled.append(checked[name].clone().scatter(mask.arg_true(), value))
        failed = reason.is_not_null()
        if failed.any():
            rows = checked[ROW].filter(mask).filter(failed)
            parts.append(_problems(rows, _ORDER_PARSE + _INDEX[name], name, reason.filter(failed)))
    return checked.select(ROW, *COLUMNS).with_columns(settled), parts


def _normalized(frame: pl.LazyFrame, as_of: date | None) -> pl.LazyFrame:
    """records.parse.normalize's spellings (idempotent), and ``_suspect``: the rows check_charge_values may fault."""
    return (
        frame.with_columns(
            pl.col("jurisdiction").str.to_uppercase(),
            pl.col("disposition").str.to_lowercase().str.replace_all(r"[ \-]", "_"),
        )
        .with_columns(
            pl.when(pl.col("jurisdiction").is_in(_lower_case_grades()))
            .then(pl.col("grade").str.to_lowercase())
            .otherwise(pl.col("grade").str.to_uppercase()),
            pl.when(pl.col("disposition") == "unknown")
            .then(None)
            .otherwise(pl.col("disposition"))
            .alias("disposition"),
            pl.col("supervision")
            .str.to_lowercase()
            .str.replace_all(r"[ \-]", "_")
            .replace(SUPERVISION_ALIASES)
            .alias("supervision"),
        )
        .with_columns(_suspect(as_of).fill_null(False).alias("_suspect"))
    )


def _lower_case_grades() -> list[str]:
    """The states whose grades are written lower case (``State.grade_case``; the others' upper)."""
    from ..relief.jurisdictions import states

    return [s.code for s in states() if s.grade_case == "lower"]


def derived_supervision() -> pl.Expr:
    """records.parse.derive_supervision: without a kind, ``probation_granted`` true is probation, false none."""
    granted = pl.col("probation_granted")
    return (
        pl.when(pl.col("supervision").is_null() & granted.is_not_null())
        .then(pl.when(granted).then(pl.lit("probation")).otherwise(pl.lit("none")))
        .otherwise(pl.col("supervision"))
        .alias("supervision")
    )


def unscheduled() -> list[pl.Expr]:
    """Scheduled dates (``<date>_scheduled``) as unknown: the bulk engine does not project a release.

    ``relief.screen`` computes "eligible on" dates from them for one person; here a rule that
    needs such a date answers "needs review" (sound: knowing less is never more favourable).
    """
    return [
        pl.when(pl.col(mark).fill_null(False)).then(None).otherwise(pl.col(name)).alias(name)
        for name, mark in SCHEDULED.items()
    ]


def _suspect(as_of: date | None) -> pl.Expr:
    """True on every row where check_charge_values can report something (and maybe on more)."""
    suspect = pl.lit(False)
    for jurisdiction, grades in GRADES_BY_JURISDICTION.items():
        suspect = suspect | ((pl.col("jurisdiction") == jurisdiction) & ~pl.col("grade").is_in(grades))
    suspect = suspect | ~pl.col("disposition").is_in(DISPOSITIONS)
    if as_of is not None:
        for name, kind in COLUMNS.items():
            if kind == "date":
                suspect = suspect | (pl.col(name) > as_of)
    for start, end in SPANS:
        suspect = suspect | (pl.col(end) < pl.col(start))
    for flag, dates in FLAGGED_FACTS.items():  # a false flag beside its own facts
        suspect = suspect | ((pl.col(flag) == False) & pl.any_horizontal(pl.col(d).is_not_null() for d in dates))  # noqa: E712
    for name, mark in SCHEDULED.items():  # a scheduled mark without its date
        suspect = suspect | ((pl.col(mark) == True) & pl.col(name).is_null())  # noqa: E712
    return suspect | _supervision_suspect()


def _supervision_suspect() -> pl.Expr:
    """True wherever records.parse's supervision checks can report something (and maybe more)."""
    kind, prison = pl.col("supervision"), pl.col("state_prison")
    after_prison = kind.is_in(AFTER_PRISON)
    suspect = (
        ~kind.is_in(SUPERVISION_KINDS)
        | pl.col("probation_granted").is_not_null()
        | ((kind == "none") & pl.any_horizontal(pl.col(d).is_not_null() for d in FLAGGED_FACTS["probation_granted"]))
        | (after_prison & (pl.col("incarcerated") == False))  # noqa: E712
        | (after_prison & (prison == False))  # noqa: E712
        | ((kind == "mandatory_supervision") & (prison == True))  # noqa: E712
    )
    for jurisdiction, kinds in SUPERVISION_BY_JURISDICTION.items():
        suspect = suspect | ((pl.col("jurisdiction") == jurisdiction) & ~kind.is_in(kinds))
    return kind.is_not_null() & suspect


def _cross_checks(charges: pl.DataFrame, as_of: date | None) -> pl.DataFrame:
    """check_charge_values of records.parse, on the ``_suspect`` rows (formatted by it)."""
    flagged = charges.filter("_suspect").drop("_suspect")
    out: dict[str, list[Any]] = {ROW: [], "_order": [], "field": [], "reason": []}
    for values in flagged.iter_rows(named=True):  # only rows already known to be wrong
        for field, reason in check_charge_values(values, as_of):
            out[ROW].append(values[ROW])
            out["_order"].append(_ORDER_CROSS + _INDEX[field])
            out["field"].append(field)
            out["reason"].append(reason)
    return pl.DataFrame(out, schema={ROW: pl.Int64, "_order": pl.Int64, "field": pl.Utf8, "reason": pl.Utf8})


def check_people(
    charges: pl.DataFrame, problems: pl.DataFrame, all_ids: pl.DataFrame
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Checks across a person's rows (the partition holds whole persons): duplicates and agreement.

    ``all_ids`` (``_row`` and the three ids, every row with ids, valid or not) decides duplicates
    as records.parse does: the first row of a (person, case, charge) wins, later ones are rejected.
    Then each person's (case's) facts must equal those of the person's (case's) first accepted row.
    """
    parts = [problems]
    dup = _duplicates(all_ids)
    if dup.height:
        reasons = pl.Series(
            [f"duplicate charge {c!r} in case {k!r} of person {p!r}" for p, k, c in dup.select(IDS).iter_rows()],
            dtype=pl.Utf8,
        )
        parts.append(_problems(dup[ROW], _ORDER_DUPLICATE, "charge_id", reasons))
        charges = charges.filter(~pl.col(ROW).is_in(dup[ROW].implode()))
    charges = charges.sort(ROW)
    parts += _disagreements(charges)
    problems = pl.concat(parts).sort(ROW, "_order", "reason")
    if problems.height:
        charges = charges.filter(~pl.col(ROW).is_in(problems[ROW].unique().implode()))
    return charges, problems


def _id_hash(*names: str) -> pl.Expr:
    """A 64-bit hash of the id columns ``names``: equal ids hash alike, different ones almost never do."""
    return functools.reduce(operator.xor, (pl.col(name).hash(seed) for seed, name in enumerate(names, 1)))


def _duplicates(all_ids: pl.DataFrame) -> pl.DataFrame:
    """The rows repeating an earlier row's (person, case, charge), in row order.

    Only rows whose id hash repeats can repeat; only they are compared exactly, and only when
    some hash repeats at all (rarely: a partition seldom holds a duplicate).
    """
    ids = all_ids.drop_nulls(IDS).sort(ROW)
    key = _id_hash(*IDS)
    if ids.select(key.n_unique()).item() == ids.height:
        return ids.clear()
    return ids.filter(key.is_duplicated()).filter(~pl.struct(IDS).is_first_distinct())


#: (group, the facts its rows must agree on, what the reason calls it)
_AGREEMENT: Final = ((("person_id",), PERSON_FIELDS, "person"), (("person_id", "case_id"), CASE_CHECKED, "case"))


def _disagreements(charges: pl.DataFrame) -> list[pl.DataFrame]:
    """Problems of the rows whose person (case) facts differ from the person's (case's) first row.

    Cheap when nothing differs, the usual case: with each group's rows adjacent, a group
    disagrees only if some row differs from the one before it. Only the groups that do are
    compared with their first row (by ``_row``), as records.parse compares.
    """
    if not charges.height:
        return []
    view = _adjacent(charges.select(ROW, "person_id", "case_id", *PERSON_FIELDS, *CASE_CHECKED))

    def changed(group: str, fields: tuple[str, ...]) -> pl.Expr:
        same = pl.col(group) == pl.col(group).shift(1)
        return same & pl.any_horizontal(~pl.col(n).eq_missing(pl.col(n).shift(1)) for n in fields)

    changes = view.select(
        changed("_person", PERSON_FIELDS).alias("person"), changed("_case", CASE_CHECKED).alias("case")
    )
    if not (changes["person"].any() or changes["case"].any()):
        return []
    persons = view["_person"].filter(changes["person"]).implode()
    cases = view["_case"].filter(changes["case"]).implode()
    groups = view.filter(pl.col("_person").is_in(persons) | pl.col("_case").is_in(cases)).sort(ROW)
    parts: list[pl.DataFrame] = []
    for offset, (group, fields, what) in enumerate(_AGREEMENT):
        for index, name in enumerate(fields):
            bad = groups.filter(~pl.col(name).eq_missing(pl.col(name).first().over(group)))
            if bad.height:
                reasons = pl.Series(
                    [f"differs from an earlier row of {what} {v!r}" for v in bad[group[-1]]], dtype=pl.Utf8
                )
                parts.append(_problems(bad[ROW], _ORDER_CONSISTENCY + 10 * offset + index, name, reasons))
    return parts


def _adjacent(view: pl.DataFrame) -> pl.DataFrame:
    """``view`` with each person's and each case's rows adjacent, numbered as runs ``_person`` and ``_case``.

    Kept in row order when it already is so (an input grouped by person, the usual export); else
    sorted by the ids' hashes, or by the ids themselves should hashes collide. Adjacency is proved,
    not assumed: the runs of equal ids are as many as the distinct id hashes (which are no more than
    the distinct ids, which are no more than the runs).
    """
    person, case = _id_hash("person_id"), _id_hash("person_id", "case_id")
    new_person = pl.col("person_id").ne_missing(pl.col("person_id").shift(1))
    new_case = new_person | pl.col("case_id").ne_missing(pl.col("case_id").shift(1))
    for order in ((), (person, case, ROW), ("person_id", "case_id", ROW)):
        ordered = view.sort(*order) if order else view
        runs = ordered.with_columns(new_person.cum_sum().alias("_person"), new_case.cum_sum().alias("_case"))
        distinct = runs.select(person.n_unique().alias("p"), case.n_unique().alias("c")).row(0)
        if (runs["_person"][-1], runs["_case"][-1]) == distinct:
            break
    return runs  # by the ids themselves if not before: adjacent whatever the hashes


def rejects_frame(problems: pl.DataFrame, raw_ids: pl.DataFrame) -> pl.DataFrame:
    """The rejects file's rows: ``row, field, reason`` and the row's ids as given (to find it)."""
    ids = raw_ids.select(ROW, *(pl.col(c).cast(pl.Utf8) for c in IDS)).unique(ROW, keep="first")
    joined = problems.join(ids, on=ROW, how="left", maintain_order="left")
    return joined.select(pl.col(ROW).alias("row"), "field", "reason", *IDS).cast(REJECT_SCHEMA)  # type: ignore[arg-type]


def raw_ids(raw: pl.DataFrame) -> pl.DataFrame:
    """``_row`` and the three ids as given (text, or null), for rejects and duplicate checks."""
    cols = [pl.col(ROW)]
    for name in IDS:
        if name in raw.columns and raw[name].dtype not in (pl.Null, pl.Boolean):
            cols.append(pl.col(name).cast(pl.Utf8))
        else:
            cols.append(pl.lit(None, pl.Utf8).alias(name))
    return raw.select(cols)


def stripped_ids(ids: pl.DataFrame) -> pl.DataFrame:
    """The ids as records.parse reads them: stripped, and null when blank."""
    stripped = {name: pl.col(name).str.strip_chars(WHITESPACE) for name in IDS}
    # lazy, so that each column is stripped once
    return ids.lazy().with_columns(pl.when(s != "").then(s).alias(name) for name, s in stripped.items()).collect()

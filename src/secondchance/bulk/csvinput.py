"""CSV batches that never fail on a bad line: bytes that are not UTF-8 and lines that do not split are rows
with a ``PROBLEM`` (named by their line), read by pyarrow's streaming reader.
"""

from __future__ import annotations

import codecs
import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Final

import polars as pl
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from .raw import PROBLEM, ROW, InputError

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


def csv_batches(path: Path, columns: tuple[str, ...], batch_rows: int) -> Iterator[pl.DataFrame]:
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

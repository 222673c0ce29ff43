"""Input limits and strict decoding shared by every reader (CLI, API, web upload); ``safe`` re-exports them.

Hostile or unlucky input must end as a listed problem (exit 2, HTTP 4xx), never a traceback:
Python's own decoders accept ``Infinity``, ``1e999``, lone surrogates and duplicate keys, and
fail with RecursionError or an int-conversion ValueError on deep nesting or huge numbers.
Every limit here is documented in docs/record-format.md ("Limits").
"""

from __future__ import annotations

import codecs
import json
import math
import re
from dataclasses import dataclass
from typing import Any, Final

#: Deepest nesting of arrays and objects: {"people": [person {cases: [case {charges: [charge {sentence}]}]}]}.
MAX_DEPTH: Final = 8
#: Longest text value or key (characters). Statutes, descriptions and ids are far shorter.
MAX_FIELD_CHARS: Final = 4096
#: Most digits in a JSON number (an amount like 123456789.01 has 11).
MAX_NUMBER_CHARS: Final = 32
#: Most charges one person may have, in every entry point (CLI, API, upload, interview); bounds the
#: work of one request. The largest real PA/CA dockets seen in legal aid work have a few hundred.
MAX_CHARGES_PER_PERSON: Final = 500

_SURROGATE: Final = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class Refusal:
    """Why an input was refused before its fields were read, and where."""

    where: str
    reason: str


class InputRefused(ValueError):
    """The bytes or the JSON structure are unusable; ``where`` and ``reason`` say why."""

    def __init__(self, where: str, reason: str) -> None:
        self.where = where
        self.reason = reason
        super().__init__(f"{where}: {reason}")


def _line_of(data: bytes | str, offset: int) -> int:
    if isinstance(data, bytes):
        return data.count(b"\n", 0, offset) + 1
    return data.count("\n", 0, offset) + 1


def detect_encoding_problem(head: bytes) -> str | None:
    """Name an encoding other than UTF-8 from the first bytes, or None: UTF-16/32 are refused by name."""
    if head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "the file is UTF-32; save it as UTF-8"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "the file is UTF-16; save it as UTF-8 (in Excel: CSV UTF-8)"
    if b"\x00" in head[:64]:
        return "the file contains NUL bytes (UTF-16 without a byte-order mark?); save it as UTF-8"
    return None


def decode_utf8(data: bytes) -> str:
    """Bytes to text: UTF-8, with or without a byte-order mark (Excel's "CSV UTF-8"); anything else refused."""
    problem = detect_encoding_problem(data[:64])
    if problem:
        raise InputRefused("line 1", problem)
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputRefused(f"line {_line_of(data, error.start)}", _named(data, error.start)) from None


def _refuse_constant(name: str) -> Any:
    raise _Refused(f"{name} is not a number this format accepts; use a finite number")


def _parse_int(text: str) -> int:
    if len(text) > MAX_NUMBER_CHARS:
        raise _Refused(f"a number with {len(text):,} characters (at most {MAX_NUMBER_CHARS})")
    return int(text)


def _parse_float(text: str) -> float:
    if len(text) > MAX_NUMBER_CHARS:
        raise _Refused(f"a number with {len(text):,} characters (at most {MAX_NUMBER_CHARS})")
    value = float(text)
    if not math.isfinite(value):
        raise _Refused(f"the number {text} is too large (not finite)")
    return value


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _Refused(f"duplicate key {_short(key)!r} in one object")
        out[key] = value
    return out


class _Refused(ValueError):
    """Raised by the decoder hooks; turned into InputRefused with a place."""


_DECODER: Final = json.JSONDecoder(
    parse_float=_parse_float, parse_int=_parse_int, parse_constant=_refuse_constant, object_pairs_hook=_pairs
)


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def check_structure(value: Any) -> str | None:
    """Depth, text length and lone surrogates of a decoded JSON value; the first problem, or None."""
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, str):
            if len(item) > MAX_FIELD_CHARS:
                return f"a text of {len(item):,} characters (at most {MAX_FIELD_CHARS:,})"
            if not item.isascii() and _SURROGATE.search(item):
                return f"the text {_short(item).encode('utf-8', 'backslashreplace').decode()!r} has a lone surrogate"
        elif isinstance(item, dict | list):
            if depth + 1 > MAX_DEPTH:
                return f"nested more than {MAX_DEPTH} levels deep"
            children = [*item.keys(), *item.values()] if isinstance(item, dict) else item
            stack.extend((child, depth + 1) for child in children)
    return None


def raw_decode(text: str, pos: int, where: str, line: int = 1, column: int = 0) -> tuple[Any, int]:
    """One JSON value at ``pos`` with every limit enforced; (value, end). Raises InputRefused.

    ``line`` and ``column`` place ``text[0]`` in the file (a streamed buffer starts mid-file)."""
    try:
        value, end = _DECODER.raw_decode(text, pos)
    except json.JSONDecodeError as error:
        colno = error.colno + (column if error.lineno == 1 else 0)
        lineno = error.lineno + line - 1
        raise InputRefused(f"line {lineno}", f"not valid JSON: {error.msg} (column {colno})") from None
    except _Refused as error:
        raise InputRefused(where, str(error)) from None
    except RecursionError:
        raise InputRefused(where, f"nested more than {MAX_DEPTH} levels deep") from None
    problem = check_structure(value)
    if problem:
        raise InputRefused(where, problem)
    return value, end


def loads(text: str | bytes) -> Any:
    """A whole JSON document, strictly: UTF-8 (BOM allowed), finite numbers, no duplicate keys, limits."""
    if isinstance(text, bytes):
        text = decode_utf8(text)
    elif text.startswith("\ufeff"):
        text = text[1:]
    pos = _skip_ws(text, 0)
    value, end = raw_decode(text, pos, "line 1")
    end = _skip_ws(text, end)
    if end != len(text):
        raise InputRefused(f"line {_line_of(text, end)}", "not valid JSON: extra data after the value")
    return value


_WS: Final = re.compile(r"[ \t\n\r]*")


def _skip_ws(text: str, pos: int) -> int:
    match = _WS.match(text, pos)
    return match.end() if match else pos


#: First characters a spreadsheet reads as a formula (OWASP "CSV injection"); also tab and carriage return.
FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: object) -> object:
    """A CSV cell that a spreadsheet shows as text: a leading ``'`` before = + - @ (numbers left alone)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def locate_undecodable(path: str) -> InputRefused:
    """The first byte of ``path`` that is not UTF-8, with its line (read in chunks; the file may be large)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    lines = 1
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError as error:
                # The decoder may hold up to 3 bytes of an unfinished character from the last chunk.
                start = max(error.start - (len(error.object) - len(chunk)), 0)
                line = lines + chunk.count(b"\n", 0, start)
                return InputRefused(f"line {line}", _named(chunk, start))
            lines += chunk.count(b"\n")
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:  # the file ends inside a character
            return InputRefused(f"line {lines}", "the file ends in the middle of a character; save it as UTF-8")
    return InputRefused("(file)", "the file is not UTF-8; save it as UTF-8")


def _named(chunk: bytes, start: int) -> str:
    """One line naming the bad byte and the likely encoding."""
    byte = chunk[start : start + 1].hex().upper()
    return f"byte 0x{byte} is not UTF-8 (the file looks like Latin-1 or Windows-1252); save it as UTF-8"

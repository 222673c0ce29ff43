"""Input limits and strict decoding shared by every reader (CLI, API, web upload), and the streamed JSON reader.

Hostile or unlucky input must end as a listed problem (exit 2, HTTP 4xx), never a traceback.
The limits and the strict whole-document decoding live in ``strict`` (re-exported here); this
module reads a JSON record file in chunks (``CHUNK_BYTES``), one person at a time.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Generator
from typing import Any, BinaryIO, Final

from .strict import (
    _DECODER,
    _SURROGATE,
    _WS,
    FORMULA_STARTS,
    MAX_CHARGES_PER_PERSON,
    MAX_DEPTH,
    MAX_FIELD_CHARS,
    MAX_NUMBER_CHARS,
    InputRefused,
    Refusal,
    _line_of,
    _named,
    _pairs,
    _parse_float,
    _parse_int,
    _refuse_constant,
    _Refused,
    _short,
    _skip_ws,
    check_structure,
    decode_utf8,
    detect_encoding_problem,
    loads,
    locate_undecodable,
    raw_decode,
    spreadsheet_safe,
)

__all__ = [
    "CHUNK_BYTES",
    "FORMULA_STARTS",
    "MAX_CHARGES_PER_PERSON",
    "MAX_DEPTH",
    "MAX_FIELD_CHARS",
    "MAX_NUMBER_CHARS",
    "_DECODER",
    "_SURROGATE",
    "_WS",
    "InputRefused",
    "Refusal",
    "_Refused",
    "_line_of",
    "_named",
    "_pairs",
    "_parse_float",
    "_parse_int",
    "_refuse_constant",
    "_short",
    "_skip_ws",
    "check_structure",
    "decode_utf8",
    "detect_encoding_problem",
    "iter_json_people",
    "loads",
    "locate_undecodable",
    "raw_decode",
    "spreadsheet_safe",
]


#: Bytes read at a time from a JSON record file: memory holds about one chunk plus the largest person.
CHUNK_BYTES: Final = 1 << 20
_STRUCTURE: Final = re.compile(r'["\[\]{}]')
_IN_STRING: Final = re.compile(r'["\\]')
_SCALAR_END: Final = re.compile(r'[ \t\n\r,\]}\[{":]')
#: Characters a text may take as written before it is certainly longer than MAX_FIELD_CHARS
#: (``\ud83d\ude00``: 12 written for 1 read).
_MAX_WRITTEN: Final = 12 * MAX_FIELD_CHARS + 12


class _Text:
    """A JSON document read in chunks as UTF-8 (BOM allowed), keeping only what is not yet consumed.

    Positions are indices into ``text``; ``drop`` forgets what lies before a position (returning
    the same place in the shorter text) and keeps the line and column of ``text[0]`` for messages.
    """

    def __init__(self, source: str | BinaryIO) -> None:
        self.line = 1
        self.column = 0
        if isinstance(source, str):
            self.text = source[1:] if source.startswith("\ufeff") else source
            self.handle: BinaryIO | None = None
            return
        self.text = ""
        self.handle = source
        self.decoder = codecs.getincrementaldecoder("utf-8")()
        self.byte_lines = 0  # newlines in the bytes decoded so far
        self.first = True

    def fill(self) -> bool:
        """Read one more chunk; False at the end of the file."""
        if self.handle is None:
            return False
        chunk = self.handle.read(max(CHUNK_BYTES, 64) if self.first else CHUNK_BYTES)
        if self.first:
            self.first = False
            problem = detect_encoding_problem(chunk[:64])
            if problem:
                raise InputRefused("line 1", problem)
            if chunk.startswith(codecs.BOM_UTF8):
                chunk = chunk[len(codecs.BOM_UTF8) :]
        try:
            self.text += self.decoder.decode(chunk, final=not chunk)
        except UnicodeDecodeError as error:
            if not chunk:
                raise InputRefused(
                    f"line {self.byte_lines + 1}", "the file ends in the middle of a character"
                ) from None
            start = max(error.start - (len(error.object) - len(chunk)), 0)
            line = self.byte_lines + chunk.count(b"\n", 0, start) + 1
            raise InputRefused(f"line {line}", _named(chunk, start)) from None
        self.byte_lines += chunk.count(b"\n")
        if not chunk:
            self.handle = None
            return False
        return True

    def peek(self, pos: int) -> str:
        """The character at ``pos`` ("" at the end of the document)."""
        while pos >= len(self.text):
            if not self.fill():
                return ""
        return self.text[pos]

    def rest(self) -> None:
        while self.fill():
            pass

    def line_of(self, pos: int) -> int:
        return self.line + self.text.count("\n", 0, pos)

    def drop(self, pos: int) -> int:
        """Forget the text before ``pos`` (once it is 64 KB or more: each drop copies the rest)."""
        if pos < 1 << 16:
            return pos
        gone = self.text[:pos]
        newlines = gone.count("\n")
        self.line += newlines
        self.column = len(gone) - gone.rfind("\n") - 1 if newlines else self.column + len(gone)
        self.text = self.text[pos:]
        return 0

    def skip_ws(self, pos: int) -> int:
        while True:
            match = _WS.match(self.text, pos)
            end = match.end() if match else pos
            if end < len(self.text) or not self.fill():
                return end
            pos = end

    def value_end(self, pos: int, where: str) -> int:
        """Read on until the value at ``pos`` is whole; the index after it (or the end of the document).

        Nesting deeper than MAX_DEPTH and a text certainly longer than MAX_FIELD_CHARS are refused here,
        before they are held, so an endless array or string never fills the memory."""
        if self.peek(pos) not in ('"', "[", "{"):
            at = pos
            while True:
                match = _SCALAR_END.search(self.text, at)
                if match:
                    return match.start()
                at = len(self.text)
                if not self.fill():
                    return len(self.text)
        depth = 0
        at = pos
        while True:
            match = _STRUCTURE.search(self.text, at)
            if match is None:
                at = len(self.text)
                if not self.fill():
                    return at
                continue
            char = match.group()
            at = match.end()
            if char == '"':
                at = self._string_end(at, where)
                if depth == 0:
                    return at
            elif char in "[{":
                depth += 1
                if depth > MAX_DEPTH:
                    raise InputRefused(where, f"nested more than {MAX_DEPTH} levels deep")
            else:
                depth -= 1
                if depth <= 0:
                    return at

    def _string_end(self, at: int, where: str) -> int:
        start = at
        while True:
            match = _IN_STRING.search(self.text, at)
            if match is None or (match.end() >= len(self.text) and match.group() == "\\"):
                at = match.start() if match else len(self.text)
                if at - start > _MAX_WRITTEN:
                    raise InputRefused(
                        where, f"a text of more than {MAX_FIELD_CHARS:,} characters (at most {MAX_FIELD_CHARS:,})"
                    )
                if not self.fill():
                    return len(self.text)
                continue
            if match.group() == "\\":
                at = match.end() + 1
                continue
            if match.start() - start > _MAX_WRITTEN:
                raise InputRefused(
                    where, f"a text of more than {MAX_FIELD_CHARS:,} characters (at most {MAX_FIELD_CHARS:,})"
                )
            return match.end()

    def decode(self, pos: int, where: str) -> tuple[Any, int]:
        """The value at ``pos``, whole and checked; (value, index after it)."""
        self.value_end(pos, where)
        return raw_decode(self.text, pos, where, self.line, self.column)


def iter_json_people(source: str | BinaryIO) -> Generator[tuple[str, Any], None, None]:
    """The people of a record document one at a time, as (where, raw person), holding one person at a time.

    ``source`` is the text, or a binary file read in chunks (UTF-8, BOM allowed). Accepts the
    documented forms: one person object, a list of people, or ``{"people": [...]}``. Each element
    is decoded with ``raw_decode`` (every limit applies); a structural error raises InputRefused
    naming the line.
    """
    text = _Text(source)
    pos = text.skip_ws(0)
    first = text.peek(pos)
    if first == "{":
        yield from _iter_object(text, pos)
        return
    if first == "[":
        end = yield from _iter_array(text, pos)
        end = text.skip_ws(end)
        if text.peek(end):
            raise InputRefused(f"line {text.line_of(end)}", "not valid JSON: extra data after the list")
        return
    # A scalar or garbage: let the decoder name the problem (a scalar then fails person validation).
    text.rest()
    value, end = text.decode(pos, "line 1")
    end = text.skip_ws(end)
    if text.peek(end):
        raise InputRefused(f"line {text.line_of(end)}", "not valid JSON: extra data after the value")
    yield "person #1", value


def _iter_array(text: _Text, pos: int) -> Generator[tuple[str, Any], None, int]:
    """Elements of the array starting at ``text[pos] == '['``; returns the index after ``]``."""
    pos = text.skip_ws(pos + 1)
    index = 0
    if text.peek(pos) == "]":
        return pos + 1
    while True:
        index += 1
        pos = text.drop(pos)
        where = f"line {text.line_of(pos)} (person #{index})"
        value, pos = text.decode(pos, where)
        yield f"person #{index}", value
        pos = text.skip_ws(pos)
        after = text.peek(pos)
        if after == ",":
            pos = text.skip_ws(pos + 1)
            continue
        if after == "]":
            return pos + 1
        raise InputRefused(f"line {text.line_of(pos)}", "not valid JSON: expected ',' or ']' after a person")


def _iter_object(text: _Text, pos: int) -> Generator[tuple[str, Any], None, None]:
    """The object at ``pos``: the people of its ``"people"`` array as they come (its other members decoded
    and checked), or, without one, the object itself as the one person."""
    pos = text.skip_ws(pos + 1)
    members: dict[str, Any] = {}
    found = False
    if text.peek(pos) != "}":
        while True:
            pos = text.drop(pos)
            where = f"line {text.line_of(pos)}"
            key, pos = text.decode(pos, where)
            if not isinstance(key, str):
                raise InputRefused(where, "not valid JSON: an object key must be a string")
            if key in members or (key == "people" and found):
                raise InputRefused(where, f"duplicate key {_short(key)!r} in one object")
            pos = text.skip_ws(pos)
            if text.peek(pos) != ":":
                raise InputRefused(f"line {text.line_of(pos)}", "not valid JSON: expected ':'")
            pos = text.skip_ws(pos + 1)
            if key == "people" and text.peek(pos) == "[":
                found = True
                pos = yield from _iter_array(text, pos)
            else:
                members[key], pos = text.decode(pos, f"line {text.line_of(pos)}")
            pos = text.skip_ws(pos)
            after = text.peek(pos)
            if after == ",":
                pos = text.skip_ws(pos + 1)
                continue
            if after == "}":
                break
            raise InputRefused(f"line {text.line_of(pos)}", "not valid JSON: expected ',' or '}'")
    end = text.skip_ws(pos + 1)
    if text.peek(end):
        raise InputRefused(f"line {text.line_of(end)}", "not valid JSON: extra data after the object")
    if not found:
        problem = check_structure(members)
        if problem:
            raise InputRefused("line 1", problem)
        yield "person #1", members

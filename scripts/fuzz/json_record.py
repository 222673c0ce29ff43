"""Fuzz the JSON record reader (``secondchance screen r.json``: records/safe.py and records/stream.py)."""

from __future__ import annotations

import contextlib
import io
from importlib import resources
from typing import Any

from common import Failure
from records_common import check_record_file

from secondchance.records import safe
from secondchance.records.safe import InputRefused, decode_utf8, iter_json_people, loads

PERSON = (
    b'{"id": "p1", "birth_date": "1984-05-02", "cases": [{"id": "c1", "jurisdiction": "PA", "charges": '
    b'[{"id": "1", "statute": "18 Pa.C.S. \xc2\xa7 3929", "grade": "M2", "disposition": "convicted", '
    b'"disposition_date": "2015-06", "sentence": {"fines_costs_owed": "1,250.00", "probation_end": '
    b'{"date": "2027-01-01", "scheduled": true}}}]}]}'
)


def seeds() -> dict[str, bytes]:
    example = resources.files("secondchance.examples").joinpath("people.json").read_bytes()
    return {
        "person": PERSON,
        "list": b"[" + PERSON + b",\n" + PERSON.replace(b'"p1"', b'"p2"') + b"]",
        "people": b'{"people": [' + PERSON + b"]}",
        "ca": PERSON.replace(b'"PA"', b'"CA"')
        .replace(b"18 Pa.C.S. \xc2\xa7 3929", b"PC 459")
        .replace(b"M2", b"wobbler"),
        "examples": example,
        "bom": b"\xef\xbb\xbf" + PERSON,
    }


def _people(source: str | bytes) -> tuple[list[tuple[str, Any]], str | None]:
    found: list[tuple[str, Any]] = []
    try:
        for item in iter_json_people(io.BytesIO(source) if isinstance(source, bytes) else source):
            found.append(item)
    except InputRefused as error:
        return found, str(error)
    return found, None


def one_input(data: bytes) -> None:
    check_record_file(data, ".json")  # read in 1 MB pieces: these inputs fit in one
    with contextlib.suppress(InputRefused):
        loads(data)
    # The streamed reader with pieces of 1 to 61 bytes answers as the whole text does (people and problems).
    try:
        decode_utf8(data)
    except InputRefused:
        return
    original = safe.CHUNK_BYTES
    safe.CHUNK_BYTES = 1 + len(data) % 61  # type: ignore[misc]
    try:
        streamed = _people(data)
    finally:
        safe.CHUNK_BYTES = original  # type: ignore[misc]
    whole = _people(data)  # one piece (CHUNK_BYTES is 1 MB): the BOM stripped once, as from a file
    if streamed != whole:
        raise Failure(f"read in pieces of {1 + len(data) % 61} bytes: {streamed!r:.300} != {whole!r:.300}")

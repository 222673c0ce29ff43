"""A JSON record file is read in chunks, one person at a time (issue 16): the same people and the same
problems, with the same places, whatever the chunk size, and memory that does not grow with the file."""

from __future__ import annotations

import io
import json
import tracemalloc
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from secondchance.records import safe
from secondchance.records.safe import InputRefused, iter_json_people
from secondchance.records.stream import check_file, iter_people

PERSON = {"id": "p1", "cases": [{"id": "c1", "jurisdiction": "PA", "charges": [{"id": "1", "grade": "M2"}]}]}


def _read(source: str | bytes, chunk: int | None = None) -> tuple[list[tuple[str, Any]], str | None]:
    people: list[tuple[str, Any]] = []
    original = safe.CHUNK_BYTES
    try:
        if chunk:
            safe.CHUNK_BYTES = chunk  # type: ignore[misc]
        for item in iter_json_people(io.BytesIO(source) if isinstance(source, bytes) else source):
            people.append(item)
    except InputRefused as error:
        return people, str(error)
    finally:
        safe.CHUNK_BYTES = original  # type: ignore[misc]
    return people, None


DOCS = [
    json.dumps(PERSON),
    json.dumps([PERSON, {**PERSON, "id": "p2"}], indent=2),
    json.dumps({"people": [PERSON, PERSON], "source": {"x": [1, 2]}}, indent=1),
    json.dumps({"source": "a", "people": []}),
    '{"people": [' + json.dumps(PERSON) + "], }",
    '[{"id": "a\\"b\\\\", "x": "\\ud83d\\ude00"},\n{"id": 1e999}]',
    '{"people": [{"id": "a"}], "people": []}',
    "[" * 20 + "]" * 20,
    '[{"id": "' + "x" * 60_000 + '"}]',
    '[{"id": "' + "x" * 5_000 + '"}]',
    "[1, 2",
    '{"id": "p", "id": "q"}',
    "  42  ",
    '[{"a": 1} {"b": 2}]',
    '{"people": [{"id": "x"}]} trailing',
    '\n\n[{"id": "x",\n "n": Infinity}]',
]


@pytest.mark.parametrize("doc", DOCS)
@pytest.mark.parametrize("chunk", [1, 3, 7, 64])
def test_chunked_reading_matches_whole_text(doc: str, chunk: int) -> None:
    whole = _read(doc)
    assert _read(doc.encode(), chunk) == whole
    assert _read(b"\xef\xbb\xbf" + doc.encode(), chunk) == whole


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    value=st.recursive(
        st.none()
        | st.booleans()
        | st.integers()
        | st.floats(allow_nan=False, allow_infinity=False)
        | st.text(max_size=8),
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3),
        max_leaves=12,
    ),
    wrap=st.sampled_from(["list", "people", "bare"]),
    indent=st.sampled_from([None, 1]),
    cut=st.integers(min_value=0, max_value=400),
    chunk=st.integers(min_value=1, max_value=16),
)
@pytest.mark.slow
def test_chunk_size_never_changes_the_answer(value: Any, wrap: str, indent: int | None, cut: int, chunk: int) -> None:
    doc = {"list": [value, value], "people": {"people": [value]}, "bare": value}[wrap]
    text = json.dumps(doc, indent=indent)
    for variant in (text, text[:cut]):
        assert _read(variant.encode("utf-8", "surrogatepass"), chunk) == _read(variant)


def test_bad_bytes_are_placed_on_their_line(tmp_path: Path) -> None:
    assert _read(b'[\n{"id": "a"},\n{"id": "Zo\xeb"}]', 4)[1] == (
        "line 3: byte 0xEB is not UTF-8 (the file looks like Latin-1 or Windows-1252); save it as UTF-8"
    )
    assert _read(b"\xff\xfe[\x00", 4)[1] == "line 1: the file is UTF-16; save it as UTF-8 (in Excel: CSV UTF-8)"


def test_an_endless_string_or_nesting_is_refused_before_it_is_held() -> None:
    people, error = _read(b'[{"id": "a"}, {"id": "' + b"x" * 200_000, 1024)
    assert error == "line 1 (person #2): a text of more than 4,096 characters (at most 4,096)" and len(people) == 1
    assert _read(b"[" + b"[" * 100_000, 1024)[1] == "line 1 (person #1): nested more than 8 levels deep"


@pytest.mark.slow
def test_memory_does_not_grow_with_the_file(tmp_path: Path) -> None:
    """4,000 people (about 420 KB) read with an 8 KB chunk: the peak stays near what one drop keeps (64 KB)."""
    path = tmp_path / "big.json"
    person = json.dumps(PERSON)
    with path.open("w") as handle:
        handle.write('{"people": [\n')
        handle.write(",\n".join(person.replace('"p1"', f'"p{i}"') for i in range(4000)))
        handle.write("\n]}\n")
    original = safe.CHUNK_BYTES
    safe.CHUNK_BYTES = 1 << 13  # type: ignore[misc]
    try:
        tracemalloc.start()
        with path.open("rb") as handle:
            count = sum(1 for _ in iter_json_people(handle))
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    finally:
        safe.CHUNK_BYTES = original  # type: ignore[misc]
    assert count == 4000 and path.stat().st_size > 400_000 and peak < 250_000, peak
    small = tmp_path / "small.json"
    small.write_text(json.dumps({"people": [PERSON, {**PERSON, "id": "p2"}]}))
    assert check_file(str(small), None) == len(list(iter_people(str(small), None))) == 2

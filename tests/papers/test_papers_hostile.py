"""Damaged and hostile PDFs: the reader answers a reading or DocumentRefused, never anything else."""

from __future__ import annotations

import contextlib
import os
from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from secondchance.papers.pa_docket import read_pa_docket_bytes
from secondchance.papers.reading import DocumentRefused, Reading
from secondchance.papers.synth_pa import docket_pdf, random_person

_PERSON = random_person(2)
GOOD = docket_pdf(replace(_PERSON, cases=_PERSON.cases[:1]), _PERSON.cases[0])
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "40"))


@settings(max_examples=EXAMPLES, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(
    edits=st.lists(st.tuples(st.integers(0, len(GOOD) - 1), st.integers(0, 255)), min_size=1, max_size=20),
    cut=st.integers(0, 64),
)
def test_a_damaged_docket_is_read_or_refused(edits: list[tuple[int, int]], cut: int) -> None:
    data = bytearray(GOOD)
    for at, value in edits:
        data[at] = value
    data = data[: len(data) - cut] if cut else data
    try:
        reading = read_pa_docket_bytes(bytes(data), "fuzz.pdf")
    except DocumentRefused as error:
        assert error.reason
    else:
        assert isinstance(reading, Reading)


@settings(max_examples=EXAMPLES, deadline=None, derandomize=True)
@given(data=st.binary(max_size=2000))
def test_arbitrary_bytes_are_refused(data: bytes) -> None:
    with contextlib.suppress(DocumentRefused):
        read_pa_docket_bytes(b"%PDF-1.4\n" + data + b"\n%%EOF\n", "fuzz.pdf")

"""The court-paper readers' oracle, shared by rap_text.py, pa_docket_lines.py and papers_pdf.py.

A document ends in a reading or DocumentRefused (with a reason). A reading then goes where the CLI
sends it: merged, checked as a record (InvalidRecord, with place and reason, is the documented refusal)
and screened, which must answer.
"""

from __future__ import annotations

from datetime import date

from common import Failure

from secondchance.papers.merge import checked_person, merge
from secondchance.papers.reading import DocumentRefused, Reading
from secondchance.records import InvalidRecord
from secondchance.relief import screen

AS_OF = date(2026, 11, 23)


def check_read(read: object) -> None:
    """``read`` is a zero-argument callable giving a Reading; the oracle from there on."""
    try:
        reading = read()  # type: ignore[operator]
    except DocumentRefused as error:
        if not error.reason:
            raise Failure("a refusal without a reason") from None
        return
    if not isinstance(reading, Reading):
        raise Failure(f"the reader answered {type(reading).__name__}, not a Reading")
    for unread in reading.unread:
        if not unread.field or not unread.reason:
            raise Failure(f"an unread value without its field or reason: {unread!r}")
    merged = merge([reading])
    twice = merge([reading, reading])  # the same document read twice is one document
    if set(twice.disagreements) != set(merged.disagreements) or twice.person != merged.person:
        raise Failure("reading a document twice changed what was read")
    try:
        person = checked_person(merged, AS_OF)
    except InvalidRecord as error:
        if not error.problems or not all(p.where and p.reason for p in error.problems):
            raise Failure(f"a refusal without place or reason: {error.problems!r}") from None
        return
    screen(person, AS_OF)

"""What a reader of court papers hands back: a record, with the place and text behind every value.

A value's ``field`` is its path in the record's JSON form (``docs/record-format.md``), e.g.
``cases[0].charges[2].statute`` or ``birth_date``, so the review page, the CLI and the merge of
several documents all point at values the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from secondchance.records.model import Person


class DocumentRefused(ValueError):
    """The file is not a document this reader knows (not a docket, an unknown layout, no text)."""

    def __init__(self, file: str, reason: str) -> None:
        super().__init__(f"{file}: {reason}")
        self.file = file
        self.reason = reason


@dataclass(frozen=True)
class Place:
    """Where in a document a value was printed: a page and line, or a RAP sheet's cycle and count."""

    file: str
    page: int | None = None
    line: int | None = None
    cycle: int | None = None
    count: int | None = None

    def __str__(self) -> str:
        parts = [self.file]
        parts += [f"{name} {value}" for name, value in self._numbers() if value is not None]
        return ", ".join(parts)

    def _numbers(self) -> tuple[tuple[str, int | None], ...]:
        return (("page", self.page), ("line", self.line), ("cycle", self.cycle), ("count", self.count))


@dataclass(frozen=True)
class Seen:
    """One value read: the record field it fills, the text it was read from, and how sure the reader is.

    ``sure`` is 1.0 when the text matched the layout's grammar exactly; lower when the reader had
    to choose (a wrapped line joined, an abbreviation expanded), so a reviewer checks those first.
    """

    field: str
    text: str
    place: Place
    sure: float = 1.0


@dataclass(frozen=True)
class Unread:
    """A value the document printed that the reader could not read: asked of the person, in words."""

    field: str
    text: str
    place: Place
    reason: str


@dataclass(frozen=True)
class Reading:
    """One document read: its kind and layout fingerprint, the record, and what backs each value."""

    file: str
    kind: str  # e.g. "pa-docket-cp", "pa-docket-mj", "pa-court-summary", "ca-rap-sheet"
    layout: str  # the producer/layout fingerprint the reader recognised
    person: Person
    seen: tuple[Seen, ...] = ()
    unread: tuple[Unread, ...] = ()
    notes: tuple[str, ...] = field(default=())
    pages: int | None = None  # pages read (PDFs), for the reading speed in ``make bench``

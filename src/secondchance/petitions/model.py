"""The document model of a court paper: what it says, independent of PDF, DOCX or text.

A ``Document`` is a title, the court and caption, then blocks in order (headings, numbered or plain
paragraphs, tables, signature lines). Renderers (``render_text``, ``render_html``, ``render_docx``)
only lay it out; every word is decided by the fillers (``pa``, ``ca``, ``checklist``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Heading:
    text: str


@dataclass(frozen=True)
class Para:
    """A paragraph; ``number`` set for the numbered averments of a petition."""

    text: str
    number: int | None = None
    bold: bool = False


@dataclass(frozen=True)
class Table:
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Signature:
    """A line to sign or fill by hand (``label`` under it); ``value`` prints above it when known."""

    label: str
    value: str = ""


@dataclass(frozen=True)
class PageBreak:
    pass


Block = Heading | Para | Table | Signature | PageBreak


@dataclass(frozen=True)
class Caption:
    """The case caption: parties on the left, numbers on the right."""

    left: tuple[str, ...]
    right: tuple[str, ...]


@dataclass(frozen=True)
class Document:
    #: File name without extension (``pa-expungement-CP-51-CR-0001234-2009``): ASCII, no spaces.
    name: str
    kind: str  # petition | order | ifp | fee_waiver | cover_letter | checklist
    title: str
    court: str = ""
    caption: Caption | None = None
    blocks: tuple[Block, ...] = ()
    #: A petition that may not be filed yet: the first day it may be.
    do_not_file_before: date | None = None
    lang: str = "en"


@dataclass(frozen=True)
class Petitioner:
    """Who files: asked only when the papers are made, never stored. Blank lines print when unknown."""

    name: str = ""
    address: str = ""


@dataclass(frozen=True)
class PaperSummary:
    """One line of "what was made and why" (the CLI table, the API header, the web page)."""

    file: str
    kind: str
    case_id: str
    court: str
    why: str
    do_not_file_before: date | None = None


@dataclass(frozen=True)
class Packet:
    """Everything made for one person: the documents and the reasons, and what was not made."""

    documents: tuple[Document, ...]
    made: tuple[PaperSummary, ...]
    not_made: tuple[str, ...] = ()
    automatic: tuple[str, ...] = ()
    warnings: tuple[str, ...] = field(default_factory=tuple)

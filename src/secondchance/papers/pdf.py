"""A PDF's printed lines with their places, read without executing anything the file contains.

pypdf checks the file (encryption, page count, a readable cross-reference); pdfplumber (pdfminer.six)
gives each word with its coordinates. Words on one baseline make a line; words closer than a space
make a cell, so a table's columns come apart by position, not by guessing at runs of spaces. No
JavaScript, forms, attachments or fonts' programs are run: text extraction only reads content streams.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass
from typing import Final

from .reading import DocumentRefused

#: Documented limits (docs/papers.md): a docket or summary is a few pages; anything bigger is refused.
MAX_BYTES: Final = 5_000_000
MAX_PAGES: Final = 60
#: Words closer than this (points) belong to one cell; a table's columns are further apart.
CELL_GAP: Final = 5.0

for _name in ("pdfminer", "pypdf"):
    logging.getLogger(_name).setLevel(logging.ERROR)


@dataclass(frozen=True)
class Cell:
    x0: float
    x1: float
    text: str


@dataclass(frozen=True)
class Line:
    """One printed line: its page (from 1), its number on the page (from 1), height from the top."""

    page: int
    number: int
    top: float
    page_height: float
    cells: tuple[Cell, ...]

    @property
    def text(self) -> str:
        return " ".join(cell.text for cell in self.cells)


@dataclass(frozen=True)
class PdfText:
    producer: str | None
    creator: str | None
    pages: int
    lines: tuple[Line, ...]


def read_pdf(data: bytes, file: str) -> PdfText:
    """The lines of a text-layer PDF, or DocumentRefused saying why not (in words a person can act on)."""
    if len(data) > MAX_BYTES:
        raise DocumentRefused(file, f"the file is {len(data):,} bytes; at most {MAX_BYTES:,} are read")
    if not data.lstrip()[:5] == b"%PDF-":
        raise DocumentRefused(file, "not a PDF file")
    if b"%%EOF" not in data[-2048:]:
        raise DocumentRefused(file, "the PDF is truncated (it has no end); download it again")
    import pdfplumber
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise DocumentRefused(file, "the PDF is encrypted (password-protected); save an unprotected copy")
        pages = len(reader.pages)
        info = reader.metadata
        producer = str(info.producer) if info is not None and info.producer else None
        creator = str(info.creator) if info is not None and info.creator else None
    except DocumentRefused:
        raise
    except Exception as error:  # pypdf raises many kinds on hostile input (AssertionError among them)
        raise DocumentRefused(file, f"the PDF is damaged and cannot be read ({type(error).__name__})") from None
    if pages > MAX_PAGES:
        raise DocumentRefused(file, f"{pages} pages; at most {MAX_PAGES} are read")
    if pages == 0:
        raise DocumentRefused(file, "the PDF has no pages")
    lines: list[Line] = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for number, page in enumerate(pdf.pages, start=1):
                words = page.extract_words(x_tolerance=1.5, y_tolerance=2, keep_blank_chars=False)
                lines.extend(_lines(words, number, float(page.height)))
    except DocumentRefused:
        raise
    except Exception as error:  # pdfminer raises many kinds on hostile input; each is a damaged file here
        raise DocumentRefused(file, f"the PDF is damaged and cannot be read ({type(error).__name__})") from None
    if not lines:
        raise DocumentRefused(
            file,
            "the PDF has no text layer (a scan or photo): type the charges instead, or upload the docket "
            "downloaded from the court's web site",
        )
    return PdfText(producer, creator, pages, tuple(lines))


def _lines(words: list[dict[str, object]], page: int, height: float) -> list[Line]:
    rows: dict[int, list[dict[str, object]]] = {}
    for word in words:
        rows.setdefault(round(float(str(word["top"])) / 2), []).append(word)
    out: list[Line] = []
    for number, key in enumerate(sorted(rows), start=1):
        row = sorted(rows[key], key=lambda w: float(str(w["x0"])))
        cells: list[Cell] = []
        for word in row:
            x0, x1, text = float(str(word["x0"])), float(str(word["x1"])), str(word["text"])
            if cells and x0 - cells[-1].x1 < CELL_GAP:
                cells[-1] = Cell(cells[-1].x0, x1, f"{cells[-1].text} {text}")
            else:
                cells.append(Cell(x0, x1, text))
        out.append(Line(page, number, float(str(row[0]["top"])), height, tuple(cells)))
    return out

"""Where a Pennsylvania UJS docket prints things: the page furniture (a header with the docket number
and ``Page x of y`` on every page, the footer's form number), checked against the known layout, and
the columns of a table (a cell belongs to the heading printed at or just left of it).
"""

from __future__ import annotations

from dataclasses import dataclass

from .pa_docket_grammar import DOCKET_NUMBER, FORMS, KIND_CP, KIND_MJ, PAGE_OF, recognise
from .pdf import Line, PdfText
from .reading import DocumentRefused


@dataclass(frozen=True)
class DocketPages:
    """A docket's body lines (no headers, no footers), its number, kind and layout, and page 1's lines."""

    docket: str
    kind: str
    layout: str
    body: list[Line]
    first: list[Line]


def docket_pages(file: str, text: PdfText) -> DocketPages:
    """Every page checked against the layout (same docket, ``Page n of total``, one known form); the
    lines between each page's header and footer. Refuses a document that is not this layout."""
    by_page: dict[int, list[Line]] = {}
    for line in text.lines:
        by_page.setdefault(line.page, []).append(line)
    first = by_page.get(1, [])
    first_text = "\n".join(line.text for line in first[:6])
    if not recognise(first_text, text.producer):
        raise DocumentRefused(file, "not a Pennsylvania court docket sheet (no docket header on page 1)")
    found = DOCKET_NUMBER.search(first_text)
    assert found is not None
    docket = found.group(0)
    kind = KIND_MJ if docket.startswith("MJ-") else KIND_CP
    body: list[Line] = []
    total: int | None = None
    form: str | None = None
    for number in range(1, text.pages + 1):
        lines = by_page.get(number, [])
        total = _check_header(file, docket, number, lines[:5], total)
        rest = lines[5:]
        footer = [line for line in rest if line.top > line.page_height - 70]
        form = _check_footer(file, footer, form)
        body.extend(line for line in rest if line not in footer)
    if total != text.pages:
        raise DocumentRefused(file, f"the docket has {text.pages} of its {total} pages; download it again")
    assert form is not None
    if (kind == KIND_MJ) != (form == "MDJS 1200"):
        raise DocumentRefused(file, "unknown docket layout: the docket number and the form do not match")
    return DocketPages(docket, kind, FORMS[form], body, first)


def _check_header(file: str, docket: str, number: int, header: list[Line], total: int | None) -> int:
    """Page ``number``'s header names the docket and ``Page number of total``; the total (the first page's)."""
    header_text = "\n".join(line.text for line in header)
    page_of = PAGE_OF.search(header_text)
    if docket not in header_text or page_of is None or int(page_of[1]) != number:
        raise DocumentRefused(file, f"unknown docket layout: page {number}'s header is not the UJS docket header")
    total = int(page_of[2]) if total is None else total
    if int(page_of[2]) != total:
        raise DocumentRefused(file, "the pages come from different dockets")
    return total


def _check_footer(file: str, footer: list[Line], form: str | None) -> str:
    """The footer's form number: a known one, the same on every page."""
    footer_text = " ".join(line.text for line in footer)
    page_form = next((name for name in FORMS if footer_text.startswith(name)), None)
    if page_form is None or (form is not None and page_form != form):
        raise DocumentRefused(
            file, f"unknown docket layout version (footer {footer_text[:40]!r}); it cannot be read safely"
        )
    return page_form


class Columns:
    """The tables' column headings as printed (their texts and where each starts), by table name."""

    def __init__(self) -> None:
        self.xs: dict[str, tuple[float, ...]] = {}
        self.names: dict[str, tuple[str, ...]] = {}

    def headings(self, line: Line, headings: tuple[str, ...], name: str, first_blank: bool = False) -> bool:
        """Whether ``line`` is table ``name``'s heading line; if so its columns are set from it
        (``first_blank``: a first column without a heading, left of the first heading)."""
        texts = tuple(cell.text for cell in line.cells)
        if texts != headings:
            return False
        xs = tuple(cell.x0 for cell in line.cells)
        self.xs[name] = (line.cells[0].x0 - 200, *xs) if first_blank else xs
        self.names[name] = ("", *headings) if first_blank else headings
        return True

    def cells(self, line: Line, name: str) -> dict[str, str] | None:
        """The line's cells by the column each starts in (the heading at or just left of it)."""
        xs = self.xs.get(name)
        names = self.names.get(name)
        if xs is None or names is None:
            return None
        out: dict[str, str] = {}
        for cell in line.cells:
            index = max((i for i, x in enumerate(xs) if x <= cell.x0 + 3), default=None)
            if index is None or names[index] in out:
                return None
            out[names[index]] = cell.text
        return out

    def first_x(self, name: str) -> float | None:
        """Where table ``name``'s first column starts (None before its headings)."""
        return self.xs.get(name, (None,))[0]

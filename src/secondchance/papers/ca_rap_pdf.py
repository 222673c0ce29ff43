"""The text lines of a RAP sheet printed as a PDF (a text layer, pages of a monospaced listing)."""

from __future__ import annotations

import re

from .ca_rap_grammar import MAX_LINES, MAX_PAGES
from .reading import DocumentRefused


def pdf_lines(path: str) -> tuple[list[str], list[int]]:
    """The PDF's text lines with their indentation (pypdf's layout mode keeps the monospaced columns).

    pypdf rather than pdfplumber: four times faster on these pages and as strict; nothing in the file is
    run (no JavaScript, no forms: only the text layer is read).
    """
    import pypdf

    try:
        document = pypdf.PdfReader(path, strict=False)
        if document.is_encrypted:
            raise DocumentRefused(path, "the PDF is encrypted; download an unprotected copy")
        count = len(document.pages)
    except DocumentRefused:
        raise
    except Exception as error:  # as above: any exception of the PDF layer is a damaged file here
        raise DocumentRefused(path, f"not a readable PDF ({type(error).__name__})") from None
    if count > MAX_PAGES:
        raise DocumentRefused(path, f"{count} pages; at most {MAX_PAGES} are read")
    lines: list[str] = []
    pages: list[int] = []
    for number in range(1, count + 1):
        try:
            text = document.pages[number - 1].extract_text(extraction_mode="layout")
        except Exception as error:  # pypdf raises many kinds on hostile pages (an AssertionError among them)
            raise DocumentRefused(path, f"page {number} cannot be read ({type(error).__name__})") from None
        texts = [line.rstrip() for line in text.splitlines()]
        if number == 1 and not any(texts):
            raise DocumentRefused(path, "the PDF has no text layer (a scan?); type the record instead")
        # the page header (CII/... RECORD REVIEW) and footer (Page n of m) belong to the printout, not the sheet
        body = [t for t in texts if not re.fullmatch(r"\s*(?:CII/\S+\s+RECORD REVIEW|Page \d+ of \d+)", t)]
        lines.extend(body)
        pages.extend([number] * len(body))
        if len(lines) > MAX_LINES:
            raise DocumentRefused(path, f"more than {MAX_LINES:,} lines; at most {MAX_LINES:,} are read")
    return lines, pages

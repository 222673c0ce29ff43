"""The readers of court papers, and the one place that picks a reader for a file.

A reader is listed once here; the CLI (``secondchance read``/``screen``), the API and the web app
all dispatch through ``read_document``. Add a reader with one line in ``READERS``.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from . import ca_rap, pa_docket, pa_summary
from .pdf import MAX_BYTES, read_pdf
from .reading import DocumentRefused, Reading


@dataclass(frozen=True)
class Reader:
    """``recognise(first page text, PDF producer)`` says whether ``read(path)`` should be tried."""

    kind: str
    recognise: Callable[[str, str | None], bool]
    read: Callable[[str], Reading]
    pdf: bool = True  # reads PDFs (else plain text)


READERS: Final[list[Reader]] = [
    Reader("pa-docket", pa_docket.recognise, pa_docket.read_pa_docket),
    Reader("pa-court-summary", pa_summary.recognise, pa_summary.read_pa_summary),
    Reader("ca-rap-sheet", ca_rap.recognise, ca_rap.read_rap_sheet),
    Reader("ca-rap-sheet", ca_rap.recognise, ca_rap.read_rap_sheet, pdf=False),
]


def is_document(path: str) -> bool:
    """Whether a file should go to a reader of papers rather than the record parser (JSON/CSV)."""
    lower = path.lower()
    if lower.endswith((".json", ".csv")):
        return False
    try:
        with open(path, "rb") as handle:
            head = handle.read(1024)
    except OSError:
        return False
    return head.lstrip().startswith(b"%PDF-") or lower.endswith((".pdf", ".txt"))


def first_page(path: str) -> tuple[str, str | None, bool]:
    """The first page's text, the PDF producer, and whether it is a PDF (DocumentRefused if unreadable)."""
    with open(path, "rb") as handle:
        data = handle.read(MAX_BYTES + 1)
    if data.lstrip().startswith(b"%PDF-"):
        text = read_pdf(data, path)
        first = "\n".join(line.text for line in text.lines if line.page == 1)
        return first, text.producer, True
    if path.lower().endswith(".pdf"):
        raise DocumentRefused(path, "not a PDF file (its content is not PDF)")
    if len(data) > MAX_BYTES:
        raise DocumentRefused(path, f"the file is over {MAX_BYTES:,} bytes")
    try:
        return data[:20_000].decode("utf-8", errors="strict"), None, False
    except UnicodeDecodeError:
        raise DocumentRefused(path, "neither a PDF nor UTF-8 text") from None


def read_document(path: str) -> Reading:
    """The reading of a document by the first reader that recognises it, or DocumentRefused."""
    text, producer, is_pdf = first_page(path)
    for reader in READERS:
        if reader.pdf == is_pdf and reader.recognise(text, producer):
            return reader.read(path)
    what = "PDF" if is_pdf else "text file"
    raise DocumentRefused(
        path,
        f"not a court document this version reads (a {what} that is not a "
        + ", ".join(dict.fromkeys(r.kind for r in READERS))
        + ")",
    )


def read_document_bytes(data: bytes, name: str) -> Reading:
    """``read_document`` of uploaded bytes: written to a private temporary file, removed at once."""
    if len(data) > MAX_BYTES:
        raise DocumentRefused(name, f"the file is {len(data):,} bytes; at most {MAX_BYTES:,} are read")
    safe = os.path.basename(name) or "upload"
    with tempfile.TemporaryDirectory(prefix="sc-papers-") as folder:
        path = os.path.join(folder, "document")
        with open(path, "wb") as handle:
            handle.write(data)
        try:
            reading = read_document(path)
        except DocumentRefused as error:  # name the file as the person named it, never the temporary path
            raise DocumentRefused(safe, error.reason.replace(path, safe)) from None
    return _renamed(reading, safe, path)


def _renamed(reading: Reading, name: str, path: str) -> Reading:
    """The reading with the temporary path replaced by the uploaded file's name."""
    from dataclasses import replace

    def place(p: object) -> object:
        return replace(p, file=name) if getattr(p, "file", None) == path else p  # type: ignore[type-var]

    return replace(
        reading,
        file=name,
        seen=tuple(replace(s, place=place(s.place)) for s in reading.seen),  # type: ignore[arg-type]
        unread=tuple(replace(u, place=place(u.place)) for u in reading.unread),  # type: ignore[arg-type]
    )

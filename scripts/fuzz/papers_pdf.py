"""Fuzz the court-paper PDF path end to end (``secondchance read/screen file.pdf``, the web upload):
the PDF layer (pypdf, pdfplumber), the choice of reader, then the PA docket, PA court summary or RAP sheet grammar."""

from __future__ import annotations

import tempfile
from dataclasses import replace
from pathlib import Path

from papers_common import check_read

from secondchance.papers import ca_rap_synth
from secondchance.papers.registry import read_document_bytes
from secondchance.papers.synth_pa import docket_pdf, random_person
from secondchance.papers.synth_pa_summary import summary_pdf


def seeds() -> dict[str, bytes]:
    person = random_person(2)
    out = {
        "docket": docket_pdf(replace(person, cases=person.cases[:1]), person.cases[0]),
        "summary": summary_pdf(random_person(3)),
    }
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "rap.pdf"
        ca_rap_synth.to_pdf(ca_rap_synth.sheet(2), str(path))
        out["rap"] = path.read_bytes()
    out["rap_text"] = ca_rap_synth.sheet(3).text.encode()
    return out


def one_input(data: bytes) -> None:
    name = "fuzz.pdf" if data.lstrip().startswith(b"%PDF-") else "fuzz.txt"
    check_read(lambda: read_document_bytes(data, name))

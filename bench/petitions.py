"""Making court papers: the demo people's packets, decided and filled (pure), then rendered.

Figures: documents a second for the document model (decide + fill), for PDF (WeasyPrint) and for
DOCX (python-docx), beside the baseline of screening the same people (the step before papers).
"""

from __future__ import annotations

import json
import time
from datetime import date
from importlib import resources
from typing import Any

from secondchance.petitions import Petitioner, make_packet
from secondchance.petitions.render import render_docx, render_pdf
from secondchance.records import people_from_json
from secondchance.relief import screen

AS_OF = date(2026, 11, 29)


def run(quick: bool = False) -> dict[str, Any]:
    raw = json.loads(resources.files("secondchance.examples").joinpath("people.json").read_text("utf-8"))
    people = people_from_json(raw, as_of=AS_OF)
    rounds = 1 if quick else 3
    started = time.perf_counter()
    screenings = [screen(p, AS_OF) for _ in range(rounds) for p in people]
    screen_seconds = time.perf_counter() - started
    started = time.perf_counter()
    who = Petitioner("A. Example", "1 Sample St")
    packets = [make_packet(p, s, who) for p, s in zip(people * rounds, screenings, strict=True)]
    model_seconds = time.perf_counter() - started
    documents = [d for packet in packets[: len(people)] for d in packet.documents]
    render_pdf(documents[0])  # fonts and styles loaded once, not timed
    started = time.perf_counter()
    for doc in documents:
        render_pdf(doc)
    pdf_seconds = time.perf_counter() - started
    started = time.perf_counter()
    for doc in documents:
        render_docx(doc)
    docx_seconds = time.perf_counter() - started
    made = sum(len(p.documents) for p in packets)
    return {
        "people": len(people) * rounds,
        "documents": made,
        "baseline_screen_people_per_second": round(len(people) * rounds / screen_seconds, 1),
        "model_documents_per_second": round(made / model_seconds, 1),
        "pdf_documents_per_second": round(len(documents) / pdf_seconds, 2),
        "docx_documents_per_second": round(len(documents) / docx_seconds, 1),
    }

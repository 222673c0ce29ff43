"""California papers: RAP-sheet round trip (field precision/recall), reading speed, and the DOJ extract.

* ``round_trip``: 1,000 generated people (200 with ``--quick``) -> RAP sheet text -> reader. Every field
  the generator printed is a "printed" value; a read value equal to it is a hit; a read value with no
  equal printed one is "invented". Goal: recall 1.0, invented 0.
* ``rap_text`` / ``rap_pdf``: pages per second reading sheets (text: 56 lines a page as the PDF lays them
  out; PDF: pypdf's layout text of the generated PDFs, then the same grammar).
* ``extract`` vs ``flat_csv``: charges per second through ``bulk.read.read_batches`` and ``bulk.validate`` of the DOJ
  bulk extract and of the same charges as the flat record CSV, in the same run.
"""

from __future__ import annotations

import csv
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

import polars as pl

import secondchance.bulk.doj as doj
import secondchance.bulk.read as read
import secondchance.bulk.validate as validate
import secondchance.papers.ca_rap as ca_rap
import secondchance.papers.ca_rap_synth as ca_rap_synth
from secondchance.records.model import COLUMNS, Person
from secondchance.relief.jurisdictions import read_citation

TODAY = date(2026, 11, 29)


def _fields(person: Person) -> set[tuple[str, ...]]:
    """(path, value) of every known leaf value of a record; statutes compared in canonical form."""
    out: set[tuple[str, ...]] = set()
    for row in person.rows():
        key = (str(row["case_id"]), str(row["charge_id"]))
        for name, value in row.items():
            if value is None or name in ("case_id", "charge_id"):
                continue
            if name == "statute":
                value = read_citation(str(value), "CA") or f"unreadable:{value}"
            out.add((*key, name, str(value)))
    return out


def round_trip(people: int) -> dict[str, Any]:
    printed = read_back = hits = unread = 0
    for seed in range(people):
        sheet = ca_rap_synth.sheet(seed)
        reading = ca_rap.read_text(sheet.text, today=TODAY)
        want, got = _fields(sheet.person), _fields(reading.person)
        printed += len(want)
        read_back += len(got)
        hits += len(want & got)
        unread += len(reading.unread)
    return {
        "people": people,
        "fields_printed": printed,
        "fields_read": read_back,
        "recall": round(hits / printed, 6),
        "precision": round(hits / read_back, 6) if read_back else 1.0,
        "invented": read_back - hits,
        "unread": unread,
    }


def rap_speed(people: int, pdfs: int, work: Path) -> dict[str, Any]:
    sheets = [ca_rap_synth.sheet(seed) for seed in range(people)]
    started = time.perf_counter()
    for sheet in sheets:
        ca_rap.read_text(sheet.text, today=TODAY)
    text_seconds = time.perf_counter() - started
    text_pages = sum(-(-len(s.lines) // ca_rap_synth.PAGE_LINES) for s in sheets)
    paths, pdf_pages = [], 0
    for n, sheet in enumerate(sheets[:pdfs]):
        path = work / f"sheet-{n}.pdf"
        pdf_pages += ca_rap_synth.to_pdf(sheet, str(path))
        paths.append(path)
    started = time.perf_counter()
    for path in paths:
        ca_rap.read_rap_sheet(str(path), today=TODAY)
    pdf_seconds = time.perf_counter() - started
    return {
        "rap_text_pages_per_second": round(text_pages / text_seconds, 1),
        "rap_text_pages": text_pages,
        "rap_pdf_pages_per_second": round(pdf_pages / pdf_seconds, 1),
        "rap_pdf_pages": pdf_pages,
    }


def _through_reader(path: Path) -> tuple[int, int, float]:
    started = time.perf_counter()
    charges = rejects = 0
    for batch in read.read_batches(path):
        good, problems = validate.validate(batch, None)
        charges += good.height
        rejects += problems.height
    return charges, rejects, time.perf_counter() - started


def extract_speed(people: int, work: Path) -> dict[str, Any]:
    extract = work / "extract.csv"
    rows = doj.write_extract(extract, seed=11, people=people)
    flat = work / "flat.csv"
    raw = pl.concat(list(doj.batches(extract, today=TODAY)))
    with flat.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        for record in raw.select(list(COLUMNS)).iter_rows():
            writer.writerow(["" if v is None else v for v in record])
    extract_charges, extract_rejects, extract_seconds = _through_reader(extract)
    flat_charges, flat_rejects, flat_seconds = _through_reader(flat)
    return {
        "extract_rows": rows,
        "extract_charges": extract_charges,
        "extract_rejects": extract_rejects,
        "extract_charges_per_second": round(extract_charges / extract_seconds),
        "flat_csv_charges": flat_charges,
        "flat_csv_rejects": flat_rejects,
        "flat_csv_charges_per_second": round(flat_charges / flat_seconds),
    }


def run(quick: bool = False) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        return {
            "round_trip": round_trip(200 if quick else 1000),
            **rap_speed(200 if quick else 1000, 20 if quick else 100, work),
            **extract_speed(5_000 if quick else 40_000, work),
        }

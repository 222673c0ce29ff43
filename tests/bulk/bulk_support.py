"""Helpers of the runner tests: inputs with every kind of row, output hashes, and the evaluator to use."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import polars as pl

from secondchance.bulk.synth import synth_charges

AS_OF = date(2026, 11, 23)
#: The explainer as a plug-in evaluator (slow): what the compiled engine must match through the runner.
REFERENCE = "bulk_reference:reference_codes"

#: Rows every run must reject or leave unscreened, appended after the synthetic people.
ODD_ROWS: list[dict[str, str]] = [
    {"person_id": "odd1", "case_id": "c1", "charge_id": "1", "jurisdiction": "PA", "disposition_date": "2020-13-01"},
    {"person_id": "odd1", "case_id": "c1", "charge_id": "2", "jurisdiction": "PA", "grade": "Q7"},
    {"person_id": "odd2", "case_id": "c1", "charge_id": "1", "jurisdiction": "PA", "grade": "M1"},
    {"person_id": "odd2", "case_id": "c1", "charge_id": "1", "jurisdiction": "PA", "grade": "M2"},
    {"person_id": "", "case_id": "c1", "charge_id": "1", "jurisdiction": "PA"},
    {"person_id": "odd3", "case_id": "c1", "charge_id": "1", "jurisdiction": "CA", "grade": "felony",
     "disposition": "dismissed"},
    {"person_id": "odd4", "case_id": "c1", "charge_id": "1", "jurisdiction": "", "disposition": "dismissed"},
    {"person_id": "odd5", "case_id": "c1", "charge_id": "1", "jurisdiction": "PA", "fines_costs_owed": "-12"},
]  # fmt: skip
#: Of ODD_ROWS: rows rejected, and rows accepted but with no PA rule (CA, unknown jurisdiction).
ODD_REJECTED = 5
ODD_UNSCREENED = 2


def write_input(path: Path, people: int, seed: int = 7, odd: bool = True) -> int:
    """Synthetic PA people (plus ODD_ROWS) as CSV or Parquet (text columns); returns the row count."""
    table = synth_charges(people, "PA", seed=seed)
    text = table.select(pl.col(c).cast(pl.Utf8) for c in table.columns)
    if odd:
        text = pl.concat([text, pl.DataFrame(ODD_ROWS)], how="diagonal_relaxed")
    if path.suffix == ".csv":
        text.write_csv(path)
    else:
        text.write_parquet(path)
    return text.height


def output_hashes(out: Path) -> dict[str, str]:
    """sha256 of every file a run delivers (not its working state)."""
    files = [p for p in out.rglob("*") if p.is_file() and "_state" not in p.parts]
    return {str(p.relative_to(out)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(files)}

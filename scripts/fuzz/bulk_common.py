"""The bulk oracle, shared by bulk_csv.py and bulk_parquet.py: a reconciled run whose rejects name their
row and reason, or InputError / RunError (exit 2) — never another exception or a count that does not add up."""

from __future__ import annotations

import csv
import shutil
import tempfile
from datetime import date
from pathlib import Path

from common import Failure

from secondchance.bulk.read import InputError
from secondchance.bulk.run import Plan, ReconcileError, RunError, run

AS_OF = date(2026, 11, 23)
FOLDER = Path(tempfile.mkdtemp(prefix="secondchance-fuzz-bulk-"))
HEADER = b"person_id,case_id,charge_id,jurisdiction,statute,grade,disposition,disposition_date,fines_costs_owed\n"


def check_bulk_file(source: Path, jurisdiction: str | None) -> None:
    out = FOLDER / "out"
    shutil.rmtree(out, ignore_errors=True)
    try:
        manifest = run(Plan(source, out, AS_OF, jurisdiction, 1), workers=1)
    except ReconcileError as error:
        raise Failure(f"counts do not reconcile: {error}") from None
    except (InputError, RunError) as error:
        if not str(error).strip():
            raise Failure("a refusal without a reason") from None
        return
    counts = manifest["counts"]
    if counts["input_rows"] != counts["charges"] + counts["rejected_rows"]:
        raise Failure(f"counts do not add up: {counts}")
    with (out / "rejects.csv").open(newline="", encoding="utf-8") as handle:
        rejects = list(csv.DictReader(handle))
    if any(not r["row"] or not r["reason"] for r in rejects):
        raise Failure("a reject without its row or reason")
    if len({r["row"] for r in rejects}) != counts["rejected_rows"]:
        raise Failure(f"{counts['rejected_rows']} rejected rows, {len({r['row'] for r in rejects})} in rejects.csv")

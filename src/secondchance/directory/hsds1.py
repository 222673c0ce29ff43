"""Importing older Open Referral exports: HSDS 1.x tabular packages and flat legal-aid CSVs.

Real directories still come as HSDS 1.x (one CSV per table, plural names: ``services.csv``,
``regular_schedules.csv``, ``physical_addresses.csv``...; e.g. the ILAO export in
``../shared/data/hsds/ilao-illinois-legal-aid/hsds-1.x``) or as one flat row per service with
the organization's fields repeated (``service_uuid, organization_name, ... service_min_age,
service_income_limit, service_require_veteran, service_areas``; the Florida legal-aid directory).
Both map to the same HSDS 3 model as every other reader. What HSDS 3 cannot hold, or a row
that would not validate (an address with no city), is not guessed: it is left out and the
per-row report (``Note``) says so, by file and row. Rows without ids (1.x phones and schedules
often have none) get stable UUIDv5 ids from the file and row. This module picks the reader and
checks the links: ``hsds1_tables`` reads 1.x packages, ``hsds1_flat`` flat exports, and
``hsds1_cells`` holds what both share (the cell parsers, the report line).
"""

from __future__ import annotations

import csv
from pathlib import Path

from .hsds1_cells import Note
from .hsds1_flat import read_flat
from .hsds1_tables import read_tables
from .infer import Inferred, enrich
from .model import Directory
from .validate import InvalidDirectory, Problem, check_keys

__all__ = ["Note", "is_flat", "read_hsds1"]


def is_flat(folder: Path) -> bool:
    """Whether ``folder`` holds a flat legal-aid export (one row per service, ``service_uuid``)."""
    path = folder / "services.csv"
    if not path.exists():
        return False
    with path.open(newline="", encoding="utf-8-sig") as handle:
        return "service_uuid" in next(csv.reader(handle), [])


def read_hsds1(folder: Path, infer: bool = True) -> tuple[Directory, list[Inferred], list[Note]]:
    """An HSDS 3 directory from an HSDS 1.x package or a flat export, what ``infer`` read from each
    listing, and the per-row report; raises ``InvalidDirectory`` if links do not resolve."""
    if not (folder / "services.csv").exists():
        raise InvalidDirectory([Problem(str(folder), None, None, "no services.csv here")])
    reader = read_flat if is_flat(folder) else read_tables
    d, extra, notes = reader(folder)
    problems = check_keys(d, {})
    if problems:
        raise InvalidDirectory(problems)
    return d, (enrich(d, extra) if infer else []), notes

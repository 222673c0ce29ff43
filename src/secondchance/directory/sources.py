"""A services directory read from what people hand in: an HSDS 3 package or JSON, an Ohana export, HSDS 1.x.

Every failure to read is a listed ``InvalidDirectory`` problem (file, row, field, reason), never a
traceback; with ``infer`` the per-service report says which needs and requirements were read and why.
"""

from __future__ import annotations

import csv
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from .model import Directory
from .validate import InvalidDirectory, Problem

if TYPE_CHECKING:
    from .hsds1 import Note
    from .infer import Inferred


class Source(StrEnum):
    """The kinds of input ``read_input_report`` reads (``services import --from``)."""

    hsds = "hsds"
    ohana = "ohana"
    hsds1 = "hsds1"


def read_input(path: Path, source: Source = Source.hsds, infer: bool = False) -> Directory:
    return read_input_report(path, source, infer)[0]


def read_input_report(path: Path, source: Source = Source.hsds, infer: bool = True) -> tuple[Directory, list[Inferred]]:
    """A directory read from ``path``; with ``infer``, needs and eligibility read from what its
    listings carry (``infer.enrich``), and the per-service report of what was read.

    Bytes that are not UTF-8, a CSV the csv module cannot split and a value a reader cannot convert
    are listed problems (exit 2), never a traceback."""
    try:
        return _read_input_report(path, source, infer)
    except UnicodeDecodeError:
        raise InvalidDirectory([_undecodable(path)]) from None
    except KeyError as error:
        raise InvalidDirectory(
            [Problem(str(path), None, str(error.args[0])[:80], "required column is missing")]
        ) from None
    except (csv.Error, ValueError, RecursionError) as error:
        reason = "nested too deeply" if isinstance(error, RecursionError) else str(error)[:300]
        raise InvalidDirectory([Problem(str(path), None, None, f"cannot be read: {reason}")]) from None


def _undecodable(path: Path) -> Problem:
    """The first file of ``path`` (a file or a folder) holding bytes that are not UTF-8, with the line."""
    from ..records.safe import locate_undecodable

    for file in [path] if path.is_file() else sorted(p for p in path.iterdir() if p.is_file()):
        refused = locate_undecodable(str(file))
        if refused.where != "(file)":
            return Problem(file.name, int(refused.where.removeprefix("line ")), None, refused.reason)
    return Problem(str(path), None, None, "a file is not UTF-8; save it as UTF-8")


def _read_input_report(path: Path, source: Source, infer: bool) -> tuple[Directory, list[Inferred]]:
    from .hsds_json import read_json
    from .infer import enrich
    from .ohana import read_ohana_report
    from .tabular import read_package

    if source is Source.ohana:
        return read_ohana_report(path, infer)
    if source is Source.hsds1:
        from .hsds1 import read_hsds1

        directory, inferred, notes = read_hsds1(path, infer)
        LAST_NOTES[:] = notes
        return directory, inferred
    directory = read_json(path) if path.is_file() else read_package(path)
    return directory, (enrich(directory) if infer else [])


#: The per-row notes of the last HSDS 1.x read (rows left out or changed, and why).
LAST_NOTES: list[Note] = []


def write_report(report: list[Inferred], target: Path) -> None:
    """The per-service import report as CSV: needs and requirements read, with where each came from."""
    with target.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(["service_id", "service", "what", "value", "from"])
        for row in report:
            if row.kept_needs:
                out.writerow([row.service_id, row.name, "needs", "", "stated by the listing (kept)"])
            for need, why in row.needs.items():
                out.writerow([row.service_id, row.name, "need", need, why])
            if row.kept_eligibility:
                out.writerow([row.service_id, row.name, "eligibility", "", "stated by the listing (kept)"])
            for found in row.requirements:
                out.writerow([row.service_id, row.name, found.kind, found.value, found.phrase])
            if not (row.needs or row.kept_needs):
                out.writerow([row.service_id, row.name, "need", "", "none found: not searchable by need"])
        for note in LAST_NOTES:
            out.writerow(["", "", "row", f"{note.file}, row {note.row}" if note.row else note.file, note.message])


def summary(report: list[Inferred]) -> str:
    with_needs = sum(1 for r in report if r.needs)
    with_reqs = sum(1 for r in report if r.requirements)
    none = sum(1 for r in report if not (r.needs or r.kept_needs))
    return (
        f"Read from the listings: needs for {with_needs} of {len(report)} services, eligibility for {with_reqs} "
        f"({sum(len(r.requirements) for r in report)} requirements); {none} with no need found."
    )

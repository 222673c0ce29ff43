"""Fuzz the HSDS package readers (``secondchance services import FOLDER``): HSDS 3 tabular packages
(directory/tabular.py), HSDS 1.x packages and flat exports (directory/hsds1.py) and Ohana exports
(directory/ohana.py), each with inference on, as ``services import`` reads them.

One input is a folder: a mode byte (HSDS 3, 1.x, Ohana), then files encoded by ``common.split_files``.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from common import SHARED_HSDS, Failure, csv_head, join_files, split_files

from secondchance.directory.sources import Source, read_input_report
from secondchance.directory.spec import tables
from secondchance.directory.validate import InvalidDirectory

FOLDER = Path(tempfile.mkdtemp(prefix="secondchance-fuzz-hsds-"))
MODES = (Source.hsds, Source.hsds1, Source.ohana)
HSDS1_FILES = (
    "services.csv",
    "organizations.csv",
    "locations.csv",
    "phones.csv",
    "postal_addresses.csv",
    "physical_addresses.csv",
    "regular_schedules.csv",
    "services_at_location.csv",
    "languages.csv",
    "eligibility.csv",
)
OHANA_FILES = (
    "organizations.csv",
    "locations.csv",
    "services.csv",
    "programs.csv",
    "addresses.csv",
    "mail_addresses.csv",
    "contacts.csv",
    "phones.csv",
    "regular_schedules.csv",
    "holiday_schedules.csv",
    "taxonomy.csv",
)


def allowed(mode: Source) -> tuple[str, ...]:
    if mode is Source.hsds:
        return (*sorted({spec.path for spec in tables().values()}), "datapackage.json")
    return HSDS1_FILES if mode is Source.hsds1 else OHANA_FILES


def seeds() -> dict[str, bytes]:
    found: dict[str, bytes] = {
        "tiny-hsds3": b"\x00" + join_files({"services.csv": b"id,name,status\ns1,Legal help,active\n"}),
        "tiny-hsds1": b"\x01"
        + join_files(
            {
                "services.csv": b"id,organization_id,name,status\ns1,o1,Help,active\n",
                "organizations.csv": b"id,name\no1,Org\n",
            }
        ),
        "tiny-ohana": b"\x02"
        + join_files(
            {
                "services.csv": b"id,location_id,name\n1,1,Help\n",
                "locations.csv": b"id,organization_id,name\n1,1,Here\n",
                "organizations.csv": b"id,name\n1,Org\n",
            }
        ),
    }
    samples = {
        0: SHARED_HSDS / "hsds-3.1-spec-examples" / "csv",
        1: SHARED_HSDS / "ilao-illinois-legal-aid" / "hsds-1.x",
        2: SHARED_HSDS / "ohana-san-mateo",
    }
    flat = SHARED_HSDS / "florida-legal-aid"
    for mode, folder in [*samples.items(), (1, flat)]:
        if not folder.is_dir():
            continue
        names = allowed(MODES[mode])
        files = {p.name: csv_head(p, 2) for p in sorted(folder.glob("*.csv")) if p.name in names}
        if files:
            found[f"{folder.name}"] = bytes([mode]) + join_files(files)
    return found


def one_input(data: bytes) -> None:
    if not data:
        return
    mode = MODES[data[0] % len(MODES)]
    shutil.rmtree(FOLDER, ignore_errors=True)
    FOLDER.mkdir()
    for name, content in split_files(data[1:], allowed(mode)).items():
        (FOLDER / name).write_bytes(content)
    try:
        read_input_report(FOLDER, mode, infer=True)
    except InvalidDirectory as error:
        if not error.problems or not all(p.file and p.reason for p in error.problems):
            raise Failure(f"a refusal without place or reason: {error.problems!r}") from None

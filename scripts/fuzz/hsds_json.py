"""Fuzz the HSDS JSON reader (``secondchance services import services.json``: directory/hsds_json.py)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from common import SHARED_HSDS, Failure

from secondchance.directory.sources import Source, read_input_report
from secondchance.directory.validate import InvalidDirectory

FOLDER = Path(tempfile.mkdtemp(prefix="secondchance-fuzz-hsdsjson-"))
TINY = b'{"id": "s1", "name": "Legal help", "status": "active", "organization": {"id": "o1", "name": "Org"}}'


def seeds() -> dict[str, bytes]:
    found = {"tiny": TINY, "list": b"[" + TINY + b"]", "page": b'{"contents": [' + TINY + b"]}"}
    folder = SHARED_HSDS / "hsds-3.1-spec-examples" / "json"
    for name in ("service_full.json", "service_list.json", "base.json"):
        if (folder / name).is_file():
            found[name] = (folder / name).read_bytes()[:20000]
    return found


def one_input(data: bytes) -> None:
    path = FOLDER / "services.json"
    path.write_bytes(data)
    try:
        read_input_report(path, Source.hsds, infer=True)
    except InvalidDirectory as error:
        if not error.problems or not all(p.file and p.reason for p in error.problems):
            raise Failure(f"a refusal without place or reason: {error.problems!r}") from None

"""The record readers' oracle, shared by json_record.py and csv_record.py: both passes of the reader
agree, and the results written by ``screen`` are complete, valid JSON or CSV."""

from __future__ import annotations

import csv
import io
import json
import tempfile
from datetime import date
from pathlib import Path

from common import Failure

from secondchance.cli.screen import write_csv, write_json
from secondchance.records import InvalidRecord
from secondchance.records.stream import check_file, iter_people
from secondchance.relief import screen

AS_OF = date(2026, 11, 23)
FOLDER = Path(tempfile.mkdtemp(prefix="secondchance-fuzz-"))


def check_record_file(data: bytes, suffix: str) -> None:
    path = FOLDER / f"r{suffix}"
    path.write_bytes(data)
    try:
        count = check_file(str(path), AS_OF)
    except InvalidRecord as error:
        if not error.problems or not all(p.where and p.reason for p in error.problems):
            raise Failure(f"a refusal without place or reason: {error.problems!r}") from None
        return
    people = list(iter_people(str(path), AS_OF))
    if len(people) != count:
        raise Failure(f"pass 1 counted {count} people, pass 2 read {len(people)}")
    out = io.StringIO()
    screenings = [screen(p, AS_OF) for p in people]
    if suffix == ".json":
        write_json(out, screenings, single=count == 1)
        parsed = json.loads(out.getvalue())  # complete, valid JSON (no Infinity, no cut)
        if (len(parsed) if isinstance(parsed, list) else 1) != count:
            raise Failure("the JSON results do not hold every person")
    else:
        write_csv(out, screenings)
        rows = list(csv.reader(io.StringIO(out.getvalue())))
        if not rows or any(len(r) != len(rows[0]) for r in rows):
            raise Failure("the CSV results are not a complete table")

"""Fuzz the JSON record reader (``secondchance screen r.json``: records/safe.py and records/stream.py)."""

from __future__ import annotations

import contextlib
from importlib import resources

from records_common import check_record_file

from secondchance.records.safe import InputRefused, loads

PERSON = (
    b'{"id": "p1", "birth_date": "1984-05-02", "cases": [{"id": "c1", "jurisdiction": "PA", "charges": '
    b'[{"id": "1", "statute": "18 Pa.C.S. \xc2\xa7 3929", "grade": "M2", "disposition": "convicted", '
    b'"disposition_date": "2015-06", "sentence": {"fines_costs_owed": "1,250.00", "probation_end": '
    b'{"date": "2027-01-01", "scheduled": true}}}]}]}'
)


def seeds() -> dict[str, bytes]:
    example = resources.files("secondchance.examples").joinpath("people.json").read_bytes()
    return {
        "person": PERSON,
        "list": b"[" + PERSON + b",\n" + PERSON.replace(b'"p1"', b'"p2"') + b"]",
        "people": b'{"people": [' + PERSON + b"]}",
        "ca": PERSON.replace(b'"PA"', b'"CA"')
        .replace(b"18 Pa.C.S. \xc2\xa7 3929", b"PC 459")
        .replace(b"M2", b"wobbler"),
        "examples": example,
        "bom": b"\xef\xbb\xbf" + PERSON,
    }


def one_input(data: bytes) -> None:
    check_record_file(data, ".json")
    with contextlib.suppress(InputRefused):
        loads(data)

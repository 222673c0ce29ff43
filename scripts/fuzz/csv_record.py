"""Fuzz the CSV record reader (``secondchance screen r.csv``: records/stream.py)."""

from __future__ import annotations

from records_common import check_record_file

HEADER = (
    b"person_id,case_id,charge_id,jurisdiction,statute,grade,disposition,disposition_date,"
    b"fines_costs_owed,probation_end,probation_end_scheduled,birth_date\n"
)
ROW = b'p1,c1,1,PA,18 Pa.C.S. \xc2\xa7 3929,M2,convicted,2015-06,"1,250.00",2027-01-01,yes,1984-05-02\n'


def seeds() -> dict[str, bytes]:
    return {
        "one": HEADER + ROW,
        "two": HEADER + ROW + ROW.replace(b"p1,c1,1", b"p2,c1,1"),
        "interleaved": HEADER + ROW + ROW.replace(b"p1,c1,1", b"p2,c1,1") + ROW.replace(b"p1,c1,1", b"p1,c1,2"),
        "ca": HEADER + b"q,c,1,CA,PC 459,wobbler,dismissed,2019,0,,,\n",
        "bom": b"\xef\xbb\xbf" + HEADER + ROW,
        "crlf": (HEADER + ROW).replace(b"\n", b"\r\n"),
    }


def one_input(data: bytes) -> None:
    check_record_file(data, ".csv")

"""Fuzz the bulk CSV reader (``secondchance bulk run charges.csv``: bulk/read.py, then the whole run)."""

from __future__ import annotations

from bulk_common import FOLDER, HEADER, check_bulk_file

ROW = b'p1,c1,1,PA,18 Pa.C.S. \xc2\xa7 3929,M2,convicted,2019-01-05,"1,250.00"\n'


def seeds() -> dict[str, bytes]:
    return {
        "one": HEADER + ROW,
        "three": HEADER + ROW + ROW.replace(b"c1,1", b"c1,2") + ROW.replace(b"p1", b"p2"),
        "bad": HEADER + ROW + b"p2,c1,1,PA,x,Q9,convicted,20190105,inf\n",
        "short": HEADER + ROW + b"p3,c1\n" + ROW.replace(b"p1", b"p4"),
        "latin1": HEADER + ROW.replace(b"\xc2\xa7", b"\xa7"),
        "bom": b"\xef\xbb\xbf" + HEADER + ROW,
        "quoted": HEADER + b'"p\n1",c1,1,PA,"x,y",M2,convicted,2019-01-05,0\n',
    }


def one_input(data: bytes) -> None:
    source = FOLDER / "in.csv"
    source.write_bytes(data)
    check_bulk_file(source, "PA" if data[:1] != b"\xef" else None)

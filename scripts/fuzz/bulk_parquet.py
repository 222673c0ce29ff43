"""Fuzz the bulk Parquet reader (``secondchance bulk run charges.parquet``).

One input is either a Parquet file's bytes (first byte even), or (odd) a table: the rest is text,
its first line the column names and each later line a row, each column given a type by the bytes
of the header (string, integer, float with inf and NaN, boolean, date, binary, all null), so the
reader meets the schemas other tools write, not only ours.
"""

from __future__ import annotations

import io
from datetime import date, timedelta
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
from bulk_common import FOLDER, check_bulk_file

TYPES = ("string", "int", "float", "bool", "date", "binary", "null", "large_string")


def _convert(kind: str, text: str) -> Any:
    if text == "":
        return None
    try:
        if kind == "int":
            return max(min(int(text), 2**63 - 1), -(2**63))
        if kind == "float":
            return float(text)
        if kind == "bool":
            return text.lower() in ("1", "true", "yes")
        if kind == "date":
            return date(1970, 1, 1) + timedelta(days=max(min(int(text), 2_000_000), -700_000))
    except (ValueError, OverflowError):
        return None
    if kind == "binary":
        return text.encode("utf-8", "surrogateescape")
    return text


_ARROW = {
    "string": pa.string(),
    "int": pa.int64(),
    "float": pa.float64(),
    "bool": pa.bool_(),
    "date": pa.date32(),
    "binary": pa.binary(),
    "null": pa.null(),
    "large_string": pa.large_string(),
}


def table_bytes(data: bytes) -> bytes:
    text = data.decode("utf-8", "surrogateescape")
    lines = text.split("\n")
    names = lines[0].split(",")
    kinds = [TYPES[(len(n) + sum(map(ord, n))) % len(TYPES)] if not n.endswith("!") else "string" for n in names]
    names = [n.rstrip("!") for n in names]
    rows = [line.split(",") for line in lines[1:]]
    columns = []
    for index, kind in enumerate(kinds):
        values = [_convert(kind, row[index]) if index < len(row) else None for row in rows]
        if kind == "null":
            values = [None] * len(rows)
        columns.append(
            pa.array(values, _ARROW[kind])
            if kind not in ("string", "large_string")
            else pa.array(
                [v.encode("utf-8", "replace").decode() if isinstance(v, str) else v for v in values], _ARROW[kind]
            )
        )
    out = io.BytesIO()
    try:
        table = pa.table(columns, names=names)
        pq.write_table(table, out, row_group_size=max(1, len(rows) // 2 or 1))
    except (pa.ArrowException, ValueError):
        return b""
    return out.getvalue()


def _table_seed(header: str, *rows: str) -> bytes:
    return b"\x01" + ("\n".join((header, *rows))).encode()


def seeds() -> dict[str, bytes]:
    good = "person_id!,case_id!,charge_id!,jurisdiction!,statute!,grade!,disposition!,disposition_date!"
    row = "p1,c1,1,PA,18 Pa.C.S. § 3929,M2,convicted,2019-01-05"
    ours = io.BytesIO()
    pq.write_table(
        pa.table({"person_id": ["p1"], "case_id": ["c1"], "charge_id": ["1"], "grade": ["M2"], "incarcerated": [True]}),
        ours,
    )
    return {
        "strings": _table_seed(good, row, row.replace("p1", "p2")),
        "typed": _table_seed(
            "person_id!,case_id!,charge_id!,fines_costs_owed,disposition_date,incarcerated", "p,c,1,inf,17000,1"
        ),
        "ints": _table_seed("person_id,case_id!,charge_id,grade!", "1,c,2,M2", "1,c,3,F9"),
        "raw": b"\x00" + ours.getvalue(),
    }


def one_input(data: bytes) -> None:
    if not data:
        return
    source = FOLDER / "in.parquet"
    source.write_bytes(table_bytes(data[1:]) if data[0] % 2 else data[1:])
    check_bulk_file(source, None)

"""Bulk loading of large (synthetic) directories from polars frames: executemany on SQLite, COPY on PostgreSQL.

One transaction, as for an import. ``index_only`` loads just the search index (what a search
reads), which is how the benchmark builds its 1M-service databases quickly.
"""

from __future__ import annotations

import io
from collections.abc import Callable

import polars as pl
from sqlalchemy import Connection

from ..directory.spec import LOAD_ORDER
from .repo import ENTRY_FIELDS, DirectoryStore
from .tables import CELL_COLUMNS, CELL_DEGREES, HSDS, search_entry

CHUNK = 50_000


def with_cell(frame: pl.DataFrame) -> pl.DataFrame:
    """The search entries with their geo cell (same formula as ``tables.cell_of``)."""
    cell = ((pl.col("lat") + 90) / CELL_DEGREES).floor().cast(pl.Int64) * CELL_COLUMNS + (
        (pl.col("lon") + 180) / CELL_DEGREES
    ).floor().cast(pl.Int64)
    return frame.select(cell.alias("cell"), *ENTRY_FIELDS)


def _write(conn: Connection, dialect: str, table: str, frame: pl.DataFrame) -> None:
    if frame.height == 0:
        return
    columns = frame.columns
    if dialect == "postgresql":
        raw = conn.connection.driver_connection
        with raw.cursor() as cursor:  # type: ignore[union-attr]
            for start in range(0, frame.height, 200_000):
                buffer = io.BytesIO()
                frame.slice(start, 200_000).write_csv(buffer, include_header=False, null_value="")
                names = ", ".join(f'"{c}"' for c in columns)
                with cursor.copy(f"COPY {table} ({names}) FROM STDIN WITH (FORMAT csv)") as copy:
                    copy.write(buffer.getvalue())
        return
    marks = ", ".join("?" for _ in columns)
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"
    for start in range(0, frame.height, CHUNK):
        conn.exec_driver_sql(sql, frame.slice(start, CHUNK).rows())


def bulk_load(
    store: DirectoryStore,
    frames: dict[str, pl.DataFrame],
    *,
    replace: bool = True,
    index_only: bool = False,
    progress: Callable[[str, int], None] | None = None,
) -> None:
    """Write HSDS frames (unless ``index_only``) and ``search_entry`` in one transaction."""
    with store.engine.begin() as conn:
        if replace:
            store.clear(conn)
        if not index_only:
            for name in LOAD_ORDER:
                if name in frames:
                    _write(conn, store.dialect, HSDS[name].name, frames[name])
                    if progress:
                        progress(name, frames[name].height)
        _write(conn, store.dialect, search_entry.name, with_cell(frames["search_entry"]))
        if progress:
            progress("search_entry", frames["search_entry"].height)
        store.refresh_text_index(conn)
    if store.dialect == "postgresql":
        with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("ANALYZE search_entry")
    else:
        with store.engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")

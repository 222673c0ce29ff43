"""Bulk loading of large (synthetic) directories from polars frames: executemany on SQLite, COPY on PostgreSQL.

One transaction, as for an import. ``index_only`` loads just the search index (what a search
reads), which is how the benchmark builds its 1M-service databases quickly.
"""

from __future__ import annotations

import io
import sqlite3
from collections.abc import Callable

import polars as pl
from sqlalchemy import Connection, select
from sqlalchemy.exc import IntegrityError

from ..directory.spec import LOAD_ORDER
from ..directory.validate import InvalidDirectory, Problem
from .repo import ENTRY_FIELDS, SHARED_TABLES, DirectoryStore
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
    # a column null in every row is left to its default (NULL): less to bind per row
    columns = [c for c in columns if frame[c].null_count() < frame.height]
    marks = ", ".join("?" for _ in columns)
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    for start in range(0, frame.height, CHUNK):
        part = frame.slice(start, CHUNK)
        # column lists zipped into tuples: several times faster than ``DataFrame.rows`` on wide tables
        cursor.executemany(sql, zip(*(part[c].to_list() for c in columns), strict=True))
    cursor.close()


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


def import_frames(
    store: DirectoryStore,
    frames: dict[str, pl.DataFrame],
    entries: pl.DataFrame,
    *,
    replace: bool = False,
    progress: Callable[[str, int], None] | None = None,
    keys_checked: bool = True,
) -> dict[str, int]:
    """``DirectoryStore.import_directory`` for checked frames (``directory.columnar``): all or nothing.

    SQLite: one transaction on the driver's connection; the secondary indexes are dropped and built
    again after the rows are in (one sort instead of a million B-tree inserts each), and foreign keys
    are not checked row by row (``columnar.read_frames`` checked every key of the package; a key into
    rows already stored is checked after the load unless ``keys_checked``). PostgreSQL: ``COPY``.
    A conflict with stored rows (an id stored already, without ``replace``) raises ``InvalidDirectory``.
    """
    counts: dict[str, int] = {}
    try:
        if store.dialect == "sqlite":
            _import_sqlite(store, frames, entries, replace, counts, progress, keys_checked)
        else:
            with store.engine.begin() as conn:
                _load(conn, store, frames, entries, replace, counts, progress)
                store.refresh_text_index(conn)
            with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.exec_driver_sql("ANALYZE")
    except IntegrityError as error:
        reason = str(error.orig).splitlines()[0]
        raise InvalidDirectory(
            [Problem("database", None, None, f"conflicts with rows already stored ({reason}); use --replace")]
        ) from None
    except sqlite3.IntegrityError as error:
        raise InvalidDirectory(
            [Problem("database", None, None, f"conflicts with rows already stored ({error}); use --replace")]
        ) from None
    return counts


def _load(
    conn: Connection,
    store: DirectoryStore,
    frames: dict[str, pl.DataFrame],
    entries: pl.DataFrame,
    replace: bool,
    counts: dict[str, int],
    progress: Callable[[str, int], None] | None,
) -> None:
    if replace:
        store.clear(conn)
    for name in LOAD_ORDER:
        frame = frames.get(name)
        if frame is None or frame.height == 0:
            continue
        if name in SHARED_TABLES:  # taxonomies are shared by directories: keep the stored copy
            stored = list(conn.execute(select(HSDS[name].c.id)).scalars())
            frame = frame.filter(~pl.col("id").is_in(pl.Series(stored, dtype=pl.Utf8).implode()))
        _write(conn, store.dialect, HSDS[name].name, frame.select([c.name for c in HSDS[name].columns]))
        if frame.height:
            counts[name] = frame.height
        if progress:
            progress(name, frame.height)
    _write(conn, store.dialect, search_entry.name, with_cell(entries))
    counts["search_entry"] = entries.height
    if progress:
        progress("search_entry", entries.height)


def _import_sqlite(
    store: DirectoryStore,
    frames: dict[str, pl.DataFrame],
    entries: pl.DataFrame,
    replace: bool,
    counts: dict[str, int],
    progress: Callable[[str, int], None] | None,
    keys_checked: bool,
) -> None:
    with store.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
        conn.commit()
        try:
            with conn.begin():
                # pysqlite opens a transaction only before a write: begin here, so the index DDL is
                # rolled back with the rows if anything fails
                conn.exec_driver_sql("BEGIN")
                indexes = [
                    (name, sql)
                    for name, sql in conn.exec_driver_sql(
                        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
                        " AND (tbl_name LIKE 'hsds_%' OR tbl_name = 'search_entry')"
                    )
                ]
                for name, _ in indexes:
                    conn.exec_driver_sql(f'DROP INDEX "{name}"')
                _load(conn, store, frames, entries, replace, counts, progress)
                for _, sql in indexes:
                    conn.exec_driver_sql(sql)
                # what foreign keys would have refused row by row: a key to nothing (a checked package's
                # keys all point inside it, or at the shared taxonomies kept)
                broken = None if keys_checked else conn.exec_driver_sql("PRAGMA foreign_key_check").first()
                if broken is not None:
                    raise InvalidDirectory(
                        [Problem("database", None, None, f"a row of {broken[0]} points at no {broken[2]} row")]
                    )
                store.refresh_text_index(conn)
        finally:
            conn.exec_driver_sql("PRAGMA foreign_keys=ON")
            conn.commit()
    with store.engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE")

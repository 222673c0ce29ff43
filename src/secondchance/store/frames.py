"""Bulk loading of large (synthetic) directories from polars frames: executemany on SQLite, COPY on PostgreSQL.

One transaction, as for an import. ``index_only`` loads just the search index (what a search
reads), which is how the benchmark builds its 1M-service databases quickly.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import sqlite3
from collections.abc import Callable
from itertools import chain
from pathlib import Path

import polars as pl
from sqlalchemy import Connection, select
from sqlalchemy.exc import IntegrityError

from ..directory.spec import LOAD_ORDER
from ..directory.validate import InvalidDirectory, Problem
from .repo import ENTRY_FIELDS, FTS_REFRESH, SHARED_TABLES, DirectoryStore
from .tables import CELL_COLUMNS, CELL_DEGREES, HSDS, search_entry

CHUNK = 50_000
#: rows bound to one INSERT (a multi-row VALUES); fewer if the database allows fewer variables
ROWS_PER_STATEMENT = 100
#: SQLite's statistics after a bulk load: the search index's read whole (search's plans rest on them), the
#: HSDS tables' from a sample of each index (their queries are lookups by one key: any statistics pick the
#: same index). A whole ``ANALYZE`` read every row of every index: 3.4 s CPU of 1M services' store, 0.04 sampled.
ANALYZE = ("PRAGMA analysis_limit=1000", "ANALYZE", "PRAGMA analysis_limit=0", "ANALYZE search_entry")


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
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    _executemany(cursor, table, frame)
    cursor.close()


def _executemany(cursor: sqlite3.Cursor, table: str, frame: pl.DataFrame) -> None:
    """SQLite rows through the driver's executemany, ``ROWS_PER_STATEMENT`` rows to a statement.

    The driver's work per executed statement (step, reset, Python's loop: ~1.3 us) and per bound value
    (~0.15 us a text, ~0.6 us a None) is most of an import's cost: a C ``INSERT ... SELECT`` of the same
    rows takes a fifth of the time; JSON through ``json_each`` and ADBC's Arrow ingest measured no faster.
    So bind as little as possible, and many rows per statement (a multi-row ``VALUES``: the same rows
    in the same order, so the same rowids: a third less CPU than one row per statement, 82 s against 54 s
    for the 14.4M rows of 1M synthetic services)."""
    # a column null in every row is left to its default (NULL): less to bind per row
    columns = [c for c in frame.columns if frame[c].null_count() < frame.height]
    if frame.height == 0 or not columns:
        return
    width = len(columns)
    limit = cursor.connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    rows = max(1, min(ROWS_PER_STATEMENT, limit // width))
    one = f"({', '.join('?' for _ in columns)})"
    head = f"INSERT INTO {table} ({', '.join(columns)}) VALUES "
    many = head + ", ".join([one] * rows)
    step = rows * width
    for start in range(0, frame.height, CHUNK):
        part = frame.slice(start, CHUNK)
        # column lists zipped into rows, flattened: several times faster than ``DataFrame.rows`` on wide tables
        flat = list(chain.from_iterable(zip(*(part[c].to_list() for c in columns), strict=True)))
        whole = len(flat) // step * step
        cursor.executemany(many, (flat[i : i + step] for i in range(0, whole, step)))
        if whole < len(flat):
            cursor.execute(head + ", ".join([one] * ((len(flat) - whole) // width)), flat[whole:])


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
            for sql in ANALYZE:
                conn.exec_driver_sql(sql)


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
            if not _import_fresh_file(store, frames, entries, replace, counts, progress, keys_checked):
                _import_sqlite(store, frames, entries, replace, counts, progress, keys_checked)
        else:
            with store.engine.begin() as conn:
                _import_postgresql(conn, store, frames, entries, replace, counts, progress)
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


def _import_postgresql(
    conn: Connection,
    store: DirectoryStore,
    frames: dict[str, pl.DataFrame],
    entries: pl.DataFrame,
    replace: bool,
    counts: dict[str, int],
    progress: Callable[[str, int], None] | None,
) -> None:
    """``COPY`` into the tables with their foreign keys and secondary indexes (the text index's GIN too)
    dropped, made again after the rows are in, in the same transaction: a key checked per row and an index
    grown per row cost ~4x the ``COPY`` itself; checked and built once over the whole table, a fraction.
    Primary keys and unique constraints stay, so a conflict with stored rows still fails the import."""
    tables = [HSDS[name].name for name in LOAD_ORDER] + [search_entry.name]
    conn.exec_driver_sql("SET LOCAL maintenance_work_mem = '256MB'")
    keys = list(
        conn.exec_driver_sql(
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint"
            " WHERE contype = 'f' AND conrelid::regclass::text = ANY(%(tables)s)",
            {"tables": tables},
        )
    )
    indexes = list(
        conn.exec_driver_sql(
            "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = current_schema()"
            " AND i.tablename = ANY(%(tables)s) AND NOT EXISTS"
            " (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)",
            {"tables": tables},
        )
    )
    for table, name, _ in keys:
        conn.exec_driver_sql(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
    for name, _ in indexes:
        conn.exec_driver_sql(f'DROP INDEX "{name}"')
    _load(conn, store, frames, entries, replace, counts, progress)
    for _, sql in indexes:
        conn.exec_driver_sql(sql)
    for table, name, definition in keys:
        conn.exec_driver_sql(f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}')


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
        for sql in ANALYZE:
            conn.exec_driver_sql(sql)


def _database_file(store: DirectoryStore) -> Path | None:
    name = store.engine.url.database
    if not name or name == ":memory:" or name.startswith("file:"):
        return None
    return Path(name).resolve()


def _import_fresh_file(
    store: DirectoryStore,
    frames: dict[str, pl.DataFrame],
    entries: pl.DataFrame,
    replace: bool,
    counts: dict[str, int],
    progress: Callable[[str, int], None] | None,
    keys_checked: bool,
) -> bool:
    """SQLite, when the import makes the whole database (it is empty, or ``replace``) and nothing else has
    it open: the database is built anew in a file beside it with no journal and no syncs (a failure only
    leaves that file, deleted), its indexes made after the rows, then renamed over the old one, atomically.

    In place, every page would be written twice (WAL, then the checkpoint). False (nothing done) when
    this does not apply: an in-memory database, rows stored that the import keeps (tables other than the
    directory's, or the directory's without ``replace``), or another connection open (its ``-wal`` or
    ``-shm`` file is there after this engine's connections are closed): then ``_import_sqlite`` runs.
    """
    target = _database_file(store)
    if target is None or not target.exists():
        return False
    ours = {HSDS[name].name for name in LOAD_ORDER} | {search_entry.name}
    with store.engine.connect() as conn:
        schema = [
            (kind, name, sql)
            for kind, name, sql in conn.exec_driver_sql(
                "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'"
                " ORDER BY rowid"
            )
        ]
        virtual = [name for kind, name, sql in schema if kind == "table" and sql.upper().startswith("CREATE VIRTUAL")]
        shadows = tuple(f"{v}_" for v in virtual)
        plain = [n for k, n, _ in schema if k == "table" and n not in virtual and not n.startswith(shadows)]
        # rows that must survive the import: any but the migration's mark; with ``replace``, not the directory's
        keep = [n for n in plain if n != "alembic_version" and not (replace and n in ours)]
        if any(conn.exec_driver_sql(f'SELECT 1 FROM "{name}" LIMIT 1').first() for name in keep):
            return False
        versions = (
            [row[0] for row in conn.exec_driver_sql("SELECT version_num FROM alembic_version")]
            if "alembic_version" in plain
            else []
        )
    store.engine.dispose()  # this process's connections closed: a -wal or -shm left is another's
    if any(Path(f"{target}{suffix}").exists() for suffix in ("-wal", "-shm", "-journal")):
        return False
    building = target.with_name(f".{target.name}.importing-{os.getpid()}")
    building.unlink(missing_ok=True)
    try:
        raw = sqlite3.connect(building, isolation_level=None)
        try:
            _build(raw, schema, virtual, versions, frames, entries, counts, progress, keys_checked)
        finally:
            raw.close()
        with contextlib.suppress(OSError):
            shutil.copymode(target, building)
        os.replace(building, target)
    finally:
        building.unlink(missing_ok=True)
    return True


def _build(
    raw: sqlite3.Connection,
    schema: list[tuple[str, str, str]],
    virtual: list[str],
    versions: list[str],
    frames: dict[str, pl.DataFrame],
    entries: pl.DataFrame,
    counts: dict[str, int],
    progress: Callable[[str, int], None] | None,
    keys_checked: bool,
) -> None:
    """``_import_fresh_file``'s new database: tables, rows, then indexes, text index and statistics."""
    # SQLite's default 4 KiB pages: 16 KiB stored 100k services with ~15 % less CPU, but made search on 1M
    # services slower (p50 7.7 ms against 5.4, every row a query reads brings a 16 KiB page)
    for pragma in ("journal_mode=OFF", "synchronous=OFF", "locking_mode=EXCLUSIVE", "cache_size=-262144"):
        raw.execute(f"PRAGMA {pragma}")
    shadows = tuple(f"{v}_" for v in virtual)
    raw.execute("BEGIN")
    for kind, name, sql in schema:
        if kind in ("table", "view") and not (name.startswith(shadows) and name not in virtual):
            raw.execute(sql)
    raw.executemany("INSERT INTO alembic_version (version_num) VALUES (?)", [(v,) for v in versions])
    cursor = raw.cursor()
    for name in LOAD_ORDER:
        frame = frames.get(name)
        if frame is None or frame.height == 0:
            continue
        _executemany(cursor, HSDS[name].name, frame.select([c.name for c in HSDS[name].columns]))
        counts[name] = frame.height
        if progress:
            progress(name, frame.height)
    _executemany(cursor, search_entry.name, with_cell(entries))
    counts["search_entry"] = entries.height
    if progress:
        progress("search_entry", entries.height)
    for kind, _, sql in schema:
        if kind in ("index", "trigger"):
            raw.execute(sql)
    broken = None if keys_checked else raw.execute("PRAGMA foreign_key_check").fetchone()
    if broken is not None:
        raise InvalidDirectory([Problem("database", None, None, f"a row of {broken[0]} points at no {broken[2]} row")])
    for sql in FTS_REFRESH:
        raw.execute(sql)
    raw.execute("COMMIT")
    for sql in ANALYZE:
        raw.execute(sql)
    raw.execute("PRAGMA journal_mode=WAL")  # kept in the file: the database runs as ``repo.connect`` sets it

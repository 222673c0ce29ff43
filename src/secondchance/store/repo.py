"""The directory repository: save and load HSDS directories, and answer search's coarse questions.

One API on SQLite (the embedded default) and PostgreSQL; the dialect shows only in how words
are matched (SQLite FTS5 vs a PostgreSQL ``tsvector``) and how bulk rows are written.
An import is one transaction: a failure leaves the database as it was.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import fields
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    Executable,
    Select,
    create_engine,
    delete,
    event,
    func,
    insert,
    select,
    text,
    union_all,
)
from sqlalchemy.exc import IntegrityError

from ..directory.hsds_json import ARRAYS, OBJECTS, WITH_ATTRIBUTES
from ..directory.model import Directory, Row, number
from ..directory.search import CandidateQuery, Entry, entries
from ..directory.spec import LOAD_ORDER, tables
from ..directory.validate import InvalidDirectory, Problem
from .tables import CELL_COLUMNS, CELL_DEGREES, HSDS, cell_of, search_entry

DEFAULT_URL_ENV = "SECONDCHANCE_DATABASE_URL"
REMOTE_CELL = "remote"  # the FTS5 cell token of a remote entry (no coordinates)
ENTRY_FIELDS = [f.name for f in fields(Entry)]
SHARED_TABLES = ("taxonomy", "taxonomy_term")
Progress = Callable[[str, int], None]
#: SQLite: the FTS5 index (words and geo cells) made again from ``search_entry``
FTS_REFRESH = (
    "INSERT INTO search_fts(search_fts) VALUES('delete-all')",
    "INSERT INTO search_fts(rowid, body, cell)"
    f" SELECT entry_id, body, coalesce('c' || cell, '{REMOTE_CELL}') FROM search_entry",
)


def default_url() -> str:
    return os.environ.get(DEFAULT_URL_ENV) or f"sqlite:///{Path('secondchance.db').resolve()}"


def connect(url: str | None = None) -> Engine:
    """An engine for ``url`` (default: $SECONDCHANCE_DATABASE_URL, else ./secondchance.db)."""
    engine = create_engine(url or default_url())
    if engine.dialect.name == "sqlite":

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_connection: Any, _record: Any) -> None:
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.execute("PRAGMA cache_size=-200000")
            cursor.close()

    return engine


def cells_for_box(box: tuple[float, float, float, float]) -> list[int]:
    """Every geo cell a bounding box touches."""
    low_lat, high_lat, low_lon, high_lon = box
    rows = range(
        math.floor((max(low_lat, -90) + 90) / CELL_DEGREES), math.floor((min(high_lat, 90) + 90) / CELL_DEGREES) + 1
    )
    cols = range(
        math.floor((max(low_lon, -180) + 180) / CELL_DEGREES), math.floor((min(high_lon, 180) + 180) / CELL_DEGREES) + 1
    )
    return [r * CELL_COLUMNS + c for r in rows for c in cols]


def fts_query(words: str) -> str:
    """A safe FTS5 query: every word must appear (quoted, so no operator syntax leaks in)."""
    return " AND ".join(f'"{w}"' for w in re.findall(r"\w+", words.lower()))


def _chunks(rows: Sequence[Any], size: int = 5000) -> Iterator[Sequence[Any]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def _records(conn: Connection, name: str, *where: Any) -> list[Row]:
    """Rows of HSDS table ``name`` (all, or those ``where`` picks) by id, numbers as they were imported."""
    table = HSDS[name]
    numbers = {f.name for f in tables()[name].fields if f.type == "number"}
    rows: list[Row] = []
    for record in conn.execute(select(table).where(*where).order_by(table.c.id)).mappings():
        row: Row = dict(record)
        for key in numbers:
            value = row[key]
            if isinstance(value, float | int):
                row[key] = number(value)
        rows.append(row)
    return rows


def _nested(name: str, row: Any) -> list[tuple[str, str, str]]:
    """(table, field, value) of the rows a ``service_full`` object nests under ``row`` of table ``name``."""
    row_id = str(row["id"])
    links = [(child, key, row_id) for (parent, _), (child, key) in ARRAYS.items() if parent == name]
    links += [
        (child, "id", str(row[key]))
        for (parent, _), (child, key) in OBJECTS.items()
        if parent == name and row[key] is not None
    ]
    return links + ([("attribute", "link_id", row_id)] if name in WITH_ATTRIBUTES else [])


class DirectoryStore:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.dialect = engine.dialect.name

    # ------------------------------------------------------------------ writing

    def import_directory(
        self, directory: Directory, *, replace: bool = False, progress: Progress | None = None
    ) -> dict[str, int]:
        """Add (or with ``replace``, substitute) a directory, all or nothing; counts per table."""
        try:
            with self.engine.begin() as conn:
                if replace:
                    self.clear(conn)
                counts: dict[str, int] = {}
                for name in LOAD_ORDER:
                    rows = directory.rows(name)
                    if name in SHARED_TABLES:  # taxonomies are shared by directories: keep the stored copy
                        stored = set(conn.execute(select(HSDS[name].c.id)).scalars())
                        rows = [r for r in rows if r["id"] not in stored]
                    for chunk in _chunks(rows):
                        self._insert(conn, HSDS[name], chunk)
                        if progress:
                            progress(name, len(chunk))
                    if rows:
                        counts[name] = len(rows)
                index = entries(directory)
                # field by field: ``astuple`` deep-copies every value (a tenth of a large import)
                self.write_entries(conn, [tuple(getattr(e, f) for f in ENTRY_FIELDS) for e in index], progress)
                counts["search_entry"] = len(index)
                self.refresh_text_index(conn)
        except IntegrityError as error:
            reason = str(error.orig).splitlines()[0]
            raise InvalidDirectory(
                [Problem("database", None, None, f"conflicts with rows already stored ({reason}); use --replace")]
            ) from None
        return counts

    def _insert(self, conn: Connection, table: Any, rows: Sequence[Row]) -> None:
        """Insert rows; on SQLite straight through the driver's executemany (SQLAlchemy's compiled
        insert cost a quarter of a large import), elsewhere through SQLAlchemy."""
        if self.dialect != "sqlite":
            conn.execute(insert(table), list(rows))
            return
        columns = [c.name for c in table.columns]
        sql = f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})"
        conn.exec_driver_sql(sql, [tuple(row.get(c) for c in columns) for row in rows])

    def write_entries(self, conn: Connection, rows: Iterable[tuple[Any, ...]], progress: Progress | None = None) -> int:
        """Insert search entries (tuples in ``Entry`` field order); the cell is computed here."""
        names = ["cell", *ENTRY_FIELDS]
        lat_i, lon_i = ENTRY_FIELDS.index("lat"), ENTRY_FIELDS.index("lon")
        written = 0
        batch: list[dict[str, Any]] = []
        for row in rows:
            batch.append(dict(zip(names, (cell_of(row[lat_i], row[lon_i]), *row), strict=True)))
            if len(batch) >= 5000:
                self._insert(conn, search_entry, batch)
                written += len(batch)
                if progress:
                    progress("search_entry", len(batch))
                batch = []
        if batch:
            self._insert(conn, search_entry, batch)
            written += len(batch)
            if progress:
                progress("search_entry", len(batch))
        return written

    def refresh_text_index(self, conn: Connection) -> None:
        """Rebuild SQLite's FTS5 index (words and geo cells); PostgreSQL's tsvector column keeps itself."""
        if self.dialect == "sqlite":
            for sql in FTS_REFRESH:
                conn.exec_driver_sql(sql)

    def clear(self, conn: Connection) -> None:
        conn.execute(delete(search_entry))
        for name in reversed(LOAD_ORDER):
            conn.execute(delete(HSDS[name]))

    # ------------------------------------------------------------------ reading

    def load_directory(self) -> Directory:
        """Every stored HSDS row, as the directory it was imported from."""
        directory = Directory()
        with self.engine.connect() as conn:
            for name in LOAD_ORDER:
                directory.rows(name).extend(_records(conn, name))
        return directory

    def load_service(self, service_id: str) -> Directory | None:
        """Only the rows one service's HSDS ``service_full`` object nests (None if there is no such
        service), so showing one service reads a few rows by key, not the whole directory.

        The rows are found by following ``hsds_json``'s nesting (arrays, objects, attributes) from the
        service, then read in ``load_directory``'s order, so ``to_json`` gives the same object as for
        the whole directory."""
        found: dict[str, set[str]] = {}
        asked: set[tuple[str, str, str]] = set()
        wanted: dict[tuple[str, str], set[str]] = {("service", "id"): {service_id}}
        with self.engine.connect() as conn:
            while wanted:
                following: dict[tuple[str, str], set[str]] = {}
                for (name, field), values in wanted.items():
                    asked.update((name, field, v) for v in values)
                    table = HSDS[name]
                    for row in conn.execute(select(table).where(table.c[field].in_(sorted(values)))).mappings():
                        row_id = str(row["id"])
                        if row_id in found.setdefault(name, set()):
                            continue
                        found[name].add(row_id)
                        for child, key, value in _nested(name, row):
                            if (child, key, value) not in asked:
                                following.setdefault((child, key), set()).add(value)
                wanted = following
            if not found.get("service"):
                return None
            directory = Directory()
            for name in LOAD_ORDER:
                if found.get(name):
                    directory.rows(name).extend(_records(conn, name, HSDS[name].c.id.in_(sorted(found[name]))))
        return directory

    def counts(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            found = {
                name: conn.execute(select(func.count()).select_from(HSDS[name])).scalar_one() for name in LOAD_ORDER
            }
            found["search_entry"] = conn.execute(select(func.count()).select_from(search_entry)).scalar_one()
        return {k: v for k, v in found.items() if v}

    def _box_filter(self, box: tuple[float, float, float, float]) -> list[Any]:
        low_lat, high_lat, low_lon, high_lon = box
        c = search_entry.c
        return [c.cell.in_(cells_for_box(box)), c.lat.between(low_lat, high_lat), c.lon.between(low_lon, high_lon)]

    def candidates(self, query: CandidateQuery) -> list[Entry]:
        """Entries in the box (and, if asked, the remote ones) having any of the needs and every word
        (the coarse filter of a search). One round trip: the box and the remote entries (``cell IS
        NULL``) are two selects joined by UNION ALL, each read through the (cell, lat, lon) index; an
        OR of the two cost a tenth more at 1M services (p95)."""
        cells = " OR ".join(f"c{cell}" for cell in cells_for_box(query.box))
        params: dict[str, str] = {}
        box = self._candidates(query, self._box_filter(query.box), cells, "box", params)
        statement: Executable = box
        if query.remote:
            remote = self._candidates(query, [search_entry.c.cell.is_(None)], REMOTE_CELL, "remote", params)
            statement = union_all(box, remote)
        with self.engine.connect() as conn:
            return [Entry(*row) for row in conn.execute(statement, params)]

    def _candidates(
        self, query: CandidateQuery, where: list[Any], cell_tokens: str, name: str, params: dict[str, str]
    ) -> Select[Any]:
        """The select of ``candidates`` for one place: ``where`` picks its rows, ``cell_tokens`` its FTS5
        cells; its words go in ``params`` under ``words_<name>``."""
        c = search_entry.c
        if query.needs:
            where.append(c.needs.op("&")(query.needs) != 0)
        words = fts_query(query.text) if query.text else ""
        key = f"words_{name}"
        if words and self.dialect == "sqlite":
            # the word and the box's cells intersect inside FTS5 (migration 0002): few ids come back
            params[key] = f"body:({words}) AND cell:({cell_tokens})"
            where.append(c.entry_id.in_(text(f"SELECT rowid FROM search_fts WHERE search_fts MATCH :{key}")))
        elif words:
            params[key] = query.text or ""
            where.append(text(f"search_entry.body_tsv @@ plainto_tsquery('english', :{key})"))
        return select(*[c[field] for field in ENTRY_FIELDS]).where(*where)

    def floor(self, box: tuple[float, float, float, float]) -> list[tuple[float, float]]:
        """The bare indexed geo query (coordinates in the box): the benchmark's floor."""
        c = search_entry.c
        with self.engine.connect() as conn:
            return [(r[0], r[1]) for r in conn.execute(select(c.lat, c.lon).where(*self._box_filter(box)))]

"""SQLite's bulk rows: many rows bound to one statement store exactly the rows, in order, that one
statement per row stores, whatever the database's limit on bound values (at least one row's); the fresh
file's page size."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from secondchance.directory.columnar import enrich_frames, entries_frame, read_frames
from secondchance.directory.synth import synthesize, write_frames
from secondchance.store import DirectoryStore, connect, upgrade
from secondchance.store.frames import PAGE_SIZE, ROWS_PER_STATEMENT, _executemany, bulk_load, import_frames

_rows = st.lists(
    st.tuples(
        st.text(alphabet="ab'é\"; ,?", max_size=4),
        st.none() | st.text(max_size=3),
        st.none() | st.floats(allow_nan=False, allow_infinity=False),
    ),
    max_size=2 * ROWS_PER_STATEMENT + 3,
)


@settings(max_examples=40, deadline=None)
@given(rows=_rows, limit=st.sampled_from([3, 5, 7, 400, None]))
def test_many_rows_per_statement_store_what_one_row_per_statement_does(
    rows: list[tuple[str, str | None, float | None]], limit: int | None
) -> None:
    frame = pl.DataFrame(
        [list(r) for r in zip(*rows, strict=True)] if rows else [[], [], []],
        schema={"a": pl.Utf8, "b": pl.Utf8, "c": pl.Float64},
        orient="col",
    ).with_columns(d=pl.lit(None, dtype=pl.Utf8))  # null in every row: left to its default
    with contextlib.closing(sqlite3.connect(":memory:", isolation_level=None)) as conn:
        if limit is not None:
            conn.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, limit)
        conn.execute("CREATE TABLE t (a TEXT, b TEXT, c REAL, d TEXT DEFAULT NULL)")
        conn.execute("BEGIN")
        _executemany(conn.cursor(), "t", frame)
        conn.execute("COMMIT")
        stored = conn.execute("SELECT rowid, a, b, c, d FROM t ORDER BY rowid").fetchall()
    assert stored == [(i + 1, a, b, c, None) for i, (a, b, c) in enumerate(rows)]


def test_a_fresh_file_has_large_pages_and_runs_in_wal(tmp_path: Path) -> None:
    """The fresh file (``import_frames`` on an empty database) is built with ``PAGE_SIZE``; the in-place
    path and a new database keep SQLite's default."""
    engine = connect(f"sqlite:///{tmp_path / 'd.db'}")
    upgrade(engine)
    with engine.connect() as conn:
        default = conn.exec_driver_sql("PRAGMA page_size").scalar_one()
    write_frames(synthesize(30, 5), tmp_path / "pkg")
    frames, _ = enrich_frames(read_frames(tmp_path / "pkg"))
    store = DirectoryStore(engine)
    counts = import_frames(store, frames, entries_frame(frames))
    with engine.connect() as conn:
        page = conn.exec_driver_sql("PRAGMA page_size").scalar_one()
        mode = conn.exec_driver_sql("PRAGMA journal_mode").scalar_one()
    assert (default, page, mode) == (4096, int(PAGE_SIZE.split("=")[1]), "wal")
    assert store.counts() == counts
    bulk_load(store, {**frames, "search_entry": entries_frame(frames)})  # the in-place path: pages as they are
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA page_size").scalar_one() == page
    engine.dispose()

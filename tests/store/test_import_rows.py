"""SQLite's bulk rows: many rows bound to one statement store exactly the rows, in order, that one
statement per row stores, whatever the database's limit on bound values (at least one row's)."""

from __future__ import annotations

import contextlib
import sqlite3

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from secondchance.store.frames import ROWS_PER_STATEMENT, _executemany

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

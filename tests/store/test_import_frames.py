"""The columnar import stores what the row import stores, on SQLite and on PostgreSQL (COPY)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine

from secondchance.directory.columnar import enrich_frames, entries_frame, read_frames
from secondchance.directory.infer import enrich
from secondchance.directory.sample import build_sample
from secondchance.directory.tabular import read_package, write_package
from secondchance.store import DirectoryStore
from secondchance.store.frames import import_frames


def test_import_frames_matches_import_directory(engine: Engine, tmp_path: Path) -> None:
    write_package(build_sample(), tmp_path / "pkg")
    store = DirectoryStore(engine)
    frames, _ = enrich_frames(read_frames(tmp_path / "pkg"))
    counts = import_frames(store, frames, entries_frame(frames))
    columnar = store.load_directory().sorted().tables
    directory = read_package(tmp_path / "pkg")
    enrich(directory)
    assert store.import_directory(directory, replace=True) == counts
    assert store.load_directory().sorted().tables == columnar


def _schema(engine: Engine) -> list[tuple[str, ...]]:
    """Every index, constraint and table definition, as the database states them."""
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            rows = conn.exec_driver_sql("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_stat%'")
        else:
            rows = conn.exec_driver_sql(
                "SELECT 'index', indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema()"
                " UNION ALL SELECT 'constraint', conname, pg_get_constraintdef(oid) FROM pg_constraint"
                " WHERE connamespace = current_schema()::regnamespace"
            )
        return sorted(tuple(str(v) for v in row) for row in rows)


def test_import_frames_leaves_every_index_and_key_as_the_migrations_made_them(engine: Engine, tmp_path: Path) -> None:
    write_package(build_sample(), tmp_path / "pkg")
    before = _schema(engine)
    frames, _ = enrich_frames(read_frames(tmp_path / "pkg"))
    import_frames(DirectoryStore(engine), frames, entries_frame(frames))
    assert _schema(engine) == before
    import_frames(DirectoryStore(engine), frames, entries_frame(frames), replace=True)
    assert _schema(engine) == before

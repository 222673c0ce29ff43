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

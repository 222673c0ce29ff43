"""SQLite's fresh-file import (a new file built without a journal, renamed over the old) stores and finds
exactly what the in-place import does, and a failure leaves the database as it was."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path
from typing import Any

import numpy as np
import polars as pl
import pytest

from secondchance.directory.columnar import enrich_frames, entries_frame, read_frames
from secondchance.directory.facts import PersonFacts
from secondchance.directory.needs import NEEDS, mask
from secondchance.directory.search import Query, search
from secondchance.directory.synth import synthesize, write_frames
from secondchance.directory.validate import InvalidDirectory
from secondchance.store import DirectoryStore, connect, upgrade
from secondchance.store import frames as store_frames
from secondchance.store.frames import import_frames


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, pl.DataFrame], pl.DataFrame]:
    folder = tmp_path_factory.mktemp("pkg")
    write_frames(synthesize(400, 11), folder)
    frames, _ = enrich_frames(read_frames(folder))
    return frames, entries_frame(frames)


def _store(path: Path) -> DirectoryStore:
    engine = connect(f"sqlite:///{path}")
    upgrade(engine)
    return DirectoryStore(engine)


def _answers(store: DirectoryStore, entries: pl.DataFrame) -> list[list[tuple[str, float]]]:
    """Search answers for queries near stored services: needs, words and person facts mixed."""
    rng = np.random.default_rng(3)
    placed = entries.filter(pl.col("lat").is_not_null())
    codes = [n.code for n in NEEDS]
    out = []
    for i in range(40):
        at = int(rng.integers(0, placed.height))
        lat, lon = placed["lat"][at], placed["lon"][at]
        query = Query(
            float(lat),
            float(lon),
            float(rng.choice([5.0, 25.0, 100.0])),
            mask(list(rng.choice(codes, 2, replace=False))),
            ("program", "clinic", None, "help")[i % 4],
            facts=PersonFacts(has_felony=bool(i % 3), age=int(rng.integers(18, 70))),
        )
        out.append([(r.entry.service_at_location_id, round(r.miles or 0.0, 6)) for r in search(store, query)])
    return out


def _stored(path: Path) -> list[object]:
    with contextlib.closing(sqlite3.connect(path)) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        out: list[object] = [conn.execute("PRAGMA journal_mode").fetchone()]
        for table in tables:
            if table.startswith(("search_fts", "sqlite_")):
                continue
            out.append((table, sorted(map(repr, conn.execute(f"SELECT * FROM {table}")))))
        out.append(sorted(r[0] or "" for r in conn.execute("SELECT sql FROM sqlite_master")))
    return out


def test_fresh_file_and_in_place_store_and_find_the_same(
    package: tuple[dict[str, pl.DataFrame], pl.DataFrame], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    frames, entries = package
    fresh, in_place = _store(tmp_path / "fresh.db"), _store(tmp_path / "in_place.db")
    in_place_runs: list[bool] = []
    original = store_frames._import_sqlite

    def spy(*args: Any) -> Any:
        in_place_runs.append(True)
        return original(*args)

    monkeypatch.setattr(store_frames, "_import_sqlite", spy)
    import_frames(fresh, frames, entries)
    assert in_place_runs == []
    with contextlib.closing(sqlite3.connect(tmp_path / "in_place.db")) as other:  # another connection open
        other.execute("SELECT count(*) FROM search_entry").fetchone()
        import_frames(in_place, frames, entries)
    assert in_place_runs == [True]
    assert sorted(p.name for p in tmp_path.iterdir() if "importing" in p.name) == []
    assert _stored(tmp_path / "fresh.db") == _stored(tmp_path / "in_place.db")
    assert _answers(fresh, entries) == _answers(in_place, entries)
    assert any(_answers(fresh, entries))
    assert fresh.counts() == in_place.counts()


def test_a_failed_fresh_file_import_leaves_the_database_as_it_was(
    package: tuple[dict[str, pl.DataFrame], pl.DataFrame], tmp_path: Path
) -> None:
    frames, entries = package
    store = _store(tmp_path / "d.db")
    before = _stored(tmp_path / "d.db")
    twice = pl.concat([entries, entries.head(1)])  # a place listed twice: its unique key refuses it
    with pytest.raises(InvalidDirectory, match="conflicts"):
        import_frames(store, frames, twice)
    assert _stored(tmp_path / "d.db") == before
    assert [p.name for p in tmp_path.iterdir()] == ["d.db"]
    import_frames(store, frames, entries, replace=True)  # the replace path builds a fresh file too
    assert store.counts()["search_entry"] == entries.height

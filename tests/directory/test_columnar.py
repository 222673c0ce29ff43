"""The columnar import gives what the row path gives: the same rows, problems, inferences and search rows."""

from __future__ import annotations

import csv
import shutil
from dataclasses import astuple
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from secondchance.directory.columnar import directory_of, enrich_frames, entries_frame, read_frames
from secondchance.directory.infer import enrich
from secondchance.directory.sample import build_sample
from secondchance.directory.search import entries
from secondchance.directory.synth import synthesize, write_frames
from secondchance.directory.tabular import read_package, write_package
from secondchance.directory.validate import InvalidDirectory
from secondchance.store.repo import ENTRY_FIELDS as ENTRY_COLUMNS

SHARED = Path(__file__).parents[3] / "shared" / "data" / "hsds"
VENDORED = Path(__file__).parent / "data" / "hsds"
# The ILAO and Florida extracts state no licence for their data: not copied into the repository (data/hsds/README.md).
needs_shared = pytest.mark.skipif(
    not SHARED.is_dir(),
    reason="ILAO/Florida extracts (no data licence, not vendored) are read from ../shared/data/hsds",
)


def same_as_the_row_path(folder: Path) -> None:
    directory = read_package(folder)
    frames = read_frames(folder)
    assert directory_of(frames).sorted().tables == directory.sorted().tables
    report = enrich(directory)
    frames, columnar_report = enrich_frames(frames)
    assert columnar_report == report
    assert directory_of(frames).sorted().tables == directory.sorted().tables
    expected = sorted(astuple(e) for e in entries(directory))
    got = sorted(tuple(row) for row in entries_frame(frames).select(ENTRY_COLUMNS).iter_rows())
    assert got == expected


def test_a_synthetic_package(tmp_path: Path) -> None:
    write_frames(synthesize(400, 3), tmp_path)
    same_as_the_row_path(tmp_path)


def test_the_sample_directory(tmp_path: Path) -> None:
    write_package(build_sample(), tmp_path)
    same_as_the_row_path(tmp_path)


@pytest.mark.parametrize(
    "reader",
    ["ohana", pytest.param("hsds1-ilao", marks=needs_shared), pytest.param("hsds1-florida", marks=needs_shared)],
)
def test_real_listings_written_as_hsds3(tmp_path: Path, reader: str) -> None:
    """Real words (Ohana, ILAO, Florida) with nothing inferred yet: the inference runs on both paths."""
    from secondchance.directory.hsds1 import read_hsds1
    from secondchance.directory.ohana import read_ohana

    if reader == "ohana":
        directory = read_ohana(VENDORED / "ohana-san-mateo", infer=False)
    else:
        folder = "ilao-illinois-legal-aid/hsds-1.x" if reader.endswith("ilao") else "florida-legal-aid"
        directory, _, _ = read_hsds1(SHARED / folder, infer=False)
    write_package(directory, tmp_path)
    same_as_the_row_path(tmp_path)


def test_every_bad_row_is_reported_as_the_row_path_reports_it(tmp_path: Path) -> None:
    write_package(build_sample(), tmp_path)
    services = tmp_path / "services.csv"
    with services.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    rows[0]["status"] = "open-ish"  # not an enum value
    rows[1]["minimum_age"] = "eighteen"
    rows[2]["assured_date"] = "2024-13-01"
    rows[3]["id"] = rows[4]["id"]  # a duplicate id, and the old one's children lose their service
    rows[5]["organization_id"] = "no-such-org"
    rows[6]["name"] = "  "  # required
    rows[7]["maximum_age"] = " 64 "  # Python reads it: so must we
    with services.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    with pytest.raises(InvalidDirectory) as row_path:
        read_package(tmp_path)
    with pytest.raises(InvalidDirectory) as columnar:
        read_frames(tmp_path)
    assert [str(p) for p in columnar.value.problems] == [str(p) for p in row_path.value.problems]
    assert len(columnar.value.problems) >= 6


def test_a_row_polars_cannot_read_is_named_by_the_row_path(tmp_path: Path) -> None:
    write_package(build_sample(), tmp_path)
    with (tmp_path / "services.csv").open("a", encoding="utf-8") as handle:
        handle.write("x,y" + "," * 40 + "\n")  # more cells than the header
    with pytest.raises(InvalidDirectory) as error:
        read_frames(tmp_path)
    assert any("more cells than the header" in str(p) for p in error.value.problems)


def test_an_unknown_column_is_reported_on_every_row(tmp_path: Path) -> None:
    write_package(build_sample(), tmp_path)
    frame = pl.read_csv(tmp_path / "organizations.csv", infer_schema=False)
    frame.with_columns(pl.lit("x").alias("motto")).write_csv(tmp_path / "organizations.csv")
    with pytest.raises(InvalidDirectory) as row_path:
        read_package(tmp_path)
    with pytest.raises(InvalidDirectory) as columnar:
        read_frames(tmp_path)
    assert [str(p) for p in columnar.value.problems] == [str(p) for p in row_path.value.problems]


def test_an_empty_folder(tmp_path: Path) -> None:
    with pytest.raises(InvalidDirectory, match="no HSDS CSV files"):
        read_frames(tmp_path)


def stored(url: str) -> tuple[dict[str, Any], list[Any]]:
    from sqlalchemy import text

    from secondchance.store import DirectoryStore, connect

    engine = connect(url)
    directory = DirectoryStore(engine).load_directory().sorted().tables
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT * FROM search_entry ORDER BY service_at_location_id"))
        index = sorted(tuple(r) for r in rows)
        words = conn.execute(text("SELECT count(*) FROM search_fts WHERE search_fts MATCH 'cell:remote OR body:help'"))
        index.append((words.scalar_one(),))
    engine.dispose()
    return directory, [row[1:] for row in index[:-1]] + [index[-1]]  # entry ids may differ in order


def test_the_columnar_store_holds_what_the_row_store_holds(tmp_path: Path) -> None:
    from secondchance.store import DirectoryStore, connect, upgrade
    from secondchance.store.frames import import_frames

    write_package(build_sample(), tmp_path / "pkg")
    urls = [f"sqlite:///{tmp_path / 'rows.db'}", f"sqlite:///{tmp_path / 'columns.db'}"]
    for url in urls:
        upgrade(connect(url))
    directory = read_package(tmp_path / "pkg")
    enrich(directory)
    DirectoryStore(connect(urls[0])).import_directory(directory)
    frames, _ = enrich_frames(read_frames(tmp_path / "pkg"))
    store = DirectoryStore(connect(urls[1]))
    counts = import_frames(store, frames, entries_frame(frames))
    assert counts == DirectoryStore(connect(urls[0])).counts()
    assert stored(urls[1]) == stored(urls[0])
    with pytest.raises(InvalidDirectory, match="use --replace"):
        import_frames(store, frames, entries_frame(frames))  # every id is stored already: all or nothing
    assert stored(urls[1]) == stored(urls[0])
    import_frames(store, frames, entries_frame(frames), replace=True)
    assert stored(urls[1]) == stored(urls[0])
    with connect(urls[1]).connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar_one() == 1
        names = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert "ix_search_entry_cell_lat_lon" in names, "the indexes dropped for the load are built again"


# what a mutation may break: (CSV, column) — ids (a duplicate), keys (a dangling id) and attribute links
KEY_CELLS = [
    ("services.csv", "id"),
    ("phones.csv", "id"),
    ("attributes.csv", "id"),
    ("services.csv", "organization_id"),
    ("phones.csv", "service_id"),
    ("phones.csv", "location_id"),
    ("phones.csv", "organization_id"),
    ("schedules.csv", "service_at_location_id"),
    ("languages.csv", "service_id"),
    ("service_at_location.csv", "location_id"),
    ("attributes.csv", "link_id"),
    ("attributes.csv", "link_entity"),
    ("attributes.csv", "taxonomy_term_id"),
]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(changes=st.lists(st.tuples(st.sampled_from(KEY_CELLS), st.integers(0, 60), st.integers(0, 3)), max_size=6))
def test_broken_keys_are_reported_as_the_row_path_reports_them(
    tmp_path: Path, changes: list[tuple[tuple[str, str], int, int]]
) -> None:
    """Duplicate ids, keys to nothing and attribute links to nothing (to any table, or to a null id),
    in any table and any number: the same problems, in the same order, as ``validate.check_keys``."""
    folder = tmp_path / "pkg"
    shutil.rmtree(folder, ignore_errors=True)
    write_package(build_sample(), folder)
    for (file, column), row, choice in changes:
        frame = pl.read_csv(folder / file, infer_schema=False)
        if column not in frame.columns:
            frame = frame.with_columns(pl.lit(None, dtype=pl.Utf8).alias(column))
        row %= frame.height
        if column == "id":  # another row's id: a duplicate
            value: str | None = frame["id"][(row + 1 + choice) % frame.height]
        elif column == "link_entity":
            value = ["organization", "location", "service_at_location", "nothing"][choice]
        else:
            value = [f"missing-{choice}", "None", "", frame["id"][0]][choice] or None
        frame = frame.with_columns(frame[column].scatter(row, value))
        frame.write_csv(folder / file)
    try:
        read_package(folder)
    except InvalidDirectory as error:
        expected = [str(p) for p in error.problems]
    else:
        expected = []
    try:
        read_frames(folder)
    except InvalidDirectory as error:
        got = [str(p) for p in error.problems]
    else:
        got = []
    assert got == expected

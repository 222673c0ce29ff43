"""The repository on SQLite and PostgreSQL: same answers, all-or-nothing imports, migrations match the tables."""

from __future__ import annotations

import shutil
from dataclasses import astuple
from datetime import date
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, inspect

from secondchance.directory.build import ServiceSpec, add_service
from secondchance.directory.facts import parse_facts
from secondchance.directory.geo import geocode
from secondchance.directory.match import Fit
from secondchance.directory.needs import mask
from secondchance.directory.sample import build_sample
from secondchance.directory.search import Query, entries, search
from secondchance.directory.synth import synthesize, to_directory
from secondchance.directory.validate import InvalidDirectory
from secondchance.store import DirectoryStore
from secondchance.store.frames import bulk_load
from secondchance.store.migrate import current, downgrade, upgrade
from secondchance.store.tables import metadata

AS_OF = date(2026, 11, 23)
OHANA = Path(__file__).parents[1] / "directory" / "data" / "hsds" / "ohana-san-mateo"  # vendored


def test_migration_creates_exactly_the_tables(engine: Engine) -> None:
    assert current(engine) == "0003"
    with engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), metadata)
    # the FTS5 virtual table (SQLite) / tsvector column (PostgreSQL) are made by the migration on purpose
    assert [d for d in diffs if "search_fts" not in str(d) and "body_tsv" not in str(d)] == []


def test_downgrade_and_upgrade_again(engine: Engine) -> None:
    downgrade(engine, "base")
    assert "hsds_service" not in inspect(engine).get_table_names()
    upgrade(engine)
    assert "hsds_service" in inspect(engine).get_table_names()


def test_import_then_load_is_lossless(engine: Engine) -> None:
    store = DirectoryStore(engine)
    sample = build_sample()
    counts = store.import_directory(sample)
    assert counts["service"] == 20 and counts["search_entry"] == 20
    assert store.load_directory().sorted() == sample.sorted()


def test_one_service_reads_only_its_rows_and_is_the_same_object(engine: Engine) -> None:
    """``load_service`` follows the JSON nesting from one service; each object equals the full export's."""
    from secondchance.directory.hsds_json import to_json
    from secondchance.directory.ohana import read_ohana

    store = DirectoryStore(engine)
    store.import_directory(build_sample())
    store.import_directory(read_ohana(OHANA))  # contacts, phones with languages, programs, attributes on locations...
    everything = to_json(store.load_directory())
    for service in everything:
        one = store.load_service(str(service["id"]))
        assert one is not None and to_json(one) == [service]
        assert one.counts()["service"] == 1
    assert store.load_service("no-such-service") is None


def test_failed_import_leaves_nothing(engine: Engine) -> None:
    store = DirectoryStore(engine)
    store.import_directory(build_sample())
    before = store.counts()
    again = build_sample()  # same ids: the service rows conflict after organizations were written
    again.rows("organization")[0]["id"] = "a-new-organization"
    again.rows("service")[0]["organization_id"] = "a-new-organization"
    with pytest.raises(InvalidDirectory, match="conflicts with rows already stored"):
        store.import_directory(again)
    assert store.counts() == before


def test_search_geo_needs_text_and_facts(engine: Engine) -> None:
    store = DirectoryStore(engine)
    store.import_directory(build_sample())
    nola = geocode("70112")
    person = parse_facts({"has_felony": True, "sex_offense_registration": True, "arson": False, "age": 40})
    results = search(store, Query(nola.lat, nola.lon, 25, mask(["housing"]), facts=person, as_of=AS_OF))
    names = [r.entry.name for r in results]
    assert "Emergency beds" in names and "Emergency shelter" not in names  # Philadelphia is 1,000 miles away
    shelter = next(r for r in results if r.entry.name == "Emergency beds")
    assert shelter.match.fit is Fit.MAY_NOT_FIT
    assert shelter.match.reasons == ("Does not take people with a sex-offense registration.",)
    order = [r.match.fit for r in results]
    assert order == sorted(order, key=[Fit.FITS, Fit.UNKNOWN, Fit.MAY_NOT_FIT].index)
    assert all(r.miles is not None and r.miles <= 25 for r in results)
    worded = search(store, Query(nola.lat, nola.lon, 25, text="trauma therapy", as_of=AS_OF))
    assert [r.entry.name for r in worded] == ["Trauma-informed therapy"]
    stemmed = search(store, Query(nola.lat, nola.lon, 25, text="pantries", as_of=AS_OF))
    assert [r.entry.name for r in stemmed] == ["Food pantry"]
    assert search(store, Query(nola.lat, nola.lon, 25, text='"; DROP TABLE x', as_of=AS_OF)) == []


def test_remote_services_are_found_from_anywhere_with_no_distance(engine: Engine) -> None:
    """A hotline at an HSDS virtual location has no coordinates: found from New Orleans and from
    Philadelphia alike, after the services one can visit, and left out on request."""
    store = DirectoryStore(engine)
    store.import_directory(build_sample())
    for place in ("70112", "19121", "99501"):  # New Orleans, Philadelphia, and Anchorage (nothing nearby)
        here = geocode(place)
        results = search(store, Query(here.lat, here.lon, 25, mask(["mental_health"]), as_of=AS_OF))
        remote = [r for r in results if r.miles is None]
        assert [(r.entry.name, r.entry.area) for r in remote] == [("24/7 reentry hotline", "United States")]
        assert remote[0].to_json()["remote"] is True and remote[0].to_json()["miles"] is None
        same_fit = [r for r in results if r.match.fit is remote[0].match.fit]
        assert same_fit[-1] is remote[0]  # after the places one can visit that fit as well
        no_remote = search(store, Query(here.lat, here.lon, 25, mask(["mental_health"]), as_of=AS_OF, remote=False))
        assert no_remote == [r for r in results if r.miles is not None]
        worded = search(store, Query(here.lat, here.lon, 25, text="helpline", as_of=AS_OF))
        assert [r.entry.name for r in worded] == ["24/7 reentry hotline"]


def test_a_remote_service_for_one_state_may_not_fit_elsewhere(engine: Engine) -> None:
    store = DirectoryStore(engine)
    sample = build_sample()
    add_service(
        sample,
        ServiceSpec(
            "pa-line", "PA Reentry Line", "Statewide legal line", "By phone.", ("legal",),
            "", "", "", "", None, None, "800-555-0177", areas=("Pennsylvania",),
        ),
    )  # fmt: skip
    store.import_directory(sample)

    def area_check(near: str) -> list[tuple[str, str]]:
        here = geocode(near)
        query = Query(here.lat, here.lon, 25, mask(["legal"]), as_of=AS_OF, state=here.state)
        line = next(r for r in search(store, query) if r.entry.name == "Statewide legal line")
        return [(c.status.value, c.text) for c in line.match.checks if c.requirement == "service_area"]

    assert area_check("99501") == [("may_not_fit", "Serves Pennsylvania, not AK.")]
    assert area_check("19121") == [("fits", "Serves Pennsylvania.")]
    assert area_check("61.2,-149.9") == []  # coordinates name no state: the area is shown, not checked


def test_upgrade_from_0002_keeps_entries_and_downgrade_drops_remote_ones(engine: Engine) -> None:
    store = DirectoryStore(engine)
    store.import_directory(build_sample())
    downgrade(engine, "0002")  # the remote hotline cannot be stored without coordinates
    assert store.counts()["search_entry"] == 19
    upgrade(engine)
    here = geocode("70112")
    assert "Food pantry" in [r.entry.name for r in search(store, Query(here.lat, here.lon, 25, text="pantry"))]


def test_radius_is_exact_not_the_box(engine: Engine) -> None:
    store = DirectoryStore(engine)
    sample = build_sample()
    base = geocode("39.95,-75.16")
    # a service in the corner of the bounding box: inside the box, outside the circle
    add_service(
        sample,
        ServiceSpec(
            "corner",
            "Corner Org",
            "Corner service",
            "Far corner.",
            ("food",),
            "1 Corner St",
            "Somewhere",
            "PA",
            "19107",
            base.lat + 0.14,
            base.lon + 0.18,
            "215-555-0150",
        ),
    )
    store.import_directory(sample)
    names = [r.entry.name for r in search(store, Query(base.lat, base.lon, 10, mask(["food"]), as_of=AS_OF))]
    assert "Corner service" not in names and "Emergency shelter" in names


def test_bulk_load_matches_import(engine: Engine) -> None:
    frames = synthesize(400, seed=11)
    store = DirectoryStore(engine)
    bulk_load(store, frames)
    directory = to_directory(frames)
    assert store.load_directory().sorted() == directory.sorted()
    some = frames["search_entry"].row(0, named=True)
    found = search(store, Query(some["lat"], some["lon"], 1.0, some["needs"], as_of=AS_OF, limit=500))
    assert some["service_id"] in {r.entry.service_id for r in found}
    assert {astuple(e) for e in entries(directory)} == {tuple(r) for r in frames["search_entry"].rows()}


def test_cli_import_invalid_exits_2_and_stores_nothing(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from secondchance.cli import app

    bundled = Path(__file__).parents[2] / "src" / "secondchance" / "data" / "directory"
    bad = tmp_path / "bad"
    shutil.copytree(bundled, bad)
    text = (bad / "services.csv").read_text().replace(",active,", ",open,", 1)
    (bad / "services.csv").write_text(text)
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    runner = CliRunner()
    empty = runner.invoke(app, ["services", "search", "--near", "70112", "--db", db])
    assert empty.exit_code == 0 and "The directory is empty" in empty.stdout
    result = runner.invoke(app, ["services", "import", str(bad), "--db", db])
    assert result.exit_code == 2
    assert "services.csv, row 2, field status: 'open' is not one of" in result.stderr
    good = runner.invoke(app, ["services", "import", str(bundled), "--db", db])
    assert good.exit_code == 0, good.output
    out = runner.invoke(app, ["services", "export", str(tmp_path / "out"), "--db", db])
    assert out.exit_code == 0 and (tmp_path / "out" / "services.csv").exists()
    found = runner.invoke(app, ["services", "search", "--near", "70112", "--need", "food", "--db", db, "-f", "json"])
    assert found.exit_code == 0 and '"fit": "fits"' in found.stdout
    wide = {"COLUMNS": "200"}  # the table's cells unwrapped
    hotline = runner.invoke(app, ["services", "search", "--near", "99501", "--need", "hotline", "--db", db], env=wide)
    assert hotline.exit_code == 0 and "phone/online" in hotline.stdout and "serves United States" in hotline.stdout
    local_only = ["services", "search", "--near", "99501", "--need", "hotline", "--no-remote", "--db", db]
    assert "No services found" in runner.invoke(app, local_only).stdout
    nowhere = runner.invoke(app, ["services", "search", "--near", "Atlantis, ZZ", "--db", db])
    assert nowhere.exit_code == 2 and "not a US city we know" in nowhere.stderr


def test_cli_synth_services_and_db_upgrade(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from secondchance.cli import app

    db = f"sqlite:///{tmp_path / 'synth.db'}"
    runner = CliRunner()
    assert runner.invoke(app, ["db", "upgrade", "--db", db]).exit_code == 0
    made = runner.invoke(
        app, ["synth-services", "--n", "300", "--seed", "3", "--db", db, "--out", str(tmp_path / "pkg")]
    )
    assert made.exit_code == 0, made.output
    assert DirectoryStore(connect_url(db)).counts()["service"] == 300
    assert (tmp_path / "pkg" / "services.csv").exists()


def connect_url(url: str) -> Engine:
    from secondchance.store import connect

    return connect(url)

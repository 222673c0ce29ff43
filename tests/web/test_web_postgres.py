"""The API on PostgreSQL (SECONDCHANCE_DATABASE_URL): the same search and export as on embedded SQLite."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from secondchance.directory.tabular import read_package
from secondchance.store import DirectoryStore, connect, upgrade
from secondchance.store.pgserver import NoPostgres, TempPostgres
from secondchance.web.app import create_app
from secondchance.web.settings import Settings

pytestmark = pytest.mark.postgres


@pytest.fixture(scope="module")
def postgres_url() -> Iterator[str]:
    try:
        server = TempPostgres.start()
    except NoPostgres as error:
        pytest.skip(f"PostgreSQL could not start: {error}")
    try:
        url = server.fresh_database("web_api")
        engine = connect(url)
        upgrade(engine)
        sample = Path(str(resources.files("secondchance.data.directory")))
        DirectoryStore(engine).import_directory(read_package(sample), replace=True)
        engine.dispose()
        yield url
    finally:
        server.stop()


def test_search_and_export_from_postgresql(postgres_url: str) -> None:
    settings = Settings(database_url=postgres_url, secret_key="pg")
    with TestClient(create_app(settings)) as client:
        found = client.post("/api/v1/services/search", json={"near": "70112", "needs": ["food"], "text": "pantry"})
        assert found.status_code == 200, found.text
        results = found.json()["results"]
        assert results, "the sample has a food pantry in New Orleans"
        assert all("food" in r["needs"] for r in results)
        exported = client.get("/api/v1/hsds/services").json()
        assert len(exported) == 20
        page = client.get("/services")
        assert "Sample listings." not in page.text, "a configured database is not labelled as the bundled sample"

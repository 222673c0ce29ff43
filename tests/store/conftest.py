"""Databases for the store tests: SQLite always, and a real throwaway PostgreSQL server.

The PostgreSQL server is started once per session (``secondchance.store.pgserver``) and each
test gets a fresh database on it; where it cannot start, its tests skip with the reason.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from secondchance.store import connect, upgrade
from secondchance.store.pgserver import NoPostgres, TempPostgres

_counter = itertools.count()


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[TempPostgres]:
    try:
        server = TempPostgres.start()
    except NoPostgres as error:
        pytest.skip(f"PostgreSQL could not start: {error}")
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """A migrated, empty database of each kind."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'test.db'}"
    else:
        server: TempPostgres = request.getfixturevalue("postgres_server")
        url = server.fresh_database(f"test_{next(_counter)}")
    db = connect(url)
    upgrade(db)
    yield db
    db.dispose()

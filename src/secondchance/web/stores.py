"""The services directory as the web app sees it: one store per database URL, opened on first use.

With no ``SECONDCHANCE_DATABASE_URL`` the app builds an embedded SQLite database in a temporary
folder from the bundled sample directory (fictional listings: the pages say so). With a URL, the
schema is brought up to date (Alembic) and whatever is stored there is served.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
import threading
from datetime import date, datetime
from importlib import resources
from pathlib import Path
from typing import Any

from ..directory.facts import PersonFacts, parse_facts
from ..directory.geo import geocode
from ..directory.needs import mask, resolve
from ..directory.search import Gap, Query, Result, gaps, search
from ..store import DirectoryStore, connect, upgrade
from .settings import Settings

_lock = threading.Lock()
_stores: dict[str, DirectoryStore] = {}
_folders: list[str] = []


def remove_sample_folders() -> None:
    """Delete the embedded database's temporary folders (a serve worker's shutdown: atexit misses SIGTERM)."""
    while _folders:
        shutil.rmtree(_folders.pop(), ignore_errors=True)


def uses_sample(settings: Settings) -> bool:
    return not settings.database_url


def _sample_store() -> DirectoryStore:
    from ..directory.tabular import read_package

    folder = tempfile.mkdtemp(prefix="secondchance-web-")
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    _folders.append(folder)
    engine = connect(f"sqlite:///{Path(folder) / 'directory.db'}")
    upgrade(engine)
    store = DirectoryStore(engine)
    package = Path(str(resources.files("secondchance.data.directory")))
    store.import_directory(read_package(package), replace=True)
    return store


def directory_store(settings: Settings) -> DirectoryStore:
    """The store for the configured database (created, migrated and, if embedded, filled once)."""
    key = settings.database_url
    with _lock:
        store = _stores.get(key)
        if store is None:
            if key:
                engine = connect(key)
                upgrade(engine)
                store = DirectoryStore(engine)
            else:
                store = _sample_store()
            _stores[key] = store
        return store


def run_search(
    settings: Settings,
    near: str,
    needs: list[str],
    *,
    text: str | None = None,
    radius: float = 25.0,
    languages: list[str] | None = None,
    open_now: bool = False,
    remote: bool = True,
    as_of: date | None = None,
    limit: int = 20,
    facts: dict[str, Any] | None = None,
    gaps_out: list[Gap] | None = None,
) -> tuple[str, list[Result]]:
    """Geocode ``near`` and search; raises UnknownPlace, UnknownNeed or InvalidDirectory (bad facts).
    With ``gaps_out``, the needs asked that nothing nearby answers are appended to it (``search.gaps``:
    more queries, so only where a page shows them)."""
    place = geocode(near)
    bits = mask(needs)
    person = parse_facts(facts) if facts else PersonFacts()
    query = Query(
        place.lat,
        place.lon,
        radius,
        bits,
        text or None,
        datetime.now().astimezone() if open_now else None,
        tuple(languages or ()),
        person,
        as_of or date.today(),
        limit,
        remote,
        place.state,
    )
    store = directory_store(settings)
    results = search(store, query)
    if gaps_out is not None and needs:
        gaps_out.extend(gaps(store, query, results, [resolve(n).code for n in needs]))
    return place.label, results


def hsds_service(settings: Settings, service_id: str) -> dict[str, Any] | None:
    """One stored service as an HSDS ``service_full`` object, or None."""
    from ..directory.hsds_json import to_json

    directory = directory_store(settings).load_service(service_id)
    return to_json(directory)[0] if directory is not None else None


def hsds_services(settings: Settings) -> list[dict[str, Any]]:
    """Every stored service as an HSDS ``service_full`` object (the HSDS API's shape)."""
    from ..directory.hsds_json import to_json

    return to_json(directory_store(settings).load_directory())

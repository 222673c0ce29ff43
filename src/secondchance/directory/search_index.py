"""The search index rows (``Entry``) of a directory, one per service at a place (``entries``).

Each row is denormalised for search: the service's needs as bits, its requirements as JSON (made
by ``eligibility.all_requirements``), its first address, phone, hours and fee, so a search reads
one row per candidate. ``columnar_entries.entries_frame`` makes the same rows by joins, for large
imports (a test compares the two).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from .eligibility import Requirements, all_requirements
from .geo import zip_timezone
from .match import language_code
from .model import Directory, Row
from .needs import BIT, BY_TERM_ID


@dataclass(frozen=True)
class Entry:
    """One service at one location, as the search index holds it."""

    service_at_location_id: str
    service_id: str
    location_id: str
    lat: float | None  # None (with lon) for a remote service: by phone or online, no place to visit
    lon: float | None
    needs: int
    status: str
    name: str
    organization: str | None
    address: str | None
    phone: str | None
    timezone: str | None
    languages: str | None
    schedules: str | None
    requirements: str
    fees: str | None
    body: str
    url: str | None = None  # the service's web address (for a remote service, how to reach it online)
    area: str | None = None  # the HSDS service areas' names ("Pennsylvania; New Jersey"), where it serves

    @property
    def remote(self) -> bool:
        return self.lat is None or self.lon is None


@dataclass(frozen=True)
class _Lookups:
    """The directory's rows by the id ``entries`` looks them up by."""

    services: dict[str, Row]
    locations: dict[str, Row]
    orgs: dict[str, Row]
    reqs: dict[str, Requirements]
    needs: dict[str, int]
    addresses: dict[str, list[Row]]
    phones: dict[str, str]
    schedules: dict[str, list[list[Any]]]
    areas: dict[str, list[str]]
    fees: dict[str, str]


def entries(directory: Directory, timezone_of: Callable[[str], str | None] = zip_timezone) -> list[Entry]:
    """Search entries of a directory: one per service at a location that has coordinates, or at a
    virtual location (a remote entry). A physical location without coordinates cannot be placed, so
    it is left out (the import's ``search_entry`` count shows how many entries were made)."""
    look = _lookups(directory)
    out: list[Entry] = []
    for sal in directory.rows("service_at_location"):
        entry = _entry(sal, look, timezone_of)
        if entry is not None:
            out.append(entry)
    return out


def _lookups(directory: Directory) -> _Lookups:
    """Every lookup, read in the order ``entries`` always has."""
    services, locations = directory.by_id("service"), directory.by_id("location")
    orgs, reqs, needs = directory.by_id("organization"), all_requirements(directory), _needs(directory)
    addresses: dict[str, list[Row]] = {}
    for a in directory.rows("address"):
        addresses.setdefault(str(a.get("location_id")), []).append(a)
    phones, schedules, areas = _phones(directory), _schedules(directory), _areas(directory)
    fees: dict[str, str] = {}
    for c in directory.rows("cost_option"):
        fees.setdefault(str(c["service_id"]), str(c.get("option") or c.get("amount_description") or c.get("amount")))
    return _Lookups(services, locations, orgs, reqs, needs, addresses, phones, schedules, areas, fees)


def _needs(directory: Directory) -> dict[str, int]:
    """Each service's needs as bits."""
    needs: dict[str, int] = {}
    for a in directory.rows("attribute"):
        need = BY_TERM_ID.get(str(a.get("taxonomy_term_id")))
        if need and a.get("link_entity") in (None, "service"):
            needs[str(a["link_id"])] = needs.get(str(a["link_id"]), 0) | BIT[need.code]
    return needs


def _phones(directory: Directory) -> dict[str, str]:
    """Each owner id's first phone number (a phone row counts for its service, place and location)."""
    phones: dict[str, str] = {}
    for p in directory.rows("phone"):
        for key in ("service_id", "service_at_location_id", "location_id"):
            if p.get(key) is not None:
                phones.setdefault(str(p[key]), str(p["number"]))
    return phones


def _schedules(directory: Directory) -> dict[str, list[list[Any]]]:
    """Each owner's hours: [byday, opens, closes, walk_in] per schedule row."""
    schedules: dict[str, list[list[Any]]] = {}
    for s in directory.rows("schedule"):
        owner = s.get("service_at_location_id") or s.get("service_id") or s.get("location_id")
        walk_in = "walk" in str(s.get("attending_type") or "").lower()
        schedules.setdefault(str(owner), []).append([s.get("byday"), s.get("opens_at"), s.get("closes_at"), walk_in])
    return schedules


def _areas(directory: Directory) -> dict[str, list[str]]:
    areas: dict[str, list[str]] = {}
    for a in directory.rows("service_area"):
        owner = a.get("service_at_location_id") or a.get("service_id")
        if owner is not None and a.get("name"):
            areas.setdefault(str(owner), []).append(str(a["name"]))
    return areas


def _entry(sal: Row, look: _Lookups, timezone_of: Callable[[str], str | None]) -> Entry | None:
    """The entry of one service at a location, or None if either is missing or it cannot be placed."""
    service, location = look.services.get(str(sal["service_id"])), look.locations.get(str(sal["location_id"]))
    if service is None or location is None:
        return None
    remote = location.get("location_type") == "virtual"
    if not remote and (location.get("latitude") is None or location.get("longitude") is None):
        return None
    sid, lid, said = str(service["id"]), str(location["id"]), str(sal["id"])
    org = look.orgs.get(str(service.get("organization_id")))
    req = look.reqs[sid]
    text = " ".join(str(x) for x in (service.get("name"), org and org.get("name"), service.get("description")) if x)
    hours = look.schedules.get(said) or look.schedules.get(sid) or look.schedules.get(lid)
    zip_code = next((str(a.get("postal_code")) for a in look.addresses.get(lid, [])), None)
    return Entry(
        service_at_location_id=said,
        service_id=sid,
        location_id=lid,
        lat=None if remote else float(location["latitude"]),  # type: ignore[arg-type]
        lon=None if remote else float(location["longitude"]),  # type: ignore[arg-type]
        needs=look.needs.get(sid, 0),
        status=str(service.get("status")),
        name=str(service.get("name")),
        organization=str(org["name"]) if org else None,
        address=_address(look.addresses.get(lid, [])),
        phone=look.phones.get(said) or look.phones.get(sid) or look.phones.get(lid),
        timezone=timezone_of(zip_code) if zip_code else None,
        languages=",".join(sorted({language_code(x) for x in req.languages})) or None,
        schedules=json.dumps(hours) if hours else None,
        requirements=json.dumps(req.to_json(), sort_keys=True),
        fees=look.fees.get(sid) or (str(service["fees_description"]) if service.get("fees_description") else None),
        body=text,
        url=str(service.get("url") or location.get("url") or "") or None,
        area="; ".join(look.areas.get(said) or look.areas.get(sid) or []) or None,
    )


def _address(rows: Iterable[Row]) -> str | None:
    for a in rows:
        parts = [a.get("address_1"), a.get("city"), a.get("state_province"), a.get("postal_code")]
        return ", ".join(str(p) for p in parts if p)
    return None

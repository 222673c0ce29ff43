"""Converting an Ohana API CSV export (the ancestor of HSDS 1.0) into HSDS 3 rows.

Real directories still come in this shape (e.g. Code for America's San Mateo sample in
``../shared/data/hsds/ohana-san-mateo``). Ohana's free-text ``eligibility`` becomes
``eligibility_description``, read by ``infer`` into the requirements it states plainly (a records
policy only where the words give one, so most listings still answer "unknown" to anyone with a
record). Needs come from Ohana's ``taxonomy_ids`` (Open Eligibility codes: the narrowest of our
needs mapped to the code or an ancestor), its ``keywords`` (the old 211 categories, e.g. "Meal
Sites/Home-delivered Meals") and the service's name, each need saying where it came from.
Times like "4:00 PM", "3pm" or "08:00" are normalised; a time we cannot read is kept in the
schedule's ``notes`` rather than guessed.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

from .build import new_directory, uid
from .infer import Inferred, Source, enrich, need_for_open_eligibility
from .model import Directory, Row
from .validate import InvalidDirectory, Problem, check_keys

DAY_CODES = {
    "monday": "MO",
    "tuesday": "TU",
    "wednesday": "WE",
    "thursday": "TH",
    "friday": "FR",
    "saturday": "SA",
    "sunday": "SU",
}


def _rows(folder: Path, name: str) -> list[dict[str, str]]:
    path = folder / f"{name}.csv"
    if not path.exists():
        return []
    with path.open(newline="", encoding="utf-8-sig") as handle:
        return list(csv.DictReader(handle))


def _v(text: str | None) -> str | None:
    return text.strip() or None if text else None


def parse_time(text: str | None) -> str | None:
    """ "4:00 PM" -> "16:00:00", "3pm" -> "15:00:00", "08:00" -> "08:00:00"; None if unreadable."""
    if not text:
        return None
    m = re.fullmatch(r"\s*(\d{1,2})(?::(\d{2}))?\s*([ap])?\.?\s*m?\.?\s*", text.lower())
    if not m or (m.group(2) is None and m.group(3) is None):
        return None
    hour, minute, half = int(m.group(1)), int(m.group(2) or 0), m.group(3)
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half == "p" else 0)
    if hour > 23 or minute > 59:
        return None
    return f"{hour:02d}:{minute:02d}:00"


need_for = need_for_open_eligibility


def read_ohana(folder: Path, infer: bool = True) -> Directory:
    """An HSDS 3 directory from an Ohana CSV folder; raises ``InvalidDirectory`` on broken links.
    With ``infer``, needs and eligibility are read from the listings (``infer.enrich``)."""
    return read_ohana_report(folder, infer)[0]


def read_ohana_report(folder: Path, infer: bool = True) -> tuple[Directory, list[Inferred]]:
    """``read_ohana`` and what ``infer.enrich`` read for each service."""
    if not (folder / "services.csv").exists():
        raise InvalidDirectory([Problem(str(folder), None, None, "no Ohana services.csv here")])
    d = new_directory()
    key = "ohana:" + folder.name
    _organizations(d, folder, key)
    location_org = _locations(d, folder, key)
    _addresses(d, folder, key)
    extra = _services(d, folder, key, location_org)
    _phones(d, folder, key)
    _schedules(d, folder, key)
    problems = check_keys(d, {})
    if problems:
        raise InvalidDirectory(problems)
    return d, (enrich(d, extra) if infer else [])


def _ref(key: str, kind: str, old: str | None) -> str | None:
    """Our id for an Ohana id (None when there is none)."""
    return uid(key, kind, old) if old and old.strip() else None


def _organizations(d: Directory, folder: Path, key: str) -> None:
    for o in _rows(folder, "organizations"):
        d.add(
            "organization",
            {
                "id": _ref(key, "org", o["id"]),
                "name": _v(o.get("name")),
                "alternate_name": _v(o.get("alternate_name")),
                "description": _v(o.get("description")) or _v(o.get("name")),
                "email": _v(o.get("email")),
                "website": _v(o.get("website")),
                "tax_id": _v(o.get("tax_id")),
                "tax_status": _v(o.get("tax_status")),
                "legal_status": _v(o.get("legal_status")),
            },
        )


def _locations(d: Directory, folder: Path, key: str) -> dict[str, str | None]:
    """Adds the locations (and their languages); gives each Ohana location id's organization (an
    Ohana service names only its location)."""
    location_org: dict[str, str | None] = {}
    for loc in _rows(folder, "locations"):
        lid = _ref(key, "location", loc["id"])
        location_org[loc["id"]] = _ref(key, "org", loc.get("organization_id"))
        d.add(
            "location",
            {
                "id": lid,
                "organization_id": location_org[loc["id"]],
                "name": _v(loc.get("name")),
                "alternate_name": _v(loc.get("alternate_name")),
                "description": _v(loc.get("description")),
                "transportation": _v(loc.get("transportation")),
                "location_type": "virtual" if loc.get("virtual") == "true" else "physical",
                "latitude": float(loc["latitude"]) if _v(loc.get("latitude")) else None,
                "longitude": float(loc["longitude"]) if _v(loc.get("longitude")) else None,
            },
        )
        _languages(d, loc.get("languages"), "location_id", lid, key)
    return location_org


def _addresses(d: Directory, folder: Path, key: str) -> None:
    for a in _rows(folder, "addresses"):
        d.add(
            "address",
            {
                "id": _ref(key, "address", a["id"]),
                "location_id": _ref(key, "location", a.get("location_id")),
                "address_1": _v(a.get("address_1")),
                "address_2": _v(a.get("address_2")),
                "city": _v(a.get("city")),
                "state_province": _v(a.get("state_province")),
                "postal_code": _v(a.get("postal_code")),
                "country": _v(a.get("country")) or "US",
                "address_type": "physical",
            },
        )


def _services(d: Directory, folder: Path, key: str, location_org: dict[str, str | None]) -> dict[str, list[Source]]:
    """Adds the services and what hangs off each; gives each service's codes and keywords for ``infer``."""
    extra: dict[str, list[Source]] = {}
    for s in _rows(folder, "services"):
        sid = _ref(key, "service", s["id"])
        d.add(
            "service",
            {
                "id": sid,
                "organization_id": location_org.get(s.get("location_id") or ""),
                "name": _v(s.get("name")),
                "alternate_name": _v(s.get("alternate_name")),
                "description": _v(s.get("description")),
                "email": _v(s.get("email")),
                "url": _v(s.get("website")),
                "status": _v(s.get("status")) or "active",
                "application_process": _v(s.get("application_process")),
                "eligibility_description": _v(s.get("eligibility")),
                "fees_description": _v(s.get("fees")),
                "wait_time": _v(s.get("wait_time")),
                "interpretation_services": _v(s.get("interpretation_services")),
            },
        )
        _service_links(d, s, sid, key)
        extra[str(sid)] = [
            *(("open_eligibility", c.strip()) for c in (s.get("taxonomy_ids") or "").split(",") if c.strip()),
            *(("keyword", k.strip()) for k in (s.get("keywords") or "").split(",") if k.strip()),
        ]
    return extra


def _service_links(d: Directory, s: dict[str, str], sid: str | None, key: str) -> None:
    """A service's place, languages and required documents (Ohana keeps them on the service row)."""
    if _v(s.get("location_id")):
        d.add(
            "service_at_location",
            {"id": uid(key, "sal", s["id"]), "service_id": sid, "location_id": _ref(key, "location", s["location_id"])},
        )
    _languages(d, s.get("languages"), "service_id", sid, key)
    if _v(s.get("required_documents")):
        d.add(
            "required_document",
            {"id": uid(key, "document", s["id"]), "service_id": sid, "document": _v(s.get("required_documents"))},
        )


def _phones(d: Directory, folder: Path, key: str) -> None:
    for p in _rows(folder, "phones"):
        d.add(
            "phone",
            {
                "id": _ref(key, "phone", p["id"]),
                "number": _v(p.get("number")),
                "type": _v(p.get("number_type")),
                "location_id": _ref(key, "location", p.get("location_id")),
                "organization_id": _ref(key, "org", p.get("organization_id")),
                "service_id": _ref(key, "service", p.get("service_id")),
                "extension": float(p["extension"]) if (p.get("extension") or "").isdigit() else None,
            },
        )


def _schedules(d: Directory, folder: Path, key: str) -> None:
    """Weekly hours; a time we cannot read is named in the schedule's notes, not guessed."""
    for r in _rows(folder, "regular_schedules"):
        opens, closes = parse_time(r.get("opens_at")), parse_time(r.get("closes_at"))
        unread = [t for t, parsed in ((r.get("opens_at"), opens), (r.get("closes_at"), closes)) if t and not parsed]
        d.add(
            "schedule",
            {
                "id": _ref(key, "schedule", r["id"]),
                "location_id": _ref(key, "location", r.get("location_id")),
                "service_id": _ref(key, "service", r.get("service_id")),
                "freq": "WEEKLY",
                "byday": DAY_CODES.get((r.get("weekday") or "").strip().lower()),
                "opens_at": opens,
                "closes_at": closes,
                "notes": f"unreadable time(s) in the source: {', '.join(unread)}" if unread else None,
            },
        )


def _languages(d: Directory, text: str | None, field: str, owner: str | None, key: str) -> None:
    for name in [x.strip() for x in (text or "").split(",") if x.strip()]:
        row: Row = {"id": uid(key, "language", field, str(owner), name), field: owner, "name": name}
        d.add("language", row)

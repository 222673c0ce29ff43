"""Reading an HSDS 1.x package (one CSV per table, plural names) into HSDS 3 rows, one function per table.

The tables are read in link order (organizations, locations, services, then what hangs off them),
so each row can be checked against the ids already kept; a row that links to nothing of ours, or
that HSDS 3 would not validate, is left out and the report (``Note``) says so by file and row.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .build import new_directory, uid
from .hsds1_cells import Note, cell, csv_rows, to_day, to_float, to_status, to_year
from .infer import Source
from .model import Directory, Row
from .ohana import parse_time


@dataclass
class _Package:
    """One package being read: the directory so far, the report, and the ids kept of each kind."""

    folder: Path
    key: str
    d: Directory = field(default_factory=new_directory)
    notes: list[Note] = field(default_factory=list)
    orgs: set[str] = field(default_factory=set)
    services: set[str] = field(default_factory=set)
    locations: set[str] = field(default_factory=set)

    def ref(self, kind: str, old: str | None) -> str | None:
        return uid(self.key, kind, old) if old else None

    def own_id(self, kind: str, file: str, line: int, old: str | None) -> str:
        return uid(self.key, kind, old) if old else uid(self.key, kind, file, str(line))

    def note(self, file: str, line: int | None, message: str) -> None:
        self.notes.append(Note(file, line, message))

    def org(self, file: str, line: int, old: str | None) -> str | None:
        """The organization's id; one missing from organizations.csv becomes a stub that says so
        (HSDS 3 needs every service to have an organization)."""
        oid = self.ref("org", old)
        if oid is not None and oid not in self.orgs:
            self.note(file, line, f"organization {old} is not in organizations.csv: a stub organization stands in")
            stub = f"Organization {old} (not in the export)"
            self.d.add("organization", {"id": oid, "name": stub, "description": stub})
            self.orgs.add(oid)
        return oid


def read_tables(folder: Path) -> tuple[Directory, dict[str, list[Source]], list[Note]]:
    """The directory, the taxonomy words ``infer`` reads for each service, and the per-row report."""
    p = _Package(folder, "hsds1:" + folder.name)
    _organizations(p)
    p.orgs = {str(o["id"]) for o in p.d.rows("organization")}
    _locations(p)
    _services(p, _eligibility(p))
    p.services = {str(r["id"]) for r in p.d.rows("service")}
    p.locations = {str(r["id"]) for r in p.d.rows("location")}
    _services_at_location(p)
    for file in ("physical_addresses.csv", "postal_addresses.csv"):
        _addresses(p, file)
    _phones(p)
    _schedules(p)
    _service_tables(p)
    return p.d, _taxonomy(p), p.notes


def _organizations(p: _Package) -> None:
    name, rows = csv_rows(p.folder, "organizations.csv")
    for line, o in enumerate(rows, 2):
        p.d.add(
            "organization",
            {
                "id": p.own_id("org", name, line, o.get("id")),
                "name": cell(o.get("name")) or "(no name)",
                "alternate_name": cell(o.get("alternate_name")),
                "description": cell(o.get("description")) or cell(o.get("name")) or "(no description)",
                "email": cell(o.get("email")),
                "website": cell(o.get("url")),
                "tax_status": cell(o.get("tax_status")),
                "tax_id": cell(o.get("tax_id")),
                "year_incorporated": to_year(o.get("year_incorporated")),
                "legal_status": cell(o.get("legal_status")),
            },
        )


def _locations(p: _Package) -> None:
    name, rows = csv_rows(p.folder, "locations.csv")
    for line, loc in enumerate(rows, 2):
        lat, lon = to_float(loc.get("latitude")), to_float(loc.get("longitude"))
        if (lat is None) != (lon is None) or (lat is not None and not (-90 <= lat <= 90 and -180 <= (lon or 0) <= 180)):
            p.note(name, line, "coordinates incomplete or off the globe: location kept without them")
            lat = lon = None
        elif lat is None:
            p.note(name, line, "no coordinates: its services cannot be found by place")
        p.d.add(
            "location",
            {
                "id": p.own_id("location", name, line, loc.get("id")),
                "organization_id": p.org(name, line, loc.get("organization_id")),
                "location_type": "physical",
                "name": cell(loc.get("name")),
                "alternate_name": cell(loc.get("alternate_name")),
                "description": cell(loc.get("description")),
                "transportation": cell(loc.get("transportation")),
                "latitude": lat,
                "longitude": lon,
            },
        )


def _eligibility(p: _Package) -> dict[str, list[str]]:
    """Each old service id's eligibility texts (HSDS 1.x keeps them in their own table)."""
    eligibility: dict[str, list[str]] = {}
    for e in csv_rows(p.folder, "eligibility.csv")[1]:
        if cell(e.get("eligibility")) and e.get("service_id"):
            eligibility.setdefault(e["service_id"], []).append(e["eligibility"])
    return eligibility


def _services(p: _Package, eligibility: dict[str, list[str]]) -> None:
    name, rows = csv_rows(p.folder, "services.csv")
    for line, s in enumerate(rows, 2):
        if not cell(s.get("name")):
            p.note(name, line, "service without a name: left out")
            continue
        p.d.add(
            "service",
            {
                "id": p.own_id("service", name, line, s.get("id")),
                "organization_id": p.org(name, line, s.get("organization_id")),
                "name": s["name"],
                "alternate_name": cell(s.get("alternate_name")),
                "description": cell(s.get("description")),
                "url": cell(s.get("url")),
                "email": cell(s.get("email")),
                "status": to_status(s.get("status")),
                "interpretation_services": cell(s.get("interpretation_services")),
                "application_process": cell(s.get("application_process")),
                "wait_time": cell(s.get("wait_time")),
                "fees_description": cell(s.get("fees")),
                "accreditations": cell(s.get("accreditations")),
                "licenses": cell(s.get("licenses")),
                "eligibility_description": "; ".join(eligibility.get(s.get("id") or "", [])) or None,
            },
        )


def _services_at_location(p: _Package) -> None:
    name, rows = csv_rows(p.folder, "services_at_location.csv", "service_at_location.csv")
    for line, sal in enumerate(rows, 2):
        sid, lid = p.ref("service", sal.get("service_id")), p.ref("location", sal.get("location_id"))
        if sid not in p.services or lid not in p.locations:
            p.note(name, line, "links a service or location that is not there: left out")
            continue
        p.d.add(
            "service_at_location",
            {
                "id": p.own_id("sal", name, line, sal.get("id")),
                "service_id": sid,
                "location_id": lid,
                "description": cell(sal.get("description")),
            },
        )
    if not rows and p.d.rows("service"):
        p.note(name, None, "no services_at_location table: no service is tied to a place, none is searchable by place")


def _addresses(p: _Package, file: str) -> None:
    name, rows = csv_rows(p.folder, file)
    for line, a in enumerate(rows, 2):
        missing = [f for f in ("address_1", "city", "state_province", "postal_code") if not cell(a.get(f))]
        lid = p.ref("location", a.get("location_id"))
        if missing or lid not in p.locations:
            why = f"no {', '.join(missing)}" if missing else "no location of ours"
            p.note(name, line, f"address not kept ({why}): {a.get('address_1') or ''}".rstrip(": "))
            continue
        p.d.add(
            "address",
            {
                "id": p.own_id("address", name, line, a.get("id")),
                "location_id": lid,
                "attention": cell(a.get("attention")),
                "address_1": a["address_1"],
                "address_2": cell(a.get("address_2")),
                "city": a["city"],
                "region": cell(a.get("region")),
                "state_province": a["state_province"],
                "postal_code": a["postal_code"],
                "country": cell(a.get("country")) or "US",
                "address_type": "physical" if file.startswith("physical") else "postal",
            },
        )


def _phones(p: _Package) -> None:
    name, rows = csv_rows(p.folder, "phones.csv")
    known = {"location_id": p.locations, "service_id": p.services, "organization_id": p.orgs}
    for line, ph in enumerate(rows, 2):
        if not cell(ph.get("number")):
            p.note(name, line, "phone without a number: left out")
            continue
        owners = {
            "location_id": p.ref("location", ph.get("location_id")),
            "service_id": p.ref("service", ph.get("service_id")),
            "organization_id": p.ref("org", ph.get("organization_id")),
        }
        p.d.add(
            "phone",
            {
                "id": p.own_id("phone", name, line, ph.get("id")),
                "number": ph["number"],
                "type": cell(ph.get("type")),
                "description": cell(ph.get("description")),
                "extension": to_float(ph.get("extension")),
                **{k: v for k, v in owners.items() if v in known[k]},
            },
        )


def _schedules(p: _Package) -> None:
    name, rows = csv_rows(p.folder, "regular_schedules.csv")
    for line, r in enumerate(rows, 2):
        opens, closes = parse_time(r.get("opens_at")), parse_time(r.get("closes_at"))
        day = to_day(r.get("weekday"))
        if not (r.get("opens_at") or r.get("closes_at")):
            continue  # a day with no hours: closed
        if day is None or not (opens and closes):
            p.note(name, line, f"hours not read ({r.get('weekday')} {r.get('opens_at')}-{r.get('closes_at')})")
            continue
        sid, lid = p.ref("service", r.get("service_id")), p.ref("location", r.get("location_id"))
        p.d.add(
            "schedule",
            {
                "id": p.own_id("schedule", name, line, r.get("id")),
                "service_id": sid if sid in p.services else None,
                "location_id": lid if lid in p.locations else None,
                "freq": "WEEKLY",
                "byday": day,
                "opens_at": opens,
                "closes_at": closes,
            },
        )


def _service_tables(p: _Package) -> None:
    """The small tables that hang off a service: areas, languages, required documents."""

    def service(r: dict[str, str]) -> str | None:
        return p.ref("service", r.get("service_id"))

    _service_table(
        p,
        "service_areas.csv",
        "service_area",
        lambda r: {
            "service_id": service(r),
            "name": cell(r.get("service_area")),
            "description": cell(r.get("description")),
        },
    )
    _service_table(
        p, "languages.csv", "language", lambda r: {"service_id": service(r), "name": cell(r.get("language"))}
    )
    _service_table(
        p,
        "required_documents.csv",
        "required_document",
        lambda r: {"service_id": service(r), "document": cell(r.get("document"))},
    )


def _service_table(p: _Package, file: str, table: str, fields: Callable[[dict[str, str]], Row]) -> None:
    name, rows = csv_rows(p.folder, file)
    for line, r in enumerate(rows, 2):
        row = fields(r)
        if row.get("service_id") not in p.services:
            p.note(name, line, "not tied to a service of ours: left out")
            continue
        p.d.add(table, {"id": uid(p.key, table, r.get("id") or f"{name}:{line}"), **row})


def _taxonomy(p: _Package) -> dict[str, list[Source]]:
    """Each service's taxonomy codes and terms, for ``infer`` to read its needs from."""
    extra: dict[str, list[Source]] = {}
    terms = {t.get("id") or t.get("taxonomy_id") or "": t for t in csv_rows(p.folder, "taxonomy.csv")[1]}
    for link in csv_rows(p.folder, "services_taxonomy.csv")[1]:
        sid, term = p.ref("service", link.get("service_id")), terms.get(link.get("taxonomy_id") or "")
        if sid in p.services and term:
            code, label = term.get("id") or term.get("taxonomy_id") or "", term.get("name") or ""
            extra.setdefault(str(sid), []).extend([(f"code:{term.get('vocabulary') or ''}", code), ("term", label)])
    return extra

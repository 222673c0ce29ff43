"""Importing older Open Referral exports: HSDS 1.x tabular packages and flat legal-aid CSVs.

Real directories still come as HSDS 1.x (one CSV per table, plural names: ``services.csv``,
``regular_schedules.csv``, ``physical_addresses.csv``...; e.g. the ILAO export in
``../shared/data/hsds/ilao-illinois-legal-aid/hsds-1.x``) or as one flat row per service with
the organization's fields repeated (``service_uuid, organization_name, ... service_min_age,
service_income_limit, service_require_veteran, service_areas``; the Florida legal-aid directory).
Both map to the same HSDS 3 model as every other reader. What HSDS 3 cannot hold, or a row
that would not validate (an address with no city), is not guessed: it is left out and the
per-row report (``Note``) says so, by file and row. Rows without ids (1.x phones and schedules
often have none) get stable UUIDv5 ids from the file and row.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .build import new_directory, uid
from .eligibility import TERM_BY_CODE
from .infer import Inferred, Source, enrich
from .model import Directory, Row
from .ohana import DAY_CODES, parse_time
from .validate import InvalidDirectory, Problem, check_keys


@dataclass(frozen=True)
class Note:
    """One line of the per-row import report."""

    file: str
    row: int | None
    message: str

    def __str__(self) -> str:
        return f"{self.file}{f', row {self.row}' if self.row else ''}: {self.message}"


def _rows(folder: Path, *names: str) -> tuple[str, list[dict[str, str]]]:
    for name in names:
        path = folder / name
        if path.exists():
            with path.open(newline="", encoding="utf-8-sig") as handle:
                return name, [{k.strip(): (v or "").strip() for k, v in r.items() if k} for r in csv.DictReader(handle)]
    return names[0], []


def _v(text: str | None) -> str | None:
    return text.strip() or None if text else None


def is_flat(folder: Path) -> bool:
    """Whether ``folder`` holds a flat legal-aid export (one row per service, ``service_uuid``)."""
    path = folder / "services.csv"
    if not path.exists():
        return False
    with path.open(newline="", encoding="utf-8-sig") as handle:
        return "service_uuid" in next(csv.reader(handle), [])


def read_hsds1(folder: Path, infer: bool = True) -> tuple[Directory, list[Inferred], list[Note]]:
    """An HSDS 3 directory from an HSDS 1.x package or a flat export, what ``infer`` read from each
    listing, and the per-row report; raises ``InvalidDirectory`` if links do not resolve."""
    if not (folder / "services.csv").exists():
        raise InvalidDirectory([Problem(str(folder), None, None, "no services.csv here")])
    reader = _read_flat if is_flat(folder) else _read_tables
    d, extra, notes = reader(folder)
    problems = check_keys(d, {})
    if problems:
        raise InvalidDirectory(problems)
    return d, (enrich(d, extra) if infer else []), notes


def _read_tables(folder: Path) -> tuple[Directory, dict[str, list[Source]], list[Note]]:
    d = new_directory()
    notes: list[Note] = []
    key = "hsds1:" + folder.name

    def ref(kind: str, old: str | None) -> str | None:
        return uid(key, kind, old) if old else None

    def own_id(kind: str, file: str, line: int, old: str | None) -> str:
        return uid(key, kind, old) if old else uid(key, kind, file, str(line))

    name, rows = _rows(folder, "organizations.csv")
    for line, o in enumerate(rows, 2):
        d.add(
            "organization",
            {
                "id": own_id("org", name, line, o.get("id")),
                "name": _v(o.get("name")) or "(no name)",
                "alternate_name": _v(o.get("alternate_name")),
                "description": _v(o.get("description")) or _v(o.get("name")) or "(no description)",
                "email": _v(o.get("email")),
                "website": _v(o.get("url")),
                "tax_status": _v(o.get("tax_status")),
                "tax_id": _v(o.get("tax_id")),
                "year_incorporated": _year(o.get("year_incorporated")),
                "legal_status": _v(o.get("legal_status")),
            },
        )
    orgs = {str(o["id"]) for o in d.rows("organization")}

    def org(file: str, line: int, old: str | None) -> str | None:
        """The organization's id; one missing from organizations.csv becomes a stub that says so
        (HSDS 3 needs every service to have an organization)."""
        oid = ref("org", old)
        if oid is not None and oid not in orgs:
            notes.append(
                Note(file, line, f"organization {old} is not in organizations.csv: a stub organization stands in")
            )
            stub = f"Organization {old} (not in the export)"
            d.add("organization", {"id": oid, "name": stub, "description": stub})
            orgs.add(oid)
        return oid

    name, rows = _rows(folder, "locations.csv")
    for line, loc in enumerate(rows, 2):
        lat, lon = _float(loc.get("latitude")), _float(loc.get("longitude"))
        if (lat is None) != (lon is None) or (lat is not None and not (-90 <= lat <= 90 and -180 <= (lon or 0) <= 180)):
            notes.append(Note(name, line, "coordinates incomplete or off the globe: location kept without them"))
            lat = lon = None
        elif lat is None:
            notes.append(Note(name, line, "no coordinates: its services cannot be found by place"))
        d.add(
            "location",
            {
                "id": own_id("location", name, line, loc.get("id")),
                "organization_id": org(name, line, loc.get("organization_id")),
                "location_type": "physical",
                "name": _v(loc.get("name")),
                "alternate_name": _v(loc.get("alternate_name")),
                "description": _v(loc.get("description")),
                "transportation": _v(loc.get("transportation")),
                "latitude": lat,
                "longitude": lon,
            },
        )
    eligibility: dict[str, list[str]] = {}
    name, rows = _rows(folder, "eligibility.csv")
    for e in rows:
        if _v(e.get("eligibility")) and e.get("service_id"):
            eligibility.setdefault(e["service_id"], []).append(e["eligibility"])
    name, rows = _rows(folder, "services.csv")
    for line, s in enumerate(rows, 2):
        if not _v(s.get("name")):
            notes.append(Note(name, line, "service without a name: left out"))
            continue
        d.add(
            "service",
            {
                "id": own_id("service", name, line, s.get("id")),
                "organization_id": org(name, line, s.get("organization_id")),
                "name": s["name"],
                "alternate_name": _v(s.get("alternate_name")),
                "description": _v(s.get("description")),
                "url": _v(s.get("url")),
                "email": _v(s.get("email")),
                "status": _status(s.get("status")),
                "interpretation_services": _v(s.get("interpretation_services")),
                "application_process": _v(s.get("application_process")),
                "wait_time": _v(s.get("wait_time")),
                "fees_description": _v(s.get("fees")),
                "accreditations": _v(s.get("accreditations")),
                "licenses": _v(s.get("licenses")),
                "eligibility_description": "; ".join(eligibility.get(s.get("id") or "", [])) or None,
            },
        )
    services = {str(r["id"]) for r in d.rows("service")}
    locations = {str(r["id"]) for r in d.rows("location")}
    name, rows = _rows(folder, "services_at_location.csv", "service_at_location.csv")
    for line, sal in enumerate(rows, 2):
        sid, lid = ref("service", sal.get("service_id")), ref("location", sal.get("location_id"))
        if sid not in services or lid not in locations:
            notes.append(Note(name, line, "links a service or location that is not there: left out"))
            continue
        d.add(
            "service_at_location",
            {
                "id": own_id("sal", name, line, sal.get("id")),
                "service_id": sid,
                "location_id": lid,
                "description": _v(sal.get("description")),
            },
        )
    if not rows and d.rows("service"):
        notes.append(
            Note(
                name, None, "no services_at_location table: no service is tied to a place, none is searchable by place"
            )
        )
    for file in ("physical_addresses.csv", "postal_addresses.csv"):
        name, rows = _rows(folder, file)
        for line, a in enumerate(rows, 2):
            missing = [f for f in ("address_1", "city", "state_province", "postal_code") if not _v(a.get(f))]
            lid = ref("location", a.get("location_id"))
            if missing or lid not in locations:
                why = f"no {', '.join(missing)}" if missing else "no location of ours"
                notes.append(Note(name, line, f"address not kept ({why}): {a.get('address_1') or ''}".rstrip(": ")))
                continue
            d.add(
                "address",
                {
                    "id": own_id("address", name, line, a.get("id")),
                    "location_id": lid,
                    "attention": _v(a.get("attention")),
                    "address_1": a["address_1"],
                    "address_2": _v(a.get("address_2")),
                    "city": a["city"],
                    "region": _v(a.get("region")),
                    "state_province": a["state_province"],
                    "postal_code": a["postal_code"],
                    "country": _v(a.get("country")) or "US",
                    "address_type": "physical" if file.startswith("physical") else "postal",
                },
            )
    name, rows = _rows(folder, "phones.csv")
    for line, p in enumerate(rows, 2):
        if not _v(p.get("number")):
            notes.append(Note(name, line, "phone without a number: left out"))
            continue
        owners = {
            "location_id": ref("location", p.get("location_id")),
            "service_id": ref("service", p.get("service_id")),
            "organization_id": ref("org", p.get("organization_id")),
        }
        known = {"location_id": locations, "service_id": services, "organization_id": orgs}
        owners = {k: v for k, v in owners.items() if v in known[k]}
        d.add(
            "phone",
            {
                "id": own_id("phone", name, line, p.get("id")),
                "number": p["number"],
                "type": _v(p.get("type")),
                "description": _v(p.get("description")),
                "extension": _float(p.get("extension")),
                **owners,
            },
        )
    name, rows = _rows(folder, "regular_schedules.csv")
    for line, r in enumerate(rows, 2):
        opens, closes = parse_time(r.get("opens_at")), parse_time(r.get("closes_at"))
        day = _day(r.get("weekday"))
        if not (r.get("opens_at") or r.get("closes_at")):
            continue  # a day with no hours: closed
        if day is None or not (opens and closes):
            notes.append(
                Note(name, line, f"hours not read ({r.get('weekday')} {r.get('opens_at')}-{r.get('closes_at')})")
            )
            continue
        sid, lid = ref("service", r.get("service_id")), ref("location", r.get("location_id"))
        d.add(
            "schedule",
            {
                "id": own_id("schedule", name, line, r.get("id")),
                "service_id": sid if sid in services else None,
                "location_id": lid if lid in locations else None,
                "freq": "WEEKLY",
                "byday": day,
                "opens_at": opens,
                "closes_at": closes,
            },
        )
    _simple(
        d,
        folder,
        notes,
        "service_areas.csv",
        "service_area",
        key,
        lambda r: {
            "service_id": ref("service", r.get("service_id")),
            "name": _v(r.get("service_area")),
            "description": _v(r.get("description")),
        },
        services,
    )
    _simple(
        d,
        folder,
        notes,
        "languages.csv",
        "language",
        key,
        lambda r: {"service_id": ref("service", r.get("service_id")), "name": _v(r.get("language"))},
        services,
    )
    _simple(
        d,
        folder,
        notes,
        "required_documents.csv",
        "required_document",
        key,
        lambda r: {"service_id": ref("service", r.get("service_id")), "document": _v(r.get("document"))},
        services,
    )
    extra: dict[str, list[Source]] = {}
    terms = {t.get("id") or t.get("taxonomy_id") or "": t for t in _rows(folder, "taxonomy.csv")[1]}
    for link in _rows(folder, "services_taxonomy.csv")[1]:
        sid, term = ref("service", link.get("service_id")), terms.get(link.get("taxonomy_id") or "")
        if sid in services and term:
            code, label = term.get("id") or term.get("taxonomy_id") or "", term.get("name") or ""
            extra.setdefault(str(sid), []).extend([(f"code:{term.get('vocabulary') or ''}", code), ("term", label)])
    return d, extra, notes


def _simple(
    d: Directory,
    folder: Path,
    notes: list[Note],
    file: str,
    table: str,
    key: str,
    fields: Callable[[dict[str, str]], Row],
    services: set[str],
) -> None:
    name, rows = _rows(folder, file)
    for line, r in enumerate(rows, 2):
        row = fields(r)
        if row.get("service_id") not in services:
            notes.append(Note(name, line, "not tied to a service of ours: left out"))
            continue
        d.add(table, {"id": uid(key, table, r.get("id") or f"{name}:{line}"), **row})


def _read_flat(folder: Path) -> tuple[Directory, dict[str, list[Source]], list[Note]]:
    d = new_directory()
    notes: list[Note] = []
    key = "flat:" + folder.name
    name, rows = _rows(folder, "organizations.csv")
    orgs: set[str] = set()
    for line, o in enumerate(rows, 2):
        oid = uid(key, "org", o.get("organization_uuid") or f"{name}:{line}")
        orgs.add(oid)
        d.add(
            "organization",
            {
                "id": oid,
                "name": _v(o.get("organization_name")) or "(no name)",
                "alternate_name": _v(o.get("organization_alternate_name")),
                "description": _v(o.get("organization_description")) or _v(o.get("organization_name")) or "(none)",
                "email": _v(o.get("organization_email")),
                "website": _v(o.get("organization_url")),
                "tax_id": _v(o.get("organization_tax_id")),
                "legal_status": _v(o.get("organization_legal_status")),
                "year_incorporated": _year(o.get("organization_year_incorporated")),
            },
        )
    name, rows = _rows(folder, "locations.csv")
    for line, loc in enumerate(rows, 2):
        d.add(
            "location",
            {
                "id": uid(key, "location", loc.get("location_uuid") or f"{name}:{line}"),
                "organization_id": _org(uid(key, "org", loc.get("organization_uuid") or ""), orgs),
                "location_type": "physical",
                "name": _v(loc.get("location_name")),
                "description": _v(loc.get("location_address")),  # free text ("State: FL"): not an address we can place
                "url": _v(loc.get("location_url")),
            },
        )
        notes.append(
            Note(name, line, "address is free text and no coordinates: kept as the description, not placeable")
        )
    extra: dict[str, list[Source]] = {}
    name, rows = _rows(folder, "services.csv")
    for line, s in enumerate(rows, 2):
        sid = uid(key, "service", s.get("service_uuid") or f"{name}:{line}")
        words = [
            f"{label}: {s[column]}"
            for column, label in (
                ("service_incarceration_status", "Incarceration status"),
                ("service_immigration_status", "Immigration status"),
                ("service_military_status", "Military status"),
                ("service_additional_information", "Also"),
            )
            if _v(s.get(column))
        ]
        d.add(
            "service",
            {
                "id": sid,
                "organization_id": _org(uid(key, "org", s.get("organization_uuid") or ""), orgs),
                "name": _v(s.get("service_name")) or "(no name)",
                "alternate_name": _v(s.get("service_alternate_name")),
                "description": _v(s.get("service_description")),
                "email": _v(s.get("service_email")),
                "url": _v(s.get("service_url")),
                "status": "active",
                "minimum_age": _int(s.get("service_min_age")),
                "maximum_age": _int(s.get("service_max_age")),
                "eligibility_description": "\n".join(words) or None,
            },
        )
        stated: list[tuple[str, str, str]] = []
        limit = _int(s.get("service_income_limit"))
        if limit is not None:
            stated.append(("income_max_fpl", str(limit), f"service_income_limit: {limit} (% of the poverty level)"))
        if (s.get("service_require_veteran") or "").lower() == "true":
            stated.append(("veteran", "required", "service_require_veteran: true"))
        for code, value, label in stated:
            d.add(
                "attribute",
                {
                    "id": uid(key, "eligibility", sid, code),
                    "link_id": sid,
                    "link_entity": "service",
                    "link_type": "eligibility",
                    "taxonomy_term_id": TERM_BY_CODE[code].term_id,
                    "value": value,
                    "label": label,
                },
            )
        for area in [a.strip() for a in (s.get("service_areas") or "").split(";") if a.strip()]:
            d.add("service_area", {"id": uid(key, "area", sid, area), "service_id": sid, "name": area})
        problems = [p.strip() for p in (s.get("service_problem_codes") or "").split(";") if p.strip()]
        extra[sid] = [("legal_problem", p) for p in problems] or [("legal_problem", "Legal services")]
        notes.append(Note(name, line, "no location tied to the service: not searchable by place"))
    return d, extra, notes


def _org(oid: str, orgs: set[str]) -> str | None:
    return oid if oid in orgs else None


def _status(text: str | None) -> str:
    value = (text or "").strip().lower()
    return value if value in ("active", "inactive", "defunct", "temporarily closed") else "active"


def _day(text: str | None) -> str | None:
    value = (text or "").strip().lower()
    if value.isdigit() and 1 <= int(value) <= 7:  # HSDS 1.x: 1 = Monday (ISO)
        return ("MO", "TU", "WE", "TH", "FR", "SA", "SU")[int(value) - 1]
    return DAY_CODES.get(value) or next((c for d, c in DAY_CODES.items() if d.startswith(value[:3]) and value), None)


def _float(text: str | None) -> float | None:
    try:
        return float(text) if text and text.strip() else None
    except ValueError:
        return None


def _int(text: str | None) -> int | None:
    value = _float(text)
    return int(value) if value is not None and value.is_integer() else None


def _year(text: str | None) -> int | None:
    value = _int(text)
    return value if value and 1600 < value < 2200 else None

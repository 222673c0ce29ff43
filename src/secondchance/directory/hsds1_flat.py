"""Reading a flat legal-aid export (one row per service, the organization's fields repeated; the
Florida legal-aid directory) into HSDS 3 rows.

Its structured eligibility columns (``service_income_limit``, ``service_require_veteran``) become
eligibility attributes that name their source column; its free-text status columns go into
``eligibility_description`` for ``infer`` to read. Locations are free text with no coordinates:
kept as descriptions, and the report says no service can be found by place.
"""

from __future__ import annotations

from pathlib import Path

from .build import new_directory, uid
from .eligibility import TERM_BY_CODE
from .hsds1_cells import Note, cell, csv_rows, to_int, to_year
from .infer import Source
from .model import Directory

STATUS_COLUMNS = (
    ("service_incarceration_status", "Incarceration status"),
    ("service_immigration_status", "Immigration status"),
    ("service_military_status", "Military status"),
    ("service_additional_information", "Also"),
)


def read_flat(folder: Path) -> tuple[Directory, dict[str, list[Source]], list[Note]]:
    """The directory, the legal problem codes ``infer`` reads for each service, and the per-row report."""
    d = new_directory()
    notes: list[Note] = []
    key = "flat:" + folder.name
    orgs = _organizations(d, folder, key)
    _locations(d, folder, key, orgs, notes)
    extra: dict[str, list[Source]] = {}
    name, rows = csv_rows(folder, "services.csv")
    for line, s in enumerate(rows, 2):
        sid = uid(key, "service", s.get("service_uuid") or f"{name}:{line}")
        _service(d, key, sid, s, orgs)
        _stated_eligibility(d, key, sid, s)
        for area in [a.strip() for a in (s.get("service_areas") or "").split(";") if a.strip()]:
            d.add("service_area", {"id": uid(key, "area", sid, area), "service_id": sid, "name": area})
        problems = [p.strip() for p in (s.get("service_problem_codes") or "").split(";") if p.strip()]
        extra[sid] = [("legal_problem", p) for p in problems] or [("legal_problem", "Legal services")]
        notes.append(Note(name, line, "no location tied to the service: not searchable by place"))
    return d, extra, notes


def _organizations(d: Directory, folder: Path, key: str) -> set[str]:
    """Adds the organizations and gives their ids."""
    name, rows = csv_rows(folder, "organizations.csv")
    orgs: set[str] = set()
    for line, o in enumerate(rows, 2):
        oid = uid(key, "org", o.get("organization_uuid") or f"{name}:{line}")
        orgs.add(oid)
        d.add(
            "organization",
            {
                "id": oid,
                "name": cell(o.get("organization_name")) or "(no name)",
                "alternate_name": cell(o.get("organization_alternate_name")),
                "description": cell(o.get("organization_description")) or cell(o.get("organization_name")) or "(none)",
                "email": cell(o.get("organization_email")),
                "website": cell(o.get("organization_url")),
                "tax_id": cell(o.get("organization_tax_id")),
                "legal_status": cell(o.get("organization_legal_status")),
                "year_incorporated": to_year(o.get("organization_year_incorporated")),
            },
        )
    return orgs


def _locations(d: Directory, folder: Path, key: str, orgs: set[str], notes: list[Note]) -> None:
    name, rows = csv_rows(folder, "locations.csv")
    for line, loc in enumerate(rows, 2):
        d.add(
            "location",
            {
                "id": uid(key, "location", loc.get("location_uuid") or f"{name}:{line}"),
                "organization_id": _org(uid(key, "org", loc.get("organization_uuid") or ""), orgs),
                "location_type": "physical",
                "name": cell(loc.get("location_name")),
                "description": cell(
                    loc.get("location_address")
                ),  # free text ("State: FL"): not an address we can place
                "url": cell(loc.get("location_url")),
            },
        )
        notes.append(
            Note(name, line, "address is free text and no coordinates: kept as the description, not placeable")
        )


def _service(d: Directory, key: str, sid: str, s: dict[str, str], orgs: set[str]) -> None:
    words = [f"{label}: {s[column]}" for column, label in STATUS_COLUMNS if cell(s.get(column))]
    d.add(
        "service",
        {
            "id": sid,
            "organization_id": _org(uid(key, "org", s.get("organization_uuid") or ""), orgs),
            "name": cell(s.get("service_name")) or "(no name)",
            "alternate_name": cell(s.get("service_alternate_name")),
            "description": cell(s.get("service_description")),
            "email": cell(s.get("service_email")),
            "url": cell(s.get("service_url")),
            "status": "active",
            "minimum_age": to_int(s.get("service_min_age")),
            "maximum_age": to_int(s.get("service_max_age")),
            "eligibility_description": "\n".join(words) or None,
        },
    )


def _stated_eligibility(d: Directory, key: str, sid: str, s: dict[str, str]) -> None:
    """The eligibility the export states in columns, as attributes that name the column."""
    stated: list[tuple[str, str, str]] = []
    limit = to_int(s.get("service_income_limit"))
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


def _org(oid: str, orgs: set[str]) -> str | None:
    return oid if oid in orgs else None

"""``services report``: per organization, the listings a person cannot rely on yet, so the people who
keep a directory can fix them: no eligibility stated, no hours, no phone, stale or no dates.

"No eligibility" means the listing states none in any form (no text, no ages, no attribute of our
eligibility taxonomy): a person with a record can only get "unknown" there. "Stale": last verified
(HSDS ``assured_date``, else ``last_modified``) more than a year before ``as_of``, or never dated.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .eligibility import TERM_BY_ID
from .model import Directory
from .search import STALE_DAYS

PROBLEMS = ("no_eligibility", "no_hours", "no_phone", "stale")


@dataclass
class OrganizationReport:
    organization_id: str | None
    name: str
    services: int = 0
    listings: dict[str, list[str]] = field(default_factory=lambda: {p: [] for p in PROBLEMS})

    def to_json(self) -> dict[str, Any]:
        return {"organization_id": self.organization_id, "name": self.name, "services": self.services,
                **{p: names for p, names in self.listings.items()}}  # fmt: skip


def report(directory: Directory, as_of: date) -> list[OrganizationReport]:
    """One report per organization (and one for services with none), worst first."""
    stated = {
        str(a.get("link_id")) for a in directory.rows("attribute") if str(a.get("taxonomy_term_id")) in TERM_BY_ID
    }
    locations_of: dict[str, set[str]] = {}
    sal_of: dict[str, set[str]] = {}
    for sal in directory.rows("service_at_location"):
        locations_of.setdefault(str(sal["service_id"]), set()).add(str(sal["location_id"]))
        sal_of.setdefault(str(sal["service_id"]), set()).add(str(sal["id"]))
    hours: set[str] = set()
    for s in directory.rows("schedule"):
        hours.update(str(s[k]) for k in ("service_id", "location_id", "service_at_location_id") if s.get(k))
    phones: set[str] = set()
    for p in directory.rows("phone"):
        phones.update(str(p[k]) for k in ("service_id", "location_id", "service_at_location_id", "organization_id")
                      if p.get(k))  # fmt: skip
    orgs = directory.by_id("organization")
    out: dict[str | None, OrganizationReport] = {}
    for service in directory.rows("service"):
        sid, oid = str(service["id"]), service.get("organization_id")
        org_id = str(oid) if oid else None
        row = out.setdefault(
            org_id, OrganizationReport(org_id, str(orgs.get(org_id or "", {}).get("name") or "(no organization)"))
        )
        row.services += 1
        name = str(service.get("name"))
        places = locations_of.get(sid, set()) | sal_of.get(sid, set())
        if not (service.get("eligibility_description") or service.get("minimum_age") is not None
                or service.get("maximum_age") is not None or sid in stated):  # fmt: skip
            row.listings["no_eligibility"].append(name)
        if sid not in hours and not places & hours:
            row.listings["no_hours"].append(name)
        if sid not in phones and not places & phones and (org_id or "") not in phones:
            row.listings["no_phone"].append(name)
        verified = str(service.get("assured_date") or service.get("last_modified") or "")[:10]
        try:
            stale = (as_of - date.fromisoformat(verified)).days > STALE_DAYS
        except ValueError:
            stale = True
        if stale:
            row.listings["stale"].append(f"{name} ({verified or 'never dated'})")
    return sorted(out.values(), key=lambda r: (-sum(len(v) for v in r.listings.values()), r.name))

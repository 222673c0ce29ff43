"""Building HSDS rows from a compact description of a service (used by the sample and the synthesizer).

One ``ServiceSpec`` becomes an organization, a service, a location with its address, the
link between them, a phone, a weekly schedule, languages, required documents, and the
attributes carrying needs and structured eligibility, all with stable UUIDv5 ids.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from .eligibility import TERM_BY_CODE, taxonomy_rows
from .model import Directory
from .needs import BY_CODE, NAMESPACE, TAXONOMY_NAME

DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


@dataclass(frozen=True)
class ServiceSpec:
    key: str
    organization: str
    name: str
    description: str
    needs: tuple[str, ...]
    address: str
    city: str
    state: str
    zip: str
    lat: float | None  # None (with lon): a remote service, by phone or online, at a virtual location
    lon: float | None
    phone: str
    eligibility: tuple[tuple[str, str], ...] = ()  # (term code, value)
    min_age: int | None = None
    max_age: int | None = None
    eligibility_description: str | None = None
    documents: tuple[str, ...] = ()
    languages: tuple[tuple[str, str], ...] = (("English", "en"),)
    hours: tuple[str, str, str] | None = ("MO,TU,WE,TH,FR", "09:00:00", "17:00:00")
    walk_in: bool = False
    cost: str | None = "Free"
    areas: tuple[str, ...] = ()  # HSDS service areas, e.g. ("Pennsylvania",)
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def remote(self) -> bool:
        return self.lat is None or self.lon is None


def uid(*parts: str) -> str:
    return str(uuid.uuid5(NAMESPACE, "/".join(parts)))


def add_service(directory: Directory, spec: ServiceSpec) -> None:
    k = spec.key
    org_id, svc_id, loc_id, sal_id = uid(k, "org"), uid(k, "service"), uid(k, "location"), uid(k, "sal")
    directory.add("organization", {"id": org_id, "name": spec.organization, "description": spec.description})
    directory.add(
        "service",
        {
            "id": svc_id,
            "organization_id": org_id,
            "name": spec.name,
            "description": spec.description,
            "status": "active",
            "eligibility_description": spec.eligibility_description,
            "minimum_age": spec.min_age,
            "maximum_age": spec.max_age,
            "fees_description": spec.cost,
            **spec.extra,
        },
    )
    _add_location(directory, spec, org_id, loc_id)
    directory.add("service_at_location", {"id": sal_id, "service_id": svc_id, "location_id": loc_id})
    for area in spec.areas:
        directory.add("service_area", {"id": uid(k, "area", area), "service_id": svc_id, "name": area})
    _add_contact(directory, spec, svc_id)
    _add_terms(directory, spec, svc_id)


def _add_location(directory: Directory, spec: ServiceSpec, org_id: str, loc_id: str) -> None:
    """Where the service is: a place with its street address, or virtual (by phone or online)."""
    k = spec.key
    directory.add(
        "location",
        {
            "id": loc_id,
            "location_type": "virtual" if spec.remote else "physical",
            "organization_id": org_id,
            "name": spec.name,
            "latitude": spec.lat,
            "longitude": spec.lon,
        },
    )
    if not spec.remote:
        directory.add(
            "address",
            {
                "id": uid(k, "address"),
                "location_id": loc_id,
                "address_1": spec.address,
                "city": spec.city,
                "state_province": spec.state,
                "postal_code": spec.zip,
                "country": "US",
                "address_type": "physical",
            },
        )


def _add_contact(directory: Directory, spec: ServiceSpec, svc_id: str) -> None:
    """How to reach the service: its phone, weekly hours and languages."""
    k = spec.key
    directory.add("phone", {"id": uid(k, "phone"), "service_id": svc_id, "number": spec.phone, "type": "voice"})
    if spec.hours:
        days, opens, closes = spec.hours
        directory.add(
            "schedule",
            {
                "id": uid(k, "schedule"),
                "service_id": svc_id,
                "freq": "WEEKLY",
                "byday": days,
                "opens_at": opens,
                "closes_at": closes,
                "attending_type": "walk-in" if spec.walk_in else None,
            },
        )
    for name, code in spec.languages:
        directory.add("language", {"id": uid(k, "language", code), "service_id": svc_id, "name": name, "code": code})


def _add_terms(directory: Directory, spec: ServiceSpec, svc_id: str) -> None:
    """What the service asks: documents, cost, and the needs and eligibility terms it is linked to."""
    k = spec.key
    for text in spec.documents:
        directory.add("required_document", {"id": uid(k, "document", text), "service_id": svc_id, "document": text})
    if spec.cost == "Free":
        directory.add(
            "cost_option",
            {"id": uid(k, "cost"), "service_id": svc_id, "option": "Free", "currency": "USD", "amount": 0},
        )
    links: list[tuple[str, str | None]] = [(BY_CODE[n].term_id, None) for n in spec.needs]
    links += [(TERM_BY_CODE[code].term_id, value) for code, value in spec.eligibility]
    for term_id, value in links:
        directory.add(
            "attribute",
            {
                "id": uid(k, "attribute", term_id, value or ""),
                "link_id": svc_id,
                "link_entity": "service",
                "link_type": TAXONOMY_NAME if value is None else "eligibility",
                "taxonomy_term_id": term_id,
                "value": value,
            },
        )


def new_directory() -> Directory:
    """An empty directory holding our two taxonomies."""
    directory = Directory()
    for table, rows in taxonomy_rows().items():
        for row in rows:
            directory.add(table, row)
    return directory

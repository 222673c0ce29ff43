"""HSDS JSON: services as nested ``service_full`` objects (the shape of the HSDS API), in and out.

Import validates each service against the spec's JSON Schema (``hsds/schema/service.json``,
draft 2020-12, ``$ref`` by file name), then flattens it into tables; an entity nested in many
places (a location shared by services) must be identical everywhere. Export nests every row
under each parent it points at, writing every field it has, so flattening is exact. Only rows
reachable from a service travel in JSON; the tabular package carries everything.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any, Final

from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from .model import Directory, Row
from .spec import hsds_file, tables
from .validate import InvalidDirectory, Origin, Problem, check_keys, parse_row

#: (parent table, JSON key) -> (child table, field): an array of children whose ``field`` is the parent's id.
ARRAYS: Final[dict[tuple[str, str], tuple[str, str]]] = {
    ("service", "phones"): ("phone", "service_id"),
    ("service", "schedules"): ("schedule", "service_id"),
    ("service", "service_areas"): ("service_area", "service_id"),
    ("service", "service_at_locations"): ("service_at_location", "service_id"),
    ("service", "languages"): ("language", "service_id"),
    ("service", "funding"): ("funding", "service_id"),
    ("service", "cost_options"): ("cost_option", "service_id"),
    ("service", "required_documents"): ("required_document", "service_id"),
    ("service", "contacts"): ("contact", "service_id"),
    ("service", "additional_urls"): ("url", "service_id"),
    ("service_at_location", "service_areas"): ("service_area", "service_at_location_id"),
    ("service_at_location", "contacts"): ("contact", "service_at_location_id"),
    ("service_at_location", "phones"): ("phone", "service_at_location_id"),
    ("service_at_location", "schedules"): ("schedule", "service_at_location_id"),
    ("location", "languages"): ("language", "location_id"),
    ("location", "addresses"): ("address", "location_id"),
    ("location", "contacts"): ("contact", "location_id"),
    ("location", "accessibility"): ("accessibility", "location_id"),
    ("location", "phones"): ("phone", "location_id"),
    ("location", "schedules"): ("schedule", "location_id"),
    ("organization", "additional_websites"): ("url", "organization_id"),
    ("organization", "funding"): ("funding", "organization_id"),
    ("organization", "contacts"): ("contact", "organization_id"),
    ("organization", "phones"): ("phone", "organization_id"),
    ("organization", "programs"): ("program", "organization_id"),
    ("organization", "organization_identifiers"): ("organization_identifier", "organization_id"),
    ("contact", "phones"): ("phone", "contact_id"),
    ("phone", "languages"): ("language", "phone_id"),
}

#: (parent table, JSON key) -> (child table, parent field): one nested object the parent's field points at.
OBJECTS: Final[dict[tuple[str, str], tuple[str, str]]] = {
    ("service", "organization"): ("organization", "organization_id"),
    ("service", "program"): ("program", "program_id"),
    ("service_at_location", "location"): ("location", "location_id"),
    ("attribute", "taxonomy_term"): ("taxonomy_term", "taxonomy_term_id"),
    ("taxonomy_term", "taxonomy_detail"): ("taxonomy", "taxonomy_id"),
}

#: Fields a nested object takes from its parent when it lacks them (a service's program belongs to
#: the service's organization; the tabular schema requires program.organization_id, the JSON one does not).
INHERIT: Final[dict[tuple[str, str], dict[str, str]]] = {("service", "program"): {"organization_id": "organization_id"}}

#: Tables whose JSON objects carry ``attributes`` (linked by link_id / link_entity).
WITH_ATTRIBUTES: Final = frozenset({"service", "service_at_location", "location", "organization"})
#: Keys of the spec's JSON we do not carry (see spec.SKIPPED).
IGNORED: Final = frozenset({"metadata", "capacities", "locations"})


@cache
def validator() -> Draft202012Validator:
    names = [t for t in tables()] + ["service_capacity", "unit", "metadata"]
    registry: Registry[Any] = Registry().with_resources(
        (
            f"{n}.json",
            Resource.from_contents(json.loads(hsds_file(f"schema/{n}.json")), default_specification=DRAFT202012),
        )
        for n in names
    )
    return Draft202012Validator(json.loads(hsds_file("schema/service.json")), registry=registry)


class _Flattener:
    def __init__(self, file: str) -> None:
        self.file = file
        self.directory = Directory()
        self.seen: dict[tuple[str, str], Row] = {}
        self.origin: Origin = {}
        self.problems: list[Problem] = []

    def add(self, table: str, obj: dict[str, Any], number: int, path: str) -> str:
        """Flatten ``obj`` (a ``table`` entity) and its nested entities; returns its id."""
        flat: dict[str, object] = {}
        nested: list[tuple[str, Any]] = []
        for key, value in obj.items():
            if (table, key) in ARRAYS or (table, key) in OBJECTS or key == "attributes" or key in IGNORED:
                nested.append((key, value))
            else:
                flat[key] = value
        for key, value in sorted(nested, key=lambda kv: kv[0] != "organization"):
            if (table, key) in OBJECTS and isinstance(value, dict):
                child, field = OBJECTS[(table, key)]
                inherited = {
                    k: flat.get(v) for k, v in INHERIT.get((table, key), {}).items() if flat.get(v) is not None
                }
                flat[field] = self.add(child, {**inherited, **value}, number, f"{path}.{key}")
        row, problems = parse_row(tables()[table], flat, self.file, number)
        self.problems.extend(
            Problem(p.file, p.row, f"{path}.{p.field}" if p.field else path, p.reason) for p in problems
        )
        key_id = str(row["id"])
        previous = self.seen.get((table, key_id))
        if previous is None:
            self.seen[(table, key_id)] = row
            self.origin[(table, f"#{len(self.directory.rows(table))}")] = (self.file, number)
            self.directory.rows(table).append(row)
        else:
            self.merge(table, key_id, previous, row, number, path)
        for key, value in nested:
            if (table, key) in ARRAYS and isinstance(value, list):
                child, field = ARRAYS[(table, key)]
                for index, item in enumerate(value):
                    self.add(child, {field: key_id, **item}, number, f"{path}.{key}[{index}]")
            elif key == "attributes" and isinstance(value, list):
                for index, item in enumerate(value):
                    self.add(
                        "attribute", {"link_id": key_id, "link_entity": table, **item}, number, f"{path}.{key}[{index}]"
                    )
        return key_id

    def merge(self, table: str, key_id: str, previous: Row, row: Row, number: int, path: str) -> None:
        """One entity nested in several places: its copies' fields combine (a phone nested under a
        service and a location has both ids); a field with two different values is a problem."""
        for name, value in row.items():
            if value is None or previous[name] == value:
                continue
            if previous[name] is None:
                previous[name] = value
            else:
                reason = f"{table} {key_id!r} has {name} {previous[name]!r} elsewhere, {value!r} here"
                self.problems.append(Problem(self.file, number, f"{path}.{name}", reason))


def read_json(file: Path) -> Directory:
    """Read HSDS JSON: one service, a list of services, or an API page (``{"contents": [...]}``)."""
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as failure:
        raise InvalidDirectory([Problem(str(file), None, None, f"not readable JSON: {failure}")]) from None
    if isinstance(data, dict) and isinstance(data.get("contents"), list):
        data = data["contents"]
    services = data if isinstance(data, list) else [data]
    flattener = _Flattener(file.name)
    for number, service in enumerate(services, start=1):
        errors = sorted(validator().iter_errors(service), key=lambda e: list(e.absolute_path))
        for found in errors:
            where = "service" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in found.absolute_path)
            flattener.problems.append(Problem(file.name, number, where, found.message))
        if not errors:
            flattener.add("service", service, number, "service")
    flattener.problems.extend(check_keys(flattener.directory, flattener.origin))
    if flattener.problems:
        raise InvalidDirectory(flattener.problems)
    return flattener.directory


def _object(directory: Directory, table: str, row: Row, index: dict[tuple[str, str, str], list[Row]]) -> dict[str, Any]:
    out: dict[str, Any] = {k: v for k, v in row.items() if v is not None}
    for (parent, key), (child, field) in OBJECTS.items():
        target = row.get(field)
        if parent == table and target is not None:
            found = index.get((child, "id", str(target)))
            if found:
                out[key] = _object(directory, child, found[0], index)
    for (parent, key), (child, field) in ARRAYS.items():
        if parent == table:
            kids = index.get((child, field, str(row["id"])), [])
            if kids:
                out[key] = [_object(directory, child, kid, index) for kid in kids]
    if table in WITH_ATTRIBUTES:
        kids = [
            a
            for a in index.get(("attribute", "link_id", str(row["id"])), [])
            if a.get("link_entity") == table or a.get("link_entity") not in tables()
        ]
        if kids:
            out["attributes"] = [_object(directory, "attribute", a, index) for a in kids]
    return out


def to_json(directory: Directory) -> list[dict[str, Any]]:
    """Every service as a nested ``service_full`` object."""
    index: dict[tuple[str, str, str], list[Row]] = {}
    for name, rows in directory:
        keys = {"id", "link_id"} | {f.field for f in tables()[name].foreign_keys}
        for row in rows:
            for key in keys:
                if row.get(key) is not None:
                    index.setdefault((name, key, str(row[key])), []).append(row)
    return [_object(directory, "service", s, index) for s in directory.rows("service")]


def write_json(directory: Directory, file: Path) -> Path:
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(json.dumps(to_json(directory), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return file

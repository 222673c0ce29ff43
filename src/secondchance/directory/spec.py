"""The HSDS 3 tables, read from the specification's own ``datapackage.json`` (shipped in ``hsds/``).

Reading the spec's descriptor rather than restating it keeps import validation, export and the
database tables in step with one source: a field the spec adds is a data change here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from typing import Any, Final, Literal

FieldType = Literal["string", "number", "date", "datetime", "time"]

#: Tables of the spec we do not carry: change logs and capacity units (not needed for referral).
SKIPPED: Final = frozenset({"metadata", "meta_table_description", "service_capacity", "unit"})

#: The order tables are loaded in so that every foreign key points at a table already loaded.
LOAD_ORDER: Final = (
    "taxonomy",
    "taxonomy_term",
    "organization",
    "organization_identifier",
    "program",
    "service",
    "location",
    "service_at_location",
    "contact",
    "phone",
    "address",
    "schedule",
    "service_area",
    "language",
    "accessibility",
    "cost_option",
    "required_document",
    "funding",
    "url",
    "attribute",
)


@dataclass(frozen=True)
class FieldSpec:
    name: str
    type: FieldType
    required: bool
    enum: tuple[str, ...] = ()
    description: str = ""


@dataclass(frozen=True)
class ForeignKey:
    field: str
    table: str


@dataclass(frozen=True)
class TableSpec:
    name: str
    path: str
    fields: tuple[FieldSpec, ...]
    foreign_keys: tuple[ForeignKey, ...]

    @cached_property
    def field_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    @cached_property
    def field_set(self) -> frozenset[str]:
        """The field names as a set (checked once per cell of a large import)."""
        return frozenset(self.field_names)

    def field(self, name: str) -> FieldSpec:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(name)


def hsds_file(name: str) -> str:
    return resources.files("secondchance.directory").joinpath("hsds", name).read_text(encoding="utf-8")


@cache
def datapackage() -> dict[str, Any]:
    """The spec's tabular data package descriptor."""
    loaded: dict[str, Any] = json.loads(hsds_file("datapackage.json"))
    return loaded


@cache
def tables() -> dict[str, TableSpec]:
    """Every carried table by name, in ``LOAD_ORDER``."""
    found: dict[str, TableSpec] = {}
    for resource in datapackage()["resources"]:
        if resource["name"] in SKIPPED:
            continue
        schema = resource["schema"]
        fields = tuple(
            FieldSpec(
                name=f["name"],
                type=f["type"],
                required=bool(f.get("constraints", {}).get("required", False)),
                enum=tuple(f.get("constraints", {}).get("enum", ())),
                description=f.get("description", ""),
            )
            for f in schema["fields"]
        )
        keys = tuple(
            ForeignKey(k["fields"], k["reference"]["resource"])
            for k in schema.get("foreignKeys", [])
            if k["reference"]["resource"] not in SKIPPED
        )
        found[resource["name"]] = TableSpec(resource["name"], resource["path"], fields, keys)
    missing = set(found) ^ set(LOAD_ORDER)
    if missing:
        raise RuntimeError(f"LOAD_ORDER out of step with datapackage.json: {sorted(missing)}")
    return {name: found[name] for name in LOAD_ORDER}

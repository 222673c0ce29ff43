"""The database tables: one per HSDS table (from the spec), and the search index.

HSDS text, dates and times are stored as text (their ISO form, so a round trip is exact),
numbers as floats. ``search_entry`` is one row per service at a location, denormalised for
search: a coarse geo ``cell`` and lat/lon (an index prefilters a bounding box; all three null
for a remote service, found from any place), a needs
bit mask, and the service's requirements as JSON so matching needs no further query.
Text search is SQLite FTS5 (``search_fts``) or a PostgreSQL ``tsvector`` column, both made
by the migration (``migrations/versions``), not by this metadata.
"""

from __future__ import annotations

import math
from typing import Final

from sqlalchemy import BigInteger, Column, Float, ForeignKey, Index, Integer, MetaData, Table, Text

from ..directory.spec import tables as hsds_tables

metadata = MetaData()

#: Grid size of the geo cells in degrees (about 17 miles of latitude): a 25-mile search reads ~20 cells.
CELL_DEGREES: Final = 0.25
CELL_COLUMNS: Final = 1440  # 360 / CELL_DEGREES


def cell_of(lat: float | None, lon: float | None) -> int | None:
    if lat is None or lon is None:
        return None
    return math.floor((lat + 90) / CELL_DEGREES) * CELL_COLUMNS + math.floor((lon + 180) / CELL_DEGREES)


def _hsds_table(name: str) -> Table:
    spec = hsds_tables()[name]
    keys = {fk.field: fk.table for fk in spec.foreign_keys}
    columns: list[Column[object]] = []
    for field in spec.fields:
        kind = Float() if field.type == "number" else Text()
        if field.name == "id":
            columns.append(Column("id", Text(), primary_key=True))
        elif field.name in keys:
            columns.append(Column(field.name, Text(), ForeignKey(f"hsds_{keys[field.name]}.id"), index=True))
        else:
            columns.append(Column(field.name, kind, nullable=True))
    return Table(f"hsds_{name}", metadata, *columns)


HSDS: Final[dict[str, Table]] = {name: _hsds_table(name) for name in hsds_tables()}
Index("ix_hsds_attribute_link_id", HSDS["attribute"].c.link_id)

search_entry = Table(
    "search_entry",
    metadata,
    Column("entry_id", Integer, primary_key=True, autoincrement=True),
    Column("service_at_location_id", Text, nullable=False, unique=True),
    Column("service_id", Text, nullable=False, index=True),
    Column("location_id", Text, nullable=False),
    Column("cell", Integer),  # cell, lat and lon are null for a remote service (by phone or online)
    Column("lat", Float),
    Column("lon", Float),
    Column("needs", BigInteger, nullable=False),
    Column("status", Text, nullable=False),
    Column("name", Text, nullable=False),
    Column("organization", Text),
    Column("address", Text),
    Column("phone", Text),
    Column("timezone", Text),
    Column("languages", Text),  # comma-separated codes
    Column("schedules", Text),  # JSON [[byday, opens_at, closes_at, walk_in], ...]
    Column("requirements", Text, nullable=False),  # JSON, eligibility.Requirements
    Column("fees", Text),
    Column("body", Text, nullable=False),  # the text searched: name, organization, description
    Column("url", Text),
    Column("area", Text),  # the HSDS service areas' names, "; "-joined
)
Index("ix_search_entry_cell_lat_lon", search_entry.c.cell, search_entry.c.lat, search_entry.c.lon)

"""``search.entries`` by joins on whole columns (``entries_frame``): one search row per service at
a placed (or virtual) location, each column found as ``search.entries`` finds it. A service's
requirements are built by ``eligibility.requirements`` once per distinct set of the rows that
decide them (a directory repeats itself: a million services have a few thousand such sets).
"""

from __future__ import annotations

import json
from collections.abc import Callable

import polars as pl

from .columnar_read import Frames
from .eligibility import TERM_BY_ID, requirements
from .geo import zip_timezone
from .match import language_code
from .model import Row, number
from .needs import BIT, BY_TERM_ID

SEP, END, NULL = "\x1f", "\x1e", "\x00"  # joining a service's deciding rows into one comparable string
ATTRIBUTE_FIELDS = ("taxonomy_term_id", "label", "value")
OWN_FIELDS = ("eligibility_description", "assured_date", "last_modified", "minimum_age", "maximum_age")


def entries_frame(frames: Frames, timezone_of: Callable[[str], str | None] = zip_timezone) -> pl.DataFrame:
    """``search.entries`` by joins: one row per service at a placed (or virtual) location."""
    rows = _placed(frames)
    rows = rows.join(_needs(frames["attribute"]), on="sid", how="left", maintain_order="left").with_columns(
        pl.col("needs").fill_null(0)
    )
    rows = rows.join(_requirements(frames), on="sid", how="left", maintain_order="left")
    rows = _with_address(rows, frames["address"], timezone_of)
    rows = _by_owner(rows, _phones(frames["phone"]), "phone")
    rows = _by_owner(rows, _schedules(frames["schedule"]), "schedules")
    rows = _by_owner(rows, _areas(frames["service_area"]), "area", keys=("said", "sid"))
    rows = rows.join(_fees(frames["cost_option"]), on="sid", how="left", maintain_order="left")
    return _entry_columns(rows)


def _placed(frames: Frames) -> pl.DataFrame:
    """Each service at a location, with the service's (``s_``), location's (``l_``) and organization's
    columns, kept if the location is virtual or has coordinates."""
    service, location, org = frames["service"], frames["location"], frames["organization"]
    sal = frames["service_at_location"].select(
        pl.col("id").alias("said"), pl.col("service_id").alias("sid"), pl.col("location_id").alias("lid")
    )
    # only the columns the search row reads: a join gathers every column it carries, a million times
    service = service.select(
        pl.col("id").alias("sid"),
        *(
            pl.col(c).alias(f"s_{c}")
            for c in ("organization_id", "name", "description", "status", "fees_description", "url")
        ),
    )
    location = location.select(
        pl.col("id").alias("lid"),
        *(pl.col(c).alias(f"l_{c}") for c in ("location_type", "latitude", "longitude", "url")),
    )
    return (
        sal.join(service, on="sid", how="inner", maintain_order="left")
        .join(location, on="lid", how="inner", maintain_order="left")
        .with_columns(remote=(pl.col("l_location_type") == "virtual").fill_null(False))
        .filter(pl.col("remote") | (pl.col("l_latitude").is_not_null() & pl.col("l_longitude").is_not_null()))
        .join(
            org.select(pl.col("id").alias("s_organization_id"), pl.col("name").alias("org_name"), has_org=pl.lit(True)),
            on="s_organization_id",
            how="left",
            maintain_order="left",
        )
        .with_columns(pl.col("has_org").fill_null(False))  # the join's mark: no ``is_in`` hashing the ids again
    )


def _needs(attribute: pl.DataFrame) -> pl.DataFrame:
    """Each service's needs as the sum of their bits."""
    attribute = attribute.filter(pl.col("link_entity").is_null() | (pl.col("link_entity") == "service"))
    bits = pl.DataFrame(
        {"taxonomy_term_id": list(BY_TERM_ID), "bit": [BIT[n.code] for n in BY_TERM_ID.values()]},
        schema={"taxonomy_term_id": pl.Utf8, "bit": pl.Int64},
    )
    return (
        attribute.join(bits, on="taxonomy_term_id", how="inner")
        .select(pl.col("link_id").fill_null("None").alias("sid"), "bit")
        .unique()
        .group_by("sid")
        .agg(pl.col("bit").sum().alias("needs"))
    )


def _first(frame: pl.DataFrame, key: str, value: pl.Expr, name: str) -> pl.DataFrame:
    return (
        frame.filter(pl.col(key).is_not_null())
        .select(pl.col(key).alias("_key"), value.alias(name))
        .unique("_key", keep="first", maintain_order=True)
    )


def _with_address(rows: pl.DataFrame, address: pl.DataFrame, timezone_of: Callable[[str], str | None]) -> pl.DataFrame:
    """The location's first address as one line (``line``), and the time zone of its ZIP code."""
    line = pl.concat_str(
        [pl.col(c) for c in ("address_1", "city", "state_province", "postal_code")], separator=", ", ignore_nulls=True
    )
    first_address = _first(address, "location_id", pl.struct(line=line, zip=pl.col("postal_code")), "a").unnest("a")
    rows = rows.join(first_address.rename({"_key": "lid"}), on="lid", how="left", maintain_order="left")
    zips = rows.filter(pl.col("line").is_not_null())["zip"].fill_null("None").unique().to_list()
    zones = pl.DataFrame(
        {"_zip": zips, "timezone": [timezone_of(z) for z in zips]}, schema={"_zip": pl.Utf8, "timezone": pl.Utf8}
    )
    return rows.with_columns(
        _zip=pl.when(pl.col("line").is_not_null()).then(pl.col("zip").fill_null("None")),
    ).join(zones, on="_zip", how="left", maintain_order="left")


def _fees(cost: pl.DataFrame) -> pl.DataFrame:
    """Each service's first cost option, as text."""
    fee_text = [
        str(o or d or (number(a) if a is not None else None))
        for o, d, a in zip(
            cost["option"].to_list(), cost["amount_description"].to_list(), cost["amount"].to_list(), strict=True
        )
    ]
    return (
        cost.select(pl.col("service_id").alias("sid"), fee=pl.Series(fee_text, dtype=pl.Utf8))
        .filter(pl.col("sid").is_not_null())
        .unique("sid", keep="first", maintain_order=True)
    )


def _entry_columns(rows: pl.DataFrame) -> pl.DataFrame:
    """The ``search_entry`` columns, in ``search.Entry``'s order."""
    body = pl.concat_str(
        [pl.col("s_name"), pl.when(pl.col("has_org")).then(pl.col("org_name")), pl.col("s_description")],
        separator=" ",
        ignore_nulls=True,
    )
    return rows.select(
        service_at_location_id="said",
        service_id="sid",
        location_id="lid",
        lat=pl.when(~pl.col("remote")).then(pl.col("l_latitude")),
        lon=pl.when(~pl.col("remote")).then(pl.col("l_longitude")),
        needs="needs",
        status=pl.col("s_status").fill_null("None"),
        name=pl.col("s_name").fill_null("None"),
        organization=pl.when(pl.col("has_org")).then(pl.col("org_name").fill_null("None")),
        address="line",
        phone="phone",
        timezone="timezone",
        languages="languages",
        schedules="schedules",
        requirements="requirements",
        fees=pl.coalesce("fee", "s_fees_description"),
        body=body,
        url=pl.coalesce("s_url", "l_url"),
        area="area",
    )


def _by_owner(
    rows: pl.DataFrame, values: pl.DataFrame, name: str, keys: tuple[str, ...] = ("said", "sid", "lid")
) -> pl.DataFrame:
    """The first of ``keys`` that ``values`` (``_key``, ``name``) has, as ``search.entries`` looks up."""
    parts = []
    for key in keys:
        joined = rows.select(key).join(values, left_on=key, right_on="_key", how="left", maintain_order="left")
        parts.append(joined[name].alias(f"_{key}"))
    return rows.with_columns(pl.coalesce(parts).alias(name))


def _phones(phone: pl.DataFrame) -> pl.DataFrame:
    """Each owner id's first phone number (a phone row counts for its service, place and location)."""
    stacked = pl.concat(
        [
            phone.with_row_index("_row").select(
                "_row", pl.lit(order).alias("_col"), pl.col(key).alias("_key"), "number"
            )
            for order, key in enumerate(("service_id", "service_at_location_id", "location_id"))
        ]
    )
    return (
        stacked.filter(pl.col("_key").is_not_null())
        .sort("_row", "_col")
        .unique("_key", keep="first", maintain_order=True)
        .select("_key", phone=pl.col("number").fill_null("None"))
    )


def _schedules(schedule: pl.DataFrame) -> pl.DataFrame:
    """Each owner's hours as ``search.entries`` writes them (JSON of [byday, opens, closes, walk_in])."""
    owner = pl.coalesce("service_at_location_id", "service_id", "location_id").fill_null("None")
    walk = pl.col("attending_type").fill_null("").str.to_lowercase().str.contains("walk", literal=True)
    parts = schedule.select(_key=owner, byday="byday", opens_at="opens_at", closes_at="closes_at", walk=walk)
    distinct = parts.select("byday", "opens_at", "closes_at", "walk").unique()
    encoded = distinct.with_columns(
        item=pl.Series(
            [json.dumps([b, o, c, w]) for b, o, c, w in distinct.iter_rows()],
            dtype=pl.Utf8,
        )
    )
    return (
        parts.join(
            encoded, on=["byday", "opens_at", "closes_at", "walk"], how="left", nulls_equal=True, maintain_order="left"
        )
        .group_by("_key")  # looked up by key: the groups' order does not matter, each group's rows keep theirs
        .agg(schedules=pl.lit("[") + pl.col("item").str.join(", ") + pl.lit("]"))
    )


def _areas(area: pl.DataFrame) -> pl.DataFrame:
    owner = pl.coalesce("service_at_location_id", "service_id")
    return (
        area.filter(owner.is_not_null() & pl.col("name").is_not_null())
        .select(_key=owner, name="name")
        .group_by("_key")  # looked up by key: the groups' order does not matter, each group's rows keep theirs
        .agg(area=pl.col("name").str.join("; "))
    )


def _requirements(frames: Frames) -> pl.DataFrame:
    """Each service's requirements JSON and language codes, built once per distinct set of deciding rows."""
    keyed = _deciding_rows(frames)
    signature = [*OWN_FIELDS, "attrs", "docs", "langs"]
    # the services of each distinct set found in one pass (not a ``unique`` and a join back, both hashing the sets)
    groups = keyed.group_by(signature, maintain_order=True).agg("sid")
    return _decide(groups.select(signature)).select("requirements", "languages", groups["sid"]).explode("sid")


def _deciding_rows(frames: Frames) -> pl.DataFrame:
    """Each service's own deciding fields and its attributes, documents and languages, each set
    joined into one string (``attrs``, ``docs``, ``langs``) so equal sets compare equal."""
    # only the attributes ``requirements`` reads: eligibility terms, and needs with a label (where the
    # need was read from); the rest (most: a need with no label) would only multiply the distinct sets
    attribute = frames["attribute"].filter(
        (pl.col("link_entity").is_null() | (pl.col("link_entity") == "service"))
        & (
            pl.col("taxonomy_term_id").is_in(list(TERM_BY_ID))
            | (pl.col("taxonomy_term_id").is_in(list(BY_TERM_ID)) & pl.col("label").is_not_null())
        )
    )
    attrs = _joined(
        attribute.select(
            sid=pl.col("link_id").fill_null("None"),
            part=pl.concat_str([pl.col(f).fill_null(NULL) for f in ATTRIBUTE_FIELDS], separator=SEP),
        ),
        "attrs",
    )
    docs = _joined(
        frames["required_document"].select(
            sid=pl.col("service_id").fill_null("None"), part=pl.col("document").fill_null(NULL)
        ),
        "docs",
    )
    langs = _joined(
        frames["language"]
        .filter(pl.col("service_id").is_not_null())
        .select(
            sid="service_id",
            part=pl.concat_str([pl.col("code").fill_null(NULL), pl.col("name").fill_null(NULL)], separator=SEP),
        ),
        "langs",
    )
    return (
        frames["service"]
        .select(pl.col("id").fill_null("None").alias("sid"), *OWN_FIELDS)
        .join(attrs, on="sid", how="left", maintain_order="left")
        .join(docs, on="sid", how="left", maintain_order="left")
        .join(langs, on="sid", how="left", maintain_order="left")
    )


def _joined(parts: pl.DataFrame, name: str) -> pl.DataFrame:
    """Each ``sid``'s ``part`` strings joined, in row order."""
    return parts.group_by("sid").agg(pl.col("part").str.join(END).alias(name))  # rows keep their order in a group


def _decide(distinct: pl.DataFrame) -> pl.DataFrame:
    """``distinct`` with the requirements JSON and language codes that each set of rows decides."""
    built_json, built_langs = [], []
    for values in distinct.iter_rows():
        row: Row = dict(zip(OWN_FIELDS, values[:5], strict=True))
        for key in ("minimum_age", "maximum_age"):
            if row[key] is not None:
                row[key] = number(row[key])  # type: ignore[arg-type]
        req = requirements(
            row,
            _split(values[5], ATTRIBUTE_FIELDS),
            _split(values[6], ("document",)),
            _split(values[7], ("code", "name")),
        )
        built_json.append(json.dumps(req.to_json(), sort_keys=True))
        built_langs.append(",".join(sorted({language_code(x) for x in req.languages})) or None)
    return distinct.with_columns(
        requirements=pl.Series(built_json, dtype=pl.Utf8), languages=pl.Series(built_langs, dtype=pl.Utf8)
    )


def _split(joined: str | None, names: tuple[str, ...]) -> list[Row]:
    if joined is None:
        return []
    out: list[Row] = []
    for part in joined.split(END):
        values = part.split(SEP)
        out.append({k: None if v == NULL else v for k, v in zip(names, values, strict=True)})
    return out

"""The import of a large HSDS 3 tabular package, column by column (polars), for a million services.

``read_package`` + ``infer.enrich`` + ``search.entries`` check and read one Python dict per cell:
about 20 minutes for 1M services. This module does the same work on whole columns and gives the
same answers (tests compare the two on the fixtures and on synthetic packages):

- ``read_frames``: every check of ``validate`` (required fields, numbers, ISO dates and times, enums,
  coordinates on the globe, unknown fields, unique ids, keys that resolve), found for whole columns;
  the per-row report is then written by ``validate.parse_row`` for just the rows found bad, so its
  words are the same, and no bad row is dropped: any problem refuses the import, listing each one.
  A file polars cannot parse as a table (a row with more cells than the header) is read again by
  ``read_package``, which names the row.
- ``enrich_frames``: ``infer.enrich_services`` on the services that state no needs or eligibility,
  with each distinct text read once (a directory repeats its words: one read per distinct text).
- ``entries_frame``: the ``search_entry`` rows of ``search.entries`` by joins; a service's
  requirements are built by ``eligibility.requirements`` once per distinct set of rows that decide them.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime, time
from functools import lru_cache
from pathlib import Path

import polars as pl

from . import eligibility_text
from .eligibility import TERM_BY_ID, requirements
from .geo import zip_timezone
from .infer import FIELD_KINDS, Inferred, Source, attribute_row, enrich_services, needs_for, read_service, sources_of
from .match import language_code
from .model import Directory, Row, number
from .needs import BIT, BY_TERM_ID
from .spec import TableSpec, tables
from .tabular import read_package, table_paths
from .validate import RANGES, InvalidDirectory, Problem, parse_row

Frames = dict[str, pl.DataFrame]
ISO_PARSERS: dict[str, Callable[[str], object]] = {
    "date": date.fromisoformat,
    "time": time.fromisoformat,
    "datetime": datetime.fromisoformat,
}


def empty_frame(spec: TableSpec) -> pl.DataFrame:
    return pl.DataFrame(schema={f.name: pl.Float64 if f.type == "number" else pl.Utf8 for f in spec.fields})


def frames_of(directory: Directory) -> Frames:
    """A directory's rows as typed frames (every spec column, in order)."""
    out: Frames = {}
    for name, spec in tables().items():
        rows = directory.rows(name)
        schema = {f.name: pl.Float64 if f.type == "number" else pl.Utf8 for f in spec.fields}
        data = {f.name: [_cell(r.get(f.name), f.type) for r in rows] for f in spec.fields}
        out[name] = pl.DataFrame(data, schema=schema)
    return out


def _cell(value: object, kind: str) -> object:
    if value is None:
        return None
    return float(value) if kind == "number" else str(value)  # type: ignore[arg-type]


def directory_of(frames: Frames) -> Directory:
    """Frames back to a directory (numbers as ``number`` makes them, as ``read_package`` would)."""
    directory = Directory()
    for name, frame in frames.items():
        if name not in tables():
            continue
        numbers = [f.name for f in tables()[name].fields if f.type == "number"]
        for row in frame.to_dicts():
            for key in numbers:
                if row[key] is not None:
                    row[key] = number(row[key])
            directory.rows(name).append(row)
    return directory


# ---------------------------------------------------------------------------------------- reading


def read_frames(folder: Path) -> Frames:
    """Read and check a package; raises ``InvalidDirectory`` listing every problem (``read_package``'s)."""
    if not folder.is_dir():
        raise InvalidDirectory([Problem(str(folder), None, None, "is not a folder")])
    frames: Frames = {}
    problems: list[Problem] = []
    paths: dict[str, str] = {}
    for name, path in table_paths(folder).items():
        file = folder / path
        if not file.exists():
            continue
        try:
            raw = pl.read_csv(file, infer_schema=False, empty_string_is_null=False, raise_if_empty=False)
        except (pl.exceptions.ComputeError, pl.exceptions.NoDataError, UnicodeDecodeError):
            return frames_of(read_package(folder))  # the row path names the row polars could not read
        raw = raw.rename({c: c.lstrip("\ufeff") for c in raw.columns[:1]})
        typed, found = _check_table(tables()[name], raw, path)
        frames[name], paths[name] = typed, path
        problems += found
    if not frames:
        problems.append(Problem(str(folder), None, None, "no HSDS CSV files (e.g. services.csv) found"))
    for name, spec in tables().items():
        frames.setdefault(name, empty_frame(spec))
    problems += _check_keys(frames, paths)
    if problems:
        raise InvalidDirectory(problems)
    return frames


def _check_table(spec: TableSpec, raw: pl.DataFrame, path: str) -> tuple[pl.DataFrame, list[Problem]]:
    """The typed table and the problems of its rows (found by column, worded by ``parse_row``)."""
    height = raw.height
    unknown = [c for c in raw.columns if c not in spec.field_set]
    bad = pl.repeat(bool(unknown), height, eager=True, dtype=pl.Boolean)
    columns: list[pl.Series] = []
    for field in spec.fields:
        if field.name not in raw.columns:
            bad = bad | field.required
            columns.append(
                pl.Series(field.name, [None] * height, dtype=pl.Float64 if field.type == "number" else pl.Utf8)
            )
            continue
        text = raw[field.name]
        present = text.str.strip_chars() != ""
        value = text.set(~present, None)
        if field.required:
            bad = bad | ~present
        if field.type == "number":
            parsed = value.cast(pl.Float64, strict=False)
            wrong = present & (parsed.is_null() | ~parsed.is_finite().fill_null(False))
            low_high = RANGES.get((spec.name, field.name))
            if low_high:
                wrong = wrong | ((parsed < low_high[0]) | (parsed > low_high[1])).fill_null(False)
            bad = bad | wrong
            columns.append(parsed.alias(field.name))
            continue
        if field.type in ISO_PARSERS:
            invalid = [v for v in value.drop_nulls().unique().to_list() if not _iso(field.type, v)]
            bad = bad | value.is_in(invalid).fill_null(False)
        if field.enum:
            bad = bad | (present & ~value.is_in(list(field.enum)).fill_null(False))
        columns.append(value.alias(field.name))
    typed = pl.DataFrame(columns)
    problems: list[Problem] = []
    indices = bad.arg_true().to_list()
    fixes: dict[str, list[tuple[int, object]]] = {}
    for index in indices:
        row, found = parse_row(spec, raw.row(index, named=True), path, index + 2)
        problems += found
        if not found:  # flagged by a column check that is stricter than Python's ("1_000", " 7 "): take Python's
            for field in spec.fields:
                if field.type == "number" and row[field.name] is not None:
                    fixes.setdefault(field.name, []).append((index, float(row[field.name])))  # type: ignore[arg-type]
    for name, values in fixes.items():
        typed = typed.with_columns(typed[name].scatter([i for i, _ in values], [v for _, v in values]))
    return typed, problems


def _iso(kind: str, text: str) -> bool:
    try:
        ISO_PARSERS[kind](text)
    except ValueError:
        return False
    return True


def _check_keys(frames: Frames, paths: dict[str, str]) -> list[Problem]:
    """``validate.check_keys`` by column: duplicate ids, and keys (and attribute links) that resolve."""
    problems: list[Problem] = []
    ids: dict[str, pl.Series] = {}
    for name, spec in tables().items():
        key = frames[name]["id"].fill_null("None")
        ids[name] = key
        for index in (~key.is_first_distinct()).arg_true().to_list():
            problems.append(
                Problem(paths.get(name, spec.path), index + 2, "id", f"duplicate id {key[index]!r} in {name}")
            )
    for name, spec in tables().items():
        frame = frames[name]
        path = paths.get(name, spec.path)
        found: list[tuple[int, Problem]] = []
        for fk in spec.foreign_keys:
            target = frame[fk.field]
            for index in (target.is_not_null() & ~target.is_in(ids[fk.table].implode())).arg_true().to_list():
                found.append((index, Problem(path, index + 2, fk.field, f"no {fk.table} with id {target[index]!r}")))
        if name == "attribute" and frame.height:
            entity, link = frame["link_entity"], frame["link_id"].fill_null("None")
            for table in entity.drop_nulls().unique().to_list():
                if table not in ids:
                    continue
                wrong = (entity == table).fill_null(False) & ~link.is_in(ids[table].implode())
                for index in wrong.arg_true().to_list():
                    found.append((index, Problem(path, index + 2, "link_id", f"no {table} with id {link[index]!r}")))
        problems += [p for _, p in sorted(found, key=lambda item: item[0])]
    return problems


# ---------------------------------------------------------------------------------------- needs and eligibility


def enrich_frames(frames: Frames, extra: dict[str, list[Source]] | None = None) -> tuple[Frames, list[Inferred]]:
    """``infer.enrich`` on frames: the same attributes added (and ages set), each distinct text read once."""
    attribute, service = frames["attribute"], frames["service"]
    term = attribute["taxonomy_term_id"].cast(pl.Utf8).fill_null("None")
    link = attribute["link_id"].fill_null("None")
    have_needs = set(link.filter(term.is_in(list(BY_TERM_ID))).to_list())
    have_eligibility = set(link.filter(term.is_in(list(TERM_BY_ID)) & ~term.is_in(list(BY_TERM_ID))).to_list())
    ids = service["id"].fill_null("None")
    todo = service.filter(~ids.is_in(list(have_needs)) | ~ids.is_in(list(have_eligibility)))
    if todo.height == 0:
        return frames, [
            Inferred(sid, name or "", kept_needs=True, kept_eligibility=True)
            for sid, name in zip(service["id"].to_list(), service["name"].to_list(), strict=True)
        ]
    ours = set(BY_TERM_ID) | set(TERM_BY_ID)
    foreign = Directory()
    foreign.rows("attribute").extend(attribute.filter(~term.is_in(list(ours))).to_dicts())
    foreign.rows("taxonomy_term").extend(frames["taxonomy_term"].to_dicts())
    foreign.rows("taxonomy").extend(frames["taxonomy"].to_dicts())
    sources = sources_of(foreign)
    for sid, more in (extra or {}).items():
        sources.setdefault(sid, []).extend(more)
    states = _states(frames)
    added: list[Row] = []
    wanted = ["id", "name", "description", "minimum_age", "maximum_age", *(name for name, _ in FIELD_KINDS)]
    rows = [_numbers(row, "service") for row in todo.select(wanted).to_dicts()]

    @lru_cache(maxsize=100_000)
    def needs(key: tuple[tuple[Source, ...], str | None, str | None]) -> dict[str, str]:
        return needs_for(list(key[0]), key[1], key[2])

    @lru_cache(maxsize=100_000)
    def read(texts: tuple[str | None, ...], state: str | None) -> list[eligibility_text.Found]:
        return read_service(dict(zip((name for name, _ in FIELD_KINDS), texts, strict=True)), state)

    report = enrich_services(
        rows,
        have_needs,
        have_eligibility,
        sources,
        states,
        lambda *args: added.append(attribute_row(*args)),
        needs=lambda found, name, description: dict(needs((tuple(found), name, description))),
        read=lambda row, state: list(read(tuple(row.get(name) for name, _ in FIELD_KINDS), state)),
    )
    out = dict(frames)
    if added:
        extra_rows = pl.DataFrame(added, schema={c: attribute.schema[c] for c in attribute.columns}).select(
            attribute.columns
        )
        out["attribute"] = pl.concat([attribute, extra_rows], how="vertical")
    aged = {str(r["id"]): (r.get("minimum_age"), r.get("maximum_age")) for r in rows}
    if aged:
        ages = pl.DataFrame(
            {
                "id": list(aged),
                "_min": [_float(v[0]) for v in aged.values()],
                "_max": [_float(v[1]) for v in aged.values()],
            },
            schema={"id": pl.Utf8, "_min": pl.Float64, "_max": pl.Float64},
        )
        joined = service.join(ages, on="id", how="left", maintain_order="left")
        out["service"] = joined.with_columns(
            minimum_age=pl.coalesce("minimum_age", "_min"), maximum_age=pl.coalesce("maximum_age", "_max")
        ).select(service.columns)
    inferred = {r.service_id: r for r in report}
    return out, [
        inferred.get(sid) or Inferred(sid, name or "", kept_needs=True, kept_eligibility=True)
        for sid, name in zip(service["id"].to_list(), service["name"].to_list(), strict=True)
    ]


def _float(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) else None


def _numbers(row: Row, table: str) -> Row:
    for field in tables()[table].fields:
        if field.type == "number" and row.get(field.name) is not None:
            row[field.name] = number(row[field.name])  # type: ignore[arg-type]
    return row


def _states(frames: Frames) -> dict[str, str]:
    """``infer._state_of`` by joins: each service's state from its first located address."""
    address = (
        frames["address"]
        .filter(pl.col("state_province").is_not_null() & pl.col("location_id").is_not_null())
        .select("location_id", state=pl.col("state_province").str.strip_chars().str.to_uppercase().str.slice(0, 2))
        .unique("location_id", keep="first", maintain_order=True)
    )
    found = (
        frames["service_at_location"]
        .select("service_id", "location_id")
        .join(address, on="location_id", how="inner", maintain_order="left")
        .filter(pl.col("state") != "")
        .unique("service_id", keep="first", maintain_order=True)
    )
    return dict(zip(found["service_id"].to_list(), found["state"].to_list(), strict=True))


# ---------------------------------------------------------------------------------------- search rows


def _first(frame: pl.DataFrame, key: str, value: pl.Expr, name: str) -> pl.DataFrame:
    return (
        frame.filter(pl.col(key).is_not_null())
        .select(pl.col(key).alias("_key"), value.alias(name))
        .unique("_key", keep="first", maintain_order=True)
    )


def entries_frame(frames: Frames, timezone_of: Callable[[str], str | None] = zip_timezone) -> pl.DataFrame:
    """``search.entries`` by joins: one row per service at a placed (or virtual) location."""
    service, location, org = frames["service"], frames["location"], frames["organization"]
    sal = frames["service_at_location"].select(
        pl.col("id").alias("said"), pl.col("service_id").alias("sid"), pl.col("location_id").alias("lid")
    )
    rows = (
        sal.join(service.rename(lambda c: f"s_{c}"), left_on="sid", right_on="s_id", how="inner", maintain_order="left")
        .join(location.rename(lambda c: f"l_{c}"), left_on="lid", right_on="l_id", how="inner", maintain_order="left")
        .with_columns(remote=(pl.col("l_location_type") == "virtual").fill_null(False))
        .filter(pl.col("remote") | (pl.col("l_latitude").is_not_null() & pl.col("l_longitude").is_not_null()))
        .join(
            org.select(pl.col("id").alias("s_organization_id"), pl.col("name").alias("org_name")),
            on="s_organization_id",
            how="left",
            maintain_order="left",
        )
        .with_columns(has_org=pl.col("s_organization_id").is_in(org["id"].implode()).fill_null(False))
    )
    attribute = frames["attribute"].filter(pl.col("link_entity").is_null() | (pl.col("link_entity") == "service"))
    bits = pl.DataFrame(
        {"taxonomy_term_id": list(BY_TERM_ID), "bit": [BIT[n.code] for n in BY_TERM_ID.values()]},
        schema={"taxonomy_term_id": pl.Utf8, "bit": pl.Int64},
    )
    needs = (
        attribute.join(bits, on="taxonomy_term_id", how="inner")
        .select(pl.col("link_id").fill_null("None").alias("sid"), "bit")
        .unique()
        .group_by("sid")
        .agg(pl.col("bit").sum().alias("needs"))
    )
    rows = rows.join(needs, on="sid", how="left", maintain_order="left").with_columns(pl.col("needs").fill_null(0))
    rows = rows.join(_requirements(frames), on="sid", how="left", maintain_order="left")
    address = frames["address"]
    line = pl.concat_str(
        [pl.col(c) for c in ("address_1", "city", "state_province", "postal_code")], separator=", ", ignore_nulls=True
    )
    first_address = _first(address, "location_id", pl.struct(line=line, zip=pl.col("postal_code")), "a").unnest("a")
    rows = rows.join(first_address.rename({"_key": "lid"}), on="lid", how="left", maintain_order="left")
    zips = rows.filter(pl.col("line").is_not_null())["zip"].fill_null("None").unique().to_list()
    zones = pl.DataFrame(
        {"_zip": zips, "timezone": [timezone_of(z) for z in zips]}, schema={"_zip": pl.Utf8, "timezone": pl.Utf8}
    )
    rows = rows.with_columns(
        _zip=pl.when(pl.col("line").is_not_null()).then(pl.col("zip").fill_null("None")),
    ).join(zones, on="_zip", how="left", maintain_order="left")
    rows = _by_owner(rows, _phones(frames["phone"]), "phone")
    rows = _by_owner(rows, _schedules(frames["schedule"]), "schedules")
    rows = _by_owner(rows, _areas(frames["service_area"]), "area", keys=("said", "sid"))
    cost = frames["cost_option"]
    fee_text = [
        str(o or d or (number(a) if a is not None else None))
        for o, d, a in zip(
            cost["option"].to_list(), cost["amount_description"].to_list(), cost["amount"].to_list(), strict=True
        )
    ]
    fees = (
        cost.select(pl.col("service_id").alias("sid"), fee=pl.Series(fee_text, dtype=pl.Utf8))
        .filter(pl.col("sid").is_not_null())
        .unique("sid", keep="first", maintain_order=True)
    )
    rows = rows.join(fees, on="sid", how="left", maintain_order="left")
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
        .group_by("_key", maintain_order=True)
        .agg(schedules=pl.lit("[") + pl.col("item").str.join(", ") + pl.lit("]"))
    )


def _areas(area: pl.DataFrame) -> pl.DataFrame:
    owner = pl.coalesce("service_at_location_id", "service_id")
    return (
        area.filter(owner.is_not_null() & pl.col("name").is_not_null())
        .select(_key=owner, name="name")
        .group_by("_key", maintain_order=True)
        .agg(area=pl.col("name").str.join("; "))
    )


def _requirements(frames: Frames) -> pl.DataFrame:
    """Each service's requirements JSON and language codes, built once per distinct set of deciding rows."""
    service = frames["service"]
    # only the attributes ``requirements`` reads: eligibility terms, and needs with a label (where the
    # need was read from); the rest (most: a need with no label) would only multiply the distinct sets
    attribute = frames["attribute"].filter(
        (pl.col("link_entity").is_null() | (pl.col("link_entity") == "service"))
        & (
            pl.col("taxonomy_term_id").is_in(list(TERM_BY_ID))
            | (pl.col("taxonomy_term_id").is_in(list(BY_TERM_ID)) & pl.col("label").is_not_null())
        )
    )
    sep, end = "\x1f", "\x1e"
    fields = ("taxonomy_term_id", "label", "value")
    attrs = (
        attribute.select(
            sid=pl.col("link_id").fill_null("None"),
            part=pl.concat_str([pl.col(f).fill_null("\x00") for f in fields], separator=sep),
        )
        .group_by("sid", maintain_order=True)
        .agg(attrs=pl.col("part").str.join(end))
    )
    docs = (
        frames["required_document"]
        .select(sid=pl.col("service_id").fill_null("None"), part=pl.col("document").fill_null("\x00"))
        .group_by("sid", maintain_order=True)
        .agg(docs=pl.col("part").str.join(end))
    )
    langs = (
        frames["language"]
        .filter(pl.col("service_id").is_not_null())
        .select(
            sid="service_id",
            part=pl.concat_str([pl.col("code").fill_null("\x00"), pl.col("name").fill_null("\x00")], separator=sep),
        )
        .group_by("sid", maintain_order=True)
        .agg(langs=pl.col("part").str.join(end))
    )
    own = ("eligibility_description", "assured_date", "last_modified", "minimum_age", "maximum_age")
    keyed = (
        service.select(pl.col("id").fill_null("None").alias("sid"), *own)
        .join(attrs, on="sid", how="left", maintain_order="left")
        .join(docs, on="sid", how="left", maintain_order="left")
        .join(langs, on="sid", how="left", maintain_order="left")
    )
    signature = [*own, "attrs", "docs", "langs"]
    distinct = keyed.select(signature).unique(maintain_order=True)
    built_json, built_langs = [], []
    for values in distinct.iter_rows():
        row: Row = dict(zip(own, values[:5], strict=True))
        for key in ("minimum_age", "maximum_age"):
            if row[key] is not None:
                row[key] = number(row[key])  # type: ignore[arg-type]
        req = requirements(
            row, _split(values[5], fields), _split(values[6], ("document",)), _split(values[7], ("code", "name"))
        )
        built_json.append(json.dumps(req.to_json(), sort_keys=True))
        built_langs.append(",".join(sorted({language_code(x) for x in req.languages})) or None)
    decided = distinct.with_columns(
        requirements=pl.Series(built_json, dtype=pl.Utf8), languages=pl.Series(built_langs, dtype=pl.Utf8)
    )
    return keyed.join(decided, on=signature, how="left", nulls_equal=True, maintain_order="left").select(
        "sid", "requirements", "languages"
    )


def _split(joined: str | None, names: tuple[str, ...]) -> list[Row]:
    if joined is None:
        return []
    out: list[Row] = []
    for part in joined.split("\x1e"):
        values = part.split("\x1f")
        out.append({k: None if v == "\x00" else v for k, v in zip(names, values, strict=True)})
    return out


__all__ = ["Frames", "directory_of", "enrich_frames", "entries_frame", "frames_of", "read_frames"]

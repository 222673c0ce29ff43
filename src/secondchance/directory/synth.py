"""Synthetic directories of any size (1M services in seconds), deterministic by seed.

Vectorised with numpy and polars: services sit near real US ZIP centroids (so geo search
meets realistic density), each with 1-3 needs, a name built from its needs, and one of a
few dozen eligibility *profiles* built with the real ``Requirements`` code, so the
denormalised search rows are exactly what ``search.entries`` would compute (a test checks).
Synthetic listings are labelled as such in their description. What it draws from (kinds, places,
profiles) is in ``synth_profiles``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
import polars as pl

from .columnar_read import directory_of
from .eligibility import TERM_BY_CODE, taxonomy_rows
from .model import Directory
from .needs import BIT, NEEDS, TAXONOMY_NAME
from .spec import datapackage, tables
from .synth_profiles import KINDS, PLACES, Profile, make_profiles


@cache
def _zips() -> pl.DataFrame:
    import zipcodes

    rows = [
        (z["zip_code"], z["city"], z["state"], float(z["lat"]), float(z["long"]), z.get("timezone"))
        for z in zipcodes.list_all()  # type: ignore[no-untyped-call]
        if z.get("lat") and z.get("long") and z.get("zip_code_type") == "STANDARD" and z.get("active")
    ]
    return pl.DataFrame(rows, schema=["zip", "city", "state", "zlat", "zlon", "timezone"], orient="row")


def _ids(n: int, seed: int, table: int) -> pl.Expr:
    prefix = f"{seed % 16**8:08x}-{table:04x}-4000-8000-"
    return pl.lit(prefix) + pl.int_range(0, n, dtype=pl.Int64).cast(pl.Utf8).str.zfill(12)


@dataclass(frozen=True)
class _Needs:
    """Each service's 1-3 needs as indexes into ``codes`` (``second``/``third`` equal ``first`` when absent)."""

    codes: list[str]
    first: np.ndarray
    second: np.ndarray
    third: np.ndarray


def synthesize(n: int, seed: int = 7) -> dict[str, pl.DataFrame]:
    """HSDS tables (as polars frames, every spec column) and ``search_entry`` for n services."""
    rng = np.random.default_rng(seed)
    profiles = make_profiles()
    base, needs = _base(n, seed, rng, profiles)
    frames = _hsds_frames(base, profiles, needs, seed)
    frames["search_entry"] = _search_entries(base)
    return frames


def _base(n: int, seed: int, rng: np.random.Generator, profiles: list[Profile]) -> tuple[pl.DataFrame, _Needs]:
    """One row per service (ids, place, name, needs, profile and its index columns). The draws
    from ``rng`` keep their order: the same seed must give the same directory."""
    zips = _zips()
    pick = rng.integers(0, zips.height, n)
    profile = rng.integers(0, len(profiles), n)
    needs = _draw_needs(rng, n)
    name, second_label = _draw_names(rng, n, needs)
    bits = np.array([BIT[c] for c in needs.codes], dtype=np.int64)
    base = zips[pick.tolist()].with_columns(
        sid=_ids(n, seed, 2),
        oid=_ids(n, seed, 1),
        lid=_ids(n, seed, 3),
        said=_ids(n, seed, 4),
        lat=pl.Series((zips["zlat"].to_numpy()[pick] + rng.normal(0, 0.03, n)).clip(-90, 90)),
        lon=pl.Series((zips["zlon"].to_numpy()[pick] + rng.normal(0, 0.03, n)).clip(-180, 180)),
        name=name,
        profile=pl.Series(profile, dtype=pl.Int64),
        needs=pl.Series(bits[needs.first] | bits[needs.second] | bits[needs.third]),
        number=pl.lit("555-01") + pl.int_range(0, n).mod(100).cast(pl.Utf8).str.zfill(2),
        street=(pl.int_range(0, n).mod(9000) + 100).cast(pl.Utf8) + " Synthetic Street",
    )
    base = base.with_columns(
        description=pl.col("name") + ": " + pl.Series(second_label) + ". Synthetic listing, not a real service.",
        org_name=pl.col("name") + " Inc. (synthetic)",
    )
    return base.join(_profile_frame(profiles), on="profile", how="left", maintain_order="left"), needs


def _draw_needs(rng: np.random.Generator, n: int) -> _Needs:
    codes = [need.code for need in NEEDS]
    first = rng.integers(0, len(codes), n)
    second = np.where(rng.random(n) < 0.6, rng.integers(0, len(codes), n), first)
    third = np.where(rng.random(n) < 0.2, rng.integers(0, len(codes), n), first)
    return _Needs(codes, first, second, third)


def _draw_names(rng: np.random.Generator, n: int, needs: _Needs) -> tuple[pl.Series, np.ndarray]:
    """Each service's name (a place and a kind of its first need) and its second need's label."""
    kinds = np.array([KINDS[c][0] for c in needs.codes]), np.array([KINDS[c][1] for c in needs.codes])
    variant = rng.integers(0, 2, n)
    kind = np.where(variant == 0, kinds[0][needs.first], kinds[1][needs.first])
    place = np.array(PLACES)[rng.integers(0, len(PLACES), n)]
    second_label = np.array([NEEDS[i].label for i in range(len(NEEDS))])[needs.second]
    return pl.Series(place) + " " + pl.Series(kind), second_label


def _profile_frame(profiles: list[Profile]) -> pl.DataFrame:
    """Each profile's index columns, to join onto the services that drew it."""
    return pl.DataFrame(
        {
            "profile": list(range(len(profiles))),
            "requirements": [p.requirements for p in profiles],
            "language_codes": [p.language_codes for p in profiles],
            "min_age": [p.min_age for p in profiles],
        },
        schema={"profile": pl.Int64, "requirements": pl.Utf8, "language_codes": pl.Utf8, "min_age": pl.Float64},
    )


def _search_entries(base: pl.DataFrame) -> pl.DataFrame:
    """The search index rows ``search.entries`` would compute for these services."""
    return base.select(
        service_at_location_id="said",
        service_id="sid",
        location_id="lid",
        lat="lat",
        lon="lon",
        needs="needs",
        status=pl.lit("active"),
        name="name",
        organization="org_name",
        address=pl.concat_str([pl.col("street"), pl.col("city"), pl.col("state"), pl.col("zip")], separator=", "),
        phone="number",
        timezone="timezone",
        languages="language_codes",
        schedules=pl.lit('[["MO,TU,WE,TH,FR", "09:00:00", "17:00:00", false]]'),
        requirements="requirements",
        fees=pl.lit("Free"),
        body=pl.concat_str([pl.col("name"), pl.col("org_name"), pl.col("description")], separator=" "),
        url=pl.lit(None, dtype=pl.Utf8),
        area=pl.lit(None, dtype=pl.Utf8),
    )


def _full(name: str, frame: pl.DataFrame) -> pl.DataFrame:
    """``frame`` with every column of the HSDS table, in spec order (absent ones null)."""
    spec = tables()[name]
    cols = []
    for f in spec.fields:
        dtype = pl.Float64 if f.type == "number" else pl.Utf8
        cols.append(frame[f.name].cast(dtype) if f.name in frame.columns else pl.lit(None, dtype=dtype).alias(f.name))
    return frame.select(cols)


def _hsds_frames(base: pl.DataFrame, profiles: list[Profile], needs: _Needs, seed: int) -> dict[str, pl.DataFrame]:
    """Every HSDS table, in the order the frames have always come in."""
    frames: dict[str, pl.DataFrame] = {}
    for table, rows in taxonomy_rows().items():
        frames[table] = _full(table, pl.DataFrame(rows, infer_schema_length=None))
    frames.update(_listing_frames(base))
    frames.update(_place_frames(base, seed))
    frames.update(_contact_frames(base, seed))
    frames.update(_attribute_frames(base, profiles, needs))
    return frames


def _listing_frames(base: pl.DataFrame) -> dict[str, pl.DataFrame]:
    return {
        "organization": _full("organization", base.select(id="oid", name="org_name", description="description")),
        "service": _full(
            "service",
            base.select(
                id="sid",
                organization_id="oid",
                name="name",
                description="description",
                status=pl.lit("active"),
                minimum_age="min_age",
                fees_description=pl.lit("Free"),
            ),
        ),
    }


def _place_frames(base: pl.DataFrame, seed: int) -> dict[str, pl.DataFrame]:
    location = base.select(
        id="lid", location_type=pl.lit("physical"), organization_id="oid", name="name", latitude="lat", longitude="lon"
    )
    address = base.select(
        id=_ids(base.height, seed, 5),
        location_id="lid",
        address_1="street",
        city="city",
        state_province="state",
        postal_code="zip",
        country=pl.lit("US"),
        address_type=pl.lit("physical"),
    )
    return {
        "location": _full("location", location),
        "address": _full("address", address),
        "service_at_location": _full(
            "service_at_location", base.select(id="said", service_id="sid", location_id="lid")
        ),
    }


def _contact_frames(base: pl.DataFrame, seed: int) -> dict[str, pl.DataFrame]:
    """Phones, hours and costs: the same for every synthetic service."""
    n = base.height
    schedule = base.select(
        id=_ids(n, seed, 7),
        service_id="sid",
        freq=pl.lit("WEEKLY"),
        byday=pl.lit("MO,TU,WE,TH,FR"),
        opens_at=pl.lit("09:00:00"),
        closes_at=pl.lit("17:00:00"),
    )
    cost = base.select(
        id=_ids(n, seed, 8), service_id="sid", option=pl.lit("Free"), currency=pl.lit("USD"), amount=pl.lit(0.0)
    )
    return {
        "phone": _full(
            "phone", base.select(id=_ids(n, seed, 6), service_id="sid", number="number", type=pl.lit("voice"))
        ),
        "schedule": _full("schedule", schedule),
        "cost_option": _full("cost_option", cost),
    }


def _attribute_frames(base: pl.DataFrame, profiles: list[Profile], needs: _Needs) -> dict[str, pl.DataFrame]:
    """Needs and eligibility attributes, languages and documents: the per-profile child rows
    exploded onto the services that drew each profile."""
    per = (
        base.select("sid", "profile").with_row_index("row").join(_links(profiles), on="profile", maintain_order="left")
    )
    per = per.with_columns(k=pl.int_range(0, pl.len()))
    key = pl.col("sid") + "-" + pl.col("kind") + "-" + pl.col("k").cast(pl.Utf8)
    elig = per.filter(pl.col("kind") == "elig")
    need_ids = {need.code: need.term_id for need in NEEDS}
    attribute = pl.concat(
        [
            _need_rows(base, needs).select(
                id=pl.col("sid") + "-need-" + pl.col("code"),
                link_id="sid",
                taxonomy_term_id=pl.col("code").replace_strict(need_ids),
                link_type=pl.lit(TAXONOMY_NAME),
                link_entity=pl.lit("service"),
                value=pl.lit(None, dtype=pl.Utf8),
            ),
            elig.select(
                id=key,
                link_id="sid",
                taxonomy_term_id="a",
                link_type=pl.lit("eligibility"),
                link_entity=pl.lit("service"),
                value="b",
            ),
        ]
    )
    langs, docs = per.filter(pl.col("kind") == "lang"), per.filter(pl.col("kind") == "doc")
    return {
        "attribute": _full("attribute", attribute),
        "language": _full("language", langs.select(id=key, service_id="sid", name="a", code="b")),
        "required_document": _full("required_document", docs.select(id=key, service_id="sid", document="a")),
    }


def _links(profiles: list[Profile]) -> pl.DataFrame:
    """Each profile's child rows: (profile, kind, a, b) for eligibility terms, languages and documents."""
    return pl.DataFrame(
        [(i, "elig", TERM_BY_CODE[code].term_id, value) for i, p in enumerate(profiles) for code, value in p.attributes]
        + [(i, "lang", name, code) for i, p in enumerate(profiles) for name, code in p.languages]
        + [(i, "doc", text, None) for i, p in enumerate(profiles) for text in p.documents],
        schema={"profile": pl.Int64, "kind": pl.Utf8, "a": pl.Utf8, "b": pl.Utf8},
        orient="row",
    )


def _need_rows(base: pl.DataFrame, needs: _Needs) -> pl.DataFrame:
    """One (sid, need code) row per distinct need of each service."""
    first, second, third = needs.first, needs.second, needs.third
    keep2, keep3 = second != first, (third != first) & (third != second)
    sids = base["sid"].to_numpy()
    return pl.DataFrame(
        {
            "sid": np.concatenate([sids, sids[keep2], sids[keep3]]),
            "code": np.array(needs.codes)[np.concatenate([first, second[keep2], third[keep3]])],
        }
    )


def write_frames(frames: dict[str, pl.DataFrame], folder: Path) -> None:
    """Write the HSDS frames as a tabular package (the search index is not part of HSDS)."""
    folder.mkdir(parents=True, exist_ok=True)
    names = []
    for name, spec in tables().items():
        frame = frames.get(name)
        if frame is not None and frame.height:
            frame.write_csv(folder / spec.path)
            names.append(name)
    descriptor = {**datapackage(), "resources": [r for r in datapackage()["resources"] if r["name"] in names]}
    (folder / "datapackage.json").write_text(json.dumps(descriptor, indent=2) + "\n")


def to_directory(frames: dict[str, pl.DataFrame]) -> Directory:
    """The HSDS frames as an in-memory directory (for small n: tests and exports)."""
    return directory_of(frames)

"""``infer.enrich`` on frames (``enrich_frames``): ``infer.enrich_services`` on the services that
state no needs or no eligibility, with each distinct text read once (a directory repeats its
words: one read per distinct text), and the attributes and ages it finds added to the frames.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable, Iterator
from functools import lru_cache

import polars as pl

from . import eligibility_text
from .columnar_read import Frames
from .eligibility import TERM_BY_ID
from .infer import FIELD_KINDS, Inferred, Source, attribute_row, enrich_services, needs_for, read_service, sources_of
from .model import Directory, Row, Value, number
from .needs import BY_TERM_ID
from .spec import tables


def enrich_frames(frames: Frames, extra: dict[str, list[Source]] | None = None) -> tuple[Frames, list[Inferred]]:
    """``infer.enrich`` on frames: the same attributes added (and ages set), each distinct text read once."""
    with _collector_paused():
        return _enrich_frames(frames, extra)


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off: the report's million ``Inferred`` (each with a dict and a
    list) made every collection walk all of them again, 5.4 s of 1M services' 14 (0.7 without)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _enrich_frames(frames: Frames, extra: dict[str, list[Source]] | None) -> tuple[Frames, list[Inferred]]:
    attribute, service = frames["attribute"], frames["service"]
    stated_needs, stated_eligibility = _stated(attribute)
    ids = service["id"].fill_null("None")
    todo = service.filter(~ids.is_in(stated_needs.implode()) | ~ids.is_in(stated_eligibility.implode()))
    if todo.height == 0:
        return frames, _report(service, {})
    # only the services read are asked about: their sets, not every service's
    todo_ids = todo["id"].fill_null("None").implode()
    have_needs = set(stated_needs.filter(stated_needs.is_in(todo_ids)).to_list())
    have_eligibility = set(stated_eligibility.filter(stated_eligibility.is_in(todo_ids)).to_list())
    wanted = ["id", "name", "description", "minimum_age", "maximum_age", *(name for name, _ in FIELD_KINDS)]
    rows = [_numbers(row, "service") for row in todo.select(wanted).to_dicts()]
    added: list[Row] = []
    needs, read = _cached_readers()
    sources, states = _sources(frames, extra), _states(frames, todo_ids)
    report = enrich_services(
        rows,
        have_needs,
        have_eligibility,
        sources,
        states,
        lambda *args: added.append(attribute_row(*args)),
        needs=needs,
        read=read,
    )
    out = dict(frames)
    if added:
        extra_rows = pl.DataFrame(added, schema={c: attribute.schema[c] for c in attribute.columns}).select(
            attribute.columns
        )
        out["attribute"] = pl.concat([attribute, extra_rows], how="vertical")
    aged = {str(r["id"]): (r.get("minimum_age"), r.get("maximum_age")) for r in rows}
    if aged:
        out["service"] = _with_ages(service, aged)
    return out, _report(service, {r.service_id: r for r in report})


def _terms(attribute: pl.DataFrame) -> pl.Series:
    return attribute["taxonomy_term_id"].cast(pl.Utf8).fill_null("None")


def _stated(attribute: pl.DataFrame) -> tuple[pl.Series, pl.Series]:
    """The ids of the services that state needs, and of those that state eligibility, in our terms."""
    term = _terms(attribute)
    link = attribute["link_id"].fill_null("None")
    have_needs = link.filter(term.is_in(list(BY_TERM_ID))).unique()
    have_eligibility = link.filter(term.is_in(list(TERM_BY_ID)) & ~term.is_in(list(BY_TERM_ID))).unique()
    return have_needs, have_eligibility


def _sources(frames: Frames, extra: dict[str, list[Source]] | None) -> dict[str, list[Source]]:
    """``infer.sources_of`` on the attributes in other taxonomies, with the reader's ``extra``."""
    attribute = frames["attribute"]
    ours = set(BY_TERM_ID) | set(TERM_BY_ID)
    foreign = Directory()
    foreign.rows("attribute").extend(attribute.filter(~_terms(attribute).is_in(list(ours))).to_dicts())
    foreign.rows("taxonomy_term").extend(frames["taxonomy_term"].to_dicts())
    foreign.rows("taxonomy").extend(frames["taxonomy"].to_dicts())
    sources = sources_of(foreign)
    for sid, more in (extra or {}).items():
        sources.setdefault(sid, []).extend(more)
    return sources


def _cached_readers() -> tuple[
    Callable[[list[Source], str | None, str | None], dict[str, str]],
    Callable[[Row, str | None], list[eligibility_text.Found]],
]:
    """``infer``'s readings of needs and of eligibility, each distinct input read once."""

    @lru_cache(maxsize=100_000)
    def needs(key: tuple[tuple[Source, ...], str | None, str | None]) -> dict[str, str]:
        return needs_for(list(key[0]), key[1], key[2])

    @lru_cache(maxsize=100_000)
    def read(texts: tuple[str | None, ...], state: str | None) -> list[eligibility_text.Found]:
        return read_service(dict(zip((name for name, _ in FIELD_KINDS), texts, strict=True)), state)

    return (
        lambda found, name, description: dict(needs((tuple(found), name, description))),
        lambda row, state: list(read(tuple(row.get(name) for name, _ in FIELD_KINDS), state)),
    )


def _with_ages(service: pl.DataFrame, aged: dict[str, tuple[Value, Value]]) -> pl.DataFrame:
    """``service`` with the ages ``enrich_services`` set, where the frame has none."""
    ages = pl.DataFrame(
        {
            "id": list(aged),
            "_min": [_float(v[0]) for v in aged.values()],
            "_max": [_float(v[1]) for v in aged.values()],
        },
        schema={"id": pl.Utf8, "_min": pl.Float64, "_max": pl.Float64},
    )
    joined = service.join(ages, on="id", how="left", maintain_order="left")
    return joined.with_columns(
        minimum_age=pl.coalesce("minimum_age", "_min"), maximum_age=pl.coalesce("maximum_age", "_max")
    ).select(service.columns)


def _report(service: pl.DataFrame, inferred: dict[str, Inferred]) -> list[Inferred]:
    """One report line per service, in frame order: what was inferred, else that it stated both."""
    return [
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


def _states(frames: Frames, services: pl.Series) -> dict[str, str]:
    """``infer._state_of`` by joins: each service's (of ``services``, imploded) state from its first located address."""
    address = (
        frames["address"]
        .filter(pl.col("state_province").is_not_null() & pl.col("location_id").is_not_null())
        .select("location_id", state=pl.col("state_province").str.strip_chars().str.to_uppercase().str.slice(0, 2))
        .unique("location_id", keep="first", maintain_order=True)
    )
    found = (
        frames["service_at_location"]
        .select("service_id", "location_id")
        .filter(pl.col("service_id").is_in(services))
        .join(address, on="location_id", how="inner", maintain_order="left")
        .filter(pl.col("state") != "")
        .unique("service_id", keep="first", maintain_order=True)
    )
    return dict(zip(found["service_id"].to_list(), found["state"].to_list(), strict=True))

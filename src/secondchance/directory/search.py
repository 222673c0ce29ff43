"""Search: services near a place, for some needs, matched against a person's facts, each result explained.

The storage answers a coarse question (entries in a bounding box, plus the remote entries, with
any of the needs and the words); everything a person reads (distance, open now, fits / may not
fit / unknown and why) is decided here, the same for every database. Results are sorted so
services that surely fit come first, then those we cannot decide, then those that may not fit;
within each, nearest first; services reached by phone or online come after every place one can
visit that is not "may not fit" (``rank``). A need that nothing nearby answers is a ``Gap``: it
says so and offers the nearest place further away and a remote service.

*Remote* services (hotlines, online help: an HSDS location of ``location_type`` "virtual") have
no coordinates; they are found from any place, with no distance, and their HSDS service areas
are checked against the state searched in (``match.check_service_area``) and shown.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from typing import Any, Protocol
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .build import DAYS
from .eligibility import Requirements
from .facts import PersonFacts
from .geo import bounding_box, haversine_miles
from .match import ORDER, Fit, Match, check_service_area, language_code, match
from .needs import BIT, BY_CODE, needs_of_mask, with_children
from .search_index import Entry as Entry
from .search_index import entries as entries


@dataclass(frozen=True)
class CandidateQuery:
    """What the storage filters on: a box (min_lat, max_lat, min_lon, max_lon), needs bits, words;
    with ``remote``, the remote entries too (they are in no box)."""

    box: tuple[float, float, float, float]
    needs: int = 0
    text: str | None = None
    limit: int = 5000
    remote: bool = True


class Candidates(Protocol):
    def candidates(self, query: CandidateQuery) -> list[Entry]: ...


@dataclass(frozen=True)
class Query:
    lat: float
    lon: float
    miles: float = 25.0
    needs: int = 0
    text: str | None = None
    open_at: datetime | None = None  # only services open at this moment (timezone-aware)
    languages: tuple[str, ...] = ()
    facts: PersonFacts = field(default_factory=PersonFacts)
    as_of: date = field(default_factory=date.today)
    limit: int = 20
    remote: bool = True  # include services by phone or online
    state: str | None = None  # the state searched in: a remote service's areas are checked against it


@dataclass(frozen=True)
class Result:
    entry: Entry
    miles: float | None  # None for a remote service
    match: Match
    open_now: bool | None
    matched: int = 0  # the needs asked for that this service has (bits)
    as_of: date | None = None  # the day searched for (to call a listing stale)

    def matched_needs(self) -> list[dict[str, str | None]]:
        """The needs asked for that this service has, each with where it came from (None: the listing
        states it in our taxonomy; else e.g. 'keyword "Community Clinics"')."""
        sources = Requirements.from_json(json.loads(self.entry.requirements)).need_sources
        return [
            {"need": code, "label": BY_CODE[code].label, "from": sources.get(code)}
            for code in needs_of_mask(self.matched)
        ]

    def to_json(self) -> dict[str, Any]:
        e = self.entry
        return {
            "service_id": e.service_id,
            "service_at_location_id": e.service_at_location_id,
            "name": e.name,
            "organization": e.organization,
            "address": e.address,
            "phone": e.phone,
            "url": e.url,
            "service_area": e.area,
            "miles": None if self.miles is None else round(self.miles, 2),
            "remote": e.remote,
            "needs": list(needs_of_mask(e.needs)),
            "matched_needs": self.matched_needs(),
            "languages": e.languages.split(",") if e.languages else [],
            "fees": e.fees,
            "status": e.status,
            "hours": [
                {"days": days, "opens": opens, "closes": closes, "walk_in": walk_in}
                for days, opens, closes, walk_in in (json.loads(e.schedules) if e.schedules else [])
            ],
            "open_now": self.open_now,
            "fit": self.match.fit.value,
            "reasons": list(self.match.reasons),
            "missing": list(self.match.missing),
            "checks": [
                {"requirement": c.requirement, "status": c.status.value, "text": c.text, "missing": c.missing}
                for c in self.match.checks
            ],
            "eligibility_description": Requirements.from_json(json.loads(e.requirements)).description,
            "directions": directions_url(e),
            **freshness(Requirements.from_json(json.loads(e.requirements)).verified, self.as_of),
        }


def hours_text(days: str | None, opens: str | None, closes: str | None) -> str:
    """ "Mon-Fri 09:00–17:00", or "open 24 hours" for 00:00–23:59 (how listings write all day)."""
    day_part = days or "daily"
    if (opens or "")[:5] == "00:00" and (closes or "")[:5] in ("23:59", "24:00"):
        return f"{day_part} open 24 hours"
    return f"{day_part} {(opens or '')[:5]}–{(closes or '')[:5]}"


def is_open(schedules: str | None, timezone: str | None, moment: datetime) -> bool | None:
    """Whether weekly hours include ``moment`` (in the service's timezone); None if no hours are listed."""
    if not schedules:
        return None
    try:
        local = moment.astimezone(ZoneInfo(timezone)) if timezone else moment
    except ZoneInfoNotFoundError:
        local = moment
    day, now = DAYS[local.weekday()], local.time()
    for byday, opens, closes, _walk_in in json.loads(schedules):
        if byday and day not in byday.split(","):
            continue
        if opens and closes and time.fromisoformat(opens) <= now <= time.fromisoformat(closes):
            return True
    return False


def search(store: Candidates, query: Query) -> list[Result]:
    """The best ``limit`` services for the query, each with its distance and explained fit."""
    candidates = store.candidates(
        CandidateQuery(bounding_box(query.lat, query.lon, query.miles), query.needs, query.text, remote=query.remote)
    )
    wanted = {language_code(lang) for lang in query.languages}
    results: list[Result] = []
    for entry in candidates:
        if entry.lat is None or entry.lon is None:
            miles = None  # remote: no distance
            if not query.remote:
                continue
        else:
            miles = haversine_miles(query.lat, query.lon, entry.lat, entry.lon)
            if miles > query.miles:
                continue
        if entry.status not in ("active", "temporarily closed"):
            continue
        if wanted and not wanted & set((entry.languages or "").split(",")):
            continue
        open_now = is_open(entry.schedules, entry.timezone, query.open_at) if query.open_at else None
        if query.open_at and open_now is not True:
            continue
        req = Requirements.from_json(json.loads(entry.requirements))
        area = check_service_area(entry.area, query.state) if miles is None else []
        matched = entry.needs & query.needs
        results.append(
            Result(entry, miles, match(req, query.facts, query.as_of, *area), open_now, matched, query.as_of)
        )
    results.sort(key=rank)
    return results[: query.limit]


def rank(result: Result) -> tuple[bool, bool, int, float, str]:
    """Places one can visit first, nearest first within fits then unknown; then services by phone or
    online; then what may not fit. A hotline that fits does not outrank a service 0.1 miles away
    whose only open question is one to ask at the door (most real listings state no records policy)."""
    fit = result.match.fit
    return (fit is Fit.MAY_NOT_FIT, result.miles is None, ORDER[fit], result.miles or 0.0, result.entry.name)


@dataclass(frozen=True)
class Gap:
    """A need asked for that nothing found answers within the radius, and what is nearest instead."""

    need: str
    nearest: Result | None  # the nearest place beyond the radius (within ``WIDER_MILES``)
    remote: Result | None  # the first service by phone or online for it

    def to_json(self) -> dict[str, Any]:
        return {
            "need": self.need,
            "label": BY_CODE[self.need].label,
            "nearest": self.nearest.to_json() if self.nearest else None,
            "remote": self.remote.to_json() if self.remote else None,
        }

    def text(self, radius: float) -> str:
        words = f"Nothing for {BY_CODE[self.need].label.lower()} within {radius:g} miles."
        if self.nearest:
            words += f" Nearest: {self.nearest.entry.name}, {self.nearest.miles:.1f} miles."
        if self.remote:
            words += f" By phone or online: {self.remote.entry.name}" + (
                f", {self.remote.entry.phone}." if self.remote.entry.phone else "."
            )
        if not (self.nearest or self.remote):
            words += f" Nothing within {WIDER_MILES:g} miles either."
        return words


WIDER_MILES = 150.0


def gaps(store: Candidates, query: Query, results: list[Result], asked: list[str]) -> list[Gap]:
    """For each need asked (``asked``: need codes as the person gave them) that no place found within
    the radius answers, the nearest place further away and a remote service, each searched for."""
    out: list[Gap] = []
    for code in asked:
        bits = 0
        for need in with_children(BY_CODE[code]):
            bits |= BIT[need.code]
        if any(r.miles is not None and r.entry.needs & bits for r in results):
            continue
        wider = search(store, replace(query, miles=max(WIDER_MILES, query.miles), needs=bits, limit=500))
        nearest = min((r for r in wider if r.miles is not None and r.miles > query.miles), key=lambda r: r.miles or 0.0,
                      default=None)  # fmt: skip
        remote = next((r for r in wider if r.miles is None), None)
        out.append(Gap(code, nearest, remote))
    return out


STALE_DAYS = 365


def freshness(verified: str | None, as_of: date | None) -> dict[str, Any]:
    """When the listing was last verified, and whether that is over a year before ``as_of`` (stale);
    a listing that never says is stale too: call first."""
    day: date | None = None
    if verified:
        try:
            day = date.fromisoformat(verified[:10])
        except ValueError:
            day = None
    stale = day is None or (as_of is not None and (as_of - day).days > STALE_DAYS)
    return {"last_verified": day.isoformat() if day else None, "stale": stale}


def verified_text(result: Result) -> str:
    """ "Verified 2025-03-01", with a warning when stale."""
    fresh = freshness(Requirements.from_json(json.loads(result.entry.requirements)).verified, result.as_of)
    if fresh["last_verified"] is None:
        return "Not dated: call to check it is still open."
    if fresh["stale"]:
        return f"Verified {fresh['last_verified']}, over a year ago: call to check."
    return f"Verified {fresh['last_verified']}."


def directions_url(entry: Entry) -> str | None:
    """A plain map link to the place (OpenStreetMap directions; no tiles or scripts in our pages)."""
    if entry.lat is None or entry.lon is None:
        return None
    return f"https://www.openstreetmap.org/directions?to={entry.lat:.5f}%2C{entry.lon:.5f}"


def print_list(results: list[Result], where: str) -> str:
    """The search as a plain list to print or share: name, fit, why, how to reach, hours."""
    lines = [f"Services near {where}", ""]
    for number, r in enumerate(results, 1):
        e = r.entry
        distance = "by phone or online" if r.miles is None else f"{r.miles:.1f} miles"
        lines.append(f"{number}. {e.name} ({distance}) - {FIT_WORDS[r.match.fit]}")
        for need in r.matched_needs():
            lines.append(f"   For: {need['label']}" + (f" ({need['from']})" if need["from"] else ""))
        for reason in r.match.reasons:
            lines.append(f"   {reason}")
        for value in (e.phone, e.address, e.url, directions_url(e)):
            if value:
                lines.append(f"   {value}")
        for days, opens, closes, walk_in in json.loads(e.schedules) if e.schedules else []:
            lines.append(f"   {'Walk-in ' if walk_in else ''}{hours_text(days, opens, closes)}")
        lines.append(f"   {verified_text(r)}")
        lines.append("")
    lines.append("Listings can be out of date: call before you go. This is information, not legal advice.")
    return "\n".join(lines)


FIT_WORDS = {Fit.FITS: "takes people like you", Fit.UNKNOWN: "ask them first", Fit.MAY_NOT_FIT: "may not take you"}


def sms_summary(results: list[Result], limit: int = 320) -> str:
    """The best results in a text message (two 160-character parts at most): name, phone, distance."""
    parts: list[str] = []
    for r in results:
        if r.match.fit is Fit.MAY_NOT_FIT:
            continue
        where = "phone/online" if r.miles is None else f"{r.miles:.1f}mi"
        part = f"{r.entry.name}: {r.entry.phone or r.entry.url or r.entry.address or ''} ({where})"
        if len("; ".join([*parts, part])) > limit - 14:
            break
        parts.append(part)
    return ("; ".join(parts) + ". Call first.") if parts else "No services found. Call 211 for help."

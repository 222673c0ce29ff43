"""Offline geocoding (US ZIP codes and cities, from the ``zipcodes`` package) and distances.

No network at run time: the ``zipcodes`` package carries every US ZIP code with its city,
county, state and a centroid. A city is placed at the mean of its standard ZIP centroids.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache
from typing import Any, Final

import zipcodes

EARTH_RADIUS_MILES = 3958.8
MILES_PER_DEGREE_LAT = 69.0


@dataclass(frozen=True)
class Place:
    lat: float
    lon: float
    label: str
    state: str | None = None  # two-letter code, when the place names one (a ZIP or "City, ST"; not lat,lon)


#: US states, DC and territories by name, for reading HSDS service areas ("Pennsylvania").
STATES: Final = {
    "alabama": "AL", "alaska": "AK", "arizona": "AZ", "arkansas": "AR", "california": "CA", "colorado": "CO",
    "connecticut": "CT", "delaware": "DE", "district of columbia": "DC", "florida": "FL", "georgia": "GA",
    "hawaii": "HI", "idaho": "ID", "illinois": "IL", "indiana": "IN", "iowa": "IA", "kansas": "KS",
    "kentucky": "KY", "louisiana": "LA", "maine": "ME", "maryland": "MD", "massachusetts": "MA",
    "michigan": "MI", "minnesota": "MN", "mississippi": "MS", "missouri": "MO", "montana": "MT",
    "nebraska": "NE", "nevada": "NV", "new hampshire": "NH", "new jersey": "NJ", "new mexico": "NM",
    "new york": "NY", "north carolina": "NC", "north dakota": "ND", "ohio": "OH", "oklahoma": "OK",
    "oregon": "OR", "pennsylvania": "PA", "rhode island": "RI", "south carolina": "SC", "south dakota": "SD",
    "tennessee": "TN", "texas": "TX", "utah": "UT", "vermont": "VT", "virginia": "VA", "washington": "WA",
    "west virginia": "WV", "wisconsin": "WI", "wyoming": "WY", "puerto rico": "PR", "guam": "GU",
    "u.s. virgin islands": "VI", "american samoa": "AS", "northern mariana islands": "MP",
}  # fmt: skip
#: Service-area names that mean the whole country.
NATIONWIDE: Final = frozenset({"united states", "united states of america", "usa", "us", "u.s.", "nationwide"})


def area_states(name: str) -> frozenset[str] | None:
    """The states an HSDS service area's name covers: every one (``NATIONWIDE`` names), one for a state's
    name or code or a place written "..., XX"; None when the name does not say ("Orleans Parish")."""
    text = " ".join(name.lower().split())
    if text in NATIONWIDE:
        return frozenset(STATES.values())
    if text in STATES:
        return frozenset({STATES[text]})
    code = re.fullmatch(r"(?:.+,\s*)?([a-z]{2})", text)
    if code and code.group(1).upper() in STATES.values():
        return frozenset({code.group(1).upper()})
    return None


class UnknownPlace(ValueError):
    pass


def haversine_miles(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in miles."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_MILES * math.asin(min(1.0, math.sqrt(a)))


def bounding_box(lat: float, lon: float, miles: float) -> tuple[float, float, float, float]:
    """(min_lat, max_lat, min_lon, max_lon) enclosing every point within ``miles`` (a prefilter)."""
    dlat = miles / MILES_PER_DEGREE_LAT
    cos = max(math.cos(math.radians(min(89.0, abs(lat) + dlat))), 1e-6)
    dlon = min(180.0, miles / (MILES_PER_DEGREE_LAT * cos))
    return lat - dlat, lat + dlat, lon - dlon, lon + dlon


@cache
def _by_zip() -> dict[str, list[dict[str, Any]]]:
    """Every ZIP code's entries, read once: ``zipcodes.matching`` scans all 42,000 each call (3 ms),
    which made an import of 1M services spend minutes placing their timezones."""
    index: dict[str, list[dict[str, Any]]] = {}
    for z in zipcodes.list_all():  # type: ignore[no-untyped-call]
        index.setdefault(str(z["zip_code"]), []).append(z)
    return index


def _matching(code: str) -> list[dict[str, Any]]:
    if len(code) == 5 and code.isdigit():
        return _by_zip().get(code, [])
    found: list[dict[str, Any]] = zipcodes.matching(code)  # type: ignore[no-untyped-call]
    return found


def zip_place(code: str) -> tuple[str, str, str] | None:
    """(city, county, state) of a ZIP code, or None if unknown."""
    try:
        found = _matching(code)
    except (TypeError, ValueError):
        return None
    if not found:
        return None
    z = found[0]
    return str(z["city"]), str(z["county"]), str(z["state"])


@cache
def zip_timezone(code: str) -> str | None:
    """The IANA timezone of a ZIP code ("America/Chicago"), for "open now"."""
    try:
        found = _matching(code[:5])
    except (TypeError, ValueError):
        return None
    return str(found[0]["timezone"]) if found and found[0].get("timezone") else None


@cache
def _county_index() -> frozenset[tuple[str, str]]:
    return frozenset((_place_key(str(z["county"])), str(z["state"]).upper()) for zs in _by_zip().values() for z in zs)


def _place_key(name: str) -> str:
    return " ".join(re.sub(r"\bsaint\b", "st", name.lower().replace(".", " ").replace(",", " ")).split())


def county_known(county: str, state: str) -> bool:
    """Whether a county (or parish) of that name is in the ZIP table's state: a misspelt or unknown name
    ("Los Angles County") can match no one's ZIP, so it is no limit we can check."""
    return (_place_key(county), state.upper()) in _county_index()


@cache
def _city_index() -> dict[tuple[str, str], list[tuple[float, float]]]:
    index: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for z in zipcodes.list_all():  # type: ignore[no-untyped-call]
        if z.get("lat") and z.get("long") and z.get("zip_code_type") == "STANDARD":
            index.setdefault((z["city"].lower(), z["state"].upper()), []).append((float(z["lat"]), float(z["long"])))
    return index


def geocode(text: str) -> Place:
    """A place from "70112", "New Orleans, LA" or "29.95,-90.07"; raises ``UnknownPlace``."""
    text = text.strip()
    latlon = re.fullmatch(r"(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)", text)
    if latlon:
        lat, lon = float(latlon.group(1)), float(latlon.group(2))
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise UnknownPlace(f"{text!r}: latitude must be -90..90 and longitude -180..180")
        return Place(lat, lon, f"{lat:.4f},{lon:.4f}")
    if re.fullmatch(r"\d{5}(-\d{4})?", text):
        try:
            found = _matching(text)
        except (TypeError, ValueError):
            found = []
        if not found or not found[0].get("lat"):
            raise UnknownPlace(f"{text!r} is not a US ZIP code we know")
        z = found[0]
        return Place(float(z["lat"]), float(z["long"]), f"{text} ({z['city']}, {z['state']})", z["state"])
    city = re.fullmatch(r"(.+?),\s*([A-Za-z]{2})", text)
    if not city:
        raise UnknownPlace(f"{text!r}: give a ZIP code (70112), a city with its state (New Orleans, LA) or lat,lon")
    points = _city_index().get((city.group(1).strip().lower(), city.group(2).upper()))
    if not points:
        raise UnknownPlace(f"{text!r} is not a US city we know")
    lat = sum(p[0] for p in points) / len(points)
    lon = sum(p[1] for p in points) / len(points)
    return Place(lat, lon, f"{city.group(1).strip()}, {city.group(2).upper()}", city.group(2).upper())

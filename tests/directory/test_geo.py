"""Offline geocoding and distances against known city pairs."""

from __future__ import annotations

import pytest

from secondchance.directory.geo import UnknownPlace, bounding_box, geocode, haversine_miles, zip_place


@pytest.mark.parametrize(
    ("a", "b", "miles"),
    [
        # published great-circle distances between city centres (rounded), tolerance 1.5 %
        ((40.7128, -74.0060), (34.0522, -118.2437), 2445),  # New York - Los Angeles
        ((41.8781, -87.6298), (29.7604, -95.3698), 940),  # Chicago - Houston
        ((29.9511, -90.0715), (30.4515, -91.1871), 75),  # New Orleans - Baton Rouge
        ((39.9526, -75.1652), (40.4406, -79.9959), 257),  # Philadelphia - Pittsburgh
    ],
)
def test_haversine_known_city_pairs(a: tuple[float, float], b: tuple[float, float], miles: float) -> None:
    assert haversine_miles(*a, *b) == pytest.approx(miles, rel=0.015)
    assert haversine_miles(*a, *b) == pytest.approx(haversine_miles(*b, *a))


def test_zip_city_and_latlon() -> None:
    place = geocode("70112")
    assert place.lat == pytest.approx(29.96, abs=0.01) and place.lon == pytest.approx(-90.08, abs=0.01)
    city = geocode("New Orleans, LA")
    assert haversine_miles(place.lat, place.lon, city.lat, city.lon) < 10
    assert geocode("39.95,-75.16").lat == 39.95
    assert zip_place("19107") == ("Philadelphia", "Philadelphia County", "PA")


@pytest.mark.parametrize("text", ["00000", "Atlantis, ZZ", "somewhere", "91,200"])
def test_unknown_places_are_refused(text: str) -> None:
    with pytest.raises(UnknownPlace):
        geocode(text)


@pytest.mark.parametrize("lat", [0.0, 29.95, 47.6, 64.8, -33.9])
def test_bounding_box_contains_the_circle(lat: float) -> None:
    low_lat, high_lat, low_lon, high_lon = bounding_box(lat, 10.0, 25)
    for bearing_lat, bearing_lon in [(low_lat, 10.0), (high_lat, 10.0), (lat, low_lon), (lat, high_lon)]:
        assert haversine_miles(lat, 10.0, bearing_lat, bearing_lon) >= 25 * 0.999

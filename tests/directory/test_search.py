"""Search's own decisions: open now in the service's timezone, and the order results come in."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from secondchance.directory.search import is_open

WEEKDAYS_9_TO_5 = json.dumps([["MO,TU,WE,TH,FR", "09:00:00", "17:00:00", True]])


def test_open_now_uses_the_service_timezone() -> None:
    # Monday 2026-11-23 15:30 UTC is 09:30 in New Orleans (CST, UTC-6) and 07:30 in Los Angeles
    moment = datetime(2026, 11, 23, 15, 30, tzinfo=UTC)
    assert is_open(WEEKDAYS_9_TO_5, "America/Chicago", moment) is True
    assert is_open(WEEKDAYS_9_TO_5, "America/Los_Angeles", moment) is False


def test_weekend_and_unlisted_hours() -> None:
    saturday = datetime(2026, 11, 28, 17, 0, tzinfo=UTC)
    assert is_open(WEEKDAYS_9_TO_5, "America/Chicago", saturday) is False
    assert is_open(None, "America/Chicago", saturday) is None
    every_day = json.dumps([[None, "00:00:00", "23:59:59", False]])
    assert is_open(every_day, "Not/AZone", saturday) is True


def test_all_day_hours_read_as_open_24_hours() -> None:
    from secondchance.directory.search import hours_text

    assert hours_text(None, "00:00:00", "23:59:59") == "daily open 24 hours"
    assert hours_text("MO,TU", "09:00:00", "17:00:00") == "MO,TU 09:00–17:00"


def _directory_near_70112() -> list:  # type: ignore[type-arg]
    from secondchance.directory.build import ServiceSpec, add_service, new_directory
    from secondchance.directory.search import entries

    d = new_directory()
    common: dict[str, Any] = {"organization": "Org", "description": "x", "address": "1 Main St", "city": "New Orleans",
              "state": "LA", "zip": "70112", "phone": "504-555-0100"}  # fmt: skip
    add_service(d, ServiceSpec("near", name="Pantry next door", needs=("food",), lat=29.9605, lon=-90.0740, **common))
    add_service(
        d,
        ServiceSpec("hotline", name="Food hotline", needs=("food",), lat=None, lon=None,
                    eligibility=(("records", "any"),), **common),
    )  # fmt: skip
    add_service(d, ServiceSpec("far", name="Far clinic", needs=("medical",), lat=30.9, lon=-90.07, **common))
    return entries(d, lambda _zip: "America/Chicago")


def test_a_remote_hotline_does_not_outrank_a_service_next_door_and_gaps_offer_the_nearest() -> None:
    from secondchance.directory.facts import PersonFacts
    from secondchance.directory.needs import mask
    from secondchance.directory.search import Query, directions_url, gaps, search, sms_summary
    from secondchance.testing.stores import InMemory

    store = InMemory(_directory_near_70112())
    query = Query(29.9605, -90.0753, 25.0, mask(["food", "medical"]), facts=PersonFacts(has_record=True))
    results = search(store, query)
    assert [r.entry.name for r in results] == ["Pantry next door", "Food hotline"]
    assert results[0].match.fit.value == "unknown" and results[1].match.fit.value == "fits"
    assert [n["need"] for n in results[0].matched_needs()] == ["food"]
    missing = gaps(store, query, results, ["food", "medical"])
    assert [g.need for g in missing] == ["medical"]
    assert missing[0].nearest is not None and missing[0].nearest.entry.name == "Far clinic"
    assert "Nothing for doctors, clinics, prescriptions within 25 miles. Nearest: Far clinic" in missing[0].text(25)
    assert directions_url(results[0].entry) == "https://www.openstreetmap.org/directions?to=29.96050%2C-90.07400"
    text = sms_summary(results)
    assert len(text) <= 320 and text.startswith("Pantry next door: 504-555-0100 (0.1mi); Food hotline")

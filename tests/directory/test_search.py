"""Search's own decisions: open now in the service's timezone, and the order results come in."""

from __future__ import annotations

import json
from datetime import UTC, datetime

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

"""Listings that stay honest: last verified shown, stale marked, and the per-organization report."""

from __future__ import annotations

from datetime import date
from typing import Any

from secondchance.directory.build import ServiceSpec, add_service, new_directory
from secondchance.directory.report import report
from secondchance.directory.search import freshness


def test_freshness() -> None:
    today = date(2026, 11, 29)
    assert freshness("2026-01-05", today) == {"last_verified": "2026-01-05", "stale": False}
    assert freshness("2025-11-01T10:00:00Z", today) == {"last_verified": "2025-11-01", "stale": True}
    assert freshness(None, today) == {"last_verified": None, "stale": True}  # never dated: call first


def test_report_lists_what_to_fix_per_organization() -> None:
    d = new_directory()
    common: dict[str, Any] = {"organization": "Org", "description": "x", "address": "1 Main St", "city": "New Orleans",
              "state": "LA", "zip": "70112", "lat": 29.96, "lon": -90.07, "needs": ("food",)}  # fmt: skip
    add_service(d, ServiceSpec("good", name="Good", phone="504-555-0100", min_age=18,
                               extra={"assured_date": "2026-10-01"}, **common))  # fmt: skip
    add_service(
        d, ServiceSpec("bad", name="Bad", phone="", hours=None, extra={"last_modified": "2024-01-01"}, **common)
    )
    d.tables["phone"] = [p for p in d.rows("phone") if p["number"]]
    (row,) = [r for r in report(d, date(2026, 11, 29)) if r.services == 1 and r.listings["no_hours"]]
    assert row.listings == {
        "no_eligibility": ["Bad"],
        "no_hours": ["Bad"],
        "no_phone": ["Bad"],
        "stale": ["Bad (2024-01-01)"],
    }

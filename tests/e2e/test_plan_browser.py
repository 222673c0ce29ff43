"""My plan in a real browser (phone size): from the results to the plan, a release date, the .ics
downloaded and read back, the plan file reopened, Spanish, and axe-core on every state of the page."""

from __future__ import annotations

import json
from datetime import date, timedelta
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

DEMO = json.loads(resources.files("secondchance.examples").joinpath("people.json").read_text())


def results_of(page: Any, tmp_path: Path, who: str) -> None:
    """The results of a demo person, through "I saved my answers before" (the interview is tested elsewhere)."""
    record = tmp_path / f"{who}.json"
    record.write_text(json.dumps(next(p for p in DEMO["people"] if p["id"] == who)))
    page.goto("/check")
    page.get_by_text("I saved my answers before").click()
    page.set_input_files("#record-file", str(record))
    page.get_by_role("button", name="Show my results").click()
    assert page.locator("h1").first.inner_text().strip() == "Your results"


def test_plan_from_the_results_with_its_calendar(audit: Any, page: Any, tmp_path: Path) -> None:
    results_of(page, tmp_path, "luis")
    page.get_by_role("button", name="My plan: dates and first steps").click()
    expect(page.locator("h1").first).to_have_text("My plan")
    audit(page, "plan")
    expect(page.get_by_text("File for dismissal: case LA-15-0101")).to_be_visible()
    release = date.today() + timedelta(days=2)
    page.fill("#release-date", release.isoformat())
    page.get_by_role("button", name="Update my plan").click()
    # post/redirect/get: wait for the page after the redirect, don't read the one before it
    expect(page.get_by_text("Order your birth certificate")).to_be_visible()
    audit(page, "plan-release")
    page.fill("#plan-near", "19107")
    page.select_option("#plan-need", "legal")
    page.get_by_role("button", name="Find services").click()
    expect(page.locator("input[name='service']").first).to_be_visible()
    audit(page, "plan-services-found")
    page.locator("input[name='service']").first.check()
    page.get_by_role("button", name="Add to my plan").click()
    expect(page.get_by_role("heading", name="Services you picked")).to_be_visible()
    with page.expect_download() as info:
        page.get_by_role("button", name="Add to my calendar (.ics)").click()
    download = info.value
    assert download.suggested_filename == "my-plan.ics"
    cal = Calendar.from_ical(Path(download.path()).read_bytes())
    events = {str(e.get("summary")): e for e in cal.walk("VEVENT")}
    assert events["Order your birth certificate"].decoded("dtstart") == release + timedelta(days=3)
    assert events["Get a state ID card"].decoded("dtstart") == release + timedelta(days=14)
    assert events["File for dismissal: case LA-15-0101"].decoded("dtstart") == date.today()
    for event in events.values():
        (alarm,) = event.walk("VALARM")
        assert alarm.decoded("trigger") == timedelta(days=-1)
    # The plan file, reopened as a case worker would.
    with page.expect_download() as saved:
        page.get_by_role("button", name="Save the plan file (.json)").click()
    plan_file = tmp_path / "my-plan.json"
    plan_file.write_bytes(Path(saved.value.path()).read_bytes())
    page.goto("/plan")
    audit(page, "plan-open")
    page.set_input_files("#plan-file", str(plan_file))
    page.get_by_role("button", name="Open the plan").click()
    expect(page.get_by_text("Order your birth certificate")).to_be_visible()
    # Spanish keeps the plan.
    page.get_by_role("button", name="Español").click()
    expect(page.locator("h1").first).to_have_text("Mi plan")
    expect(page.get_by_text("Pida su acta de nacimiento")).to_be_visible()
    audit(page, "plan-es")


def test_plan_at_desktop_width(audit: Any, browser: Any, base_url: str, tmp_path: Path) -> None:
    """The same page at 1280 px: from the results, the PDF downloads and reads back with the plan."""
    from secondchance.papers.pdf import read_pdf

    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=base_url, locale="en-US")
    context.set_default_timeout(8000)
    page = context.new_page()
    page.csp_errors = []
    page.on("console", lambda m: page.csp_errors.append(m.text) if "Content Security Policy" in m.text else None)
    try:
        results_of(page, tmp_path, "maria")
        page.get_by_role("button", name="My plan: dates and first steps").click()
        expect(page.locator("h1").first).to_have_text("My plan")
        audit(page, "plan-desktop")
        expect(page.get_by_text("Check that Clean Slate sealed case CP-51-CR-0001234-2009")).to_be_visible()
        with page.expect_download() as info:
            page.get_by_role("button", name="Download to print (PDF)").click()
        pdf = read_pdf(Path(info.value.path()).read_bytes(), "my-plan.pdf")
        assert 1 <= pdf.pages <= 2
        assert "Clean Slate should already have sealed" in " ".join(line.text for line in pdf.lines)
    finally:
        context.close()

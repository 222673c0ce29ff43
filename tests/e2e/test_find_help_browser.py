"""Find help near me, in a real browser: search, filter by need, answer the questions that matter, print."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e


def search(page: Any, near: str, *needs: str, radius: str = "10") -> None:
    page.fill("#near", near)
    for need in needs:
        page.get_by_label(need).check()
    page.select_option("#radius", radius)
    page.get_by_role("button", name="Search").click()


def test_search_filter_and_answer_questions(audit: Any, page: Any) -> None:
    page.goto("/services")
    assert "Sample listings." in page.content(), "fictional listings are labelled as such"
    audit(page, "services")
    search(page, "19107", "A place to live")
    results = page.locator("article.service")
    results.first.wait_for()
    housing = results.count()
    assert housing >= 1
    audit(page, "services-results")
    assert page.locator("a.tel").first.get_attribute("href").startswith("tel:")
    assert "?" not in page.url, "the search stays out of the URL"
    # filter: add a second need, the list changes and keeps the first need checked
    page.get_by_label("Legal help").check()
    with page.expect_response(lambda response: "/services" in response.url and response.request.method == "POST"):
        page.get_by_role("button", name="Update the list").click()
    expect(page.get_by_label("A place to live")).to_be_checked()
    assert page.locator("article.service").count() >= housing
    # answer the question the listings raised: the shelter no longer says "ask them first" about it
    question = page.get_by_role("group", name="Do you have to register as a sex offender?")
    question.get_by_label("No", exact=True).check()
    page.get_by_role("button", name="Update the list").click()
    # the old list stays on screen until the new one is swapped in: wait for the answer, don't read at once
    shelter = page.locator("article.service", has_text="Emergency shelter").first
    expect(shelter).not_to_contain_text("sex-offense registration; we don't know")
    audit(page, "services-answered")
    page.emulate_media(media="print")
    assert page.evaluate("() => getComputedStyle(document.querySelector('form.search')).display") == "none"


def test_search_without_javascript_and_in_spanish(browser: Any, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 780}, base_url=base_url)
    context.set_default_timeout(8000)
    page = context.new_page()
    page.goto("/services")
    search(page, "Philadelphia, PA", "Legal help", radius="25")
    assert page.locator("article.service").count() >= 1
    page.get_by_role("button", name="Español").click()
    assert page.locator("html").get_attribute("lang") == "es"
    assert page.get_by_label("Ayuda legal").is_checked(), "switching language keeps the search"
    assert "cerca de" in page.locator("#results-h").inner_text()
    context.close()


def test_spanish_services_page_is_accessible(audit: Any, page: Any) -> None:
    page.goto("/services")
    page.get_by_role("button", name="Español").click()
    page.fill("#near", "19107")
    page.get_by_label("Ayuda legal").check()
    page.get_by_role("button", name="Buscar").click()
    page.locator("article.service").first.wait_for()
    audit(page, "services-es")


def test_unknown_place_is_explained(page: Any) -> None:
    page.goto("/services")
    search(page, "Atlantis")
    assert "know that place" in page.get_by_role("alert").inner_text()


def test_search_on_a_phone_to_the_printable_list(audit: Any, page: Any) -> None:
    """On a 360 px phone: search, ask for open-now off, open the printable list, print it."""
    page.goto("/services")
    expect(page.get_by_label("Only places open now")).not_to_be_checked()
    search(page, "19107", "A place to live", "Legal help", radius="25")
    cards = page.locator("article.service")
    cards.first.wait_for()
    count = cards.count()
    summary = page.locator("#sms-summary")
    page.get_by_text("Short version for a text message").click()
    expect(summary).to_be_visible()
    text = summary.input_value()
    assert 0 < len(text) <= 320
    page.get_by_role("button", name="Printable list").click()
    listing = page.locator("#print-list")
    expect(listing).to_be_visible()
    assert listing.locator("ol.print-list > li").count() == count, "every place of the search is on the list"
    assert text in listing.inner_text()
    assert "?" not in page.url, "the search stays out of the URL"
    audit(page, "services-print")
    expect(page.get_by_role("button", name="Print", exact=True)).to_be_visible()
    page.emulate_media(media="print")
    assert page.evaluate("() => getComputedStyle(document.querySelector('#print-list')).display") != "none"
    assert page.evaluate("() => getComputedStyle(document.querySelector('form.no-print')).display") == "none"
    page.emulate_media(media="screen")
    page.get_by_role("button", name="Back to the search").click()
    expect(page.get_by_label("Legal help")).to_be_checked()

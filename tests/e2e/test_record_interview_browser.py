"""The record interview in a real browser: two people, "I don't know", Spanish, no JavaScript, a11y."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.e2e


def choose(page: Any, label: str) -> None:
    page.get_by_label(label, exact=False).first.check()
    page.get_by_role("button", name="Next").click()


def next_with(page: Any, field: str, value: str) -> None:
    page.fill(f"input[name='{field}']", value)
    page.get_by_role("button", name="Next").click()


def heading(page: Any) -> str:
    return str(page.locator("h1").first.inner_text()).strip()


def test_home_page_offers_both_doors(audit: Any, page: Any) -> None:
    page.goto("/")
    audit(page, "home")
    assert page.get_by_role("link", name="Can my record be cleared?").is_visible()
    assert page.get_by_role("link", name="Find help near me").first.is_visible()
    page.get_by_role("link", name="Can my record be cleared?").click()
    assert heading(page) == "Can my record be cleared?"
    assert "Your answers are kept for 2 hours, only for this browser" in page.content()


def test_person_with_a_withdrawn_and_a_convicted_charge(audit: Any, page: Any) -> None:
    page.goto("/check")
    audit(page, "check-intro")
    page.get_by_role("button", name="Start").click()
    assert heading(page) == "Which state was the case in?"
    audit(page, "check-state")
    choose(page, "Pennsylvania")
    assert heading(page) == "When were you born?"
    audit(page, "check-birth")
    next_with(page, "birth", "1984-05-02")
    assert heading(page) == "What was the charge?"
    audit(page, "check-charge")
    page.fill("input[name='description']", "Receiving stolen property")
    page.fill("input[name='statute']", "18 Pa.C.S. § 3925")
    page.get_by_role("button", name="Next").click()
    assert heading(page) == "What was the grade of the charge?"
    page.get_by_text("What is a grade?").click()
    audit(page, "check-grade")
    choose(page, "Misdemeanor, second degree (M2)")
    assert heading(page) == "How did the charge end?"
    audit(page, "check-disposition")
    choose(page, "The prosecutor withdrew the charge")
    next_with(page, "disposition_date", "2009-09-01")
    assert heading(page) == "Do you have another charge to add?"
    choose(page, "Yes, another charge in the same case")
    # the second charge: a conviction, so the sentence questions follow
    next_with(page, "description", "Possession of a controlled substance")
    choose(page, "Misdemeanor with no degree (M)")
    choose(page, "Found guilty, or pleaded guilty or no contest")
    next_with(page, "disposition_date", "2009-09-01")
    assert heading(page) == "Were you sentenced to jail or prison for this charge?"
    choose(page, "No")
    choose(page, "Probation")  # the kind of supervision
    next_with(page, "probation_end", "2010-09-01")
    choose(page, "Yes")  # completed
    assert heading(page) == "Do you still owe fines or court costs for this charge?"
    audit(page, "check-fines")
    choose(page, "No, it is all paid")
    page.get_by_role("button", name="I don't know").click()  # restitution
    choose(page, "No")  # pardoned
    choose(page, "No, show my results")
    assert heading(page) == "Your results"
    audit(page, "results-pa")
    charges = page.locator("article.charge")
    assert charges.count() == 2
    first = charges.nth(0)
    assert "Receiving stolen property" in first.inner_text()
    assert "can be cleared now" in first.locator(".headline").inner_text()
    link = first.locator("a[href='/rules/PA-9122-a2-nonconviction']")
    assert link.inner_text().startswith("18 Pa.C.S. § 9122(a)(2)")
    assert "Possession of a controlled substance" in charges.nth(1).inner_text()
    assert "/check" in page.url and "?" not in page.url, "answers must never be in the URL"
    assert "(opens in a new tab)" in link.inner_text(), "the new tab is announced"
    with page.context.expect_page() as opened:
        link.click()
    rule = opened.value
    rule.wait_for_load_state()
    rule.csp_errors = []
    assert "nonconviction data" in rule.locator("blockquote").inner_text()
    audit(rule, "rule")
    assert heading(page) == "Your results", "the results stay open behind it"


def test_person_who_does_not_know_how_it_ended(audit: Any, page: Any) -> None:
    page.goto("/check")
    page.get_by_role("button", name="Start").click()
    choose(page, "Pennsylvania")
    page.get_by_role("button", name="I don't know").click()  # birth date
    page.get_by_role("button", name="I don't know").click()  # the charge's name
    page.get_by_role("button", name="I don't know").click()  # grade
    page.get_by_role("button", name="I don't know").click()  # disposition
    page.get_by_role("button", name="I don't know").click()  # disposition date
    assert heading(page) == "Were you sentenced to jail or prison for this charge?"
    page.get_by_role("button", name="Back").click()
    assert heading(page) == "When did the charge end?"
    page.get_by_role("button", name="I don't know").click()
    for _ in range(5):  # jail, probation, fines, restitution, pardon
        page.get_by_role("button", name="I don't know").click()
    choose(page, "No, show my results")
    assert heading(page) == "Your results"
    audit(page, "results-unknowns")
    charge = page.locator("article.charge").first
    assert "How it ended is not known" in charge.inner_text()
    assert "ended (guilty, not guilty, dismissed, withdrawn" in charge.inner_text()  # the fact, in words


def test_a_date_in_the_future_is_explained(audit: Any, page: Any) -> None:
    page.goto("/check")
    page.get_by_role("button", name="Start").click()
    choose(page, "California")
    next_with(page, "birth", "2999-01-01")
    assert heading(page) == "When were you born?"
    assert "in the future" in page.get_by_role("alert").inner_text()
    audit(page, "check-error")


def test_another_state_gets_a_plain_answer(page: Any) -> None:
    page.goto("/check")
    page.get_by_role("button", name="Start").click()
    choose(page, "Another state or federal court")
    assert heading(page) == "Your results"
    assert "We can only check California, Louisiana, Missouri and Pennsylvania" in page.content()


def test_spanish_persists_and_keeps_interview_answers(audit: Any, page: Any) -> None:
    page.goto("/")
    page.get_by_role("button", name="Español").click()
    assert page.locator("html").get_attribute("lang") == "es"
    audit(page, "home-es")
    page.goto("/check")
    assert page.locator("html").get_attribute("lang") == "es", "the language choice persists"
    page.get_by_role("button", name="Empezar").click()
    page.get_by_label("Pensilvania").check()
    page.get_by_role("button", name="Siguiente").click()
    assert heading(page) == "¿Cuándo nació?"
    page.get_by_role("button", name="English").click()
    assert heading(page) == "When were you born?", "switching language keeps the interview where it was"
    page.get_by_role("button", name="Español").click()
    page.get_by_role("button", name="No sé").click()
    audit(page, "check-charge-es")
    page.fill("input[name='description']", "Robo")
    page.get_by_role("button", name="Siguiente").click()
    page.get_by_label("Delito menor de segundo grado (M2)").check()
    page.get_by_role("button", name="Siguiente").click()
    page.get_by_label("El juez desestimó el cargo").check()
    page.get_by_role("button", name="Siguiente").click()
    page.get_by_role("button", name="No sé").click()
    page.get_by_label("No, mostrar mis resultados").check()
    page.get_by_role("button", name="Siguiente").click()
    assert heading(page) == "Sus resultados"
    audit(page, "results-es")
    assert "se puede borrar ahora" in page.locator("article.charge .headline").first.inner_text()


def test_interview_works_without_javascript(browser: Any, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 780}, base_url=base_url)
    page = context.new_page()
    page.goto("/check")
    page.get_by_role("button", name="Start").click()
    choose(page, "Pennsylvania")
    next_with(page, "birth", "1970-02-03")
    next_with(page, "description", "Simple assault")
    choose(page, "Misdemeanor, second degree (M2)")
    choose(page, "Found not guilty at trial")
    next_with(page, "disposition_date", "2001-05-06")
    choose(page, "No, show my results")
    assert heading(page) == "Your results"
    assert "can be cleared now" in page.locator("article.charge .headline").first.inner_text()
    with page.expect_download() as download:
        page.get_by_role("button", name="Download my answers").click()
    saved = download.value.path()
    assert '"disposition": "not_guilty"' in saved.read_text()
    page.goto("/check")
    page.get_by_text("I saved my answers before").click()
    page.set_input_files("#record-file", str(saved))
    page.get_by_role("button", name="Show my results").click()
    assert heading(page) == "Your results"
    assert "Simple assault" in page.locator("article.charge").first.inner_text()
    context.close()


@pytest.mark.parametrize("width", [320, 640])
def test_reflows_without_horizontal_scrolling(browser: Any, base_url: str, width: int) -> None:
    """320 px is 1280 px at 400% zoom; 640 px is 1280 px at 200% (WCAG 1.4.10 reflow, 1.4.4 resize)."""
    context = browser.new_context(viewport={"width": width, "height": 700}, base_url=base_url)
    page = context.new_page()
    for path in ("/", "/check", "/about", "/rules/PA-9122-a2-nonconviction"):
        page.goto(path)
        overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at {width}px"
    context.close()


def test_tap_targets_are_large(page: Any) -> None:
    page.goto("/check")
    page.get_by_role("button", name="Start").click()
    page.get_by_label("Pennsylvania").check()
    page.get_by_role("button", name="Next").click()
    for name in ("Next", "I don't know", "Back"):
        box = page.get_by_role("button", name=name).bounding_box()
        assert box["height"] >= 44, f"{name} is {box['height']}px tall"


def test_print_hides_controls(page: Any) -> None:
    page.goto("/about")
    page.emulate_media(media="print")
    display = page.evaluate("() => getComputedStyle(document.querySelector('header.site .lang')).display")
    assert display == "none"


def test_about_and_error_pages(audit: Any, page: Any) -> None:
    page.goto("/about")
    assert heading(page) == "About and privacy"
    audit(page, "about")
    response = page.goto("/no-such-page")
    assert response.status == 404
    audit(page, "error-404")
    page.goto("/check")
    page.context.clear_cookies()  # the form's token no longer matches: as if it came from elsewhere
    page.get_by_role("button", name="Start").click()
    assert heading(page) == "This form has expired"
    audit(page, "error-403")

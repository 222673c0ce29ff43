"""State that survives the browser (issue 12), in real Chromium at phone and desktop widths: Back from
every step and from the results restores the page, reload keeps it, the language switch keeps what was
typed, statute pages open in a new tab, the results lead and "Find help" arrives knowing the record."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

pytestmark = pytest.mark.e2e

VIEWPORTS = {"phone": {"width": 360, "height": 780}, "desktop": {"width": 1280, "height": 900}}


@pytest.fixture(params=list(VIEWPORTS))
def tab(request: pytest.FixtureRequest, browser: Any, base_url: str) -> Iterator[Any]:
    context = browser.new_context(viewport=VIEWPORTS[request.param], base_url=base_url, locale="en-US")
    context.set_default_timeout(8000)
    page = context.new_page()
    page.csp_errors = []
    page.on(
        "console",
        lambda message: page.csp_errors.append(message.text) if "Content Security Policy" in message.text else None,
    )
    page.viewport_name = request.param
    yield page
    context.close()


def heading(page: Any) -> str:
    return str(page.locator("h1").first.inner_text()).strip()


def choice(label: str) -> Callable[[Any], None]:
    def act(page: Any) -> None:
        page.get_by_label(label, exact=False).first.check()

    return act


def fill(**fields: str) -> Callable[[Any], None]:
    def act(page: Any) -> None:
        for name, value in fields.items():
            page.fill(f"input[name='{name}']", value)

    return act


def year_only(name: str, year: str) -> Callable[[Any], None]:
    def act(page: Any) -> None:
        page.get_by_text("I only know the year").click()
        page.fill(f"input[name='{name}_year']", year)

    return act


#: The journey: (the question on screen, how it is answered, what Back must show was answered).
JOURNEY: list[tuple[str, Callable[[Any], None], tuple[str, str] | None]] = [
    ("Which state was the case in?", choice("Pennsylvania"), ("input[value='PA']", "checked")),
    ("When were you born?", fill(birth="1984-05-02"), ("input[name='birth']", "1984-05-02")),
    (
        "What was the charge?",
        fill(description="Retail theft", statute="18 Pa.C.S. § 3929"),
        ("input[name='description']", "Retail theft"),
    ),
    ("What was the grade of the charge?", choice("Misdemeanor, second degree (M2)"), ("input[value='M2']", "checked")),
    ("How did the charge end?", choice("The prosecutor withdrew the charge"), ("input[value='withdrawn']", "checked")),
    ("When did the charge end?", fill(disposition_date="2009-09-01"), ("input[name='disposition_date']", "2009-09-01")),
    ("Do you have another charge to add?", choice("Yes, another charge in the same case"), None),
    ("What was the charge?", fill(description="Simple assault"), ("input[name='description']", "Simple assault")),
    ("What was the grade of the charge?", choice("Misdemeanor, second degree (M2)"), None),
    ("How did the charge end?", choice("Found guilty"), None),
    ("When did the charge end?", year_only("disposition_date", "2012"), ("#answer-year", "2012")),
    ("Were you sentenced to jail or prison for this charge?", choice("No"), ("input[value='no']", "checked")),
    ("Were you on probation, parole or other supervision for this charge?", choice("No supervision"), None),
    ("Do you still owe fines or court costs for this charge?", choice("No, it is all paid"), None),
    ("Do you still owe restitution for this charge?", lambda page: None, None),  # "I don't know"
    ("Was this conviction pardoned?", choice("No"), None),
    ("Do you have another charge to add?", choice("No, show my results"), None),
]


def restored(page: Any, check: tuple[str, str] | None) -> None:
    if check is None:
        return
    selector, value = check
    field = page.locator(selector).first
    if value == "checked":
        assert field.is_checked(), f"{selector} was answered"
    else:
        assert field.input_value() == value, f"{selector} keeps {value}"


def test_back_and_reload_restore_every_step_and_the_results(audit: Any, tab: Any) -> None:
    page = tab
    page.goto("/check")
    page.get_by_role("button", name="Start").click()
    for number, (question, act, check) in enumerate(JOURNEY):
        assert heading(page) == question
        act(page)
        if check and check[0] == "#answer-year":
            audit(page, f"state-year-only-{page.viewport_name}")
        button = "I don't know" if question.startswith("Do you still owe restitution") else "Next"
        page.get_by_role("button", name=button).click()
        page.wait_for_load_state()
        after = heading(page)
        back = page.go_back()
        assert back is not None and back.request.method == "GET", "Back is a page, never a form resubmission"
        assert heading(page) == question, f"Back from step {number + 1} shows its question again"
        restored(page, check)
        page.go_forward()
        assert heading(page) == after
        if number % 4 == 0:
            page.reload()
            assert heading(page) == after, "reload keeps the step"
    assert heading(page) == "Your results"
    audit(page, f"state-results-{page.viewport_name}")
    summary = page.locator("section.summary")
    assert "1 of 2 charges can be cleared now." in summary.inner_text()
    assert summary.locator("li").count() == 2
    assert "/check/" in page.url and "?" not in page.url and "Retail" not in page.url
    results_url = page.url
    page.reload()
    assert heading(page) == "Your results" and page.url == results_url
    # The statute opens in a new tab; the results stay.
    link = page.locator("a[href='/rules/PA-9122-a2-nonconviction']").first
    with page.context.expect_page() as opened:
        link.click()
    opened.value.wait_for_load_state()
    assert "nonconviction data" in opened.value.content()
    opened.value.close()
    assert heading(page) == "Your results"
    # Find help from the results, then Back to the results.
    page.get_by_role("link", name="Find free legal help near me").first.click()
    assert heading(page) == "Find help near me"
    assert page.locator("input[type=checkbox][value='legal.record_clearance']").is_checked()
    audit(page, f"state-services-from-results-{page.viewport_name}")
    page.go_back()
    assert heading(page) == "Your results" and page.url == results_url, "Back from the services reaches the results"
    # Back from the results: the last question, answered.
    page.go_back()
    assert heading(page) == "Do you have another charge to add?"
    assert page.locator("input[value='done']").is_checked()


def test_language_switch_keeps_what_was_typed(audit: Any, tab: Any) -> None:
    page = tab
    page.goto("/check")
    page.get_by_role("button", name="Start").click()
    page.get_by_label("California").check()
    page.get_by_role("button", name="Next").click()
    page.get_by_role("button", name="I don't know").click()
    assert heading(page) == "What was the charge?"
    page.fill("input[name='description']", "Petty theft")
    page.fill("input[name='statute']", "PC 484")
    page.get_by_role("button", name="Español").click()
    assert heading(page) == "¿Cuál fue el cargo?"
    assert page.locator("input[name='description']").input_value() == "Petty theft"
    assert page.locator("input[name='statute']").input_value() == "PC 484"
    audit(page, f"state-lang-kept-{page.viewport_name}")
    page.get_by_role("button", name="English").click()
    assert page.locator("input[name='description']").input_value() == "Petty theft"
    page.context.clear_cookies(name="sc_lang")


def test_the_follow_up_question_and_the_zip_asked_once(audit: Any, tab: Any) -> None:
    page = tab
    page.goto("/check")
    page.get_by_role("button", name="Start").click()
    page.get_by_label("Pennsylvania").check()
    page.get_by_role("button", name="Next").click()
    page.fill("input[name='birth']", "1980-01-01")
    page.get_by_role("button", name="Next").click()
    page.fill("input[name='description']", "Simple assault")
    page.get_by_role("button", name="Next").click()
    page.get_by_label("Misdemeanor, second degree (M2)").check()
    page.get_by_role("button", name="Next").click()
    page.get_by_label("Found guilty").check()
    page.get_by_role("button", name="Next").click()
    page.fill("input[name='disposition_date']", "2012-03-04")
    page.get_by_role("button", name="Next").click()
    page.get_by_label("No", exact=True).check()
    page.get_by_role("button", name="Next").click()
    page.get_by_label("No supervision").check()
    page.get_by_role("button", name="Next").click()
    page.get_by_label("No, it is all paid").check()
    page.get_by_role("button", name="Next").click()
    page.get_by_role("button", name="I don't know").click()  # restitution
    page.get_by_label("No", exact=True).check()
    page.get_by_role("button", name="Next").click()
    page.get_by_label("No, show my results").check()
    page.get_by_role("button", name="Next").click()
    assert heading(page) == "Your results"
    question = page.locator("form.followup")
    assert "Do you still owe restitution for this charge?" in question.inner_text()
    audit(page, f"state-follow-up-{page.viewport_name}")
    page.get_by_role("button", name="Español").click()
    assert heading(page) == "Sus resultados", "the switch keeps the results"
    assert "Su cargo" in page.locator("section.summary").inner_text()
    audit(page, f"state-results-es-{page.viewport_name}")
    page.get_by_role("button", name="English").click()
    question = page.locator("form.followup")
    question.get_by_label("No, it is all paid").check()
    question.get_by_role("button", name="Check again with this answer").click()
    assert heading(page) == "Your results"
    assert page.locator("form.followup").count() == 0 or "restitution" not in page.locator("form.followup").inner_text()
    page.get_by_role("link", name="Find free legal help near me").first.click()
    assert "What is your ZIP code? We ask only once." in page.content()
    assert "You have a criminal record." in page.content()
    page.fill("#near", "19107")
    page.get_by_role("button", name="Search").click()
    page.locator("article.service").first.wait_for()
    assert "For: Clearing a record" in page.locator("article.service").first.inner_text()
    audit(page, f"state-services-searched-{page.viewport_name}")
    page.go_back()  # the search ran in place (htmx): one step back is the results
    assert heading(page) == "Your results"
    page.get_by_role("link", name="Find free legal help near me").first.click()
    assert "We ask only once" not in page.content(), "the ZIP is not asked twice"
    assert page.locator("#near").input_value() == "19107"
    assert page.locator("#results").count() == 1, page.locator("main").inner_text()[:1500]

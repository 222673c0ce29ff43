"""One person's whole journey in real Chromium at phone size (issue 12), with axe-core on every page:
the demo's three-case example (luis) → results → a statute in a new tab → court papers → Back → the
results still there → the papers form again → one petition PDF downloaded and read back → My plan →
reload → Spanish → services with a ZIP typed but not searched → the language switched → the ZIP kept.

At each step the test asserts what the person sees, and that no page is a "Confirm Form Resubmission"
(every page reached by Back or reload is a GET: post/redirect/get)."""

from __future__ import annotations

import io
import json
import re
from importlib import resources
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

PETITION = "03-ca-dismissal-petition-LA-18-0042.pdf"
CASES = re.compile(r"LA-\d\d-\d{4}")


def see(page: Any, title: str) -> None:
    """The page titled ``title`` is shown (waits past a redirect: never reads the page before it)."""
    expect(page.locator("h1").first).to_have_text(title)


def pdf_text(data: bytes) -> str:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return " ".join(" ".join((page.extract_text() or "") for page in pdf.pages).split())


def plan_items(page: Any) -> list[str]:
    return [str(t).strip() for t in page.locator("li.plan-item h3").all_inner_texts()]


def test_from_the_results_to_papers_plan_and_help_with_back_reload_and_spanish(
    page: Any, audit: Any, tmp_path: Path
) -> None:
    people = json.loads(resources.files("secondchance.examples").joinpath("people.json").read_text("utf-8"))
    record = tmp_path / "my-record.json"
    record.write_text(json.dumps(next(p for p in people["people"] if p["id"] == "luis")), encoding="utf-8")

    # The results of the demo's three cases (four charges), from the saved answers.
    page.goto("/check")
    page.get_by_text("I saved my answers before").click()
    page.set_input_files("#record-file", str(record))
    page.get_by_role("button", name="Show my results").click()
    see(page, "Your results")
    results_url = page.url
    assert re.fullmatch(r".*/check/[0-9a-f]{32}", results_url), "only a random reference in the URL"
    summary = page.locator("section.summary")
    assert summary.locator("h2").inner_text().strip() == "4 of 4 charges can be cleared now."
    lines = summary.locator("ul.charge-lines li").all_inner_texts()
    assert "Second-degree burglary: Dismissal now. You must ask the court for it." in lines
    assert "Petty theft: Clean Slate sealing now. It should happen on its own." in lines
    audit(page, "journey-results")

    # A statute opens in a new tab; the results stay where they were.
    law = page.locator("section.result a[target='_blank']").first
    with page.context.expect_page() as opened:
        law.click()
    rule = opened.value
    rule.wait_for_load_state()
    assert "/rules/" in rule.url
    rule.close()
    see(page, "Your results")
    assert page.url == results_url

    # Court papers, then Back: the results are still there (a GET, no resubmission).
    page.get_by_role("button", name="Get my court papers").click()
    see(page, "Get my court papers")
    papers_url = page.url
    assert re.fullmatch(r".*/papers/[0-9a-f]{32}", papers_url), papers_url
    made = page.locator("ul.papers li").all_inner_texts()
    assert [CASES.findall(line)[-1] for line in made] == ["LA-15-0101", "LA-18-0042", "LA-24-0777"]
    assert "Petition to seal arrest" in made[2]
    audit(page, "journey-papers")
    page.go_back()
    see(page, "Your results")
    assert page.url == results_url
    assert page.locator("section.summary h2").inner_text().strip() == "4 of 4 charges can be cleared now."
    page.go_forward()
    see(page, "Get my court papers")  # the papers form shows again
    assert page.url == papers_url

    # The name and address are asked here; one petition is downloaded as a PDF and read back.
    assert page.get_by_label("County of the court").first.input_value() == "Los Angeles"
    page.get_by_label("Your full name").fill("Jane Example")
    page.get_by_label("Your mailing address").fill("1 Sample Street, Los Angeles, CA 90012")
    with page.expect_download() as got:
        page.get_by_role("button", name=PETITION).click()
    assert got.value.suggested_filename == PETITION
    text = pdf_text(Path(got.value.path()).read_bytes())
    assert "SUPERIOR COURT OF CALIFORNIA, COUNTY OF LOS ANGELES" in text
    for words in ("LA-18-0042", "PC 459", "§ 17(b)", "§ 1203.4", "Jane Example"):
        assert words in text, words
    see(page, "Get my court papers")
    assert "Jane Example" not in page.url
    # Back, then Forward and reload: the papers form again, never a resubmission; the name is not kept.
    page.go_back()
    see(page, "Your results")
    page.go_forward()
    see(page, "Get my court papers")
    page.reload()
    see(page, "Get my court papers")
    assert page.get_by_label("Your full name").input_value() == "", "the name is never kept by the server"
    assert page.get_by_role("button", name=PETITION).is_visible()
    audit(page, "journey-papers-again")

    # My plan from the results; reload keeps it.
    page.go_back()
    see(page, "Your results")
    page.get_by_role("button", name="My plan: dates and first steps").click()
    see(page, "My plan")
    plan_url = page.url
    assert re.fullmatch(r".*/plan/[0-9a-f]{32}", plan_url), plan_url
    english = plan_items(page)
    assert "File for dismissal: case LA-15-0101" in english
    assert "Check automatic sealing of case LA-24-0777" in english
    audit(page, "journey-plan")
    page.reload()
    see(page, "My plan")
    assert plan_items(page) == english, "reload keeps the plan"

    # Spanish: the same plan, item for item, in Spanish (and the ZIP typed but not searched, kept).
    page.fill("#plan-near", "19107")
    page.get_by_role("button", name="Español").click()
    see(page, "Mi plan")
    assert page.locator("#plan-near").input_value() == "19107"
    expect(page.locator("html")).to_have_attribute("lang", "es")
    spanish = plan_items(page)
    assert "Pida anulación de la condena (dismissal): caso LA-15-0101" in spanish
    assert [CASES.findall(item) for item in spanish] == [CASES.findall(item) for item in english]
    assert len(spanish) == len(english)
    audit(page, "journey-plan-es")
    page.reload()
    see(page, "Mi plan")
    assert plan_items(page) == spanish

    # Services: a ZIP and a need typed, not searched; the language switch keeps them.
    page.goto("/services")
    see(page, "Buscar ayuda cerca de mí")
    page.fill("#near", "19107")
    page.get_by_label("Ayuda legal").check()
    page.get_by_role("button", name="English").click()
    see(page, "Find help near me")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert page.locator("#near").input_value() == "19107", "the typed ZIP is kept"
    assert page.get_by_label("Legal help").is_checked()
    assert page.locator("#results").count() == 0, "nothing was searched"
    audit(page, "journey-services-typed")
    # Searched (htmx, in place), then a new ZIP typed and the language switched: both kept.
    page.get_by_role("button", name="Search").click()
    page.locator("article.service").first.wait_for()
    place = page.locator("#results-h").inner_text()
    assert "19107" in place
    page.fill("#near", "Pittsburgh, PA")
    page.get_by_role("button", name="Español").click()
    expect(page.locator("html")).to_have_attribute("lang", "es")
    assert page.locator("#near").input_value() == "Pittsburgh, PA"
    assert "19107" in page.locator("#results-h").inner_text(), "the search shown is kept"
    assert page.get_by_label("Ayuda legal").is_checked()
    audit(page, "journey-services-es")
    page.context.clear_cookies(name="sc_lang")


def test_papers_language_switch_keeps_the_typed_name_only_in_the_browser(page: Any, audit: Any, tmp_path: Path) -> None:
    """The county and docket come back from the kept interview; the name and address from this tab's own
    sessionStorage, erased once put back (the server never keeps them)."""
    people = json.loads(resources.files("secondchance.examples").joinpath("people.json").read_text("utf-8"))
    record = tmp_path / "my-record.json"
    record.write_text(json.dumps(next(p for p in people["people"] if p["id"] == "luis")), encoding="utf-8")
    page.goto("/check")
    page.get_by_text("I saved my answers before").click()
    page.set_input_files("#record-file", str(record))
    page.get_by_role("button", name="Show my results").click()
    page.get_by_role("button", name="Get my court papers").click()
    see(page, "Get my court papers")
    page.get_by_label("Docket or case number (optional)").first.fill("LA-15-0999")
    page.get_by_label("Your full name").fill("Jane Example")
    page.get_by_label("Your mailing address").fill("1 Sample Street")
    page.get_by_role("button", name="Español").click()
    see(page, "Obtener mis documentos para la corte")
    assert "Jane" not in page.url
    assert page.locator("#docket-0").input_value() == "LA-15-0999"
    assert page.locator("#name").input_value() == "Jane Example"
    assert page.locator("#address").input_value() == "1 Sample Street"
    kept = page.evaluate("() => Object.keys(sessionStorage).filter((key) => key.startsWith('sc-keep:'))")
    assert kept == [], "put back, then erased"
    audit(page, "journey-papers-es-kept")
    page.reload()
    assert page.locator("#name").input_value() == "", "kept nowhere after that"
    page.context.clear_cookies(name="sc_lang")

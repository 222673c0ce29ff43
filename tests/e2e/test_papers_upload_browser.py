"""'Upload my court papers' in a real browser on a phone: upload a generated docket, fix one value on the
review page, answer the one the docket could not give, and see the results."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from secondchance.testing.papers import convicted_pa

pytestmark = pytest.mark.e2e


def test_upload_review_edit_and_screen(audit: Any, page: Any, tmp_path: Path) -> None:
    _, pdf = convicted_pa()
    docket = tmp_path / "CP-51-CR-0001234-2010.pdf"
    docket.write_bytes(pdf)
    page.goto("/check")
    page.get_by_role("link", name="I have my court papers: upload them instead").click()
    assert page.locator("h1").first.inner_text() == "Upload my court papers"
    audit(page, "papers-upload")
    page.set_input_files("#documents", str(docket))
    page.get_by_role("button", name="Read my papers").click()
    assert page.locator("h1").first.inner_text() == "Check what we read"
    audit(page, "papers-review")
    assert page.get_by_label("The law (statute section)").first.input_value() == "18 Pa.C.S. § 3929(a)(1)"
    assert "Max of 1.00 Year" in page.content()  # what the docket printed where an end date was needed
    # one value edited (the grade of the first charge), one answered that the docket could not give
    page.locator("select[name='f:cases[0].charges[0].grade']").select_option("M3")
    page.locator("input[name='f:cases[0].charges[0].sentence.probation_end']").fill("2011-06-01")
    page.get_by_role("button", name="See what the law allows").click()
    assert page.locator("h1").first.inner_text() == "Your results"
    audit(page, "papers-results")
    charges = page.locator("article.charge")
    assert charges.count() == 2
    assert "M3" in charges.first.inner_text()

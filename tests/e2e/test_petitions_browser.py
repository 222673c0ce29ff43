"""From the results to downloaded court papers in a real browser (phone and desktop): the person's
record is uploaded, "Get my court papers" asks name and address, and the downloaded PDFs name the
right court, docket and statute for each charge (read back with pdfplumber). axe-core on the page."""

from __future__ import annotations

import io
import json
import zipfile
from importlib import resources
from pathlib import Path
from typing import Any

import pdfplumber
import pytest

pytestmark = pytest.mark.e2e

LA = "SUPERIOR COURT OF CALIFORNIA, COUNTY OF LOS ANGELES"
#: luis (the demo's three cases): petition -> docket, and the statutes and sections each must name.
EXPECTED = {
    "01-ca-dismissal-petition-LA-15-0101.pdf": ("LA-15-0101", ["HS 11359", "§ 1203.4"]),
    "03-ca-dismissal-petition-LA-18-0042.pdf": ("LA-18-0042", ["PC 459", "HS 11357(a)", "§ 17(b)", "§ 1203.4"]),
    "05-ca-seal-arrest-petition-LA-24-0777.pdf": ("LA-24-0777", ["PC 484(a)", "§ 851.91"]),
}


def pdf_text(data: bytes) -> str:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return " ".join(" ".join((page.extract_text() or "") for page in pdf.pages).split())


def record_file(tmp_path: Path, person_id: str) -> Path:
    people = json.loads(resources.files("secondchance.examples").joinpath("people.json").read_text("utf-8"))
    path = tmp_path / "my-record.json"
    path.write_text(json.dumps(next(p for p in people["people"] if p["id"] == person_id)), encoding="utf-8")
    return path


def to_papers(page: Any, tmp_path: Path, person_id: str) -> None:
    page.goto("/check")
    page.get_by_text("I saved my answers before").click()
    page.set_input_files("#record-file", str(record_file(tmp_path, person_id)))
    page.get_by_role("button", name="Show my results").click()
    assert page.locator("h1").first.inner_text().strip() == "Your results"
    page.get_by_role("button", name="Get my court papers").click()
    assert page.locator("h1").first.inner_text().strip() == "Get my court papers"
    assert "?" not in page.url, "nothing personal in the URL"


@pytest.mark.parametrize(
    "viewport", [{"width": 360, "height": 780}, {"width": 1280, "height": 900}], ids=["phone", "desktop"]
)
def test_results_to_downloaded_petitions(
    browser: Any, base_url: str, audit: Any, tmp_path: Path, viewport: Any
) -> None:
    context = browser.new_context(viewport=viewport, base_url=base_url, locale="en-US", accept_downloads=True)
    context.set_default_timeout(30000)
    page = context.new_page()
    page.csp_errors = []
    page.on("console", lambda m: page.csp_errors.append(m.text) if "Content Security Policy" in m.text else None)
    try:
        to_papers(page, tmp_path, "luis")
        audit(page, f"papers-{viewport['width']}")
        assert page.get_by_label("County of the court").first.input_value() == "Los Angeles"
        page.get_by_label("Your full name").fill("Jane Example")
        page.get_by_label("Your mailing address").fill("1 Sample Street, Los Angeles, CA 90012")
        with page.expect_download() as zipped:
            page.get_by_role("button", name="Download all papers (ZIP)").click()
        archive = zipfile.ZipFile(zipped.value.path())
        for name, (docket, statutes) in EXPECTED.items():
            text = pdf_text(archive.read(name))
            assert LA in text, name
            assert docket in text, name
            for statute in statutes:
                assert statute in text, (name, statute)
            assert "Jane Example" in text
        checklist = pdf_text(archive.read("00-checklist.pdf"))
        assert "Where to file" in checklist and "What it costs" in checklist
        with page.expect_download() as one:
            page.get_by_role("button", name="03-ca-dismissal-petition-LA-18-0042.pdf").click()
        assert one.value.suggested_filename == "03-ca-dismissal-petition-LA-18-0042.pdf"
        assert "PC 459" in pdf_text(Path(one.value.path()).read_bytes())
        assert page.locator("h1").first.inner_text().strip() == "Get my court papers", "a download leaves the page"
    finally:
        context.close()


def test_papers_page_in_spanish(page: Any, audit: Any, tmp_path: Path) -> None:
    to_papers(page, tmp_path, "maria")
    page.get_by_role("button", name="Español").click()
    assert page.locator("h1").first.inner_text().strip() == "Obtener mis documentos para la corte"
    assert page.locator("html").get_attribute("lang") == "es"
    audit(page, "papers-es")

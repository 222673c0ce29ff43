"""HTML to PDF with WeasyPrint: the one call the plan and the court papers share."""

from __future__ import annotations

import logging

for _name in ("weasyprint", "fontTools"):
    logging.getLogger(_name).setLevel(logging.ERROR)


def html_to_pdf(html: str) -> bytes:
    """A PDF of ``html``. Nothing outside it is fetched: the page brings its own CSS inline, and the
    URL fetcher refuses every URL, so a value from a record can never make WeasyPrint reach out."""
    from weasyprint import HTML

    def no_fetch(url: str, *args: object, **kwargs: object) -> dict[str, object]:
        raise ValueError(f"not fetched: {url[:60]}")

    document = HTML(string=html, url_fetcher=no_fetch, base_url=".")
    return bytes(document.write_pdf())

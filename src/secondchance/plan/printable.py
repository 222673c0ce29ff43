"""The plan as a printable page (HTML, then PDF): one or two pages, the sentences and nothing else."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from ..printing import html_to_pdf
from .i18n import long_date, translator
from .model import SECTIONS, Plan
from .text import SECTION_TITLES, heading

TEMPLATES = Path(__file__).parent / "templates"


@cache
def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]), trim_blocks=True, lstrip_blocks=True
    )


def sections(plan: Plan) -> list[dict[str, object]]:
    """Each non-empty section with its title and items, dates written out in the plan's language."""
    t = translator(plan.lang)
    out: list[dict[str, object]] = []
    for name in SECTIONS:
        items = plan.section(name)
        if not items:
            continue
        out.append(
            {
                "name": name,
                "title": t(SECTION_TITLES[name]),
                "items": [
                    {
                        "item": item,
                        "when": long_date(item.day, plan.lang) if item.day else t("no date"),
                        "past": t("(past)") if item.past else "",
                    }
                    for item in items
                ],
            }
        )
    return out


def to_html(plan: Plan) -> str:
    t = translator(plan.lang)
    start = t("Counted from %(day)s.") % {"day": long_date(plan.start, plan.lang)} if plan.start else ""
    return (
        _environment()
        .get_template("plan_print.html")
        .render(lang=plan.lang, t=t, heading=heading(plan), sections=sections(plan), start=start)
    )


def to_pdf(plan: Plan) -> bytes:
    return html_to_pdf(to_html(plan))

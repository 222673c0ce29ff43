"""The plan as plain text: the golden files' form and what the CLI prints for people."""

from __future__ import annotations

from .i18n import N_, long_date, translator
from .model import SECTIONS, Plan

SECTION_TITLES = {
    "relief": N_("Clearing your record"),
    "release": N_("Your first weeks after release"),
    "services": N_("Services you picked"),
}


def heading(plan: Plan) -> str:
    t = translator(plan.lang)
    return t("Reentry plan, made on %(day)s.") % {"day": long_date(plan.as_of, plan.lang)}


def plan_text(plan: Plan) -> str:
    """Every item, section by section: its day (or "no date"; "past" when before the as-of date), title, sentence."""
    t = translator(plan.lang)
    lines = [heading(plan), t("This is legal information, not legal advice."), ""]
    for section in SECTIONS:
        items = plan.section(section)
        if not items:
            continue
        lines.append(f"## {t(SECTION_TITLES[section])}")
        if section == "release" and plan.start is not None:
            lines.append(t("Counted from %(day)s.") % {"day": long_date(plan.start, plan.lang)})
        for item in items:
            when = long_date(item.day, plan.lang) if item.day else t("no date")
            if item.past:
                when += " " + t("(past)")
            lines.append(f"- [{when}] {item.title}")
            lines.append(f"  {item.text}")
        lines.append("")
    if not plan.items:
        lines.append(t("Nothing to plan yet: the screening found no dates."))
    return "\n".join(lines).rstrip() + "\n"

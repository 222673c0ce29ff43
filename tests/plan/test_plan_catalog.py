"""The plan's Spanish catalogue covers every sentence of the plan, its print page and its web page."""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.extract import extract_from_file
from babel.messages.pofile import read_po

import secondchance.plan as plan_package
import secondchance.web as web
from secondchance.plan.i18n import LOCALE_DIR

PLAN = Path(plan_package.__file__).parent
WEB = Path(web.__file__).parent
PLACEHOLDER = re.compile(r"%\((\w+)\)s")
SOURCES = [
    *((path, "python", {"t": None, "N_": None}) for path in sorted(PLAN.glob("*.py"))),
    (PLAN / "templates" / "plan_print.html", "jinja2", {"t": None}),
    (WEB / "ui" / "plan.py", "python", {"P_": None, "pt": None}),
    (WEB / "ui" / "templates" / "plan.html", "jinja2", {"pt": None}),
]


def extracted() -> dict[str, str]:
    found: dict[str, str] = {}
    for path, method, keywords in SOURCES:
        for lineno, message, _comments, _context in extract_from_file(method, str(path), keywords=keywords):
            text = message[0] if isinstance(message, tuple) else message
            found.setdefault(text, f"{path.name}:{lineno}")
    return found


def catalog() -> dict[str, str]:
    with (LOCALE_DIR / "es" / "LC_MESSAGES" / "plan.po").open("rb") as handle:
        return {str(m.id): str(m.string) for m in read_po(handle) if m.id}


def test_every_plan_message_has_a_spanish_translation_with_the_same_placeholders() -> None:
    found, spanish = extracted(), catalog()
    assert len(found) > 80
    missing = {msgid: where for msgid, where in found.items() if not spanish.get(msgid)}
    assert not missing, f"add these to plan/locale/es/LC_MESSAGES/plan.po: {missing}"
    for msgid, msgstr in spanish.items():
        assert sorted(PLACEHOLDER.findall(msgid)) == sorted(PLACEHOLDER.findall(msgstr)), msgid

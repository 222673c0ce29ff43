"""The Spanish catalogue covers every message of the web app, with the same placeholders."""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po

import secondchance.web as web
from secondchance.relief import explain
from secondchance.relief.explain import FACT_LABELS, SUPERVISION_LABELS
from secondchance.relief.jurisdictions import states
from secondchance.web.ui import labels
from secondchance.web.ui.i18n import LOCALE_DIR, long_date, translations
from secondchance.web.ui.services import TOP_NEEDS

WEB = Path(web.__file__).parent
PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def extracted() -> dict[str, str]:
    """Every msgid in the templates and in the web package's Python (``_``, ``N_`` and ``t`` calls)."""
    found: dict[str, str] = {}
    method_map = [("ui/templates/**.html", "jinja2"), ("**.py", "python")]
    for filename, lineno, message, _comments, _context in extract_from_dir(
        str(WEB), method_map=method_map, keywords={**DEFAULT_KEYWORDS, "t": None}
    ):
        text = message[0] if isinstance(message, tuple) else message
        found.setdefault(text, f"{filename}:{lineno}")
    return found


def test_labels_owned_elsewhere_are_in_the_catalogue_source() -> None:
    """Labels other packages own are copied in web/ui/labels.py, so ``pybabel update`` keeps their
    translations: relief/explain.py's fact labels, directory/needs.py's needs, and each registered
    state's name and grade options (a refresh once would have dropped all 49)."""
    fact_labels = {*FACT_LABELS.values(), *SUPERVISION_LABELS.values()}
    assert fact_labels <= set(labels.FACT_LABELS), "copy new fact labels into web/ui/labels.py"
    assert {n.label for n in TOP_NEEDS} <= set(labels.NEED_LABELS), "copy new need labels into web/ui/labels.py"
    state_labels = {s.name for s in states()} | {
        text for s in states() for option in s.grade_options for text in (option.label, option.hint) if text
    }
    assert state_labels <= set(labels.STATE_LABELS), "copy new state and grade labels into web/ui/labels.py"


def test_the_catalogue_source_names_every_phrase_explain_translates() -> None:
    """Each literal relief/explain.py passes to ``t`` is copied in web/ui/labels.py."""
    source = Path(explain.__file__).read_text(encoding="utf-8")
    literals = set(re.findall(r'\bt\("([^"]+)"\)', source))
    assert literals and literals <= set(labels.FACT_LABELS), "copy into web/ui/labels.py"


def catalog() -> dict[str, str]:
    with (LOCALE_DIR / "es" / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        out: dict[str, str] = {}
        for message in read_po(handle):
            if not message.id:
                continue
            ids = message.id if isinstance(message.id, tuple) else (message.id,)
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            out[str(ids[0])] = " | ".join(str(s) for s in strings if s)
            if len(ids) > 1:  # the plural form must use the same placeholders as its translations
                out[str(ids[1])] = out[str(ids[0])].split(" | ")[-1]
        return out


def test_every_message_has_a_spanish_translation() -> None:
    spanish = catalog()
    missing = {msgid: where for msgid, where in extracted().items() if not spanish.get(msgid)}
    assert not missing, f"add these to web/locale/es/LC_MESSAGES/messages.po: {missing}"


def test_placeholders_survive_translation() -> None:
    for msgid, msgstr in catalog().items():
        for translated in msgstr.split(" | "):
            assert set(PLACEHOLDER.findall(msgid)) == set(PLACEHOLDER.findall(translated)), msgid


def test_catalogue_loads_and_dates_are_localised() -> None:
    assert translations("es").gettext("Next") == "Siguiente"
    assert translations("en").gettext("Next") == "Next"
    assert long_date("2026-11-23", "es") == "23 de noviembre de 2026"
    assert long_date("2026-11-23", "en") == "November 23, 2026"

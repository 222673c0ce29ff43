"""The plan's own Spanish catalogue (plan/locale/es/LC_MESSAGES/plan.po, read as .po, no build step).

A small catalogue of its own rather than the web's: the CLI, the API, the PDF and the calendar all
speak these sentences, and none of them loads the web package. English is the source language.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date
from functools import cache
from pathlib import Path

from babel import Locale
from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

LOCALE_DIR = Path(__file__).parent / "locale"
LANGUAGES = ("en", "es")

Translate = Callable[[str], str]


@cache
def translations(lang: str) -> NullTranslations:
    po = LOCALE_DIR / lang / "LC_MESSAGES" / "plan.po"
    if lang == "en" or not po.exists():
        return NullTranslations()
    with po.open("rb") as handle:
        catalog = read_po(handle, locale=lang)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(buffer)


def translator(lang: str) -> Translate:
    """``t(msgid)``: the sentence in ``lang`` (English when a msgid has no translation)."""
    catalog = translations(lang)
    return lambda message: str(catalog.gettext(message))


def N_(message: str) -> str:
    """Marks a msgid for extraction without translating it here."""
    return message


def long_date(day: date, lang: str) -> str:
    return format_date(day, format="long", locale=Locale.parse(lang))

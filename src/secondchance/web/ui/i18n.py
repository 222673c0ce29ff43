"""Languages: English and Spanish, from Babel catalogues under web/locale/ (read as .po, no build step).

The chosen language persists in the ``sc_lang`` cookie (set by the switch on every page); otherwise
the browser's Accept-Language decides, then the ``default_language`` setting.
"""

from __future__ import annotations

import io
from datetime import date
from functools import cache
from pathlib import Path

from babel import Locale
from babel.dates import format_date, format_skeleton
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations
from starlette.requests import Request

LOCALE_DIR = Path(__file__).parent.parent / "locale"
LANGUAGES = {"en": "English", "es": "Español"}
LANG_COOKIE = "sc_lang"


def N_(text: str) -> str:
    """Marks text for the translation catalogue; translated when the page is rendered."""
    return text


@cache
def translations(lang: str) -> NullTranslations:
    """The catalogue for ``lang``; English is the source language (the msgids)."""
    po = LOCALE_DIR / lang / "LC_MESSAGES" / "messages.po"
    if lang == "en" or not po.exists():
        return NullTranslations()
    with po.open("rb") as handle:
        catalog = read_po(handle, locale=lang)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(buffer)


def choose_language(request: Request, default: str) -> str:
    chosen = request.cookies.get(LANG_COOKIE)
    if chosen in LANGUAGES:
        return chosen
    header = request.headers.get("accept-language", "")
    for part in header.split(","):
        tag = part.split(";")[0].strip().lower()[:2]
        if tag in LANGUAGES:
            return tag
    return default


def long_date(value: date | str | None, lang: str) -> str:
    """A day in words; a partial date (``2015``, ``2015-06``, records.model.PartialDate) as only what is known."""
    if value is None:
        return ""
    text = value if isinstance(value, str) else value.isoformat()
    if len(text) == 4:
        return text
    if len(text) == 7:
        return format_skeleton("yMMMM", date.fromisoformat(text + "-01"), locale=Locale.parse(lang))
    day = date.fromisoformat(value) if isinstance(value, str) else value
    return format_date(day, format="long", locale=Locale.parse(lang))

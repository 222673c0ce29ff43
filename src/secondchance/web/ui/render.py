"""Rendering pages: one Jinja2 environment per language, the CSRF cookie, and the shared page context."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from babel.dates import get_month_names
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.requests import Request
from starlette.responses import HTMLResponse

from ..security import CSRF_COOKIE, CSRF_FIELD, csrf_token, new_csrf_cookie
from ..settings import Settings
from .i18n import LANG_COOKIE, LANGUAGES, choose_language, long_date, translations

TEMPLATES_DIR = Path(__file__).parent / "templates"
STATIC_DIR = Path(__file__).parent / "static"
HTMX = STATIC_DIR / "vendor" / "htmx.min.js"


@cache
def environment(lang: str) -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES_DIR),
        autoescape=select_autoescape(["html"]),
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.install_gettext_translations(translations(lang), newstyle=True)  # type: ignore[attr-defined]
    env.filters["long_date"] = lambda value: long_date(value, lang)
    env.globals["checked_states"] = checked_states(lang)
    env.globals["languages"] = LANGUAGES
    env.globals["month_names"] = [get_month_names("wide", locale=lang)[m] for m in range(1, 13)]
    env.globals["htmx"] = HTMX.exists()
    return env


def checked_states(lang: str) -> str:
    """The states whose laws are checked, from the registry, in the page's language: "A, B and C"."""
    from ...relief.jurisdictions import states

    names = sorted(str(translations(lang).gettext(state.name)) for state in states())
    joiner = " y " if lang == "es" else " and "
    return ", ".join(names[:-1]) + joiner + names[-1] if len(names) > 1 else "".join(names)


def settings_of(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def language(request: Request) -> str:
    lang = request.scope.get("sc_lang")
    if isinstance(lang, str):
        return lang
    return choose_language(request, settings_of(request).default_language)


def gettext(request: Request, message: str) -> str:
    return str(translations(language(request)).gettext(message))


def render(
    request: Request,
    template: str,
    context: dict[str, Any] | None = None,
    status: int = 200,
    set_lang: str | None = None,
) -> HTMLResponse:
    """Render ``template`` with the CSRF token bound to this browser's cookie (issuing one if needed)."""
    settings = settings_of(request)
    if set_lang in LANGUAGES:
        request.scope["sc_lang"] = set_lang
    lang = language(request)
    cookie = request.cookies.get(CSRF_COOKIE) or ""
    fresh = not cookie
    if fresh:
        cookie = new_csrf_cookie()
    page = {
        "request": request,
        "lang": lang,
        "other_lang": "es" if lang == "en" else "en",
        "csrf_field": CSRF_FIELD,
        "csrf_token": csrf_token(settings.secret_key, cookie),
        "path": request.url.path,
        "lang_action": "/language",
        "lang_fields": {"next": request.url.path},
        **(context or {}),
    }
    html = environment(lang).get_template(template).render(page)
    response = HTMLResponse(html, status_code=status)
    if fresh:
        response.set_cookie(CSRF_COOKIE, cookie, httponly=True, samesite="lax", secure=settings.https, path="/")
    if set_lang in LANGUAGES:
        response.set_cookie(
            LANG_COOKIE, set_lang, max_age=365 * 24 * 3600, samesite="lax", secure=settings.https, path="/"
        )
    return response

"""The "Find help near me" page: place, needs with icons, and only the questions that decide a fit.

The search runs on POST (with the CSRF token), so the place, the needs and the person's answers
never appear in a URL or an access log. Questions about the person are shown only for facts that
would decide whether a listed service takes them (the search reports which facts are missing).
Reading the form is in ``services_form``, the results' words in ``services_view``, what the record
check already knows in ``services_known``.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from ...directory.geo import UnknownPlace
from ...directory.needs import BY_CODE, NEEDS, UnknownNeed
from ...directory.search import Gap, sms_summary
from ...directory.validate import InvalidDirectory
from ..settings import Settings
from ..stores import run_search, uses_sample
from .budget import within_budget
from .i18n import N_, translations
from .pages import checked_form, text_fields
from .render import STATIC_DIR, language, render, settings_of
from .services_form import (
    DOC_LABELS,
    INSURANCE_LABELS,
    RADII,
    YES_NO_FACTS,
    SearchForm,
    parse_form,
    shown_form,
    shown_json,
)
from .services_known import KNOWN_WORDS, FromResults, from_results, remember_zip
from .services_view import gap_words, questions_for, service_view

router = APIRouter(include_in_schema=False)

TOP_NEEDS = [n for n in NEEDS if n.parent is None and (STATIC_DIR / "icons" / f"need-{n.code}.svg").exists()]


def services_page(
    request: Request,
    form: SearchForm,
    searched: bool,
    set_lang: str | None = None,
    printable: bool = False,
    known: FromResults | None = None,
    shown: SearchForm | None = None,
) -> Response:
    """The search page; ``printable``: the same search as a plain numbered list to print or copy,
    with the text-message summary (what fits on a phone screen or in a text to oneself). ``shown``: the
    search to run when it is not the form's (a language switch: the form as typed, the search as shown)."""
    settings = settings_of(request)
    if set_lang:
        request.scope["sc_lang"] = set_lang
    lang = language(request)
    t = translations(lang).gettext
    query = shown or form
    if known is not None:
        # The record check's facts decide fits like answers do, and are never asked again.
        form.facts = {**form.facts, **known.facts}
        query.facts = {**query.facts, **known.facts}
    context = page_context(form, query, searched, known, t, uses_sample(settings))
    if searched and query.near and not query.errors:
        context.update(search_context(settings, form, query, known, t))
    elif searched and not query.near:
        form.errors["near"] = N_("Enter a ZIP code or a city and state.")
    status = 422 if form.errors else 200
    template = "services_print.html" if printable and "services" in context else "services.html"
    if template == "services.html":
        # The switch submits the search form itself: what was typed, searched or not, comes back.
        context.update(lang_form="search-form", lang_action="/services")
    return render(request, template, context, status=status, set_lang=set_lang)


def page_context(
    form: SearchForm, query: SearchForm, searched: bool, known: FromResults | None, t: Any, sample: bool
) -> dict[str, Any]:
    """What every services page shows: the form as typed, the needs to choose from, what is already known."""
    top = [n.code for n in TOP_NEEDS]
    chosen_sub = [BY_CODE[c] for c in form.needs if c in BY_CODE and c not in top]
    return {
        "form": form,
        "known": known,
        "known_facts": [
            t(KNOWN_WORDS[k]) % {"age": v}
            for k, v in (known.facts if known else {}).items()
            if k in KNOWN_WORDS and (k == "age" or v)
        ],
        "needs": [(n.code, t(n.label), f"/static/icons/need-{n.code}.svg") for n in TOP_NEEDS]
        + [(n.code, t(n.label), f"/static/icons/need-{n.parent}.svg") for n in chosen_sub],
        "radii": RADII,
        "sample": sample,
        "yes_no_facts": YES_NO_FACTS,
        "insurance_labels": INSURANCE_LABELS,
        "doc_labels": DOC_LABELS,
        "searched": searched,
        "shown": shown_json(query) if searched and query.near else "",
        "lang_action": "/services",
        "lang_fields": {
            "near": form.near,
            "radius": str(form.radius),
            "need": form.needs,
            **({"open_now": "1"} if form.open_now else {}),
            **form.raw,
            **({"interview": known.ref} if known else {}),
        },
    }


def search_context(
    settings: Settings, form: SearchForm, query: SearchForm, known: FromResults | None, t: Any
) -> dict[str, Any]:
    """The query's results for the page, or nothing and the problem on the form's field."""
    try:
        missing: list[Gap] = []
        label, results = run_search(
            settings,
            query.near,
            query.needs,
            radius=query.radius,
            open_now=query.open_now,
            facts=query.facts,
            limit=30,
            gaps_out=missing,
        )
    except UnknownPlace:
        form.errors["near"] = N_(
            "We don't know that place. Try a 5-digit ZIP code, or a city and state like “Philadelphia, PA”."
        )
    except UnknownNeed:
        form.errors["needs"] = N_("Choose from the list.")
    except InvalidDirectory:
        form.errors["facts"] = N_("Some answers are not valid. Check them.")
    else:
        return {
            "place": label,
            "services": [service_view(r, t) for r in results],
            "questions": [q for q in questions_for(results, form.raw) if not known or q not in known.facts],
            "gaps": [gap_words(g, query.radius, t) for g in missing],
            "sms": sms_summary(results),
        }
    return {}


@router.get("/services")
async def services_start(request: Request, interview: str = "") -> Response:
    """The search page; from the results (``?interview=<ref>``, a random reference, no answer in the URL)
    it arrives with the needs the results imply, the record facts already given, and the ZIP if known."""
    known = await run_in_threadpool(from_results, request, interview, date.today()) if interview else None
    if known is None:
        return services_page(request, SearchForm(), searched=False)
    form = SearchForm(near=known.near, needs=list(known.needs))
    return await within_budget(request, services_page, request, form, bool(known.near), None, False, known)


@router.post("/services")
async def services_search(request: Request) -> Response:
    raw = await checked_form(request)
    fields = text_fields(raw)
    needs = [v for v in raw.getlist("need") if isinstance(v, str)]
    form = parse_form(fields, needs)
    ref = fields.get("interview", "")
    known = await run_in_threadpool(from_results, request, ref, date.today()) if ref else None
    if known is not None:
        remember_zip(request, ref, form.near)
    action = fields.get("action", "")
    # The search reads the database: run it off the event loop.
    if action.startswith("lang:"):
        lang = action.removeprefix("lang:")
        if "shown" not in fields:  # the printable list's switch: it sends the search it shows
            return await within_budget(request, services_page, request, form, bool(form.near), lang, False, known)
        shown = shown_form(fields["shown"])
        return await within_budget(request, services_page, request, form, shown is not None, lang, False, known, shown)
    return await within_budget(request, services_page, request, form, True, None, action == "print", known)

"""The pages: home, the record interview and its results, rule pages, and the language switch.

Every form is POST with a CSRF token. The interview's answers travel signed in the form itself, so
nothing is stored on the server and nothing personal ever appears in a URL or an access log.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from starlette.datastructures import FormData, UploadFile

from ...records import InvalidRecord, people_from_json
from ...records.safe import loads as safe_loads
from ...relief import find_rule, screen
from ..security import CSRF_COOKIE, CSRF_FIELD, csrf_ok, sign, unsign
from .budget import within_budget
from .i18n import LANGUAGES
from .interview import N_, STEPS, answer, charge_count, from_record, new_state, step_options, to_record, valid_state
from .render import language, render, settings_of
from .results import charge_views, remaining_views
from .statutes import official_url

router = APIRouter(include_in_schema=False)
STATE_PURPOSE = "interview"


class CsrfFailed(Exception):
    """A form arrived without this browser's token (expired, or sent from another site)."""


async def checked_form(request: Request, max_files: int = 0) -> FormData:
    form = await request.form(max_files=max_files, max_fields=64)
    token = form.get(CSRF_FIELD)
    if not csrf_ok(
        settings_of(request).secret_key, request.cookies.get(CSRF_COOKIE), token if isinstance(token, str) else None
    ):
        raise CsrfFailed
    return form


def text_fields(form: FormData) -> dict[str, str]:
    return {k: v for k, v in form.items() if isinstance(v, str)}


@router.get("/")
async def home(request: Request) -> Response:
    return render(request, "home.html")


@router.get("/about")
async def about(request: Request) -> Response:
    return render(request, "about.html")


@router.post("/language")
async def switch_language(request: Request) -> Response:
    form = text_fields(await checked_form(request))
    lang = form.get("lang", "")
    target = form.get("next", "/")
    if not target.startswith("/") or target.startswith("//") or target.startswith("/\\"):
        target = "/"
    response = RedirectResponse(target, status_code=303)
    if lang in LANGUAGES:
        settings = settings_of(request)
        response.set_cookie("sc_lang", lang, max_age=365 * 24 * 3600, samesite="lax", secure=settings.https, path="/")
    return response


def interview_page(
    request: Request, state: dict[str, Any], error: str | None = None, set_lang: str | None = None
) -> Response:
    secret = settings_of(request).secret_key
    token = sign(secret, STATE_PURPOSE, state)
    context: dict[str, Any] = {"state_token": token, "lang_action": "/check", "lang_fields": {"interview": token}}
    if state["step"] == "results":
        return results_page(request, state, context, set_lang)
    step = STEPS[state["step"]]
    context.update(
        step=step,
        options=step_options(step, state),
        error=error,
        charge_number=max(charge_count(state), 1),
        answered=len(state["back"]),
    )
    return render(request, "check.html", context, status=422 if error else 200, set_lang=set_lang)


def results_page(request: Request, state: dict[str, Any], context: dict[str, Any], set_lang: str | None) -> Response:
    if set_lang:
        request.scope["sc_lang"] = set_lang
    record = to_record(state)
    today = date.today()
    try:
        person = people_from_json(record, as_of=today)[0]
    except InvalidRecord as error:
        context["problems"] = [str(p) for p in error.problems]
        return render(request, "results.html", context, status=422, set_lang=set_lang)
    screening = screen(person, today)
    lang = language(request)
    context.update(
        charges=charge_views(screening, lang),
        remaining=remaining_views(screening, lang),
        as_of=today,
        other_state=bool(state.get("other_state")),
    )
    return render(request, "results.html", context, set_lang=set_lang)


@router.get("/check")
async def check_start(request: Request) -> Response:
    return interview_page(request, new_state())


@router.post("/check")
async def check_step(request: Request) -> Response:
    form = text_fields(await checked_form(request))
    state = unsign(settings_of(request).secret_key, STATE_PURPOSE, form.get("interview", ""))
    if not valid_state(state):
        return interview_page(request, new_state())
    action = form.get("action", "next")
    if action.startswith("lang:"):
        return await within_budget(request, interview_page, request, state, None, action.removeprefix("lang:"))
    if action == "restart":
        return interview_page(request, new_state())
    if action not in ("next", "unknown", "back"):
        action = "next"
    error = answer(state, action, form, date.today())
    # Results screen the record: CPU work, kept off the event loop.
    return await within_budget(request, interview_page, request, state, error)


@router.post("/check/download")
async def check_download(request: Request) -> Response:
    """The record so far as a JSON file: the only way to keep it, and only when the person asks."""
    form = text_fields(await checked_form(request))
    state = unsign(settings_of(request).secret_key, STATE_PURPOSE, form.get("interview", ""))
    if not valid_state(state):
        return interview_page(request, new_state())
    body = json.dumps(to_record(state), indent=2, ensure_ascii=False)
    return Response(
        body,
        media_type="application/json",
        headers={"content-disposition": 'attachment; filename="my-record.json"'},
    )


@router.post("/check/upload")
async def check_upload(request: Request) -> Response:
    """Results from a file saved earlier with "Download my answers": read, shown, and not kept."""
    form = await checked_form(request, max_files=1)
    upload = form.get("record")
    raw = await upload.read() if isinstance(upload, UploadFile) else b""
    error = N_("That file is not one we can read. Choose the file you downloaded from your results.")
    try:
        data = safe_loads(raw)  # strict: UTF-8, finite numbers, no duplicate keys, bounded nesting
        people = data.get("people") if isinstance(data, dict) and "people" in data else data
        person = people[0] if isinstance(people, list) and len(people) == 1 else people
        if not isinstance(person, dict):
            raise ValueError("not one person")
        people_from_json(person, as_of=date.today())
    except (ValueError, InvalidRecord, UnicodeDecodeError, AttributeError):
        state = new_state()
        return interview_page(request, state, error=error)
    return await within_budget(request, interview_page, request, from_record(person))


@router.get("/rules/{rule_id}")
async def rule_page(request: Request, rule_id: str) -> Response:
    try:
        rule = find_rule(rule_id)
    except KeyError:
        return render(request, "error.html", {"status": 404}, status=404)
    return render(request, "rule.html", {"rule": rule, "official_url": official_url(rule.section)})

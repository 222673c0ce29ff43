"""The "My plan" page: the dated plan from the results, its files, and a plan file opened by a case worker.

Its sentences are in the plan's own catalogue (plan/locale/es/LC_MESSAGES/plan.po: ``P_`` here, ``pt`` in
plan.html), shared with the CLI, the PDF and the calendar; tests/plan/test_plan_catalog.py checks it.

The page carries the plan's inputs (record, as-of date, release date, services) in a signed token of
its own (purpose ``plan``) in its forms, as the interview carries its answers: nothing is stored on
the server and nothing personal is in a URL. It enters from the results page through
``interview_record`` — the one function that knows how the results pass the interview state — or
from a plan file the person chose to give (``/plan/open``).
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response
from starlette.datastructures import FormData, UploadFile

from ...plan.build import plan_for
from ...plan.commands import render_file
from ...plan.files import MAX_BYTES, PlanFileRefused, plan_inputs, services_from_json
from ...plan.i18n import N_ as P_  # the plan catalogue (plan/locale), not the web one
from ...plan.i18n import long_date, translator
from ...plan.model import Plan
from ...plan.printable import sections
from ...plan.text import heading
from ...records import InvalidRecord, Person, people_from_json
from ...records.parse import person_to_json
from ...records.safe import loads as safe_loads
from ..security import sign, unsign
from .budget import within_budget
from .pages import STATE_PURPOSE, checked_form, text_fields
from .render import language, render, settings_of

router = APIRouter(include_in_schema=False)
PLAN_PURPOSE = "plan"
FORMATS = {"ics": "text/calendar; charset=utf-8", "pdf": "application/pdf", "json": "application/json"}


def interview_record(request: Request, form: dict[str, str]) -> dict[str, Any] | None:
    """The record of the interview the results page was showing, or None.

    Today the results page posts its signed interview state in the ``interview`` field; when that
    changes (post/redirect/get, state under a key), this function alone changes with it.
    """
    from .interview import to_record, valid_state

    state = unsign(settings_of(request).secret_key, STATE_PURPOSE, form.get("interview", ""))
    if not valid_state(state):
        return None
    return to_record(state)


def _inputs(request: Request, form: dict[str, str]) -> dict[str, Any] | None:
    """The plan's inputs: from this page's own token, else from the interview of the results."""
    token = unsign(settings_of(request).secret_key, PLAN_PURPOSE, form.get("plan", ""))
    if isinstance(token, dict) and isinstance(token.get("record"), dict):
        return token
    record = interview_record(request, form)
    if record is None:
        return None
    return {"record": record, "as_of": date.today().isoformat(), "release_date": None, "services": []}


def _release(raw: str | None) -> tuple[date | None, str | None]:
    """A release date typed on the page (YYYY-MM-DD, as a date input sends it), or the error to show."""
    if not raw:
        return None, None
    try:
        day = date.fromisoformat(raw.strip())
    except ValueError:
        return None, P_("Write the release date as year-month-day, for example 2026-11-02.")
    if not date(1950, 1, 1) <= day <= date(2100, 12, 31):
        return None, P_("Write the release date as year-month-day, for example 2026-11-02.")
    return day, None


def _build(inputs: dict[str, Any], lang: str) -> tuple[Plan, Person]:
    as_of = date.fromisoformat(inputs["as_of"])
    release = date.fromisoformat(inputs["release_date"]) if inputs.get("release_date") else None
    person = people_from_json(inputs["record"], as_of=as_of)[0]
    services = services_from_json(inputs.get("services") or [])
    return plan_for(person, as_of, release, services, lang), person


def plan_page(
    request: Request,
    inputs: dict[str, Any] | None,
    error: str | None = None,
    set_lang: str | None = None,
    status: int = 200,
) -> Response:
    if set_lang:
        request.scope["sc_lang"] = set_lang
    lang = language(request)
    pt = translator(lang)
    context: dict[str, Any] = {"pt": pt, "error": pt(error) if error else None}
    if inputs is not None:
        try:
            plan, _ = _build(inputs, lang)
        except (InvalidRecord, PlanFileRefused, ValueError, KeyError, LookupError):
            inputs, context["error"] = None, pt(P_("This plan cannot be shown. Go back to your results and try again."))
            status = 422
    if inputs is not None:
        token = sign(settings_of(request).secret_key, PLAN_PURPOSE, inputs)
        context.update(
            plan=plan,
            plan_token=token,
            heading=heading(plan),
            sections=sections(plan),
            start=pt("Counted from %(day)s.") % {"day": long_date(plan.start, lang)} if plan.start else "",
            release_value=inputs.get("release_date") or "",
            lang_action="/plan",
            lang_fields={"plan": token},
        )
    return render(request, "plan.html", context, status=status, set_lang=set_lang)


@router.get("/plan")
async def plan_start(request: Request) -> Response:
    """Without a plan: where a case worker opens a plan file."""
    return plan_page(request, None)


@router.post("/plan")
async def plan_show(request: Request) -> Response:
    """The plan from the results (or from this page, after a change of release date or language)."""
    form = text_fields(await checked_form(request))
    inputs = _inputs(request, form)
    if inputs is None:
        return plan_page(
            request, None, P_("Your answers were not found. Check your record again, then open your plan."), status=422
        )
    action = form.get("action", "")
    if action.startswith("lang:"):
        return await within_budget(request, plan_page, request, inputs, None, action.removeprefix("lang:"))
    error = None
    if action == "release":
        release, error = _release(form.get("release_date"))
        if error is None:
            inputs = {**inputs, "release_date": release.isoformat() if release else None}
    return await within_budget(request, plan_page, request, inputs, error, None, 422 if error else 200)


@router.post("/plan/download")
async def plan_download(request: Request) -> Response:
    """The plan as the file asked for: a calendar (.ics), a printable PDF, or the plan file (.json)."""
    form = text_fields(await checked_form(request))
    inputs = _inputs(request, form)
    fmt = form.get("format", "")
    if inputs is None or fmt not in FORMATS:
        return plan_page(
            request, inputs, P_("This plan cannot be shown. Go back to your results and try again."), status=422
        )
    try:
        plan, person = await run_in_threadpool(_build, inputs, language(request))
    except (InvalidRecord, PlanFileRefused, ValueError, KeyError, LookupError):
        return plan_page(
            request, None, P_("This plan cannot be shown. Go back to your results and try again."), status=422
        )
    body = await run_in_threadpool(render_file, plan, person, f".{fmt}")
    return Response(
        body,
        media_type=FORMATS[fmt],
        headers={"content-disposition": f'attachment; filename="my-plan.{fmt}"', "cache-control": "no-store"},
    )


@router.post("/plan/open")
async def plan_open(request: Request) -> Response:
    """A plan file someone chose to give: read, shown, and not kept."""
    form: FormData = await checked_form(request, max_files=1)
    upload = form.get("plan")
    raw = await upload.read(MAX_BYTES + 1) if isinstance(upload, UploadFile) else b""
    try:
        if len(raw) > MAX_BYTES:
            raise PlanFileRefused("too large")
        person, as_of, release, services, _ = plan_inputs(safe_loads(raw))
    except (PlanFileRefused, InvalidRecord, ValueError, UnicodeDecodeError):
        return plan_page(
            request, None, P_("That file is not a plan we can open. Choose the plan file (my-plan.json)."), status=422
        )
    inputs = {
        "record": person_to_json(person),
        "as_of": as_of.isoformat(),
        "release_date": release.isoformat() if release else None,
        "services": json.loads(json.dumps([s.__dict__ for s in services])),
    }
    return await within_budget(request, plan_page, request, inputs)

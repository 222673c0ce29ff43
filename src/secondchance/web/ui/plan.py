"""The "My plan" page: the dated plan from the results, its files, and a plan file opened by a case worker.

Its sentences are in the plan's own catalogue (plan/locale/es/LC_MESSAGES/plan.po: ``P_`` here, ``pt`` in
plan.html), shared with the CLI, the PDF and the calendar; tests/plan/test_plan_catalog.py checks it.

Post/redirect/get, like the interview (web/ui/pages.py): the plan's inputs (record, as-of date, release
date, the services picked, the search shown) are kept as the interview's steps are (web/state.py:
encrypted for this browser, 2 hours), each change a new snapshot under a new random reference, and
every POST answers 303 to ``/plan/<ref>`` — a page reload and Back reach again. Nothing personal is in a
URL. It enters from the results page through ``interview_record`` — the one function that knows how
the results pass the interview state — or from a plan file the person chose to give (``/plan/open``).
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import RedirectResponse, Response
from starlette.datastructures import FormData, UploadFile

from ...directory.geo import UnknownPlace
from ...directory.needs import BY_CODE, UnknownNeed
from ...directory.search import Result
from ...directory.validate import InvalidDirectory
from ...plan.build import plan_for
from ...plan.files import MAX_BYTES, MAX_SERVICES, PlanFileRefused, plan_inputs, render_file, services_from_json
from ...plan.i18n import N_ as P_  # the plan catalogue (plan/locale), not the web one
from ...plan.i18n import long_date, translator
from ...plan.model import Plan
from ...plan.printable import sections
from ...plan.text import heading
from ...records import InvalidRecord, Person, people_from_json
from ...records.parse import person_to_json
from ...records.safe import loads as safe_loads
from ..stores import run_search, uses_sample
from .budget import within_budget
from .i18n import LANG_COOKIE, LANGUAGES, translations
from .pages import checked_form, text_fields
from .render import language, render, settings_of

router = APIRouter(include_in_schema=False)
FORMATS = {"ics": "text/calendar; charset=utf-8", "pdf": "application/pdf", "json": "application/json"}
#: What the plan's kept snapshots are called (an interview's snapshot is never read as a plan).
PLAN_KIND = "plan"
GONE = P_("Your plan was cleared: we keep it for 2 hours only, in this browser only. Open it again from your results.")
NOT_FOUND = P_("Your answers were not found. Check your record again, then open your plan.")
CANNOT = P_("This plan cannot be shown. Go back to your results and try again.")


def interview_record(request: Request, form: dict[str, str]) -> dict[str, Any] | None:
    """The record of the interview the results page was showing, or None.

    The results page posts the reference to the kept interview state in the ``interview`` field;
    this function alone knows how the state travels.
    """
    from .pages import interview_record as kept_record

    return kept_record(request, form.get("interview", ""))


def _kept(request: Request, ref: str) -> dict[str, Any] | None:
    """The plan snapshot under ``ref`` for this browser, checked for shape, or None."""
    from .pages import browser_of, states

    if not ref:
        return None
    snapshot = states(request).get(browser_of(request), ref)
    if snapshot is None or snapshot.get("kind") != PLAN_KIND:
        return None
    inputs = snapshot.get("inputs")
    if not isinstance(inputs, dict) or not isinstance(inputs.get("record"), dict):
        return None
    search = snapshot.get("search")
    error = snapshot.get("error")
    return {
        "inputs": inputs,
        "search": search if isinstance(search, dict) and all(isinstance(v, str) for v in search.values()) else None,
        "error": error if isinstance(error, str) else None,
    }


def _keep(
    request: Request, inputs: dict[str, Any], search: dict[str, str] | None = None, error: str | None = None
) -> str:
    """Keep one state of the plan page for this browser; the reference for ``/plan/<ref>``."""
    from .pages import browser_of, states

    snapshot = {"kind": PLAN_KIND, "inputs": inputs, "search": search, "error": error}
    return states(request).put(browser_of(request), snapshot)


def _inputs(request: Request, form: dict[str, str]) -> dict[str, Any] | None:
    """The plan's inputs: from this page's kept state, else from the interview of the results."""
    kept = _kept(request, form.get("plan", ""))
    if kept is not None:
        return dict(kept["inputs"])
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
    status: int = 200,
    search: dict[str, Any] | None = None,
    ref: str = "",
) -> Response:
    """The page: the plan of ``inputs`` kept under ``ref`` (its forms post the reference back), or only
    "Open a plan file" without one."""
    lang = language(request)
    pt = translator(lang)
    web_t = translations(lang).gettext
    context: dict[str, Any] = {"pt": pt, "error": pt(error) if error else None}
    if error and status == 200:
        status = 422
    if inputs is not None:
        try:
            plan, _ = _build(inputs, lang)
        except (InvalidRecord, PlanFileRefused, ValueError, KeyError, LookupError):
            inputs, context["error"] = None, pt(CANNOT)
            status = 422
    if inputs is not None:
        context.update(
            plan=plan,
            plan_token=ref,
            heading=heading(plan),
            sections=sections(plan),
            start=pt("Counted from %(day)s.") % {"day": long_date(plan.start, lang)} if plan.start else "",
            release_value=inputs.get("release_date") or "",
            picked=inputs.get("services") or [],
            need_options=[(n.code, str(web_t(n.label))) for n in _top_needs()],
            sample=uses_sample(settings_of(request)),
        )
        if search is not None:
            context["search"] = _search_view(request, search, lang)
            if context["search"].get("error"):
                status = 422
    return render(request, "plan.html", context, status=status)


# ------------------------------------------------------------------------------------------ services

#: How many services one search on this page shows (the services page has the full search).
SEARCH_LIMIT = 8


def _top_needs() -> list[Any]:
    from .services import TOP_NEEDS

    return list(TOP_NEEDS)


def _find(request: Request, near: str, need: str) -> tuple[str, list[Result]]:
    """Services near ``near`` for ``need`` (raises UnknownPlace, UnknownNeed or InvalidDirectory)."""
    return run_search(settings_of(request), near, [need] if need else [], limit=SEARCH_LIMIT)


def _as_service(result: Result, need: str) -> dict[str, str]:
    """A search result as the plan keeps it: its id, name and how to reach it (nothing else)."""
    entry = result.entry
    url = entry.url if entry.url and entry.url.startswith(("https://", "http://")) else None
    fields = {
        "id": entry.service_id,
        "name": entry.name,
        "phone": entry.phone,
        "address": entry.address,
        "url": url,
        "need": BY_CODE[need].label if need in BY_CODE else None,
    }
    return {key: value[:500] for key, value in fields.items() if value}


def _search_view(request: Request, search: dict[str, Any], lang: str) -> dict[str, Any]:
    pt = translator(lang)
    near, need = search.get("near", ""), search.get("need", "")
    view: dict[str, Any] = {"near": near, "need": need, "found": []}
    if not near:
        view["error"] = pt(P_("Enter a ZIP code or a city and state."))
        return view
    try:
        place, results = _find(request, near, need)
    except UnknownPlace:
        view["error"] = pt(P_("We don't know that place. Try a 5-digit ZIP code, or a city and state."))
        return view
    except (UnknownNeed, InvalidDirectory):
        view["error"] = pt(P_("Choose a need from the list."))
        return view
    view["place"] = place
    seen: set[str] = set()
    for result in results:  # one line per service (a service at two places is one choice)
        if result.entry.service_id not in seen:
            seen.add(result.entry.service_id)
            view["found"].append(_as_service(result, need))
    return view


def plan_with_services(inputs: dict[str, Any], request: Request, near: str, need: str, chosen: list[str]) -> str:
    """The plan with the chosen services of a search added (the search is run again: nothing is trusted),
    kept; its reference."""
    try:
        _, results = _find(request, near, need)
    except (UnknownPlace, UnknownNeed, InvalidDirectory):
        return _keep(request, inputs, search={"near": near, "need": need})
    picked = list(inputs.get("services") or [])
    have = {s.get("id") for s in picked}
    for result in results:
        if result.entry.service_id in chosen and result.entry.service_id not in have and len(picked) < MAX_SERVICES:
            picked.append(_as_service(result, need))
            have.add(result.entry.service_id)
    return _keep(request, {**inputs, "services": picked})


def see_other(target: str) -> Response:
    return RedirectResponse(target, status_code=303)


@router.get("/plan")
async def plan_start(request: Request) -> Response:
    """Without a plan: where a case worker opens a plan file."""
    return plan_page(request, None)


@router.get("/plan/{ref}")
async def plan_kept(request: Request, ref: str) -> Response:
    """The plan as kept: what reload and Back reach (the search shown is run again)."""
    kept = _kept(request, ref)
    if kept is None:
        return plan_page(request, None, GONE, status=404)
    return await within_budget(request, plan_page, request, kept["inputs"], kept["error"], 200, kept["search"], ref)


@router.post("/plan")
async def plan_show(request: Request) -> Response:
    """From the results (or from this page: a release date, services found, added or removed, a language):
    the new state is kept and the browser sent to the page that shows it (303)."""
    raw = await checked_form(request)
    form = text_fields(raw)
    inputs = _inputs(request, form)
    if inputs is None:
        return plan_page(request, None, NOT_FOUND, status=422)
    ref = form.get("plan", "")
    action = form.get("action", "")
    if action.startswith("lang:"):
        kept = ref if _kept(request, ref) is not None else _keep(request, inputs)
        response = see_other(f"/plan/{kept}")
        lang = action.removeprefix("lang:")
        if lang in LANGUAGES:
            response.set_cookie(
                LANG_COOKIE, lang, max_age=365 * 24 * 3600, samesite="lax", secure=settings_of(request).https, path="/"
            )
        return response
    near, need = form.get("near", "").strip()[:100], form.get("need", "")[:100]
    if action == "find_services":
        return see_other(f"/plan/{_keep(request, inputs, search={'near': near, 'need': need})}#plan-add")
    if action == "add_services":
        chosen = [v for v in raw.getlist("service") if isinstance(v, str)]
        new_ref = await run_in_threadpool(plan_with_services, inputs, request, near, need, chosen)
        return see_other(f"/plan/{new_ref}#plan-add")
    if action.startswith("remove:"):
        gone = action.removeprefix("remove:")
        inputs = {**inputs, "services": [s for s in inputs.get("services") or [] if s.get("id") != gone]}
        return see_other(f"/plan/{_keep(request, inputs)}#plan-add")
    error = None
    if action == "release":
        release, error = _release(form.get("release_date"))
        if error is None:
            inputs = {**inputs, "release_date": release.isoformat() if release else None}
    return see_other(f"/plan/{_keep(request, inputs, error=error)}")


@router.post("/plan/download")
async def plan_download(request: Request) -> Response:
    """The plan as the file asked for: a calendar (.ics), a printable PDF, or the plan file (.json).
    A direct answer (a download leaves the page where it is)."""
    form = text_fields(await checked_form(request))
    ref = form.get("plan", "")
    kept = _kept(request, ref)
    fmt = form.get("format", "")
    if kept is None:
        return plan_page(request, None, NOT_FOUND, status=422)
    if fmt not in FORMATS:
        return see_other(f"/plan/{ref}")
    try:
        plan, person = await run_in_threadpool(_build, kept["inputs"], language(request))
    except (InvalidRecord, PlanFileRefused, ValueError, KeyError, LookupError):
        return plan_page(request, None, CANNOT, status=422)
    body = await run_in_threadpool(render_file, plan, person, f".{fmt}")
    return Response(
        body,
        media_type=FORMATS[fmt],
        headers={"content-disposition": f'attachment; filename="my-plan.{fmt}"', "cache-control": "no-store"},
    )


@router.post("/plan/open")
async def plan_open(request: Request) -> Response:
    """A plan file someone chose to give: read, then kept as the results are (2 hours, this browser only)."""
    form: FormData = await checked_form(request, max_files=1)
    upload = form.get("plan")
    try:
        raw = await upload.read(MAX_BYTES + 1) if isinstance(upload, UploadFile) else b""
    finally:
        await form.close()  # the spooled temporary file; Starlette leaves it open otherwise
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
    return see_other(f"/plan/{_keep(request, inputs)}")

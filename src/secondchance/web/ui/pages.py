"""The pages: home, the record interview and its results, rule pages, and the language switch.

Every form is POST with a CSRF token. The interview is post/redirect/get: each answer is a POST that
keeps the new state (web/state.py: encrypted, for this browser, 2 hours) and answers 303 to
``/check/<ref>``, a page Back and reload reach again. Nothing personal ever appears in a URL or a log.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from starlette.datastructures import FormData, UploadFile

from ...records import InvalidRecord, people_from_json
from ...records.safe import loads as safe_loads
from ...relief import find_rule, screen
from ..security import CSRF_COOKIE, CSRF_FIELD, csrf_ok
from ..state import StateStore
from .budget import within_budget
from .i18n import LANGUAGES, N_
from .interview import STEPS, InterviewState, answer, follow_up, from_record, load, step_options, to_record
from .render import language, render, settings_of
from .results import charge_views, remaining_views, summary_view
from .statutes import official_url

router = APIRouter(include_in_schema=False)


class CsrfFailed(Exception):
    """A form arrived without this browser's token (expired, or sent from another site)."""


async def checked_form(request: Request, max_files: int = 0) -> FormData:
    form = await request.form(max_files=max_files, max_fields=64)
    token = form.get(CSRF_FIELD)
    if not csrf_ok(
        settings_of(request).secret_key, request.cookies.get(CSRF_COOKIE), token if isinstance(token, str) else None
    ):
        await form.close()  # an uploaded file's spooled copy, never read
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


def states(request: Request) -> StateStore:
    store: StateStore = request.app.state.states
    return store


def browser_of(request: Request) -> str:
    """The browser's own random cookie: half of the key that reads its interview steps."""
    return request.cookies.get(CSRF_COOKIE) or ""


@dataclass
class Snapshot:
    """One kept step: the interview state, the reference of the step before, the error to show and
    what was typed; ``stored`` is the snapshot as kept (other pages keep their own keys in it)."""

    state: InterviewState
    prev: str | None
    error: str | None
    typed: dict[str, str]
    stored: dict[str, Any]

    def to_store(self, **changes: Any) -> dict[str, Any]:
        """The snapshot to keep again (``StateStore.replace``), with ``changes`` to its keys."""
        fields = {"state": self.state.dump(), "prev": self.prev, "error": self.error, "typed": self.typed}
        return {**self.stored, **fields, **changes}


def keep(
    request: Request,
    state: InterviewState,
    prev: str | None = None,
    error: str | None = None,
    typed: dict[str, str] | None = None,
) -> str:
    """Keep one step's state for this browser; the reference to put in ``/check/<ref>``."""
    snapshot = {"state": state.dump(), "prev": prev, "error": error, "typed": typed or {}}
    return states(request).put(browser_of(request), snapshot)


def snapshot_of(request: Request, ref: str) -> Snapshot | None:
    """The step kept under ``ref`` for this browser; ``None`` when unknown, expired, another browser's,
    or not a state the interview writes (``interview.load``: a forged or garbled one starts over)."""
    stored = states(request).get(browser_of(request), ref)
    state = load(stored.get("state")) if stored is not None else None
    if stored is None or state is None:
        return None
    typed = stored.get("typed")
    if not isinstance(typed, dict) or not all(isinstance(v, str) for v in typed.values()):
        typed = {}
    error, prev = stored.get("error"), stored.get("prev")
    return Snapshot(
        state, prev if isinstance(prev, str) else None, error if isinstance(error, str) else None, typed, stored
    )


def interview_state(request: Request, ref: str) -> InterviewState | None:
    """The interview state a page's form refers to (its hidden ``interview`` field, or ``/check/<ref>``).

    For other pages built on the results (court papers, the plan): ``None`` when the reference is
    unknown, expired (``state.STATE_SECONDS``) or was written by another browser.
    """
    snapshot = snapshot_of(request, ref)
    return snapshot.state if snapshot else None


def interview_record(request: Request, ref: str) -> dict[str, Any] | None:
    """The person of ``interview_state`` in the record format (docs/record-format.md), or ``None``."""
    state = interview_state(request, ref)
    return to_record(state) if state is not None else None


def see_other(target: str) -> RedirectResponse:
    return RedirectResponse(target, status_code=303)


def interview_page(
    request: Request,
    state: InterviewState,
    ref: str = "",
    error: str | None = None,
    typed: dict[str, str] | None = None,
    notice: str | None = None,
) -> Response:
    context: dict[str, Any] = {
        "state_token": ref,
        "lang_form": "interview",
        "lang_action": "/check",
        "typed": typed or {},
        "notice": notice,
    }
    if state.step == "results":
        context["error"] = error  # a follow-up answer that could not be read
        return results_page(request, state, ref, context)
    step = STEPS[state.step]
    context.update(
        step=step,
        options=step_options(step, state.jurisdiction),
        error=error,
        charge_number=max(state.charge_count(), 1),
        answered=len(state.back),
    )
    return render(request, "check.html", context, status=422 if error else 200)


def results_page(request: Request, state: InterviewState, ref: str, context: dict[str, Any]) -> Response:
    record = to_record(state)
    today = date.today()
    try:
        person = people_from_json(record, as_of=today)[0]
    except InvalidRecord as error:
        context["problems"] = [str(p) for p in error.problems]
        return render(request, "results.html", context, status=422)
    screening = screen(person, today)
    lang = language(request)
    charges = charge_views(screening, lang, state)
    context.update(
        summary=summary_view(charges, lang),
        charges=charges,
        remaining=remaining_views(screening, lang),
        as_of=today,
        other_state=state.other_state,
        help_url=f"/services?interview={ref}" if ref else "/services",
    )
    return render(request, "results.html", context, status=422 if context.get("error") else 200)


@router.get("/check")
async def check_start(request: Request) -> Response:
    return interview_page(request, InterviewState())


@router.get("/check/{ref}")
async def check_page(request: Request, ref: str) -> Response:
    """One step, or the results, as kept: what Back and reload reach."""
    snapshot = snapshot_of(request, ref)
    if snapshot is None:
        notice = N_("Your answers were cleared: we keep them for 2 hours only, in this browser only. Start again.")
        return interview_page(request, InterviewState(), notice=notice)
    # Results screen the record: CPU work, kept off the event loop.
    return await within_budget(request, interview_page, request, snapshot.state, ref, snapshot.error, snapshot.typed)


def typed_fields(form: dict[str, str]) -> dict[str, str]:
    """What a step's form carried, kept to show the answer again after Back or a language switch."""
    return {k[:40]: v[:200] for k, v in form.items() if k not in (CSRF_FIELD, "interview", "action")}


@router.post("/check")
async def check_step(request: Request) -> Response:
    """Apply one answer, keep the new state, and send the browser to the page that shows it (303)."""
    form = text_fields(await checked_form(request))
    ref = form.get("interview", "")
    action = form.get("action", "next")
    if action == "restart":
        return see_other("/check")
    snapshot = snapshot_of(request, ref) if ref else None
    if ref and snapshot is None:
        return see_other("/check")  # expired, changed, or another browser's: start over
    state = snapshot.state if snapshot else InterviewState()
    typed = typed_fields(form)
    if action.startswith("lang:"):
        # The switch submits this screen's form: what was typed comes back in the other language.
        if snapshot is not None:
            states(request).replace(browser_of(request), ref, snapshot.to_store(typed=typed))
        response = see_other(f"/check/{ref}" if snapshot else "/check")
        lang = action.removeprefix("lang:")
        if lang in LANGUAGES:
            response.set_cookie(
                "sc_lang", lang, max_age=365 * 24 * 3600, samesite="lax", secure=settings_of(request).https, path="/"
            )
        return response
    if action == "back":
        prev = snapshot.prev if snapshot else None
        if prev and snapshot_of(request, prev) is not None:
            return see_other(f"/check/{prev}")
        answer(state, "back", form, date.today())  # a state with no kept step before it (an upload)
        return see_other(f"/check/{keep(request, state)}")
    if action == "followup":
        error = follow_up(state, form, date.today())
        if error:
            return see_other(f"/check/{keep(request, state, ref, error, typed)}")
        return see_other(f"/check/{keep(request, state, ref)}")
    if action not in ("next", "unknown"):
        action = "next"
    if snapshot is not None and typed:
        # Back to this step shows the answer given here.
        states(request).replace(browser_of(request), ref, snapshot.to_store(typed=typed, error=None))
    error = answer(state, action, form, date.today())
    if error:
        return see_other(f"/check/{keep(request, state, snapshot.prev if snapshot else None, error, typed)}")
    return see_other(f"/check/{keep(request, state, ref or None)}")


@router.post("/check/download")
async def check_download(request: Request) -> Response:
    """The record so far as a JSON file: the only way to keep it, and only when the person asks."""
    form = text_fields(await checked_form(request))
    record = interview_record(request, form.get("interview", ""))
    if record is None:
        return see_other("/check")
    body = json.dumps(record, indent=2, ensure_ascii=False)
    return Response(
        body,
        media_type="application/json",
        headers={"content-disposition": 'attachment; filename="my-record.json"'},
    )


UPLOAD_ERROR = N_("That file is not one we can read. Choose the file you downloaded from your results.")


@router.post("/check/upload")
async def check_upload(request: Request) -> Response:
    """Results from a file saved earlier with "Download my answers": read, kept for 2 hours, then gone."""
    form = await checked_form(request, max_files=1)
    upload = form.get("record")
    try:
        raw = await upload.read() if isinstance(upload, UploadFile) else b""
    finally:
        await form.close()  # the spooled temporary file; Starlette leaves it open otherwise
    try:
        data = safe_loads(raw)  # strict: UTF-8, finite numbers, no duplicate keys, bounded nesting
        people = data.get("people") if isinstance(data, dict) and "people" in data else data
        person = people[0] if isinstance(people, list) and len(people) == 1 else people
        if not isinstance(person, dict):
            raise ValueError("not one person")
        people_from_json(person, as_of=date.today())
        state = from_record(person)
    except (ValueError, InvalidRecord, UnicodeDecodeError, AttributeError, TypeError):
        return see_other(f"/check/{keep(request, InterviewState(), error=UPLOAD_ERROR)}")
    if state is None:
        return see_other(f"/check/{keep(request, InterviewState(), error=UPLOAD_ERROR)}")
    return see_other(f"/check/{keep(request, state)}")


@router.get("/rules/{rule_id}")
async def rule_page(request: Request, rule_id: str) -> Response:
    try:
        rule = find_rule(rule_id)
    except KeyError:
        return render(request, "error.html", {"status": 404}, status=404)
    return render(request, "rule.html", {"rule": rule, "official_url": official_url(rule.section)})

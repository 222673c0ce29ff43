"""The court-papers page, reached from the results ("Get my court papers"): it asks the name and
address (only here; never stored, never logged) and returns the papers as a ZIP or one PDF at a time.

Post/redirect/get: the page is ``/papers/<ref>``, ``<ref>`` the reference of the kept interview state
(web/state.py), so reload and Back show the form again — without the name and address, which are never
kept (the browser may refill them from its own form state). The downloads are direct answers (an
attachment leaves the page where it is). The county and docket typed here are kept with the interview
only when the person switches language, so they come back in the other language; the name and address
never are. Everything this page knows about how the interview state travels is in ``interview_record``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response
from starlette.datastructures import FormData

from ...petitions.courts import court_for, courts
from ...petitions.make import make_for
from ...petitions.model import Packet, Petitioner
from ...petitions.render import packet_files, render_pdf, zip_files
from ...records import InvalidRecord, Person, people_from_json
from ..state import valid_ref
from .budget import within_budget
from .i18n import LANG_COOKIE, LANGUAGES, N_
from .interview import to_record
from .pages import browser_of, checked_form, see_other, snapshot_of, states, text_fields
from .render import language, render, settings_of

router = APIRouter(include_in_schema=False)
TEXT_LIMIT = 300
#: Cases whose county and docket the page asks (two fields each; a form takes at most 64 fields).
MAX_CASE_FIELDS = 25
DOCKET = re.compile(r"[A-Za-z0-9][A-Za-z0-9 .\-]{0,39}")


#: The problems a download can send back to the page (a code in the URL, never what was typed).
PROBLEMS = {
    "mismatch": N_("Some answers do not fit together. Go back and check them."),
    "unknown-paper": N_("That paper is not one we made. Choose one from the list."),
}
#: Where a language switch keeps the county and docket typed on this page, in the interview snapshot.
TYPED_KEY = "papers_typed"


@dataclass(frozen=True)
class InterviewRecord:
    """The record the interview built, the form fields that carry the interview state onward, and the
    county and docket typed on this page before a language switch."""

    record: dict[str, Any]
    carry: dict[str, str]
    typed: dict[str, str] = field(default_factory=dict)

    @property
    def ref(self) -> str:
        return self.carry["interview"]


def interview_record(request: Request, ref: str) -> InterviewRecord | None:
    """THE one dependency of this page on how the interview state travels: the reference to the kept
    state (``/papers/<ref>``, or the ``interview`` field, web/ui/pages.py). ``None`` when it is missing,
    expired or another browser's."""
    snapshot = snapshot_of(request, ref) if ref else None
    if snapshot is None:
        return None
    typed = snapshot.stored.get(TYPED_KEY)
    kept = {k: v for k, v in typed.items() if isinstance(v, str)} if isinstance(typed, dict) else {}
    return InterviewRecord(to_record(snapshot.state), {"interview": ref}, kept)


def keep_typed(request: Request, ref: str, form: dict[str, str]) -> None:
    """Keep the county and docket typed on the page with the interview (the name and address: never)."""
    snapshot = snapshot_of(request, ref)
    if snapshot is None:
        return
    typed = {k[:20]: v[:40] for k, v in form.items() if re.fullmatch(r"(county|docket)_\d{1,2}", k)}
    states(request).replace(browser_of(request), ref, snapshot.to_store(**{TYPED_KEY: typed}))


def _clean(value: str | None) -> str:
    return re.sub(r"[\x00-\x1f\x7f]+", " ", value or "").strip()[:TEXT_LIMIT]


def case_fields(record: dict[str, Any], typed: dict[str, str] | None = None) -> list[dict[str, Any]]:
    """Per case, what the interview does not ask but a petition needs: the county (its court) and the
    docket number. Shown prefilled from an uploaded record, or as typed before a language switch."""
    typed = typed or {}
    out = []
    for index, case in enumerate(record.get("cases", [])[:MAX_CASE_FIELDS]):
        charges = case.get("charges") or [{}]
        state = str(case.get("jurisdiction") or "")
        out.append(
            {
                "index": index,
                "label": charges[0].get("description") or charges[0].get("statute") or "",
                "counties": sorted(c.county for c in courts(state).values()),
                "county": typed.get(f"county_{index}", case.get("county") or ""),
                "docket": typed.get(f"docket_{index}", case.get("docket_number") or ""),
            }
        )
    return out


def with_case_details(record: dict[str, Any], form: dict[str, str]) -> dict[str, Any]:
    """The record with the county and docket typed on the page (a known county; a docket's characters)."""
    cases = []
    for index, case in enumerate(record.get("cases", [])):
        case = dict(case)
        county = form.get(f"county_{index}", "")
        if court_for(str(case.get("jurisdiction") or ""), county):
            case["county"] = county
        number = form.get(f"docket_{index}", "").strip()
        if number and DOCKET.fullmatch(number):
            case["docket_number"] = number
        cases.append(case)
    return {**record, "cases": cases}


def _person(record: dict[str, Any]) -> Person | None:
    try:
        return people_from_json(record, as_of=date.today())[0]
    except (InvalidRecord, IndexError):
        return None


def papers_page(request: Request, found: InterviewRecord, error: str = "") -> Response:
    person = _person(found.record)
    packet: Packet | None = make_for(person, date.today(), Petitioner(), language(request)) if person else None
    papers = [m for m in packet.made if m.kind == "petition"] if packet else []  # each with its order
    context = {
        "packet": packet,
        "papers": papers,
        "carry": found.carry,
        "cases": case_fields(found.record, found.typed),
        "error": error,
        # The switch submits this page's form: the county and docket come back in the other language.
        "lang_form": "papers-form",
        "lang_action": "/papers",
    }
    response = render(request, "petitions.html", context, status=422 if error else 200)
    response.headers["cache-control"] = "no-store"  # Back asks the page again: the typed name is not in a cache
    return response


def download(request: Request, found: InterviewRecord, form: dict[str, str]) -> Response:
    person = _person(with_case_details(found.record, form))
    if person is None:
        return see_other(f"/papers/{found.ref}?problem=mismatch")
    petitioner = Petitioner(_clean(form.get("name")), _clean(form.get("address")))
    packet = make_for(person, date.today(), petitioner, language(request))
    headers = {"cache-control": "no-store"}
    wanted = form.get("file", "")
    if wanted:
        doc = next((d for d in packet.documents if d.name == wanted), None)
        if doc is None:
            return see_other(f"/papers/{found.ref}?problem=unknown-paper")
        headers["content-disposition"] = f'attachment; filename="{doc.name}.pdf"'
        return Response(render_pdf(doc), media_type="application/pdf", headers=headers)
    data = zip_files(packet_files(packet, ("pdf", "docx")))
    headers["content-disposition"] = f'attachment; filename="court-papers-{date.today().isoformat()}.zip"'
    return Response(data, media_type="application/zip", headers=headers)


async def _form(request: Request) -> dict[str, str]:
    form: FormData = await checked_form(request)
    return text_fields(form)


@router.get("/papers/{ref}")
async def papers_kept(request: Request, ref: str, problem: str = "") -> Response:
    """The papers page of a kept interview: what reload and Back reach (the name and address empty)."""
    found = interview_record(request, ref)
    if found is None:
        return see_other(f"/check/{ref}" if valid_ref(ref) else "/check")  # says the answers were cleared
    return await within_budget(request, papers_page, request, found, PROBLEMS.get(problem, ""))


@router.post("/papers")
async def papers(request: Request) -> Response:
    """From the results (or this page's language switch): 303 to the page of this interview."""
    form = await _form(request)
    ref = form.get("interview", "")
    if interview_record(request, ref) is None:
        return see_other("/check")
    action = form.get("action", "")
    response = see_other(f"/papers/{ref}")
    if action.startswith("lang:"):
        keep_typed(request, ref, form)  # the county and docket; the name and address are dropped here
        lang = action.removeprefix("lang:")
        if lang in LANGUAGES:
            response.set_cookie(
                LANG_COOKIE, lang, max_age=365 * 24 * 3600, samesite="lax", secure=settings_of(request).https, path="/"
            )
    return response


@router.post("/papers/download")
async def papers_download(request: Request) -> Response:
    """The papers with the name and address typed just now: a ZIP, or the one PDF asked for."""
    form = await _form(request)
    found = interview_record(request, form.get("interview", ""))
    if found is None:
        return see_other("/check")
    return await within_budget(request, download, request, found, form)

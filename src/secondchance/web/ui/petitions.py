"""The court-papers page, reached from the results ("Get my court papers"): it asks the name and
address (only here; never stored, never logged) and returns the papers as a ZIP or one PDF at a time.

The page needs the person's record from the interview. How the interview state travels is changing
(post/redirect/get), so everything this page knows about it is in ``interview_record``: today the
results page posts its signed state token (the ``interview`` field, web/ui/pages.py) and this page
posts it back with each download.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from starlette.datastructures import FormData

from ...petitions.courts import court_for, courts
from ...petitions.make import make_for
from ...petitions.model import Packet, Petitioner
from ...petitions.render import packet_files, render_pdf, zip_files
from ...records import InvalidRecord, Person, people_from_json
from .budget import within_budget
from .i18n import LANGUAGES
from .interview import N_
from .pages import checked_form, text_fields
from .pages import interview_record as kept_record
from .render import language, render

router = APIRouter(include_in_schema=False)
TEXT_LIMIT = 300
#: Cases whose county and docket the page asks (two fields each; a form takes at most 64 fields).
MAX_CASE_FIELDS = 25
DOCKET = re.compile(r"[A-Za-z0-9][A-Za-z0-9 .\-]{0,39}")


@dataclass(frozen=True)
class InterviewRecord:
    """The record the interview built, and the form fields that carry the interview state onward."""

    record: dict[str, Any]
    carry: dict[str, str]


def interview_record(request: Request, form: dict[str, str]) -> InterviewRecord | None:
    """THE one dependency of this page on how the interview state travels: the reference to the kept
    state in the ``interview`` field (web/ui/pages.py). ``None`` when it is missing, expired or another
    browser's."""
    ref = form.get("interview", "")
    record = kept_record(request, ref)
    return InterviewRecord(record, {"interview": ref}) if record is not None else None


def _clean(value: str | None) -> str:
    return re.sub(r"[\x00-\x1f\x7f]+", " ", value or "").strip()[:TEXT_LIMIT]


def case_fields(record: dict[str, Any]) -> list[dict[str, Any]]:
    """Per case, what the interview does not ask but a petition needs: the county (its court) and the
    docket number. Shown prefilled from an uploaded record; typed here, used once, kept nowhere."""
    out = []
    for index, case in enumerate(record.get("cases", [])[:MAX_CASE_FIELDS]):
        charges = case.get("charges") or [{}]
        state = str(case.get("jurisdiction") or "")
        out.append(
            {
                "index": index,
                "label": charges[0].get("description") or charges[0].get("statute") or "",
                "counties": sorted(c.county for c in courts(state).values()),
                "county": case.get("county") or "",
                "docket": case.get("docket_number") or "",
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


def papers_page(request: Request, found: InterviewRecord, set_lang: str | None = None, error: str = "") -> Response:
    if set_lang in LANGUAGES:
        request.scope["sc_lang"] = set_lang
    person = _person(found.record)
    packet: Packet | None = make_for(person, date.today(), Petitioner(), language(request)) if person else None
    papers = [m for m in packet.made if m.kind == "petition"] if packet else []  # each with its order
    context = {
        "packet": packet,
        "papers": papers,
        "carry": found.carry,
        "cases": case_fields(found.record),
        "error": error,
        "lang_action": "/papers",
        "lang_fields": found.carry,
    }
    return render(request, "petitions.html", context, status=422 if error else 200, set_lang=set_lang)


def download(request: Request, found: InterviewRecord, form: dict[str, str]) -> Response:
    person = _person(with_case_details(found.record, form))
    if person is None:
        return papers_page(request, found, error=N_("Some answers do not fit together. Go back and check them."))
    petitioner = Petitioner(_clean(form.get("name")), _clean(form.get("address")))
    packet = make_for(person, date.today(), petitioner, language(request))
    headers = {"cache-control": "no-store"}
    wanted = form.get("file", "")
    if wanted:
        doc = next((d for d in packet.documents if d.name == wanted), None)
        if doc is None:
            return papers_page(request, found, error=N_("That paper is not one we made. Choose one from the list."))
        headers["content-disposition"] = f'attachment; filename="{doc.name}.pdf"'
        return Response(render_pdf(doc), media_type="application/pdf", headers=headers)
    data = zip_files(packet_files(packet, ("pdf", "docx")))
    headers["content-disposition"] = f'attachment; filename="court-papers-{date.today().isoformat()}.zip"'
    return Response(data, media_type="application/zip", headers=headers)


async def _form(request: Request) -> dict[str, str]:
    form: FormData = await checked_form(request)
    return text_fields(form)


@router.post("/papers")
async def papers(request: Request) -> Response:
    """From the results: what papers we can make, and the form asking for name and address."""
    form = await _form(request)
    found = interview_record(request, form)
    if found is None:
        return RedirectResponse("/check", status_code=303)
    action = form.get("action", "")
    set_lang = action.removeprefix("lang:") if action.startswith("lang:") else None
    return await within_budget(request, papers_page, request, found, set_lang)


@router.post("/papers/download")
async def papers_download(request: Request) -> Response:
    """The papers with the name and address typed just now: a ZIP, or the one PDF asked for."""
    form = await _form(request)
    found = interview_record(request, form)
    if found is None:
        return RedirectResponse("/check", status_code=303)
    return await within_budget(request, download, request, found, form)

"""API: the court papers for one person, as a ZIP (PDF and DOCX of each paper, and papers.json saying
what was made and why). The record's name and address are printed on the papers and kept nowhere."""

from __future__ import annotations

import asyncio
import json
import re
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from ...petitions.make import make_for, packet_json
from ...petitions.model import Petitioner
from ...petitions.render import packet_files, zip_files
from ...records import people_from_json
from ...records.parse import DATE_FORM
from ..settings import Settings
from .problems import INVALID_REQUEST, ApiProblem, FieldError, Problem
from .relief import read_json

router = APIRouter(tags=["papers"])

#: At most this many cases per request: each makes two papers in two formats.
MAX_CASES = 20
TEXT_LIMIT = 300

PAPERS_BODY = {
    "requestBody": {
        "required": True,
        "description": "The record of one person (docs/record-format.md), as for /screen. The person's `name` and "
        "`address` (petition details of the record format) are printed on the papers, and kept and logged nowhere.",
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Record"}}},
    }
}


def _invalid(field: str, detail: str, where: str = "query") -> ApiProblem:
    return ApiProblem(
        422, "The request is not valid", detail, [FieldError(field=field, where=where, detail=detail)],
        type=INVALID_REQUEST,
    )  # fmt: skip


def build_zip(data: Any, day: date, person: str | None, lang: str, formats: tuple[str, ...]) -> tuple[bytes, str]:
    """The ZIP for a record, and its file name; raises ApiProblem or InvalidRecord."""
    people = people_from_json(data, as_of=day)
    chosen = [p for p in people if person is None or p.id == person]
    if len(chosen) != 1:
        raise _invalid("person", "papers are made for one person: send one, or name its id in `person`")
    if len(chosen[0].cases) > MAX_CASES:
        raise _invalid("cases", f"at most {MAX_CASES} cases a request", where="body")
    one = chosen[0]
    petitioner = Petitioner(_clean(one.name), _clean(one.address))
    try:
        packet = make_for(one, day, petitioner, lang)
    except LookupError as error:  # a dated parameter not yet law on that day
        raise _invalid("as_of", str(error)) from None
    files = packet_files(packet, formats)
    files["papers.json"] = json.dumps(packet_json(packet, sorted(files)), indent=2).encode("utf-8")
    return zip_files(files), f"court-papers-{day.isoformat()}.zip"


def _clean(value: str | None) -> str:
    return re.sub(r"[\x00-\x1f\x7f]+", " ", value or "").strip()[:TEXT_LIMIT]


@router.post(
    "/papers",
    summary="Make the court papers for one person: petitions, proposed orders, fee waiver, cover letter, checklist",
    response_class=Response,
    responses={
        200: {
            "description": "A ZIP of the papers (PDF and DOCX) and papers.json (what was made and why).",
            "content": {"application/zip": {"schema": {"type": "string", "format": "binary"}}},
        },
        422: {"model": Problem, "description": "The record or a field is invalid; `errors` names each field."},
        415: {"model": Problem, "description": "The body is not JSON."},
        503: {"model": Problem, "description": "Making the papers took longer than the time budget."},
    },
    openapi_extra=PAPERS_BODY,
)
async def make_papers(
    request: Request,
    as_of: Annotated[date | None, Query(description="Screen as of this date (YYYY-MM-DD). Default: today.")] = None,
    person: Annotated[
        str | None, Query(max_length=200, description="The person id, when the record holds several.")
    ] = None,
    lang: Annotated[Literal["en", "es"], Query(description="The checklist's language.")] = "en",
    formats: Annotated[
        str, Query(pattern=r"^(pdf|docx|txt)(,(pdf|docx|txt))*$", description="Comma-separated: pdf, docx, txt.")
    ] = "pdf,docx",
) -> Response:
    settings: Settings = request.app.state.settings
    day = as_of or date.today()
    raw = request.query_params.get("as_of")
    if (raw is not None and not DATE_FORM.fullmatch(raw)) or not date(1900, 1, 1) <= day <= date(2100, 12, 31):
        raise _invalid("as_of", "as_of must be a date as YYYY-MM-DD between 1900-01-01 and 2100-12-31")
    data = await read_json(request)
    wanted = tuple(dict.fromkeys(formats.split(",")))
    try:
        zipped, name = await asyncio.wait_for(
            run_in_threadpool(build_zip, data, day, person, lang, wanted), settings.request_seconds
        )
    except TimeoutError:
        raise ApiProblem(503, "Service Unavailable", "Making the papers took too long; retry later.") from None
    return Response(
        zipped,
        media_type="application/zip",
        headers={"content-disposition": f'attachment; filename="{name}"', "cache-control": "no-store"},
    )

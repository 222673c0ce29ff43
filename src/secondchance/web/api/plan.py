"""API: a dated reentry plan from a record, returned as the file asked for (.ics, .pdf or .json)."""

from __future__ import annotations

import asyncio
from datetime import date
from typing import Any, Literal

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ...plan.build import plan_for
from ...plan.files import MAX_SERVICES, PlanFileRefused, render_file, services_from_json
from ...records import people_from_json
from ...records.parse import DATE_FORM
from ..settings import Settings
from .problems import INVALID_REQUEST, ApiProblem, FieldError, Problem, problem_response
from .relief import PROBLEMS, read_json

router = APIRouter(tags=["plan"])

MEDIA = {"ics": "text/calendar", "pdf": "application/pdf", "json": "application/json"}


class PlanService(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(min_length=1, max_length=500)
    name: str = Field(min_length=1, max_length=500)
    phone: str | None = Field(default=None, max_length=500)
    address: str | None = Field(default=None, max_length=500)
    url: str | None = Field(default=None, max_length=500, pattern="^https?://")
    need: str | None = Field(default=None, max_length=500)


class PlanRequest(BaseModel):
    """What a plan is made from: one person's record, the dates, the language, the file format."""

    model_config = ConfigDict(extra="forbid")
    record: dict[str, Any] = Field(description="One person's record in the format of docs/record-format.md.")
    as_of: str | None = Field(default=None, description="Plan as of this date (YYYY-MM-DD). Default: today.")
    release_date: str | None = Field(default=None, description="The release date the first-weeks steps count from.")
    lang: Literal["en", "es"] = "en"
    format: Literal["ics", "pdf", "json"] = Field(default="ics", description="The file returned.")
    services: list[PlanService] = Field(default_factory=list, max_length=MAX_SERVICES)


PLAN_BODY = {
    "requestBody": {
        "required": True,
        "description": "One person's record, the as-of and release dates, the language and the file format.",
        "content": {
            "application/json": {
                "schema": {
                    "type": "object",
                    "required": ["record"],
                    "additionalProperties": False,
                    "properties": {
                        "record": {"$ref": "#/components/schemas/Record_person"},
                        "as_of": {"type": "string", "format": "date"},
                        "release_date": {"type": ["string", "null"], "format": "date"},
                        "lang": {"type": "string", "enum": ["en", "es"], "default": "en"},
                        "format": {"type": "string", "enum": ["ics", "pdf", "json"], "default": "ics"},
                        "services": {
                            "type": "array",
                            "maxItems": MAX_SERVICES,
                            "items": PlanService.model_json_schema(),
                        },
                    },
                }
            }
        },
    }
}


def _problem(field: str, detail: str) -> ApiProblem:
    return ApiProblem(
        422,
        "The request is not valid",
        detail,
        [FieldError(field=field, where="body", detail=detail)],
        type=INVALID_REQUEST,
    )


def _day(value: str | None, field: str) -> date | None:
    if value is None:
        return None
    if not DATE_FORM.fullmatch(value):
        raise _problem(field, f"{field} must be a date as YYYY-MM-DD")
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise _problem(field, f"{field} is not a real date") from None
    if not date(1900, 1, 1) <= day <= date(2100, 12, 31):
        raise _problem(field, f"{field} must be between 1900-01-01 and 2100-12-31")
    return day


def make_plan_file(body: PlanRequest, max_charges: int) -> tuple[bytes, str]:
    """The plan file's bytes and its name (raises ApiProblem or InvalidRecord)."""
    day = _day(body.as_of, "as_of") or date.today()
    release = _day(body.release_date, "release_date")
    people = people_from_json(body.record, as_of=day)
    if len(people) != 1:
        raise _problem("record", "send one person's record")
    person = people[0]
    if sum(len(case.charges) for case in person.cases) > max_charges:
        raise _problem("record", f"one request may hold at most {max_charges} charges")
    try:
        services = services_from_json([s.model_dump(exclude_none=True) for s in body.services])
        plan = plan_for(person, day, release, services, body.lang)
    except PlanFileRefused as error:
        raise _problem("services", error.reason) from None
    except LookupError as error:
        raise _problem("as_of", f"the law for that date is not encoded: {error}") from None
    return render_file(plan, person, f".{body.format}"), f"plan.{body.format}"


@router.post(
    "/plan",
    summary="A dated reentry plan as a file: calendar (.ics with reminders), printable PDF, or JSON",
    response_class=Response,
    responses={
        200: {
            "description": "The plan file (`Content-Disposition: attachment`).",
            "content": {
                "text/calendar": {"schema": {"type": "string"}},
                "application/pdf": {"schema": {"type": "string", "format": "binary"}},
                "application/json": {"schema": {"type": "object"}},
            },
        },
        **PROBLEMS,
    },
    openapi_extra=PLAN_BODY,
)
async def make_plan(request: Request) -> Response:
    settings: Settings = request.app.state.settings
    data = await read_json(request)
    try:
        body = PlanRequest.model_validate(data)
    except ValidationError as error:
        errors = [
            FieldError(field=".".join(str(p) for p in e["loc"]) or "(body)", where="body", detail=str(e["msg"]))
            for e in error.errors()
        ]
        detail = "; ".join(f"{e.field}: {e.detail}" for e in errors)[:2000] or "invalid request"
        raise ApiProblem(422, "The request is not valid", detail, errors, type=INVALID_REQUEST) from None
    try:
        content, name = await asyncio.wait_for(
            run_in_threadpool(make_plan_file, body, settings.max_charges), settings.request_seconds
        )
    except TimeoutError:
        problem = Problem(
            type="about:blank",
            title="Service Unavailable",
            status=503,
            detail="Making the plan took too long; retry later.",
        )
        response = problem_response(problem, request)
        response.headers["retry-after"] = "30"
        return response
    media = MEDIA[body.format] + ("; charset=utf-8" if body.format != "pdf" else "")
    return Response(
        content,
        media_type=media,
        headers={"content-disposition": f'attachment; filename="{name}"', "cache-control": "no-store"},
    )

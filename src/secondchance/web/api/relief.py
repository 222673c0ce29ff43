"""API: screen a record, list jurisdictions and rules with their citations."""

from __future__ import annotations

import asyncio
import json
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse

from ...records import people_from_json
from ...records.parse import DATE_FORM
from ...records.safe import InputRefused
from ...records.safe import loads as safe_loads
from ...relief import JURISDICTIONS, Rule, find_rule, screen, to_json
from ...relief.explain import summary
from ...relief.jurisdictions import all_rules
from ...relief.lang import Param
from ..settings import Settings
from .models import Jurisdiction, RuleDetail, RuleSummary, ScreenResponse
from .problems import INVALID_REQUEST, ApiProblem, FieldError, Problem, problem_response

router = APIRouter(tags=["relief"])

PROBLEMS: dict[int | str, dict[str, Any]] = {
    422: {"model": Problem, "description": "The record or a parameter is invalid; `errors` names each field."},
    413: {"model": Problem, "description": "The request body is too large."},
    415: {"model": Problem, "description": "The body is not JSON."},
    429: {"model": Problem, "description": "Too many requests from this client; `Retry-After` says when to retry."},
    503: {"model": Problem, "description": "Screening took longer than the time budget; `Retry-After` is set."},
}
RECORD_BODY = {
    "requestBody": {
        "required": True,
        "description": 'A record in the format of docs/record-format.md: one person, a list, or {"people": [...]}.',
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Record"}}},
    }
}


def screening_json(person_screening: Any, with_trace: bool) -> dict[str, Any]:
    """``to_json`` plus each result's plain-language sentence."""
    out = to_json(person_screening, with_trace=with_trace)
    rows = [c.row for c in person_screening.charges]
    for charge, charge_out in zip(person_screening.charges, out["charges"], strict=True):
        for result, result_out in zip(charge.results, charge_out["results"], strict=True):
            result_out["summary"] = summary(result, charge.row, rows)
    return out


async def read_json(request: Request) -> Any:
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type != "application/json" and not content_type.endswith("+json"):
        raise ApiProblem(415, "Unsupported Media Type", "Send the record as application/json.")
    raw = await request.body()
    try:
        return safe_loads(raw)
    except InputRefused as error:
        detail = f"{error.where}: {error.reason}"
        raise ApiProblem(
            422,
            "The body is not valid JSON",
            detail,
            [FieldError(field="(json)", where="body", detail=detail)],
            type=INVALID_REQUEST,
        ) from None
    except (ValueError, UnicodeDecodeError) as error:
        raise ApiProblem(
            422,
            "The body is not valid JSON",
            str(error),
            [FieldError(field="(json)", where="body", detail=str(error))],
            type=INVALID_REQUEST,
        ) from None


def screen_all(data: Any, day: date, trace: bool, max_charges: int) -> list[dict[str, Any]]:
    """Validate the record and screen every person in it (raises InvalidRecord or ApiProblem)."""
    people = people_from_json(data, as_of=day)
    charges = sum(len(case.charges) for person in people for case in person.cases)
    if charges > max_charges:
        raise ApiProblem(
            422,
            "Too many charges",
            f"One request may hold at most {max_charges} charges; this one has {charges}.",
            [FieldError(field="charges", where="body", detail=f"at most {max_charges} charges")],
            type=INVALID_REQUEST,
        )
    try:
        screenings = [screening_json(screen(person, day), trace) for person in people]
    except LookupError as error:  # a dated parameter not yet law on that day
        raise ApiProblem(
            422,
            "The law for that date is not encoded",
            str(error),
            [FieldError(field="as_of", where="query", detail=str(error))],
            type=INVALID_REQUEST,
        ) from None
    return screenings


@router.post(
    "/screen",
    summary="Screen a record: every relief path for every charge",
    response_model=ScreenResponse,
    responses=PROBLEMS,
    openapi_extra=RECORD_BODY,
)
async def screen_record(
    request: Request,
    as_of: Annotated[
        date | None, Query(description="Compute results as of this date (YYYY-MM-DD). Default: today.")
    ] = None,
    trace: Annotated[bool, Query(description="Include every condition checked.")] = True,
) -> Any:
    settings: Settings = request.app.state.settings
    day = as_of or date.today()
    raw_as_of = request.query_params.get("as_of")
    if raw_as_of is not None and not DATE_FORM.fullmatch(raw_as_of):
        # pydantic also reads 0 as 1970-01-01 (a Unix time) and 20190105 as a date: only YYYY-MM-DD is documented
        detail = f"as_of must be a date as YYYY-MM-DD, got {raw_as_of[:40]!r}"
        raise ApiProblem(
            422,
            "The request is not valid",
            detail,
            [FieldError(field="as_of", where="query", detail=detail)],
            type=INVALID_REQUEST,
        )
    if not date(1900, 1, 1) <= day <= date(2100, 12, 31):
        detail = "as_of must be between 1900-01-01 and 2100-12-31"
        raise ApiProblem(
            422,
            "The request is not valid",
            detail,
            [FieldError(field="as_of", where="query", detail=detail)],
            type=INVALID_REQUEST,
        )
    data = await read_json(request)
    # Screening is CPU work: run it off the event loop so other requests keep being served.
    try:
        screenings = await asyncio.wait_for(
            run_in_threadpool(screen_all, data, day, trace, settings.max_charges), settings.request_seconds
        )
    except TimeoutError:  # the answer is abandoned; its thread finishes its (bounded) work unobserved
        detail = f"Screening took longer than {settings.request_seconds:g} s; retry later, or send fewer charges."
        problem = Problem(type="about:blank", title="Service Unavailable", status=503, detail=detail)
        response = problem_response(problem, request)
        response.headers["retry-after"] = "30"
        return response
    # Returned as is: the OpenAPI document still names ScreenResponse, and schemathesis checks the answers
    # against it, but FastAPI does not validate a large answer twice on the way out.
    return JSONResponse({"as_of": day.isoformat(), "people": screenings})


@router.get("/jurisdictions", summary="Jurisdictions with encoded rules", response_model=list[Jurisdiction])
async def list_jurisdictions() -> list[dict[str, Any]]:
    return [
        {"code": code, "name": name, "rules": sum(1 for r in all_rules() if r.jurisdiction == code)}
        for code, name in JURISDICTIONS.items()
    ]


def rule_summary(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.id,
        "jurisdiction": rule.jurisdiction,
        "relief": rule.relief.value,
        "section": rule.section,
        "title": rule.title,
        "automatic": rule.automatic,
        "effective": rule.effective.isoformat(),
        "repealed": rule.repealed.isoformat() if rule.repealed else None,
    }


def _amount(value: int | Param) -> int | str:
    return value.key if isinstance(value, Param) else value


@router.get(
    "/rules", summary="Every encoded rule with its citation", response_model=list[RuleSummary], responses=PROBLEMS
)
async def list_rules(
    jurisdiction: Annotated[
        str | None, Query(pattern="^[A-Za-z]{2}$", description="Two-letter code, e.g. PA or CA.")
    ] = None,
) -> list[dict[str, Any]]:
    code = jurisdiction.upper() if jurisdiction else None
    return [rule_summary(r) for r in all_rules() if code is None or r.jurisdiction == code]


@router.get(
    "/rules/{rule_id}",
    summary="One rule: the statute text, conditions and waiting periods",
    response_model=RuleDetail,
    responses={404: {"model": Problem, "description": "No such rule."}},
)
async def get_rule(rule_id: str) -> dict[str, Any]:
    try:
        rule = find_rule(rule_id)
    except KeyError:
        raise ApiProblem(404, "Not Found", f"No rule {rule_id!r}; see /api/v1/rules.") from None
    return {
        **rule_summary(rule),
        "statute_text": rule.statute_text,
        "conditions": [{"id": c.id, "text": c.text, "cite": c.cite} for c in rule.conditions],
        "waits": [
            {
                "id": w.id,
                "text": w.text,
                "cite": w.cite,
                "years": _amount(w.years),
                "days": _amount(w.days),
                "months": _amount(w.months),
            }
            for w in rule.waits
        ],
        "note": rule.note,
    }


def record_schemas() -> dict[str, Any]:
    """The record JSON Schema (records/record.schema.json) as OpenAPI components ``Record`` and ``Record_*``."""
    from importlib import resources

    raw = json.loads(resources.files("secondchance.records").joinpath("record.schema.json").read_text("utf-8"))
    text = json.dumps(raw).replace('"#/$defs/', '"#/components/schemas/Record_')
    schema = json.loads(text)
    defs = schema.pop("$defs", {})
    for key in ("$schema", "$id"):
        schema.pop(key, None)
    out = {"Record": schema}
    out.update({f"Record_{name}": value for name, value in defs.items()})
    return out

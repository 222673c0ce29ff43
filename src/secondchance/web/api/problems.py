"""RFC 9457 problem details: every API error says what went wrong and which field is at fault."""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from ...records import InvalidRecord

PROBLEM_TYPE = "application/problem+json"
INVALID_RECORD = "urn:secondchance:problem:invalid-record"
INVALID_REQUEST = "urn:secondchance:problem:invalid-request"


class FieldError(BaseModel):
    """One thing wrong with the request: the field at fault, where it is, and why."""

    field: str = Field(description="The field at fault, e.g. `grade` or `query.as_of`.")
    where: str = Field(description="Where in the request: `person maria / case 1 / charge 2`, `query`, `body`.")
    detail: str = Field(description="Why it is wrong, in words.")


class Problem(BaseModel):
    """An RFC 9457 problem details object."""

    type: str = Field("about:blank", description="A URI naming the kind of problem.")
    title: str
    status: int
    detail: str | None = None
    instance: str | None = None
    errors: list[FieldError] = Field(default_factory=list, description="Each field at fault (may be empty).")


class ApiProblem(Exception):
    """Raised by API handlers to answer with a problem details document."""

    def __init__(self, status: int, title: str, detail: str, errors: list[FieldError] | None = None, **kw: str):
        super().__init__(detail)
        self.problem = Problem(
            type=kw.get("type", "about:blank"), title=title, status=status, detail=detail, errors=errors or []
        )


def problem_response(problem: Problem, request: Request) -> JSONResponse:
    problem.instance = request.url.path
    return JSONResponse(problem.model_dump(), status_code=problem.status, media_type=PROBLEM_TYPE)


def _loc_to_field(loc: tuple[Any, ...]) -> tuple[str, str]:
    where = str(loc[0]) if loc else "request"
    rest = ".".join(str(part) for part in loc[1:]) or where
    return rest, where


def install(app: FastAPI) -> None:
    """Answer invalid records and requests with problem details (HTTP errors: see ``http_problem``)."""

    @app.exception_handler(ApiProblem)
    async def on_api_problem(request: Request, error: ApiProblem) -> JSONResponse:
        return problem_response(error.problem.model_copy(), request)

    @app.exception_handler(InvalidRecord)
    async def on_invalid_record(request: Request, error: InvalidRecord) -> JSONResponse:
        # A key written as "" is still named (fuzzed: an empty field name read as no field at all).
        errors = [FieldError(field=p.field or '""', where=p.where, detail=p.reason) for p in error.problems]
        problem = Problem(
            type=INVALID_RECORD,
            title="The record has problems",
            status=422,
            detail=f"{len(errors)} problem(s) in the record; each is listed in `errors`.",
            errors=errors,
        )
        return problem_response(problem, request)

    @app.exception_handler(RequestValidationError)
    async def on_validation(request: Request, error: RequestValidationError) -> JSONResponse:
        errors = []
        for item in error.errors():
            field, where = _loc_to_field(tuple(item.get("loc", ())))
            errors.append(FieldError(field=field, where=where, detail=str(item.get("msg", "invalid"))))
        problem = Problem(
            type=INVALID_REQUEST,
            title="The request is not valid",
            status=422,
            detail="; ".join(f"{e.where}.{e.field}: {e.detail}" for e in errors) or "invalid request",
            errors=errors,
        )
        return problem_response(problem, request)


def http_problem(request: Request, error: StarletteHTTPException) -> JSONResponse:
    """A 404, 405 or other HTTP error of the API as problem details."""
    title = HTTPStatus(error.status_code).phrase
    detail = error.detail if isinstance(error.detail, str) else title
    response = problem_response(
        Problem(type="about:blank", title=title, status=error.status_code, detail=detail), request
    )
    if error.headers:
        response.headers.update(error.headers)
    return response


PROBLEM_CONTENT = {PROBLEM_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}}
ERROR_TEXT = {
    "400": "The body could not be read as JSON.",
    "404": "Not found.",
    "413": "The request body is too large.",
    "415": "The body is not JSON.",
    "422": "The request is not valid; `errors` names each field at fault.",
}


def document_problems(schema: dict[str, Any]) -> dict[str, Any]:
    """Every error response of the OpenAPI document as ``application/problem+json`` with the Problem schema.

    FastAPI documents request validation errors with its own shape; ours are RFC 9457 problems, so the
    document says so, and every operation that takes a body also documents 400, 413 and 415.
    """
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    components["Problem"] = Problem.model_json_schema(ref_template="#/components/schemas/{model}")
    components.update(Problem.model_json_schema(ref_template="#/components/schemas/{model}").pop("$defs", {}))
    components["Problem"].pop("$defs", None)
    for path_item in schema.get("paths", {}).values():
        for operation in path_item.values():
            responses = operation.setdefault("responses", {})
            codes = ["422"] + (["400", "413", "415"] if "requestBody" in operation else [])
            for code in codes:
                responses.setdefault(code, {"description": ERROR_TEXT[code]})
            for code, response in responses.items():
                if code.startswith(("4", "5")):
                    response["content"] = PROBLEM_CONTENT
                    response.setdefault("description", ERROR_TEXT.get(code, "An error."))
    for unused in ("HTTPValidationError", "ValidationError"):
        components.pop(unused, None)
    return schema

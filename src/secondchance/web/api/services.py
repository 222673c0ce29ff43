"""API: search services near a place (every filter of the directory search), one service, HSDS export.

Search is a POST so a person's facts (record, age, income...) never travel in a URL; the GET form
takes the same filters without facts, for links and caches.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from ...directory.geo import UnknownPlace
from ...directory.needs import NEEDS, UnknownNeed
from ...directory.search import Gap, print_list, sms_summary
from ...directory.validate import InvalidDirectory
from ..settings import Settings
from ..stores import hsds_service, hsds_services, run_search
from .problems import INVALID_REQUEST, ApiProblem, FieldError, Problem

router = APIRouter(tags=["services"])
PROBLEMS: dict[int | str, dict[str, Any]] = {
    422: {"model": Problem, "description": "A filter or a fact is invalid; `errors` names each field."},
}


class SearchRequest(BaseModel):
    near: str = Field(min_length=1, max_length=100, description='A ZIP code, "City, ST" or "lat,lon".')
    needs: list[str] = Field(
        default_factory=list, max_length=30, description="Needs by code or word (housing, food, therapy...)."
    )
    text: str | None = Field(default=None, max_length=200, description="Words that must appear in the listing.")
    radius: float = Field(default=25.0, ge=0.1, le=500, description="Miles.")
    languages: list[str] = Field(default_factory=list, max_length=10, description="Only services in these languages.")
    open_now: bool = Field(default=False, description="Only services open right now.")
    remote: bool = Field(
        default=True, description="Include services reached by phone or online (hotlines): no distance, any place."
    )
    as_of: date | None = Field(default=None, description="Date for dated limits such as the poverty guideline.")
    limit: int = Field(default=20, ge=1, le=100)
    facts: dict[str, Any] | None = Field(
        default=None,
        description="The person's facts (docs/directory.md: has_record, age, veteran, insurance...); all optional.",
    )
    gaps: bool = Field(
        default=False,
        description="Also say which needs nothing within the radius answers, with the nearest place and a remote "
        "service for each (more queries).",
    )


class CheckOut(BaseModel):
    requirement: str
    status: str
    text: str
    missing: str | None


class MatchedNeed(BaseModel):
    need: str
    label: str
    from_: str | None = Field(
        alias="from", description='Where the need was read from, e.g. keyword "Community Clinics"; null: stated.'
    )


class ServiceResult(BaseModel):
    service_id: str
    service_at_location_id: str
    name: str
    organization: str | None
    address: str | None
    phone: str | None
    url: str | None
    service_area: str | None = Field(description="Where the service says it serves (HSDS service areas), if listed.")
    miles: float | None = Field(description="Distance from the place searched; null for a remote service.")
    remote: bool = Field(description="Reached by phone or online, not at a place.")
    needs: list[str]
    matched_needs: list[MatchedNeed] = Field(description="The needs asked for that this service has.")
    languages: list[str]
    fees: str | None
    open_now: bool | None
    fit: str = Field(description="fits, unknown or may_not_fit.")
    reasons: list[str] = Field(description="What decided the fit, in words.")
    missing: list[str] = Field(description="Facts that would decide an unknown fit.")
    checks: list[CheckOut]
    eligibility_description: str | None
    directions: str | None = Field(description="A plain map link to the place (OpenStreetMap); null if remote.")
    last_verified: str | None = Field(description="When the listing was last checked (HSDS assured_date).")
    stale: bool = Field(description="Last checked over a year ago, or never dated: call first.")


class GapOut(BaseModel):
    need: str
    label: str
    nearest: ServiceResult | None = Field(description="The nearest place beyond the radius (up to 150 miles).")
    remote: ServiceResult | None = Field(description="A service by phone or online for the need.")


class SearchResponse(BaseModel):
    near: str
    radius_miles: float
    results: list[ServiceResult]
    gaps: list[GapOut] | None = Field(default=None, description="With gaps: true, the needs nothing nearby answers.")
    printable: str = Field(description="The whole search as a plain numbered list, to print or share.")
    text_message: str = Field(description="The best results in a text message (320 characters at most).")


class NeedOut(BaseModel):
    code: str
    label: str
    parent: str | None


def _search(request: Request, body: SearchRequest, where: str = "body") -> JSONResponse:
    settings: Settings = request.app.state.settings
    missing: list[Gap] | None = [] if body.gaps else None
    try:
        label, results = run_search(
            settings,
            body.near,
            body.needs,
            text=body.text,
            radius=body.radius,
            languages=body.languages,
            open_now=body.open_now,
            remote=body.remote,
            as_of=body.as_of,
            limit=body.limit,
            facts=body.facts,
            gaps_out=missing,
        )
    except UnknownPlace as error:
        raise ApiProblem(
            422,
            "Unknown place",
            str(error),
            [FieldError(field="near", where=where, detail=str(error))],
            type=INVALID_REQUEST,
        ) from None
    except UnknownNeed as error:
        raise ApiProblem(
            422,
            "Unknown need",
            str(error),
            [FieldError(field="needs", where=where, detail=str(error))],
            type=INVALID_REQUEST,
        ) from None
    except InvalidDirectory as error:
        errors = [FieldError(field=p.field or "facts", where="facts", detail=p.reason) for p in error.problems]
        raise ApiProblem(
            422, "Invalid facts", "The person's facts have problems.", errors, type=INVALID_REQUEST
        ) from None
    # Returned as is (not re-validated by FastAPI): schemathesis checks answers against SearchResponse.
    payload: dict[str, Any] = {
        "near": label,
        "radius_miles": body.radius,
        "results": [r.to_json() for r in results],
        "printable": print_list(results, label),
        "text_message": sms_summary(results),
    }
    if missing is not None:
        payload["gaps"] = [g.to_json() for g in missing]
    return JSONResponse(payload)


@router.post(
    "/services/search",
    summary="Search services near a place, matched against a person's facts",
    response_model=SearchResponse,
    responses=PROBLEMS,
)
def search_services(request: Request, body: SearchRequest) -> JSONResponse:
    return _search(request, body)


@router.get(
    "/services",
    summary="Search services near a place (filters only; use POST /services/search to send facts)",
    response_model=SearchResponse,
    responses=PROBLEMS,
)
def list_services(
    request: Request,
    near: Annotated[str, Query(min_length=1, max_length=100, description='A ZIP code, "City, ST" or "lat,lon".')],
    need: Annotated[list[str] | None, Query(max_length=30, description="A need; repeat for several.")] = None,
    text: Annotated[str | None, Query(max_length=200)] = None,
    radius: Annotated[float, Query(ge=0.1, le=500)] = 25.0,
    language: Annotated[list[str] | None, Query(max_length=10)] = None,
    open_now: bool = False,
    remote: bool = True,
    as_of: date | None = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> JSONResponse:
    body = SearchRequest(
        near=near,
        needs=need or [],
        text=text,
        radius=radius,
        languages=language or [],
        open_now=open_now,
        remote=remote,
        as_of=as_of,
        limit=limit,
    )
    return _search(request, body, "query")


@router.get("/needs", summary="The needs one can search for", response_model=list[NeedOut])
def list_needs() -> list[dict[str, Any]]:
    return [{"code": n.code, "label": n.label, "parent": n.parent} for n in NEEDS]


@router.get(
    "/services/{service_id}",
    summary="One service as an HSDS service_full object",
    responses={404: {"model": Problem, "description": "No such service."}},
)
def get_service(request: Request, service_id: Annotated[str, Path(max_length=200)]) -> dict[str, Any]:
    service = hsds_service(request.app.state.settings, service_id)
    if service is None:
        raise ApiProblem(404, "Not Found", f"No service {service_id!r}.")
    return service


@router.get("/hsds/services", summary="Export every service as HSDS JSON (service_full objects)")
def export_hsds(request: Request) -> list[dict[str, Any]]:
    return hsds_services(request.app.state.settings)

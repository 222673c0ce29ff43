"""The app factory: ``create_app(settings)`` wires the API, the pages, static files and security.

Interactive API docs (Swagger UI) are off: they need inline script and a CDN, both barred by our
CSP. The OpenAPI document is at ``/api/v1/openapi.json``; docs/web.md describes every endpoint.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.openapi.utils import get_openapi
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from .api import API_PREFIX, api_router, problems
from .api.relief import record_schemas
from .security import BodySizeLimit, RateLimit, SecurityHeaders
from .settings import Settings
from .state import StateStore
from .ui import STATIC_DIR, ui_router
from .ui.errors import error_page
from .ui.pages import CsrfFailed


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()
    app = FastAPI(
        title="secondchance",
        version=__version__,
        summary="Record relief screening and a services directory for people coming home.",
        description=(
            "Screen a criminal record for expungement, sealing and other relief, charge by charge, with the "
            "statute cited; list the encoded rules; search reentry services. Legal information, not legal advice. "
            "Errors are RFC 9457 problem details naming the field at fault."
        ),
        openapi_url=f"{API_PREFIX}/openapi.json",
        docs_url=None,
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.states = StateStore(settings.state_url, settings.secret_key)
    app.include_router(api_router())
    app.include_router(ui_router())
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    problems.install(app)

    @app.exception_handler(StarletteHTTPException)
    async def on_http_error(request: Request, error: StarletteHTTPException) -> Response:
        if request.url.path.startswith(API_PREFIX):
            return problems.http_problem(request, error)
        return error_page(request, error.status_code)

    @app.exception_handler(CsrfFailed)
    async def on_csrf_failed(request: Request, error: CsrfFailed) -> Response:
        return error_page(request, 403)

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(
                title=app.title,
                version=app.version,
                summary=app.summary,
                description=app.description,
                routes=app.routes,
            )
            schema.setdefault("components", {}).setdefault("schemas", {}).update(record_schemas())
            app.openapi_schema = problems.document_problems(schema)
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    app.add_middleware(BodySizeLimit, limit=settings.max_body_bytes, timeout=settings.body_timeout_seconds)
    app.add_middleware(RateLimit, per_minute=settings.rate_limit_per_minute, burst=settings.rate_limit_burst)
    build_stack = app.build_middleware_stack

    def build_with_headers() -> Any:
        # Outside Starlette's ServerErrorMiddleware, so a 500 carries the security headers too.
        return SecurityHeaders(build_stack(), https=settings.https)

    app.build_middleware_stack = build_with_headers  # type: ignore[method-assign]
    return app

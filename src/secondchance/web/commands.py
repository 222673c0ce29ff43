"""``secondchance serve``: the web app and REST API on uvicorn (registered by secondchance.cli)."""

from __future__ import annotations

import logging
import os
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from fastapi import FastAPI


class NoQueryOrClient(logging.Filter):
    """Access log lines keep method, path and status, never the query string or the client's address."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and len(args) == 5:
            _client, method, path, version, status = args
            record.args = ("-", method, str(path).split("?", 1)[0], version, status)
        return True


def serve(
    host: Annotated[
        str | None, typer.Option(help="Address to listen on (default SECONDCHANCE_HOST or 127.0.0.1).")
    ] = None,
    port: Annotated[int | None, typer.Option(help="Port (default SECONDCHANCE_PORT or 8000).")] = None,
    workers: Annotated[
        int | None,
        typer.Option(min=1, max=64, help="Worker processes, about one per core (default SECONDCHANCE_WORKERS or 1)."),
    ] = None,
) -> None:
    """Start the web app and the REST API (http://127.0.0.1:8000; API under /api/v1)."""
    import uvicorn

    from .settings import Settings

    settings = Settings()
    count = workers or settings.workers
    if count > 1 and not os.environ.get("SECONDCHANCE_SECRET_KEY"):
        # every worker must sign and check CSRF tokens and interview states with the same key
        os.environ["SECONDCHANCE_SECRET_KEY"] = settings.secret_key
    uvicorn.run(
        "secondchance.web.commands:served_app",
        factory=True,
        workers=count,
        host=host or settings.host,
        port=port or settings.port,
        log_level=settings.log_level,
        proxy_headers=False,
        server_header=False,
    )


def served_app() -> FastAPI:
    """The app as each ``serve`` worker builds it, its access log filtered (workers are separate processes)."""
    from .app import create_app
    from .settings import Settings

    logging.getLogger("uvicorn.access").addFilter(NoQueryOrClient())
    return create_app(Settings())

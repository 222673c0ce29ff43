"""``secondchance serve``: the web app and REST API on uvicorn."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from .options import EXIT_INVALID, errors


def serve(
    host: Annotated[
        str | None, typer.Option(help="Address to listen on (default SECONDCHANCE_HOST or 127.0.0.1).")
    ] = None,
    port: Annotated[int | None, typer.Option(help="Port (default SECONDCHANCE_PORT or 8000).")] = None,
    workers: Annotated[
        int | None,
        typer.Option(min=1, max=64, help="Worker processes, about one per core (default SECONDCHANCE_WORKERS or 1)."),
    ] = None,
    allow_http: Annotated[
        bool,
        typer.Option(
            "--allow-http",
            help="Listen on a non-loopback address without HTTPS (SECONDCHANCE_ALLOW_INSECURE_HTTP). Records cross "
            "the network in clear: only behind a proxy that terminates HTTPS.",
        ),
    ] = False,
) -> None:
    """Start the web app and the REST API (http://127.0.0.1:8000; API under /api/v1)."""
    import uvicorn

    from ..web.serving import unsafe_setup
    from ..web.settings import Settings

    settings = Settings()
    problem = unsafe_setup(settings, host or settings.host, allow_http)
    if problem:
        errors.print(problem, markup=False, highlight=False)
        raise typer.Exit(EXIT_INVALID)
    count = workers or settings.workers
    if count > 1 and not os.environ.get("SECONDCHANCE_SECRET_KEY"):
        # every worker must sign and check CSRF tokens and interview states with the same key
        os.environ["SECONDCHANCE_SECRET_KEY"] = settings.secret_key
    if count > 1 and not os.environ.get("SECONDCHANCE_STATE_URL"):
        from ..web.state import shared_sqlite_url

        # every worker must read the interview steps any other worker kept
        os.environ["SECONDCHANCE_STATE_URL"] = shared_sqlite_url()
    uvicorn.run(
        "secondchance.web.serving:served_app",
        factory=True,
        workers=count,
        host=host or settings.host,
        port=port or settings.port,
        log_level=settings.log_level,
        proxy_headers=False,
        server_header=False,
    )

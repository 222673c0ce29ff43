"""``secondchance serve``: the web app and REST API on uvicorn (registered by secondchance.cli)."""

from __future__ import annotations

import logging
from typing import Annotated

import typer


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
) -> None:
    """Start the web app and the REST API (http://127.0.0.1:8000; API under /api/v1)."""
    import uvicorn

    from .app import create_app
    from .settings import Settings

    settings = Settings()
    logging.getLogger("uvicorn.access").addFilter(NoQueryOrClient())
    uvicorn.run(
        create_app(settings),
        host=host or settings.host,
        port=port or settings.port,
        log_level=settings.log_level,
        proxy_headers=False,
        server_header=False,
    )

"""What ``secondchance serve`` runs: the checks before it starts, and the app each uvicorn worker builds."""

from __future__ import annotations

import ipaddress
import logging
import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fastapi import FastAPI

    from .settings import Settings


class NoQueryOrClient(logging.Filter):
    """Access log lines keep method, path and status, never the query string or the client's address."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and len(args) == 5:
            _client, method, path, version, status = args
            record.args = ("-", method, str(path).split("?", 1)[0], version, status)
        return True


#: Shortest secret key accepted from SECONDCHANCE_SECRET_KEY (it signs CSRF tokens and interview states).
MIN_SECRET_BYTES = 32


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def unsafe_setup(settings: Settings, host: str, allow_http: bool) -> str | None:
    """Why ``serve`` must not start as configured, or None: a guessable key, or records in clear on a network."""
    if os.environ.get("SECONDCHANCE_SECRET_KEY") and len(settings.secret_key.encode()) < MIN_SECRET_BYTES:
        return (
            f"SECONDCHANCE_SECRET_KEY is {len(settings.secret_key.encode())} bytes; use at least {MIN_SECRET_BYTES} "
            "random bytes (python -c 'import secrets; print(secrets.token_urlsafe(32))')."
        )
    if not is_loopback(host) and not settings.https and not (allow_http or settings.allow_insecure_http):
        return (
            f"Refusing to serve on {host} without HTTPS: records would cross the network in clear. Put it behind "
            "HTTPS and set SECONDCHANCE_HTTPS=true, or pass --allow-http if a proxy on this machine terminates HTTPS."
        )
    return None


def served_app() -> FastAPI:
    """The app as each ``serve`` worker builds it, its access log filtered (workers are separate processes)."""
    from .app import create_app
    from .settings import Settings
    from .state import remove_state_folders
    from .stores import remove_sample_folders

    logging.getLogger("uvicorn.access").addFilter(NoQueryOrClient())
    app = create_app(Settings())
    # uvicorn re-raises SIGTERM after a graceful shutdown, so atexit never runs: clean up on shutdown.
    app.router.on_shutdown.append(remove_sample_folders)
    app.router.on_shutdown.append(remove_state_folders)
    return app

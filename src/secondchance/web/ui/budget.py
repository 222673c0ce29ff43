"""The time budget of one page request (issue 16): the API's screening has one, and so do the pages that
screen a record or search the directory. Over it, the page says so with 503 and ``Retry-After``."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from fastapi.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from .errors import error_page
from .render import settings_of

#: Seconds a client is asked to wait before it tries again (the API sends the same).
RETRY_AFTER = "30"


async def within_budget(request: Request, page: Callable[..., Response], *args: Any) -> Response:
    """``page(*args)`` in a worker thread (CPU work off the event loop), or a 503 page when it takes longer
    than ``request_seconds``; the abandoned thread finishes its bounded work unobserved."""
    seconds = settings_of(request).request_seconds
    try:
        return await asyncio.wait_for(run_in_threadpool(page, *args), seconds)
    except TimeoutError:
        response = error_page(request, 503)
        response.headers["retry-after"] = RETRY_AFTER
        return response

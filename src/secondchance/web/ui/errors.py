"""Error pages in plain words (the API answers with problem details instead)."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from .render import render


def error_page(request: Request, status: int) -> Response:
    return render(request, "error.html", {"status": status}, status=status)

"""The app in-process (Starlette's TestClient, no server) and the web oracle: an answer or a 4xx that
names the reason (API: problem details with each field at fault), never a 5xx or an exception."""

from __future__ import annotations

import warnings
from typing import Any

from common import Failure

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from secondchance.web.app import create_app
from secondchance.web.settings import Settings

SETTINGS = Settings(rate_limit_per_minute=0, max_body_bytes=200_000)
CLIENT = TestClient(create_app(SETTINGS))  # raises the app's exceptions: each one is a failure
FIRST = CLIENT.get("/check")
CSRF = FIRST.text.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]


def check_page(response: Any) -> None:
    if response.status_code >= 500:
        raise Failure(f"HTTP {response.status_code} from {response.request.url.path}")
    if response.status_code >= 400 and not response.text.strip():
        raise Failure(f"HTTP {response.status_code} with an empty body")


def check_api(response: Any) -> None:
    check_page(response)
    if 400 <= response.status_code < 500 and response.status_code not in (404, 405, 413, 415):
        problem = response.json()
        if not problem.get("detail") or (response.status_code == 422 and not problem.get("errors")):
            raise Failure(f"a {response.status_code} without its reason: {problem}")
        for error in problem.get("errors", []):
            if not error.get("field") or not error.get("where") or not error.get("detail"):
                raise Failure(f"an error without its field or reason: {error}")

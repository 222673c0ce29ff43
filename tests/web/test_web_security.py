"""Signing, CSRF tokens and the size limit on pages (the API's limits are in test_web_api.py)."""

from __future__ import annotations

from fastapi.testclient import TestClient

from secondchance.web.security import csrf_ok, csrf_token, sign, unsign


def test_signed_state_round_trips_and_rejects_changes() -> None:
    token = sign("k", "interview", {"step": "state", "n": [1, 2]})
    assert unsign("k", "interview", token) == {"step": "state", "n": [1, 2]}
    payload, signature = token.split(".")
    assert unsign("k", "interview", payload[:-2] + "AA." + signature) is None
    assert unsign("other-key", "interview", token) is None
    assert unsign("k", "csrf", token) is None, "a token signed for one use is refused for another"
    assert unsign("k", "interview", "garbage") is None


def test_csrf_token_is_bound_to_cookie_and_key() -> None:
    token = csrf_token("k", "cookie-1")
    assert csrf_ok("k", "cookie-1", token)
    assert not csrf_ok("k", "cookie-2", token)
    assert not csrf_ok("other", "cookie-1", token)
    assert not csrf_ok("k", None, token)
    assert not csrf_ok("k", "cookie-1", None)


def test_a_huge_form_is_refused_before_it_is_read(client: TestClient) -> None:
    response = client.post(
        "/check", content=b"a=" + b"x" * 60_000, headers={"content-type": "application/x-www-form-urlencoded"}
    )
    assert response.status_code == 413


def test_pages_cannot_be_framed_and_static_files_may_be_cached(client: TestClient) -> None:
    page = client.get("/check")
    assert page.headers["x-frame-options"] == "DENY"
    assert page.headers["cache-control"] == "no-store"
    css = client.get("/static/site.css")
    assert css.status_code == 200
    assert css.headers["cache-control"].startswith("private")

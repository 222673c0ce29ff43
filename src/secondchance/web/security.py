"""Security for every response: headers, request size limits, CSRF tokens and signed form state.

Pure ASGI middleware (no per-request thread hops) so the limits hold before FastAPI reads a body.
CSRF uses a signed double-submit token: the ``sc_csrf`` cookie holds a random value and every form
carries HMAC(secret, that value); a cross-site page can neither read the cookie nor forge the HMAC.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import json
import math
import secrets
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

CSRF_COOKIE = "sc_csrf"
CSRF_FIELD = "csrf_token"

CSP = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "object-src 'none'",
    )
)


def security_headers(https: bool) -> list[tuple[bytes, bytes]]:
    headers = [
        (b"content-security-policy", CSP.encode()),
        (b"referrer-policy", b"no-referrer"),
        (b"x-content-type-options", b"nosniff"),
        (b"x-frame-options", b"DENY"),
        (b"permissions-policy", b"geolocation=(), camera=(), microphone=(), interest-cohort=()"),
        (b"cross-origin-opener-policy", b"same-origin"),
    ]
    if https:
        headers.append((b"strict-transport-security", b"max-age=31536000; includeSubDomains"))
    return headers


class SecurityHeaders:
    """Adds the security headers to every response; pages and API answers are never cached.

    Pages can hold a person's record, so only ``/static/`` may be cached (by the browser alone).
    """

    def __init__(self, app: ASGIApp, https: bool = False) -> None:
        self.app = app
        self.headers = security_headers(https)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        static = str(scope.get("path", "")).startswith("/static/")
        cache = b"private, max-age=3600" if static else b"no-store"

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in self.headers if k not in names]
                if b"cache-control" not in names:
                    extra.append((b"cache-control", cache))
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyTooLarge(Exception):
    pass


class BodyTooSlow(Exception):
    pass


def problem_bytes(status: int, title: str, detail: str) -> bytes:
    return json.dumps({"type": "about:blank", "title": title, "status": status, "detail": detail}).encode()


class BodySizeLimit:
    """Rejects request bodies over ``limit`` bytes with 413 (problem details), declared or streamed."""

    def __init__(self, app: ASGIApp, limit: int, timeout: float = 30.0) -> None:
        self.app = app
        self.limit = limit
        self.timeout = timeout

    async def _reject(self, send: Send, status: int = 413) -> None:
        if status == 408:
            body = problem_bytes(408, "Request Timeout", f"The request body took over {self.timeout:g} s to arrive.")
        else:
            body = problem_bytes(413, "Content Too Large", f"The request body must be at most {self.limit} bytes.")
        await send(
            {
                "type": "http.response.start",
                "status": status,
                "headers": [
                    (b"content-type", b"application/problem+json"),
                    (b"content-length", str(len(body)).encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    declared = self.limit + 1
                if declared > self.limit:
                    await self._reject(send)
                    return
        seen = 0
        started = False
        complete = False
        deadline = asyncio.get_running_loop().time() + self.timeout

        async def counting_receive() -> Message:
            nonlocal seen, complete
            if complete:  # the body is in: later receives wait for a disconnect, untimed
                return await receive()
            remaining = deadline - asyncio.get_running_loop().time()
            try:
                message = await asyncio.wait_for(receive(), max(remaining, 0.001))
            except TimeoutError:
                raise BodyTooSlow from None
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise BodyTooLarge
                complete = not message.get("more_body", False)
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except BodyTooLarge:
            if not started:
                await self._reject(send)
        except BodyTooSlow:
            if not started:
                await self._reject(send, 408)


# ---------------------------------------------------------------------------- signing and CSRF


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def mac(secret: str, purpose: str, data: bytes) -> str:
    return _b64(hmac.new(secret.encode(), purpose.encode() + b"\0" + data, hashlib.sha256).digest())


def sign(secret: str, purpose: str, payload: Any) -> str:
    """``payload`` as compact JSON, base64, with an HMAC so a changed or corrupted form is caught."""
    data = json.dumps(payload, separators=(",", ":"), sort_keys=True).encode()
    return f"{_b64(data)}.{mac(secret, purpose, data)}"


def unsign(secret: str, purpose: str, token: str) -> Any:
    """The payload of a ``sign`` token, or ``None`` if it was changed, corrupted or signed for another use."""
    try:
        encoded, signature = token.split(".", 1)
        data = _unb64(encoded)
    except (ValueError, TypeError):
        return None
    if not signature.isascii() or not hmac.compare_digest(signature, mac(secret, purpose, data)):
        return None
    try:
        return json.loads(data)
    except ValueError:
        return None


def new_csrf_cookie() -> str:
    return secrets.token_urlsafe(24)


def csrf_token(secret: str, cookie: str) -> str:
    """The token forms carry: bound to this browser's cookie and to the server's secret."""
    return mac(secret, "csrf", cookie.encode())


def csrf_ok(secret: str, cookie: str | None, token: str | None) -> bool:
    if not cookie or not token or not token.isascii():  # compare_digest refuses non-ASCII text (a 500)
        return False
    return hmac.compare_digest(token, csrf_token(secret, cookie))


# ---------------------------------------------------------------------------- rate limits


class RateLimit:
    """Per-client token bucket on the API and the pages: over the limit, 429 with ``Retry-After``.

    A client (its address as the server sees it) may send ``per_minute`` requests a minute on average
    and ``burst`` at once. Static files are not counted. Buckets live in this process (each ``serve``
    worker counts alone); the least recently seen clients are forgotten past ``max_clients``.
    """

    def __init__(
        self,
        app: ASGIApp,
        per_minute: int,
        burst: int,
        max_clients: int = 100_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.app = app
        self.rate = per_minute / 60.0
        self.burst = float(max(burst, 1))
        self.max_clients = max_clients
        self.clock = clock
        self.buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()

    def _take(self, client: str) -> float:
        """0 if the request may go ahead, else the seconds until it may."""
        now = self.clock()
        tokens, at = self.buckets.pop(client, (self.burst, now))
        tokens = min(self.burst, tokens + (now - at) * self.rate)
        wait = 0.0
        if tokens >= 1:
            tokens -= 1
        else:
            wait = (1 - tokens) / self.rate
        self.buckets[client] = (tokens, now)
        while len(self.buckets) > self.max_clients:
            self.buckets.popitem(last=False)
        return wait

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or self.rate <= 0 or str(scope.get("path", "")).startswith("/static/"):
            await self.app(scope, receive, send)
            return
        client = scope.get("client")
        wait = self._take(str(client[0]) if client else "-")
        if not wait:
            await self.app(scope, receive, send)
            return
        retry = str(max(1, math.ceil(wait)))
        body = problem_bytes(429, "Too Many Requests", f"Too many requests from this address; retry in {retry} s.")
        await send(
            {
                "type": "http.response.start",
                "status": 429,
                "headers": [
                    (b"content-type", b"application/problem+json"),
                    (b"content-length", str(len(body)).encode()),
                    (b"retry-after", retry.encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})

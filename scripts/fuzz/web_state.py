"""Fuzz the kept interview state (``POST /check``, ``GET /check/<ref>``, ``/check/download``, web/ui/pages.py).

Mode byte: 0 a garbled or forged reference (any text); 1 any JSON value kept in the app's own state
store for this browser (what an older release or a leaked key could leave there); 2 a real state with a
fuzzed JSON patch, kept. The rest: ``token 0x1E action 0x1E name 0x1F value 0x1E ...`` form fields.
"""

from __future__ import annotations

import json
from typing import Any

from web_common import CLIENT, CSRF, check_page

from secondchance.web.security import CSRF_COOKIE
from secondchance.web.ui.interview import STEPS

STORE = CLIENT.app.state.states
BROWSER = CLIENT.cookies.get(CSRF_COOKIE) or ""

PERSON = {"birth_date": "1980-01-01", "cases": [{"jurisdiction": "PA", "charges": [{"sentence": {}, "grade": "M2"}]}]}


def _state(step: str) -> dict[str, Any]:
    return {"step": step, "back": ["intro"], "person": json.loads(json.dumps(PERSON))}


def seeds() -> dict[str, bytes]:
    found = {
        "garbled": b"\x00abc.def\x1enext",
        "signed-null": b"\x01null\x1enext",
        "intro": b"\x02{}\x1enext",
    }
    for step in STEPS:
        found[f"step-{step}"] = (
            b"\x02" + json.dumps({"step": step}).encode() + b"\x1enext\x1e" + step.encode() + b"\x1f2019-01-05"
        )
    found["results"] = b'\x02{"step": "results"}\x1eback'
    found["unknown"] = b'\x02{"step": "grade"}\x1eunknown'
    found["follow-up"] = b'\x02{"step": "results"}\x1efollowup\x1eask\x1fjail\x1etarget\x1f0.0\x1ejail\x1fyes'
    found["partial-date"] = b'\x02{"step": "birth"}\x1enext\x1ebirth_year\x1f1984\x1ebirth_month\x1f13'
    return found


def _merge(base: Any, patch: Any) -> Any:
    if isinstance(base, dict) and isinstance(patch, dict):
        out = dict(base)
        for key, value in patch.items():
            out[key] = _merge(base.get(key), value)
        return out
    return patch


def one_input(data: bytes) -> None:
    if not data:
        return
    mode = data[0] % 3
    parts = data[1:].split(b"\x1e")
    token_text = parts[0].decode("utf-8", "replace")
    action = parts[1].decode("utf-8", "replace") if len(parts) > 1 else "next"
    fields: dict[str, str] = {}
    for part in parts[2:]:
        name, _, value = part.partition(b"\x1f")
        fields[name.decode("utf-8", "replace")[:40]] = value.decode("utf-8", "replace")
    if mode == 0:
        token = token_text
    else:
        try:
            state: Any = json.loads(token_text)
        except ValueError:
            state = token_text
        if mode == 2:
            state = _merge(_state("intro"), state)
        extra = {"prev": fields.get("prev"), "error": fields.get("error"), "typed": fields}
        token = STORE.put(BROWSER, {"state": state, **extra})
        check_page(CLIENT.get(f"/check/{token}"))
    csrf = token_text if data[0] % 5 == 4 else CSRF  # a forged CSRF token too
    form = {**fields, "csrf_token": csrf, "interview": token, "action": action}
    path = "/check/download" if data[0] % 7 == 6 else "/check"
    check_page(CLIENT.post(path, data=form))

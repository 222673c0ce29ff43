"""Fuzz the web's record inputs in-process: the page upload (``POST /check/upload``, first byte even)
and the API body (``POST /api/v1/screen``, odd)."""

from __future__ import annotations

from importlib import resources

from web_common import CLIENT, CSRF, check_api, check_page

PERSON = (
    b'{"id": "p1", "birth_date": "1984-05-02", "cases": [{"id": "c1", "jurisdiction": "PA", "charges": '
    b'[{"id": "1", "statute": "18 Pa.C.S. \xc2\xa7 3929", "grade": "M2", "disposition": "convicted", '
    b'"disposition_date": "2015-06", "sentence": {"fines_costs_owed": 0}}]}]}'
)


def seeds() -> dict[str, bytes]:
    example = resources.files("secondchance.examples").joinpath("people.json").read_bytes()
    return {
        "upload": b"\x00" + PERSON,
        "upload-people": b"\x00" + b'{"people": [' + PERSON + b"]}",
        "api": b"\x01" + PERSON,
        "api-examples": b"\x01" + example,
        "api-list": b"\x01[" + PERSON + b"]",
    }


def one_input(data: bytes) -> None:
    if not data:
        return
    body = data[1:]
    if data[0] % 2 == 0:
        response = CLIENT.post(
            "/check/upload", data={"csrf_token": CSRF}, files={"record": ("r.json", body, "application/json")}
        )
        check_page(response)
    else:
        query = "?as_of=2026-11-23&trace=true" if data[0] % 4 == 1 else "?as_of=2026-11-23"
        response = CLIENT.post(f"/api/v1/screen{query}", content=body, headers={"content-type": "application/json"})
        check_api(response)

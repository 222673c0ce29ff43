"""Drives the record interview through the in-process client, the way a browser without JavaScript would."""

from __future__ import annotations

import re
from typing import Any

from fastapi.testclient import TestClient

HIDDEN = re.compile(r'<input type="hidden" name="(interview|csrf_token)" value="([^"]*)">')


class Interview:
    def __init__(self, client: TestClient) -> None:
        self.client = client
        self.page = client.get("/check")
        assert self.page.status_code == 200

    def hidden(self) -> dict[str, str]:
        return dict(HIDDEN.findall(self.page.text))

    def post(self, action: str = "next", **answers: Any) -> str:
        data = {**self.hidden(), "action": action, **{k: str(v) for k, v in answers.items()}}
        self.page = self.client.post("/check", data=data)
        return str(self.page.text)

    def title(self) -> str:
        match = re.search(r"<title>(.*?) · secondchance</title>", self.page.text)
        assert match, self.page.text[:500]
        return match.group(1)

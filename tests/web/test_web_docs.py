"""docs/web.md keeps up with the code: every setting and every API path is documented."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from secondchance.web.settings import Settings

DOC = (Path(__file__).parent.parent.parent / "docs" / "web.md").read_text(encoding="utf-8")


def test_every_setting_is_documented() -> None:
    for name in Settings.model_fields:
        assert f"`SECONDCHANCE_{name.upper()}`" in DOC, name


def test_every_api_path_is_documented(client: TestClient) -> None:
    schema = client.get("/api/v1/openapi.json").json()
    for path, item in schema["paths"].items():
        for method in item:
            assert f"{method.upper()} {path}" in DOC, f"{method.upper()} {path}"

"""An in-process client of the app (no server, no network), with a fixed secret for stable tokens."""

from __future__ import annotations

import warnings
from collections.abc import Iterator

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from secondchance.web.app import create_app
from secondchance.web.settings import Settings


@pytest.fixture
def settings() -> Settings:
    return Settings(secret_key="test-secret", max_body_bytes=50_000, max_charges=25)


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings)) as test_client:
        yield test_client

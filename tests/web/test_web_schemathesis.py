"""schemathesis against the OpenAPI document: generated requests for every operation, in process.

No 5xx, every answer matches its documented schema, status code and content type. At least
1,000 requests are sent in all (counted below); ``derandomize`` keeps runs reproducible.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from secondchance.web.app import create_app
from secondchance.web.settings import Settings

pytestmark = pytest.mark.slow  # seconds to minutes: `make test` runs it, `make check` does not

APP = create_app(Settings(secret_key="schemathesis", max_body_bytes=200_000, rate_limit_per_minute=0))
SCHEMA = schemathesis.openapi.from_asgi("/api/v1/openapi.json", APP)
CHECKS = [not_a_server_error, response_schema_conformance, status_code_conformance, content_type_conformance]
EXAMPLES_PER_OPERATION = 125
SENT: Counter[str] = Counter()


@SCHEMA.parametrize()
@settings(
    max_examples=EXAMPLES_PER_OPERATION,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
def test_api_keeps_its_contract(case: Any) -> None:
    response = case.call()
    SENT[f"{case.method} {case.path}"] += 1
    case.validate_response(response, checks=CHECKS)


def test_at_least_a_thousand_requests_were_sent() -> None:
    if not SENT:
        pytest.skip("run with the generated tests above")
    assert len(SENT) >= 9, SENT
    print(f"schemathesis sent {sum(SENT.values())} requests: {dict(SENT)}")
    assert sum(SENT.values()) >= 1000, SENT

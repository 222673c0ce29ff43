"""tests/conftest.py leaves a module out of collection only when ``-m`` selects none of its tests."""

from __future__ import annotations

import pytest

from secondchance.testing.markers import never_selected

FAST = "not slow and not e2e and not spark and not postgres"


@pytest.mark.parametrize(
    ("expression", "mark", "never"),
    [
        (FAST, "slow", True),
        (FAST, "spark", True),
        ("slow", "slow", False),
        ("e2e", "slow", False),  # a test of a slow module may be marked e2e as well
        ("not e2e", "slow", False),
        ("slow and not spark", "spark", True),
        ("slow and spark", "spark", False),  # a spark module may hold slow tests
        ("not (slow or e2e)", "e2e", True),
        ("not slow", "spark", False),
        ("mark(x=1)", "slow", False),  # beyond names and operators: collected as usual
        ("not", "slow", False),  # not an expression: pytest says so
    ],
)
def test_a_module_is_left_out_only_when_no_test_of_it_can_be_selected(expression: str, mark: str, never: bool) -> None:
    assert never_selected(expression, mark) is never

"""The follow-up question on the results: where one answer could change a charge's best result, the
interview's own screen for that fact is asked inline, for that charge, and the record is screened again."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ...relief import Result
from ...relief.explain import open_question
from .interview import FOLLOW_UPS, STEPS, Option, Step, case_view, step_options, to_record


@dataclass
class FollowUp:
    """One question asked on the results page: the interview's screen for a missing fact of one charge."""

    step: Step
    options: tuple[Option, ...]
    target: str  # "case.charge" positions in the interview state
    prefix: str  # keeps the question's ids unique on the page


def positions(state: dict[str, Any] | None) -> dict[tuple[str, str], str]:
    """Each charge's (case id, charge id) in the record, to its "case.charge" positions in the interview state."""
    if state is None:
        return {}
    record = to_record(state)
    return {
        (str(case["id"]), str(charge["id"])): f"{c}.{h}"
        for c, case in enumerate(record["cases"])
        for h, charge in enumerate(case["charges"])
    }


def follow_up_question(
    results: list[Result], target: str | None, state: dict[str, Any] | None, number: int
) -> FollowUp | None:
    """The question whose answer could change the best result still open for this charge (``results``
    most helpful first): the first missing fact of the first open question that a screen can ask."""
    if target is None or state is None:
        return None
    for result in results:
        if not open_question(result):
            continue
        for name in result.missing:
            step_id = FOLLOW_UPS.get(name)
            if step_id is None:
                continue
            step = STEPS[step_id]
            case = state["person"]["cases"][int(target.split(".")[0])]
            return FollowUp(step, step_options(step, case_view(state, case)), target, f"q{number}")
        return None
    return None

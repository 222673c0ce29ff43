"""The follow-up question on the results: where one answer could change a charge's best result, the
interview's own screen for that fact is asked inline, for that charge, and the record is screened again."""

from __future__ import annotations

from dataclasses import dataclass

from ...relief import Result
from ...relief.explain import open_question
from .interview import FOLLOW_UPS, STEPS, InterviewState, Option, Step, step_options, to_record


@dataclass
class FollowUp:
    """One question asked on the results page: the interview's screen for a missing fact of one charge."""

    step: Step
    options: tuple[Option, ...]
    target: str  # "case.charge" positions in the interview state
    prefix: str  # keeps the question's ids unique on the page
    released: str = ""  # the year of release, when known: the supervision question follows it


def positions(state: InterviewState | None) -> dict[tuple[str, str], str]:
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
    results: list[Result], target: str | None, state: InterviewState | None, number: int
) -> FollowUp | None:
    """The question whose answer could change the best result still open for this charge (``results``
    most helpful first): of the first open question with a fact a screen can ask, that fact (the first in
    the interview's order)."""
    if target is None or state is None:
        return None
    order = list(FOLLOW_UPS)
    for result in results:
        if not open_question(result):
            continue
        askable = sorted((name for name in result.missing if name in FOLLOW_UPS), key=order.index)
        if not askable:
            continue  # nothing a screen asks: the next open question
        step_id = FOLLOW_UPS[askable[0]]  # the first in the interview's order (the kind before its end date)
        step = STEPS[step_id]
        c, h = (int(p) for p in target.split("."))
        case = state.person.cases[c]
        released = case.charges[h].sentence.get("incarceration_end") or ""
        question = FollowUp(step, step_options(step, case.jurisdiction), target, f"q{number}")
        if step_id == "probation" and isinstance(released, str):
            question.released = released[:4]
        return question
    return None

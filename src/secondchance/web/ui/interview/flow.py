"""The interview's flow: apply one screen's answer to the state and pick the next question.

Only questions that can matter are asked (the sentence for a charge that ended without a conviction
is never asked). "I don't know" leaves the fact unknown, which the rules report as "needs review".
A follow-up question on the results page is a screen of the interview asked again for one charge.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from ....records.model import GRADES_BY_JURISDICTION
from .answers import CHOOSE_ONE, parse_answer
from .questions import CONVICTION_ENDINGS, FOLLOW_UPS, SCHEDULABLE, STEPS, Step, prison_or_jail, step_options
from .state import ChargeAnswers, InterviewState, Scalar, set_fact

#: The screens always followed by the same one.
THEN = {
    "intro": "state",
    "birth": "charge",
    "charge": "grade",
    "grade": "disposition",
    "prison_kind": "probation",
    "probation_completed": "fines",
    "fines": "restitution",
    "restitution": "pardon",
    "pardon": "another",
}


def _after_state(state: InterviewState, charge: ChargeAnswers) -> str:
    if state.jurisdiction not in GRADES_BY_JURISDICTION:
        return "results"  # a state we do not check: where to get help
    return "charge" if state.birth_asked else "birth"


def _after_disposition(state: InterviewState, charge: ChargeAnswers) -> str:
    return "disposition_date" if charge.disposition != "pending" else "another"


def _after_disposition_date(state: InterviewState, charge: ChargeAnswers) -> str:
    return "jail" if charge.disposition in (*CONVICTION_ENDINGS, None) else "another"


def _after_jail(state: InterviewState, charge: ChargeAnswers) -> str:
    return "release" if charge.jailed is True else "probation"


def _after_release(state: InterviewState, charge: ChargeAnswers) -> str:
    return "prison_kind" if prison_or_jail(state.jurisdiction) else "probation"


def _after_probation(state: InterviewState, charge: ChargeAnswers) -> str:
    return "probation_end" if charge.sentence.get("supervision") not in (None, "none") else "fines"


def _after_probation_end(state: InterviewState, charge: ChargeAnswers) -> str:
    return "fines" if charge.sentence.get("probation_end_scheduled") is True else "probation_completed"


#: The screens whose next one depends on the answers so far (the charge being asked about).
BRANCHES: dict[str, Callable[[InterviewState, ChargeAnswers], str]] = {
    "state": _after_state,
    "disposition": _after_disposition,
    "disposition_date": _after_disposition_date,
    "jail": _after_jail,
    "release": _after_release,
    "probation": _after_probation,
    "probation_end": _after_probation_end,
}


def next_step(state: InterviewState, step: str) -> str:
    """The question after ``step``, skipping those that cannot matter for this charge."""
    if step in THEN:
        return THEN[step]
    if step in BRANCHES:
        return BRANCHES[step](state, state.current_charge or ChargeAnswers())  # no charge: every fact unknown
    return "results"


def _chosen(state: InterviewState, step: Step, form: dict[str, str]) -> tuple[dict[str, Scalar], str | None]:
    """The state of the case, or another charge: the screens that change the shape of the answers.
    ``another`` adds the charge (and moves on) itself; "done" gives no facts."""
    chosen = form.get(step.id, "")
    if chosen not in {o.value for o in step_options(step, state.jurisdiction)}:
        return {}, CHOOSE_ONE
    if step.id == "state":
        state.other_state = chosen == "other"
        return {"jurisdiction": None if chosen == "other" else chosen}, None
    if chosen != "done":
        state.new_charge(chosen == "new_case")
        state.back.append(step.id)
        state.step = "state" if chosen == "new_case" else "charge"
    return {}, None


def answer(state: InterviewState, action: str, form: dict[str, str], today: date) -> str | None:
    """Apply one screen's answer to ``state`` (in place); return an error to show, or ``None``.

    ``action`` is ``next``, ``unknown`` ("I don't know": the facts stay unknown) or ``back``.
    """
    step = STEPS.get(state.step)
    if action == "back":
        if state.back:
            state.step = state.back.pop()
        return None
    if step is None:  # on the results page only "back" applies
        return None
    values: dict[str, Scalar] = {}
    if action == "unknown":
        values = {} if step.id == "another" else dict.fromkeys(step.fields)
    else:
        choosing = step.id in ("another", "state")
        values, error = _chosen(state, step, form) if choosing else parse_answer(step, state.jurisdiction, form, today)
        if error:
            return error
        if state.step != step.id:
            return None  # another charge: ``_chosen`` moved on
    if step.id in SCHEDULABLE:  # "I don't know" leaves no scheduled mark behind
        values.setdefault(SCHEDULABLE[step.id], None)
    if step.id == "state" and not state.person.cases:
        state.new_charge(True)
    if step.id == "birth":
        state.birth_asked = True
    for name, value in values.items():
        set_fact(state, name, value)
    state.back.append(step.id)
    state.step = next_step(state, step.id)
    return None


def follow_up(state: InterviewState, form: dict[str, str], today: date) -> str | None:
    """Apply the answer to one question asked on the results page (``ask``: the screen, ``target``:
    ``case.charge`` positions); the results are then screened again. An error to show, or ``None``."""
    step = STEPS.get(form.get("ask", ""))
    if step is None or step.id not in FOLLOW_UPS.values():
        return None
    try:
        case_index, charge_index = (int(p) for p in form.get("target", "").split("."))
        case = state.person.cases[case_index]
        charge = case.charges[charge_index]
    except (ValueError, IndexError, TypeError):
        return None
    values, error = parse_answer(step, case.jurisdiction, form, today)
    if error:
        return error
    for name, value in values.items():
        set_fact(state, name, value, case, charge)
    return None

"""What the record check already knows, brought to the services page: needs and facts never asked twice."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from fastapi import Request

from ...records import InvalidRecord, people_from_json
from ...relief import Status, screen
from .i18n import N_
from .interview import InterviewState, to_record
from .pages import browser_of, interview_state, snapshot_of, states

KNOWN_WORDS = {
    "has_record": N_("You have a criminal record."),
    "has_felony": N_("You have a felony conviction."),
    "age": N_("You are %(age)s years old."),
}
FELONY_GRADES = frozenset({"F", "F1", "F2", "F3", "felony"})
MISDEMEANOR_GRADES = frozenset({"S", "M", "M1", "M2", "M3", "infraction", "misdemeanor"})


@dataclass
class FromResults:
    """What the record check already knows, brought to the services page: never asked twice."""

    ref: str
    needs: list[str]
    facts: dict[str, Any]
    near: str = ""


def record_facts(state: InterviewState, today: date) -> tuple[list[str], dict[str, Any]]:
    """The needs the results imply and the facts the interview gave, in the services search's terms.

    Legal help for record clearing when some charge needs a petition (or a lawyer's look: a question
    still open, a state we do not check); whether there is a record and a felony conviction (only when
    every grade is known: an unknown grade leaves it unknown); the age from a full date of birth.
    """
    record = to_record(state)
    charges = [(case, charge) for case in record["cases"] for charge in case["charges"]]
    facts: dict[str, Any] = {}
    needs: list[str] = []
    if charges:
        facts["has_record"] = True
    convicted = [charge for _, charge in charges if charge.get("disposition") == "convicted"]
    grades = [charge.get("grade") for charge in convicted]
    if any(g in FELONY_GRADES for g in grades):
        facts["has_felony"] = True
    elif charges and all(c.get("disposition") not in (None, "convicted", "pending") for _, c in charges):
        facts["has_felony"] = False  # no conviction at all
    elif charges and all(g in MISDEMEANOR_GRADES for g in grades) and all(c.get("disposition") for _, c in charges):
        facts["has_felony"] = False
    birth = record.get("birth_date")
    if isinstance(birth, str) and len(birth) == 10:
        born = date.fromisoformat(birth)
        facts["age"] = today.year - born.year - ((today.month, today.day) < (born.month, born.day))
    if state.other_state or any(case.get("jurisdiction") is None for case, _ in charges):
        needs.append("legal")
    else:
        try:
            person = people_from_json(record, as_of=today)[0]
        except InvalidRecord:
            return ["legal"], facts
        screening = screen(person, today)
        for charge in screening.charges:
            automatic_only = all(
                r.rule.automatic for r in charge.results if r.status in (Status.ELIGIBLE_NOW, Status.ELIGIBLE_ON)
            )
            helpful = any(r.status is not Status.NOT_ELIGIBLE for r in charge.results)
            if helpful and not (charge.cleared and automatic_only):
                needs.append("legal.record_clearance")
                break
    return needs, facts


def from_results(request: Request, ref: str, today: date) -> FromResults | None:
    state = interview_state(request, ref) if ref else None
    if state is None:
        return None
    needs, facts = record_facts(state, today)
    return FromResults(ref, needs, facts, state.zip or "")


def remember_zip(request: Request, ref: str, near: str) -> None:
    """Keep the ZIP with the interview (the same step, changed in place) so "Find help" never asks it again."""
    if not (near.isdigit() and len(near) == 5):
        return
    snapshot = snapshot_of(request, ref)
    if snapshot is None or snapshot.state.zip == near:
        return
    snapshot.state.zip = near
    states(request).replace(browser_of(request), ref, snapshot.to_store())

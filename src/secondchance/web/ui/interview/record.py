"""The interview's answers as a record (docs/record-format.md), and a record as the interview's answers.

``to_record`` gives what ``records.people_from_json`` reads (and the person downloads); ``from_record``
opens a saved or uploaded record at its results. Fields a record gave that the interview does not
ask (``extra`` at each level: ids, county, dates, petition details) go back unchanged, so an upload
screens as on the command line.
"""

from __future__ import annotations

from typing import Any

from ....records.model import SENTENCE_FIELDS
from .state import RECORD_FACTS, ChargeAnswers, InterviewState, load


def _fresh_id(given: Any, index: int, taken: set[str]) -> str:
    """The uploaded id if there was one, else the position; never one already used at this level."""
    candidate = str(given) if given is not None else str(index)
    while candidate in taken:
        candidate += "+"
    taken.add(candidate)
    return candidate


def _charge_record(charge: ChargeAnswers, index: int, taken: set[str]) -> dict[str, Any]:
    extra = dict(charge.extra or {})
    out: dict[str, Any] = {**extra, "id": _fresh_id(extra.get("id"), index, taken)}
    for name in RECORD_FACTS:
        if getattr(charge, name) is not None:
            out[name] = getattr(charge, name)
    sentence = {k: v for k, v in charge.sentence.items() if v is not None}
    if isinstance(charge.jailed, bool):
        sentence["incarcerated"] = charge.jailed
    if charge.jailed is False and charge.extra is None:  # an uploaded charge is kept as given
        sentence.setdefault("state_prison", False)
    if isinstance(charge.on_probation, bool) and "supervision" not in sentence:
        sentence["probation_granted"] = charge.on_probation  # a state saved before the kind was asked
    if sentence:
        out["sentence"] = sentence
    return out


def to_record(state: InterviewState) -> dict[str, Any]:
    """The person in the record format (docs/record-format.md), ids numbered in order."""
    cases = []
    case_ids: set[str] = set()
    for c_index, case in enumerate(state.person.cases, start=1):
        charge_ids: set[str] = set()
        charges = [_charge_record(charge, h_index, charge_ids) for h_index, charge in enumerate(case.charges, start=1)]
        extra = dict(case.extra)
        case_id = _fresh_id(extra.get("id"), c_index, case_ids)
        cases.append({**extra, "id": case_id, "jurisdiction": case.jurisdiction, "charges": charges})
    person: dict[str, Any] = {"id": "me", **state.person.extra, "cases": cases}
    if state.person.birth_date:
        person["birth_date"] = state.person.birth_date
    return person


def _charge_answers(charge: dict[str, Any]) -> dict[str, Any]:
    """One charge of a record in the shape ``state.load`` reads."""
    sentence = dict(charge.get("sentence") or {})
    kept: dict[str, Any] = {k: charge.get(k) for k in RECORD_FACTS}
    kept["extra"] = {k: v for k, v in charge.items() if k not in (*RECORD_FACTS, "sentence")}
    kept["sentence"] = {k: sentence.get(k) for k in SENTENCE_FIELDS if k in sentence}
    if "incarceration_end" in sentence:
        kept["jailed"] = True
    if isinstance(sentence.get("incarcerated"), bool):
        kept["jailed"] = sentence["incarcerated"]
    if isinstance(sentence.get("probation_granted"), bool) and "supervision" not in sentence:
        kept["sentence"]["supervision"] = "probation" if sentence["probation_granted"] else "none"
    return kept


def from_record(person: dict[str, Any]) -> InterviewState | None:
    """An interview state at its results from a saved record (the file ``to_record`` wrote, or any
    record of one person in the record format); "Change my last answer" then offers adding a charge.

    ``None`` when the record is not one the interview can keep: values nested deeper than the
    record format's, or more charges than one person may have screened (``state.load``)."""
    cases = []
    for case in person.get("cases") or []:
        charges = [_charge_answers(charge) for charge in case.get("charges") or []]
        extra = {k: v for k, v in case.items() if k not in ("jurisdiction", "charges")}
        cases.append({"jurisdiction": case.get("jurisdiction"), "charges": charges, "extra": extra})
    extra = {k: v for k, v in person.items() if k not in ("birth_date", "cases")}
    answers = {"birth_date": person.get("birth_date"), "cases": cases, "extra": extra}
    return load({"step": "results", "back": ["another"], "person": answers, "birth_asked": True})

"""The record interview: one question a screen, building a record in the format of docs/record-format.md.

Pure logic (no HTTP): the state is a JSON-able dict that travels signed in the form (never stored on
the server, never in a URL). ``answer`` applies one screen's answer and picks the next question;
only questions that can matter are asked (the sentence for a charge that ended without a conviction
is never asked). "I don't know" leaves the fact unknown, which the rules report as "needs review".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ...records.model import GRADES_BY_JURISDICTION
from ...records.model import SENTENCE_FIELDS as RECORD_SENTENCE_FIELDS
from ...records.safe import MAX_CHARGES_PER_PERSON
from ...relief.jurisdictions import STATES, State, states


def N_(text: str) -> str:
    """Marks text for the translation catalogue; translated when the page is rendered."""
    return text


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    hint: str = ""


@dataclass(frozen=True)
class Step:
    """One screen: a question, how to answer it (``kind``), help with examples, and the options."""

    id: str
    kind: str  # intro | choice | date | text | money
    question: str
    help: str = ""
    examples: tuple[str, ...] = ()
    options: tuple[Option, ...] = ()
    fields: tuple[str, ...] = field(default_factory=tuple)


YES_NO = (Option("yes", N_("Yes")), Option("no", N_("No")))
CONVICTION_ENDINGS = ("convicted",)
#: Beside the registered states (``relief.jurisdictions``: code and name, with their grades in the state's words).
OTHER_STATE = Option(
    "other", N_("Another state or federal court"), N_("We can't check these yet; we will show where to get help.")
)
DISPOSITIONS = (
    Option("convicted", N_("Found guilty, or pleaded guilty or no contest"), N_("This is a conviction.")),
    Option("not_guilty", N_("Found not guilty at trial"), N_("Also called an acquittal.")),
    Option("dismissed", N_("The judge dismissed the charge")),
    Option("withdrawn", N_("The prosecutor withdrew the charge")),
    Option(
        "nolle_prossed",
        N_("The prosecutor dropped the charge (nolle prossed)"),
        N_("Court papers may say “nol pros” or “nolle prosequi”."),
    ),
    Option(
        "diversion_completed",
        N_("I finished a diversion program"),
        N_("For example: ARD in Pennsylvania, or pretrial diversion in California."),
    ),
    Option("pending", N_("The case is still open")),
)
#: The kinds of supervision (record field ``supervision``); "no" is stored as ``none``.
SUPERVISION = (
    Option(
        "probation", N_("Probation"), N_("Ordered by the judge instead of prison, sometimes after a short jail term.")
    ),
    Option("parole", N_("Parole"), N_("Supervision after release from prison.")),
    Option(
        "prcs",
        N_("Post-release community supervision (PRCS)"),
        N_("After state prison, supervised by the county probation department instead of parole."),
    ),
    Option(
        "mandatory_supervision",
        N_("Mandatory supervision"),
        N_("The last part of a county jail sentence under Penal Code 1170(h), served in the community."),
    ),
    Option("no", N_("No supervision")),
)
#: Dates that may be in the future: they are then recorded as scheduled (docs/record-format.md).
SCHEDULABLE = {"release": "incarceration_end_scheduled", "probation_end": "probation_end_scheduled"}
OWED = (
    Option("no", N_("No, it is all paid (or there was none)")),
    Option("yes", N_("Yes, I still owe some")),
)
ANOTHER = (
    Option("same_case", N_("Yes, another charge in the same case")),
    Option("new_case", N_("Yes, a charge in a different case")),
    Option("done", N_("No, show my results")),
)

PAPERS = N_("Your court papers (the docket sheet or the sentencing order) list this next to each charge.")

STEPS: dict[str, Step] = {
    s.id: s
    for s in (
        Step("intro", "intro", N_("Can my record be cleared?")),
        Step(
            "state",
            "choice",
            N_("Which state was the case in?"),
            N_("The state where the court was, not where you live now."),
            fields=("jurisdiction",),
        ),
        Step("birth", "date", N_("When were you born?"), N_("Some laws depend on your age."), fields=("birth_date",)),
        Step(
            "charge",
            "text",
            N_("What was the charge?"),
            N_("Write it the way your court papers do, if you can. Both parts are optional."),
            fields=("description", "statute"),
        ),
        Step("grade", "choice", N_("What was the grade of the charge?"), PAPERS, fields=("grade",)),
        Step(
            "disposition",
            "choice",
            N_("How did the charge end?"),
            N_("This is called the disposition. Pick the one closest to what happened."),
            options=DISPOSITIONS,
            fields=("disposition",),
        ),
        Step(
            "disposition_date",
            "date",
            N_("When did the charge end?"),
            N_("The date of the verdict, the plea, the dismissal or the withdrawal."),
            fields=("disposition_date",),
        ),
        Step(
            "jail",
            "choice",
            N_("Were you sentenced to jail or prison for this charge?"),
            options=YES_NO,
            fields=("jailed",),
        ),
        Step(
            "release",
            "date",
            N_("When were you released?"),
            N_(
                "The day you left jail or prison for this charge. If you are still there, enter the day you are "
                "scheduled to be released."
            ),
            fields=("incarceration_end",),
        ),
        Step(
            "prison_kind",
            "choice",
            N_("Was it state prison?"),
            N_("Answer no if it was county jail (including a Penal Code 1170(h) sentence)."),
            options=YES_NO,
            fields=("state_prison",),
        ),
        Step(
            "probation",
            "choice",
            N_("Were you on probation, parole or other supervision for this charge?"),
            N_("Pick the supervision that came with the sentence, or after release."),
            options=SUPERVISION,
            fields=("supervision",),
        ),
        Step(
            "probation_end",
            "date",
            N_("When did your supervision end?"),
            N_("If it has not ended yet, enter the day it is scheduled to end, or choose “I don't know”."),
            fields=("probation_end",),
        ),
        Step(
            "probation_completed",
            "choice",
            N_("Did you complete your supervision?"),
            N_("Answer no if it was revoked or you were found in violation."),
            options=YES_NO,
            fields=("probation_completed",),
        ),
        Step(
            "fines",
            "money",
            N_("Do you still owe fines or court costs for this charge?"),
            options=OWED,
            fields=("fines_costs_owed",),
        ),
        Step(
            "restitution",
            "money",
            N_("Do you still owe restitution for this charge?"),
            N_("Restitution is money the court ordered you to pay to a victim."),
            options=OWED,
            fields=("restitution_owed",),
        ),
        Step(
            "pardon",
            "choice",
            N_("Was this conviction pardoned?"),
            N_("A pardon is forgiveness from the Governor. Most people have not had one."),
            options=YES_NO,
            fields=("pardoned",),
        ),
        Step(
            "another",
            "choice",
            N_("Do you have another charge to add?"),
            N_("Adding all of your charges gives better answers: some laws look at your whole record."),
            options=ANOTHER,
        ),
    )
}


def _state(jurisdiction: Any) -> State | None:
    return STATES.get(jurisdiction) if isinstance(jurisdiction, str) else None


def grade_options(jurisdiction: Any) -> tuple[Option, ...]:
    """The state's grades as it names them (``State.grade_options``); none for an unknown state."""
    found = _state(jurisdiction)
    return tuple(Option(o.value, o.label, o.hint) for o in found.grade_options) if found is not None else ()


def grade_label(jurisdiction: Any, grade: Any) -> str | None:
    """How the interview names ``grade`` in ``jurisdiction`` (the results page shows it), if it does."""
    return next((o.label for o in grade_options(jurisdiction) if o.value == grade), None)


def step_options(step: Step, state: dict[str, Any]) -> tuple[Option, ...]:
    if step.id == "state":
        return (*sorted((Option(s.code, s.name) for s in states()), key=lambda o: o.label), OTHER_STATE)
    jurisdiction = current_case(state).get("jurisdiction")
    if step.id == "grade":
        return grade_options(jurisdiction)
    if step.id == "probation":
        found = _state(jurisdiction)
        kinds = {*(found.supervision if found is not None else ("probation", "parole")), "no"}
        return tuple(o for o in SUPERVISION if o.value in kinds)
    return step.options


def new_state() -> dict[str, Any]:
    return {"step": "intro", "back": [], "person": {"birth_date": None, "cases": []}}


def current_case(state: dict[str, Any]) -> dict[str, Any]:
    cases: list[dict[str, Any]] = state["person"]["cases"]
    return cases[-1] if cases else {}


def current_charge(state: dict[str, Any]) -> dict[str, Any]:
    charges: list[dict[str, Any]] = current_case(state).get("charges", [])
    return charges[-1] if charges else {}


def charge_count(state: dict[str, Any]) -> int:
    return sum(len(c.get("charges", [])) for c in state["person"]["cases"])


def _new_charge(state: dict[str, Any], new_case: bool) -> None:
    cases = state["person"]["cases"]
    if new_case or not cases:
        cases.append({"jurisdiction": None, "charges": []})
    cases[-1]["charges"].append({"sentence": {}})


def _scalar(value: Any) -> bool:
    return value is None or isinstance(value, str | bool | int | float)


def _scalars(item: Any, *nested: str) -> bool:
    """A dict whose values are scalars, except the keys in ``nested`` (checked by the caller)."""
    return isinstance(item, dict) and all(_scalar(v) for k, v in item.items() if k not in nested)


def _kept_fields(item: Any) -> bool:
    """The record fields the interview does not ask but keeps (``from_record``): scalars or lists of them."""
    return item is None or (
        isinstance(item, dict)
        and all(_scalar(v) or (isinstance(v, list) and all(_scalar(x) for x in v)) for v in item.values())
    )


def valid_state(state: Any) -> bool:
    """Whether a (signed) state has the shape this module writes, all the way down; anything else starts over.

    Only this app signs states, but a forged one (a leaked key, an older release) must start the
    interview over, never end in a 500 (fuzzed with signed garbage, scripts/fuzz/web_state.py).
    """
    steps = (*STEPS, "results")
    if not _scalars(state, "back", "person") or not isinstance(state.get("step"), str) or state["step"] not in steps:
        return False
    back = state.get("back")
    if not isinstance(back, list) or not all(isinstance(b, str) and b in steps for b in back):
        return False
    person = state.get("person")
    if not _scalars(person, "cases", "extra") or not isinstance(person.get("cases"), list):
        return False
    if not _kept_fields(person.get("extra")):
        return False
    for case in person["cases"]:
        if not _scalars(case, "charges", "extra") or not isinstance(case.get("charges"), list):
            return False
        if not _kept_fields(case.get("extra")):
            return False
        for charge in case["charges"]:
            if not _scalars(charge, "sentence", "extra") or not _scalars(charge.get("sentence")):
                return False
            if not _kept_fields(charge.get("extra")):
                return False
    return charge_count(state) <= MAX_CHARGES_PER_PERSON  # the one limit on work per person (issue 16)


def next_step(state: dict[str, Any], step: str) -> str:
    """The question after ``step``, skipping those that cannot matter for this charge."""
    charge = current_charge(state)
    jurisdiction = current_case(state).get("jurisdiction")
    if step == "intro":
        return "state"
    if step == "state":
        if jurisdiction not in GRADES_BY_JURISDICTION:
            return "results"
        return "birth" if "birth_asked" not in state else "charge"
    if step == "birth":
        return "charge"
    if step == "charge":
        return "grade"
    if step == "grade":
        return "disposition"
    if step == "disposition":
        return "disposition_date" if charge.get("disposition") != "pending" else "another"
    if step == "disposition_date":
        return "jail" if charge.get("disposition") in (*CONVICTION_ENDINGS, None) else "another"
    if step == "jail":
        return "release" if charge.get("jailed") is True else "probation"
    if step == "release":
        found = _state(jurisdiction)  # a state whose sentences tell state prison from county jail asks which
        return "prison_kind" if found is not None and found.prison_or_jail else "probation"
    if step == "prison_kind":
        return "probation"
    if step == "probation":
        return "probation_end" if charge.get("sentence", {}).get("supervision") not in (None, "none") else "fines"
    if step == "probation_end":
        scheduled = charge.get("sentence", {}).get("probation_end_scheduled") is True
        return "fines" if scheduled else "probation_completed"
    if step == "probation_completed":
        return "fines"
    if step == "fines":
        return "restitution"
    if step == "restitution":
        return "pardon"
    if step == "pardon":
        return "another"
    return "results"


SENTENCE_FIELDS = (
    "incarceration_end",
    "incarceration_end_scheduled",
    "supervision",
    "probation_end_scheduled",
    "state_prison",
    "probation_end",
    "probation_completed",
    "fines_costs_owed",
    "restitution_owed",
)


def _store(state: dict[str, Any], name: str, value: Any) -> None:
    if name == "birth_date":
        state["person"]["birth_date"] = value
    elif name == "jurisdiction":
        current_case(state)["jurisdiction"] = value
    elif name in SENTENCE_FIELDS:
        current_charge(state).setdefault("sentence", {})[name] = value  # no charge yet (a forged step): dropped
    else:
        current_charge(state)[name] = value


def _parse_date(raw: str, today: date, scheduled: bool = False) -> tuple[str | None, str | None]:
    try:
        day = date.fromisoformat(raw.strip())
    except ValueError:
        return None, N_("Enter the date as year, month and day, or choose “I don't know”.")
    if scheduled and day.year <= today.year + 60:
        return day.isoformat(), None  # a release or an end of supervision still to come
    if day > today:
        return None, N_("That date is in the future. Check it, or choose “I don't know”.")
    if day.year < 1900:
        return None, N_("That date is too long ago. Check the year, or choose “I don't know”.")
    return day.isoformat(), None


def _parse_money(choice: str, amount: str) -> tuple[float | None, str | None]:
    if choice == "no":
        return 0.0, None
    if choice != "yes":
        return None, N_("Choose one answer, or “I don't know”.")
    text = amount.strip().lstrip("$").replace(",", "")
    if not text:
        return None, None  # owes something, amount unknown: leave it unknown
    try:
        value = float(text)
    except ValueError:
        return None, N_("Enter the amount in dollars, like 250, or leave it empty.")
    if value < 0 or value != value or value > 10_000_000:
        return None, N_("Enter the amount in dollars, like 250, or leave it empty.")
    return value, None


def answer(state: dict[str, Any], action: str, form: dict[str, str], today: date) -> str | None:
    """Apply one screen's answer to ``state`` (in place); return an error to show, or ``None``.

    ``action`` is ``next``, ``unknown`` ("I don't know": the facts stay unknown) or ``back``.
    """
    step = STEPS.get(state["step"])
    if action == "back":
        if state["back"]:
            state["step"] = state["back"].pop()
        return None
    if step is None:  # on the results page only "back" applies
        return None
    values: dict[str, Any] = {}
    if action == "unknown":
        values = dict.fromkeys(step.fields)
        if step.id == "another":
            values = {}
    elif step.kind == "choice":
        chosen = form.get(step.id, "")
        allowed = {o.value for o in step_options(step, state)}
        if chosen not in allowed:
            return N_("Choose one answer, or “I don't know”.")
        if step.id == "another":
            if chosen != "done":
                _new_charge(state, chosen == "new_case")
                state["back"].append(step.id)
                state["step"] = "state" if chosen == "new_case" else "charge"
                return None
        elif step.id == "state":
            values = {"jurisdiction": None if chosen == "other" else chosen}
            state["other_state"] = chosen == "other"
        elif step.options is YES_NO:
            values = {step.fields[0]: chosen == "yes"}
        elif step.id == "probation":
            values = {"supervision": "none" if chosen == "no" else chosen}
        else:
            values = {step.fields[0]: chosen}
    elif step.kind == "date":
        raw = form.get(step.id, "").strip()
        if not raw:
            return N_("Enter the date, or choose “I don't know”.")
        parsed, error = _parse_date(raw, today, scheduled=step.id in SCHEDULABLE)
        if error:
            return error
        values = {step.fields[0]: parsed}
        if step.id in SCHEDULABLE:
            values[SCHEDULABLE[step.id]] = True if parsed and date.fromisoformat(parsed) > today else None
    elif step.kind == "text":
        values = {name: (form.get(name, "").strip()[:200] or None) for name in step.fields}
    elif step.kind == "money":
        amount, error = _parse_money(form.get(step.id, ""), form.get(step.id + "_amount", ""))
        if error:
            return error
        values = {step.fields[0]: amount}
    if step.id in SCHEDULABLE:  # "I don't know" leaves no scheduled mark behind
        values.setdefault(SCHEDULABLE[step.id], None)
    if step.id == "state" and not state["person"]["cases"]:
        _new_charge(state, True)
    if step.id == "birth":
        state["birth_asked"] = True
    for name, value in values.items():
        _store(state, name, value)
    state["back"].append(step.id)
    state["step"] = next_step(state, step.id)
    return None


def to_record(state: dict[str, Any]) -> dict[str, Any]:
    """The person in the record format (docs/record-format.md), ids numbered in order.

    Fields an uploaded record gave that the interview does not ask (``extra`` at each level: ids,
    county, dates, petition details) go back unchanged, so an upload screens as on the command line.
    """
    cases = []
    case_ids: set[str] = set()
    for c_index, case in enumerate(state["person"]["cases"], start=1):
        charges = []
        charge_ids: set[str] = set()
        for h_index, charge in enumerate(case["charges"], start=1):
            out: dict[str, Any] = {**_extra(charge), "id": _fresh_id(_extra(charge).get("id"), h_index, charge_ids)}
            for name in ("statute", "description", "grade", "disposition", "disposition_date", "pardoned"):
                if charge.get(name) is not None:
                    out[name] = charge[name]
            sentence = {k: v for k, v in charge.get("sentence", {}).items() if v is not None}
            if isinstance(charge.get("jailed"), bool):
                sentence["incarcerated"] = charge["jailed"]
            if charge.get("jailed") is False and "extra" not in charge:  # an uploaded charge is kept as given
                sentence.setdefault("state_prison", False)
            if isinstance(charge.get("on_probation"), bool) and "supervision" not in sentence:
                sentence["probation_granted"] = charge["on_probation"]  # a state saved before the kind was asked
            if sentence:
                out["sentence"] = sentence
            charges.append(out)
        extra = _extra(case)
        case_id = _fresh_id(extra.get("id"), c_index, case_ids)
        cases.append({**extra, "id": case_id, "jurisdiction": case.get("jurisdiction"), "charges": charges})
    person: dict[str, Any] = {"id": "me", **_extra(state["person"]), "cases": cases}
    if state["person"].get("birth_date"):
        person["birth_date"] = state["person"]["birth_date"]
    return person


def _extra(level: dict[str, Any]) -> dict[str, Any]:
    extra = level.get("extra")
    return dict(extra) if isinstance(extra, dict) else {}


def _fresh_id(given: Any, index: int, taken: set[str]) -> str:
    """The uploaded id if there was one, else the position; never one already used at this level."""
    candidate = str(given) if given is not None else str(index)
    while candidate in taken:
        candidate += "+"
    taken.add(candidate)
    return candidate


CHARGE_KEYS = ("statute", "description", "grade", "disposition", "disposition_date", "pardoned")


def from_record(person: dict[str, Any]) -> dict[str, Any]:
    """An interview state at its results from a saved record (the file ``to_record`` wrote, or any
    record of one person in the record format); "Change my last answer" then offers adding a charge."""
    state = new_state()
    state["person"]["birth_date"] = person.get("birth_date")
    state["person"]["extra"] = {k: v for k, v in person.items() if k not in ("birth_date", "cases")}
    for case in person.get("cases") or []:
        charges = []
        for charge in case.get("charges") or []:
            sentence = dict(charge.get("sentence") or {})
            kept: dict[str, Any] = {k: charge.get(k) for k in CHARGE_KEYS}
            kept["extra"] = {k: v for k, v in charge.items() if k not in (*CHARGE_KEYS, "sentence")}
            kept["sentence"] = {k: sentence.get(k) for k in RECORD_SENTENCE_FIELDS if k in sentence}
            if "incarceration_end" in sentence:
                kept["jailed"] = True
            if isinstance(sentence.get("incarcerated"), bool):
                kept["jailed"] = sentence["incarcerated"]
            if isinstance(sentence.get("probation_granted"), bool) and "supervision" not in sentence:
                kept["sentence"]["supervision"] = "probation" if sentence["probation_granted"] else "none"
            charges.append(kept)
        extra = {k: v for k, v in case.items() if k not in ("jurisdiction", "charges")}
        state["person"]["cases"].append({"jurisdiction": case.get("jurisdiction"), "charges": charges, "extra": extra})
    state["birth_asked"] = True
    state["back"] = ["another"]
    state["step"] = "results"
    return state

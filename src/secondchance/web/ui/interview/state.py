"""The interview's state, typed: the answers so far (a person, their cases, each case's charges) and
the screen the person is on, with the screens answered before it (what "Change my last answer" pops).

It is kept as JSON, encrypted for one browser (web/state.py). ``dump`` writes the shape every release
so far has written (no version field: the shape did not change), and ``load`` reads it, checking it
all the way down: anything else — garbage, a forged state, a shape this module never wrote — gives
``None``, and the interview starts over, never a 500 (fuzzed: scripts/fuzz/web_state.py).

Facts hold the record format's JSON scalars as given: an uploaded record's values are kept as the
file had them (``"pardoned": "yes"`` is a valid record), so a fact is a ``Scalar``, ``None`` unknown.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, TypeAlias, TypeGuard

from ....records.safe import MAX_CHARGES_PER_PERSON
from .questions import STEPS

Scalar: TypeAlias = str | bool | int | float | None
#: The fields of an uploaded record the interview does not ask (ids, county, dates...), kept as given.
Kept: TypeAlias = dict[str, Scalar | list[Scalar]]

#: The sentence facts the interview asks (in the charge's ``sentence``, as the record format has them).
SENTENCE_FACTS = (
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
#: The charge's own facts that go to the record unchanged.
RECORD_FACTS = ("statute", "description", "grade", "disposition", "disposition_date", "pardoned")
#: ``jailed``: the answer to "sentenced to jail or prison?" (the record's ``incarcerated``);
#: ``on_probation``: the yes/no a state saved before the kind of supervision was asked still holds.
CHARGE_FACTS = (*RECORD_FACTS, "jailed", "on_probation")


@dataclass
class ChargeAnswers:
    statute: Scalar = None
    description: Scalar = None
    grade: Scalar = None
    disposition: Scalar = None
    disposition_date: Scalar = None
    pardoned: Scalar = None
    jailed: Scalar = None
    on_probation: Scalar = None
    sentence: dict[str, Scalar] = field(default_factory=dict)
    #: ``None``: a charge asked here; else one from an uploaded record, with the fields it kept.
    extra: Kept | None = None

    def set(self, name: str, value: Scalar) -> None:
        if name not in CHARGE_FACTS:
            raise KeyError(name)  # the catalogue names only these (tests/web/test_web_interview_state.py)
        setattr(self, name, value)

    def dump(self) -> dict[str, Any]:
        out: dict[str, Any] = {name: getattr(self, name) for name in CHARGE_FACTS if getattr(self, name) is not None}
        out["sentence"] = dict(self.sentence)
        if self.extra is not None:
            out["extra"] = dict(self.extra)
        return out


@dataclass
class CaseAnswers:
    jurisdiction: Scalar = None
    charges: list[ChargeAnswers] = field(default_factory=list)
    extra: Kept = field(default_factory=dict)

    def dump(self) -> dict[str, Any]:
        out: dict[str, Any] = {"jurisdiction": self.jurisdiction, "charges": [c.dump() for c in self.charges]}
        return {**out, "extra": dict(self.extra)} if self.extra else out


@dataclass
class PersonAnswers:
    birth_date: Scalar = None
    cases: list[CaseAnswers] = field(default_factory=list)
    extra: Kept = field(default_factory=dict)

    def dump(self) -> dict[str, Any]:
        out: dict[str, Any] = {"birth_date": self.birth_date, "cases": [c.dump() for c in self.cases]}
        return {**out, "extra": dict(self.extra)} if self.extra else out


@dataclass
class InterviewState:
    step: str = "intro"  # a screen of ``questions.STEPS``, or "results"
    back: list[str] = field(default_factory=list)  # the screens answered, last last
    person: PersonAnswers = field(default_factory=PersonAnswers)
    birth_asked: bool = False  # asked once, not again for a second case
    other_state: bool = False  # a case in a state we do not check
    zip: str | None = None  # given on the services page, so "Find help" never asks it again

    @property
    def current_case(self) -> CaseAnswers | None:
        """The case being asked about: the last one."""
        return self.person.cases[-1] if self.person.cases else None

    @property
    def current_charge(self) -> ChargeAnswers | None:
        case = self.current_case
        return case.charges[-1] if case is not None and case.charges else None

    @property
    def jurisdiction(self) -> Scalar:
        case = self.current_case
        return case.jurisdiction if case is not None else None

    def charge_count(self) -> int:
        return sum(len(c.charges) for c in self.person.cases)

    def new_charge(self, new_case: bool) -> None:
        if new_case or not self.person.cases:
            self.person.cases.append(CaseAnswers())
        self.person.cases[-1].charges.append(ChargeAnswers())

    def dump(self) -> dict[str, Any]:
        """The JSON kept for the browser (``load`` reads it back)."""
        out: dict[str, Any] = {"step": self.step, "back": list(self.back), "person": self.person.dump()}
        if self.birth_asked:
            out["birth_asked"] = True
        if self.other_state:
            out["other_state"] = True
        if self.zip is not None:
            out["zip"] = self.zip
        return out


def set_fact(
    state: InterviewState,
    name: str,
    value: Scalar,
    case: CaseAnswers | None = None,
    charge: ChargeAnswers | None = None,
) -> None:
    """Record one fact on ``charge`` of ``case`` (by default the charge being asked about)."""
    case = state.current_case if case is None else case
    charge = state.current_charge if charge is None else charge
    if name == "birth_date":
        state.person.birth_date = value
    elif name == "jurisdiction":
        if case is not None:
            case.jurisdiction = value
    elif charge is None:
        return  # no charge yet (a forged step): dropped
    elif name in SENTENCE_FACTS:
        charge.sentence[name] = value
    else:
        charge.set(name, value)


# ------------------------------------------------------------------------------------------ reading it back


def _scalar(value: object) -> TypeGuard[Scalar]:
    return value is None or isinstance(value, str | bool | int | float)


def _scalars(item: object, *nested: str) -> TypeGuard[dict[str, Any]]:
    """A dict whose values are scalars, except the keys in ``nested`` (checked by the caller)."""
    return isinstance(item, dict) and all(_scalar(v) for k, v in item.items() if k not in nested)


def _kept(item: object) -> Kept | None:
    """The fields kept from an upload (scalars or lists of them; none: ``{}``), or ``None`` if not that."""
    if item is None:
        return {}
    if not isinstance(item, dict):
        return None
    if not all(_scalar(v) or (isinstance(v, list) and all(_scalar(x) for x in v)) for v in item.values()):
        return None
    return {str(k): list(v) if isinstance(v, list) else v for k, v in item.items()}


def _load_charge(raw: object) -> ChargeAnswers | None:
    if not _scalars(raw, "sentence", "extra") or not _scalars(raw.get("sentence")):
        return None
    extra = _kept(raw.get("extra"))
    if extra is None:
        return None
    charge = ChargeAnswers(sentence=dict(raw["sentence"]), extra=extra if "extra" in raw else None)
    for name in CHARGE_FACTS:
        charge.set(name, raw.get(name))
    return charge


def _load_case(raw: object) -> CaseAnswers | None:
    if not _scalars(raw, "charges", "extra") or not isinstance(raw.get("charges"), list):
        return None
    extra = _kept(raw.get("extra"))
    charges = [_load_charge(c) for c in raw["charges"]]
    if extra is None or any(c is None for c in charges):
        return None
    return CaseAnswers(raw.get("jurisdiction"), [c for c in charges if c is not None], extra)


def _load_person(raw: object) -> PersonAnswers | None:
    if not _scalars(raw, "cases", "extra") or not isinstance(raw.get("cases"), list):
        return None
    extra = _kept(raw.get("extra"))
    cases = [_load_case(c) for c in raw["cases"]]
    if extra is None or any(c is None for c in cases):
        return None
    return PersonAnswers(raw.get("birth_date"), [c for c in cases if c is not None], extra)


def load(raw: object) -> InterviewState | None:
    """The state ``dump`` wrote, or ``None`` when ``raw`` is not that shape all the way down (or holds
    more charges than one person may have screened: the one limit on work per person, issue 16)."""
    steps = (*STEPS, "results")
    if not _scalars(raw, "back", "person") or not isinstance(raw.get("step"), str) or raw["step"] not in steps:
        return None
    back = raw.get("back")
    if not isinstance(back, list) or not all(isinstance(b, str) and b in steps for b in back):
        return None
    person = _load_person(raw.get("person"))
    if person is None:
        return None
    zip_code = raw.get("zip")
    state = InterviewState(
        step=raw["step"],
        back=list(back),
        person=person,
        birth_asked="birth_asked" in raw,
        other_state=bool(raw.get("other_state")),
        zip=zip_code if isinstance(zip_code, str) else None,
    )
    return state if state.charge_count() <= MAX_CHARGES_PER_PERSON else None

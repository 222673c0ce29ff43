"""The interview's questions as data: each screen's id, text (English msgids; Spanish in web/locale),
kind of answer, help and options, and which record fact each one settles.

A table, not code: the flow (``flow.py``) picks the next screen, ``answers.py`` reads a screen's form.
The options that depend on the state of the case (its grades, its kinds of supervision) come from the
states' registry (``relief.jurisdictions``), so a new state needs no change here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ....relief.jurisdictions import STATES, State, states
from ..i18n import N_


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    hint: str = ""


#: How a screen is answered: ``intro`` (no answer), one of its options, a date, text, or owed money.
Kind = Literal["intro", "choice", "date", "text", "money"]


@dataclass(frozen=True)
class Step:
    """One screen: a question, how to answer it (``kind``), help with examples, and the options."""

    id: str
    kind: Kind
    question: str
    help: str = ""
    examples: tuple[str, ...] = ()
    options: tuple[Option, ...] = ()
    fields: tuple[str, ...] = field(default_factory=tuple)  # the facts it settles (``state.set_fact``)


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
        N_("For example: ARD in Pennsylvania, or a court program in California."),
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
        N_("After state prison, the county probation office checks on you instead of a parole agent."),
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


def _state(jurisdiction: object) -> State | None:
    return STATES.get(jurisdiction) if isinstance(jurisdiction, str) else None


def grade_options(jurisdiction: object) -> tuple[Option, ...]:
    """The state's grades as it names them (``State.grade_options``); none for an unknown state."""
    found = _state(jurisdiction)
    return tuple(Option(o.value, o.label, o.hint) for o in found.grade_options) if found is not None else ()


def grade_label(jurisdiction: object, grade: object) -> str | None:
    """How the interview names ``grade`` in ``jurisdiction`` (the results page shows it), if it does."""
    return next((o.label for o in grade_options(jurisdiction) if o.value == grade), None)


def prison_or_jail(jurisdiction: object) -> bool:
    """Whether the state's sentences tell state prison from county jail (then the interview asks which)."""
    found = _state(jurisdiction)
    return found is not None and found.prison_or_jail


def step_options(step: Step, jurisdiction: object) -> tuple[Option, ...]:
    """The options ``step`` offers for a case in ``jurisdiction`` (the case being asked about)."""
    if step.id == "state":
        return (*sorted((Option(s.code, s.name) for s in states()), key=lambda o: o.label), OTHER_STATE)
    if step.id == "grade":
        return grade_options(jurisdiction)
    if step.id == "probation":
        found = _state(jurisdiction)
        kinds = {*(found.supervision if found is not None else ("probation", "parole")), "no"}
        return tuple(o for o in SUPERVISION if o.value in kinds)
    return step.options


#: The record facts a follow-up question on the results can settle, and the screen that asks each.
FOLLOW_UPS = {
    "birth_date": "birth",
    "grade": "grade",
    "disposition": "disposition",
    "disposition_date": "disposition_date",
    "incarcerated": "jail",
    "incarceration_end": "release",
    "state_prison": "prison_kind",
    "supervision": "probation",
    "probation_granted": "probation",
    "probation_end": "probation_end",
    "probation_completed": "probation_completed",
    "fines_costs_owed": "fines",
    "restitution_owed": "restitution",
    "pardoned": "pardon",
}

"""Cal. Penal Code § 1203.4 — dismissal after probation.

(a)(1) When a defendant has fulfilled the conditions of probation for the entire period of
probation, or has been discharged before the termination of the period of probation, or in any
other case in which a court, in its discretion and the interest of justice, determines that a
defendant should be granted the relief available under this section, the defendant shall, at
any time after the termination of the period of probation, if they are not then serving a
sentence for an offense, on probation for an offense, or charged with the commission of an
offense, be permitted by the court to withdraw their plea of guilty or plea of nolo contendere
and enter a plea of not guilty; or, if they have been convicted after a plea of not guilty, the
court shall set aside the verdict of guilty; and, in either case, the court shall thereupon
dismiss the accusations or information against the defendant and except as noted below, they
shall thereafter be released from all penalties and disabilities resulting from the offense of
which they have been convicted, except as provided in Section 13555 of the Vehicle Code. ...

(b) Subdivision (a) of this section does not apply to a misdemeanor that is within the
provisions of Section 42002.1 of the Vehicle Code, to a violation of subdivision (c) of Section
286, Section 288, subdivision (c) of Section 287 or of former Section 288a, Section 288.5,
subdivision (j) of Section 289, Section 311.1, 311.2, 311.3, or 311.11, or a felony conviction
pursuant to subdivision (d) of Section 261.5, or to an infraction.

Two rules: the mandatory path (probation fulfilled or discharged early: the court "shall"
dismiss) and the discretionary path for everyone else whose probation has ended (the court
decides in the interest of justice). Unpaid restitution is not a condition: since SB 1106
(2022) an unfulfilled restitution order is not grounds to deny relief.
"""

from __future__ import annotations

from ...lang import Condition, Fact, Not, OneOf, Param, Relief, Rule, StatuteIn, Wait
from ._common import (
    CONVICTED,
    DISMISSAL_GRANTS,
    LONG_STANDING,
    PROBATION_GRANTED,
    all_of,
    fact_is,
    no_other_sentence,
    not_already_granted,
)

SECTION = "Cal. Penal Code § 1203.4"

STATUTE_TEXT = (
    "(a)(1) When a defendant has fulfilled the conditions of probation for the entire period of probation, "
    "or has been discharged before the termination of the period of probation, or in any other case in which "
    "a court, in its discretion and the interest of justice, determines that a defendant should be granted "
    "the relief available under this section, the defendant shall, at any time after the termination of the "
    "period of probation, if they are not then serving a sentence for an offense, on probation for an offense, "
    "or charged with the commission of an offense, be permitted by the court to withdraw their plea of guilty "
    "or plea of nolo contendere and enter a plea of not guilty; ... and, in either case, the court shall "
    "thereupon dismiss the accusations or information against the defendant ... "
    "(b) Subdivision (a) of this section does not apply to a misdemeanor that is within the provisions of "
    "Section 42002.1 of the Vehicle Code, to a violation of subdivision (c) of Section 286, Section 288, "
    "subdivision (c) of Section 287 or of former Section 288a, Section 288.5, subdivision (j) of Section 289, "
    "Section 311.1, 311.2, 311.3, or 311.11, or a felony conviction pursuant to subdivision (d) of Section "
    "261.5, or to an infraction."
)


def _exclusions() -> tuple[Condition, ...]:
    cite = f"{SECTION}(b)"
    return (
        Condition(
            id="not_an_excluded_offense",
            text=(
                "The offense is not one § 1203.4(b) excludes (Vehicle Code § 42002.1 misdemeanors: §§ 2800, 2801, "
                "2803; Penal Code §§ 286(c), 287(c), 288, 288.5, 289(j), 311.1, 311.2, 311.3, 311.11)."
            ),
            cite=cite,
            test=Not(StatuteIn(Fact("statute"), Param("ca.pc_1203_4.excluded_sections"))),
        ),
        Condition(
            id="not_a_felony_261_5_d",
            text="The conviction is not a felony under Penal Code § 261.5(d).",
            cite=cite,
            test=Not(
                all_of(
                    StatuteIn(Fact("statute"), Param("ca.pc_1203_4.excluded_felony_sections")),
                    OneOf(Fact("grade"), ("felony",), unknown=("wobbler",)),
                )
            ),
        ),
        Condition(
            id="not_an_infraction",
            text="The conviction is not an infraction (infractions are dismissed under § 1203.4a).",
            cite=cite,
            test=Not(OneOf(Fact("grade"), ("infraction",))),
        ),
    )


def _probation_over() -> Wait:
    return Wait(
        id="probation_ended",
        text="The period of probation has ended (relief is available from the day it ends).",
        cite=f"{SECTION}(a)(1)",
        start=Fact("probation_end"),
    )


CONVICTION = Condition(
    id="convicted",
    text="The charge ended in a conviction.",
    cite=f"{SECTION}(a)(1)",
    test=CONVICTED,
)

GRANTED_PROBATION = Condition(
    id="granted_probation",
    text=(
        "The court granted probation (not parole, PRCS or mandatory supervision; without probation, § 1203.4a "
        "or § 1203.41 is the path)."
    ),
    cite=f"{SECTION}(a)(1)",
    test=PROBATION_GRANTED,
)

PROBATION_COMPLETED = Rule(
    id="CA-1203.4-a1-probation-completed",
    jurisdiction="CA",
    relief=Relief.DISMISSAL,
    section=f"{SECTION}(a)(1)",
    title="Dismissal after probation was fulfilled or discharged early",
    statute_text=STATUTE_TEXT,
    conditions=(
        not_already_granted("A dismissal of this conviction", DISMISSAL_GRANTS, SECTION),
        CONVICTION,
        GRANTED_PROBATION,
        Condition(
            id="probation_fulfilled",
            text=(
                "The person fulfilled the conditions of probation for the entire period, or was discharged "
                "from probation before it ended."
            ),
            cite=f"{SECTION}(a)(1)",
            test=fact_is("probation_completed", True),
        ),
        *_exclusions(),
        *no_other_sentence(f"{SECTION}(a)(1)"),
    ),
    waits=(_probation_over(),),
    effective=LONG_STANDING,
    note="Mandatory: the court shall grant the petition (form CR-180) when these conditions hold.",
)

INTEREST_OF_JUSTICE = Rule(
    id="CA-1203.4-a1-interest-of-justice",
    jurisdiction="CA",
    relief=Relief.DISMISSAL,
    section=f"{SECTION}(a)(1)",
    title="Dismissal in the interest of justice after probation that was not fully completed (discretionary)",
    statute_text=STATUTE_TEXT,
    conditions=(
        not_already_granted("A dismissal of this conviction", DISMISSAL_GRANTS, SECTION),
        CONVICTION,
        GRANTED_PROBATION,
        Condition(
            id="probation_not_fulfilled",
            text="Probation was granted but not fulfilled (e.g. a violation); the mandatory path does not apply.",
            cite=f"{SECTION}(a)(1)",
            test=fact_is("probation_completed", False),
        ),
        Condition(
            id="no_prison_sentence_executed",
            text="Probation did not end in a state prison sentence (then § 1203.41 is the path).",
            cite=f"{SECTION}(a)(1)",
            test=Not(fact_is("state_prison", True)),
        ),
        *_exclusions(),
        *no_other_sentence(f"{SECTION}(a)(1)"),
    ),
    waits=(_probation_over(),),
    effective=LONG_STANDING,
    note=(
        "Discretionary: the person may petition once these conditions hold, and the court decides whether "
        "dismissal is in the interest of justice; a declaration about rehabilitation helps."
    ),
)

RULES = (PROBATION_COMPLETED, INTEREST_OF_JUSTICE)

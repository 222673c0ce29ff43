"""Cal. Penal Code § 1203.41 — dismissal of a felony after a county jail or state prison sentence.

(a) If a defendant is convicted of a felony, the court, in its discretion and in the interest
of justice, may order the following relief, subject to the conditions of subdivision (b):
(1) The court may permit the defendant to withdraw their plea of guilty or plea of nolo
contendere and enter a plea of not guilty, or, if the defendant has been convicted after a plea
of not guilty, the court shall set aside the verdict of guilty, and, in either case, the court
shall thereupon dismiss the accusations or information against the defendant and the defendant
shall thereafter be released from all penalties and disabilities resulting from the offense of
which they have been convicted, except as provided in Section 13555 of the Vehicle Code.
(2) The relief available under this section may be granted only after the lapse of one year
following the defendant's completion of the sentence, if the sentence was imposed pursuant to
subparagraph (B) of paragraph (5) of subdivision (h) of Section 1170, or after the lapse of two
years following the defendant's completion of the sentence, if the sentence was imposed
pursuant to subparagraph (A) of paragraph (5) of subdivision (h) of Section 1170 or if the
defendant was sentenced to the state prison.
(3) The relief available under this section may be granted only if the defendant is not under
supervision pursuant to subparagraph (B) of paragraph (5) of subdivision (h) of Section 1170,
and is not serving a sentence for, on probation for, or charged with the commission of any
offense. ...
This section does not apply to a person convicted of an offense that requires registration
under the Sex Offender Registration Act (§ 290 et seq.).

History: added by AB 651 (Stats. 2013), in force 1 January 2014, for sentences under § 1170(h)(5)
("If a defendant is sentenced pursuant to paragraph (5) of subdivision (h) of Section 1170"), with
the same one- and two-year waits; SB 731 (Stats. 2022) extended it to every felony,
state prison included, except registrable offences: encoded from 1 July 2023 (practitioners date
it 1 July 2023, one source 1 January 2023; the later date is the less favourable reading).

The whole section is discretionary: a result of "eligible" means the person may petition and the
court decides. Each path reads the record's kind of supervision (``supervision``: mandatory
supervision, parole, PRCS, none), whose dates are in the probation fields (docs/record-format.md).
"""

from __future__ import annotations

from datetime import date

from ...lang import Condition, Expr, Fact, Latest, Not, OneOf, Param, Relief, Rule, Wait
from ...params import speaker
from ..supervision import NO_SUPERVISION, completion_date, kind_is
from ._common import (
    CONVICTED,
    CUSTODY_OVER,
    DISMISSAL_GRANTS,
    PC_1203_41_EFFECTIVE,
    SB_731_PRISON_PATH,
    all_of,
    court_decides,
    fact_is,
    no_other_sentence,
    not_already_granted,
    registrable,
)

said = speaker(__file__)  # numbers in texts for people, from this state's params.yaml
SECTION = "Cal. Penal Code § 1203.41"

STATUTE_TEXT = (
    "(a) If a defendant is convicted of a felony, the court, in its discretion and in the interest of justice, "
    "may order the following relief, subject to the conditions of subdivision (b): (1) The court may permit the "
    "defendant to withdraw their plea of guilty or plea of nolo contendere and enter a plea of not guilty, ... "
    "(2) The relief available under this section may be granted only after the lapse of one year following the "
    "defendant's completion of the sentence, if the sentence was imposed pursuant to subparagraph (B) of "
    "paragraph (5) of subdivision (h) of Section 1170, or after the lapse of two years following the "
    "defendant's completion of the sentence, if the sentence was imposed pursuant to subparagraph (A) of "
    "paragraph (5) of subdivision (h) of Section 1170 or if the defendant was sentenced to the state prison. "
    "(3) The relief available under this section may be granted only if the defendant is not under supervision "
    "pursuant to subparagraph (B) of paragraph (5) of subdivision (h) of Section 1170, and is not serving a "
    "sentence for, on probation for, or charged with the commission of any offense. ... [Relief is not "
    "available for a conviction that requires registration under the Sex Offender Registration Act.]"
)

NOTE = (
    "Discretionary: the person may petition once these conditions hold; the court decides in the interest "
    "of justice (form CR-180)."
)


def _conditions(kind: Condition) -> tuple[Condition, ...]:
    cite = f"{SECTION}(a)"
    return (
        Condition(id="convicted", text="The charge ended in a conviction.", cite=cite, test=CONVICTED),
        Condition(
            id="felony",
            text="The conviction is a felony (a wobbler's final grade must be checked).",
            cite=cite,
            test=OneOf(Fact("grade"), ("felony",), unknown=("wobbler",)),
        ),
        kind,
        Condition(
            id="custody_over",
            text="Any jail or prison term for this conviction is over.",
            cite=f"{SECTION}(a)(2)",
            test=CUSTODY_OVER,
        ),
        Condition(
            id="not_a_registrable_offense",
            text="The conviction does not require registration as a sex offender (Penal Code § 290).",
            cite=SECTION,
            test=Not(registrable(Fact("statute"), court_decides())),
        ),
        *no_other_sentence(f"{SECTION}(a)(3)"),
    )


def _rule(
    rule_id: str,
    title: str,
    kind: Condition,
    start: Expr,
    years: str,
    wait_text: str,
    effective: date = PC_1203_41_EFFECTIVE,
) -> Rule:
    return Rule(
        id=rule_id,
        jurisdiction="CA",
        relief=Relief.DISMISSAL,
        section=f"{SECTION}(a)",
        title=title,
        statute_text=STATUTE_TEXT,
        conditions=(
            not_already_granted("A dismissal of this conviction", DISMISSAL_GRANTS, SECTION),
            *_conditions(kind),
        ),
        waits=(Wait(id="after_completion", text=wait_text, cite=f"{SECTION}(a)(2)", start=start, years=Param(years)),),
        effective=effective,
        note=NOTE,
    )


MANDATORY_SUPERVISION = _rule(
    "CA-1203.41-a2-county-jail-supervision",
    "Dismissal of a county-jail felony with mandatory supervision, one year after completion (discretionary)",
    Condition(
        id="county_jail_with_supervision",
        text="The sentence was county jail under § 1170(h) followed by mandatory supervision (§ 1170(h)(5)(B)).",
        cite=f"{SECTION}(a)(2)",
        test=kind_is("mandatory_supervision"),
    ),
    Latest((Fact("incarceration_end"), Fact("probation_end"))),
    "ca.pc_1203_41.supervision_wait_years",
    said(
        "{} year has passed since the sentence, including mandatory supervision, was completed.",
        "ca.pc_1203_41.supervision_wait_years",
    ),
)

COUNTY_JAIL = _rule(
    "CA-1203.41-a2-county-jail",
    "Dismissal of a county-jail felony without supervision, two years after completion (discretionary)",
    Condition(
        id="county_jail_without_supervision",
        text="The sentence was county jail under § 1170(h) with no mandatory supervision (§ 1170(h)(5)(A)).",
        cite=f"{SECTION}(a)(2)",
        test=all_of(fact_is("state_prison", False), NO_SUPERVISION),
    ),
    Fact("incarceration_end"),
    "ca.pc_1203_41.wait_years",
    said("{} years have passed since release from county jail.", "ca.pc_1203_41.wait_years"),
)

STATE_PRISON = _rule(
    "CA-1203.41-a2-state-prison",
    "Dismissal of a state-prison felony, two years after completion including parole (discretionary)",
    Condition(
        id="state_prison",
        text="The sentence was state prison.",
        cite=f"{SECTION}(a)(2)",
        test=fact_is("state_prison", True),
    ),
    completion_date(),
    "ca.pc_1203_41.wait_years",
    said(
        "{} years have passed since the sentence, including parole or post-release supervision, was completed.",
        "ca.pc_1203_41.wait_years",
    ),
    SB_731_PRISON_PATH,
)

RULES = (MANDATORY_SUPERVISION, COUNTY_JAIL, STATE_PRISON)

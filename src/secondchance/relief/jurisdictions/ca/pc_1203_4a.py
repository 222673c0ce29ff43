"""Cal. Penal Code § 1203.4a — dismissal of a misdemeanor or infraction without probation.

(a) Every defendant convicted of a misdemeanor and not granted probation, and every defendant
convicted of an infraction shall, at any time after the lapse of one year from the date of
pronouncement of judgment, if they have fully complied with and performed the sentence of the
court, are not then serving a sentence for an offense and are not under charge of commission of
a crime, and have, since the pronouncement of judgment, lived an honest and upright life and
have conformed to and obeyed the laws of the land, be permitted by the court to withdraw their
plea of guilty or nolo contendere and enter a plea of not guilty; or if they have been convicted
after a plea of not guilty, the court shall set aside the verdict of guilty; and in either case
the court shall dismiss the accusatory pleading against the defendant, who shall be released
from all penalties and disabilities resulting from the offense of which they have been
convicted, except as provided in Chapter 3 (commencing with Section 29900) of Division 9 of
Title 4 of Part 6 of this code or Section 13555 of the Vehicle Code.

(b) If a defendant does not satisfy all the requirements of subdivision (a), after a lapse of
one year from the date of pronouncement of judgment, a court, in its discretion and in the
interest of justice, may grant the relief available pursuant to subdivision (a) to a defendant
convicted of an infraction, or of a misdemeanor and not granted probation, or both, if the
defendant has fully complied with and performed the sentence of the court, is not then serving
a sentence for any offense, and is not under charge of commission of a crime.

Not applicable (as read, not verified verbatim): misdemeanor § 288(c); misdemeanors within
Vehicle Code § 42002.1 (§§ 2800, 2801, 2803); Vehicle Code infractions punished under § 42001.
An infraction is a Vehicle Code infraction when its citation is to the Vehicle Code (``VC ...``);
an infraction with no citation needs review.

History: § 1203.4a is older than any record screened here; the rules carry the LONG_STANDING date.
Infractions were added by AB 2582 (Stats. 2010, ch. 99, approved 15 July 2010, in force 1 January
2011: "defendants convicted of infractions, except specified motor vehicle related infractions,
shall be permitted to seek dismissal"), so ``ca.pc_1203_4a.grades`` lists infractions from 2011.
When the discretionary path (b) was added was not found; it is applied to every date (docs).

Judgment call, documented: "lived an honest and upright life and ... obeyed the laws of the
land" is read from the record as "no conviction for an offense committed in the year after the
judgment" (People v. Chandlee (1979) 90 Cal.App.3d Supp. 13 reads the requirement as covering
that year); the person declares the rest on the petition. With a later conviction only the
discretionary path (b) remains; (b) does not require one (it would let a new conviction make a
charge more eligible), so it is also shown beside (a).
"""

from __future__ import annotations

from ...lang import (
    Compare,
    Condition,
    Const,
    Exists,
    Fact,
    Not,
    OneOf,
    Other,
    Param,
    Relief,
    Rule,
    Shift,
    StatuteIn,
    Wait,
)
from ...params import speaker
from ._common import (
    CONVICTED,
    CUSTODY_OVER,
    DISMISSAL_GRANTS,
    LONG_STANDING,
    NO_PROBATION,
    OTHER_CONVICTED,
    all_of,
    not_already_granted,
    not_charged,
    not_serving,
)

said = speaker(__file__)  # numbers in texts for people, from this state's params.yaml
SECTION = "Cal. Penal Code § 1203.4a"

STATUTE_TEXT = (
    "(a) Every defendant convicted of a misdemeanor and not granted probation, and every defendant convicted of "
    "an infraction shall, at any time after the lapse of one year from the date of pronouncement of judgment, if "
    "they have fully complied with and performed the sentence of the court, are not then serving a sentence for "
    "an offense and are not under charge of commission of a crime, and have, since the pronouncement of "
    "judgment, lived an honest and upright life and have conformed to and obeyed the laws of the land, be "
    "permitted by the court to withdraw their plea of guilty or nolo contendere and enter a plea of not guilty; "
    "or if they have been convicted after a plea of not guilty, the court shall set aside the verdict of guilty; "
    "and in either case the court shall dismiss the accusatory pleading against the defendant, ... "
    "(b) If a defendant does not satisfy all the requirements of subdivision (a), after a lapse of one year from "
    "the date of pronouncement of judgment, a court, in its discretion and in the interest of justice, may grant "
    "the relief available pursuant to subdivision (a) to a defendant convicted of an infraction, or of a "
    "misdemeanor and not granted probation, or both, if the defendant has fully complied with and performed the "
    "sentence of the court, is not then serving a sentence for any offense, and is not under charge of "
    "commission of a crime."
)

WAIT_YEARS = Param("ca.pc_1203_4a.wait_years")

#: Another conviction for an offense committed in the year after this judgment.
LATER_CONVICTION = Exists(
    all_of(
        OTHER_CONVICTED,
        Compare(">", Other("offense_date"), Fact("disposition_date")),
        Compare("<", Other("offense_date"), Shift(Fact("disposition_date"), years=WAIT_YEARS)),
    ),
    "other_charges",
)


def _common_conditions(cite: str) -> tuple[Condition, ...]:
    return (
        Condition(id="convicted", text="The charge ended in a conviction.", cite=cite, test=CONVICTED),
        Condition(
            id="misdemeanor_or_infraction",
            text=(
                "The conviction is a misdemeanor, or an infraction (since 1 January 2011); a wobbler's final grade "
                "must be checked."
            ),
            cite=f"{cite}; AB 2582 (Stats. 2010, ch. 99)",
            test=OneOf(Fact("grade"), Param("ca.pc_1203_4a.grades"), unknown=("wobbler",)),
        ),
        Condition(
            id="not_granted_probation",
            text="The court did not grant probation (with probation, § 1203.4 is the path).",
            cite=cite,
            test=NO_PROBATION,
        ),
        Condition(
            id="sentence_performed",
            text="The person fully complied with and performed the sentence: any jail term is over and fines are paid.",
            cite=cite,
            test=all_of(CUSTODY_OVER, Compare("==", Fact("fines_costs_owed"), Const(0))),
        ),
        Condition(
            id="not_an_excluded_offense",
            text="The offense is not one § 1203.4a excludes (Penal Code § 288(c); Vehicle Code §§ 2800, 2801, 2803).",
            cite=SECTION,
            test=Not(StatuteIn(Fact("statute"), Param("ca.pc_1203_4a.excluded_sections"))),
        ),
        Condition(
            id="not_a_vehicle_code_infraction",
            text="For an infraction: it is not a Vehicle Code infraction (§ 42001), as its citation shows.",
            cite=SECTION,
            test=Not(
                all_of(
                    OneOf(Fact("grade"), ("infraction",)),
                    StatuteIn(Fact("statute"), Param("ca.pc_1203_4a.excluded_infraction_codes")),
                )
            ),
        ),
        not_serving(cite),
        not_charged(cite),
    )


def _one_year(cite: str) -> Wait:
    return Wait(
        id="one_year_after_judgment",
        text=said("{} year has passed since judgment was pronounced.", "ca.pc_1203_4a.wait_years"),
        cite=cite,
        start=Fact("disposition_date"),
        years=WAIT_YEARS,
    )


SENTENCE_COMPLETED = Rule(
    id="CA-1203.4a-a-sentence-completed",
    jurisdiction="CA",
    relief=Relief.DISMISSAL,
    section=f"{SECTION}(a)",
    title="Dismissal of a misdemeanor or infraction one year after judgment, sentence performed",
    statute_text=STATUTE_TEXT,
    conditions=(
        not_already_granted("A dismissal of this conviction", DISMISSAL_GRANTS, SECTION),
        *_common_conditions(f"{SECTION}(a)"),
        Condition(
            id="obeyed_the_law_since_judgment",
            text=(
                "Since judgment the person has obeyed the law: no conviction for an offense committed in the year "
                "after judgment (the person declares an honest and upright life on the petition)."
            ),
            cite=f"{SECTION}(a); People v. Chandlee (1979) 90 Cal.App.3d Supp. 13",
            test=Not(LATER_CONVICTION),
        ),
    ),
    waits=(_one_year(f"{SECTION}(a)"),),
    effective=LONG_STANDING,
    note="Mandatory: the court shall grant the petition (form CR-180) when these conditions hold.",
)

INTEREST_OF_JUSTICE = Rule(
    id="CA-1203.4a-b-interest-of-justice",
    jurisdiction="CA",
    relief=Relief.DISMISSAL,
    section=f"{SECTION}(b)",
    title="Dismissal of a misdemeanor or infraction in the interest of justice (discretionary)",
    statute_text=STATUTE_TEXT,
    conditions=(
        not_already_granted("A dismissal of this conviction", DISMISSAL_GRANTS, SECTION),
        *_common_conditions(f"{SECTION}(b)"),
    ),
    waits=(_one_year(f"{SECTION}(b)"),),
    effective=LONG_STANDING,
    note="Discretionary: the person may petition; the court decides whether dismissal is in the interests of justice.",
)

RULES = (SENTENCE_COMPLETED, INTEREST_OF_JUSTICE)

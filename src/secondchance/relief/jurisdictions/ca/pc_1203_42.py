"""Cal. Penal Code § 1203.42 — dismissal of a pre-realignment state prison felony.

(a) If a defendant was sentenced prior to the implementation of the 2011 Realignment
Legislation for a crime for which the defendant would otherwise have been eligible for
sentencing pursuant to subdivision (h) of Section 1170, the court, in its discretion and in the
interest of justice, may order the following relief, subject to the conditions of subdivision
(b): (1) The court may permit the defendant to withdraw their plea of guilty or plea of nolo
contendere and enter a plea of not guilty, or, if the defendant has been convicted after a plea
of not guilty, the court shall set aside the verdict of guilty, and, in either case, the court
shall thereupon dismiss the accusations or information against the defendant and the defendant
shall be released from all penalties and disabilities resulting from the offense of which they
have been convicted, except as provided in Section 13555 of the Vehicle Code.
(2) The relief available under this section may be granted only after the lapse of two years
following the defendant's completion of the sentence.
(3) The relief available under this section may be granted only if the defendant is not under
supervised release, and is not serving a sentence for, on probation for, or charged with the
commission of, an offense.

Whether a crime "would otherwise have been eligible for sentencing pursuant to subdivision (h)
of Section 1170" turns on the offence's punishment clause and the person's priors, which the
record does not hold: serious, violent and registrable felonies are never eligible (so this
rule says not_eligible for them); every other case is "needs review". Since SB 731 (2022),
§ 1203.41 reaches every state prison sentence except registrants, so it is usually the path.
"""

from __future__ import annotations

from ...lang import Compare, Condition, Const, Fact, Latest, Not, OneOf, Param, Relief, Rule, Wait
from ...params import speaker
from ._common import (
    CONVICTED,
    CUSTODY_OVER,
    DISMISSAL_GRANTS,
    PC_1203_42_EFFECTIVE,
    REALIGNMENT,
    all_of,
    court_decides,
    fact_is,
    no_other_sentence,
    not_already_granted,
    registrable,
    serious_or_violent,
)

said = speaker(__file__)  # numbers in texts for people, from this state's params.yaml
SECTION = "Cal. Penal Code § 1203.42"

STATUTE_TEXT = (
    "(a) If a defendant was sentenced prior to the implementation of the 2011 Realignment Legislation for a "
    "crime for which the defendant would otherwise have been eligible for sentencing pursuant to subdivision (h) "
    "of Section 1170, the court, in its discretion and in the interest of justice, may order the following "
    "relief, subject to the conditions of subdivision (b): (1) The court may permit the defendant to withdraw "
    "their plea of guilty or plea of nolo contendere and enter a plea of not guilty, ... (2) The relief available "
    "under this section may be granted only after the lapse of two years following the defendant's completion of "
    "the sentence. (3) The relief available under this section may be granted only if the defendant is not under "
    "supervised release, and is not serving a sentence for, on probation for, or charged with the commission of, "
    "an offense."
)

PRE_REALIGNMENT = Rule(
    id="CA-1203.42-a-pre-realignment-prison",
    jurisdiction="CA",
    relief=Relief.DISMISSAL,
    section=f"{SECTION}(a)",
    title="Dismissal of a pre-2011 state prison felony that would now be a county-jail felony (discretionary)",
    statute_text=STATUTE_TEXT,
    conditions=(
        not_already_granted("A dismissal of this conviction", DISMISSAL_GRANTS, SECTION),
        Condition(id="convicted", text="The charge ended in a conviction.", cite=f"{SECTION}(a)", test=CONVICTED),
        Condition(
            id="felony",
            text="The conviction is a felony (a wobbler's final grade must be checked).",
            cite=f"{SECTION}(a)",
            test=OneOf(Fact("grade"), ("felony",), unknown=("wobbler",)),
        ),
        Condition(
            id="state_prison",
            text="The sentence was state prison.",
            cite=f"{SECTION}(a)",
            test=fact_is("state_prison", True),
        ),
        Condition(
            id="sentenced_before_realignment",
            text="The person was sentenced before realignment took effect on 1 October 2011.",
            cite=f"{SECTION}(a); Penal Code § 1170(h)",
            test=Compare("<", Fact("disposition_date"), Const(REALIGNMENT)),
        ),
        Condition(
            id="would_be_county_jail_felony",
            text=(
                "The crime would now be sentenced to county jail under § 1170(h): not a serious, violent or "
                "registrable felony, and the offense's punishment clause allows § 1170(h) (a lawyer checks this)."
            ),
            cite=f"{SECTION}(a); Penal Code § 1170(h)(3)",
            test=all_of(
                Not(serious_or_violent(Fact("statute"), court_decides())),
                Not(registrable(Fact("statute"), court_decides())),
                court_decides(),
            ),
        ),
        Condition(
            id="custody_over",
            text="The prison term is over.",
            cite=f"{SECTION}(a)(2)",
            test=CUSTODY_OVER,
        ),
        *no_other_sentence(f"{SECTION}(a)(3)"),
    ),
    waits=(
        Wait(
            id="two_years_after_completion",
            text=said(
                "{} years have passed since the sentence, including parole, was completed.", "ca.pc_1203_42.wait_years"
            ),
            cite=f"{SECTION}(a)(2)",
            start=Latest((Fact("incarceration_end"), Fact("probation_end"))),
            years=Param("ca.pc_1203_42.wait_years"),
        ),
    ),
    effective=PC_1203_42_EFFECTIVE,
    note="Discretionary: the court decides in the interest of justice. See also § 1203.41 (state prison, SB 731).",
)

RULES = (PRE_REALIGNMENT,)

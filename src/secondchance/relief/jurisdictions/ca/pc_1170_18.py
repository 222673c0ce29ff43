"""Cal. Penal Code § 1170.18 — Proposition 47: reducing old theft and drug felonies to misdemeanors.

(a) A person who, on November 5, 2014, was serving a sentence for a conviction, whether by trial
or plea, of a felony or felonies who would have been guilty of a misdemeanor under the act that
added this section ("this act") had this act been in effect at the time of the offense may
petition for a recall of sentence before the trial court that entered the judgment of conviction
in their case to request resentencing in accordance with Sections 11350, 11357, or 11377 of the
Health and Safety Code, or Section 459.5, 473, 476a, 490.2, 496, or 666 of the Penal Code, as
those sections have been amended or added by this act.
(b) ... the petitioner's felony sentence shall be recalled and the petitioner resentenced to a
misdemeanor ... unless the court, in its discretion, determines that resentencing the petitioner
would pose an unreasonable risk of danger to public safety. ...
(f) A person who has completed their sentence for a conviction, whether by trial or plea, of a
felony or felonies who would have been guilty of a misdemeanor under this act had this act been
in effect at the time of the offense, may file an application before the trial court that
entered the judgment of conviction in their case to have the felony conviction or convictions
designated as misdemeanors.
(g) If the application satisfies the criteria in subdivision (f), the court shall designate the
felony offense or offenses as a misdemeanor.
(i) The provisions of this section shall not apply to persons who have one or more prior
convictions for an offense specified in clause (iv) of subparagraph (C) of paragraph (2) of
subdivision (e) of Section 667 or for an offense requiring registration pursuant to subdivision
(c) of Section 290.

Sources: (a) and (b) from the current text (lawserver.com); (f) and (g) as quoted in People v.
Mount (2021) 66 Cal.App.5th 599 and a court form (SUP CR 1113); (i) as read, not verified verbatim
(docs/jurisdictions/ca.md).

History. Proposition 47 (approved 4 November 2014) took effect on 5 November 2014. Petitions and
applications had to be filed "within three years after the effective date of the act ... or at a
later date upon a showing of good cause" (4 November 2017); AB 2765 (Stats. 2016) moved the date to
4 November 2022, still with a good-cause exception; SB 749 (Stats. 2023, ch. 633), an urgency
statute, removed the deadline and the good-cause requirement. SB 749's approval date is not
verified: it is encoded from 14 October 2023, the day after the Governor's last action on 2023
bills (13 October 2023), so between 5 November 2022 and that day a late filing needs good cause (a
court decides: needs review) — the less favourable reading where the date is uncertain.

Readings, documented: "prior convictions" are any other conviction in the record, including one
after this one (People v. Casillas (2017) 13 Cal.App.5th 182: a super strike after the Proposition
47 conviction but before the petition bars relief). An offence Proposition 47 reaches only on facts
the record does not hold (the value of the property, shoplifting charged as § 459, a § 666 prior)
needs review; so does a prior conviction that may be a super strike (a sexually violent offence, or
any serious or violent felony punishable by life, § 667(e)(2)(C)(iv)(VIII)).
"""

from __future__ import annotations

from datetime import date

from ...lang import (
    AsOf,
    Compare,
    Condition,
    Const,
    Exists,
    Expr,
    Fact,
    Not,
    OneOf,
    Other,
    Param,
    Relief,
    Rule,
    StatuteIn,
)
from ._common import (
    CONVICTED,
    CUSTODY_OVER,
    OTHER_CONVICTED,
    PROP_47_EFFECTIVE,
    SUPERVISION_OVER,
    all_of,
    any_of,
    court_decides,
    not_already_granted,
    registrable,
)

SECTION = "Cal. Penal Code § 1170.18"

#: AB 2765 (Stats. 2016): "on or before November 4, 2022, or at a later date upon a showing of good cause".
FILING_DEADLINE = date(2022, 11, 4)
#: SB 749 (Stats. 2023, ch. 633, urgency) removed the deadline; approval date not verified (see docstring).
SB_749_IN_FORCE_BY = date(2023, 10, 14)

STATUTE_TEXT = (
    "(a) A person who, on November 5, 2014, was serving a sentence for a conviction, whether by trial or plea, "
    "of a felony or felonies who would have been guilty of a misdemeanor under the act that added this section "
    '("this act") had this act been in effect at the time of the offense may petition for a recall of sentence '
    "before the trial court that entered the judgment of conviction in their case to request resentencing in "
    "accordance with Sections 11350, 11357, or 11377 of the Health and Safety Code, or Section 459.5, 473, 476a, "
    "490.2, 496, or 666 of the Penal Code, as those sections have been amended or added by this act. (b) ... the "
    "petitioner's felony sentence shall be recalled and the petitioner resentenced to a misdemeanor ... unless "
    "the court, in its discretion, determines that resentencing the petitioner would pose an unreasonable risk "
    "of danger to public safety. ... (f) A person who has completed their sentence for a conviction, whether by "
    "trial or plea, of a felony or felonies who would have been guilty of a misdemeanor under this act had this "
    "act been in effect at the time of the offense, may file an application before the trial court that entered "
    "the judgment of conviction in their case to have the felony conviction or convictions designated as "
    "misdemeanors. (g) If the application satisfies the criteria in subdivision (f), the court shall designate "
    "the felony offense or offenses as a misdemeanor. ... (i) The provisions of this section shall not apply to "
    "persons who have one or more prior convictions for an offense specified in clause (iv) of subparagraph (C) "
    "of paragraph (2) of subdivision (e) of Section 667 or for an offense requiring registration pursuant to "
    "subdivision (c) of Section 290."
)

_OTHER_UNDECIDED = OneOf(Other("disposition"), (), unknown=("convicted",))

#: A super strike (§ 667(e)(2)(C)(iv)): named by section, or possibly one (sexually violent offences,
#: and (VIII) any serious or violent felony punishable by life, which the record cannot show).
_SUPER_STRIKE: Expr = any_of(
    StatuteIn(Other("statute"), Param("ca.pc_667_e_2_C_iv.super_strikes")),
    all_of(
        any_of(
            StatuteIn(Other("statute"), Param("ca.pc_667_e_2_C_iv.depends")),
            StatuteIn(Other("statute"), Param("ca.pc_667_5_c.violent_felonies")),
            StatuteIn(Other("statute"), Param("ca.pc_1192_7_c.serious_felonies")),
            StatuteIn(Other("statute"), Param("ca.serious_or_violent.depends")),
        ),
        _OTHER_UNDECIDED,
    ),
)


def _conditions(cite: str) -> tuple[Condition, ...]:
    return (
        Condition(id="convicted", text="The charge ended in a conviction.", cite=cite, test=CONVICTED),
        Condition(
            id="felony",
            text="The conviction is a felony (a wobbler's final grade must be checked).",
            cite=cite,
            test=OneOf(Fact("grade"), ("felony",), unknown=("wobbler",)),
        ),
        Condition(
            id="offense_reclassified_by_prop_47",
            text=(
                "The offense is one Proposition 47 made a misdemeanor: drug possession (H&S §§ 11350, 11357(a), "
                "11377), shoplifting or petty theft of $950 or less (§§ 459.5, 490.2; often charged as § 459 "
                "or § 487 before 2014), forgery or a bad check of $950 or less (§§ 470/473, 476a), receiving "
                "stolen property of $950 or less (§ 496), petty theft with a prior (§ 666). Where the value or "
                "the place decides it, a lawyer checks."
            ),
            cite=f"{cite}; Prop. 47 (2014)",
            test=any_of(
                StatuteIn(Fact("statute"), Param("ca.pc_1170_18.offenses")),
                all_of(StatuteIn(Fact("statute"), Param("ca.pc_1170_18.offenses_depends")), court_decides()),
            ),
        ),
        Condition(
            id="offense_before_prop_47",
            text="The offense was committed before Proposition 47 took effect on 5 November 2014.",
            cite=cite,
            test=any_of(
                Compare("<", Fact("offense_date"), Const(PROP_47_EFFECTIVE)),
                Compare("<", Fact("disposition_date"), Const(PROP_47_EFFECTIVE)),
            ),
        ),
        Condition(
            id="no_prior_super_strike",
            text=(
                'The person has no conviction for a "super strike" (§ 667(e)(2)(C)(iv): murder or attempted '
                "murder, a sexually violent offense, lewd acts on a child under 14, any serious or violent felony "
                "punishable by life, and others)."
            ),
            cite=f"{SECTION}(i)",
            test=Not(Exists(all_of(OTHER_CONVICTED, _SUPER_STRIKE), "other_charges")),
        ),
        Condition(
            id="no_registrable_conviction",
            text="The person has no conviction for an offense requiring sex offender registration under § 290(c).",
            cite=f"{SECTION}(i)",
            test=Not(Exists(all_of(OTHER_CONVICTED, registrable(Other("statute"), _OTHER_UNDECIDED)), "other_charges")),
        ),
        Condition(
            id="filed_in_time",
            text=(
                "The petition can be filed now: there is no deadline since SB 749 (2023); from 5 November 2022 "
                "until then a late filing needed good cause (the court decides)."
            ),
            cite=f"{SECTION}(j); AB 2765 (Stats. 2016); SB 749 (Stats. 2023, ch. 633)",
            test=any_of(
                Compare("<=", AsOf(), Const(FILING_DEADLINE)),
                Compare(">=", AsOf(), Const(SB_749_IN_FORCE_BY)),
                court_decides(),
            ),
        ),
    )


COMPLETED_SENTENCE = Rule(
    id="CA-1170.18-f-completed-sentence",
    jurisdiction="CA",
    relief=Relief.REDUCTION,
    section=f"{SECTION}(f), (g)",
    title="Proposition 47: an old theft or drug felony designated a misdemeanor, sentence completed",
    statute_text=STATUTE_TEXT,
    conditions=(
        not_already_granted("Proposition 47 resentencing or redesignation", ("PC 1170.18",), SECTION),
        *_conditions(f"{SECTION}(f)"),
        Condition(
            id="sentence_completed",
            text="The sentence is completed: any custody and any probation, parole or supervision is over.",
            cite=f"{SECTION}(f)",
            test=all_of(CUSTODY_OVER, SUPERVISION_OVER),
        ),
    ),
    effective=PROP_47_EFFECTIVE,
    note=(
        "Mandatory: when the criteria hold, the court shall designate the felony a misdemeanor (§ 1170.18(g)); "
        "no hearing is needed unless asked for. File the application in the court that entered the conviction."
    ),
)

SERVING_RECALL = Rule(
    id="CA-1170.18-a-serving-recall",
    jurisdiction="CA",
    relief=Relief.REDUCTION,
    section=f"{SECTION}(a), (b)",
    title="Proposition 47: recall and misdemeanor resentencing of a sentence still being served",
    statute_text=STATUTE_TEXT,
    conditions=(
        not_already_granted("Proposition 47 resentencing or redesignation", ("PC 1170.18",), SECTION),
        *_conditions(f"{SECTION}(a)"),
        Condition(
            id="serving_since_prop_47",
            text="The person was sentenced by 5 November 2014 and is still serving the sentence.",
            cite=f"{SECTION}(a)",
            test=all_of(
                Compare("<=", Fact("disposition_date"), Const(PROP_47_EFFECTIVE)),
                Not(all_of(CUSTODY_OVER, SUPERVISION_OVER)),
            ),
        ),
    ),
    effective=PROP_47_EFFECTIVE,
    note=(
        "The court shall resentence to a misdemeanor unless it finds an unreasonable risk of danger to public "
        "safety (§ 1170.18(b)-(c)); once the sentence is completed, the application under (f) is the path."
    ),
)

RULES = (COMPLETED_SENTENCE, SERVING_RECALL)

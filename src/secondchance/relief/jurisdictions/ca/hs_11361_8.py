"""Cal. Health & Safety Code § 11361.8 — Proposition 64 relief for cannabis convictions.

(a) A person currently serving a sentence for a conviction, whether by trial or by open or
negotiated plea, who would not have been guilty of an offense, or who would have been guilty of
a lesser offense under the Control, Regulate and Tax Adult Use of Marijuana Act had that act
been in effect at the time of the offense may petition for a recall or dismissal of sentence
before the trial court that entered the judgment of conviction in their case to request
resentencing or dismissal in accordance with Sections 11357, 11358, 11359, 11360, 11362.1,
11362.2, 11362.3, and 11362.4 as those sections have been amended or added by that act.
(b) Upon receiving a petition under subdivision (a), the court shall presume the petitioner
satisfies the criteria in subdivision (a) unless the party opposing the petition proves by clear
and convincing evidence that the petitioner does not satisfy the criteria. If the petitioner
satisfies the criteria in subdivision (a), the court shall grant the petition to recall the
sentence or dismiss the sentence because it is legally invalid unless the court determines that
granting the petition would pose an unreasonable risk of danger to public safety. ...
(e) A person who has completed their sentence for a conviction under Sections 11357, 11358,
11359, and 11360, whether by trial or open or negotiated plea, who would not have been guilty of
an offense or who would have been guilty of a lesser offense under the Control, Regulate and Tax
Adult Use of Marijuana Act had that act been in effect at the time of the offense, may file an
application before the trial court that entered the judgment of conviction in their case to have
the conviction dismissed and sealed because the prior conviction is now legally invalid or
redesignated as a misdemeanor or infraction ...
(f) The court shall presume the petitioner satisfies the criteria in subdivision (e) unless the
party opposing the application proves by clear and convincing evidence that the petitioner does
not satisfy the criteria in subdivision (e). Once the applicant satisfies the criteria in
subdivision (e), the court shall redesignate the conviction as a misdemeanor or infraction or
dismiss and seal the conviction as legally invalid ...

Whether the conduct is now no crime (dismissal and sealing) or a lesser one (redesignation)
depends on the amount, the person's age and other facts the record does not hold; the relief
is labelled ``dismissal`` and the note says which outcomes are possible. The presumption favours
the person, so an offence under §§ 11357-11360 committed before Proposition 64 took effect
(9 November 2016) is treated as meeting the "would not have been guilty ... or lesser offense"
test. § 11361.9 (AB 1793, 2018) had the Department of Justice identify eligible convictions from
1975 to 2016 for automatic recall; a conviction may therefore already have been reduced or
dismissed: check the court record.
"""

from __future__ import annotations

from datetime import date

from ...lang import Compare, Condition, Const, Fact, Not, Param, Relief, Rule, StatuteIn
from ._common import AUMA_EFFECTIVE, CONVICTED, CUSTODY_OVER, SUPERVISION_OVER, all_of, any_of, not_already_granted

SECTION = "Cal. Health & Safety Code § 11361.8"

STATUTE_TEXT = (
    "(a) A person currently serving a sentence for a conviction, whether by trial or by open or negotiated plea, "
    "who would not have been guilty of an offense, or who would have been guilty of a lesser offense under the "
    "Control, Regulate and Tax Adult Use of Marijuana Act had that act been in effect at the time of the offense "
    "may petition for a recall or dismissal of sentence before the trial court that entered the judgment of "
    "conviction in their case to request resentencing or dismissal in accordance with Sections 11357, 11358, "
    "11359, 11360, 11362.1, 11362.2, 11362.3, and 11362.4 as those sections have been amended or added by that "
    "act. ... (e) A person who has completed their sentence for a conviction under Sections 11357, 11358, 11359, "
    "and 11360, whether by trial or open or negotiated plea, who would not have been guilty of an offense or who "
    "would have been guilty of a lesser offense under the Control, Regulate and Tax Adult Use of Marijuana Act "
    "had that act been in effect at the time of the offense, may file an application before the trial court "
    "that entered the judgment of conviction in their case to have the conviction dismissed and sealed because "
    "the prior conviction is now legally invalid or redesignated as a misdemeanor or infraction ..."
)


def _offense_conditions(cite: str) -> tuple[Condition, ...]:
    return (
        Condition(id="convicted", text="The charge ended in a conviction.", cite=cite, test=CONVICTED),
        Condition(
            id="cannabis_offense",
            text="The conviction is under Health & Safety Code § 11357, 11358, 11359 or 11360 (cannabis).",
            cite=cite,
            test=StatuteIn(Fact("statute"), Param("ca.hs_11361_8.cannabis_sections")),
        ),
        Condition(
            id="offense_before_proposition_64",
            text="The offense was committed before Proposition 64 took effect on 9 November 2016.",
            cite=cite,
            test=Compare("<", Fact("offense_date"), Const(AUMA_EFFECTIVE)),
        ),
    )


SENTENCE_COMPLETED = Rule(
    id="CA-11361.8-e-completed-sentence",
    jurisdiction="CA",
    relief=Relief.DISMISSAL,
    section=f"{SECTION}(e)",
    title="Cannabis conviction dismissed and sealed, or redesignated, after the sentence (Proposition 64)",
    statute_text=STATUTE_TEXT,
    conditions=(
        not_already_granted("Relief under § 11361.8", ("HS 11361.8",), SECTION),
        *_offense_conditions(f"{SECTION}(e)"),
        Condition(
            id="sentence_completed",
            text="The person has completed the sentence (any custody and probation are over).",
            cite=f"{SECTION}(e)",
            test=all_of(CUSTODY_OVER, SUPERVISION_OVER),
        ),
    ),
    effective=date(2016, 11, 9),
    note=(
        "By application to the court that convicted (no hearing unless requested). The court presumes "
        "eligibility and shall dismiss and seal the conviction, or redesignate it as a misdemeanor or infraction, "
        "unless the prosecutor proves otherwise by clear and convincing evidence (§ 11361.8(f))."
    ),
)

SERVING_RECALL = Rule(
    id="CA-11361.8-a-serving-recall",
    jurisdiction="CA",
    relief=Relief.DISMISSAL,
    section=f"{SECTION}(a)",
    title="Recall and resentencing or dismissal of a cannabis sentence still being served (Proposition 64)",
    statute_text=STATUTE_TEXT,
    conditions=(
        not_already_granted("Relief under § 11361.8", ("HS 11361.8",), SECTION),
        *_offense_conditions(f"{SECTION}(a)"),
        Condition(
            id="currently_serving",
            text="The person is still serving the sentence (custody or probation not over).",
            cite=f"{SECTION}(a)",
            test=any_of(Not(CUSTODY_OVER), Not(SUPERVISION_OVER)),
        ),
    ),
    effective=date(2016, 11, 9),
    note=(
        "By petition. The court presumes eligibility and shall recall or dismiss the sentence unless granting "
        "it would pose an unreasonable risk of danger to public safety (§ 11361.8(b))."
    ),
)

RULES = (SENTENCE_COMPLETED, SERVING_RECALL)

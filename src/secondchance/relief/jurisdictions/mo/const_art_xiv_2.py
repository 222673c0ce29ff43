"""Mo. Const. art. XIV, § 2.10(7)-(8) — automatic expungement of marijuana offenses (Amendment 3 of 2022).

Approved by the voters on 2022-11-08, in force 2022-12-08. The 39-page text was not read in full;
what is encoded is what the sources below agree on, and where they leave the record unable to decide,
the answer is "needs review":

* the circuit courts must order, without a petition, the expungement of the criminal history records
  of marijuana offenses that are no longer crimes, except offenses of selling or giving marijuana to a
  minor and of driving under the influence of marijuana, for people no longer under the supervision
  of the Department of Corrections: misdemeanors within six months (by 2023-06-08), felonies within a
  year (by 2023-12-08) (Missouri courts' and news reports of § 2.10(8); Jefferson City News Tribune
  2022-12-04; KCUR 2022-12-07; fox2now);
* felonies reach "a marijuana offense which is a misdemeanor, a class E felony, or a class D felony, or
  successor designations, involving possession of three pounds or less of marijuana" (§ 2.10(7)(a)c,
  quoted in C.S. v. Missouri State Highway Patrol, No. SC100944, Mo. banc 2025-07-22);
* an offense that is not itself a marijuana offense (there: unlawful use of a weapon while possessing
  marijuana, RSMo 571.030.1(11)) is not covered (C.S., Mo. banc 2025).

A Missouri record cites the section, and the possession and paraphernalia sections (RSMo 579.015,
579.074; before 2017 195.202, 195.233) cover every controlled substance: whether the substance was
marijuana, and how much, is in the charging document, not the record. So a charge under those sections
is "needs review" here, never "eligible", with the text saying what the court should have done.
The result is reported as ``automatic_sealing`` with ``automatic: true``; Missouri calls it expungement.
"""

from __future__ import annotations

from datetime import date

from ...lang import And, Condition, Const, Fact, IfElse, Not, OneOf, Or, Param, Relief, Rule, StatuteIn, Wait
from .offenses import FELONIES, MISDEMEANORS, NOT_CONVICTED, disposition_completed, grade_in

SECTION = "Mo. Const. art. XIV, § 2.10(7)-(8)"
#: Amendment 3 approved 2022-11-08; in force thirty days later.
AMENDMENT_3 = date(2022, 12, 8)
#: The courts' deadlines: six months after it took effect for misdemeanors, a year for felonies.
MISDEMEANOR_DEADLINE = date(2023, 6, 8)
FELONY_DEADLINE = date(2023, 12, 8)

#: Unknown for a decided charge (a conviction or one that ended without it), false for a pending one: the
#: amendment reaches the records of arrests and charges as well as convictions.
DECIDED_MAYBE = OneOf(Fact("disposition"), (), ("convicted", *NOT_CONVICTED, "diversion_completed"))

STATUTE_TEXT = (
    "§ 2.10(8) [as reported]: the circuit courts shall order the expungement of the criminal history records of "
    "persons no longer under the supervision of the department of corrections for marijuana offenses that are no "
    "longer crimes, other than offenses of selling or furnishing marijuana to a minor or of operating a vehicle "
    "under the influence of marijuana: for misdemeanor offenses within six months, and for felony offenses within "
    "one year, after the section took effect (2022-12-08). § 2.10(7)(a)c: 'a marijuana offense which is a "
    "misdemeanor, a class E felony, or a class D felony, or successor designations, involving possession of three "
    "pounds or less of marijuana'."
)

AUTOMATIC = Rule(
    id="MO-XIV-2.10-marijuana",
    jurisdiction="MO",
    relief=Relief.AUTOMATIC_SEALING,
    section=SECTION,
    title="Automatic expungement of a marijuana offense (Amendment 3)",
    statute_text=STATUTE_TEXT,
    conditions=(
        Condition(
            id="charge_decided",
            text="The charge is decided (not pending): a finding of guilt or a charge that ended without one.",
            cite=SECTION,
            test=Not(OneOf(Fact("disposition"), ("pending",))),
        ),
        Condition(
            id="marijuana_offense",
            text=(
                "The offense was possession of marijuana (three pounds or less) or of marijuana paraphernalia, which "
                "the court must expunge without a petition; the record's section covers every controlled substance, "
                "so a lawyer checks the charging document for the substance and the amount."
            ),
            cite=SECTION,
            test=Or(
                (
                    StatuteIn(Fact("statute"), Param("mo.art_xiv.marijuana_offenses")),
                    And((StatuteIn(Fact("statute"), Param("mo.art_xiv.marijuana_offenses_to_review")), DECIDED_MAYBE)),
                )
            ),
        ),
        Condition(
            id="misdemeanor_or_class_d_or_e_felony",
            text="The offense is a misdemeanor or a class D or E felony (a class C felony needs a lawyer's check).",
            cite=f"{SECTION}(7)(a)c",
            test=Or(
                (
                    Not(OneOf(Fact("disposition"), ("convicted",))),
                    grade_in(
                        (*MISDEMEANORS, "infraction", "municipal", "felony_d", "felony_e"), ("felony", "felony_c")
                    ),
                )
            ),
        ),
    ),
    waits=(
        Wait(
            id="supervision_over",
            text="The sentence, including probation and parole, is over (people still serving petition the court).",
            cite=f"{SECTION}(7)",
            start=IfElse(OneOf(Fact("disposition"), ("convicted",)), disposition_completed(), Fact("disposition_date")),
        ),
        Wait(
            id="courts_deadline",
            text="The courts' deadline: 2023-06-08 for a misdemeanor, 2023-12-08 for a felony.",
            cite=f"{SECTION}(8)",
            start=IfElse(grade_in(FELONIES), Const(FELONY_DEADLINE), Const(MISDEMEANOR_DEADLINE)),
        ),
    ),
    automatic=True,
    called="expungement",
    effective=AMENDMENT_3,
    note=(
        "No petition is needed: the court that handled the case must expunge it and notify the person. If the "
        "record still shows it, ask that court's clerk for the Amendment 3 expungement order, or a lawyer or "
        "legal-aid office to file a motion."
    ),
)

RULES = (AUTOMATIC,)

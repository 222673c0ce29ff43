"""Cal. Penal Code § 1203.425 — automatic conviction record relief (California's "Clean Slate").

(a)(1)(A) Commencing July 1, 2022, and subject to an appropriation in the annual Budget Act, on a
monthly basis, the Department of Justice shall review the records in the statewide criminal
justice databases, and based on information in the state summary criminal history repository
and the Supervised Release File, shall identify persons with convictions that meet the criteria
set forth in subparagraph (B) and are eligible for automatic conviction record relief.
(B) A person is eligible for automatic conviction relief pursuant to this section if they meet
all of the following conditions:
(i) The person is not required to register pursuant to the Sex Offender Registration Act.
(ii) The person does not have an active record for local, state, or federal supervision in the
Supervised Release File.
(iii) Based upon the information available in the department's record, including disposition
dates and sentencing terms, it does not appear that the person is currently serving a sentence
for an offense and there is no indication of pending criminal charges.
(iv) Except as otherwise provided in subclause (III) of clause (v), there is no indication that
the conviction resulted in a sentence of incarceration in the state prison.
(v) The conviction occurred on or after January 1, 1973, and meets either of the following
criteria:
(I) The defendant was sentenced to probation and, based upon the disposition date and the term
of probation specified in the department's records, appears to have completed their term of
probation without revocation.
(II) The defendant was convicted of an infraction or misdemeanor, was not granted probation,
and, based upon the disposition date and the term specified in the department's records, the
defendant appears to have completed their sentence, and at least one calendar year has elapsed
since the date of judgment.
(III) The defendant was convicted of a felony other than one for which the defendant completed
probation without revocation, and based upon the disposition date and the sentence specified in
the department's records, appears to have completed all terms of incarceration, probation,
mandatory supervision, postrelease community supervision, and parole, and a period of four
years has elapsed since the date on which the defendant completed probation or supervision for
that conviction and during which the defendant was not convicted of a new felony offense. This
subclause does not apply to a conviction of a serious felony defined in subdivision (c) of
Section 1192.7, a violent felony as defined in Section 667.5, or a felony offense requiring
registration pursuant to Chapter 5.5 (commencing with Section 290) of Title 9 of Part 1.

History (docs/jurisdictions/ca.md has the sources): added by AB 1076 (Stats. 2019); the DOJ review
runs "commencing July 1, 2022" (the date in force since the 2021 amendments), and AB 1308 (Stats.
2021) moved the reach-back from convictions on or after 1 January 2021 to 1 January 1973 before that
date, so (I) and (II) apply from 1 July 2022 to convictions since 1973. SB 731 (Stats. 2022) added
(III) and the "Except as otherwise provided in subclause (III)" of (iv), operative 1 July 2023 for
convictions on or after 1 January 2005; AB 134 (Stats. 2023, approved 10 July 2023) delayed it to
1 July 2024, and the 2024 public safety trailer bill (AB/SB 168) to 1 October 2024, extending it to
convictions on or after 1 January 1973. (III) is therefore encoded from 1 October 2024, reaching
back to 1973 from its first day.

Relief label: ``automatic_sealing``. The relief is a dismissal granted by the state without a
petition, after which the record is withheld from most background checks (§ 1203.425(a)(2),
(c)); the label keeps it apart from petition-based dismissal. The prosecutor or probation
department may ask the court to block it (§ 1203.425(b)), so "eligible" means the person meets
the criteria, not that relief was granted: the person can check their DOJ record.
"""

from __future__ import annotations

from datetime import date

from ...lang import (
    Compare,
    Condition,
    Const,
    Exists,
    Expr,
    Fact,
    Latest,
    Not,
    OneOf,
    Other,
    Param,
    Relief,
    Rule,
    Shift,
    Wait,
)
from ...params import speaker
from ..supervision import NO_SUPERVISION, PROBATION, kind_is
from ._common import (
    AUTOMATIC_RELIEF_OPERATIVE,
    CONVICTED,
    CUSTODY_OVER,
    FELONY_AUTOMATIC_RELIEF_OPERATIVE,
    JAN_1_1973,
    NO_PROBATION,
    OTHER_CONVICTED,
    OTHER_ON_PROBATION,
    OTHER_PENDING,
    OTHER_SERVING,
    PROBATION_GRANTED,
    REGISTRANT,
    all_of,
    any_of,
    court_decides,
    fact_is,
    not_already_granted,
    serious_or_violent,
)

said = speaker(__file__)  # numbers in texts for people, from this state's params.yaml
SECTION = "Cal. Penal Code § 1203.425"
#: Relief under § 1203.425 itself; a court's § 1203.4 dismissal does not restrict dissemination as (c) does.
ALREADY_GRANTED = not_already_granted("Relief under § 1203.425", ("PC 1203.425",), SECTION)
B = f"{SECTION}(a)(1)(B)"

STATUTE_TEXT = (
    "(a)(1)(B) A person is eligible for automatic conviction relief pursuant to this section if they meet all of "
    "the following conditions: (i) The person is not required to register pursuant to the Sex Offender "
    "Registration Act. (ii) The person does not have an active record for local, state, or federal supervision "
    "in the Supervised Release File. (iii) Based upon the information available in the department's record, "
    "including disposition dates and sentencing terms, it does not appear that the person is currently serving a "
    "sentence for an offense and there is no indication of pending criminal charges. (iv) Except as otherwise "
    "provided in subclause (III) of clause (v), there is no indication that the conviction resulted in a "
    "sentence of incarceration in the state prison. (v) The conviction occurred on or after January 1, 1973, and "
    "meets either of the following criteria: (I) The defendant was sentenced to probation and, based upon the "
    "disposition date and the term of probation specified in the department's records, appears to have completed "
    "their term of probation without revocation. (II) The defendant was convicted of an infraction or "
    "misdemeanor, was not granted probation, and, based upon the disposition date and the term specified in the "
    "department's records, the defendant appears to have completed their sentence, and at least one calendar "
    "year has elapsed since the date of judgment. (III) The defendant was convicted of a felony other than one "
    "for which the defendant completed probation without revocation, and based upon the disposition date and the "
    "sentence specified in the department's records, appears to have completed all terms of incarceration, "
    "probation, mandatory supervision, postrelease community supervision, and parole, and a period of four years "
    "has elapsed since the date on which the defendant completed probation or supervision for that conviction and "
    "during which the defendant was not convicted of a new felony offense. This subclause does not apply to a "
    "conviction of a serious felony defined in subdivision (c) of Section 1192.7, a violent felony as defined in "
    "Section 667.5, or a felony offense requiring registration pursuant to Chapter 5.5 (commencing with Section "
    "290) of Title 9 of Part 1."
)

NOTE = (
    "Automatic: the Department of Justice grants it monthly without a petition; the prosecutor may ask the "
    "court to block it (§ 1203.425(b)). Check the DOJ record to see whether it was granted."
)


def _person_conditions() -> tuple[Condition, ...]:
    """(i)-(iii) and the 1973 start of (v), shared by every path."""
    return (
        Condition(id="convicted", text="The charge ended in a conviction.", cite=f"{B}(v)", test=CONVICTED),
        Condition(
            id="convicted_since_1973",
            text="The conviction occurred on or after 1 January 1973.",
            cite=f"{B}(v)",
            test=Compare(">=", Fact("disposition_date"), Const(JAN_1_1973)),
        ),
        Condition(
            id="not_required_to_register",
            text="The person is not required to register as a sex offender (no registrable conviction).",
            cite=f"{B}(i)",
            test=Not(REGISTRANT),
        ),
        Condition(
            id="not_under_supervision",
            text="The person is not on probation, parole or other supervision for another offense.",
            cite=f"{B}(ii)",
            test=Not(OTHER_ON_PROBATION),
        ),
        Condition(
            id="not_serving_a_sentence",
            text="The person is not serving a sentence for another offense.",
            cite=f"{B}(iii)",
            test=Not(OTHER_SERVING),
        ),
        Condition(
            id="no_pending_charges",
            text="There is no pending criminal charge.",
            cite=f"{B}(iii)",
            test=Not(OTHER_PENDING),
        ),
    )


def _rule(
    rule_id: str,
    section: str,
    title: str,
    conditions: tuple[Condition, ...],
    wait: Wait,
    effective: date = AUTOMATIC_RELIEF_OPERATIVE,
) -> Rule:
    return Rule(
        id=rule_id,
        jurisdiction="CA",
        relief=Relief.AUTOMATIC_SEALING,
        section=section,
        title=title,
        statute_text=STATUTE_TEXT,
        conditions=(ALREADY_GRANTED, *_person_conditions(), *conditions),
        waits=(wait,),
        automatic=True,
        effective=effective,
        note=NOTE,
    )


PROBATION_COMPLETED = _rule(
    "CA-1203.425-a1Bv-I-probation-completed",
    f"{B}(v)(I)",
    "Automatic relief after probation completed without revocation",
    (
        Condition(
            id="sentenced_to_probation",
            text="The defendant was sentenced to probation.",
            cite=f"{B}(v)(I)",
            test=PROBATION_GRANTED,
        ),
        Condition(
            id="probation_completed_without_revocation",
            text="The person was sentenced to probation and completed it without revocation.",
            cite=f"{B}(v)(I)",
            test=fact_is("probation_completed", True),
        ),
        Condition(
            id="no_state_prison",
            text="The conviction did not result in a state prison sentence.",
            cite=f"{B}(iv)",
            test=any_of(Not(fact_is("state_prison", True)), OneOf(Fact("grade"), ("misdemeanor", "infraction"))),
        ),
    ),
    Wait(
        id="probation_term_over",
        text="The term of probation has ended.",
        cite=f"{B}(v)(I)",
        start=Fact("probation_end"),
    ),
)

NO_PROBATION_MISDEMEANOR = _rule(
    "CA-1203.425-a1Bv-II-misdemeanor-no-probation",
    f"{B}(v)(II)",
    "Automatic relief of an infraction or misdemeanor without probation, one year after judgment",
    (
        Condition(
            id="infraction_or_misdemeanor",
            text=(
                "The conviction is an infraction or a misdemeanor (so no state prison sentence; a wobbler's final "
                "grade must be checked)."
            ),
            cite=f"{B}(iv), (v)(II)",
            test=OneOf(Fact("grade"), ("misdemeanor", "infraction"), unknown=("wobbler",)),
        ),
        Condition(
            id="not_granted_probation",
            text="The court did not grant probation.",
            cite=f"{B}(v)(II)",
            test=NO_PROBATION,
        ),
        Condition(
            id="sentence_completed",
            text="The sentence appears completed (any jail term is over).",
            cite=f"{B}(v)(II)",
            test=CUSTODY_OVER,
        ),
    ),
    Wait(
        id="one_year_after_judgment",
        text=said("At least {} calendar year has passed since judgment.", "ca.pc_1203_425.misdemeanor_wait_years"),
        cite=f"{B}(v)(II)",
        start=Fact("disposition_date"),
        years=Param("ca.pc_1203_425.misdemeanor_wait_years"),
    ),
)

FELONY_YEARS = Param("ca.pc_1203_425.felony_wait_years")


def _felony_rule(rule_id: str, title: str, kind: Condition, completed: Expr) -> Rule:
    cite = f"{B}(v)(III)"
    new_felony = Exists(
        all_of(
            OTHER_CONVICTED,
            OneOf(Other("grade"), ("felony",), unknown=("wobbler",)),
            Compare(">=", Other("disposition_date"), completed),
            Compare("<", Other("disposition_date"), Shift(completed, years=FELONY_YEARS)),
        ),
        "other_charges",
    )
    return _rule(
        rule_id,
        cite,
        title,
        (
            Condition(
                id="felony",
                text="The conviction is a felony (a wobbler's final grade must be checked).",
                cite=cite,
                test=OneOf(Fact("grade"), ("felony",), unknown=("wobbler",)),
            ),
            Condition(
                id="not_probation_completed",
                text="It is not a felony for which probation was completed without revocation (that is path (I)).",
                cite=cite,
                test=Not(all_of(PROBATION, fact_is("probation_completed", True))),
            ),
            kind,
            Condition(
                id="all_terms_completed",
                text="All terms of incarceration and supervision appear completed.",
                cite=cite,
                test=CUSTODY_OVER,
            ),
            Condition(
                id="not_serious_or_violent",
                text=(
                    "The conviction is not a serious felony (§ 1192.7(c)) or a violent felony (§ 667.5(c)); "
                    "enhancements such as great bodily injury or weapon use are not in the record."
                ),
                cite=cite,
                test=Not(serious_or_violent(Fact("statute"), court_decides())),
            ),
            Condition(
                id="no_new_felony_conviction",
                text="No new felony conviction in the four years after the sentence was completed.",
                cite=cite,
                test=Not(new_felony),
            ),
        ),
        Wait(
            id="four_years_after_completion",
            text=said(
                "{} years have passed since probation or supervision for this conviction was completed.",
                "ca.pc_1203_425.felony_wait_years",
            ),
            cite=cite,
            start=completed,
            years=FELONY_YEARS,
        ),
        FELONY_AUTOMATIC_RELIEF_OPERATIVE,
    )


FELONY_WITH_SUPERVISION = _felony_rule(
    "CA-1203.425-a1Bv-III-felony-supervision",
    "Automatic relief of a felony four years after completing supervision, with no new felony",
    Condition(
        id="supervised_after_custody",
        text="The sentence included probation, mandatory supervision, post-release community supervision or parole.",
        cite=f"{B}(v)(III)",
        test=kind_is("probation", "parole", "prcs", "mandatory_supervision"),
    ),
    Latest((Fact("incarceration_end"), Fact("probation_end"))),
)

FELONY_CUSTODY_ONLY = _felony_rule(
    "CA-1203.425-a1Bv-III-felony-custody-only",
    "Automatic relief of a felony four years after release, with no supervision and no new felony",
    Condition(
        id="no_supervision",
        text="The sentence had no probation or supervision after custody.",
        cite=f"{B}(v)(III)",
        test=NO_SUPERVISION,
    ),
    Fact("incarceration_end"),
)

RULES = (PROBATION_COMPLETED, NO_PROBATION_MISDEMEANOR, FELONY_WITH_SUPERVISION, FELONY_CUSTODY_ONLY)

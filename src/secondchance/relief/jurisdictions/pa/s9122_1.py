"""18 Pa.C.S. § 9122.1 — Petition for limited access (sealing by court order).

(a) General rule.--Subject to the exceptions in subsection (b) and notwithstanding any other
provision of this chapter, upon petition of a person who has been free from conviction for a
period of seven years for an offense punishable by one or more years in prison and has
completed payment of all court-ordered restitution and the fee previously authorized to carry
out the limited access and clean slate limited access provisions, the court of common pleas in
the jurisdiction where a conviction occurred may enter an order that criminal history record
information maintained by a criminal justice agency pertaining to a qualifying misdemeanor or
an ungraded offense which carries a maximum penalty of no more than five years be disseminated
only to a criminal justice agency or as provided in section 9121(b.1) and (b.2) ...

(a.1) Additional criteria.--Upon petition of a person who has been free from conviction for a
period of 10 years for an offense punishable by one or more years in prison and has completed
payment of all court-ordered restitution and the fee ..., the court of common pleas ... may
enter an order that criminal history record information ... pertaining to a qualifying felony
under this section be disseminated only to a criminal justice agency ...

Text as amended by Act 36 of 2023 (in force 2024-02-12; verified on legis.state.pa.us). Before
then (Act 56 of 2018, from 2018-12-26) the period was 10 years and all court-ordered financial
obligations had to be paid. The definitions of "qualifying misdemeanor" and "qualifying felony"
and the § 9122.1(b) exceptions could not be read in full, so grades and offences they might
reach lead to needs-review rather than a guess (docs/jurisdictions/pa.md).
"""

from __future__ import annotations

from datetime import date

from ...lang import Condition, Exists, Fact, Not, OneOf, Param, Relief, Rule, Wait
from .offenses import (
    FELONIES,
    convicted,
    free_from_conviction_since,
    money_paid,
    other_conviction,
    review_unless,
    statute_in,
)

SECTION = "18 Pa.C.S. § 9122.1"
#: Act 56 of 2018: the rewritten § 9122.1 in force 180 days after 2018-06-28.
ACT_56_OF_2018_PETITIONS = date(2018, 12, 26)
#: Act 36 of 2023: petition provisions in force 60 days after 2023-12-14.
ACT_36_OF_2023_PETITIONS = date(2024, 2, 12)


def petition_conditions(subsection: str) -> tuple[Condition, ...]:
    cite = f"{SECTION}({subsection})"
    blocking = Param("pa.limited_access_petition.debts_that_block")
    return (
        Condition(id="convicted", text="The charge ended in a conviction.", cite=cite, test=convicted()),
        Condition(
            id="restitution_paid",
            text="All court-ordered restitution has been paid.",
            cite=cite,
            test=money_paid("restitution", "restitution_owed", blocking),
        ),
        Condition(
            id="fines_costs_paid",
            text="All fines and costs have been paid (required only before 2024-02-12).",
            cite=cite,
            test=money_paid("fines_costs", "fines_costs_owed", blocking),
        ),
        Condition(
            id="offense_not_possibly_excepted",
            text=(
                "The offence is not an offence against the person or family, a firearms or registrable sexual "
                "offence, cruelty to animals, corruption of minors, or an attempt or conspiracy (if it is, a "
                "lawyer checks the § 9122.1(b) exceptions)."
            ),
            cite=f"{SECTION}(b)",
            test=review_unless(Not(statute_in("pa.clean_slate.excluded_offenses"))),
        ),
        Condition(
            id="not_attempt_or_conspiracy",
            text="The offence is not an attempt, solicitation or conspiracy (if it is, a lawyer checks its object).",
            cite=f"{SECTION}(b)",
            test=review_unless(Not(statute_in("pa.inchoate_offenses"))),
        ),
        Condition(
            id="no_other_felony_conviction",
            text="The person has no other felony conviction (if they do, a lawyer checks the § 9122.1(b) exceptions).",
            cite=f"{SECTION}(b)",
            test=review_unless(Not(Exists(other_conviction(FELONIES, ()), scope="other_charges"))),
        ),
    )


MISDEMEANOR = Rule(
    id="PA-9122.1-a-misdemeanor",
    jurisdiction="PA",
    relief=Relief.SEALING,
    section=f"{SECTION}(a)",
    title="Sealing of a misdemeanor by petition after years free from conviction",
    statute_text=(
        "(a) General rule.--Subject to the exceptions in subsection (b) ..., upon petition of a person who has "
        "been free from conviction for a period of seven years for an offense punishable by one or more years "
        "in prison and has completed payment of all court-ordered restitution and the fee previously "
        "authorized ..., the court of common pleas ... may enter an order that criminal history record "
        "information ... pertaining to a qualifying misdemeanor or an ungraded offense which carries a maximum "
        "penalty of no more than five years be disseminated only to a criminal justice agency ..."
    ),
    conditions=(
        Condition(
            id="qualifying_misdemeanor",
            text=(
                "The conviction is a second- or third-degree misdemeanor (a first-degree or ungraded misdemeanor "
                "may qualify; a lawyer checks its maximum penalty and the exceptions)."
            ),
            cite=f"{SECTION}(a)",
            test=OneOf(
                Fact("grade"),
                Param("pa.limited_access_petition.misdemeanor_grades"),
                Param("pa.limited_access_petition.misdemeanor_grades_to_review"),
            ),
        ),
        *petition_conditions("a"),
    ),
    waits=(
        Wait(
            id="free_from_conviction",
            text=(
                "Years have passed without a conviction for any offence punishable by a year or more "
                "(10; 7 from 2024-02-12)."
            ),
            cite=f"{SECTION}(a)",
            start=free_from_conviction_since(),
            years=Param("pa.limited_access_petition.misdemeanor_free_years"),
        ),
    ),
    effective=ACT_56_OF_2018_PETITIONS,
    note="The court may grant the petition (Pa.R.Crim.P. 791); the district attorney may object.",
)

FELONY = Rule(
    id="PA-9122.1-a1-felony",
    jurisdiction="PA",
    relief=Relief.SEALING,
    section=f"{SECTION}(a.1)",
    title="Sealing of a qualifying felony by petition after ten years free from conviction",
    statute_text=(
        "(a.1) Additional criteria.--Upon petition of a person who has been free from conviction for a period "
        "of 10 years for an offense punishable by one or more years in prison and has completed payment of all "
        "court-ordered restitution and the fee previously authorized ..., the court of common pleas ... may "
        "enter an order that criminal history record information ... pertaining to a qualifying felony under "
        "this section be disseminated only to a criminal justice agency ..."
    ),
    conditions=(
        Condition(
            id="possibly_qualifying_felony",
            text=(
                "The conviction is a third-degree or ungraded felony, which may be a qualifying felony (a lawyer "
                "checks the list of qualifying offences); first- and second-degree felonies do not qualify."
            ),
            cite=f"{SECTION}(a.1)",
            test=OneOf(Fact("grade"), (), Param("pa.limited_access_petition.felony_grades_to_review")),
        ),
        *petition_conditions("a.1"),
    ),
    waits=(
        Wait(
            id="free_from_conviction",
            text="Ten years have passed without a conviction for any offence punishable by a year or more.",
            cite=f"{SECTION}(a.1)",
            start=free_from_conviction_since(),
            years=Param("pa.limited_access_petition.felony_free_years"),
        ),
    ),
    effective=ACT_36_OF_2023_PETITIONS,
)

RULES = (MISDEMEANOR, FELONY)

"""18 Pa.C.S. § 9122.2 — Clean slate limited access (automatic sealing).

(a) General rule.--The following shall be subject to limited access:
(1) Subject to the exceptions under section 9122.3 (relating to exceptions) or if a court has
vacated an order for limited access under section 9122.4 (relating to order to vacate order
for limited access), criminal history record information pertaining to a conviction of a
misdemeanor of the second degree, a misdemeanor of the third degree or a misdemeanor offense
punishable by imprisonment of no more than two years if a person has been free for 10 years
from conviction for any offense punishable by imprisonment of one or more years and if
payment of all court-ordered restitution has occurred. ...
(2) Criminal history record information pertaining to charges which resulted in a final
disposition other than a conviction.
(3) Criminal history record information pertaining to a conviction for a summary offense when
10 years have elapsed since entry of the judgment of conviction and payment of all
court-ordered restitution has occurred. ...
(4) Criminal history record information pertaining to a conviction for which a pardon was
granted.

That is the text in force until 2024-06-11. Act 36 of 2023 (HB 689) re-enacted (a)(1) from
2024-06-11 with a 7-year period and added qualifying drug felonies ("qualifying offense",
§ 9102) after 10 years; secondary sources report summary convictions after 5 years. Before
2020-12-29 (Act 83 of 2020) the money condition was "completion of each court-ordered financial
obligation of the sentence". The periods, grades and money conditions are dated parameters.
"""

from __future__ import annotations

from datetime import date

from ...lang import Compare, Condition, Const, Fact, OneOf, Param, Relief, Rule, Wait
from ...params import speaker
from .offenses import (
    FELONIES,
    NOT_CONVICTED,
    convicted,
    free_from_conviction_since,
    money_paid,
    pardon_recorded,
    statute_in,
)
from .s9122_3 import FELONY_EXCEPTIONS, MISDEMEANOR_EXCEPTIONS, sentence_under_qualifying_limit

said = speaker(__file__)  # numbers in texts for people, from this state's params.yaml
SECTION = "18 Pa.C.S. § 9122.2"
#: Act 56 of 2018: § 9122.2 in force 365 days after signing (2018-06-28).
CLEAN_SLATE = date(2019, 6, 28)
#: Act 83 of 2020 (HB 440), in force 2020-12-29.
ACT_83_OF_2020 = date(2020, 12, 29)
#: Act 36 of 2023 (HB 689): automated provisions in force 180 days after 2023-12-14.
ACT_36_OF_2023_AUTOMATED = date(2024, 6, 11)

CONVICTED = Condition(
    id="convicted",
    text="The charge ended in a conviction.",
    cite=f"{SECTION}(a)",
    test=convicted(),
)


def money_conditions(cite: str) -> tuple[Condition, ...]:
    blocking = Param("pa.clean_slate.debts_that_block")
    return (
        Condition(
            id="restitution_paid",
            text="All court-ordered restitution has been paid.",
            cite=cite,
            test=money_paid("restitution", "restitution_owed", blocking),
        ),
        Condition(
            id="fines_costs_paid",
            text="All fines and costs have been paid (required only before 2020-12-29).",
            cite=cite,
            test=money_paid("fines_costs", "fines_costs_owed", blocking),
        ),
    )


MISDEMEANOR = Rule(
    id="PA-9122.2-a1-misdemeanor",
    jurisdiction="PA",
    relief=Relief.AUTOMATIC_SEALING,
    section=f"{SECTION}(a)(1)",
    title="Automatic sealing of a misdemeanor after years free from conviction",
    statute_text=(
        "(1) Subject to the exceptions under section 9122.3 ..., criminal history record information "
        "pertaining to a conviction of a misdemeanor of the second degree, a misdemeanor of the third "
        "degree or a misdemeanor offense punishable by imprisonment of no more than two years if a person "
        "has been free for 10 years from conviction for any offense punishable by imprisonment of one or "
        "more years and if payment of all court-ordered restitution has occurred. [From 2024-06-11 (Act 36 "
        "of 2023): seven years.]"
    ),
    conditions=(
        CONVICTED,
        Condition(
            id="grade_m2_m3_or_ungraded_within_limit",
            text=(
                "The conviction is a second- or third-degree misdemeanor (an ungraded misdemeanor qualifies only "
                "if its maximum sentence is within the limit; a lawyer checks)."
            ),
            cite=f"{SECTION}(a)(1)",
            test=OneOf(
                Fact("grade"),
                Param("pa.clean_slate.misdemeanor_grades"),
                Param("pa.clean_slate.misdemeanor_grades_to_review"),
            ),
        ),
        *money_conditions(f"{SECTION}(a)(1)"),
        *MISDEMEANOR_EXCEPTIONS,
    ),
    waits=(
        Wait(
            id="free_from_conviction",
            text=said(
                "Years have passed without a conviction for any offence punishable by a year or more ({}).",
                "pa.clean_slate.misdemeanor_free_years",
            ),
            cite=f"{SECTION}(a)(1)",
            start=free_from_conviction_since(),
            years=Param("pa.clean_slate.misdemeanor_free_years"),
        ),
    ),
    automatic=True,
    effective=CLEAN_SLATE,
    note="Sealed by the courts and State Police without a petition, in monthly batches once eligible.",
)

DRUG_FELONY = Rule(
    id="PA-9122.2-a1-drug-felony",
    jurisdiction="PA",
    relief=Relief.AUTOMATIC_SEALING,
    section=f"{SECTION}(a)(1) (Act 36 of 2023); 18 Pa.C.S. § 9102 (qualifying offense)",
    title="Automatic sealing of a qualifying drug felony after ten years free from conviction",
    statute_text=(
        '§ 9102: "Qualifying offense." An offense under section 13 of the act of April 14, 1972 (P.L.233, '
        "No.64), known as The Controlled Substance, Drug, Device and Cosmetic Act, or an attempt, conspiracy "
        "or solicitation to commit an offense under section 13 of The Controlled Substance, Drug, Device and "
        "Cosmetic Act, unless a minimum sentence of 30 months or more of imprisonment or a maximum sentence of "
        "60 months or more of imprisonment was imposed on the offense. [§ 9122.2(a)(1) as amended by Act 36 of "
        "2023, in force 2024-06-11: a qualifying offense is subject to limited access after ten years free "
        "from conviction and payment of restitution; exact wording unverified, see docs/jurisdictions/pa.md.]"
    ),
    conditions=(
        CONVICTED,
        Condition(
            id="drug_act_section_13",
            text="The conviction is under section 13 of the Controlled Substance, Drug, Device and Cosmetic Act.",
            cite="18 Pa.C.S. § 9102",
            test=statute_in("pa.clean_slate.qualifying_offense_statutes"),
        ),
        Condition(
            id="graded_felony",
            text="The conviction is a felony (drug misdemeanors follow the misdemeanor rule).",
            cite=f"{SECTION}(a)(1)",
            test=OneOf(Fact("grade"), FELONIES),
        ),
        Condition(
            id="sentence_under_30_and_60_months",
            text=(
                "No minimum sentence of 30 months or more and no maximum of 60 months or more was imposed "
                "(a county or probation sentence shows this; a state prison sentence needs the sentencing order)."
            ),
            cite="18 Pa.C.S. § 9102",
            test=sentence_under_qualifying_limit(),
        ),
        *money_conditions(f"{SECTION}(a)(1)"),
        *FELONY_EXCEPTIONS,
    ),
    waits=(
        Wait(
            id="free_from_conviction",
            text=said(
                "{} years have passed without a conviction for any offence punishable by a year or more.",
                "pa.clean_slate.drug_felony_free_years",
            ),
            cite=f"{SECTION}(a)(1)",
            start=free_from_conviction_since(),
            years=Param("pa.clean_slate.drug_felony_free_years"),
        ),
    ),
    automatic=True,
    effective=ACT_36_OF_2023_AUTOMATED,
    note=(
        "Attempt, conspiracy or solicitation to commit a drug offence is recorded under 18 Pa.C.S. §§ 901-903 "
        "and is not recognised here."
    ),
)

NONCONVICTION = Rule(
    id="PA-9122.2-a2-nonconviction",
    jurisdiction="PA",
    relief=Relief.AUTOMATIC_SEALING,
    section=f"{SECTION}(a)(2)",
    title="Automatic sealing of a charge that did not end in a conviction",
    statute_text=(
        "(2) Criminal history record information pertaining to charges which resulted in a final "
        "disposition other than a conviction."
    ),
    conditions=(
        Condition(
            id="final_disposition_not_a_conviction",
            text=(
                "The charge ended without a conviction (not guilty, dismissed, withdrawn, nolle prossed, or "
                "diversion completed)."
            ),
            cite=f"{SECTION}(a)(2)",
            test=OneOf(Fact("disposition"), NOT_CONVICTED),
        ),
    ),
    automatic=True,
    effective=CLEAN_SLATE,
    note="The courts send these to the State Police within 30 days after the disposition (§ 9122.2(b)).",
)

SUMMARY = Rule(
    id="PA-9122.2-a3-summary",
    jurisdiction="PA",
    relief=Relief.AUTOMATIC_SEALING,
    section=f"{SECTION}(a)(3)",
    title="Automatic sealing of a summary conviction",
    statute_text=(
        "(3) Criminal history record information pertaining to a conviction for a summary offense when 10 "
        "years have elapsed since entry of the judgment of conviction and payment of all court-ordered "
        "restitution has occurred. [Five years from 2024-06-11 (Act 36 of 2023), per secondary sources.]"
    ),
    conditions=(
        CONVICTED,
        Condition(
            id="summary_offense",
            text="The conviction is for a summary offence.",
            cite=f"{SECTION}(a)(3)",
            test=Compare("==", Fact("grade"), Const("S")),
        ),
        *money_conditions(f"{SECTION}(a)(3)"),
    ),
    waits=(
        Wait(
            id="years_since_judgment",
            text=said("Years have passed since the judgment of conviction ({}).", "pa.clean_slate.summary_years"),
            cite=f"{SECTION}(a)(3)",
            start=Fact("disposition_date"),
            years=Param("pa.clean_slate.summary_years"),
        ),
    ),
    automatic=True,
    effective=CLEAN_SLATE,
)

PARDON = Rule(
    id="PA-9122.2-a4-pardon",
    jurisdiction="PA",
    relief=Relief.AUTOMATIC_SEALING,
    section=f"{SECTION}(a)(4)",
    title="Automatic sealing of a pardoned conviction",
    statute_text="(4) Criminal history record information pertaining to a conviction for which a pardon was granted.",
    conditions=(
        CONVICTED,
        Condition(
            id="conviction_pardoned",
            text="The Governor pardoned this conviction.",
            cite=f"{SECTION}(a)(4)",
            test=pardon_recorded(),
        ),
    ),
    automatic=True,
    effective=ACT_83_OF_2020,
)

RULES = (MISDEMEANOR, DRUG_FELONY, NONCONVICTION, SUMMARY, PARDON)

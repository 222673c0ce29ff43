"""18 Pa.C.S. § 9122 — Expungement.

(a) Specific proceedings.--Criminal history record information in a specific criminal
proceeding shall be expunged when: (1) no disposition has been received or, upon request for
criminal history record information, no disposition has been recorded in the repository within
18 months after the date of arrest and the court of proper jurisdiction certifies to the
director of the repository that no disposition is available and no action is pending.
Expungement shall not occur until the certification from the court is received and the
director of the repository authorizes such expungement; (2) a court order requires that such
nonconviction data be expunged; (2.1) a person has been granted an unconditional pardon for an
offense in accordance with law; (3) a person 21 years of age or older who has been convicted of
a violation of section 6308 (relating to purchase, consumption, possession or transportation of
liquor or malt or brewed beverages), which occurred on or after the day the person attained 18
years of age, petitions the court of common pleas in the county where the conviction occurred
seeking expungement and the person has satisfied all terms and conditions of the sentence
imposed for the violation, including any suspension of operating privileges imposed pursuant to
section 6310.4 (relating to restriction of operating privileges). Upon review of the petition,
the court shall order the expungement ...; or (4) a judicial determination has been made that a person is
acquitted of an offense, if the person has been acquitted of all charges based on the same
conduct or arising from the same criminal episode following a trial and a verdict of not
guilty. This paragraph shall not apply to a partial acquittal. ...

(b) Generally.--Criminal history record information may be expunged when: (1) An individual
who is the subject of the information reaches 70 years of age and has been free of arrest or
prosecution for ten years following final release from confinement or supervision. (2) An
individual who is the subject of the information has been dead for three years. (3)(i) An
individual who is the subject of the information petitions the court for the expungement of
a summary offense and has been free of arrest or prosecution for five years following the
conviction for that offense. (ii) Expungement under this paragraph shall only be permitted
for a conviction of a summary offense.

(b.1) Prohibition.--A court shall not have the authority to order expungement of the
defendant's arrest record where the defendant was placed on Accelerated Rehabilitative
Disposition for a violation of any offense set forth in any of the following where the
victim is under 18 years of age: [§§ 3121, 3122.1, 3123, 3124.1, 3125, 3126, 3127, 5902(b) or
(b.1), 5903].

(c) Maintenance of certain information required or authorized.-- ... persons whose records
are required by law or court rule to be expunged where the individual has successfully
completed the conditions of any pretrial or posttrial diversion or probation program. ...

(a)(1)-(4) read in the official text (legis.state.pa.us, § 9122, read 2026-11-29).

Nonconviction data is expunged by petition to the court of common pleas (Pa.R.Crim.P. 790);
ARD records on dismissal (Pa.R.Crim.P. 320). Sources and verification: docs/jurisdictions/pa.md.

Longer than 400 lines on purpose: one module per statute section, its text quoted beside its rules.
"""

from __future__ import annotations

from datetime import date

from ...lang import (
    And,
    Compare,
    Condition,
    Const,
    Exists,
    Fact,
    Known,
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
from .offenses import (
    convicted,
    final_release_and_no_arrest_since,
    money_paid_in_full,
    pardon_recorded,
    review_unless,
    statute_in,
    supervision_completed,
)

said = speaker(__file__)  # numbers in texts for people, from this state's params.yaml
SECTION = "18 Pa.C.S. § 9122"

#: The Criminal History Record Information Act (Act 47 of 1979) took effect 1980-01-01.
CHRIA = date(1980, 1, 1)
#: Act 83 of 2020 (HB 440), in force 2020-12-29: automatic expungement after a full acquittal.
ACT_83_OF_2020 = date(2020, 12, 29)
#: Act 36 of 2023 (HB 689), automated provisions in force 2024-06-11 (180 days after 2023-12-14).
#: § 9122(a)(2.1) is one of them: the Governor's Office announced on 2024-06-11 that the automatic
#: expungement of pardoned records "takes effect" that day (not the 2024-02-12 petition date).
ACT_36_OF_2023_AUTOMATED = date(2024, 6, 11)
#: § 9122(a)(3) (underage drinking at 21): its enactment date was not verified. The earliest dated
#: source read that describes it is of June 2021 (and SB 944 PN 1125 of 2023-09-28 prints it as existing
#: law), so it is treated as in force from the end of that month: earlier as-of dates get "not in force"
#: (never a more favourable answer than the law gave).
UNDERAGE_DRINKING_VERIFIED = date(2021, 6, 30)

NO_DISPOSITION = Rule(
    id="PA-9122-a1-no-disposition",
    jurisdiction="PA",
    relief=Relief.EXPUNGEMENT,
    section=f"{SECTION}(a)(1)",
    title="Expungement of an arrest with no disposition 18 months later",
    statute_text=(
        "(a) Specific proceedings.--Criminal history record information in a specific criminal proceeding shall "
        "be expunged when: (1) no disposition has been received or, upon request for criminal history record "
        "information, no disposition has been recorded in the repository within 18 months after the date of "
        "arrest and the court of proper jurisdiction certifies to the director of the repository that no "
        "disposition is available and no action is pending. Expungement shall not occur until the "
        "certification from the court is received and the director of the repository authorizes such "
        "expungement;"
    ),
    conditions=(
        Condition(
            id="no_disposition_recorded",
            text=(
                "No outcome (disposition) of this charge was ever recorded and nothing is pending in court; the "
                "court must certify this to the State Police. A record that shows an outcome, or a pending case, "
                "does not qualify; a record that shows none needs the court's check."
            ),
            cite=f"{SECTION}(a)(1)",
            # Never true from the record: a missing disposition may mean "none recorded" or just "not told
            # us", so it is unknown; any recorded disposition (including "pending") is false.
            test=OneOf(Fact("disposition"), ()),
        ),
    ),
    waits=(
        Wait(
            id="eighteen_months_since_arrest",
            text=said("{} months have passed since the arrest.", "pa.expungement.no_disposition_months"),
            cite=f"{SECTION}(a)(1)",
            start=Fact("arrest_date"),
            months=Param("pa.expungement.no_disposition_months"),
        ),
    ),
    effective=CHRIA,
    note=(
        "The court of common pleas certifies to the State Police central repository; the person can ask the "
        "clerk of courts. Only a court's search can show that no disposition exists, so this is always a review."
    ),
)

UNDERAGE_DRINKING = Rule(
    id="PA-9122-a3-underage-drinking",
    jurisdiction="PA",
    relief=Relief.EXPUNGEMENT,
    section=f"{SECTION}(a)(3)",
    title="Expungement of an underage drinking conviction at age 21",
    statute_text=(
        "(3) a person 21 years of age or older who has been convicted of a violation of section 6308 (relating "
        "to purchase, consumption, possession or transportation of liquor or malt or brewed beverages), which "
        "occurred on or after the day the person attained 18 years of age, petitions the court of common pleas "
        "in the county where the conviction occurred seeking expungement and the person has satisfied all "
        "terms and conditions of the sentence imposed for the violation, including any suspension of operating "
        "privileges imposed pursuant to section 6310.4 (relating to restriction of operating privileges). Upon "
        "review of the petition, the court shall order the expungement of all criminal history record "
        "information and all administrative records of the Department of Transportation relating to said "
        "conviction;"
    ),
    conditions=(
        Condition(
            id="underage_drinking_conviction",
            text=(
                "The charge is a conviction under 18 Pa.C.S. § 6308 (underage purchase, consumption or "
                "possession of alcohol)."
            ),
            cite=f"{SECTION}(a)(3)",
            test=And((convicted(), statute_in("pa.expungement.underage_drinking_statutes"))),
        ),
        Condition(
            id="violation_at_18_or_older",
            text="The violation happened on or after the person's 18th birthday (earlier ones are juvenile matters).",
            cite=f"{SECTION}(a)(3)",
            test=Compare(
                ">=",
                Fact("offense_date"),
                Shift(Fact("birth_date"), Param("pa.expungement.underage_drinking_adult_age")),
            ),
        ),
        Condition(
            id="sentence_satisfied",
            text="Every fine, cost and restitution is paid and any probation was completed.",
            cite=f"{SECTION}(a)(3)",
            test=And((money_paid_in_full(), supervision_completed())),
        ),
        Condition(
            id="license_suspension_served",
            text=(
                "Any suspension of the driver's license for this conviction (18 Pa.C.S. § 6310.4) has ended. The "
                "record does not show it: check the PennDOT driving record."
            ),
            cite=f"{SECTION}(a)(3)",
            test=review_unless(Not(convicted())),  # never decided for a conviction: the record has no license facts
        ),
    ),
    waits=(
        Wait(
            id="age_21",
            text=said("The person has reached {} years of age.", "pa.expungement.underage_drinking_age"),
            cite=f"{SECTION}(a)(3)",
            start=Fact("birth_date"),
            years=Param("pa.expungement.underage_drinking_age"),
        ),
    ),
    effective=UNDERAGE_DRINKING_VERIFIED,
    note=(
        "The court shall order it on petition (Pa.R.Crim.P. 790), and PennDOT's records of the conviction go "
        "too. A summary conviction may also be expunged under § 9122(b)(3) after five arrest-free years."
    ),
)

NONCONVICTION = Rule(
    id="PA-9122-a2-nonconviction",
    jurisdiction="PA",
    relief=Relief.EXPUNGEMENT,
    section=f"{SECTION}(a)(2)",
    title="Expungement of a charge that did not end in a conviction",
    statute_text=(
        "(a) Specific proceedings.--Criminal history record information in a specific criminal "
        "proceeding shall be expunged when: ... (2) a court order requires that such "
        "nonconviction data be expunged;"
    ),
    conditions=(
        Condition(
            id="not_a_conviction",
            text="The charge ended without a conviction (not guilty, dismissed, withdrawn or nolle prossed).",
            cite=f"{SECTION}(a)(2)",
            test=OneOf(Fact("disposition"), ("not_guilty", "dismissed", "withdrawn", "nolle_prossed")),
        ),
    ),
    note="Non-convictions include not guilty, dismissed, withdrawn and nolle prossed; ARD is PA-9122-c-diversion.",
)

PARDON = Rule(
    id="PA-9122-a2.1-pardon",
    jurisdiction="PA",
    relief=Relief.EXPUNGEMENT,
    section=f"{SECTION}(a)(2.1)",
    title="Expungement of a pardoned conviction",
    statute_text=(
        "(a) Specific proceedings.--Criminal history record information in a specific criminal "
        "proceeding shall be expunged when: ... (2.1) a person has been granted an unconditional "
        "pardon for an offense in accordance with law;"
    ),
    conditions=(
        Condition(
            id="convicted", text="The charge ended in a conviction.", cite=f"{SECTION}(a)(2.1)", test=convicted()
        ),
        Condition(
            id="conviction_pardoned",
            text="The Governor pardoned this conviction (the pardon must be unconditional).",
            cite=f"{SECTION}(a)(2.1)",
            test=pardon_recorded(),
        ),
    ),
    automatic=True,
    effective=ACT_36_OF_2023_AUTOMATED,
    note=(
        "In force 2024-06-11 with Act 36 of 2023's automated provisions (Governor's Office, 2024-06-11). Before "
        "it, a pardoned conviction was expunged by petition (Commonwealth v. C.S., 534 A.2d 1053 (Pa. 1987)); "
        "that case-law route is not encoded. The record's `pardoned` does not say whether a pardon was "
        "conditional."
    ),
)

ACQUITTAL = Rule(
    id="PA-9122-a4-acquittal",
    jurisdiction="PA",
    relief=Relief.EXPUNGEMENT,
    section=f"{SECTION}(a)(4)",
    title="Expungement after acquittal of every charge in the case",
    statute_text=(
        "(4) a judicial determination has been made that a person is acquitted of an offense, if the "
        "person has been acquitted of all charges based on the same conduct or arising from the same "
        "criminal episode following a trial and a verdict of not guilty. This paragraph shall not "
        "apply to a partial acquittal."
    ),
    conditions=(
        Condition(
            id="acquitted",
            text="The charge ended in a verdict of not guilty after a trial.",
            cite=f"{SECTION}(a)(4)",
            test=Compare("==", Fact("disposition"), Const("not_guilty")),
        ),
        Condition(
            id="acquitted_of_all_charges_in_case",
            text=(
                "Every other charge in the same case also ended in not guilty (a partial acquittal does not "
                "qualify; charges withdrawn or dismissed before the verdict need a lawyer's review)."
            ),
            cite=f"{SECTION}(a)(4)",
            test=Not(
                Exists(
                    And(
                        (
                            Compare("==", Other("case_id"), Fact("case_id")),
                            Not(
                                OneOf(
                                    Other("disposition"),
                                    ("not_guilty",),
                                    ("dismissed", "withdrawn", "nolle_prossed", "diversion_completed"),
                                )
                            ),
                        )
                    ),
                    scope="other_charges",
                )
            ),
        ),
    ),
    automatic=True,
    effective=ACT_83_OF_2020,
    note="Expungement follows a 60-day objection period and occurs no later than 12 months from the acquittal.",
)

AGE_70 = Rule(
    id="PA-9122-b1-age-70",
    jurisdiction="PA",
    relief=Relief.EXPUNGEMENT,
    section=f"{SECTION}(b)(1)",
    title="Expungement at age 70 after ten years free of arrest since final release",
    statute_text=(
        "(b) Generally.--Criminal history record information may be expunged when: (1) An individual "
        "who is the subject of the information reaches 70 years of age and has been free of arrest or "
        "prosecution for ten years following final release from confinement or supervision."
    ),
    conditions=(),
    waits=(
        Wait(
            id="age_70",
            text=said("The person has reached {} years of age.", "pa.expungement.age"),
            cite=f"{SECTION}(b)(1)",
            start=Fact("birth_date"),
            years=Param("pa.expungement.age"),
        ),
        Wait(
            id="ten_years_free_of_arrest_since_final_release",
            text=said(
                "{} years have passed since the person's final release from prison, jail, probation or "
                "parole, with no arrest or prosecution since.",
                "pa.expungement.age_arrest_free_years",
            ),
            cite=f"{SECTION}(b)(1)",
            start=final_release_and_no_arrest_since(),
            years=Param("pa.expungement.age_arrest_free_years"),
        ),
    ),
    effective=CHRIA,
    note="The court may (not must) order it; petition under Pa.R.Crim.P. 790.",
)

DECEASED = Rule(
    id="PA-9122-b2-deceased",
    jurisdiction="PA",
    relief=Relief.EXPUNGEMENT,
    section=f"{SECTION}(b)(2)",
    title="Expungement three years after death",
    statute_text=(
        "(b) Generally.--Criminal history record information may be expunged when: ... (2) An individual "
        "who is the subject of the information has been dead for three years."
    ),
    conditions=(
        Condition(
            id="person_has_died",
            text="The person has died.",
            cite=f"{SECTION}(b)(2)",
            test=Known(Fact("death_date")),
        ),
    ),
    waits=(
        Wait(
            id="dead_three_years",
            text=said("{} years have passed since the person's death.", "pa.expungement.deceased_years"),
            cite=f"{SECTION}(b)(2)",
            start=Fact("death_date"),
            years=Param("pa.expungement.deceased_years"),
        ),
    ),
    effective=CHRIA,
)

SUMMARY = Rule(
    id="PA-9122-b3-summary",
    jurisdiction="PA",
    relief=Relief.EXPUNGEMENT,
    section=f"{SECTION}(b)(3)",
    title="Expungement of a summary conviction after five arrest-free years",
    statute_text=(
        "(3)(i) An individual who is the subject of the information petitions the court for the "
        "expungement of a summary offense and has been free of arrest or prosecution for five years "
        "following the conviction for that offense. (ii) Expungement under this paragraph shall only "
        "be permitted for a conviction of a summary offense."
    ),
    conditions=(
        Condition(
            id="summary_conviction",
            text="The charge is a conviction for a summary offense.",
            cite=f"{SECTION}(b)(3)(ii)",
            test=And((convicted(), Compare("==", Fact("grade"), Const("S")))),
        ),
        Condition(
            id="no_arrest_within_five_years_after_conviction",
            text="The person was not arrested or prosecuted in another case in the five years after this conviction.",
            cite=f"{SECTION}(b)(3)(i)",
            test=Not(
                Exists(
                    And(
                        (
                            Compare(">=", Other("arrest_date"), Fact("disposition_date")),
                            Compare(
                                "<",
                                Other("arrest_date"),
                                Shift(Fact("disposition_date"), Param("pa.expungement.summary_arrest_free_years")),
                            ),
                        )
                    )
                )
            ),
        ),
    ),
    waits=(
        Wait(
            id="five_years_since_conviction",
            text=said("{} years have passed since the summary conviction.", "pa.expungement.summary_arrest_free_years"),
            cite=f"{SECTION}(b)(3)(i)",
            start=Fact("disposition_date"),
            years=Param("pa.expungement.summary_arrest_free_years"),
        ),
    ),
    effective=date(2009, 1, 26),
    note=(
        "Read as the five years immediately following the conviction: a later arrest does not undo a "
        "five-year arrest-free period already completed (see docs/jurisdictions/pa.md)."
    ),
)

DIVERSION = Rule(
    id="PA-9122-c-diversion",
    jurisdiction="PA",
    relief=Relief.EXPUNGEMENT,
    section=f"{SECTION}(c); Pa.R.Crim.P. 320; 35 P.S. §§ 780-117, 780-119(a)",
    title="Expungement after completing ARD, Section 17 probation without verdict, or another diversion program",
    statute_text=(
        "(b.1) Prohibition.--A court shall not have the authority to order expungement of the defendant's "
        "arrest record where the defendant was placed on Accelerated Rehabilitative Disposition for a "
        "violation of any offense set forth in any of the following where the victim is under 18 years of "
        "age: ... (c) ... persons whose records are required by law or court rule to be expunged where the "
        "individual has successfully completed the conditions of any pretrial or posttrial diversion or "
        "probation program. [35 P.S. § 780-119(a):] Any records of arrest or prosecution or both for a "
        "criminal offense under this act, except for persons indicted for violations of clause (30) of "
        "subsection (a) of section 13, ... shall be promptly expunged ... when the charges are withdrawn or "
        "dismissed or the person is acquitted of the charges: Provided, That such expungement shall be "
        "available as a matter of right to any person only once."
    ),
    conditions=(
        Condition(
            id="diversion_completed",
            text=(
                "The person successfully completed ARD, Section 17 probation without verdict (35 P.S. § 780-117: "
                "discharged and the proceedings dismissed) or another diversion program for this charge."
            ),
            cite=f"{SECTION}(c)",
            test=Compare("==", Fact("disposition"), Const("diversion_completed")),
        ),
        Condition(
            id="not_ard_for_listed_sexual_offense",
            text=(
                "The charge is not one of the sexual offences for which a court may not expunge an ARD "
                "record when the victim was under 18 (if it is, a lawyer must check the victim's age)."
            ),
            cite=f"{SECTION}(b.1)",
            test=review_unless(Not(statute_in("pa.expungement.ard_prohibited_offenses"))),
        ),
    ),
    effective=CHRIA,
    note=(
        "The judge orders expungement when dismissing the charges after ARD (Pa.R.Crim.P. 320). A Section 17 "
        'discharge is a dismissal "without adjudication of guilt" and is recorded as diversion_completed; '
        "§ 780-119(a) makes its expungement a right only once, which the record cannot show (docs/jurisdictions/pa.md)."
    ),
)

RULES = (NO_DISPOSITION, NONCONVICTION, PARDON, UNDERAGE_DRINKING, ACQUITTAL, AGE_70, DECEASED, SUMMARY, DIVERSION)

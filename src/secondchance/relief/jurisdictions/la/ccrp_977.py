"""La. C.Cr.P. art. 977 — Motion to expunge a record of arrest and conviction of a misdemeanor offense.

A. A person may file a motion to expunge his record of arrest and conviction of a misdemeanor
offense if either of the following apply:
(1) The conviction was set aside and the prosecution was dismissed pursuant to Article 894(B) of
this Code.
(2) More than five years have elapsed since the person completed any sentence, deferred
adjudication, or period of probation or parole, and the person has not been convicted of any felony
offense during the five-year period, and has no felony charge pending against him. ...
C. No person shall be entitled to expungement of a record under any of the following circumstances:
(1) The misdemeanor conviction arose from circumstances involving or is the result of an arrest for
a sex offense as defined in R.S. 15:541, except that an interim expungement shall be available as
authorized by the provisions of Article 985.1 of this Code.
(2) The misdemeanor conviction was for domestic abuse battery.
(3) The misdemeanor conviction was for stalking (R.S. 14:40.2).
D. Notwithstanding any provision of law to the contrary, a person may file a motion to expunge his
record of arrest and conviction of a misdemeanor conviction for a first offense possession of
marijuana, tetrahydrocannabinol, or chemical derivatives thereof after ninety days from the date of
conviction.

Text verified on legis.la.gov (Law.aspx?d=919669): Acts 2014, No. 145; Acts 2015, No. 151, eff.
June 23, 2015; Acts 2015, No. 200; Acts 2020, No. 78; Acts 2023, No. 342 (which added (D), applied
from 1 August 2023, the default date for the 2023 regular session's acts).

Readings: "more than five years" is the day after the fifth anniversary of completion; a felony
conviction during the period starts it again (the five years must be free of one). The arrest is the
case: (C)(1) reaches this conviction's statute and the statutes of the other charges of the same
case. Before Acts 2020, No. 78 (in force 1 August 2020) a person could have one misdemeanor
expungement per five years (ten for operating while intoxicated); the record lists grants without
dates, so another misdemeanor expungement before then sends the answer to review. That limit's
text was not verified (docs/jurisdictions/la.md).
"""

from __future__ import annotations

from ...lang import (
    Compare,
    Condition,
    Exists,
    Fact,
    Not,
    OneOf,
    Other,
    Param,
    Relief,
    Rule,
    StatuteIn,
    Wait,
)
from ._common import (
    ACT_78_OF_2020,
    ACT_342_OF_2023,
    CCRP,
    CONVICTED,
    MISDEMEANOR,
    OTHER_CONVICTED,
    TITLE_XXXIV,
    all_of,
    any_of,
    free_since,
    limit,
    no_pending_charge,
    not_already_granted,
    not_in_custody,
    set_aside,
    sex_offense,
    undecided,
)

ARTICLE = f"{CCRP} art. 977"
SET_ASIDE_894 = f"{CCRP} art. 894"

STATUTE_TEXT = (
    "A. A person may file a motion to expunge his record of arrest and conviction of a misdemeanor offense if "
    "either of the following apply: (1) The conviction was set aside and the prosecution was dismissed pursuant "
    "to Article 894(B) of this Code. (2) More than five years have elapsed since the person completed any "
    "sentence, deferred adjudication, or period of probation or parole, and the person has not been convicted of "
    "any felony offense during the five-year period, and has no felony charge pending against him. ... C. No "
    "person shall be entitled to expungement of a record under any of the following circumstances: (1) The "
    "misdemeanor conviction arose from circumstances involving or is the result of an arrest for a sex offense "
    "as defined in R.S. 15:541, except that an interim expungement shall be available as authorized by the "
    "provisions of Article 985.1 of this Code. (2) The misdemeanor conviction was for domestic abuse battery. (3) "
    "The misdemeanor conviction was for stalking (R.S. 14:40.2). D. Notwithstanding any provision of law to the "
    "contrary, a person may file a motion to expunge his record of arrest and conviction of a misdemeanor "
    "conviction for a first offense possession of marijuana, tetrahydrocannabinol, or chemical derivatives "
    "thereof after ninety days from the date of conviction."
)


def _sex_offense_arrest() -> Condition:
    same_case = Compare("==", Other("case_id"), Fact("case_id"))
    return Condition(
        id="not_from_a_sex_offense_arrest",
        text=(
            "The conviction is not for, and did not arise from an arrest for, a sex offense (R.S. 15:541); if it "
            "did, only the felony arrest may be expunged (interim expungement, art. 985.1)."
        ),
        cite=f"{ARTICLE}(C)(1)",
        # This conviction's statute, and every other charge of the same arrest (whatever its outcome): a sex
        # offense, possibly one (asked), or known not to be one (R.S. 15:541; _common.sex_offense).
        test=Not(
            any_of(
                sex_offense(),
                Exists(all_of(same_case, sex_offense(Other, convictions_only=False)), "other_charges"),
            )
        ),
    )


EXCLUSIONS: tuple[Condition, ...] = (
    _sex_offense_arrest(),
    Condition(
        id="not_domestic_abuse_battery_or_stalking",
        text="The conviction is not for domestic abuse battery (R.S. 14:35.3) or stalking (R.S. 14:40.2).",
        cite=f"{ARTICLE}(C)(2)-(3)",
        test=Not(StatuteIn(Fact("statute"), Param("la.misdemeanor_expungement.excluded"))),
    ),
)


def _base(cite: str) -> tuple[Condition, ...]:
    return (
        not_already_granted("Expungement of this conviction", (ARTICLE,), ARTICLE),
        Condition(id="convicted", text="The charge ended in a conviction.", cite=cite, test=CONVICTED),
        Condition(id="misdemeanor", text="The conviction is for a misdemeanor.", cite=cite, test=MISDEMEANOR),
        *EXCLUSIONS,
        not_in_custody(),
    )


SET_ASIDE = Rule(
    id="LA-977-A1-set-aside",
    jurisdiction="LA",
    relief=Relief.EXPUNGEMENT,
    section=f"{ARTICLE}(A)(1)",
    title="Expungement of a misdemeanor after the conviction was set aside under art. 894(B)",
    statute_text=STATUTE_TEXT,
    conditions=(
        *_base(f"{ARTICLE}(A)(1)"),
        Condition(
            id="set_aside_under_894",
            text="The conviction was set aside and the prosecution dismissed under art. 894(B).",
            cite=f"{ARTICLE}(A)(1)",
            test=set_aside(SET_ASIDE_894),
        ),
    ),
    effective=TITLE_XXXIV,
    note="By motion in the district court; no waiting period after the set-aside.",
)

FIVE_YEARS = Rule(
    id="LA-977-A2-five-years",
    jurisdiction="LA",
    relief=Relief.EXPUNGEMENT,
    section=f"{ARTICLE}(A)(2)",
    title="Expungement of a misdemeanor more than five years after the sentence",
    statute_text=STATUTE_TEXT,
    conditions=(
        *_base(f"{ARTICLE}(A)(2)"),
        no_pending_charge(True, f"{ARTICLE}(A)(2)"),
        limit((ARTICLE,), ARTICLE, "misdemeanor", 5, until=ACT_78_OF_2020),
    ),
    waits=(
        Wait(
            id="five_years_free_of_felony_conviction",
            text=(
                "More than five years since the sentence (custody, probation or parole) was completed, with no "
                "felony conviction in them."
            ),
            cite=f"{ARTICLE}(A)(2)",
            start=free_since(OneOf(Other("grade"), ("felony",))),
            years=Param("la.misdemeanor_expungement.wait_years"),
            days=1,
        ),
    ),
    effective=TITLE_XXXIV,
    note=(
        "By motion in the district court, with the district attorney's certificate of no felony conviction in the "
        "five years and no pending felony charge."
    ),
)

_MARIJUANA = StatuteIn(Fact("statute"), Param("la.marijuana_possession"))
#: A possession under R.S. 40:966 whose paragraph the record does not give may be marijuana.
_MAYBE_MARIJUANA = all_of(
    StatuteIn(Fact("statute"), ("R.S. 40:966",)),
    Not(StatuteIn(Fact("statute"), ("R.S. 40:966(A)", "R.S. 40:966(B)", "R.S. 40:966(C)(1)"))),
    undecided(),
)
_EARLIER = Compare("<", Other("disposition_date"), Fact("disposition_date"))

MARIJUANA = Rule(
    id="LA-977-D-marijuana",
    jurisdiction="LA",
    relief=Relief.EXPUNGEMENT,
    section=f"{ARTICLE}(D)",
    title="Expungement of a first-offense marijuana possession ninety days after the conviction",
    statute_text=STATUTE_TEXT,
    conditions=(
        *_base(f"{ARTICLE}(D)"),
        Condition(
            id="marijuana_possession",
            text="The conviction is for possession of marijuana, THC or its derivatives (R.S. 40:966(C)(2)).",
            cite=f"{ARTICLE}(D)",
            test=any_of(_MARIJUANA, _MAYBE_MARIJUANA),
        ),
        Condition(
            id="first_offense",
            text=(
                "It was a first offense: no earlier conviction for possession of marijuana (an earlier conviction "
                "under R.S. 40:966 whose paragraph is not recorded may have been one)."
            ),
            cite=f"{ARTICLE}(D)",
            test=Not(
                any_of(
                    Exists(
                        all_of(
                            OTHER_CONVICTED, StatuteIn(Other("statute"), Param("la.marijuana_possession")), _EARLIER
                        ),
                        "other_charges",
                    ),
                    Exists(
                        all_of(
                            OTHER_CONVICTED,
                            StatuteIn(Other("statute"), ("R.S. 40:966",)),
                            Not(StatuteIn(Other("statute"), ("R.S. 40:966(A)", "R.S. 40:966(B)", "R.S. 40:966(C)(1)"))),
                            _EARLIER,
                            undecided(Other),
                        ),
                        "other_charges",
                    ),
                )
            ),
        ),
    ),
    waits=(
        Wait(
            id="ninety_days_after_conviction",
            text="Ninety days have passed since the conviction.",
            cite=f"{ARTICLE}(D)",
            start=Fact("disposition_date"),
            days=Param("la.marijuana_expungement.wait_days"),
        ),
    ),
    effective=ACT_342_OF_2023,
    note="By motion in the district court.",
)

RULES: tuple[Rule, ...] = (SET_ASIDE, FIVE_YEARS, MARIJUANA)

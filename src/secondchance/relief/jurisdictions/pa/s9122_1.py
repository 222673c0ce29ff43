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
could not be read, so grades they might reach lead to needs-review rather than a guess.

(b) Exceptions, as Act 56 of 2018 enacted them. The official page could not be read past (a.1);
this structure is taken from CLS RecordLib, whose rule functions quote each paragraph
(github.com/CLSPhila/RecordLib, ``ruledefs/simple_sealing_rules.py``; docs/jurisdictions/pa.md):

(1) [no order for a conviction of an offense] punishable by imprisonment of more than two years
    under (i) Article B of Part II (offenses involving danger to the person), (ii) Article D of
    Part II (offenses against the family), (iii) Chapter 61 (firearms), (iv) 42 Pa.C.S.
    §§ 9799.14, 9799.55 (sexual offenses), (v) section 6301(a)(1) (corruption of minors).
(2) [no order for an individual who has been convicted] (i) at any time of murder, a felony of
    the first degree or an offense punishable by more than 20 years; (ii) within the previous 20
    years of (A) a felony or offense punishable by seven or more years under Article B, Chapter
    61, Article D or the sexual offenses, or (B) four or more offenses punishable by [two or one]
    or more years; (iii) within the previous 15 years of (A) two or more offenses punishable by
    more than two years, or (B) an offense under section (I) 3127, (II) 3129, (III) 4915.1 or
    4915.2, (IV) 5122, (V) 5510, (VI) 5515.

What the record cannot settle stays unknown: an ungraded "M" or "F" whose maximum decides a
limit, § 5533 (listed in § 9122.3 but not in RecordLib's (b)(1)), a registrable sexual offense
graded two years or less (RecordLib's text and code disagree), the object of an attempt, and
whether (2)(ii)(B) counts third-degree misdemeanors ("two" or "one" or more years). Whether Act
36 of 2023 changed (b) was not verified.
"""

from __future__ import annotations

from datetime import date

from ...lang import (
    And,
    AsOf,
    Compare,
    Condition,
    Expr,
    Fact,
    IfElse,
    LatestOf,
    Not,
    OneOf,
    Or,
    Other,
    Param,
    Relief,
    Rule,
    Shift,
    StatuteIn,
    Wait,
)
from ...params import speaker
from .offenses import (
    GRADED_FELONIES,
    PUNISHABLE_OVER_TWO_YEARS,
    UNGRADED_MISDEMEANOR,
    convicted,
    free_from_conviction_since,
    money_paid,
    review_unless,
    statute_in,
)
from .s9122_3 import convicted_of_at_least

said = speaker(__file__)  # numbers in texts for people, from this state's params.yaml
SECTION = "18 Pa.C.S. § 9122.1"
#: Act 56 of 2018: the rewritten § 9122.1 in force 180 days after 2018-06-28.
ACT_56_OF_2018_PETITIONS = date(2018, 12, 26)
#: Act 36 of 2023: petition provisions in force 60 days after 2023-12-14.
ACT_36_OF_2023_PETITIONS = date(2024, 2, 12)


EXCLUDED = "pa.clean_slate.excluded_offenses"  # Article B, Article D, Chapter 61, sexual offenses, §§ 5533, 6301
ANIMAL_CRUELTY = "pa.limited_access_petition.not_in_b1"  # in the list above, not in RecordLib's (b)(1)
SEXUAL_TO_REVIEW = "pa.limited_access_petition.sexual_offenses_to_review"


def _undecided(of: type[Fact] | type[Other]) -> Expr:
    """Unknown for a conviction (false otherwise): what the record cannot settle goes to review."""
    return OneOf(of("disposition"), (), ("convicted",))


def _over_two_years(of: type[Fact] | type[Other] = Fact) -> Expr:
    """Punishable by more than two years: F1-F3, F, M1 (18 Pa.C.S. §§ 1103-1104); an ungraded M may be."""
    return OneOf(of("grade"), PUNISHABLE_OVER_TWO_YEARS, UNGRADED_MISDEMEANOR)


def _excluded_kind(of: type[Fact] | type[Other] = Fact) -> Expr:
    """An Article B / Article D / Chapter 61 / sexual offense or § 6301; § 5533 only maybe (see docstring)."""
    in_list = StatuteIn(of("statute"), Param(EXCLUDED))
    maybe_5533 = And((StatuteIn(of("statute"), Param(ANIMAL_CRUELTY)), _undecided(of)))
    return And((in_list, Or((Not(StatuteIn(of("statute"), Param(ANIMAL_CRUELTY))), maybe_5533))))


def _within(years: str, of: type[Fact] | type[Other]) -> Expr:
    """The conviction was entered within the previous ``years`` years (before the as-of date)."""
    return Compare(">", Shift(of("disposition_date"), Param(years)), AsOf())


def _convicted_of(of: type[Fact] | type[Other], grades: tuple[str, ...], maybe: tuple[str, ...] = ()) -> Expr:
    return And((convicted(of), OneOf(of("grade"), grades, maybe)))


def _latest_conviction(test: Expr, other_test: Expr, years: int) -> Expr:
    """The latest conviction date of this charge (if ``test``) and the person's others (if ``other_test``).

    With none, ``years`` before this conviction, so that the wait (``years`` long) ends on this
    conviction's own date: already over, and shown as such rather than as an arbitrary old date.
    """
    this = IfElse(test, Fact("disposition_date"), Shift(Fact("disposition_date"), -years))
    return LatestOf(Other("disposition_date"), other_test, this, scope="other_charges")


def exceptions() -> tuple[tuple[Condition, ...], tuple[Wait, ...]]:
    """The § 9122.1(b) exceptions: bars now as conditions, bars that lapse with time as waits.

    Long on purpose: one entry per paragraph of (b), in the statute's order, so a reviewer reads them side by side.
    """
    cite = f"{SECTION}(b)"
    twenty = "pa.limited_access_petition.long_lookback_years"
    fifteen = "pa.limited_access_petition.short_lookback_years"

    def murder_or_f1(of: type[Fact] | type[Other]) -> Expr:
        # F1 is 20 years; an ungraded felony's maximum is its statute's (may exceed 20 years).
        return And(
            (
                convicted(of),
                Or(
                    (
                        OneOf(of("grade"), ("F1",), ("F",)),
                        StatuteIn(of("statute"), Param("pa.limited_access_petition.murder")),
                    )
                ),
            )
        )

    def serious_kind(of: type[Fact] | type[Other]) -> Expr:
        # "a felony or offense punishable by seven or more years": F1-F3 (F3 is 7 years); ungraded F maybe.
        return And((convicted(of), _excluded_kind(of), OneOf(of("grade"), GRADED_FELONIES, ("F",))))

    def listed(of: type[Fact] | type[Other]) -> Expr:
        return And(
            (convicted(of), StatuteIn(of("statute"), Param("pa.limited_access_petition.disqualifying_offenses")))
        )

    def counted(of: type[Fact] | type[Other], grades: tuple[str, ...], maybe: tuple[str, ...], years: str) -> Expr:
        return And((_convicted_of(of, grades, maybe), _within(years, of)))

    conditions = (
        Condition(
            id="offense_not_excepted",
            text=(
                "The conviction is not for an offense against the person or the family, a firearms or registrable "
                "sexual offense, or corruption of minors that is punishable by more than two years (a first-degree "
                "misdemeanor or a felony); second- and third-degree ones, like most simple assaults, may be sealed."
            ),
            cite=f"{SECTION}(b)(1)",
            # RecordLib quotes the two-year limit for the sexual offenses too, but its code bars them at any
            # grade: a registrable offense graded two years or less (e.g. an M2 indecent assault) is review.
            test=Not(
                Or(
                    (
                        And((_excluded_kind(), _over_two_years())),
                        And((StatuteIn(Fact("statute"), Param(SEXUAL_TO_REVIEW)), _undecided(Fact))),
                    )
                )
            ),
        ),
        Condition(
            id="not_attempt_or_conspiracy",
            text="The offence is not an attempt, solicitation or conspiracy (if it is, a lawyer checks its object).",
            cite=cite,
            test=review_unless(Not(statute_in("pa.inchoate_offenses"))),
        ),
        Condition(
            id="never_convicted_of_murder_or_first_degree_felony",
            text=(
                "The person has never been convicted of murder, a first-degree felony, or an offense punishable by "
                "more than 20 years (this conviction included)."
            ),
            cite=f"{SECTION}(b)(2)(i)",
            test=Not(convicted_of_at_least(1, murder_or_f1(Fact), murder_or_f1(Other))),
        ),
        Condition(
            id="fewer_than_four_convictions_in_twenty_years",
            text=(
                "The person has fewer than four convictions in the last 20 years for offenses punishable by two "
                "years or more (felonies, first- and second-degree misdemeanors; whether third-degree misdemeanors "
                "count is for a lawyer)."
            ),
            cite=f"{SECTION}(b)(2)(ii)(B)",
            test=Not(
                convicted_of_at_least(
                    4,
                    counted(Fact, (*PUNISHABLE_OVER_TWO_YEARS, "M2"), ("M3", "M"), twenty),
                    counted(Other, (*PUNISHABLE_OVER_TWO_YEARS, "M2"), ("M3", "M"), twenty),
                )
            ),
        ),
        Condition(
            id="fewer_than_two_convictions_over_two_years_in_fifteen_years",
            text=(
                "The person has fewer than two convictions in the last 15 years for offenses punishable by more "
                "than two years (first-degree misdemeanors and felonies), this one included."
            ),
            cite=f"{SECTION}(b)(2)(iii)(A)",
            test=Not(
                convicted_of_at_least(
                    2,
                    counted(Fact, PUNISHABLE_OVER_TWO_YEARS, UNGRADED_MISDEMEANOR, fifteen),
                    counted(Other, PUNISHABLE_OVER_TWO_YEARS, UNGRADED_MISDEMEANOR, fifteen),
                )
            ),
        ),
    )
    waits = (
        Wait(
            id="twenty_years_since_serious_conviction",
            text=said(
                "{} years have passed since any felony conviction for an offense against the person or the "
                "family, a firearms offense or a registrable sexual offense.",
                twenty,
            ),
            cite=f"{SECTION}(b)(2)(ii)(A)",
            start=_latest_conviction(serious_kind(Fact), serious_kind(Other), 20),
            years=Param(twenty),
        ),
        Wait(
            id="fifteen_years_since_listed_conviction",
            text=said(
                "{} years have passed since any conviction for indecent exposure, sexual intercourse with an "
                "animal, failure to register, weapons or implements for escape, abuse of corpse or paramilitary "
                "training.",
                fifteen,
            ),
            cite=f"{SECTION}(b)(2)(iii)(B)",
            start=_latest_conviction(listed(Fact), listed(Other), 15),
            years=Param(fifteen),
        ),
    )
    return conditions, waits


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
        *EXCEPTION_CONDITIONS,
    )


EXCEPTION_CONDITIONS, EXCEPTION_WAITS = exceptions()

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
            text=said(
                "Years have passed without a conviction for any offence punishable by a year or more ({}).",
                "pa.limited_access_petition.misdemeanor_free_years",
            ),
            cite=f"{SECTION}(a)",
            start=free_from_conviction_since(),
            years=Param("pa.limited_access_petition.misdemeanor_free_years"),
        ),
        *EXCEPTION_WAITS,
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
            text=said(
                "{} years have passed without a conviction for any offence punishable by a year or more.",
                "pa.limited_access_petition.felony_free_years",
            ),
            cite=f"{SECTION}(a.1)",
            start=free_from_conviction_since(),
            years=Param("pa.limited_access_petition.felony_free_years"),
        ),
        *EXCEPTION_WAITS,
    ),
    effective=ACT_36_OF_2023_PETITIONS,
)

RULES = (MISDEMEANOR, FELONY)

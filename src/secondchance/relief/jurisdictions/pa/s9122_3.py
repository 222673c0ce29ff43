"""18 Pa.C.S. § 9122.3 — Exceptions (to clean slate limited access of convictions).

(a) Limited access not applicable.--Limited access to records under section 9122.2(a)(1)
(relating to clean slate limited access) shall not be granted for any of the following:
(1) A conviction for any of the following or an attempt, conspiracy or solicitation to commit
any of the following: (i) An offense under Article B of Part II (relating to offenses
involving danger to the person). (ii) An offense under Article D of Part II (relating to
offenses against the family). (iii) An offense under Chapter 61 (relating to firearms and
other dangerous articles). (iv) An offense specified under 42 Pa.C.S. §§ 9799.14 (relating to
sexual offenses and tier system) and 9799.55 (relating to registration). (v) An offense under
section 5533 (relating to cruelty to animal). (vi) An offense under section 6301 (relating to
corruption of minors).
(2) An individual who at any time has been convicted of: (i) A felony, excluding a qualifying
offense. (ii) Two or more offenses punishable by imprisonment of more than two years. (iii)
Four or more offenses punishable by imprisonment of one or more years. (iv) An offense under
the following: (A) Section 3127 ... (B) Section 3129 ... (C) Section 4915.1 ... or 4915.2 ...
(D) Section 5122 ... (E) Section 5510 ... (F) [§ 5515, unverified; see the docs].

These are not rules of their own: they are conditions of every § 9122.2(a)(1) rule. The
offence lists are dated parameters in params/pa.yaml. "Two or more" and "four or more" count
this conviction (when it is such an offence) and the person's other convictions, each charge
one offence (``Exists(..., count=n)``); an ungraded misdemeanor may or may not count, so where
it decides the count the case goes to review (see docs/jurisdictions/pa.md).
"""

from __future__ import annotations

from ...lang import And, Compare, Condition, Const, Exists, Expr, Fact, Not, OneOf, Or, Other, Param, StatuteIn
from .offenses import (
    FELONIES,
    PUNISHABLE_ONE_YEAR,
    PUNISHABLE_OVER_TWO_YEARS,
    UNGRADED_MISDEMEANOR,
    convicted,
    grade_in,
    other_conviction,
    review_unless,
    statute_in,
)

SECTION = "18 Pa.C.S. § 9122.3"


def sentence_under_qualifying_limit(of: type[Fact] | type[Other] = Fact) -> Expr:
    """No minimum of 30+ months or maximum of 60+ months was imposed (§ 9102 "qualifying offense").

    The record has no sentence lengths, but a sentence *not* served in state prison had a
    maximum under five years (42 Pa.C.S. § 9762: five years or more go to state prison) and so a
    minimum under 30 months (§ 9756(b)(1): at most half the maximum). A state sentence may or
    may not qualify: unknown, so a lawyer checks the sentencing order.
    """
    return Or((Compare("==", of("state_prison"), Const(False)), OneOf(of("disposition"), (), ("convicted",))))


def qualifying_offense(of: type[Fact] | type[Other] = Fact) -> Expr:
    """A drug felony under 35 P.S. § 780-113 whose sentence was under the § 9102 limits."""
    return And((statute_in("pa.clean_slate.qualifying_offense_statutes", of), sentence_under_qualifying_limit(of)))


def convicted_of_at_least(count: int, this_counts: Expr, others: Expr) -> Expr:
    """Whether the person has been convicted of ``count`` or more such offences, counting this conviction
    (if ``this_counts``) and the other charges convicted of one (``others``: a ``where`` over ``Other`` facts)."""
    with_this = And((this_counts, Exists(others, scope="other_charges", count=count - 1))) if count > 1 else this_counts
    return Or((with_this, Exists(others, scope="other_charges", count=count)))


def exceptions(this_over_two_years: Expr, this_one_year: Expr) -> tuple[Condition, ...]:
    """The § 9122.3(a) conditions for a conviction; ``this_over_two_years`` / ``this_one_year``: whether
    it counts toward (2)(ii) / (2)(iii). Long on purpose: one entry per paragraph of (a), in its order."""
    over_two_years = other_conviction(PUNISHABLE_OVER_TWO_YEARS)
    one_year = other_conviction(PUNISHABLE_ONE_YEAR)
    other_felony = Exists(
        And((convicted(Other), OneOf(Other("grade"), FELONIES), Not(qualifying_offense(Other)))),
        scope="other_charges",
    )
    prior_listed = Param("pa.clean_slate.prior_disqualifying_offenses")
    return (
        Condition(
            id="offense_not_excluded",
            text=(
                "The offence is not an offence against the person, against the family, a firearms offence, a "
                "sexual offence requiring registration, cruelty to animals or corruption of minors."
            ),
            cite=f"{SECTION}(a)(1)",
            test=Not(statute_in("pa.clean_slate.excluded_offenses")),
        ),
        Condition(
            id="not_attempt_or_conspiracy_to_excluded_offense",
            text=(
                "The offence is not an attempt, solicitation or conspiracy (if it is, a lawyer must check "
                "that its object is not one of the excluded offences)."
            ),
            cite=f"{SECTION}(a)(1)",
            test=review_unless(Not(statute_in("pa.inchoate_offenses"))),
        ),
        Condition(
            id="no_felony_conviction",
            text="The person has never been convicted of a felony (other than a qualifying drug felony).",
            cite=f"{SECTION}(a)(2)(i)",
            test=Not(other_felony),
        ),
        Condition(
            id="fewer_than_two_convictions_over_two_years",
            text=(
                "The person has fewer than two convictions, this one included, for offences punishable by more "
                "than two years (first-degree misdemeanors and felonies)."
            ),
            cite=f"{SECTION}(a)(2)(ii)",
            # "(ii) Two or more offenses punishable by imprisonment of more than two years."
            test=Not(convicted_of_at_least(2, this_over_two_years, over_two_years)),
        ),
        Condition(
            id="fewer_than_four_convictions_over_one_year",
            text=(
                "The person has fewer than four convictions, this one included, for offences punishable by one "
                "year or more (any misdemeanor or felony)."
            ),
            cite=f"{SECTION}(a)(2)(iii)",
            # "(iii) Four or more offenses punishable by imprisonment of one or more years."
            test=Not(convicted_of_at_least(4, this_one_year, one_year)),
        ),
        Condition(
            id="no_disqualifying_conviction",
            text=(
                "The person has never been convicted of indecent exposure, sexual intercourse with an animal, "
                "failure to register as a sex offender, weapons for escape, abuse of a corpse or paramilitary training."
            ),
            cite=f"{SECTION}(a)(2)(iv)",
            test=And(
                (
                    Not(StatuteIn(Fact("statute"), prior_listed)),
                    Not(Exists(And((convicted(Other), StatuteIn(Other("statute"), prior_listed))), "other_charges")),
                )
            ),
        ),
    )


#: For a misdemeanor: an M1 counts toward (2)(ii), every graded one toward (2)(iii); an ungraded M might.
MISDEMEANOR_EXCEPTIONS = exceptions(
    grade_in(PUNISHABLE_OVER_TWO_YEARS, UNGRADED_MISDEMEANOR), grade_in(PUNISHABLE_ONE_YEAR, UNGRADED_MISDEMEANOR)
)
#: A drug felony is itself punishable by more than two years (and so by one or more).
FELONY_EXCEPTIONS = exceptions(Const(True), Const(True))

"""Expressions several California sections share, built only from the rule language's nodes.

Why here: "not then serving a sentence, on probation, or charged with an offense" and "not a
serious or violent felony" recur across §§ 1203.4-1203.425; one definition keeps them identical.

Absence is never read as "none": every expression here is monotone in what is known (learning
a missing fact never changes a decided answer; tests/relief/test_properties.py checks it). So
"no probation was granted" and "no jail term was imposed" hold only where the record says so
(``supervision``, ``incarcerated``); absent, they are unknown and the rules that need them answer
"needs review". Completing probation without revocation does show that any jail term imposed as
a condition of it is served.
"""

from __future__ import annotations

from datetime import date

from ...lang import (
    And,
    AsOf,
    Compare,
    Condition,
    Const,
    Exists,
    Expr,
    Fact,
    IfElse,
    Known,
    Not,
    OneOf,
    Or,
    Other,
    Param,
    StatuteIn,
)
from ..supervision import NO_SUPERVISION, PROBATION

#: Dates in the statutes' text. ``Param`` values are numbers or lists, so dates stay here.
JAN_1_1973 = date(1973, 1, 1)  # §§ 851.93(a)(2), 1203.425(a)(1)(B)(v): records from 1973 on
REALIGNMENT = date(2011, 10, 1)  # 2011 Realignment Legislation operative (§ 1170(h); § 1203.42)
AUMA_EFFECTIVE = date(2016, 11, 9)  # Proposition 64 took effect the day after the 8 Nov 2016 election
ENCODED_FROM = date(2023, 7, 1)  # the text encoded here is in force from this date (SB 731 operative)

CONVICTED = OneOf(Fact("disposition"), ("convicted",))
OTHER_CONVICTED = OneOf(Other("disposition"), ("convicted",))


def all_of(*terms: Expr) -> Expr:
    """``And`` over positional terms (the node takes a tuple)."""
    return And(tuple(terms))


def any_of(*terms: Expr) -> Expr:
    """``Or`` over positional terms."""
    return Or(tuple(terms))


def fact_is(name: str, value: bool) -> Expr:
    """``name == value`` for a true/false fact; unknown when the fact is unknown."""
    return Compare("==", Fact(name), Const(value))


def court_decides(disposition: str = "convicted") -> Expr:
    """Unknown for a charge with ``disposition``: the answer turns on law the record cannot show.

    Used only where the statute's test is a legal classification the record does not hold
    (e.g. "would have been eligible for sentencing under § 1170(h)", an offence's maximum
    penalty), so the rule answers "needs review" rather than guess. False for other charges.
    """
    return OneOf(Fact("disposition"), (), unknown=(disposition,))


# ---------------------------------------------------------------- this charge's sentence


def recorded(expr: Expr) -> Expr:
    """True if the fact is known, unknown if not (never false, so it stays sound as facts arrive)."""
    return Compare("==", expr, expr)


#: The court granted probation: the record's kind of supervision is probation (not parole, PRCS
#: or mandatory supervision; see ``jurisdictions/supervision.py``). Unknown names ``supervision``.
PROBATION_GRANTED = PROBATION
#: Probation was not granted: the sentence had another kind of supervision, or none.
NO_PROBATION = Not(PROBATION)

#: Any custody is over: released by the as-of date, or probation completed without revocation.
#: No jail or prison was imposed: the record says so, or recorded custody dates show it was.
NO_JAIL = IfElse(
    Known(Fact("incarcerated")),
    fact_is("incarcerated", False),
    Not(any_of(recorded(Fact("incarceration_start")), recorded(Fact("incarceration_end")))),
)
CUSTODY_OVER = any_of(
    NO_JAIL,
    Compare("<=", Fact("incarceration_end"), AsOf()),
    fact_is("probation_completed", True),
)

#: Any probation or supervision is over: none was imposed, it ended by the as-of date, or was completed.
SUPERVISION_OVER = any_of(
    NO_SUPERVISION,
    Compare("<=", Fact("probation_end"), AsOf()),
    fact_is("probation_completed", True),
)

# ---------------------------------------------------------------- the person's other charges


def _other_done(end: str) -> Expr:
    """Another charge's custody or supervision is over (ended by the as-of date, or probation completed)."""
    return any_of(Compare("<=", Other(end), AsOf()), Compare("==", Other("probation_completed"), Const(True)))


#: "not then serving a sentence for an offense": another conviction whose custody may not be over.
OTHER_SERVING = Exists(all_of(OTHER_CONVICTED, Not(_other_done("incarceration_end"))), "other_charges")
#: "on probation for an offense": another conviction whose probation or supervision may not be over.
OTHER_ON_PROBATION = Exists(
    all_of(
        OTHER_CONVICTED,
        Not(_other_done("probation_end")),
        any_of(recorded(Other("probation_start")), recorded(Other("probation_end"))),
    ),
    "other_charges",
)
#: "charged with the commission of an offense" (another charge still pending).
OTHER_PENDING = Exists(OneOf(Other("disposition"), ("pending",)), "other_charges")


def listed(statute: Expr, always: str, depends: str, undecided: Expr) -> Expr:
    """True if the statute is on the ``always`` list, unknown if on ``depends``, else false."""
    return any_of(StatuteIn(statute, Param(always)), all_of(StatuteIn(statute, Param(depends)), undecided))


def serious_or_violent(statute: Expr, undecided: Expr) -> Expr:
    """A serious (§ 1192.7(c)) or violent (§ 667.5(c)) felony, attempts and conspiracies as § 1192.7(c) says.

    § 1192.7(c)(39): "any attempt to commit a crime listed in this subdivision other than an assault";
    (c)(42): "any conspiracy to commit an offense described in this subdivision". So an attempt
    (§ 664) of a listed non-assault crime and a conspiracy (§ 182) to commit any listed crime are
    serious; an attempted assault, or an inchoate offense of a section listed only by
    § 667.5(c), stays unknown (needs review) rather than decided either way.
    """
    serious = Param("ca.pc_1192_7_c.serious_felonies")
    return any_of(
        StatuteIn(statute, Param("ca.pc_667_5_c.violent_felonies")),
        listed(statute, "ca.pc_1192_7_c.serious_felonies", "ca.serious_or_violent.depends", undecided),
        all_of(StatuteIn(statute, ("PC 664",)), StatuteIn(statute, Param("ca.pc_1192_7_c.serious_attempts"), "listed")),
        all_of(StatuteIn(statute, ("PC 182",)), StatuteIn(statute, serious, "listed")),
    )


def registrable(statute: Expr, undecided: Expr) -> Expr:
    return listed(statute, "ca.pc_290.registrable_offenses", "ca.pc_290.registrable_depends", undecided)


#: The person must register: this conviction or another conviction is a registrable offence.
REGISTRANT = any_of(
    all_of(CONVICTED, registrable(Fact("statute"), court_decides())),
    Exists(
        all_of(OTHER_CONVICTED, registrable(Other("statute"), OneOf(Other("disposition"), (), unknown=("convicted",)))),
        "other_charges",
    ),
)


def not_serving(cite: str) -> Condition:
    return Condition(
        id="not_serving_another_sentence",
        text="The person is not serving a jail or prison sentence for another offense.",
        cite=cite,
        test=Not(OTHER_SERVING),
    )


def not_on_probation(cite: str) -> Condition:
    return Condition(
        id="not_on_probation_for_another_offense",
        text="The person is not on probation or supervision for another offense.",
        cite=cite,
        test=Not(OTHER_ON_PROBATION),
    )


def not_charged(cite: str) -> Condition:
    return Condition(
        id="no_pending_charge",
        text="The person is not charged with another offense (no other charge is pending).",
        cite=cite,
        test=Not(OTHER_PENDING),
    )


def no_other_sentence(cite: str) -> tuple[Condition, ...]:
    """ "Not then serving a sentence for an offense, on probation for an offense, or charged"."""
    return (not_serving(cite), not_on_probation(cite), not_charged(cite))

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
    CitesAny,
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
PROP_47_EFFECTIVE = date(2014, 11, 5)  # Proposition 47 took effect the day after the 4 Nov 2014 election

#: When each section (or path) became law; sources and what could not be verified: docs/jurisdictions/ca.md.
#: §§ 1203.4 (1935), 1203.4a and 17(b) are older than any record screened here; their day of enactment is
#: not encoded, so their rules carry this date and their numbers and lists apply from it. The current
#: exclusion lists are applied to every date: an older, shorter list could only have been more favourable.
LONG_STANDING = date(1900, 1, 1)
PC_1203_41_EFFECTIVE = date(2014, 1, 1)  # AB 651 (Stats. 2013) added § 1203.41 (county-jail felonies)
#: SB 731 (Stats. 2022) extended § 1203.41 to state prison. Sources disagree on the date (1 January or 1 July
#: 2023); the later one is encoded, the less favourable reading (docs/jurisdictions/ca.md).
SB_731_PRISON_PATH = date(2023, 7, 1)
PC_1203_42_EFFECTIVE = date(2018, 1, 1)  # AB 1115 (Stats. 2017, ch. 207) added § 1203.42
#: AB 1076 (Stats. 2019) as amended: DOJ automatic relief "commencing July 1, 2022" (§§ 851.93, 1203.425 (I)-(II)).
AUTOMATIC_RELIEF_OPERATIVE = date(2022, 7, 1)
#: SB 731 set 1 July 2023 for felony arrest relief and § 1203.425(v)(III); AB 134 (Stats. 2023) moved it to
#: 1 July 2024 and the 2024 public safety trailer bill (AB/SB 168) to 1 October 2024, with the 1973 reach-back.
FELONY_AUTOMATIC_RELIEF_OPERATIVE = date(2024, 10, 1)

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


#: "not then serving a sentence for an offense": another conviction whose custody may not be over
#: (``incarcerated: false`` on it says no custody was imposed).
OTHER_SERVING = Exists(
    all_of(
        OTHER_CONVICTED,
        Not(_other_done("incarceration_end")),
        Not(Compare("==", Other("incarcerated"), Const(False))),
    ),
    "other_charges",
)
#: "on probation for an offense": another conviction whose probation or supervision may not be over.
#: ``probation_granted: false`` on the other charge says it carries none (so it cannot be "on probation").
OTHER_ON_PROBATION = Exists(
    all_of(
        OTHER_CONVICTED,
        Not(_other_done("probation_end")),
        Not(Compare("==", Other("probation_granted"), Const(False))),
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


# ---------------------------------------------------------------- relief already granted

#: The petition dismissals: each sets aside the verdict or plea, dismisses the accusation and releases the
#: person "from all penalties and disabilities resulting from the offense" (§§ 1203.4(a)(1), 1203.4a(a),
#: 1203.41(a)(1), 1203.42(a)(1)); § 1203.425 relief does the same and more (§ 1203.425(c)). Once a court has
#: granted one of them on a conviction, another petition gives nothing new for it.
DISMISSAL_GRANTS = ("PC 1203.4", "PC 1203.4a", "PC 1203.41", "PC 1203.42", "PC 1203.425")


def not_already_granted(relief: str, grants: tuple[str, ...], cite: str) -> Condition:
    """The record does not show this relief already granted on the charge (``relief_granted``).

    Absent ``relief_granted`` means none is known (docs/record-format.md: the RAP sheet is the source), so
    the condition holds and today's answers stand; like ``death_date``, the field is a record's way of
    saying something happened, not a fact every record must state. A granted relief fails the rule with
    this condition, which ``relief.explain`` words as "already granted", citing the record's value.
    """
    granted = Fact("relief_granted")
    names = ", ".join(grants)
    return Condition(
        id="not_already_granted",
        text=f"{relief} has not already been granted for this charge (the record lists no grant under {names}).",
        cite=cite,
        test=Not(all_of(Known(granted), CitesAny(granted, grants))),
    )

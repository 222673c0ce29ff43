"""Building blocks the Missouri rules share: grades, convictions, the end of a sentence, limits.

Missouri grades offenses by class (RSMo 557.016, 557.021 since 2017-01-01: felonies A-E,
misdemeanors A-D, infractions) and tries ordinance violations in municipal divisions. A record
writes them ``felony_a`` ... ``felony_e``, ``misdemeanor_a`` ... ``misdemeanor_d``, ``infraction``,
``municipal``, and ``felony`` / ``misdemeanor`` for an unclassified offense (e.g. armed criminal
action, RSMo 571.015) or a class the record does not give. Before 2017 there were classes A-D of
felonies and A-C of misdemeanors; their letters read the same.

Everything here is an expression tree (no callbacks), so the bulk engine compiles it too.
"""

from __future__ import annotations

from ...lang import (
    And,
    CitesAny,
    Compare,
    Const,
    Exists,
    Expr,
    Fact,
    IfElse,
    Known,
    Latest,
    LatestOf,
    Not,
    OneOf,
    Or,
    Other,
    Param,
    StatuteIn,
)
from ..supervision import supervision_ended

CLASSED_FELONIES = ("felony_a", "felony_b", "felony_c", "felony_d", "felony_e")
FELONIES = (*CLASSED_FELONIES, "felony")
MISDEMEANORS = ("misdemeanor_a", "misdemeanor_b", "misdemeanor_c", "misdemeanor_d", "misdemeanor")
GRADES = (*FELONIES, *MISDEMEANORS, "infraction", "municipal")

#: "Any other misdemeanor or felony offense" (RSMo 610.140.5(2)) on another charge of the person, in any
#: state: Missouri's classes and the words other states' records use (felony/misdemeanor, a California
#: wobbler, Pennsylvania's F1-F3, M1-M3). Infractions, ordinance violations and PA summary offenses are not.
OTHER_STATES_FELONIES = ("wobbler", "F1", "F2", "F3", "F")
OTHER_STATES_MISDEMEANORS = ("M1", "M2", "M3", "M")
ANY_FELONY_OR_MISDEMEANOR = (*FELONIES, *MISDEMEANORS, *OTHER_STATES_FELONIES, *OTHER_STATES_MISDEMEANORS)

NOT_CONVICTED = ("not_guilty", "dismissed", "withdrawn", "nolle_prossed")


def convicted(of: type[Fact] | type[Other] = Fact) -> Expr:
    """The charge ended in a finding of guilt (unknown if the disposition is unknown)."""
    return Compare("==", of("disposition"), Const("convicted"))


def found_guilty(of: type[Fact] | type[Other] = Fact) -> Expr:
    """A finding of guilt; unknown for a completed diversion.

    A suspended imposition of sentence (SIS) follows a plea or finding of guilt, and RSMo 610.140
    reaches it (its records are also closed under 610.105); a record may write it ``convicted`` or
    ``diversion_completed``. A completed diversion may be an SIS or a diversion without a plea, so
    it is a lawyer's question, never "no finding of guilt".
    """
    return OneOf(of("disposition"), ("convicted",), ("diversion_completed",))


def grade_in(grades: tuple[str, ...], unknown: tuple[str, ...] = (), of: type[Fact] | type[Other] = Fact) -> Expr:
    return OneOf(of("grade"), grades, unknown)


def statute_in(key: str, of: type[Fact] | type[Other] = Fact) -> Expr:
    return StatuteIn(of("statute"), Param(key))


def undecided(of: type[Fact] | type[Other] = Fact) -> Expr:
    """Unknown for a charge that ended in a conviction, false otherwise: what the record cannot settle."""
    return OneOf(of("disposition"), (), ("convicted",))


def review_unless(test: Expr) -> Expr:
    """``test`` where it holds; unknown (needs review) where it does not, for a conviction."""
    return Or((test, undecided()))


def listed(always: str, depends: str, of: type[Fact] | type[Other] = Fact) -> Expr:
    """True if the statute is on the ``always`` list, unknown if on ``depends`` (the record cannot tell), else false."""
    return Or((statute_in(always, of), And((statute_in(depends, of), undecided(of)))))


def _ended(of: type[Fact] | type[Other], end: str, imposed: str) -> Expr:
    """The recorded end of a part of the sentence, or the sentencing date when none was imposed."""
    none_imposed = Compare("==", of(imposed), Const(False))
    return IfElse(Known(of(end)), of(end), IfElse(none_imposed, of("disposition_date"), of(end)))


def disposition_completed(of: type[Fact] | type[Other] = Fact) -> Expr:
    """The date the person "completed any authorized disposition imposed under section 557.011".

    The latest of the judgment, the end of any jail or prison term, and the end of probation or
    parole (``supervision_ended``: the sentencing date only where the record says there was none).
    The date fines were paid is not in the record format; the wait's text says so.
    """
    return Latest((of("disposition_date"), _ended(of, "incarceration_end", "incarcerated"), supervision_ended(of)))


def obligations_satisfied() -> Expr:
    """Fines, costs and restitution of the charge are paid (0 owed); unknown if either is unknown."""
    return And((Compare("<=", Fact("fines_costs_owed"), Const(0)), Compare("<=", Fact("restitution_owed"), Const(0))))


def no_pending_charge() -> Expr:
    """No other charge of the person is pending (in any court)."""
    return Not(Exists(OneOf(Other("disposition"), ("pending",)), "other_charges"))


def granted(cite: str, of: type[Fact] | type[Other] = Fact) -> Expr:
    """The record shows relief under ``cite`` already granted on the charge (false if none is listed)."""
    return And((Known(of("relief_granted")), CitesAny(of("relief_granted"), (cite,))))


def latest_conviction_since(start: Expr) -> Expr:
    """The later of ``start`` and the date of the person's latest other misdemeanor or felony conviction.

    "The person has not been found guilty of any other misdemeanor or felony offense ... during the
    time period specified" (RSMo 610.140.5(2)). The trial courts in S.Y. v. Askren (WD82451, 2019),
    R.G. v. Missouri State Highway Patrol (580 S.W.3d 38, W.D. 2019) and S.E.M. v. St. Louis County
    (ED107403, 2019) read the period as the years right after the sentence ended and denied petitions
    for a later finding of guilt; the Court of Appeals reversed or affirmed the grant each time, so the
    period is read here as the years before the petition: the wait ends N years after the later of the
    sentence's end and any other such finding of guilt. A finding of guilt before ``start`` changes
    nothing (``LatestOf`` takes the latest). Traffic violations under chapters 304 and 307 do not count
    by the statute's words; they count here when graded a misdemeanor (the chapter is not tested), a
    less favourable reading that a lawyer can correct.
    """
    other_guilty = And((found_guilty(Other), OneOf(Other("grade"), ANY_FELONY_OR_MISDEMEANOR)))
    return LatestOf(Other("disposition_date"), other_guilty, start, scope="other_charges")

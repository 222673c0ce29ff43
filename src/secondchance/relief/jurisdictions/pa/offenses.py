"""Building blocks shared by the Chapter 91 rules: grades, convictions, clocks and exclusions.

Pennsylvania statutes speak of offences "punishable by imprisonment of one or more years" or
"of more than two years". A record carries the grade, and 18 Pa.C.S. § 1104/§ 1103 fix the
maximum of every graded offence (F1 20 years, F2 10, F3 7, M1 5, M2 2, M3 1; a summary
offence 90 days). Ungraded offences ("F", "M") carry the maximum of their own statute, which
the record does not say, so where it matters they are *unknown* and lead to needs-review.

Everything here is an expression tree (no callbacks), so the bulk engine compiles it too.
"""

from __future__ import annotations

from ...lang import (
    And,
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

GRADED_FELONIES = ("F1", "F2", "F3")
FELONIES = ("F1", "F2", "F3", "F")
#: Grades whose maximum is at least one year (18 Pa.C.S. §§ 1103, 1104); "M" depends on its statute.
PUNISHABLE_ONE_YEAR = ("F1", "F2", "F3", "F", "M1", "M2", "M3")
#: Grades whose maximum is more than two years: F1-F3 (7-20 years), M1 (5 years), ungraded felonies.
PUNISHABLE_OVER_TWO_YEARS = ("F1", "F2", "F3", "F", "M1")
UNGRADED_MISDEMEANOR = ("M",)

NOT_CONVICTED = ("not_guilty", "dismissed", "withdrawn", "nolle_prossed", "diversion_completed")


def convicted(fact: type[Fact] | type[Other] = Fact) -> Expr:
    """The charge ended in a conviction (unknown if the disposition is unknown)."""
    return Compare("==", fact("disposition"), Const("convicted"))


def grade_in(
    grades: tuple[str, ...] | Param, unknown: tuple[str, ...] | Param = (), of: type[Fact] | type[Other] = Fact
) -> Expr:
    return OneOf(of("grade"), grades, unknown)


def review_unless(test: Expr) -> Expr:
    """``test`` where it holds; *unknown* (needs review) where it does not, for a conviction.

    Used where the record cannot settle a question the statute asks (the sentence imposed, the
    object of a conspiracy, the victim's age): a false ``test`` then means "a lawyer must look",
    never "not eligible". The unknown comes from ``OneOf`` with the conviction's own disposition
    in its ``unknown`` list, so no new node type is needed.
    """
    return Or((test, OneOf(Fact("disposition"), (), ("convicted", "diversion_completed"))))


def pardon_recorded() -> Expr:
    """The record says the conviction was pardoned.

    A record silent on ``pardoned`` is read as "no pardon" by a stated default applied to the rows
    of both engines (``records.defaults``), not here: the results it decides list the assumption,
    and the screening names the pardon as a remaining path with what it would open. (A rule run on
    rows without defaults still gets unknown, so needs review, never a guess.)
    """
    return Compare("==", Fact("pardoned"), Const(True))


def money_paid(kind: str, column: str, blocking: Param) -> Expr:
    """``column`` is paid (0 owed), or the law in force does not make ``kind`` a condition."""
    return Or((Not(OneOf(Const(kind), blocking)), Compare("<=", Fact(column), Const(0))))


def other_conviction(grades: tuple[str, ...], unknown: tuple[str, ...] = UNGRADED_MISDEMEANOR) -> Expr:
    """Another charge ended in a conviction of one of ``grades`` (unknown grades: ``unknown``)."""
    return And((convicted(Other), OneOf(Other("grade"), grades, unknown)))


def free_from_conviction_since() -> Expr:
    """The date of the person's latest conviction punishable by one or more years.

    "Free from conviction for N years for an offence punishable by one or more years": the clock
    runs from this conviction or any later one (in any case, or another count of this case).
    """
    return LatestOf(
        Other("disposition_date"),
        other_conviction(PUNISHABLE_ONE_YEAR),
        Fact("disposition_date"),
        scope="other_charges",
    )


def ended(of: type[Fact] | type[Other], end: str, imposed: str) -> Expr:
    """The recorded end of a part of the sentence, or the sentencing date when none was imposed."""
    none_imposed = Compare("==", of(imposed), Const(False))
    return IfElse(Known(of(end)), of(end), IfElse(none_imposed, of("disposition_date"), of(end)))


def release_date(of: type[Fact] | type[Other] = Fact) -> Expr:
    """The end of a charge's sentence: the latest of the disposition, release, and supervision end.

    "Final release from confinement or supervision" (§ 9122(b)(1)): supervision of any kind,
    probation or parole (``supervision_ended`` reads the record's kind; its dates are in the
    probation fields), so a parole end is read as the release, not skipped.
    """
    return Latest(
        (
            of("disposition_date"),
            ended(of, "incarceration_end", "incarcerated"),
            supervision_ended(of),
        )
    )


def final_release_and_no_arrest_since() -> Expr:
    """The person's final release from confinement or supervision, or a later arrest.

    § 9122(b)(1) runs "ten years following final release from confinement or supervision" and
    asks that the person be "free of arrest or prosecution" for them, so an arrest in another
    case after release restarts the clock.
    """
    released = LatestOf(release_date(Other), convicted(Other), release_date(), scope="other_charges")
    return LatestOf(Other("arrest_date"), Const(True), released, scope="other_cases")


def statute_in(key: str, of: type[Fact] | type[Other] = Fact) -> Expr:
    return StatuteIn(of("statute"), Param(key))


def no_other_conviction_in(key: str) -> Expr:
    """The person has no *other* conviction of an offence listed in parameter ``key``."""
    return Not(Exists(And((convicted(Other), statute_in(key, Other))), scope="other_charges"))


def money_paid_in_full() -> Expr:
    """Every fine, cost and restitution of the charge is paid (0 owed); unknown if either is unknown."""
    return And((Compare("<=", Fact("fines_costs_owed"), Const(0)), Compare("<=", Fact("restitution_owed"), Const(0))))


def supervision_completed() -> Expr:
    """No probation was imposed, or it was completed (unknown if the record does not say)."""
    return Or(
        (
            Compare("==", Fact("probation_granted"), Const(False)),
            Compare("==", Fact("probation_completed"), Const(True)),
        )
    )

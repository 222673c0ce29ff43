"""Expressions the Louisiana articles share, built only from the rule language's nodes.

Why here: "completed any sentence", "not in the custody of the Department", "no charge pending",
"a crime of violence or sex offense", and the per-period limits recur across arts. 975-978 and the
first-offender pardon; one definition keeps them identical. Every expression is monotone in what is
known: a missing fact is unknown (needs review), never read as "none".
"""

from __future__ import annotations

from datetime import date

from ....records.model import DISPOSITIONS
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
    Latest,
    LatestOf,
    Not,
    OneOf,
    Or,
    Other,
    Param,
    StatuteIn,
)
from ..supervision import kind_is

#: Acts 2014, No. 145 enacted Title XXXIV (arts. 971-995) in force 1 August 2014, replacing R.S. 44:9.
TITLE_XXXIV = date(2014, 8, 1)
#: Acts 2019, No. 268 (SB 98) added art. 978(A)(3) and (B)(3)(e): expungement with a first-offender pardon.
ACT_268_OF_2019 = date(2019, 8, 1)
#: Acts 2020, No. 71 (HB 179): removed the ten years' employment requirement of art. 978(E).
ACT_71_OF_2020 = date(2020, 8, 1)
#: Acts 2020, No. 78 (HB 241): removed the misdemeanor limit of one expungement per five years (not verified).
ACT_78_OF_2020 = date(2020, 8, 1)
#: Acts 2023, No. 342: art. 977(D), first-offense marijuana possession after ninety days.
ACT_342_OF_2023 = date(2023, 8, 1)

CCRP = "La. C.Cr.P."
CONVICTED: Expr = OneOf(Fact("disposition"), ("convicted",))
OTHER_CONVICTED: Expr = OneOf(Other("disposition"), ("convicted",))
FELONY: Expr = OneOf(Fact("grade"), ("felony",))
MISDEMEANOR: Expr = OneOf(Fact("grade"), ("misdemeanor",))


def all_of(*terms: Expr) -> Expr:
    return And(tuple(terms))


def any_of(*terms: Expr) -> Expr:
    return Or(tuple(terms))


def fact_is(name: str, value: bool, of: type[Fact] | type[Other] = Fact) -> Expr:
    return Compare("==", of(name), Const(value))


def undecided(of: type[Fact] | type[Other] = Fact) -> Expr:
    """Unknown for a conviction, false otherwise: the answer turns on law the record cannot show."""
    return OneOf(of("disposition"), (), ("convicted",))


def listed(param: str, review: str | None = None, of: type[Fact] | type[Other] = Fact) -> Expr:
    """The statute is on ``param`` ("commission or attempted commission": an attempt, R.S. 14:27, of a listed
    offense is listed; a conspiracy is for review), or unknown if it is on ``review``."""
    statute = of("statute")
    found = any_of(
        StatuteIn(statute, Param(param)),
        all_of(StatuteIn(statute, ("R.S. 14:27",)), StatuteIn(statute, Param(param), "listed")),
    )
    if review is None:
        return found
    return any_of(found, all_of(StatuteIn(statute, Param(review)), undecided(of)))


def crime_of_violence(of: type[Fact] | type[Other] = Fact) -> Expr:
    """A crime of violence "as defined by or enumerated in R.S. 14:2(B)" (art. 978(B)(1)).

    The enumerated offenses (and attempts) are; but the definition reaches any offense with force against a
    person *or property* as an element, or that "involves the possession or use of a dangerous weapon", so an
    offense off the list is not thereby outside it. Only offenses known to lack those elements
    (``la.not_crimes_of_violence``: theft, forgery, drug possession, DWI, ...) are decided "not"; any other
    conviction is unknown and asked, never read as the more favourable "not a crime of violence".
    """
    enumerated = listed("la.crimes_of_violence", None, of)
    known_not = StatuteIn(of("statute"), Param("la.not_crimes_of_violence"))
    return any_of(enumerated, all_of(Not(known_not), undecided(of)))


#: Every disposition: ``OneOf(disposition, (), ANY_DISPOSITION)`` is unknown whatever the charge's outcome, for
#: questions (an arrest "for a sex offense") that do not turn on a conviction.
ANY_DISPOSITION: tuple[str, ...] = tuple(DISPOSITIONS)


def sex_offense(of: type[Fact] | type[Other] = Fact, convictions_only: bool = True) -> Expr:
    """A sex offense or a criminal offense against a victim who is a minor (R.S. 15:541), or an attempt of one.

    R.S. 15:541's lists (``la.sex_offenses``) are from memory, and an offense may be one of them in some
    forms (``la.sex_offenses.review``); so an offense on neither list is not thereby outside them. Only
    offenses known not to be one (``la.not_sex_offenses``: theft, drugs, DWI, non-sexual batteries, ...) are
    decided "not"; any other is unknown and asked, never read as the more favourable "not a sex offense".
    ``convictions_only=False``: asked whatever the charge's outcome (an arrest, art. 977(C)(1)).
    """
    doubt = undecided(of) if convictions_only else OneOf(of("disposition"), (), ANY_DISPOSITION)
    known_not = StatuteIn(of("statute"), Param("la.not_sex_offenses"))
    return any_of(
        listed("la.sex_offenses", None, of),
        all_of(StatuteIn(of("statute"), Param("la.sex_offenses.review")), doubt),
        all_of(Not(known_not), doubt),
    )


# ---------------------------------------------------------------- this charge's sentence


def completion_date(of: type[Fact] | type[Other] = Fact) -> Expr:
    """When the person "completed any sentence, deferred adjudication, or period of probation or parole".

    Custody ends on the recorded release date (or the sentencing date if the record says no custody was
    imposed); supervision ends on its recorded end (or the sentencing date if there was none). Unknown
    if either is unknown.
    """
    custody_end = IfElse(
        Known(of("incarceration_end")),
        of("incarceration_end"),
        IfElse(fact_is("incarcerated", False, of), of("disposition_date"), of("incarceration_end")),
    )
    supervision_end = IfElse(
        Known(of("probation_end")),
        of("probation_end"),
        IfElse(kind_is("none", of=of), of("disposition_date"), of("probation_end")),
    )
    return Latest((custody_end, supervision_end))


def free_since(other_test: Expr) -> Expr:
    """The sentence's completion, or a later conviction matching ``other_test`` (the period starts again)."""
    return LatestOf(Other("disposition_date"), all_of(OTHER_CONVICTED, other_test), completion_date(), "other_charges")


# ---------------------------------------------------------------- the person's other charges


def _other_done(end: str) -> Expr:
    return any_of(Compare("<=", Other(end), AsOf()), fact_is("probation_completed", True, Other))


#: Art. 975: "in the custody of the Department ... or incarcerated in any correctional facility" for
#: another conviction: custody that may not be over (``incarcerated: false`` says none was imposed).
OTHER_IN_CUSTODY: Expr = Exists(
    all_of(OTHER_CONVICTED, Not(_other_done("incarceration_end")), Not(fact_is("incarcerated", False, Other))),
    "other_charges",
)


def not_in_custody() -> Condition:
    return Condition(
        id="not_in_custody",
        text=(
            "The person is not in the custody of the Department of Public Safety and Corrections or incarcerated "
            "in any correctional facility (for another conviction)."
        ),
        cite=f"{CCRP} art. 975",
        test=Not(OTHER_IN_CUSTODY),
    )


def no_pending_charge(felony_only: bool, cite: str) -> Condition:
    """No (felony) charge pending: another charge still pending, whose grade is felony or unknown."""
    pending: Expr = OneOf(Other("disposition"), ("pending",))
    if felony_only:
        pending = all_of(pending, OneOf(Other("grade"), ("felony",)))
    return Condition(
        id="no_pending_charge",
        text="No felony charge is pending against the person."
        if felony_only
        else "No charge is pending against the person.",
        cite=cite,
        test=Not(Exists(pending, "other_charges")),
    )


def not_already_granted(relief: str, grants: tuple[str, ...], cite: str) -> Condition:
    """The record does not list this relief as already granted on the charge (``relief_granted``)."""
    granted = Fact("relief_granted")
    return Condition(
        id="not_already_granted",
        text=f"{relief} has not already been granted for this charge.",
        cite=cite,
        test=Not(all_of(Known(granted), CitesAny(granted, grants))),
    )


def set_aside(article: str) -> Expr:
    """The record lists the set-aside and dismissal under ``article`` (e.g. ``La. C.Cr.P. art. 894``)."""
    return all_of(Known(Fact("relief_granted")), CitesAny(Fact("relief_granted"), (article,)))


def limit(grants: tuple[str, ...], cite: str, what: str, years: int, until: date | None = None) -> Condition:
    """A limit of one expungement per ``years``: another charge's expungement under ``grants`` may fall in it.

    The record lists grants but not their dates, so another grant sends the answer to review (never to
    "not eligible", which the record cannot show). ``until``: the day the limit stopped being law.
    """
    other_grant = all_of(Known(Other("relief_granted")), CitesAny(Other("relief_granted"), grants))
    terms: tuple[Expr, ...] = (Exists(other_grant, "other_charges"), undecided())
    if until is not None:
        terms = (Compare("<", AsOf(), Const(until)), *terms)
    return Condition(
        id="expungement_limit",
        text=(
            f"No other {what} expungement was granted in the last {years} years (the law allows one in that "
            "period; the record lists another, and its date decides)."
        ),
        cite=cite,
        test=Not(And(terms)),
    )

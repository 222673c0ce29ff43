"""The rule language: statutes as data that a lawyer can read and two engines can run.

A rule is a list of *conditions* (three-valued expressions over one charge, its person, and
the person's other charges) and *waiting periods* (a start date plus a dated number of years
or days). Rules hold no Python callbacks: the per-person explainer (``evaluate.py``) walks
these trees one charge at a time with a trace, and the bulk engine compiles the very same
trees to vectorized column expressions. Unknown facts are ``None`` and propagate with Kleene
logic (``unknown and false`` is false, ``unknown or true`` is true), so a missing fact leads to
"needs review" exactly when it could change the answer.

Statutory numbers (waiting periods, offence lists) are ``Param``\\ s, looked up in dated YAML
(``params/<jurisdiction>.yaml``) for the as-of date, so an amendment is a data edit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import cache
from typing import Literal, TypeAlias

from .citations import Inchoate

# ---------------------------------------------------------------------------- expressions


@dataclass(frozen=True)
class Fact:
    """A fact of the charge being screened: any flat column (``grade``, ``birth_date``, ...)."""

    name: str


@dataclass(frozen=True)
class Other:
    """A fact of *another* charge of the same person; only inside ``Exists`` / ``LatestOf``."""

    name: str


@dataclass(frozen=True)
class Const:
    value: date | str | int | float | bool


@dataclass(frozen=True)
class Param:
    """A dated statutory number or list, resolved for the as-of date."""

    key: str


@dataclass(frozen=True)
class AsOf:
    """The date the screening is computed for."""


CompareOp = Literal["==", "!=", "<", "<=", ">", ">="]


@dataclass(frozen=True)
class Compare:
    op: CompareOp
    left: Expr
    right: Expr


@dataclass(frozen=True)
class OneOf:
    """True if the value is in ``values``, unknown if in ``unknown`` (or missing), else false."""

    expr: Expr
    values: tuple[str, ...] | Param
    unknown: tuple[str, ...] | Param = ()


@dataclass(frozen=True)
class StatuteIn:
    """True if the charge's statute is one of ``sections`` (or a subsection of one).

    Citations are compared in canonical form (``citations.py``), so ``18 § 2702.1 §§ A`` matches
    the section ``18 Pa.C.S. § 2702.1`` but not ``§ 2702``. A citation no grammar can read is
    unknown, never "not listed". An attempt or conspiracy whose object is listed (``664/211 PC``
    against a list naming ``PC 211``) is unknown, or true where the statute says the list reaches
    inchoate offenses (``inchoate="listed"``).
    """

    expr: Expr
    sections: tuple[str, ...] | Param
    inchoate: Inchoate = "review"


@dataclass(frozen=True)
class CitesAny:
    """True if a ``;``-separated list of citations names one of ``sections`` (or a subsection of one).

    For list facts such as ``relief_granted`` (``PC-1203.4;PC-17(B)``: the relief a court already gave
    on this charge). False if no item is listed; unknown if the value is unknown or an item is a
    citation no grammar can read (never "not listed"). Items are read as ``StatuteIn`` reads a statute,
    so ``PC-1203.4A`` is not § 1203.4 and ``PC-17(B)(3)`` is § 17(b).
    """

    expr: Expr
    sections: tuple[str, ...] | Param


@dataclass(frozen=True)
class Known:
    """True if the value is known, false if not; never unknown (e.g. "has died")."""

    expr: Expr


@dataclass(frozen=True)
class And:
    terms: tuple[Expr, ...]


@dataclass(frozen=True)
class Or:
    terms: tuple[Expr, ...]


@dataclass(frozen=True)
class Not:
    term: Expr


@dataclass(frozen=True)
class Shift:
    """A date moved forward by whole years, days, then months (29 February + 1 year = 28 February).

    ``months`` (e.g. "18 months after the date of arrest") clamps to the month's last day as years do
    (31 August + 18 months = 28 February); it is applied after the years and before the days.
    """

    date: Expr
    years: int | Param = 0
    days: int | Param = 0
    months: int | Param = 0


@dataclass(frozen=True)
class IfElse:
    """``then`` where ``test`` holds, ``otherwise`` where it does not; unknown if ``test`` is.

    E.g. the release date: the recorded one, or the sentencing date if no jail was imposed.
    """

    test: Expr
    then: Expr
    otherwise: Expr


@dataclass(frozen=True)
class Latest:
    """The latest of several dates; unknown if any is unknown."""

    dates: tuple[Expr, ...]


Scope = Literal["other_charges", "other_cases"]


@dataclass(frozen=True)
class Exists:
    """Whether at least ``count`` other charges of the person (``Other`` facts) satisfy ``where``.

    ``other_charges``: every other charge; ``other_cases``: charges in the person's other cases.
    A count above one says "two or more offenses" as the statute does: true if that many surely
    match, unknown if that many might (``where`` unknown on enough of them), else false.
    """

    where: Expr
    scope: Scope = "other_cases"
    count: int = 1

    def __post_init__(self) -> None:
        if self.count < 1:
            raise ValueError(f"Exists needs a count of at least 1, not {self.count}")


@dataclass(frozen=True)
class LatestOf:
    """The latest of ``at_least`` and the ``date`` of every other charge matching ``where``.

    E.g. "free from conviction since": the latest of this conviction (``at_least``) and any
    other disqualifying conviction. Unknown if a matching charge has no date, or a charge that
    *might* match (``where`` unknown) has no date or a date later than the answer so far.
    """

    date: Expr
    where: Expr
    at_least: Expr
    scope: Scope = "other_cases"


Expr: TypeAlias = (
    Fact
    | Other
    | Const
    | Param
    | AsOf
    | Compare
    | OneOf
    | StatuteIn
    | CitesAny
    | Known
    | And
    | Or
    | Not
    | Shift
    | IfElse
    | Latest
    | Exists
    | LatestOf
)

# ---------------------------------------------------------------------------- rules


class Relief(StrEnum):
    EXPUNGEMENT = "expungement"
    SEALING = "sealing"
    DISMISSAL = "dismissal"
    REDUCTION = "reduction"
    AUTOMATIC_SEALING = "automatic_sealing"
    PARDON = "pardon"


class Status(StrEnum):
    ELIGIBLE_NOW = "eligible_now"
    ELIGIBLE_ON = "eligible_on"
    NEEDS_REVIEW = "needs_review"
    NOT_ELIGIBLE = "not_eligible"


@dataclass(frozen=True)
class Condition:
    """One requirement of a rule: a reason code, a plain sentence, its citation, and a test.

    ``text`` is also the point a lawyer must settle when the test stays undecided although every fact
    it reads is known (an offense on no list: ``question.<id>`` in ``missing``).
    """

    id: str
    text: str
    cite: str
    test: Expr


@dataclass(frozen=True)
class Wait:
    """A waiting period: relief is available on ``start`` + ``years`` years + ``days`` days."""

    id: str
    text: str
    cite: str
    start: Expr
    years: int | Param = 0
    days: int | Param = 0
    months: int | Param = 0

    @property
    def ends(self) -> Shift:
        return Shift(self.start, self.years, self.days, self.months)


@dataclass(frozen=True)
class Rule:
    """One path to relief under one statute section.

    ``effective``/``repealed`` bound when the rule is law; a rule not in force on the as-of
    date is not considered. Alternatives in a statute ("(1) ... or (2) ...") are separate rules.
    """

    id: str
    jurisdiction: str
    relief: Relief
    section: str
    title: str
    statute_text: str
    conditions: tuple[Condition, ...]
    waits: tuple[Wait, ...] = ()
    automatic: bool = False
    effective: date = date(1900, 1, 1)
    repealed: date | None = None
    note: str = ""
    #: The state's own word for the relief in text for people, where it differs from ``relief`` (Missouri's
    #: automatic relief is "expungement"; the kind stays ``automatic_sealing`` for machines).
    called: str = ""

    def in_force(self, as_of: date) -> bool:
        return self.effective <= as_of and (self.repealed is None or as_of < self.repealed)


@dataclass(frozen=True)
class RemainingPath:
    """What is left when no record relief applies: pardon, clemency, certificates."""

    id: str
    jurisdiction: str
    name: str
    section: str
    text: str
    where_to_start: str


# ---------------------------------------------------------------------------- shared helpers

#: How ``missing`` names a lawyer's question rather than a fact of the record: ``question.<check id>``.
QUESTION = "question."


def question(check_id: str) -> str:
    """The ``missing`` name of a check left undecided with every fact it reads known."""
    return QUESTION + check_id


def children(expr: Expr) -> tuple[Expr, ...]:
    """The sub-expressions of a node (for generic walks such as ``facts_used``)."""
    match expr:
        case Compare(_, left, right):
            return (left, right)
        case OneOf(inner) | StatuteIn(inner) | CitesAny(inner) | Known(inner) | Not(inner):
            return (inner,)
        case And(terms) | Or(terms) | Latest(terms):
            return terms
        case Shift(inner):
            return (inner,)
        case IfElse(test, then, otherwise):
            return (test, then, otherwise)
        case Exists(where):
            return (where,)
        case LatestOf(d, where, at_least):
            return (d, where, at_least)
    return ()


@cache
def facts_used(expr: Expr) -> tuple[str, ...]:
    """The charge facts an expression reads (not under ``Known``, which never goes unknown)."""
    found: list[str] = []

    def walk(node: Expr) -> None:
        if isinstance(node, Fact) and node.name not in found:
            found.append(node.name)
        elif not isinstance(node, Known):
            for child in children(node):
                walk(child)

    walk(expr)
    return tuple(found)


@cache
def other_facts_used(expr: Expr) -> tuple[str, ...]:
    """The ``Other`` facts an aggregate's sub-expressions read."""
    found: list[str] = []

    def walk(node: Expr) -> None:
        if isinstance(node, Other) and node.name not in found:
            found.append(node.name)
        for child in children(node):
            walk(child)

    walk(expr)
    return tuple(found)

"""The record model: a person, their cases, and each charge with its sentence.

Every fact is optional. ``None`` means "not known", and the relief engine answers
"needs review" rather than guess. The flat form (one row per charge, the CSV columns)
is what both the per-person explainer and the bulk engine evaluate rules over.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Final, Literal

from .states import STATES

Kind = Literal["str", "date", "bool", "money"]


class _ByState(Mapping[str, tuple[str, ...]]):
    """A table read from each registered state (``states.STATES``, filled by relief/jurisdictions/) when
    asked: a state may be registered after this module is imported; the table is always the current one."""

    def __init__(self, attribute: str) -> None:
        self._attribute = attribute

    def __getitem__(self, code: str) -> tuple[str, ...]:
        return tuple(getattr(STATES[code], self._attribute))

    def __iter__(self) -> Iterator[str]:
        return iter(list(STATES))

    def __len__(self) -> int:
        return len(STATES)


#: Each state's grades as it writes them (canonical spellings; read case-insensitively): ``State.grades``.
GRADES_BY_JURISDICTION: Final[Mapping[str, tuple[str, ...]]] = _ByState("grades")

#: The kind of supervision that followed (or replaced) custody, for the ``supervision`` field.
#: ``probation_start``/``probation_end``/``probation_completed`` hold the dates and outcome of this
#: supervision, whatever its kind; without ``supervision`` they mean probation (the field names).
SUPERVISION_KINDS: Final = ("probation", "parole", "prcs", "mandatory_supervision", "none")
#: Kinds each state has (``State.supervision``; PRCS and mandatory supervision are California's Realignment).
SUPERVISION_BY_JURISDICTION: Final[Mapping[str, tuple[str, ...]]] = _ByState("supervision")
#: Other spellings accepted for a kind (after lower-casing, spaces and hyphens as ``_``).
SUPERVISION_ALIASES: Final[dict[str, str]] = {
    "postrelease_community_supervision": "prcs",
    "post_release_community_supervision": "prcs",
    "ms": "mandatory_supervision",
    "no_supervision": "none",
}

DISPOSITIONS: Final = (
    "convicted",
    "not_guilty",
    "dismissed",
    "withdrawn",
    "nolle_prossed",
    "diversion_completed",
    "pending",
    "unknown",
)

#: The flat charge row: CSV column name -> kind. Order is the CSV column order.
COLUMNS: Final[dict[str, Kind]] = {
    "person_id": "str",
    "birth_date": "date",
    "death_date": "date",
    "case_id": "str",
    "jurisdiction": "str",
    "county": "str",
    "arrest_date": "date",
    "charge_id": "str",
    "statute": "str",
    "description": "str",
    "grade": "str",
    "offense_date": "date",
    "disposition": "str",
    "disposition_date": "date",
    "incarcerated": "bool",
    "incarceration_start": "date",
    "incarceration_end": "date",
    "incarceration_end_scheduled": "bool",
    "probation_granted": "bool",
    "supervision": "str",
    "probation_start": "date",
    "probation_end": "date",
    "probation_end_scheduled": "bool",
    "probation_completed": "bool",
    "fines_costs_owed": "money",
    "restitution_owed": "money",
    "state_prison": "bool",
    "pardoned": "bool",
    "relief_granted": "str",
}

PERSON_FIELDS: Final = ("birth_date", "death_date")
CASE_FIELDS: Final = ("jurisdiction", "county", "arrest_date")
SENTENCE_FIELDS: Final = (
    "incarcerated",
    "incarceration_start",
    "incarceration_end",
    "incarceration_end_scheduled",
    "probation_granted",
    "supervision",
    "probation_start",
    "probation_end",
    "probation_end_scheduled",
    "probation_completed",
    "fines_costs_owed",
    "restitution_owed",
    "state_prison",
)
CHARGE_FIELDS: Final = (
    "statute",
    "description",
    "grade",
    "offense_date",
    "disposition",
    "disposition_date",
    "pardoned",
    "relief_granted",
)

#: Dates that may lie after the as-of date when marked scheduled: ``<date>_scheduled`` is the mark.
#: What a petition needs beside the facts the rules read: who the person is, the case's
#: numbers and people, and what the court assessed and was paid. All optional; the rules never read
#: them, so they are not flat ``COLUMNS`` (nor bulk columns), but the CSV form accepts them as extra
#: columns (``aliases`` there is one cell, names separated by ``;``). Kind per field:
PERSON_DETAILS: Final[dict[str, Kind]] = {"name": "str", "aliases": "str", "address": "str"}
CASE_DETAILS: Final[dict[str, Kind]] = {
    "docket_number": "str",
    "otn": "str",
    "judge": "str",
    "arresting_agency": "str",
    "complaint_date": "date",
    "amount_assessed": "money",
    "amount_paid": "money",
    "amount_adjusted": "money",
    "amount_balance": "money",
    "restitution_assessed": "money",
    "restitution_paid": "money",
    "restitution_balance": "money",
}
#: The detail columns the CSV form accepts after ``COLUMNS`` (person details, then case details).
DETAIL_COLUMNS: Final[dict[str, Kind]] = {**PERSON_DETAILS, **CASE_DETAILS}

SCHEDULED: Final[dict[str, str]] = {
    "incarceration_end": "incarceration_end_scheduled",
    "probation_end": "probation_end_scheduled",
}


class PartialDate(date):
    """A date known only to its year (``2015``) or month (``2015-06``): the range it stands for.

    It *is* its first day (so it sorts and compares as one), carries its last day in ``last``,
    and writes itself back as it was given. Only ``relief.screen`` evaluates rules over it, at
    the ends of the range (see ``screen.partial_corners``); anything else must treat it as
    unknown or as a range, never as its first day alone.
    """

    last: date

    def __new__(cls, year: int, month: int | None = None) -> PartialDate:
        first = super().__new__(cls, year, month or 1, 1)
        if month is None:
            first.last = date(year, 12, 31)
        else:
            following = date(year + month // 12, month % 12 + 1, 1)
            first.last = date.fromordinal(following.toordinal() - 1)
        return first

    @property
    def first(self) -> date:
        return date(self.year, self.month, self.day)

    @property
    def month_known(self) -> bool:
        return self.last.month == self.month

    def isoformat(self) -> str:
        return f"{self.year:04d}-{self.month:02d}" if self.month_known else f"{self.year:04d}"

    __str__ = isoformat

    def __repr__(self) -> str:
        return f"PartialDate({self.isoformat()!r})"

    def __eq__(self, other: object) -> bool:
        if isinstance(other, PartialDate):
            return self.first == other.first and self.last == other.last
        return False if isinstance(other, date) else NotImplemented

    def __ne__(self, other: object) -> bool:
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    def __hash__(self) -> int:
        return hash((self.first, self.last))

    def __reduce__(self) -> tuple[type[PartialDate], tuple[int, int | None]]:
        return (PartialDate, (self.year, self.month if self.month_known else None))


Value = date | str | bool | float | None
Row = dict[str, Value]


@dataclass(frozen=True)
class Sentence:
    incarcerated: bool | None = None
    incarceration_start: date | None = None
    incarceration_end: date | None = None
    incarceration_end_scheduled: bool | None = None
    probation_granted: bool | None = None
    supervision: str | None = None
    probation_start: date | None = None
    probation_end: date | None = None
    probation_end_scheduled: bool | None = None
    probation_completed: bool | None = None
    fines_costs_owed: float | None = None
    restitution_owed: float | None = None
    state_prison: bool | None = None


@dataclass(frozen=True)
class Charge:
    id: str
    statute: str | None = None
    description: str | None = None
    grade: str | None = None
    offense_date: date | None = None
    disposition: str | None = None
    disposition_date: date | None = None
    sentence: Sentence = field(default_factory=Sentence)
    pardoned: bool | None = None
    #: Relief a court already granted on this charge, as canonical citations joined by ``;`` in order
    #: (``PC-1203.4;PC-17(B)``); the JSON form also takes a list. Absent: none known (docs/record-format.md).
    relief_granted: str | None = None


@dataclass(frozen=True)
class Case:
    id: str
    jurisdiction: str | None = None
    county: str | None = None
    arrest_date: date | None = None
    charges: tuple[Charge, ...] = ()
    # Petition details (CASE_DETAILS): not read by the rules. Amounts are dollars; ``amount_*`` are
    # the case's grand totals (costs, fees, fines and restitution together), ``amount_adjusted`` the
    # total the court took off, and ``restitution_*`` restitution alone where the document shows it.
    docket_number: str | None = None
    otn: str | None = None
    judge: str | None = None
    arresting_agency: str | None = None
    complaint_date: date | None = None
    amount_assessed: float | None = None
    amount_paid: float | None = None
    amount_adjusted: float | None = None
    amount_balance: float | None = None
    restitution_assessed: float | None = None
    restitution_paid: float | None = None
    restitution_balance: float | None = None


@dataclass(frozen=True)
class Person:
    id: str
    birth_date: date | None = None
    death_date: date | None = None
    cases: tuple[Case, ...] = ()
    # Petition details (PERSON_DETAILS): not read by the rules.
    name: str | None = None
    aliases: tuple[str, ...] = ()
    address: str | None = None

    def rows(self) -> list[Row]:
        """The person's charges as flat rows (the CSV / bulk form), in record order."""
        out: list[Row] = []
        for case in self.cases:
            for charge in case.charges:
                row: Row = {
                    "person_id": self.id,
                    "birth_date": self.birth_date,
                    "death_date": self.death_date,
                    "case_id": case.id,
                    "jurisdiction": case.jurisdiction,
                    "county": case.county,
                    "arrest_date": case.arrest_date,
                    "charge_id": charge.id,
                }
                for name in CHARGE_FIELDS:
                    row[name] = getattr(charge, name)
                for name in SENTENCE_FIELDS:
                    row[name] = getattr(charge.sentence, name)
                out.append({name: row[name] for name in COLUMNS})
        return out

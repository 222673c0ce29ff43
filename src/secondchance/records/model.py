"""The record model: a person, their cases, and each charge with its sentence.

Every fact is optional. ``None`` means "not known", and the relief engine answers
"needs review" rather than guess. The flat form (one row per charge, the CSV columns)
is what both the per-person explainer and the bulk engine evaluate rules over.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Final, Literal

Kind = Literal["str", "date", "bool", "money"]

PA_GRADES: Final = ("F1", "F2", "F3", "F", "M1", "M2", "M3", "M", "S")
CA_GRADES: Final = ("felony", "misdemeanor", "infraction", "wobbler")
GRADES_BY_JURISDICTION: Final[dict[str, tuple[str, ...]]] = {"PA": PA_GRADES, "CA": CA_GRADES}

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
    "probation_granted": "bool",
    "probation_start": "date",
    "probation_end": "date",
    "probation_completed": "bool",
    "fines_costs_owed": "money",
    "restitution_owed": "money",
    "state_prison": "bool",
    "pardoned": "bool",
}

PERSON_FIELDS: Final = ("birth_date", "death_date")
CASE_FIELDS: Final = ("jurisdiction", "county", "arrest_date")
SENTENCE_FIELDS: Final = (
    "incarcerated",
    "incarceration_start",
    "incarceration_end",
    "probation_granted",
    "probation_start",
    "probation_end",
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
)

Value = date | str | bool | float | None
Row = dict[str, Value]


@dataclass(frozen=True)
class Sentence:
    incarcerated: bool | None = None
    incarceration_start: date | None = None
    incarceration_end: date | None = None
    probation_granted: bool | None = None
    probation_start: date | None = None
    probation_end: date | None = None
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


@dataclass(frozen=True)
class Case:
    id: str
    jurisdiction: str | None = None
    county: str | None = None
    arrest_date: date | None = None
    charges: tuple[Charge, ...] = ()


@dataclass(frozen=True)
class Person:
    id: str
    birth_date: date | None = None
    death_date: date | None = None
    cases: tuple[Case, ...] = ()

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

"""Screen a person: every rule of each charge's jurisdiction, and what remains if nothing clears.

The JSON shape produced by ``to_json`` is stable and documented in docs/relief-results.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from ..records.model import Person, Row, Value
from .dates import PersonEvaluator
from .evaluate import Check, Result
from .jurisdictions import remaining_paths_for, rules_for
from .lang import RemainingPath, Status

#: How results rank when summarising a charge: what helps soonest first.
STATUS_RANK = {Status.ELIGIBLE_NOW: 0, Status.ELIGIBLE_ON: 1, Status.NEEDS_REVIEW: 2, Status.NOT_ELIGIBLE: 3}


@dataclass(frozen=True)
class ChargeScreening:
    row: Row
    results: tuple[Result, ...]
    note: str | None = None

    @property
    def best(self) -> Result | None:
        """The most helpful result: eligible now, then the earliest date, then needs review."""
        if not self.results:
            return None
        return min(self.results, key=lambda r: (STATUS_RANK[r.status], r.eligible_on or date.max))

    @property
    def cleared(self) -> bool:
        """Whether some relief is available now (a later date still leaves a pardon worth knowing)."""
        return any(r.status is Status.ELIGIBLE_NOW for r in self.results)


@dataclass(frozen=True)
class RemainingForCharges:
    path: RemainingPath
    charges: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Screening:
    person_id: str
    as_of: date
    charges: tuple[ChargeScreening, ...]
    remaining_paths: tuple[RemainingForCharges, ...]


def screen(person: Person, as_of: date) -> Screening:
    """Every relief path for every charge of ``person`` under the law in force on ``as_of``."""
    rows = person.rows()
    evaluator = PersonEvaluator(rows, as_of)  # decides partial dates, projects scheduled ones (dates.py)
    charges = []
    for index, row in enumerate(rows):
        jurisdiction = row["jurisdiction"]
        if not isinstance(jurisdiction, str):
            charges.append(ChargeScreening(row, (), "needs review: missing jurisdiction"))
            continue
        rules = rules_for(jurisdiction, as_of)
        if not rules:
            charges.append(
                ChargeScreening(row, (), f"no {jurisdiction} rules are encoded yet; ask a lawyer in {jurisdiction}")
            )
            continue
        charges.append(ChargeScreening(row, tuple(evaluator.apply(rule, index) for rule in rules)))
    remaining: list[RemainingForCharges] = []
    uncleared = [c for c in charges if not c.cleared]
    for jurisdiction in sorted({str(c.row["jurisdiction"]) for c in uncleared if c.row["jurisdiction"]}):
        refs = tuple(
            (str(c.row["case_id"]), str(c.row["charge_id"])) for c in uncleared if c.row["jurisdiction"] == jurisdiction
        )
        for path in remaining_paths_for(jurisdiction):
            remaining.append(RemainingForCharges(path, refs))
    return Screening(person.id, as_of, tuple(charges), tuple(remaining))


def _json_value(value: Value) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def check_to_json(check: Check) -> dict[str, Any]:
    return {
        "id": check.id,
        "kind": check.kind,
        "text": check.text,
        "cite": check.cite,
        "holds": check.holds,
        "facts": {k: _json_value(v) for k, v in check.facts.items()},
        "ends_on": _json_value(check.ends_on),
    }


def result_to_json(result: Result, with_trace: bool = True) -> dict[str, Any]:
    out: dict[str, Any] = {
        "relief": result.rule.relief.value,
        "status": result.status.value,
        "eligible_on": _json_value(result.eligible_on),
        "rule": result.rule.id,
        "section": result.rule.section,
        "automatic": result.rule.automatic,
        "missing": list(result.missing),
    }
    if result.depends_on:
        out["depends_on"] = [
            {
                "case_id": d.case_id,
                "charge_id": d.charge_id,
                "field": d.field,
                "date": d.date.isoformat(),
                "scheduled": True,
            }
            for d in result.depends_on
        ]
    if with_trace:
        out["trace"] = [check_to_json(c) for c in result.trace]
    return out


def to_json(screening: Screening, with_trace: bool = True) -> dict[str, Any]:
    return {
        "person_id": screening.person_id,
        "as_of": screening.as_of.isoformat(),
        "charges": [
            {
                "case_id": c.row["case_id"],
                "charge_id": c.row["charge_id"],
                "jurisdiction": c.row["jurisdiction"],
                "statute": c.row["statute"],
                "description": c.row["description"],
                "note": c.note,
                "results": [result_to_json(r, with_trace) for r in c.results],
            }
            for c in screening.charges
        ],
        "remaining_paths": [
            {
                "id": r.path.id,
                "jurisdiction": r.path.jurisdiction,
                "name": r.path.name,
                "section": r.path.section,
                "text": r.path.text,
                "where_to_start": r.path.where_to_start,
                "charges": [{"case_id": case, "charge_id": charge} for case, charge in r.charges],
            }
            for r in screening.remaining_paths
        ],
    }

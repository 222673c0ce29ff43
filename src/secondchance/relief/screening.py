"""Screen a person: every rule of each charge's jurisdiction, and what remains if nothing clears.

The JSON shape produced by ``to_json`` is stable and documented in docs/relief-results.md.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from typing import Any

from ..records.defaults import DEFAULTS, with_defaults
from ..records.model import Person, Row, Value
from .dates import PersonEvaluator
from .evaluate import Check, Result
from .explain import assumption_text, conditional_text, headline, missing_text, open_question, rank
from .jurisdictions import remaining_paths_for, rules_for
from .lang import Expr, Fact, Other, RemainingPath, Rule, Status, children
from .semantics import read_statute

#: How results rank when summarising a charge: what helps soonest first.
STATUS_RANK = {Status.ELIGIBLE_NOW: 0, Status.ELIGIBLE_ON: 1, Status.NEEDS_REVIEW: 2, Status.NOT_ELIGIBLE: 3}

#: The remaining paths that make a defaulted fact come true ("if you receive a pardon").
PATHS_FOR_ASSUMPTION: dict[str, tuple[str, ...]] = {"pardoned": ("PA-pardon", "CA-governor-pardon")}


@dataclass(frozen=True)
class ChargeScreening:
    row: Row
    results: tuple[Result, ...]
    note: str | None = None

    #: What a defaulted fact would change if it were wrong: (fact, result had it the opposite value).
    conditional: tuple[tuple[str, Result], ...] = ()

    @property
    def best(self) -> Result | None:
        """The most helpful result (``rank``): a question that cannot improve on a decided answer never leads."""
        if not self.results:
            return None
        return min(self.results, key=rank)

    @property
    def statute_read(self) -> str | None:
        """The statute as its state's grammar read it (canonical), or ``None`` if absent or unreadable."""
        read = read_statute(self.row)["statute"]
        return str(read) if read is not None else None

    @property
    def statute_unreadable(self) -> bool:
        """A citation was given but could not be read: every rule that depends on the offense needs review."""
        return self.row["statute"] is not None and self.statute_read is None

    @property
    def cleared(self) -> bool:
        """Whether some relief is available now (a later date still leaves a pardon worth knowing)."""
        return any(r.status is Status.ELIGIBLE_NOW for r in self.results)


@dataclass(frozen=True)
class RemainingForCharges:
    path: RemainingPath
    charges: tuple[tuple[str, str], ...]
    #: What this path would open, per charge: (case id, charge id, fact, result if it came true).
    unlocks: tuple[tuple[str, str, str, Result], ...] = ()


@dataclass(frozen=True)
class Screening:
    person_id: str
    as_of: date
    charges: tuple[ChargeScreening, ...]
    remaining_paths: tuple[RemainingForCharges, ...]


def screen(person: Person, as_of: date) -> Screening:
    """Every relief path for every charge of ``person`` under the law in force on ``as_of``.

    Rows get the stated defaults of ``records.defaults`` first (as the bulk engine's do). A
    result that a default decided lists it in ``assumptions``; for a charge not cleared now, the
    screening also says what the opposite would open (``ChargeScreening.conditional``). Partial
    dates are decided and scheduled ones projected by ``dates.PersonEvaluator``.
    """
    raw = person.rows()
    rows, assumed = with_defaults(raw)
    evaluator = PersonEvaluator(rows, as_of)
    as_given = PersonEvaluator(raw, as_of) if any(assumed) else evaluator
    charges = []
    for at, row in enumerate(rows):
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
        results = [evaluator.apply(rule, at) for rule in rules]
        if any(assumed):
            results = _with_assumptions(results, at, as_given, assumed)
        screened = ChargeScreening(row, _mark_cannot_improve(tuple(results)))
        if not screened.cleared:
            screened = replace(screened, conditional=_conditional(screened.results, at, evaluator))
        charges.append(screened)
    remaining: list[RemainingForCharges] = []
    uncleared = [c for c in charges if not c.cleared]
    for jurisdiction in sorted({str(c.row["jurisdiction"]) for c in uncleared if c.row["jurisdiction"]}):
        mine = [c for c in uncleared if c.row["jurisdiction"] == jurisdiction]
        refs = tuple((str(c.row["case_id"]), str(c.row["charge_id"])) for c in mine)
        for path in remaining_paths_for(jurisdiction):
            unlocks = tuple(
                (str(c.row["case_id"]), str(c.row["charge_id"]), fact, result)
                for c in mine
                for fact, result in c.conditional
                if path.id in PATHS_FOR_ASSUMPTION.get(fact, ())
            )
            remaining.append(RemainingForCharges(path, refs, unlocks))
    return Screening(person.id, as_of, tuple(charges), tuple(remaining))


@cache
def _reads(rule: Rule) -> frozenset[str]:
    """Every fact a rule reads, of this charge or of another (``Fact`` and ``Other``)."""
    found: set[str] = set()

    def walk(node: Expr) -> None:
        if isinstance(node, Fact | Other):
            found.add(node.name)
        for child in children(node):
            walk(child)

    for condition in rule.conditions:
        walk(condition.test)
    for wait in rule.waits:
        walk(wait.ends)
    return frozenset(found)


def _with_assumptions(
    results: list[Result], at: int, without: PersonEvaluator, assumed: list[frozenset[str]]
) -> list[Result]:
    """Each result that reads an assumed fact, compared with the same rule on the record as given
    (``without`` the defaults): where the answer differs, the assumption decided it and the result lists it."""
    everywhere = frozenset().union(*assumed)
    out = []
    for result in results:
        read = _reads(result.rule) & everywhere
        if read:
            bare = without.apply(result.rule, at)
            if (bare.status, bare.eligible_on) != (result.status, result.eligible_on):
                result = replace(result, assumptions=tuple(sorted(read)))
        out.append(result)
    return out


def _conditional(results: tuple[Result, ...], at: int, person: PersonEvaluator) -> tuple[tuple[str, Result], ...]:
    """For each defaulted fact at its default on this charge (assumed or stated): the results that
    would be better had it the opposite value ("if you receive a pardon: expungement ...")."""
    found: list[tuple[str, Result]] = []
    for fact, default in sorted(DEFAULTS.items()):
        if person.rows[at].get(fact) != default.value:
            continue
        evaluator = person.flipped(at, fact, default.opposite)
        for result in results:
            if fact in _reads(result.rule) and result.status is not Status.ELIGIBLE_NOW:
                other = evaluator.apply(result.rule, at)
                if rank(other) < rank(result):
                    found.append((fact, other))
    return tuple(found)


def _mark_cannot_improve(results: tuple[Result, ...]) -> tuple[Result, ...]:
    """Flag each needs-review result that, even at best, cannot beat a decided result of the same relief.

    At best a needs-review result is eligible on its ``not_before`` day (or now); a decided result
    of the same kind that is eligible now, or on that day or earlier, already does as well.
    """
    decided: dict[str, date] = {}
    for r in results:
        if r.status in (Status.ELIGIBLE_NOW, Status.ELIGIBLE_ON):
            when = date.min if r.status is Status.ELIGIBLE_NOW else (r.eligible_on or date.max)
            decided[r.rule.relief] = min(when, decided.get(r.rule.relief, date.max))
    out = []
    for r in results:
        if r.status is Status.NEEDS_REVIEW and r.rule.relief in decided:
            at_best = r.not_before or date.min
            if decided[r.rule.relief] <= at_best:
                r = replace(r, cannot_improve=True)
        out.append(r)
    return tuple(out)


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


def result_to_json(
    result: Result, with_trace: bool = True, row: Row | None = None, rows: list[Row] | None = None
) -> dict[str, Any]:
    out: dict[str, Any] = {
        "relief": result.rule.relief.value,
        "status": result.status.value,
        "eligible_on": _json_value(result.eligible_on),
        "rule": result.rule.id,
        "section": result.rule.section,
        "automatic": result.rule.automatic,
        "missing": list(result.missing),
        "missing_text": missing_text(result, row, rows or ()),
        "open_question": open_question(result),
        "not_before": _json_value(result.not_before),
        "cannot_improve": result.cannot_improve,
        "concerns": result.concerns,
        "assumptions": [
            {"fact": a, "value": DEFAULTS[a].value, "text": assumption_text(a)} for a in result.assumptions
        ],
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
    rows = [c.row for c in screening.charges]
    return {
        "person_id": screening.person_id,
        "as_of": screening.as_of.isoformat(),
        "charges": [
            {
                "case_id": c.row["case_id"],
                "charge_id": c.row["charge_id"],
                "jurisdiction": c.row["jurisdiction"],
                "statute": c.row["statute"],
                "statute_read": c.statute_read,
                "description": c.row["description"],
                "note": c.note,
                "headline": headline(c.results) if c.results else None,
                "best": c.best.rule.id if c.best else None,
                "results": [result_to_json(r, with_trace, c.row, rows) for r in c.results],
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
                "unlocks": [
                    {
                        "case_id": case,
                        "charge_id": charge,
                        "fact": fact,
                        "rule": result.rule.id,
                        "relief": result.rule.relief.value,
                        "section": result.rule.section,
                        "status": result.status.value,
                        "eligible_on": _json_value(result.eligible_on),
                        "text": conditional_text(fact, result),
                    }
                    for case, charge, fact, result in r.unlocks
                ],
            }
            for r in screening.remaining_paths
        ],
    }

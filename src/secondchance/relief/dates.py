"""Partial and scheduled dates around the explainer: ranges decided at their ends, releases projected.

The evaluator (``evaluate.py``) and the bulk engine work on exact dates. A record may hold two
other kinds (docs/record-format.md):

* **Partial dates** (``2015``, ``2015-06``): a range of days. ``PersonEvaluator`` evaluates a
  rule at every *corner*, each partial date the rule reads at the first or the last day of its
  range (clipped to the as-of date), and keeps the answer only if every corner gives the same
  status and date; otherwise "needs review", naming the partial dates in ``missing``.

  Why the ends suffice (monotonicity). Each comparison in the rule language is a threshold in
  any one date (``d <= x``, ``d + n years <= as_of``; shifts are monotone), so a condition that
  reads a date once is monotone in it, and so are ``And``/``Or``/``Not``/``Latest`` of such
  conditions, status included: with everything else fixed, a status is a step function of the
  date that changes at most where a threshold is crossed, and a threshold crossed between the
  two ends makes the two ends differ. Where a rule reads a date twice it is a window ("an
  offense within one year after judgment"): the window is at least a year long and a partial
  range at most a year, so the two ends cannot both lie outside the window on opposite sides.
  With several partial dates, every combination of ends is tried (up to ``MAX_CORNERS`` dates
  read by one rule; beyond that they count as unknown, which is sound). The hypothesis property
  in tests/relief/test_dates.py checks the consequence: a partial date never gives a more
  favourable answer than some exact date in its range.

* **Scheduled dates** (a release or supervision end marked ``scheduled``): a result decided
  without them stands (by soundness, the dates could not change it). Otherwise the rule is
  evaluated as of each scheduled date it reads, earliest first, with the dates as given: the
  first "eligible now" there is "eligible on" that date, an "eligible on" stays, and the result
  lists the scheduled facts it rests on in ``depends_on``. Anything else keeps the answer
  without them (needs review).

The bulk engine does neither: it reads partial and scheduled dates as unknown (bulk/validate.py).
"""

from __future__ import annotations

import dataclasses
import itertools
from datetime import date
from functools import cache

from ..records.model import CASE_FIELDS, PERSON_FIELDS, SCHEDULED, PartialDate, Row, Value
from .evaluate import Check, Evaluator, Result, ScheduledFact
from .lang import Rule, Status, facts_used, other_facts_used

#: At most this many partial dates read by one rule are tried at their ends (2**n evaluations).
MAX_CORNERS = 6

#: A slot holding one date: ("person", field), ("case", case_id, field) or ("charge", row index, field).
Slot = tuple[object, ...]


@cache
def _rule_facts(rule: Rule) -> tuple[frozenset[str], frozenset[str]]:
    """(facts of the charge, facts of other charges) a rule reads anywhere."""
    exprs = [c.test for c in rule.conditions] + [w.ends for w in rule.waits]
    own = frozenset(name for e in exprs for name in facts_used(e))
    other = frozenset(name for e in exprs for name in other_facts_used(e))
    return own, other


def _slot(rows: list[Row], index: int, field: str) -> Slot:
    if field in PERSON_FIELDS:
        return ("person", field)
    if field in CASE_FIELDS:
        return ("case", rows[index]["case_id"], field)
    return ("charge", index, field)


def _scheduled(row: Row, field: str) -> bool:
    mark = SCHEDULED.get(field)
    return mark is not None and row.get(mark) is True


class PersonEvaluator:
    """Evaluates rules for one person's charges, deciding partial dates and projecting scheduled ones."""

    def __init__(self, rows: list[Row], as_of: date) -> None:
        self.rows = rows
        self.as_of = as_of
        self.partial: dict[Slot, PartialDate] = {}
        self.scheduled: dict[Slot, date] = {}
        for index, row in enumerate(rows):
            for field, value in row.items():
                if isinstance(value, PartialDate):
                    self.partial[_slot(rows, index, field)] = value
                if isinstance(value, date) and _scheduled(row, field):
                    self.scheduled[_slot(rows, index, field)] = value
        self._plain = Evaluator(as_of)

    def flipped(self, index: int, fact: str, value: Value) -> PersonEvaluator:
        """The same person with one charge's non-date ``fact`` set to ``value`` ("had you been pardoned"):
        the dates found by the scan are shared, and the other rows are the same objects (their statutes
        read once), so asking this of every charge stays linear."""
        assert not isinstance(value, date), "a date changes the scan: build a new PersonEvaluator"
        other = PersonEvaluator.__new__(PersonEvaluator)
        other.rows = [{**row, fact: value} if at == index else row for at, row in enumerate(self.rows)]
        other.as_of, other.partial, other.scheduled = self.as_of, self.partial, self.scheduled
        other._plain = Evaluator(self.as_of, statutes_of=self._plain)
        return other

    def apply(self, rule: Rule, index: int) -> Result:
        """The result of ``rule`` for the charge ``rows[index]``."""
        if not self.partial and not self.scheduled:
            return self._plain.apply(rule, self.rows[index], self.rows)
        without = self._decide(rule, index, self.as_of, drop_scheduled=True)
        if not self.scheduled or without.status is not Status.NEEDS_REVIEW:
            return without
        relevant = self._relevant(rule, index, self.scheduled)
        if not relevant:
            return without
        depends = tuple(self._scheduled_fact(s) for s in relevant)
        # Each scheduled date in turn (the earliest that makes the rule hold wins), never before as_of.
        for until in sorted({max(self.as_of, _last(self.scheduled[s])) for s in relevant}):
            if not rule.in_force(until):
                continue
            projected = self._decide(rule, index, until, drop_scheduled=False)
            if projected.status is Status.ELIGIBLE_NOW:
                status = Status.ELIGIBLE_ON if until > self.as_of else Status.ELIGIBLE_NOW
                on = until if until > self.as_of else None
                return dataclasses.replace(projected, status=status, eligible_on=on, depends_on=depends)
            if projected.status is Status.ELIGIBLE_ON:
                return dataclasses.replace(projected, depends_on=depends)
        return without

    # ------------------------------------------------------------------ partial dates

    def _relevant(self, rule: Rule, index: int, slots: dict[Slot, date] | dict[Slot, PartialDate]) -> list[Slot]:
        """The slots among ``slots`` that ``rule`` reads when screening ``rows[index]``."""
        own, other = _rule_facts(rule)
        case_id = self.rows[index]["case_id"]
        found = []
        for slot in slots:
            kind, field = slot[0], str(slot[-1])
            if kind == "person":
                hit = field in own or field in other
            elif kind == "case":
                hit = (slot[1] == case_id and field in own) or field in other
            else:
                hit = (slot[1] == index and field in own) or (slot[1] != index and field in other)
            if hit:
                found.append(slot)
        return found

    def _decide(self, rule: Rule, index: int, as_of: date, drop_scheduled: bool) -> Result:
        """``rule`` at every corner of the partial dates it reads; one answer if they all agree."""
        fixed: dict[Slot, Value] = {}
        if drop_scheduled:
            fixed.update({slot: None for slot in self.scheduled})
        partial = {s: v for s, v in self.partial.items() if s not in fixed}
        relevant = self._relevant(rule, index, partial)
        if len(relevant) > MAX_CORNERS:  # too many to try: unknown (sound)
            fixed.update({slot: None for slot in relevant})
            relevant = []
        for slot, value in partial.items():  # partial dates the rule does not read: any day will do
            if slot not in relevant and slot not in fixed:
                fixed[slot] = value.first
        results = []
        for corner in itertools.product((False, True), repeat=len(relevant)):
            values = dict(fixed)
            for slot, at_end in zip(relevant, corner, strict=True):
                values[slot] = self._end(slot, partial[slot]) if at_end else partial[slot].first
            rows = self._rows(values)
            results.append(Evaluator(as_of).apply(rule, rows[index], rows))
        return self._combine(results, [self._name(s, index) for s in relevant], index)

    def _end(self, slot: Slot, value: PartialDate) -> date:
        """The last day a partial date can be: the end of its range, but not after the (real) as-of date.

        A scheduled date may lie after it; even when projecting to a later date, no other date can.
        """
        as_of = self.as_of
        row = self.rows[_index(slot)] if slot[0] == "charge" else None
        if row is not None and _scheduled(row, str(slot[-1])):
            return value.last
        return max(value.first, min(value.last, as_of))

    def _rows(self, values: dict[Slot, Value]) -> list[Row]:
        if not values:
            return self.rows
        out = []
        for index, row in enumerate(self.rows):
            changed = dict(row)
            for field in row:
                slot = _slot(self.rows, index, field)
                if slot in values:
                    changed[field] = values[slot]
            out.append(changed)
        return out

    def _combine(self, results: list[Result], names: list[str], index: int) -> Result:
        first = results[0]
        trace = self._partial_trace(first, index)
        if len(results) == 1:
            return dataclasses.replace(first, trace=trace)
        if all((r.status, r.eligible_on) == (first.status, first.eligible_on) for r in results):
            missing = sorted({m for r in results for m in r.missing})
            return dataclasses.replace(first, missing=tuple(missing), trace=trace)
        missing = sorted({*(m for r in results for m in r.missing), *names})
        return Result(first.rule, Status.NEEDS_REVIEW, None, tuple(missing), trace)

    def _partial_trace(self, result: Result, index: int) -> tuple[Check, ...]:
        """The trace with each partial date of the charge shown as given (``2015``), not a corner."""
        row = self.rows[index]
        return tuple(
            dataclasses.replace(
                check,
                facts={k: (row[k] if isinstance(row.get(k), PartialDate) else v) for k, v in check.facts.items()},
            )
            for check in result.trace
        )

    def _name(self, slot: Slot, index: int) -> str:
        """How ``missing`` names a slot: the field for this charge (and the person), else ``other_charges.<field>``."""
        field = str(slot[-1])
        mine = slot[0] == "person" or (slot[0] == "case" and slot[1] == self.rows[index]["case_id"])
        mine = mine or (slot[0] == "charge" and slot[1] == index)
        return field if mine else f"other_charges.{field}"

    def _scheduled_fact(self, slot: Slot) -> ScheduledFact:
        row = self.rows[_index(slot)]  # scheduled dates are charge facts
        return ScheduledFact(str(row["case_id"]), str(row["charge_id"]), str(slot[-1]), self.scheduled[slot])


def _index(slot: Slot) -> int:
    """The row index of a charge slot."""
    index = slot[1]
    if not isinstance(index, int):
        raise TypeError(f"not a charge slot: {slot!r}")
    return index


def _last(value: date) -> date:
    return value.last if isinstance(value, PartialDate) else value

"""The per-person explainer: evaluate each rule on each charge, with a trace of every condition.

Semantics (the bulk engine implements exactly these; ``tests/bulk`` proves it):

* Values are dates, text, numbers, booleans, or ``None`` (unknown). Comparisons with an
  unknown are unknown; ``And``/``Or``/``Not`` follow Kleene logic.
* ``Exists``: true if at least ``count`` (usually one) other charges in scope satisfy
  ``where``; else unknown if that many might (``where`` unknown on the rest); else false.
* ``LatestOf``: ``base`` is the latest of ``at_least`` and the dates of the charges where
  ``where`` is true (unknown if one of those has no date, or ``at_least`` is unknown). The
  answer is unknown if a charge that *might* match (``where`` unknown) has no date or a date
  later than ``base``; else ``base``. (Sound: knowing more facts never changes a known answer.)
* A result is ``not_eligible`` if any condition is false; else ``needs_review`` if any
  condition or waiting-period end is unknown; else ``eligible_on`` the latest waiting-period
  end if that is after the as-of date; else ``eligible_now``. Relief is available *on* the
  day a waiting period ends (the anniversary), not the day after.
* ``missing`` lists, for each unknown condition or wait, the charge facts it reads that are
  unknown, and ``other_charges.<fact>`` for unknown facts of other charges that left an
  aggregate undecided; sorted, without repeats.

What a result means for the person, beyond its status (``Result`` fields; the bulk engine
reports the status and ``missing`` and need not compute these, which follow from the trace):

* ``not_before``: for ``needs_review``, the latest day that some waiting period cannot end
  before (``Evaluator.earliest``: its end when decided, else a lower bound from its known parts),
  if after the as-of date. Whatever the unknown facts turn out to be, the rule cannot apply
  before it (its ``eligible_on`` would be at least that day, or it is not eligible), so its open
  facts are not asked today: ``relief.explain`` says "not before <date>" instead of "needs
  review". Sound: a decided wait keeps its end when more facts are learned, and a wait's end only
  moves forward as its inputs do (tests/relief/test_properties.py checks both).
* ``concerns``: false when a condition that reads only *what kind of charge or person this is*
  (``SCOPE_FACTS``: how the charge ended, whether the person has died) fails. Such a rule is
  about other charges ("the charge ended without a conviction" for a conviction); the failure
  stays in the trace but is not offered as a reason why not.
* ``assumptions`` and ``cannot_improve`` need the rest of the screening and are set by
  ``relief.screen``.

Longer than 400 lines on purpose: these semantics, which the bulk engine mirrors node for node, are
read in one place.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cache

from ..records.model import Row, Value
from .citations import statute_matches
from .jurisdictions import listed_sections, read_citation
from .lang import (
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
    Rule,
    Scope,
    Shift,
    Status,
    StatuteIn,
    Wait,
    children,
    facts_used,
    other_facts_used,
    question,
)
from .semantics import add_years_days, cites_any, read_statute, text_values, whole_number


@dataclass(frozen=True)
class Check:
    """One line of a trace: a condition or waiting period, what it read, and whether it held."""

    id: str
    kind: str  # "condition" | "wait"
    text: str
    cite: str
    holds: bool | None
    facts: dict[str, Value]
    ends_on: date | None = None


#: Facts that say what kind of charge or person a rule is about, not something to act on.
SCOPE_FACTS: frozenset[str] = frozenset({"disposition", "death_date"})


@dataclass(frozen=True)
class ScheduledFact:
    """A scheduled date a result rests on (docs/record-format.md#scheduled-dates)."""

    case_id: str
    charge_id: str
    field: str  # incarceration_end | probation_end
    date: date


@dataclass(frozen=True)
class Result:
    rule: Rule
    status: Status
    eligible_on: date | None
    missing: tuple[str, ...]
    trace: tuple[Check, ...]
    #: needs_review only: the rule cannot apply before this day (a decided wait ends then).
    not_before: date | None = None
    #: not_eligible only: false when the rule is about another kind of charge or person.
    concerns: bool = True
    #: Defaulted facts (records.defaults) this result depends on; set by relief.screen.
    assumptions: tuple[str, ...] = ()
    #: needs_review only: even at best it cannot beat a decided result of the same relief.
    cannot_improve: bool = False
    #: Scheduled dates the status rests on: it holds only if they happen as scheduled (``relief.dates``).
    depends_on: tuple[ScheduledFact, ...] = ()


def in_scope(scope: Scope, this: Row, other: Row) -> bool:
    if other is this:
        return False
    same_charge = other["case_id"] == this["case_id"] and other["charge_id"] == this["charge_id"]
    if scope == "other_charges":
        return not same_charge
    return other["case_id"] != this["case_id"]


class Evaluator:
    """Evaluates expressions for one as-of date over one person's charge rows."""

    def __init__(self, as_of: date, statutes_of: Evaluator | None = None) -> None:
        self.as_of = as_of
        # Rows with their citations read, by the id of the row as given (kept alive by the value), shared
        # with ``statutes_of`` when given: an evaluator of the same rows with one changed reads one again.
        self._statutes: dict[int, tuple[Row, Row]] = statutes_of._statutes if statutes_of is not None else {}
        # Aggregates answered for the current person's rows: one aggregate is read by several rules and
        # conditions, and its answer depends only on (node, this charge, rows). Keys hold ids; the values
        # keep the node and the rows alive, so an id is never reused while its entry exists.
        self._rows: list[Row] | None = None
        self._aggregates: dict[tuple[int, int], tuple[Expr, Value, frozenset[str]]] = {}
        # The person's rows with their citations read (``read_statute``), for the rows last passed to ``apply``.
        self._source: list[Row] | None = None
        self._read: tuple[list[Row], dict[int, Row]] = ([], {})
        # Per aggregate node whose test reads only the other charge (not this one): each other charge's
        # answer, computed once for the person instead of once per charge (linear, not quadratic).
        self._held: dict[int, tuple[Expr, _Held]] = {}
        # Per LatestOf node that reads only the other charge: each other charge's earliest possible date
        # where its test holds, latest first (``earliest``), computed once for the person.
        self._bounds: dict[int, tuple[Expr, list[tuple[date, Row]]]] = {}

    def value(self, expr: Expr, this: Row, rows: list[Row], other: Row | None, missing: set[str]) -> Value:
        """The value of ``expr``; unknown aggregates add ``other_charges.<fact>`` to ``missing``."""
        ev = self.value
        match expr:
            case Fact(name):
                return this[name]
            case Other(name):
                if other is None:
                    raise ValueError(f"Other({name!r}) used outside Exists/LatestOf")
                return other[name]
            case Const(constant):
                return constant
            case AsOf():
                return self.as_of
            case Param(key):
                raise ValueError(f"Param {key!r} must be used inside OneOf/StatuteIn/Shift/Wait")
            case Compare(op, left, right):
                a, b = ev(left, this, rows, other, missing), ev(right, this, rows, other, missing)
                return None if a is None or b is None else _compare(op, a, b)
            case OneOf(inner, allowed, unknown):
                item = ev(inner, this, rows, other, missing)
                if item is None or item in text_values(unknown, self.as_of):
                    return None
                return item in text_values(allowed, self.as_of)
            case StatuteIn(inner, sections, inchoate):
                cited = ev(inner, this, rows, other, missing)
                if cited is None:
                    return None
                listed = listed_sections(text_values(sections, self.as_of))
                return statute_matches(read_citation(str(cited)), listed, inchoate)
            case CitesAny(inner, sections):
                items = ev(inner, this, rows, other, missing)
                return None if items is None else cites_any(str(items), text_values(sections, self.as_of))
            case Known(inner):
                return ev(inner, this, rows, other, set()) is not None
            case And(terms):
                vals = [ev(t, this, rows, other, missing) for t in terms]
                return False if False in vals else (None if None in vals else True)
            case Or(terms):
                vals = [ev(t, this, rows, other, missing) for t in terms]
                return True if True in vals else (None if None in vals else False)
            case Not(term):
                negated = ev(term, this, rows, other, missing)
                return None if negated is None else not negated
            case Shift(inner, years, days, months):
                d = ev(inner, this, rows, other, missing)
                if d is None:
                    return None
                return add_years_days(
                    _as_date(d),
                    whole_number(years, self.as_of),
                    whole_number(days, self.as_of),
                    whole_number(months, self.as_of),
                )
            case IfElse(test, then, otherwise):
                chosen = ev(test, this, rows, other, missing)
                if chosen is None:
                    return None
                return ev(then if chosen else otherwise, this, rows, other, missing)
            case Latest(dates):
                vals = [ev(d, this, rows, other, missing) for d in dates]
                return None if None in vals else max(_as_date(v) for v in vals)
            case Exists() | LatestOf():
                return self._aggregate(expr, this, rows, missing)
        raise TypeError(f"not a rule expression: {expr!r}")

    def _aggregate(self, node: Exists | LatestOf, this: Row, rows: list[Row], missing: set[str]) -> Value:
        if rows is not self._rows:
            self._rows, self._aggregates, self._held, self._bounds = rows, {}, {}, {}
        key = (id(node), id(this))
        found = self._aggregates.get(key)
        if found is None:
            added: set[str] = set()
            held = self._held_for(node, rows)
            if held is not None and isinstance(node, Exists):
                value = held.exists(node, this, added)
            elif held is not None and isinstance(node, LatestOf):
                value = held.latest_of(node, this, added, lambda: self.value(node.at_least, this, rows, None, added))
            elif isinstance(node, Exists):
                value = self._exists(node, node.where, node.scope, this, rows, added)
            else:
                value = self._latest_of(node, node.date, node.where, node.at_least, node.scope, this, rows, added)
            found = self._aggregates[key] = (node, value, frozenset(added))
        missing.update(found[2])
        return found[1]

    def _held_for(self, node: Exists | LatestOf, rows: list[Row]) -> _Held | None:
        """The other charges' answers to ``node``'s test, if it reads no fact of this charge; else None."""
        if reads_this(node.where) or (isinstance(node, LatestOf) and reads_this(node.date)):
            return None
        found = self._held.get(id(node))
        if found is None:
            held = _Held()
            for other in rows:
                answer = self.value(node.where, other, rows, other, set())
                when = None
                if isinstance(node, LatestOf) and answer is not False:
                    when = self.value(node.date, other, rows, other, set())
                held.add(other, answer, when)
            found = self._held[id(node)] = (node, held)
        return found[1]

    def _exists(self, node: Exists, where: Expr, scope: Scope, this: Row, rows: list[Row], missing: set[str]) -> Value:
        certain = 0
        uncertain: list[Row] = []
        for other in rows:
            if in_scope(scope, this, other):
                held = self.value(where, this, rows, other, set())
                if held is True:
                    certain += 1
                    if certain >= node.count:
                        return True
                elif held is None:
                    uncertain.append(other)
        if certain + len(uncertain) >= node.count:
            missing.update(_other_missing(node, uncertain))
            return None
        return False

    def _latest_of(
        self,
        node: LatestOf,
        when: Expr,
        where: Expr,
        at_least: Expr,
        scope: Scope,
        this: Row,
        rows: list[Row],
        missing: set[str],
    ) -> Value:
        matched: list[tuple[Row, Value]] = []
        maybe: list[tuple[Row, Value]] = []
        for other in rows:
            if in_scope(scope, this, other):
                held = self.value(where, this, rows, other, set())
                if held is not False:
                    (matched if held else maybe).append((other, self.value(when, this, rows, other, set())))
        undated = [row for row, d in matched if d is None]
        if undated:
            missing.update(_other_missing(node, undated))
            return None
        floor = self.value(at_least, this, rows, None, missing)
        if floor is None:
            return None
        base = max([_as_date(floor), *(_as_date(d) for _, d in matched)])
        doubtful = [row for row, d in maybe if d is None or _as_date(d) > base]
        if doubtful:
            missing.update(_other_missing(node, doubtful))
            return None
        return base

    # ------------------------------------------------------------------ rules

    def check_condition(self, condition: Condition, this: Row, rows: list[Row], missing: set[str]) -> Check:
        agg_missing: set[str] = set()
        held = self.value(condition.test, this, rows, None, agg_missing)
        facts = {name: this[name] for name in facts_used(condition.test)}
        if held is None:
            _name_what_is_missing(condition.id, facts, agg_missing, missing)
        return Check(condition.id, "condition", condition.text, condition.cite, _as_bool(held), facts)

    def check_wait(self, wait: Wait, this: Row, rows: list[Row], missing: set[str]) -> Check:
        agg_missing: set[str] = set()
        ends = self.value(wait.ends, this, rows, None, agg_missing)
        facts = {name: this[name] for name in facts_used(wait.start)}
        if ends is None:
            _name_what_is_missing(wait.id, facts, agg_missing, missing)
            return Check(wait.id, "wait", wait.text, wait.cite, None, facts)
        end = _as_date(ends)
        return Check(wait.id, "wait", wait.text, wait.cite, end <= self.as_of, facts, end)

    def earliest(self, expr: Expr, this: Row, rows: list[Row], other: Row | None = None) -> date | None:
        """A day that the date ``expr`` cannot be before, whatever its unknown facts turn out to be.

        The value itself when known. Otherwise a lower bound from the parts that are known: the date
        nodes of waiting periods only move forward as their inputs do (``Shift`` adds, ``Latest`` and
        ``LatestOf`` take a maximum, so one known input bounds them from below; an undecided ``IfElse``
        is at least the earlier of its branches). E.g. "ten years free of arrest since final release"
        with another charge's release unknown still ends no earlier than ten years after this one's.
        None when nothing bounds it.
        """
        known = self.value(expr, this, rows, other, set())
        if isinstance(known, date):
            return known
        if known is not None:
            return None
        match expr:
            case Shift(inner, years, days):
                start = self.earliest(inner, this, rows, other)
                if start is None:
                    return None
                return add_years_days(start, whole_number(years, self.as_of), whole_number(days, self.as_of))
            case Latest(dates):
                bounds = [self.earliest(d, this, rows, other) for d in dates]
                return max((b for b in bounds if b is not None), default=None)
            case LatestOf(when, where, at_least, scope):
                bounds = [self.earliest(at_least, this, rows, other)]
                ranked = self._ranked_bounds(expr, rows)
                if ranked is not None:  # the latest bound among the charges in scope
                    bounds.append(next((bound for bound, row in ranked if in_scope(scope, this, row)), None))
                else:
                    for row in rows:
                        if in_scope(scope, this, row) and self.value(where, this, rows, row, set()) is True:
                            bounds.append(self.earliest(when, this, rows, row))
                return max((b for b in bounds if b is not None), default=None)
            case IfElse(test, then, otherwise):
                chosen = self.value(test, this, rows, other, set())
                if chosen is not None:
                    return self.earliest(then if chosen else otherwise, this, rows, other)
                either = [self.earliest(then, this, rows, other), self.earliest(otherwise, this, rows, other)]
                return None if None in either else min(d for d in either if d is not None)
        return None

    def _read_statute(self, row: Row) -> Row:
        found = self._statutes.get(id(row))
        if found is None or found[0] is not row:
            found = self._statutes[id(row)] = (row, read_statute(row))
        return found[1]

    def _ranked_bounds(self, node: LatestOf, rows: list[Row]) -> list[tuple[date, Row]] | None:
        """For a LatestOf whose test and date read only the other charge: each charge's ``earliest`` date
        where the test holds, latest first; computed once per person, so ``earliest`` stays linear."""
        if reads_this(node.where) or reads_this(node.date):
            return None
        if rows is not self._rows:
            self._rows, self._aggregates, self._held, self._bounds = rows, {}, {}, {}
        found = self._bounds.get(id(node))
        if found is None:
            ranked = []
            for row in rows:
                if self.value(node.where, row, rows, row, set()) is True:
                    bound = self.earliest(node.date, row, rows, row)
                    if bound is not None:
                        ranked.append((bound, row))
            ranked.sort(key=lambda pair: pair[0], reverse=True)
            found = self._bounds[id(node)] = (node, ranked)
        return found[1]

    def apply(self, rule: Rule, this: Row, rows: list[Row]) -> Result:
        """Evaluate one rule for one charge (``this``) of a person whose charges are ``rows``."""
        if rows is not self._source:
            read = [self._read_statute(row) for row in rows]
            self._source, self._read = rows, (read, {id(raw): row for raw, row in zip(rows, read, strict=True)})
        rows, this = self._read[0], self._read[1].get(id(this)) or read_statute(this)
        missing: set[str] = set()
        conditions = [self.check_condition(c, this, rows, missing) for c in rule.conditions]
        waits = [self.check_wait(w, this, rows, missing) for w in rule.waits]
        trace = tuple(conditions + waits)
        failed = [c for c, check in zip(rule.conditions, conditions, strict=True) if check.holds is False]
        if failed:
            concerns = not any(_about_scope(c.test) for c in failed)
            return Result(rule, Status.NOT_ELIGIBLE, None, (), trace, concerns=concerns)
        if any(c.holds is None for c in trace):
            ends = [
                check.ends_on or self.earliest(wait.ends, this, rows)
                for wait, check in zip(rule.waits, waits, strict=True)
            ]
            not_before = max((d for d in ends if d is not None and d > self.as_of), default=None)
            return Result(rule, Status.NEEDS_REVIEW, None, tuple(sorted(missing)), trace, not_before=not_before)
        latest = max((w.ends_on for w in waits if w.ends_on is not None), default=None)
        if latest is not None and latest > self.as_of:
            return Result(rule, Status.ELIGIBLE_ON, latest, (), trace)
        return Result(rule, Status.ELIGIBLE_NOW, None, (), trace)


def _name_what_is_missing(check_id: str, facts: Row, agg_missing: set[str], missing: set[str]) -> None:
    """Add to ``missing`` what an undecided check waits on: its unknown facts, else its question.

    A check can be undecided with every fact it reads known: an offense on no list, another charge
    that might be excluded. Then what is missing is a lawyer's answer, named ``question.<check id>``
    (``lang.question``), so a needs-review result always names something to find out.
    """
    named = {name for name, value in facts.items() if value is None} | agg_missing
    missing.update(named or {question(check_id)})


@cache
def _about_scope(test: Expr) -> bool:
    """Whether ``test`` reads only ``SCOPE_FACTS`` of this charge (also under ``Known``; no other charge)."""
    read: set[str] = set()

    def walk(node: Expr) -> bool:
        if isinstance(node, Other | Exists | LatestOf):
            return False
        if isinstance(node, Fact):
            read.add(node.name)
        return all(walk(child) for child in children(node))

    return walk(test) and bool(read) and read <= SCOPE_FACTS


def reads_this(expr: Expr) -> bool:
    """Whether ``expr`` reads a fact of the charge being screened (or nests an aggregate, which may)."""
    if isinstance(expr, Fact | Exists | LatestOf):
        return True
    return any(reads_this(child) for child in children(expr))


def _key(row: Row) -> tuple[Value, Value]:
    return row["case_id"], row["charge_id"]


class _Held:
    """Every charge's answer to one aggregate's test (which reads only the other charge), indexed so that
    each charge's aggregate is answered without looking at every other charge again.

    Exact: the same answers as ``Evaluator._exists`` / ``_latest_of`` (tests/relief check both ways).
    """

    def __init__(self) -> None:
        self.certain = 0
        self.certain_by_case: dict[Value, int] = {}
        self.certain_by_charge: dict[tuple[Value, Value], int] = {}
        self.uncertain: list[Row] = []
        self.dated: list[tuple[date, Row]] = []  # held, dated: latest first once sorted
        self.undated: list[Row] = []  # held, undated
        self.maybe: list[tuple[Value, Row]] = []  # unknown whether held, with the date
        self._sorted = False

    def add(self, row: Row, held: Value, when: Value) -> None:
        if held is True:
            self.certain += 1
            self.certain_by_case[row["case_id"]] = self.certain_by_case.get(row["case_id"], 0) + 1
            self.certain_by_charge[_key(row)] = self.certain_by_charge.get(_key(row), 0) + 1
        elif held is None:
            self.uncertain.append(row)
        if held is not False:
            if not held:
                self.maybe.append((when, row))
            elif when is None:
                self.undated.append(row)
            else:
                self.dated.append((_as_date(when), row))

    def exists(self, node: Exists, this: Row, missing: set[str]) -> Value:
        if node.scope == "other_charges":
            outside = self.certain_by_charge.get(_key(this), 0)
        else:
            outside = self.certain_by_case.get(this["case_id"], 0)
        certain = self.certain - outside
        if certain >= node.count:
            return True
        uncertain = [row for row in self.uncertain if in_scope(node.scope, this, row)]
        if certain + len(uncertain) >= node.count:
            missing.update(_other_missing(node, uncertain))
            return None
        return False

    def latest_of(self, node: LatestOf, this: Row, missing: set[str], floor_of: Callable[[], Value]) -> Value:
        undated = [row for row in self.undated if in_scope(node.scope, this, row)]
        if undated:
            missing.update(_other_missing(node, undated))
            return None
        floor = floor_of()
        if floor is None:
            return None
        if not self._sorted:
            self.dated.sort(key=lambda item: item[0], reverse=True)
            self._sorted = True
        base = _as_date(floor)
        for when, row in self.dated:  # the latest charge in scope; usually the first or second
            if when <= base:
                break
            if in_scope(node.scope, this, row):
                base = when
                break
        doubtful = [
            row for d, row in self.maybe if in_scope(node.scope, this, row) and (d is None or _as_date(d) > base)
        ]
        if doubtful:
            missing.update(_other_missing(node, doubtful))
            return None
        return base


def _other_missing(node: Exists | LatestOf, rows: list[Row]) -> set[str]:
    names = other_facts_used(node)
    return {f"other_charges.{name}" for name in names if any(row[name] is None for row in rows)}


def _compare(op: str, a: Value, b: Value) -> bool:
    if op == "==":
        return a == b
    if op == "!=":
        return a != b
    if type(a) is not type(b) and not (isinstance(a, int | float) and isinstance(b, int | float)):
        raise TypeError(f"cannot compare {a!r} with {b!r}")
    x, y = a, b  # same kind: dates, text, or numbers
    if op == "<":
        return x < y  # type: ignore[operator]
    if op == "<=":
        return x <= y  # type: ignore[operator]
    if op == ">":
        return x > y  # type: ignore[operator]
    return x >= y  # type: ignore[operator]


def _as_date(value: Value) -> date:
    if not isinstance(value, date):
        raise TypeError(f"expected a date, got {value!r}")
    return value


def _as_bool(value: Value) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    raise TypeError(f"a condition must be true, false or unknown, got {value!r}")

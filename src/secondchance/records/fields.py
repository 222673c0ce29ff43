"""The pieces both readers share: fields and petition details read with their problems, ids, building a Person."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from .model import (
    CHARGE_FIELDS,
    SCHEDULED,
    SENTENCE_FIELDS,
    Case,
    Charge,
    Person,
    Sentence,
    Value,
)
from .safe import MAX_CHARGES_PER_PERSON, MAX_FIELD_CHARS
from .values import Problem, normalize, parse_value


def parse_fields(
    raw: Mapping[str, Any], columns: Iterable[str], where: str, problems: list[Problem], jurisdiction: Value
) -> dict[str, Value]:
    out: dict[str, Value] = {}
    for column in columns:
        given = raw.get(column)
        if column in SCHEDULED and isinstance(given, Mapping):  # {"date": ..., "scheduled": true}
            given = _scheduled_date(raw, column, given, where, problems, out)
        elif column in out:  # set by the {"date": ..., "scheduled": ...} form of its date
            if column in raw:
                problems.append(Problem(where, column, 'given twice (also in the date\'s "scheduled" form)'))
            continue
        try:
            out[column] = normalize(column, parse_value(column, given), jurisdiction)
        except ValueError as error:
            problems.append(Problem(where, column, str(error)))
            out[column] = None
    return out


def parse_details(
    raw: Mapping[str, Any], details: Mapping[str, str], where: str, problems: list[Problem]
) -> dict[str, Any]:
    """The petition details given (``PERSON_DETAILS``/``CASE_DETAILS``); ``aliases`` a list of names
    (in JSON a list of strings, in CSV one cell with ``;`` between names)."""
    out: dict[str, Any] = {}
    for name in details:
        given = raw.get(name)
        if given is None or given == "":
            continue
        if name == "aliases":
            out[name] = _aliases(given, where, problems)
            continue
        try:
            value = parse_value(name, given)
        except ValueError as error:
            problems.append(Problem(where, name, str(error)))
            continue
        if value is not None:
            out[name] = value
    return out


def _aliases(given: Any, where: str, problems: list[Problem]) -> tuple[str, ...]:
    items = given.split(";") if isinstance(given, str) else given
    if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
        problems.append(Problem(where, "aliases", f"expected a list of names, got {given!r}"))
        return ()
    if any(len(item) > MAX_FIELD_CHARS for item in items) or len(items) > 100:
        problems.append(Problem(where, "aliases", f"at most 100 names of {MAX_FIELD_CHARS:,} characters"))
        return ()
    return tuple(item.strip() for item in items if item.strip())


def _scheduled_date(
    raw: Mapping[str, Any],
    column: str,
    given: Mapping[str, Any],
    where: str,
    problems: list[Problem],
    out: dict[str, Value],
) -> Any:
    """The date of ``{"date": "2027-03-01", "scheduled": true}``; its mark goes to ``<column>_scheduled``."""
    mark = SCHEDULED[column]
    for key in sorted(set(given) - {"date", "scheduled"}):
        problems.append(Problem(where, f"{column}.{key}", 'unknown field (expected "date" and "scheduled")'))
    try:
        out[mark] = parse_value(mark, given.get("scheduled"))
    except ValueError as error:
        problems.append(Problem(where, f"{column}.scheduled", str(error)))
        out[mark] = None
    return given.get("date")


def unknown_keys(raw: Mapping[str, Any], allowed: Iterable[str], where: str, problems: list[Problem]) -> None:
    for key in sorted(set(raw) - set(allowed)):
        problems.append(Problem(where, key, "unknown field (check the spelling against docs/record-format.md)"))


def build_person(
    pid: str,
    person_fields: Mapping[str, Any],
    cases: list[tuple[dict[str, Any], str, list[tuple[dict[str, Value], str]]]],
) -> Person:
    built_cases = []
    for case_fields, case_id, charges in cases:
        built = []
        for values, charge_id in charges:
            sentence = Sentence(**{k: values[k] for k in SENTENCE_FIELDS})  # type: ignore[arg-type]
            built.append(Charge(id=charge_id, sentence=sentence, **{k: values[k] for k in CHARGE_FIELDS}))  # type: ignore[arg-type]
        built_cases.append(Case(id=case_id, charges=tuple(built), **case_fields))
    return Person(id=pid, cases=tuple(built_cases), **person_fields)


def require_id(raw: Mapping[str, Any], key: str, where: str, problems: list[Problem]) -> str:
    value = raw.get(key)
    if value is None or (isinstance(value, str) and not value.strip()) or isinstance(value, bool):
        problems.append(Problem(where, key, "an id is required"))
        return ""
    return str(value).strip()


def too_many_charges(person: Person, where: str) -> list[Problem]:
    """The one limit on work per person (every entry point): at most MAX_CHARGES_PER_PERSON charges."""
    count = sum(len(case.charges) for case in person.cases)
    if count <= MAX_CHARGES_PER_PERSON:
        return []
    return [Problem(where, "(charges)", f"{count:,} charges; at most {MAX_CHARGES_PER_PERSON:,} per person")]


def jurisdiction_or_none(raw: Any) -> Value:
    """The jurisdiction as read, or None when unreadable: it only picks the state's readers, and the
    field's own check reports the problem."""
    try:
        return parse_value("jurisdiction", raw)
    except ValueError:
        return None

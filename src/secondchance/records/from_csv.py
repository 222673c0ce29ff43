"""The flat CSV form (one row per charge): people read from it, every problem reported with its line."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import date
from typing import Any

from .checks import check_charge_values, derive_supervision
from .fields import build_person, jurisdiction_or_none, parse_details, parse_fields, require_id, too_many_charges
from .model import (
    CASE_DETAILS,
    CASE_FIELDS,
    CHARGE_FIELDS,
    COLUMNS,
    DETAIL_COLUMNS,
    PERSON_DETAILS,
    PERSON_FIELDS,
    SENTENCE_FIELDS,
    Person,
    Value,
)
from .values import InvalidRecord, Problem, normalize

#: The ids of a row: person, case, charge.
_Key = tuple[str, str, str]
#: People by id: each person's fields, and their cases by id (each case's fields and its charges' (values, id)).
_People = dict[str, tuple[dict[str, Any], dict[str, tuple[dict[str, Any], list[tuple[dict[str, Value], str]]]]]]


def people_from_csv(text: str, as_of: date | None = None) -> list[Person]:
    """People from the flat CSV form (one row per charge; the README's columns)."""
    reader = csv.DictReader(io.StringIO(text))
    problems = header_problems(reader.fieldnames or [])
    if problems:
        raise InvalidRecord(problems)
    by_person: _People = {}
    seen_charges: set[_Key] = set()
    for raw in reader:
        where = f"line {reader.line_num}"
        row = read_row(raw, where, as_of, problems)
        if row is None:
            continue
        key, values = row
        if key in seen_charges:
            pid, case_id, charge_id = key
            problems.append(
                Problem(where, "charge_id", f"duplicate charge {charge_id!r} in case {case_id!r} of person {pid!r}")
            )
            continue
        seen_charges.add(key)
        _add_row(by_person, key, values, where, problems)
    people = [
        build_person(pid, pf, [(cf, cid, ch) for cid, (cf, ch) in cases.items()])
        for pid, (pf, cases) in by_person.items()
    ]
    for person in people:
        problems.extend(too_many_charges(person, f"person {person.id}"))
    if problems:
        raise InvalidRecord(problems)
    return people


def header_problems(header: Sequence[str]) -> list[Problem]:
    """A missing id column, an unknown or a repeated one: the whole file cannot be read."""
    problems: list[Problem] = []
    for required in ("person_id", "case_id", "charge_id"):
        if required not in header:
            problems.append(Problem("line 1 (header)", required, "required column is missing"))
    for column in header:
        if column not in COLUMNS and column not in DETAIL_COLUMNS:
            problems.append(Problem("line 1 (header)", column, "unknown column (see docs/record-format.md)"))
    for column in sorted({c for c in header if header.count(c) > 1}):
        problems.append(Problem("line 1 (header)", column, "appears more than once (one value would be lost)"))
    return problems


def read_row(
    raw: dict[str | Any, Any], where: str, as_of: date | None, problems: list[Problem]
) -> tuple[_Key, dict[str, Value]] | None:
    """The ids and the checked values of one row (None if it has more values than the header).

    The one row reader of both CSV paths: this module's, and ``stream``'s for files too big to hold.
    """
    if None in raw:
        problems.append(Problem(where, "(row)", "more values than header columns"))
        return None
    pid = require_id(raw, "person_id", where, problems)
    case_id = require_id(raw, "case_id", where, problems)
    charge_id = require_id(raw, "charge_id", where, problems)
    jurisdiction = normalize("jurisdiction", jurisdiction_or_none(raw.get("jurisdiction")), None)
    values = parse_fields(
        raw, [c for c in COLUMNS if c not in ("person_id", "case_id", "charge_id")], where, problems, jurisdiction
    )
    for column, reason in check_charge_values(values, as_of):
        problems.append(Problem(where, column, reason))
    derive_supervision(values)
    values.update(parse_details(raw, DETAIL_COLUMNS, where, problems))
    return (pid, case_id, charge_id), values


def _add_row(by_person: _People, key: _Key, values: dict[str, Value], where: str, problems: list[Problem]) -> None:
    """One charge row into its person and case; person and case fields must agree with earlier rows'."""
    pid, case_id, charge_id = key
    person_fields: dict[str, Any] = {k: values.get(k) for k in (*PERSON_FIELDS, *PERSON_DETAILS)}
    case_fields = {k: values.get(k) for k in (*CASE_FIELDS, *CASE_DETAILS)}
    person_fields["aliases"] = person_fields["aliases"] or ()
    known_person, cases = by_person.setdefault(pid, (person_fields, {}))
    for k in person_fields:
        if known_person[k] != person_fields[k]:
            problems.append(Problem(where, k, f"differs from an earlier row of person {pid!r}"))
    known_case, charges = cases.setdefault(case_id, (case_fields, []))
    for k in case_fields:
        if known_case[k] != case_fields[k]:
            problems.append(Problem(where, k, f"differs from an earlier row of case {case_id!r}"))
    charges.append(({k: values[k] for k in (*CHARGE_FIELDS, *SENTENCE_FIELDS)}, charge_id))

"""The nested JSON form: people read from it (every problem collected) and written back to it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from .checks import check_charge_values, derive_supervision
from .fields import build_person, parse_details, parse_fields, require_id, too_many_charges, unknown_keys
from .model import (
    CASE_DETAILS,
    CASE_FIELDS,
    CHARGE_FIELDS,
    PERSON_DETAILS,
    PERSON_FIELDS,
    SENTENCE_FIELDS,
    Person,
    Value,
)
from .values import InvalidRecord, Problem


def person_to_json(person: Person) -> dict[str, Any]:
    """A person in the nested JSON form (``people_from_json`` reads it back the same), unknowns left out."""

    def known(pairs: Iterable[tuple[str, Any]]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, value in pairs:
            if value is None or value == ():
                continue
            out[name] = (
                value.isoformat() if isinstance(value, date) else list(value) if isinstance(value, tuple) else value
            )
        return out

    cases = []
    for case in person.cases:
        charges = []
        for charge in case.charges:
            entry = {"id": charge.id, **known((n, getattr(charge, n)) for n in CHARGE_FIELDS)}
            sentence = known((n, getattr(charge.sentence, n)) for n in SENTENCE_FIELDS)
            if sentence:
                entry["sentence"] = sentence
            charges.append(entry)
        fields = (*CASE_FIELDS, *CASE_DETAILS)
        cases.append({"id": case.id, **known((n, getattr(case, n)) for n in fields), "charges": charges})
    fields = (*PERSON_FIELDS, *PERSON_DETAILS)
    return {"id": person.id, **known((n, getattr(person, n)) for n in fields), "cases": cases}


#: A case as the builder takes it: its fields and details, its id, and its charges' (values, id).
_Case = tuple[dict[str, Any], str, list[tuple[dict[str, Value], str]]]


def people_from_json(data: Any, as_of: date | None = None, first: int = 1) -> list[Person]:
    """People from the nested JSON form: one person, a list, or ``{"people": [...]}``.

    ``first`` numbers the first person in messages (a streamed file passes its people one by one).
    """
    if isinstance(data, Mapping) and "people" in data:
        data = data["people"]
    items = [data] if isinstance(data, Mapping) else data
    problems: list[Problem] = []
    if not isinstance(items, list):
        raise InvalidRecord([Problem("record", "(top level)", "expected a person object or a list of people")])
    people: list[Person] = []
    seen_people: set[str] = set()
    for p_index, raw_person in enumerate(items, start=first - 1):
        person = _json_person(raw_person, p_index + 1, seen_people, as_of, problems)
        if person is not None:
            people.append(person)
    if problems:
        raise InvalidRecord(problems)
    return people


def _identify(
    raw: Any, kind: str, prefix: str, number: int, seen: set[str], problems: list[Problem]
) -> tuple[str, str] | None:
    """(id, where) of one person, case or charge object (``prefix`` + id, or + ``#number`` without one).

    None if it is not an object; a missing or repeated id is a problem, the object still read.
    """
    where = f"{prefix}#{number}"
    if not isinstance(raw, Mapping):
        problems.append(Problem(where, f"({kind})", "expected an object"))
        return None
    found = require_id(raw, "id", where, problems)
    where = f"{prefix}{found or '#' + str(number)}"
    if found in seen:
        problems.append(Problem(where, "id", f"duplicate {kind} id {found!r}"))
    seen.add(found)
    return found, where


def _json_list(raw: Mapping[str, Any], key: str, where: str, problems: list[Problem]) -> list[Any]:
    """The list under ``key`` (``cases``, ``charges``); absent is empty, anything else a problem."""
    items = raw.get(key) or []
    if not isinstance(items, list):
        problems.append(Problem(where, key, f"expected a list of {key}"))
        return []
    return items


def _json_person(
    raw_person: Any, number: int, seen_people: set[str], as_of: date | None, problems: list[Problem]
) -> Person | None:
    identified = _identify(raw_person, "person", "person ", number, seen_people, problems)
    if identified is None:
        return None
    pid, where_p = identified
    unknown_keys(raw_person, ("id", *PERSON_FIELDS, *PERSON_DETAILS, "cases"), where_p, problems)
    person_fields = parse_fields(raw_person, PERSON_FIELDS, where_p, problems, None)
    person_details = parse_details(raw_person, PERSON_DETAILS, where_p, problems)
    cases: list[_Case] = []
    seen_cases: set[str] = set()
    for c_index, raw_case in enumerate(_json_list(raw_person, "cases", where_p, problems)):
        case = _json_case(raw_case, f"{where_p} / case ", c_index + 1, seen_cases, person_fields, as_of, problems)
        if case is not None:
            cases.append(case)
    person = build_person(pid, {**person_fields, **person_details}, cases)
    problems.extend(too_many_charges(person, where_p))
    return person


def _json_case(
    raw_case: Any,
    prefix: str,
    number: int,
    seen_cases: set[str],
    person_fields: dict[str, Value],
    as_of: date | None,
    problems: list[Problem],
) -> _Case | None:
    identified = _identify(raw_case, "case", prefix, number, seen_cases, problems)
    if identified is None:
        return None
    case_id, where_c = identified
    unknown_keys(raw_case, ("id", *CASE_FIELDS, *CASE_DETAILS, "charges"), where_c, problems)
    case_fields = parse_fields(raw_case, CASE_FIELDS, where_c, problems, None)
    case_details = parse_details(raw_case, CASE_DETAILS, where_c, problems)
    context = {**person_fields, **case_fields}
    charges = []
    seen_charges: set[str] = set()
    for h_index, raw_charge in enumerate(_json_list(raw_case, "charges", where_c, problems)):
        identified = _identify(raw_charge, "charge", f"{where_c} / charge ", h_index + 1, seen_charges, problems)
        if identified is not None:
            charge_id, where_h = identified
            charges.append((_json_charge(raw_charge, where_h, context, as_of, problems), charge_id))
    return {**case_fields, **case_details}, case_id, charges


def _json_charge(
    raw_charge: Mapping[str, Any],
    where_h: str,
    context: dict[str, Value],
    as_of: date | None,
    problems: list[Problem],
) -> dict[str, Value]:
    """One charge's values (with its sentence's), checked against its person's and case's (``context``)."""
    unknown_keys(raw_charge, ("id", *CHARGE_FIELDS, "sentence"), where_h, problems)
    raw_sentence = raw_charge.get("sentence") or {}
    if not isinstance(raw_sentence, Mapping):
        problems.append(Problem(where_h, "sentence", "expected an object"))
        raw_sentence = {}
    unknown_keys(raw_sentence, SENTENCE_FIELDS, where_h + " / sentence", problems)
    jurisdiction = context["jurisdiction"]
    values = parse_fields(raw_charge, CHARGE_FIELDS, where_h, problems, jurisdiction)
    values.update(parse_fields(raw_sentence, SENTENCE_FIELDS, where_h, problems, jurisdiction))
    for column, reason in check_charge_values({**context, **values}, as_of):
        problems.append(Problem(where_h, column, reason))
    derive_supervision(values)
    return values

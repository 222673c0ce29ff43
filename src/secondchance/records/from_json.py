"""The nested JSON form: people read from it (every problem collected) and written back to it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from .checks import check_charge_values, derive_supervision
from .fields import _build_person, _parse_details, _parse_fields, _require_id, _unknown_keys, too_many_charges
from .model import (
    CASE_DETAILS,
    CASE_FIELDS,
    CHARGE_FIELDS,
    PERSON_DETAILS,
    PERSON_FIELDS,
    SENTENCE_FIELDS,
    Person,
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
        where_p = f"person #{p_index + 1}"
        if not isinstance(raw_person, Mapping):
            problems.append(Problem(where_p, "(person)", "expected an object"))
            continue
        pid = _require_id(raw_person, "id", where_p, problems)
        where_p = f"person {pid or '#' + str(p_index + 1)}"
        if pid in seen_people:
            problems.append(Problem(where_p, "id", f"duplicate person id {pid!r}"))
        seen_people.add(pid)
        _unknown_keys(raw_person, ("id", *PERSON_FIELDS, *PERSON_DETAILS, "cases"), where_p, problems)
        person_fields = _parse_fields(raw_person, PERSON_FIELDS, where_p, problems, None)
        person_details = _parse_details(raw_person, PERSON_DETAILS, where_p, problems)
        cases = []
        seen_cases: set[str] = set()
        raw_cases = raw_person.get("cases") or []
        if not isinstance(raw_cases, list):
            problems.append(Problem(where_p, "cases", "expected a list of cases"))
            raw_cases = []
        for c_index, raw_case in enumerate(raw_cases):
            where_c = f"{where_p} / case #{c_index + 1}"
            if not isinstance(raw_case, Mapping):
                problems.append(Problem(where_c, "(case)", "expected an object"))
                continue
            case_id = _require_id(raw_case, "id", where_c, problems)
            where_c = f"{where_p} / case {case_id or '#' + str(c_index + 1)}"
            if case_id in seen_cases:
                problems.append(Problem(where_c, "id", f"duplicate case id {case_id!r}"))
            seen_cases.add(case_id)
            _unknown_keys(raw_case, ("id", *CASE_FIELDS, *CASE_DETAILS, "charges"), where_c, problems)
            case_fields = _parse_fields(raw_case, CASE_FIELDS, where_c, problems, None)
            case_details = _parse_details(raw_case, CASE_DETAILS, where_c, problems)
            jurisdiction = case_fields["jurisdiction"]
            charges = []
            seen_charges: set[str] = set()
            raw_charges = raw_case.get("charges") or []
            if not isinstance(raw_charges, list):
                problems.append(Problem(where_c, "charges", "expected a list of charges"))
                raw_charges = []
            for h_index, raw_charge in enumerate(raw_charges):
                where_h = f"{where_c} / charge #{h_index + 1}"
                if not isinstance(raw_charge, Mapping):
                    problems.append(Problem(where_h, "(charge)", "expected an object"))
                    continue
                charge_id = _require_id(raw_charge, "id", where_h, problems)
                where_h = f"{where_c} / charge {charge_id or '#' + str(h_index + 1)}"
                if charge_id in seen_charges:
                    problems.append(Problem(where_h, "id", f"duplicate charge id {charge_id!r}"))
                seen_charges.add(charge_id)
                _unknown_keys(raw_charge, ("id", *CHARGE_FIELDS, "sentence"), where_h, problems)
                raw_sentence = raw_charge.get("sentence") or {}
                if not isinstance(raw_sentence, Mapping):
                    problems.append(Problem(where_h, "sentence", "expected an object"))
                    raw_sentence = {}
                _unknown_keys(raw_sentence, SENTENCE_FIELDS, where_h + " / sentence", problems)
                values = _parse_fields(raw_charge, CHARGE_FIELDS, where_h, problems, jurisdiction)
                values.update(_parse_fields(raw_sentence, SENTENCE_FIELDS, where_h, problems, jurisdiction))
                flat = {**person_fields, **case_fields, **values}
                for column, reason in check_charge_values(flat, as_of):
                    problems.append(Problem(where_h, column, reason))
                derive_supervision(values)
                charges.append((values, charge_id))
            cases.append(({**case_fields, **case_details}, case_id, charges))
        people.append(_build_person(pid, {**person_fields, **person_details}, cases))
        problems.extend(too_many_charges(people[-1], where_p))
    if problems:
        raise InvalidRecord(problems)
    return people

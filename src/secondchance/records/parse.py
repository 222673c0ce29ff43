"""Read records from JSON (nested) and CSV (one row per charge), validating every field.

Every problem is collected and reported with where it is (line, or person/case/charge) and
which field, so a navigator can fix the input; nothing is silently dropped.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, Final

from .model import (
    CASE_DETAILS,
    CASE_FIELDS,
    CHARGE_FIELDS,
    COLUMNS,
    DETAIL_COLUMNS,
    DISPOSITIONS,
    GRADES_BY_JURISDICTION,
    PERSON_DETAILS,
    PERSON_FIELDS,
    SCHEDULED,
    SENTENCE_FIELDS,
    SUPERVISION_ALIASES,
    SUPERVISION_BY_JURISDICTION,
    SUPERVISION_KINDS,
    Case,
    Charge,
    PartialDate,
    Person,
    Sentence,
    Value,
)
from .safe import MAX_CHARGES_PER_PERSON, MAX_FIELD_CHARS, InputRefused, decode_utf8
from .safe import loads as safe_loads
from .states import STATES, StateFacts, read_citation

UNKNOWN_TOKENS = frozenset({"", "unknown", "null", "none", "n/a", "?"})
TRUE_TOKENS = frozenset({"true", "yes", "y", "1"})
FALSE_TOKENS = frozenset({"false", "no", "n", "0"})
#: The documented date forms: a day ``YYYY-MM-DD``, or a partial date ``YYYY-MM`` or ``YYYY`` (its range);
#: date.fromisoformat alone would also take 20190105 and 2019-W01-1.
#: The years a record's date may fall in: wide for old records, narrow enough that the engine's date
#: arithmetic (waits of years added, look-backs taken away) never leaves the calendar.
MIN_YEAR: Final = 1800
MAX_YEAR: Final = 2200
DATE_FORM: Final = re.compile(r"[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?")
#: The largest amount owed accepted, in dollars (docs/record-format.md, "Limits").
MAX_AMOUNT: Final = 1_000_000_000


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input: where, which field, and why."""

    where: str
    field: str
    reason: str

    def __str__(self) -> str:
        return f"{self.where}: {self.field}: {self.reason}"


class InvalidRecord(ValueError):
    """The input has problems; ``problems`` lists every one of them."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        lines = "\n".join(f"  - {p}" for p in problems)
        super().__init__(f"{len(problems)} problem(s) in the record:\n{lines}")


def unknown_tokens(column: str) -> frozenset[str]:
    """The spellings of "unknown" for ``column``: ``none`` is a kind of supervision, not unknown."""
    return UNKNOWN_TOKENS - {"none"} if column == "supervision" else UNKNOWN_TOKENS


def year_out_of_range(year: int) -> str:
    return f"a date in the year {year} is outside the years {MIN_YEAR}-{MAX_YEAR}"


def parse_value(column: str, raw: Any) -> Value:
    """Parse one raw value (from JSON or CSV) for ``column``; raise ValueError with a reason."""
    kind = COLUMNS[column] if column in COLUMNS else DETAIL_COLUMNS[column]
    if column == "relief_granted":
        return parse_granted(raw)
    if raw is None or (isinstance(raw, str) and raw.strip().lower() in unknown_tokens(column)):
        return None
    if isinstance(raw, str) and len(raw) > MAX_FIELD_CHARS:
        raise ValueError(f"a value of {len(raw):,} characters (at most {MAX_FIELD_CHARS:,})")
    if kind == "str":
        if isinstance(raw, bool) or not isinstance(raw, str | int):
            raise ValueError(f"expected text, got {raw!r}")
        return str(raw).strip()
    if kind == "date":
        if isinstance(raw, int) and not isinstance(raw, bool) and 1000 <= raw <= 9999:
            raw = str(raw)  # a year written as a JSON number
        if not isinstance(raw, str) or not DATE_FORM.fullmatch(raw.strip()):
            raise ValueError(f"expected a date as YYYY-MM-DD, got {raw!r}")
        text = raw.strip()
        try:
            day: date
            if len(text) == 4 and text.isascii() and text.isdigit():
                day = PartialDate(int(text))
            elif len(text) == 7 and text[4] == "-" and text[:4].isdigit() and text[5:].isdigit() and text.isascii():
                day = PartialDate(int(text[:4]), int(text[5:]))
            else:
                day = date.fromisoformat(text)
        except ValueError:
            raise ValueError(f"expected a date as YYYY-MM-DD, got {raw!r}") from None
        if not MIN_YEAR <= day.year <= MAX_YEAR:
            raise ValueError(year_out_of_range(day.year))
        return day
    if kind == "bool":
        if isinstance(raw, bool):
            return raw
        token = str(raw).strip().lower()
        if token in TRUE_TOKENS:
            return True
        if token in FALSE_TOKENS:
            return False
        raise ValueError(f"expected true or false, got {raw!r}")
    # money: a non-negative amount in dollars
    if isinstance(raw, bool):
        raise ValueError(f"expected an amount in dollars, got {raw!r}")
    try:
        amount = float(str(raw).strip().lstrip("$").replace(",", ""))
    except ValueError:
        raise ValueError(f"expected an amount in dollars, got {raw!r}") from None
    if not math.isfinite(amount):
        raise ValueError(f"expected a finite amount in dollars, got {raw!r}")
    if amount < 0:
        raise ValueError(f"an amount owed cannot be negative, got {raw!r}")
    if amount > MAX_AMOUNT:
        raise ValueError(f"an amount over ${MAX_AMOUNT:,} is not plausible, got {raw!r}")
    return amount


#: The most relief grants one charge may list (a few in practice: a 17(b) reduction, then a dismissal).
MAX_GRANTS: Final = 20


def parse_granted(raw: Any) -> Value:
    """``relief_granted``: a list of citations or one ``;``-joined string, read into canonical form.

    Each item must be a citation a state grammar reads (``PC 1203.4``, ``1203.4 PC``, ``PC-17(b)``): a grant
    the engine cannot name would silently offer the same relief again. Kept in the order given, without
    repeats, as ``PC-1203.4;PC-17(B)``; an empty list is unknown.
    """
    if raw is None:
        return None
    if isinstance(raw, str):
        if len(raw) > MAX_FIELD_CHARS:
            raise ValueError(f"a value of {len(raw):,} characters (at most {MAX_FIELD_CHARS:,})")
        if raw.strip().lower() in UNKNOWN_TOKENS:
            return None
        items: list[Any] = raw.split(";")
    elif isinstance(raw, list):
        items = raw
    else:
        raise ValueError(f'expected a list of citations (e.g. ["PC-1203.4"]), got {raw!r}')
    if len(items) > MAX_GRANTS:
        raise ValueError(f"{len(items)} grants listed (at most {MAX_GRANTS})")
    read: list[str] = []
    for item in items:
        if not isinstance(item, str) or len(item) > MAX_FIELD_CHARS:
            raise ValueError(f'expected a citation such as "PC-1203.4", got {item!r}')
        if not item.strip():
            continue
        found = read_citation(item)
        if found is None:
            raise ValueError(f"cannot read the citation {item.strip()!r} (write it as e.g. PC-1203.4 or PC 17(b))")
        if found not in read:
            read.append(found)
    return ";".join(read) or None


#: A sentence flag and the facts that exist only if it is true: false beside any of them is a contradiction.
FLAGGED_FACTS: Final = {
    "incarcerated": ("incarceration_start", "incarceration_end"),
    "probation_granted": ("probation_start", "probation_end", "probation_completed"),
}
#: Kinds that follow a prison term (CA: state prison), and the kind that follows county jail (PC 1170(h)(5)(B)).
AFTER_PRISON: Final = ("parole", "prcs")

#: (start, end) dates: an end may not come before its start.
SPANS: Final = (
    ("incarceration_start", "incarceration_end"),
    ("probation_start", "probation_end"),
    ("birth_date", "death_date"),
)


def check_charge_values(values: dict[str, Value], as_of: date | None) -> list[tuple[str, str]]:
    """Cross-field checks on one flat charge row; returns (field, reason) pairs."""
    problems: list[tuple[str, str]] = []
    jurisdiction = values.get("jurisdiction")
    grade = values.get("grade")
    if isinstance(jurisdiction, str) and isinstance(grade, str):
        allowed = GRADES_BY_JURISDICTION.get(jurisdiction)
        if allowed is not None and grade not in allowed:
            problems.append(("grade", f"unknown {jurisdiction} grade {grade!r}; one of {', '.join(allowed)}"))
    disposition = values.get("disposition")
    if isinstance(disposition, str) and disposition not in DISPOSITIONS:
        problems.append(("disposition", f"unknown disposition {disposition!r}; one of {', '.join(DISPOSITIONS)}"))
    if as_of is not None:
        for name, kind in COLUMNS.items():
            value = values.get(name)
            scheduled = SCHEDULED.get(name)
            marked = scheduled is not None and values.get(scheduled) is True
            if kind == "date" and isinstance(value, date) and value > as_of and not marked:
                hint = f" (if it is a scheduled date, mark it: {scheduled})" if scheduled else ""
                problems.append((name, f"{value.isoformat()} is after the as-of date {as_of.isoformat()}{hint}"))
    for name, mark in SCHEDULED.items():
        if values.get(mark) is True and values.get(name) is None:
            problems.append((mark, f"is true, but {name} is not given"))
    for flag, dates in FLAGGED_FACTS.items():
        given = [name for name in dates if values.get(name) is not None]
        if values.get(flag) is False and given:
            problems.append((flag, f"is false, but {' and '.join(given)} is given"))
    problems += _supervision_problems(values)
    for start, end in SPANS:
        a, b = values.get(start), values.get(end)
        if isinstance(a, date) and isinstance(b, date) and _last_day(b) < a:
            problems.append((end, f"{b.isoformat()} is before {start} {a.isoformat()}"))
    return problems


def derive_supervision(values: dict[str, Value]) -> None:
    """An older record's ``probation_granted`` as a kind: true is probation, false is no supervision.

    Only where ``supervision`` is not given (a contradiction between the two is a problem reported
    by ``check_charge_values``). Probation dates alone do not say the kind: parole has dates too.
    """
    if values.get("supervision") is None and isinstance(values.get("probation_granted"), bool):
        values["supervision"] = "probation" if values["probation_granted"] else "none"


def _last_day(value: date) -> date:
    """The latest day a date may stand for (a partial date's range ends at ``last``)."""
    return value.last if isinstance(value, PartialDate) else value


def _supervision_problems(values: dict[str, Value]) -> list[tuple[str, str]]:
    """The kind of supervision against the facts that contradict it (docs/record-format.md)."""
    kind = values.get("supervision")
    if not isinstance(kind, str):
        return []
    jurisdiction = values.get("jurisdiction")
    allowed = (
        SUPERVISION_BY_JURISDICTION.get(jurisdiction, SUPERVISION_KINDS)
        if isinstance(jurisdiction, str)
        else SUPERVISION_KINDS
    )
    if kind not in allowed:
        where = (
            f"{jurisdiction} " if isinstance(jurisdiction, str) and jurisdiction in SUPERVISION_BY_JURISDICTION else ""
        )
        return [("supervision", f"unknown {where}supervision {kind!r}; one of {', '.join(allowed)}")]
    problems: list[tuple[str, str]] = []
    granted = values.get("probation_granted")
    if kind != "none" and granted is False:
        problems.append(
            ("supervision", f"is {kind}, but probation_granted is false, which means no supervision at all")
        )
    if kind != "probation" and granted is True:
        problems.append(
            ("supervision", f"is {kind}, but probation_granted is true (record the supervision the dates belong to)")
        )
    if kind == "none":
        given = [name for name in FLAGGED_FACTS["probation_granted"] if values.get(name) is not None]
        if given:
            problems.append(("supervision", f"is none, but {' and '.join(given)} is given"))
    if kind in AFTER_PRISON and values.get("incarcerated") is False:
        problems.append(("supervision", f"is {kind}, which follows a prison term, but incarcerated is false"))
    if isinstance(jurisdiction, str) and _prison_or_jail(jurisdiction):
        prison = values.get("state_prison")
        if kind in AFTER_PRISON and prison is False:
            problems.append(("supervision", f"is {kind}, which follows state prison, but state_prison is false"))
        if kind == "mandatory_supervision" and prison is True:
            problems.append(
                (
                    "supervision",
                    "is mandatory_supervision, which follows county jail (PC 1170(h)), but state_prison is true",
                )
            )
    return problems


def _state(jurisdiction: str) -> StateFacts | None:
    return STATES.get(jurisdiction)


def _prison_or_jail(jurisdiction: str) -> bool:
    """Whether the state's sentences tell state prison from county jail (``State.prison_or_jail``)."""
    found = _state(jurisdiction)
    return found is not None and found.prison_or_jail


def normalize(column: str, value: Value, jurisdiction: Value) -> Value:
    """Canonical spelling: jurisdictions upper-case, grades in their state's case (``State.grade_case``; else upper)."""
    if not isinstance(value, str):
        return value
    if column == "jurisdiction":
        return value.upper()
    if column == "grade":
        found = _state(jurisdiction) if isinstance(jurisdiction, str) else None
        return found.fold_grade(value) if found is not None else value.upper()
    if column == "disposition":
        token = value.lower().replace(" ", "_").replace("-", "_")
        return None if token == "unknown" else token
    if column == "supervision":
        token = value.lower().replace(" ", "_").replace("-", "_")
        return SUPERVISION_ALIASES.get(token, token)
    return value


def _parse_fields(
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


def _parse_details(
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


def _unknown_keys(raw: Mapping[str, Any], allowed: Iterable[str], where: str, problems: list[Problem]) -> None:
    for key in sorted(set(raw) - set(allowed)):
        problems.append(Problem(where, key, "unknown field (check the spelling against docs/record-format.md)"))


def _build_person(
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


def _require_id(raw: Mapping[str, Any], key: str, where: str, problems: list[Problem]) -> str:
    value = raw.get(key)
    if value is None or (isinstance(value, str) and not value.strip()) or isinstance(value, bool):
        problems.append(Problem(where, key, "an id is required"))
        return ""
    return str(value).strip()


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


def people_from_csv(text: str, as_of: date | None = None) -> list[Person]:
    """People from the flat CSV form (one row per charge; the README's columns)."""
    reader = csv.DictReader(io.StringIO(text))
    header = reader.fieldnames or []
    problems: list[Problem] = []
    for required in ("person_id", "case_id", "charge_id"):
        if required not in header:
            problems.append(Problem("line 1 (header)", required, "required column is missing"))
    for column in header:
        if column not in COLUMNS and column not in DETAIL_COLUMNS:
            problems.append(Problem("line 1 (header)", column, "unknown column (see docs/record-format.md)"))
    if problems:
        raise InvalidRecord(problems)
    by_person: dict[
        str, tuple[dict[str, Any], dict[str, tuple[dict[str, Any], list[tuple[dict[str, Value], str]]]]]
    ] = {}
    seen_charges: set[tuple[str, str, str]] = set()
    for raw in reader:
        where = f"line {reader.line_num}"
        if None in raw:
            problems.append(Problem(where, "(row)", "more values than header columns"))
            continue
        pid = _require_id(raw, "person_id", where, problems)
        case_id = _require_id(raw, "case_id", where, problems)
        charge_id = _require_id(raw, "charge_id", where, problems)
        jurisdiction = normalize("jurisdiction", _safe(raw.get("jurisdiction")), None)
        values = _parse_fields(
            raw, [c for c in COLUMNS if c not in ("person_id", "case_id", "charge_id")], where, problems, jurisdiction
        )
        for column, reason in check_charge_values(values, as_of):
            problems.append(Problem(where, column, reason))
        derive_supervision(values)
        values.update(_parse_details(raw, DETAIL_COLUMNS, where, problems))
        key = (pid, case_id, charge_id)
        if key in seen_charges:
            problems.append(
                Problem(where, "charge_id", f"duplicate charge {charge_id!r} in case {case_id!r} of person {pid!r}")
            )
            continue
        seen_charges.add(key)
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
    people = [
        _build_person(pid, pf, [(cf, cid, ch) for cid, (cf, ch) in cases.items()])
        for pid, (pf, cases) in by_person.items()
    ]
    for person in people:
        problems.extend(too_many_charges(person, f"person {person.id}"))
    if problems:
        raise InvalidRecord(problems)
    return people


def too_many_charges(person: Person, where: str) -> list[Problem]:
    """The one limit on work per person (every entry point): at most MAX_CHARGES_PER_PERSON charges."""
    count = sum(len(case.charges) for case in person.cases)
    if count <= MAX_CHARGES_PER_PERSON:
        return []
    return [Problem(where, "(charges)", f"{count:,} charges; at most {MAX_CHARGES_PER_PERSON:,} per person")]


def _safe(raw: Any) -> Value:
    try:
        return parse_value("jurisdiction", raw)
    except ValueError:
        return None


def load_people(path: str, as_of: date | None = None) -> list[Person]:
    """Load a ``.json`` or ``.csv`` record file (UTF-8, with or without a byte-order mark)."""
    with open(path, "rb") as handle:
        data = handle.read()
    try:
        if path.lower().endswith(".csv"):
            return people_from_csv(decode_utf8(data), as_of)
        return people_from_json(safe_loads(data), as_of)
    except InputRefused as error:
        kind = "(csv)" if path.lower().endswith(".csv") else "(json)"
        raise InvalidRecord([Problem(error.where, kind, error.reason)]) from None
    except csv.Error as error:
        raise InvalidRecord([Problem("(file)", "(csv)", str(error))]) from None

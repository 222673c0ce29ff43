"""Read a record file of any size person by person, in two passes, in bounded memory.

Pass 1 (``check_file``) validates everything and keeps only ids and per-person tallies, so every
problem is reported before any result is written (never a partial result). Pass 2
(``iter_people``) yields one ``Person`` at a time. A CSV's rows for one person need not be
adjacent: pass 2 holds a person's rows until the count pass 1 saw has arrived, and yields people
in order of first appearance; for the usual grouped file it holds one person at a time.
"""

from __future__ import annotations

import csv
import io
from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import IO, Any, Final

from .fields import build_person, too_many_charges
from .from_csv import header_problems, read_row
from .from_json import people_from_json
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
from .safe import (
    MAX_CHARGES_PER_PERSON,
    InputRefused,
    detect_encoding_problem,
    iter_json_people,
    locate_undecodable,
)
from .values import InvalidRecord, Problem

#: Problems listed before the rest are only counted (a wrong file could have millions).
MAX_PROBLEMS: Final = 1000


@dataclass
class _Problems:
    items: list[Problem] = field(default_factory=list)
    more: int = 0

    def add(self, problem: Problem) -> None:
        if len(self.items) < MAX_PROBLEMS:
            self.items.append(problem)
        else:
            self.more += 1

    def extend(self, problems: list[Problem]) -> None:
        for problem in problems:
            self.add(problem)

    def raise_if_any(self) -> None:
        if self.items:
            listed = list(self.items)
            if self.more:
                listed.append(Problem("(file)", "(more)", f"{self.more:,} more problem(s) not listed"))
            raise InvalidRecord(listed)


def _is_csv(path: str) -> bool:
    return path.lower().endswith(".csv")


def _json_people(path: str) -> Iterator[tuple[str, Any]]:
    """The raw people of a JSON file, read in chunks: memory holds one chunk and one person."""
    with open(path, "rb") as handle:
        yield from iter_json_people(handle)


def check_file(path: str, as_of: date | None, only: str | None = None) -> int:
    """Validate the whole file (raises InvalidRecord listing every problem); the number of people selected."""
    problems = _Problems()
    try:
        count = _check_csv(path, as_of, only, problems) if _is_csv(path) else _check_json(path, as_of, only, problems)
    except InputRefused as error:
        problems.add(Problem(error.where, "(csv)" if _is_csv(path) else "(json)", error.reason))
        count = 0
    problems.raise_if_any()
    return count


def iter_people(path: str, as_of: date | None, only: str | None = None) -> Iterator[Person]:
    """The people of a file ``check_file`` accepted, one at a time, in file order."""
    if _is_csv(path):
        yield from _iter_csv(path, as_of, only)
        return
    for index, (_, raw) in enumerate(_json_people(path), start=1):
        if only is None or (isinstance(raw, dict) and str(raw.get("id", "")).strip() == only):
            yield from people_from_json([raw], as_of, first=index)


def _check_json(path: str, as_of: date | None, only: str | None, problems: _Problems) -> int:
    seen: set[str] = set()
    count = 0
    for index, (_, raw) in enumerate(_json_people(path), start=1):
        try:
            people = people_from_json([raw], as_of, first=index)
        except InvalidRecord as error:
            problems.extend(error.problems)
            people = []
        for person in people:
            if person.id in seen:
                problems.add(Problem(f"person {person.id}", "id", f"duplicate person id {person.id!r}"))
            seen.add(person.id)
            count += only is None or person.id == only
    return count


# ---- CSV ----------------------------------------------------------------------------------------


def _open_csv(path: str) -> IO[str]:
    """The file as UTF-8 text (a byte-order mark skipped); UTF-16/32 and NUL bytes refused by name."""
    handle = open(path, "rb")  # noqa: SIM115 - closed by the text wrapper
    problem = detect_encoding_problem(handle.peek(64)[:64])
    if problem:
        handle.close()
        raise InputRefused("line 1", problem)
    return io.TextIOWrapper(handle, encoding="utf-8-sig", errors="strict", newline="")


@dataclass
class _Row:
    line: int
    pid: str
    case_id: str
    charge_id: str
    values: dict[str, Value]


def _csv_rows(path: str, as_of: date | None, problems: _Problems) -> Iterator[_Row]:
    """Each data row parsed and checked on its own; header and decoding problems end the file."""
    with _open_csv(path) as text:
        reader = csv.DictReader(text)
        try:
            header = reader.fieldnames or []
        except UnicodeDecodeError:
            raise locate_undecodable(path) from None
        except csv.Error as error:
            raise InputRefused("line 1", f"not valid CSV: {error}") from None
        header_faults = header_problems(header)
        if header_faults:
            problems.extend(header_faults)
            return
        while True:
            try:
                raw = next(reader)
            except StopIteration:
                return
            except UnicodeDecodeError:
                raise locate_undecodable(path) from None
            except csv.Error as error:
                raise InputRefused(f"line {reader.line_num}", f"not valid CSV: {error}") from None
            row_problems: list[Problem] = []
            row = read_row(raw, f"line {reader.line_num}", as_of, row_problems)
            problems.extend(row_problems)
            if row is not None:
                (pid, case_id, charge_id), values = row
                yield _Row(reader.line_num, pid, case_id, charge_id, values)


def _check_csv(path: str, as_of: date | None, only: str | None, problems: _Problems) -> int:
    """Row checks plus the cross-row ones, keeping per person only its fields and counts."""
    persons: dict[str, tuple[tuple[Value, ...], int]] = {}
    cases: dict[tuple[str, str], tuple[Value, ...]] = {}
    seen_charges: set[tuple[str, str, str]] = set()
    for row in _csv_rows(path, as_of, problems):
        key = (row.pid, row.case_id, row.charge_id)
        if key in seen_charges:
            problems.add(
                Problem(
                    f"line {row.line}",
                    "charge_id",
                    f"duplicate charge {row.charge_id!r} in case {row.case_id!r} of person {row.pid!r}",
                )
            )
            continue
        seen_charges.add(key)
        person_fields = tuple(row.values[k] for k in PERSON_FIELDS)
        known, rows = persons.get(row.pid, (person_fields, 0))
        for name, a, b in zip(PERSON_FIELDS, known, person_fields, strict=True):
            if a != b:
                problems.add(Problem(f"line {row.line}", name, f"differs from an earlier row of person {row.pid!r}"))
        persons[row.pid] = (known, rows + 1)
        if rows + 1 == MAX_CHARGES_PER_PERSON + 1:
            problems.add(
                Problem(f"person {row.pid}", "(charges)", f"more than {MAX_CHARGES_PER_PERSON:,} charges per person")
            )
        case_fields = tuple(row.values[k] for k in CASE_FIELDS)
        known_case = cases.setdefault((row.pid, row.case_id), case_fields)
        for name, a, b in zip(CASE_FIELDS, known_case, case_fields, strict=True):
            if a != b:
                problems.add(Problem(f"line {row.line}", name, f"differs from an earlier row of case {row.case_id!r}"))
    return len(persons) if only is None else int(only in persons)


def _iter_csv(path: str, as_of: date | None, only: str | None) -> Iterator[Person]:
    """People in order of first appearance; a person is yielded once all of its rows have arrived."""
    totals: dict[str, int] = {}
    with _open_csv(path) as text:
        for raw in csv.DictReader(text):
            pid = str(raw.get("person_id") or "").strip()
            totals[pid] = totals.get(pid, 0) + 1
    pending: OrderedDict[str, tuple[dict[str, Any], dict[str, Any]]] = OrderedDict()
    arrived: dict[str, int] = {}
    for row in _csv_rows(path, as_of, _Problems()):
        if only is not None and row.pid != only:
            continue
        person_fields: dict[str, Any] = {k: row.values.get(k) for k in (*PERSON_FIELDS, *PERSON_DETAILS)}
        person_fields["aliases"] = person_fields["aliases"] or ()
        _, person_cases = pending.setdefault(row.pid, (person_fields, {}))
        case_fields = {k: row.values.get(k) for k in (*CASE_FIELDS, *CASE_DETAILS)}
        _, charges = person_cases.setdefault(row.case_id, (case_fields, []))
        charges.append(({k: row.values[k] for k in (*CHARGE_FIELDS, *SENTENCE_FIELDS)}, row.charge_id))
        arrived[row.pid] = arrived.get(row.pid, 0) + 1
        while pending:
            first = next(iter(pending))
            if arrived[first] < totals[first]:
                break
            fields, done_cases = pending.pop(first)
            del arrived[first]
            yield build_person(first, fields, [(cf, cid, ch) for cid, (cf, ch) in done_cases.items()])


__all__ = ["MAX_PROBLEMS", "check_file", "iter_people", "too_many_charges"]

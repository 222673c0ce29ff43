"""Several documents of one person become one record: the same case read twice is one case.

Cases are matched by docket number (their id), charges within a case by their sequence number (id).
Where two documents print the same value it is kept; where they differ, the value becomes unknown
(so the rules answer "needs review", never the more favourable reading) and the disagreement is
listed with both texts. Which document is right is for a person to decide, not the merge.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import date
from typing import Any

from ..records import people_from_json
from ..records.model import Case, Charge, Person, Sentence
from ..records.parse import person_to_json
from .reading import Reading, Seen, Unread
from .registry import read_document


@dataclass(frozen=True)
class Merged:
    person: Person
    seen: tuple[Seen, ...]
    unread: tuple[Unread, ...]
    disagreements: tuple[str, ...]
    notes: tuple[str, ...]


def merge(readings: list[Reading]) -> Merged:
    disagreements: list[str] = []
    notes: list[str] = []
    person_values: dict[str, Any] = {}
    cases: dict[str, dict[str, Any]] = {}
    charges: dict[str, dict[str, dict[str, Any]]] = {}
    sentences: dict[tuple[str, str], dict[str, Any]] = {}
    aliases: list[str] = []
    seen: list[Seen] = []
    unread: list[Unread] = []
    for reading in readings:
        p = reading.person
        _agree(person_values, _values(p, ("id", "cases", "aliases")), "person", reading.file, disagreements)
        aliases += [a for a in p.aliases if a not in aliases]
        renumber: dict[str, str] = {}
        for c_index, case in enumerate(p.cases):
            _agree(
                cases.setdefault(case.id, {}),
                _values(case, ("id", "charges")),
                f"case {case.id}",
                reading.file,
                disagreements,
            )
            case_charges = charges.setdefault(case.id, {})
            new_case = list(cases).index(case.id)
            renumber[f"cases[{c_index}]"] = f"cases[{new_case}]"
            for h_index, charge in enumerate(case.charges):
                where = f"case {case.id} charge {charge.id}"
                _agree(
                    case_charges.setdefault(charge.id, {}),
                    _values(charge, ("id", "sentence")),
                    where,
                    reading.file,
                    disagreements,
                )
                _agree(
                    sentences.setdefault((case.id, charge.id), {}),
                    _values(charge.sentence, ()),
                    where,
                    reading.file,
                    disagreements,
                )
                new_charge = list(case_charges).index(charge.id)
                renumber[f"cases[{c_index}].charges[{h_index}]"] = f"cases[{new_case}].charges[{new_charge}]"
        seen += [replace(s, field=_renumber(s.field, renumber)) for s in reading.seen]
        unread += [replace(u, field=_renumber(u.field, renumber)) for u in reading.unread]
        notes += [f"{reading.file}: {note}" for note in reading.notes]
    built = tuple(
        Case(
            id=case_id,
            charges=tuple(
                Charge(id=charge_id, sentence=Sentence(**sentences[(case_id, charge_id)]), **values)
                for charge_id, values in charges[case_id].items()
            ),
            **values,
        )
        for case_id, values in cases.items()
    )
    person = Person(id=str(person_values.get("name") or "person"), cases=built, aliases=tuple(aliases), **person_values)
    return Merged(person, tuple(seen), tuple(unread), tuple(disagreements), tuple(notes))


def _values(item: Any, skip: tuple[str, ...]) -> dict[str, Any]:
    return {f.name: getattr(item, f.name) for f in fields(item) if f.name not in skip}


def _agree(known: dict[str, Any], new: dict[str, Any], where: str, file: str, out: list[str]) -> None:
    """Fold ``new`` into ``known``: a value only one document gives is kept; two that differ become unknown."""
    for name, value in new.items():
        if value is None:
            known.setdefault(name, None)
            continue
        if name not in known or known[name] is None:
            if f"{where}: {name}" not in {d.split(" (")[0] for d in out}:
                known[name] = value
            continue
        if known[name] != value:
            out.append(f"{where}: {name} ({known[name]!r}, but {file} prints {value!r})")
            known[name] = None


def _renumber(path: str, renumber: dict[str, str]) -> str:
    for old in sorted(renumber, key=len, reverse=True):
        if path.startswith(old + ".") or path == old:
            return renumber[old] + path[len(old) :]
    return path


def read_documents(paths: list[str]) -> Merged:
    """Every document read and merged into one person; DocumentRefused for the first one refused."""
    return merge([read_document(path) for path in paths])


def checked_person(merged: Merged, as_of: date | None) -> Person:
    """The merged person through the record parser: the same checks as a typed record."""
    return people_from_json(person_to_json(merged.person), as_of=as_of)[0]


def reading_json(merged: Merged) -> dict[str, Any]:
    """What was read (with its place), what was not, and where documents disagree."""
    return {
        "record": person_to_json(merged.person),
        "seen": [{"field": s.field, "text": s.text, "place": str(s.place), "sure": s.sure} for s in merged.seen],
        "unread": [
            {"field": u.field, "text": u.text, "place": str(u.place), "reason": u.reason} for u in merged.unread
        ],
        "disagreements": list(merged.disagreements),
        "notes": list(merged.notes),
    }

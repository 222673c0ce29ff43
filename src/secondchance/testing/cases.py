"""Legislation test cases as YAML a lawyer can review (one file per statute section).

Format (``relief/jurisdictions/<state>/cases/<section>.yaml``, the folder a state's descriptor names
in ``State.cases``)::

    section: 18 Pa.C.S. § 9122(a)(2)
    rule: PA-9122-a2-nonconviction        # the rule the expectations are about (default)
    jurisdiction: PA                       # default jurisdiction of each charge (default: the folder's state)
    cases:
      - name: A dismissed charge can be expunged
        as_of: 2026-11-23
        person: {birth_date: 1980-01-01}   # optional person facts
        charges:                           # flat rows (record CSV columns); ids default c1 / 1, 2, ...
          - {grade: M2, disposition: dismissed, disposition_date: 2020-01-01}
        expect:                            # one mapping (first charge) or a list with `charge: c1/1`
          status: eligible_now             # eligible_now | eligible_on | needs_review | not_eligible
          eligible_on: 2027-01-01          # optional
          missing: [grade]                 # optional, exact list
          failed: [not_a_conviction]       # optional: ids of conditions that did not hold
          assumptions: [pardoned]          # optional, exact list: defaulted facts the result rests on
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from ..records import Person, people_from_json
from ..records.model import CASE_FIELDS, CHARGE_FIELDS, PERSON_FIELDS, SENTENCE_FIELDS

#: libyaml's parser when PyYAML was built with it: the same documents as ``yaml.SafeLoader``, eight times
#: faster (the legislation cases and parameters are read at every start and every test collection).
_YAML_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Case:
    file: str
    name: str
    as_of: date
    person: Person
    expect: tuple[dict[str, Any], ...]
    rule: str | None


def _text(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return value


def person_from_rows(
    rows: list[dict[str, Any]], person: dict[str, Any] | None = None, jurisdiction: str = "PA", pid: str = "p1"
) -> Person:
    """Build a validated Person from flat charge rows (YAML/CSV style), grouping by case_id."""
    cases: dict[str, dict[str, Any]] = {}
    for index, row in enumerate(rows, start=1):
        unknown = set(row) - {*CASE_FIELDS, *CHARGE_FIELDS, *SENTENCE_FIELDS, "case_id", "charge_id"}
        if unknown:
            raise ValueError(f"unknown fields in test row: {sorted(unknown)}")
        case_id = str(row.get("case_id", "c1"))
        case = cases.setdefault(case_id, {"id": case_id, "jurisdiction": jurisdiction, "charges": []})
        for name in CASE_FIELDS:
            if name in row:
                case[name] = _text(row[name])
        charge: dict[str, Any] = {"id": str(row.get("charge_id", index))}
        charge.update({k: _text(row[k]) for k in CHARGE_FIELDS if k in row})
        sentence = {k: _text(row[k]) for k in SENTENCE_FIELDS if k in row}
        if sentence:
            charge["sentence"] = sentence
        case["charges"].append(charge)
    raw = {
        "id": pid,
        **{k: _text(v) for k, v in (person or {}).items() if k in PERSON_FIELDS},
        "cases": list(cases.values()),
    }
    return people_from_json(raw)[0]


def _folder_state(path: Path) -> str:
    """``pa/cases/x.yaml`` and ``cases/pa/x.yaml`` are Pennsylvania's."""
    folder = path.parent.name
    return (path.parent.parent.name if folder == "cases" else folder).upper()


def state_cases(codes: Iterable[str] | None = None) -> list[Case]:
    """Every registered state's YAML cases (``State.cases``), file by file in name order."""
    from ..relief.jurisdictions import states

    return [
        case
        for state in states()
        if state.cases is not None and (codes is None or state.code in codes)
        for path in sorted(state.cases.glob("*.yaml"))
        for case in load_cases(path, state.code)
    ]


def load_cases(path: Path, jurisdiction: str | None = None) -> list[Case]:
    """The cases of one file; a charge's jurisdiction is its own, else the file's, else ``jurisdiction``.

    Without either (a file outside a state's folder), the upper-cased name of the folder holding it.
    """
    spec = yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML_LOADER)
    jurisdiction = spec.get("jurisdiction", jurisdiction or _folder_state(path))
    out = []
    for raw in spec["cases"]:
        expect = raw["expect"]
        expects = tuple(expect if isinstance(expect, list) else [expect])
        out.append(
            Case(
                file=path.name,
                name=raw["name"],
                as_of=raw["as_of"] if isinstance(raw["as_of"], date) else date.fromisoformat(raw["as_of"]),
                person=person_from_rows(raw["charges"], raw.get("person"), raw.get("jurisdiction", jurisdiction)),
                expect=expects,
                rule=spec.get("rule"),
            )
        )
    return out

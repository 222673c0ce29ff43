"""A person's facts for matching services (``person.json``): every fact optional, ``None`` = unknown.

Record facts follow the relief engine's stance: a fact we were not told is unknown, and a
result that hinges on it says so by name instead of guessing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, fields
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Final

import yaml

from .validate import InvalidDirectory, Problem

#: libyaml's parser when PyYAML was built with it: the same documents as ``yaml.SafeLoader``, eight times
#: faster (the legislation cases and parameters are read at every start and every test collection).
_YAML_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

RECORD_FACTS: Final = ("has_felony", "violent_felony", "sex_offense_registration", "arson")
INSURANCE: Final = ("medicaid", "medicare", "private", "none")
DOCUMENT_CODES: Final = (
    "photo_id",
    "ssn_card",
    "release_papers",
    "birth_certificate",
    "proof_of_income",
    "proof_of_residency",
)


@dataclass(frozen=True)
class PersonFacts:
    has_record: bool | None = None
    has_felony: bool | None = None
    violent_felony: bool | None = None
    sex_offense_registration: bool | None = None
    arson: bool | None = None
    age: int | None = None
    gender: str | None = None
    veteran: bool | None = None
    insurance: tuple[str, ...] | None = None
    income_fpl_percent: float | None = None
    household_size: int | None = None
    annual_income: float | None = None
    state: str | None = None
    county: str | None = None
    city: str | None = None
    zip: str | None = None
    documents: tuple[str, ...] | None = None
    has_referral: bool | None = None
    sober: bool | None = None  # asked only by services that require sobriety (detoxed, clean and sober)
    languages: tuple[str, ...] | None = None

    @property
    def any_record(self) -> bool | None:
        """Whether the person has any criminal record (a felony or a registration implies one)."""
        if any(getattr(self, f) is True for f in RECORD_FACTS):
            return True
        return self.has_record

    def record_fact(self, name: str) -> bool | None:
        """A record fact; false when the person has no record at all."""
        value: bool | None = getattr(self, name)
        if value is None and self.has_record is False:
            return False
        return value

    def fpl_percent(self, as_of: date) -> tuple[float | None, str]:
        """Household income as a percent of the poverty guideline, and where the number came from."""
        if self.income_fpl_percent is not None:
            return self.income_fpl_percent, "as given"
        if self.household_size is None or self.annual_income is None:
            return None, "income_fpl_percent (or household_size and annual_income)"
        if self.state in ("AK", "HI"):
            return None, "poverty guideline for Alaska/Hawaii (not encoded)"
        guideline = poverty_guideline(self.household_size, as_of)
        if guideline is None:
            return None, f"poverty guideline in force on {as_of.isoformat()}"
        return 100 * self.annual_income / guideline[0], guideline[1]


@cache
def _guidelines() -> tuple[tuple[date, int, int, str], ...]:
    text = resources.files("secondchance.directory").joinpath("params", "poverty.yaml").read_text(encoding="utf-8")
    entries: list[dict[str, Any]] = yaml.load(text, Loader=_YAML_LOADER)
    return tuple(
        sorted((e["effective"], int(e["first_person"]), int(e["each_additional"]), str(e["cite"])) for e in entries)
    )


def poverty_guideline(household_size: int, as_of: date) -> tuple[float, str] | None:
    """The 48-states guideline for a household on ``as_of`` (the latest in force), with its citation."""
    in_force = [g for g in _guidelines() if g[0] <= as_of]
    if not in_force or household_size < 1:
        return None
    effective, first, each, cite = in_force[-1]
    return float(first + each * (household_size - 1)), f"{cite}, in force from {effective.isoformat()}"


def _problem(file: str, name: str, reason: str) -> Problem:
    return Problem(file, None, name, reason)


def parse_facts(data: Any, file: str = "person.json") -> PersonFacts:
    """Validated facts from a JSON object; raises ``InvalidDirectory`` listing every bad field."""
    if not isinstance(data, dict):
        raise InvalidDirectory([_problem(file, "", "must be a JSON object of facts")])
    known = {f.name: f for f in fields(PersonFacts)}
    problems: list[Problem] = []
    out: dict[str, Any] = {}
    for name, value in data.items():
        if name not in known:
            problems.append(_problem(file, name, f"unknown fact; known facts: {', '.join(known)}"))
            continue
        if value is None:
            continue
        kind = str(known[name].type)
        if kind.startswith("bool"):
            ok = isinstance(value, bool)
        elif kind.startswith("int"):
            ok = isinstance(value, int) and not isinstance(value, bool) and value >= 0
        elif kind.startswith("float"):
            ok = isinstance(value, int | float) and not isinstance(value, bool) and value >= 0
        elif kind.startswith("tuple"):
            ok = isinstance(value, list) and all(isinstance(v, str) for v in value)
            value = tuple(v.strip().lower() for v in value) if ok else value
        else:
            ok = isinstance(value, str)
            value = value.strip() if ok else value
        if not ok:
            problems.append(_problem(file, name, f"{value!r} is not a valid {kind.split(' ')[0]}"))
            continue
        out[name] = value
    for name, allowed in (("insurance", INSURANCE), ("documents", DOCUMENT_CODES)):
        bad = [v for v in out.get(name, ()) if v not in allowed]
        if bad:
            problems.append(_problem(file, name, f"{bad} not among {', '.join(allowed)}"))
    if "state" in out:
        out["state"] = out["state"].upper()
    if problems:
        raise InvalidDirectory(problems)
    facts = PersonFacts(**out)
    return with_place(facts)


def with_place(facts: PersonFacts) -> PersonFacts:
    """Fill city, county and state from the ZIP code when those are not given."""
    if facts.zip is None:
        return facts
    from .geo import zip_place

    place = zip_place(facts.zip)
    if place is None:
        return facts
    city, county, state = place
    return PersonFacts(
        **{
            **{f.name: getattr(facts, f.name) for f in fields(PersonFacts)},
            "city": facts.city or city,
            "county": facts.county or county,
            "state": facts.state or state,
        }
    )


def load_facts(path: Path) -> PersonFacts:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as failure:
        raise InvalidDirectory([Problem(str(path), None, None, f"not readable JSON: {failure}")]) from None
    return parse_facts(data, path.name)

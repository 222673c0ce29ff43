"""What the synthetic generator draws from for one state: its statute pool, counties and the edge dates.

A state's ``State.synth`` profile says what its dockets hold; here it becomes weighted pools, and
the days waiting periods may end on (anchors minus N years, parameter changes, 29 February) and
birthdays that turn a person 70 (or 65, 21, 18) around them, which ``synth`` aims a share of rows at.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Final

import numpy as np

from ..relief.jurisdictions.state import SynthProfile

#: The day the synthetic extract was taken: no date in the data is later.
THROUGH: Final = date(2026, 11, 23)
_EPOCH: Final = date(1970, 1, 1)


@dataclass(frozen=True)
class Profile:
    """What the generator draws from for one jurisdiction (statute pool, counties, edge dates)."""

    jurisdiction: str
    synth: SynthProfile
    statutes: tuple[str, ...]
    descriptions: tuple[str | None, ...]
    grades: tuple[str, ...]
    weights: np.ndarray
    counties: tuple[str, ...]
    county_codes: tuple[str, ...]
    county_weights: np.ndarray
    edge_targets: np.ndarray  # day numbers that waiting periods may end on
    age_targets: np.ndarray  # birth days for people turning 70 (or another age parameter) near an anchor


def day_number(d: date) -> int:
    return (d - _EPOCH).days


def _minus_years(d: date, years: int) -> list[date]:
    try:
        return [d.replace(year=d.year - years)]
    except ValueError:  # 29 February: both neighbours
        return [date(d.year - years, 2, 28), date(d.year - years, 3, 1)]


def _state_profile(jurisdiction: str) -> SynthProfile:
    """The state's synthetic-record profile (``State.synth``, in ``relief/jurisdictions/<state>/``)."""
    from ..relief.jurisdictions import STATES

    found = STATES.get(jurisdiction)
    if found is None or found.synth is None:
        known = ", ".join(code for code, s in STATES.items() if s.synth is not None)
        raise ValueError(f"no synthetic profile for jurisdiction {jurisdiction!r}; one of {known}")
    return found.synth


def _param_statutes(jurisdiction: str) -> list[str]:
    """Every statute listed in the jurisdiction's dated parameters (all versions)."""
    from ..relief.params import all_parameters

    found: list[str] = []
    for key, parameter in all_parameters().items():
        if not key.lower().startswith(jurisdiction.lower() + "."):
            continue
        for version in parameter.history:
            if isinstance(version.value, tuple):
                for item in version.value:
                    if re.search(r"\d{2,}", item) and item not in found:  # a section, not a grade like "M1"
                        found.append(item)
    return found


def _anchor_dates(jurisdiction: str, extra: Sequence[date]) -> tuple[list[date], list[int]]:
    """As-of dates worth testing around, and the whole numbers of years parameters use."""
    from ..relief.jurisdictions import STATES
    from ..relief.params import all_parameters

    anchors = set(extra)
    years = {1, 2, 3, 5, 7, 10, 15}
    for key, parameter in all_parameters().items():
        if key.lower().startswith(jurisdiction.lower() + "."):
            for version in parameter.history:
                anchors.add(version.since)
                if isinstance(version.value, int) and 0 < version.value <= 80:
                    years.add(version.value)
    for rule in STATES[jurisdiction].rules:
        if rule.jurisdiction == jurisdiction:
            anchors.add(rule.effective)
            if rule.repealed is not None:
                anchors.add(rule.repealed)
    return sorted(a for a in anchors if date(1990, 1, 1) <= a <= THROUGH), sorted(years)


@cache
def profile_for(jurisdiction: str, anchors: tuple[date, ...]) -> Profile:
    synth = _state_profile(jurisdiction)
    base = synth.statutes
    grade_pool = synth.listed_grades
    entries: list[tuple[str, str | None, str, float]] = []
    for statute, description, grades, weight in base:
        spellings = list(synth.spellings(statute))
        for s_index, spelling in enumerate(spellings):
            share = weight * (0.7 if s_index == 0 else 0.3 / max(1, len(spellings) - 1))
            for grade in grades:
                entries.append((spelling, description, grade, share / len(grades)))
    listed = _param_statutes(jurisdiction)
    ordinary = sum(e[3] for e in entries)
    each = 0.15 * ordinary / max(1, len(listed))  # listed statutes: 15% of charges in all
    for index, statute in enumerate(listed):
        spellings = list(synth.spellings(statute))
        for s_index, spelling in enumerate(spellings):
            grade = grade_pool[(index + s_index) % len(grade_pool)]
            share = each * (0.6 if s_index == 0 else 0.2 / max(1, len(spellings) - 1))
            entries.append((spelling, None, grade, share))
            entries.append((spelling + "(a)", None, grade, each * 0.2 / len(spellings)))  # a subsection
    weights = np.array([e[3] for e in entries], dtype=np.float64)
    counties = synth.counties
    county_weights = np.array([c[2] for c in counties], dtype=np.float64)
    as_ofs, years = _anchor_dates(jurisdiction, anchors)
    targets: set[int] = set()
    for anchor in as_ofs:
        for n in years:
            for moved in _minus_years(anchor, n):
                for delta in (-1, 0, 1):
                    targets.add(day_number(moved + timedelta(days=delta)))
    for year in range(1996, 2025, 4):
        targets.add(day_number(date(year, 2, 29)))
    age_targets: list[int] = []  # 70 (a common age limit) three times as often as 65 or 21
    for anchor in as_ofs:
        for age in (70, 70, 70, 65, 21):
            for moved in _minus_years(anchor, age):
                for delta in (-2, -1, 0, 1, 2):
                    age_targets.append(day_number(moved + timedelta(days=delta)))
    return Profile(
        jurisdiction=jurisdiction,
        synth=synth,
        statutes=tuple(e[0] for e in entries),
        descriptions=tuple(e[1] for e in entries),
        grades=tuple(e[2] for e in entries),
        weights=weights / weights.sum(),
        counties=tuple(c[0] for c in counties),
        county_codes=tuple(f"{c[1]:02d}" if isinstance(c[1], int) else str(c[1]) for c in counties),
        county_weights=county_weights / county_weights.sum(),
        edge_targets=np.array(sorted(t for t in targets if t <= day_number(THROUGH)), dtype=np.int64),
        age_targets=np.array(sorted(age_targets), dtype=np.int64),
    )

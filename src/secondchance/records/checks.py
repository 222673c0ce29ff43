"""Cross-field checks on one flat charge row (grades, dispositions, dates, supervision), and the derived kind."""

from __future__ import annotations

from datetime import date
from typing import Final

from .model import (
    COLUMNS,
    DISPOSITIONS,
    GRADES_BY_JURISDICTION,
    SCHEDULED,
    SUPERVISION_BY_JURISDICTION,
    SUPERVISION_KINDS,
    PartialDate,
    Value,
)
from .values import _state

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


def _prison_or_jail(jurisdiction: str) -> bool:
    """Whether the state's sentences tell state prison from county jail (``State.prison_or_jail``)."""
    found = _state(jurisdiction)
    return found is not None and found.prison_or_jail

"""The plan file a person can give a case worker: JSON holding the plan's inputs and its items.

The inputs (the record, the as-of date, the release date, the picked services) are what a reader
rebuilds the plan from, with the law of the same as-of date, so the case worker sees the same plan
(and may read it in the other language); the items are there for anyone reading the file without
secondchance. Nothing in the file is trusted: the record is validated as any record is, every other
field is checked, and a file that fails is refused with the reason (``PlanFileRefused``).
"""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date
from typing import Any

from ..records import Person, people_from_json
from ..records.parse import person_to_json
from .build import plan_for
from .i18n import LANGUAGES
from .model import Plan, Service

FORMAT = "secondchance-plan"
VERSION = 1
#: A plan file holds one person's record and a few services: anything bigger is refused.
MAX_BYTES = 2_000_000
MAX_SERVICES = 50
MAX_TEXT = 500


class PlanFileRefused(ValueError):
    """The file is not a plan file this version can open; ``reason`` says why in plain words."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def items_json(plan: Plan) -> list[dict[str, Any]]:
    return [{**asdict(item), "day": item.day.isoformat() if item.day else None} for item in plan.items]


def plan_summary_json(plan: Plan) -> dict[str, Any]:
    """The plan without its inputs (what ``secondchance plan -f json`` prints)."""
    return {
        "person_id": plan.person_id,
        "as_of": plan.as_of.isoformat(),
        "release_date": plan.release_date.isoformat() if plan.release_date else None,
        "start": plan.start.isoformat() if plan.start else None,
        "lang": plan.lang,
        "items": items_json(plan),
    }


def plan_to_json(plan: Plan, person: Person) -> dict[str, Any]:
    """The plan file: its inputs (to rebuild it) and its items (to read it without secondchance)."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "lang": plan.lang,
        "as_of": plan.as_of.isoformat(),
        "release_date": plan.release_date.isoformat() if plan.release_date else None,
        "record": person_to_json(person),
        "services": [asdict(s) for s in plan.services],
        "items": items_json(plan),
    }


def _date(value: Any, name: str, optional: bool = False) -> date | None:
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise PlanFileRefused(f"{name} must be a date as YYYY-MM-DD")
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise PlanFileRefused(f"{name} must be a date as YYYY-MM-DD, got {value[:20]!r}") from None
    if len(value) != 10 or not date(1900, 1, 1) <= day <= date(2100, 12, 31):
        raise PlanFileRefused(f"{name} must be a date as YYYY-MM-DD between 1900 and 2100")
    return day


def _text(value: Any, name: str, optional: bool = True) -> str | None:
    if value is None and optional:
        return None
    if not isinstance(value, str) or not value.strip() or len(value) > MAX_TEXT:
        raise PlanFileRefused(f"{name} must be text of at most {MAX_TEXT} characters")
    return value


def services_from_json(raw: Any) -> tuple[Service, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list) or len(raw) > MAX_SERVICES:
        raise PlanFileRefused(f"services must be a list of at most {MAX_SERVICES} services")
    out = []
    for at, entry in enumerate(raw, 1):
        if not isinstance(entry, dict):
            raise PlanFileRefused(f"service {at} must be an object")
        unknown = set(entry) - {"id", "name", "phone", "address", "url", "need"}
        if unknown:
            raise PlanFileRefused(f"service {at} has unknown fields: {', '.join(sorted(unknown))[:80]}")
        ident, name = (
            _text(entry.get("id"), f"service {at} id", False),
            _text(entry.get("name"), f"service {at} name", False),
        )
        assert ident is not None and name is not None
        url = _text(entry.get("url"), f"service {at} url")
        if url is not None and not url.startswith(("https://", "http://")):
            raise PlanFileRefused(f"service {at} url must start with https://")
        out.append(
            Service(
                ident,
                name,
                _text(entry.get("phone"), f"service {at} phone"),
                _text(entry.get("address"), f"service {at} address"),
                url,
                _text(entry.get("need"), f"service {at} need"),
            )
        )
    return tuple(out)


def plan_inputs(data: Any) -> tuple[Person, date, date | None, tuple[Service, ...], str]:
    """The record, as-of date, release date, services and language a plan file holds (raises
    ``PlanFileRefused``, or ``InvalidRecord`` naming each problem of the record)."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise PlanFileRefused("this is not a plan file saved by secondchance")
    if data.get("version") != VERSION:
        raise PlanFileRefused(
            f"this plan file is version {str(data.get('version'))[:10]}; this program reads {VERSION}"
        )
    as_of = _date(data.get("as_of"), "as_of")
    assert as_of is not None
    release = _date(data.get("release_date"), "release_date", optional=True)
    lang = data.get("lang", "en")
    if lang not in LANGUAGES:
        raise PlanFileRefused("lang must be en or es")
    record = data.get("record")
    if not isinstance(record, dict):
        raise PlanFileRefused("the plan file has no record")
    person = people_from_json(record, as_of=as_of)[0]
    return person, as_of, release, services_from_json(data.get("services")), lang


def open_plan(data: Any, lang: str | None = None) -> tuple[Plan, Person]:
    """The plan a file holds, rebuilt from its inputs (in ``lang`` if given, else the file's language)."""
    person, as_of, release, services, file_lang = plan_inputs(data)
    return plan_for(person, as_of, release, services, lang or file_lang), person


def render_file(plan: Plan, person: Person, suffix: str) -> bytes:
    """The plan as the bytes of a .ics, .pdf or .json file."""
    if suffix == ".ics":
        from .ics import to_ics

        return to_ics(plan)
    if suffix == ".pdf":
        from .printable import to_pdf

        return to_pdf(plan)
    if suffix == ".json":
        return (json.dumps(plan_to_json(plan, person), indent=2, ensure_ascii=False) + "\n").encode()
    raise ValueError(suffix)

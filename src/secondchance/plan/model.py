"""The plan's shapes: a picked service, a dated item, the plan. Frozen, plain data."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

#: The parts of a plan, in the order a person reads them.
Section = Literal["relief", "release", "services"]
SECTIONS: tuple[Section, ...] = ("relief", "release", "services")


@dataclass(frozen=True)
class Service:
    """A service the person picked from a directory search: enough to reach it, nothing more."""

    id: str
    name: str
    phone: str | None = None
    address: str | None = None
    url: str | None = None
    need: str | None = None


@dataclass(frozen=True)
class Item:
    """One thing to do or to check, with its day when one applies.

    ``id`` is stable for the same inputs (the calendar's UIDs come from it). ``past`` marks an item
    whose day is before the plan's as-of date: it is kept (the person may not have done it yet) and
    said to be past, never shown as if still ahead.
    """

    id: str
    section: Section
    kind: str
    title: str
    text: str
    day: date | None = None
    past: bool = False
    cite: str | None = None
    phone: str | None = None
    address: str | None = None
    url: str | None = None
    #: Days before ``day`` a calendar reminder fires.
    remind_days: int = 1


@dataclass(frozen=True)
class Plan:
    person_id: str
    as_of: date
    lang: str
    release_date: date | None
    #: The day the first-weeks steps count from (the release date, or the as-of date); None: no such steps.
    start: date | None
    items: tuple[Item, ...]
    services: tuple[Service, ...] = field(default=())

    def section(self, name: Section) -> tuple[Item, ...]:
        return tuple(item for item in self.items if item.section == name)

    @property
    def dated(self) -> tuple[Item, ...]:
        return tuple(item for item in self.items if item.day is not None)

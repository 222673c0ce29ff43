"""Build a plan from a screening: pure, no I/O and no clock (the as-of date is given).

Three parts, in the order a person needs them:

* **relief** (``relief_items``): every relief the screening decided (eligible now or on a date),
  grouped per case and law, and each open question that could still help. Automatic relief (PA Clean
  Slate, 18 Pa.C.S. § 9122.2; California's automatic conviction relief, Cal. Penal Code § 1203.425;
  arrest relief, § 851.93) is run by the state on a monthly basis, so the plan says by when it
  *should* have happened (one monthly cycle after the person qualifies; for a PA charge without a
  conviction, 30 days after its disposition) and when to check (a month later): the state's records
  are then expected to show it. These are reminders, never a promise.
* **release** (``release_items``): the steps of the first weeks after release, counted from the
  release date (given, or the record's release within a year of the as-of date): reporting to the
  parole or probation officer when the record shows supervision that has not ended, medicine,
  Medicaid and SNAP, and the ID chain (birth certificate, then Social Security card, then state ID,
  each needed for the next).
* **services**: the services the person picked, with how to reach them.

An item whose day is before the as-of date is kept and marked ``past`` (with "if it is not done
yet, do it now"), never shown as still ahead.

This module assembles the plan and writes the service items; the relief items are made in
``relief_items``, the release steps in ``release_items`` (their names are re-exported here).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from ..records.model import Person
from ..relief import Screening, screen
from .i18n import Translate, translator
from .model import SECTIONS, Item, Plan, Service
from .release_items import (
    OTHER_STATE_WORDS,
    RECENT_RELEASE,
    RELEASE_STEPS,
    STATE_WORDS,
    recent_release,
    release_items,
    supervision_after,
)
from .relief_items import (
    AUTOMATIC_CYCLE_MONTHS,
    AUTOMATIC_SENTENCES,
    AUTOMATIC_TITLES,
    CHECK_AFTER_MONTHS,
    DAYS_AFTER_DISPOSITION,
    HOW_TO_CHECK,
    RELIEF_NAMES,
    add_months,
    relief_items,
)

__all__ = [
    "AUTOMATIC_CYCLE_MONTHS",
    "AUTOMATIC_SENTENCES",
    "AUTOMATIC_TITLES",
    "CHECK_AFTER_MONTHS",
    "DAYS_AFTER_DISPOSITION",
    "HOW_TO_CHECK",
    "OTHER_STATE_WORDS",
    "RECENT_RELEASE",
    "RELEASE_STEPS",
    "RELIEF_NAMES",
    "STATE_WORDS",
    "add_months",
    "build_plan",
    "plan_for",
    "supervision_after",
]


def plan_for(
    person: Person,
    as_of: date,
    release_date: date | None = None,
    services: Sequence[Service] = (),
    lang: str = "en",
) -> Plan:
    """Screen ``person`` on ``as_of`` and build their plan (the common path of CLI, API and web)."""
    return build_plan(person, screen(person, as_of), release_date, services, lang)


def build_plan(
    person: Person,
    screening: Screening,
    release_date: date | None = None,
    services: Sequence[Service] = (),
    lang: str = "en",
) -> Plan:
    """The plan for ``person`` from their ``screening`` (its as-of date is the plan's)."""
    t = translator(lang)
    as_of = screening.as_of
    rows = person.rows()
    items = list(relief_items(screening, t, lang))
    start = release_date or recent_release(rows, as_of)
    if start is not None:
        items.extend(release_items(rows, start, as_of, t, lang))
    items.extend(_service_items(services, t))
    order = {name: at for at, name in enumerate(SECTIONS)}
    items.sort(key=lambda i: (order[i.section], i.day is None, i.day or date.max))  # stable: ties keep their order
    return Plan(person.id, as_of, lang, release_date, start, tuple(items), tuple(services))


def _service_items(services: Sequence[Service], t: Translate) -> Iterable[Item]:
    for service in services:
        how = []
        if service.phone:
            how.append(t("call %(phone)s") % {"phone": service.phone})
        if service.address:
            how.append(t("go to %(address)s") % {"address": service.address})
        if service.url:
            how.append(t("visit %(url)s") % {"url": service.url})
        text = (
            t("Contact %(name)s: %(how)s.") % {"name": service.name, "how": t(" or ").join(how)}
            if how
            else t("Contact %(name)s.") % {"name": service.name}
        )
        if service.need:
            text += " " + t("For: %(need)s.") % {"need": service.need}
        text += " " + t("Call before you go: listings can be out of date.")
        yield Item(
            id=f"service:{service.id}",
            section="services",
            kind="service",
            title=service.name,
            text=text,
            phone=service.phone,
            address=service.address,
            url=service.url,
        )

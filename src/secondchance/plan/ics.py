"""The plan as an iCalendar file (RFC 5545, with ``icalendar``): one all-day event per dated item.

UIDs are stable for the same plan (a hash of the person's id and the item's id, so a calendar that
imports the file twice updates the events instead of doubling them, and no case number appears in
a UID). Every event has a display alarm the day before (``Item.remind_days``). Past items are left
out: a calendar is for what is ahead; the printed plan and the JSON keep them.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, time, timedelta

from icalendar import Alarm, Calendar, Event

from .. import __version__
from .i18n import translator
from .model import Item, Plan

UID_DOMAIN = "plan.secondchance.invalid"


def uid(plan: Plan, item: Item) -> str:
    digest = hashlib.sha256(f"{plan.person_id}\x00{item.id}".encode()).hexdigest()[:24]
    return f"{digest}@{UID_DOMAIN}"


def to_ics(plan: Plan) -> bytes:
    t = translator(plan.lang)
    cal = Calendar()
    cal.add("prodid", f"-//secondchance//reentry plan {__version__}//{plan.lang.upper()}")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", t("Reentry plan"))
    # DTSTAMP: the plan's as-of day, so the same plan gives the same bytes (no clock is read).
    stamp = datetime.combine(plan.as_of, time(0, 0), tzinfo=UTC)
    for item in plan.dated:
        if item.past or item.day is None:
            continue
        event = Event()
        event.add("uid", uid(plan, item))
        event.add("dtstamp", stamp)
        event.add("dtstart", item.day)  # a date: an all-day event
        event.add("dtend", item.day + timedelta(days=1))
        event.add("summary", item.title)
        description = item.text
        if item.cite:
            description += f"\n{item.cite}"
        event.add("description", description)
        if item.address:
            event.add("location", item.address)
        if item.url:
            event.add("url", item.url)
        event.add("categories", [item.section])
        event.add("transp", "TRANSPARENT")
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", item.title)
        alarm.add("trigger", timedelta(days=-item.remind_days))
        event.add_component(alarm)
        cal.add_component(event)
    return bytes(cal.to_ical())

"""Reading one screen's form: the facts it gives (record field: value), or the error to show.

Nothing is stored here (``flow.py`` does that). Dates may be whole (``2015-06-01``) or partial (the
year, or the year and month: the record format takes both); a release or an end of supervision may
be in the future, and is then marked as scheduled (docs/record-format.md).
"""

from __future__ import annotations

from datetime import date

from ..i18n import N_
from .questions import SCHEDULABLE, YES_NO, Step, step_options
from .state import Scalar

CHOOSE_ONE = N_("Choose one answer, or “I don't know”.")
YEAR_ONLY_ERROR = N_("Enter the year with 4 digits, like 2015. The month is optional.")
IN_FUTURE = N_("That date is in the future. Check it, or choose “I don't know”.")
TOO_OLD = N_("That date is too long ago. Check the year, or choose “I don't know”.")
AMOUNT = N_("Enter the amount in dollars, like 250, or leave it empty.")


def _parse_partial(year: str, month: str, today: date, scheduled: bool) -> tuple[str | None, str | None]:
    """ "I only know the year" (``2015``) or the year and month (``2015-06``): the record format takes both."""
    year, month = year.strip(), month.strip()
    if not (year.isdigit() and len(year) == 4) or (month and not (month.isdigit() and 1 <= int(month) <= 12)):
        return None, YEAR_ONLY_ERROR
    value = year if not month else f"{year}-{int(month):02d}"
    first = (int(year), int(month or 1))
    if int(year) < 1900:
        return None, TOO_OLD
    if first > (today.year, today.month) and not (scheduled and int(year) <= today.year + 60):
        return None, IN_FUTURE
    return value, None


def partial_after(value: str, today: date) -> bool | None:
    """Whether a full or partial date is surely after ``today``; ``None`` when its span holds today."""
    if len(value) == 10:
        return date.fromisoformat(value) > today
    parts = [int(p) for p in value.split("-")]
    here = [today.year, today.month][: len(parts)]
    if parts == here:
        return None
    return parts > here


def _parse_date(raw: str, today: date, scheduled: bool = False) -> tuple[str | None, str | None]:
    try:
        day = date.fromisoformat(raw.strip())
    except ValueError:
        return None, N_("Enter the date as year, month and day, or choose “I don't know”.")
    if scheduled and day.year <= today.year + 60:
        return day.isoformat(), None  # a release or an end of supervision still to come
    if day > today:
        return None, IN_FUTURE
    if day.year < 1900:
        return None, TOO_OLD
    return day.isoformat(), None


def _parse_money(choice: str, amount: str) -> tuple[float | None, str | None]:
    if choice == "no":
        return 0.0, None
    if choice != "yes":
        return None, CHOOSE_ONE
    text = amount.strip().lstrip("$").replace(",", "")
    if not text:
        return None, None  # owes something, amount unknown: leave it unknown
    try:
        value = float(text)
    except ValueError:
        return None, AMOUNT
    if value < 0 or value != value or value > 10_000_000:
        return None, AMOUNT
    return value, None


def _choice(step: Step, jurisdiction: Scalar, form: dict[str, str]) -> tuple[dict[str, Scalar], str | None]:
    chosen = form.get(step.id, "")
    if chosen not in {o.value for o in step_options(step, jurisdiction)}:
        return {}, CHOOSE_ONE
    if step.options is YES_NO:
        return {step.fields[0]: chosen == "yes"}, None
    if step.id == "probation":
        return {"supervision": "none" if chosen == "no" else chosen}, None
    return {step.fields[0]: chosen}, None


def _date(step: Step, form: dict[str, str], today: date) -> tuple[dict[str, Scalar], str | None]:
    raw = form.get(step.id, "").strip()
    scheduled = step.id in SCHEDULABLE
    if raw:
        parsed, error = _parse_date(raw, today, scheduled=scheduled)
    elif form.get(step.id + "_year", "").strip():
        parsed, error = _parse_partial(form[step.id + "_year"], form.get(step.id + "_month", ""), today, scheduled)
    else:
        return {}, N_("Enter the date, or choose “I don't know”.")
    if error:
        return {}, error
    values: dict[str, Scalar] = {step.fields[0]: parsed}
    if scheduled:
        values[SCHEDULABLE[step.id]] = True if parsed and partial_after(parsed, today) else None
    return values, None


def parse_answer(
    step: Step, jurisdiction: Scalar, form: dict[str, str], today: date
) -> tuple[dict[str, Scalar], str | None]:
    """The facts one screen's form gives (record field: value), or an error to show; nothing is stored.

    ``jurisdiction``: the state of the case asked about (its grades and kinds of supervision)."""
    if step.kind == "choice":
        return _choice(step, jurisdiction, form)
    if step.kind == "date":
        return _date(step, form, today)
    if step.kind == "text":
        return {name: (form.get(name, "").strip()[:200] or None) for name in step.fields}, None
    if step.kind == "money":
        amount, error = _parse_money(form.get(step.id, ""), form.get(step.id + "_amount", ""))
        return ({}, error) if error else ({step.fields[0]: amount}, None)
    return {}, None

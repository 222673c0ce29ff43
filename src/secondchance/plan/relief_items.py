"""The relief items of a plan: what the screening decided, per case and law, with its dates.

Every relief the screening decided (eligible now or on a date) becomes one item per case, law and
day, and each open question that could still help becomes a "ask a lawyer" item. Automatic relief
(PA Clean Slate, 18 Pa.C.S. § 9122.2; California's automatic conviction relief, Cal. Penal Code
§ 1203.425; arrest relief, § 851.93) is run by the state on a monthly basis, so the item says by when
it *should* have happened (one monthly cycle after the person qualifies; for a PA charge without a
conviction, 30 days after its disposition) and when to check (a month later). Reminders, never a promise.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from ..records.model import Row
from ..relief import Result, Screening, Status
from ..relief.lang import Param, Relief, Wait
from ..relief.params import all_parameters
from ..relief.semantics import add_years_days
from .i18n import N_, Translate, long_date
from .model import Item

#: How the person's relief is named in titles and sentences (short forms; msgids of plan.po).
RELIEF_NAMES = {
    Relief.EXPUNGEMENT: N_("expungement"),
    Relief.SEALING: N_("sealing"),
    Relief.AUTOMATIC_SEALING: N_("automatic sealing"),
    Relief.DISMISSAL: N_("dismissal"),
    Relief.REDUCTION: N_("reduction to a misdemeanor"),
    Relief.PARDON: N_("pardon"),
}

#: Months from qualifying to the day automatic relief should be done: the state runs it monthly
#: (18 Pa.C.S. § 9122.2(b)(1) "on a monthly basis"; Cal. Penal Code § 1203.425(a)(1)(A) and
#: § 851.93(a)(1) "on a monthly basis"), so one cycle; and from then to the check, one more month.
AUTOMATIC_CYCLE_MONTHS = 1
CHECK_AFTER_MONTHS = 1

#: Automatic relief timed from the charge's disposition, not a monthly run: Clean Slate seals a charge
#: that ended without a conviction (18 Pa.C.S. § 9122.2(a)(2)) within 30 days of the final disposition
#: (§ 9122.2(b); read in the CCRC's summary "mandated for non-conviction records within 30 days of
#: disposition", the statute's own words not seen). It qualifies on the disposition date (or when
#: Clean Slate began, for older cases), never on the law's start alone.
DAYS_AFTER_DISPOSITION = {"PA-9122.2-a2-nonconviction": 30}

#: Where a person checks that automatic relief happened, by state.
HOW_TO_CHECK = {
    "PA": N_("Look the case up on the UJS Portal (ujsportal.pacourts.us) or ask the clerk of courts."),
    "CA": N_("Ask the court clerk, or ask the California Department of Justice for your record."),
}


@dataclass
class _Group:
    """Charges of one case that one law treats alike (same relief, status and day): one item."""

    case: str
    jurisdiction: str
    result: Result
    since: date | None
    charges: list[tuple[str, str | None]]


def relief_items(screening: Screening, t: Translate, lang: str) -> Iterable[Item]:
    """The relief items of ``screening``: its charges grouped per case, law, status and day."""
    groups: dict[tuple[object, ...], _Group] = {}
    for charge in screening.charges:
        case, charge_id = str(charge.row["case_id"]), str(charge.row["charge_id"])
        description = charge.row["description"]
        for result in _useful(charge.results):
            automatic_now = result.rule.automatic and result.status is Status.ELIGIBLE_NOW
            since = _since(result, charge.row, screening.as_of) if automatic_now else None
            key = (
                case,
                result.rule.section,
                result.rule.automatic,
                result.status,
                result.eligible_on,
                result.not_before,
                since,
            )
            group = groups.get(key)
            if group is None:
                jurisdiction = str(charge.row["jurisdiction"] or "")
                group = groups[key] = _Group(case, jurisdiction, result, since, [])
            group.charges.append((charge_id, description if isinstance(description, str) else None))
    for group in groups.values():
        yield _relief_item(group, screening.as_of, t, lang)


def _useful(results: Sequence[Result]) -> list[Result]:
    """Per relief and way (automatic or petition): the decided result that helps soonest; an open
    question only where nothing of that relief is decided and it could still do better."""
    best: dict[tuple[Relief, bool], Result] = {}
    for result in results:
        if result.status not in (Status.ELIGIBLE_NOW, Status.ELIGIBLE_ON):
            continue
        key = (result.rule.relief, result.rule.automatic)
        held = best.get(key)
        if held is None or _when(result) < _when(held):
            best[key] = result
    decided = {relief for relief, _ in best}
    reviews: dict[Relief, Result] = {}
    for result in results:
        relief = result.rule.relief
        if result.status is not Status.NEEDS_REVIEW or result.cannot_improve or relief in decided:
            continue
        if relief is Relief.PARDON:  # a remaining path with no date (the results page explains it)
            continue
        if relief not in reviews:
            reviews[relief] = result
    return [*best.values(), *reviews.values()]


def _when(result: Result) -> date:
    return date.min if result.status is Status.ELIGIBLE_NOW else (result.eligible_on or date.max)


def _since(result: Result, row: Row, as_of: date) -> date:
    """The day a result that holds now began to hold: the law's start, the charge's disposition for relief
    timed from it, and each waiting period's end under the period in force on that day."""
    waits = {wait.id: wait for wait in result.rule.waits}
    ends = [
        _qualified_on(waits.get(check.id), check.ends_on, as_of)
        for check in result.trace
        if check.kind == "wait" and check.ends_on is not None
    ]
    disposed = row.get("disposition_date")
    if result.rule.id in DAYS_AFTER_DISPOSITION and isinstance(disposed, date):
        ends.append(disposed)
    return max([result.rule.effective, *ends])


def _qualified_on(wait: Wait | None, ends_on: date, as_of: date) -> date:
    """When a waiting period of a dated parameter ended under the law in force at the time: the engine
    counts today's period (Act 36 of 2023 cut Clean Slate's 10 years for a summary conviction to 5 from
    2024-06-11), but a period shortened by a later act ends no earlier than that act's start: a summary
    conviction of 2016-03-15 qualified on 2024-06-11, not on 2021-03-15."""
    if wait is None or not isinstance(wait.years, Param):
        return ends_on
    history = [v for v in all_parameters()[wait.years.key].history if v.since <= as_of]
    now = history[-1].value if history else None
    if not isinstance(now, int):
        return ends_on
    days: list[date] = []
    for version, following in zip(history, [*history[1:], None], strict=True):
        if not isinstance(version.value, int):
            return ends_on
        day = max(version.since, add_years_days(ends_on, version.value - now, 0))
        if following is None or day < following.since:
            days.append(day)
    return min(days, default=ends_on)


def add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _what(group: _Group, t: Translate) -> str:
    """ "case CP-…, charge 2 (Receiving stolen property)" or "case LA-…, charges 1 and 2"."""
    if len(group.charges) == 1:
        charge, description = group.charges[0]
        text = t("case %(case)s, charge %(charge)s") % {"case": group.case, "charge": charge}
        return f"{text} ({description})" if description else text
    ids = [charge for charge, _ in group.charges]
    listed = t("%(first)s and %(last)s") % {"first": ", ".join(ids[:-1]), "last": ids[-1]}
    return t("case %(case)s, charges %(charges)s") % {"case": group.case, "charges": listed}


def _program(result: Result) -> str:
    section = result.rule.section
    if section.startswith("18 Pa.C.S. § 9122.2"):
        return "pa-clean-slate"
    if section.startswith("Cal. Penal Code § 1203.425"):
        return "ca-automatic"
    return "other"


AUTOMATIC_SENTENCES = {
    # (program, already): sentence
    ("pa-clean-slate", True): N_(
        "Clean Slate should already have sealed %(what)s: it qualified on %(since)s (%(cite)s). Check that it did."
    ),
    ("pa-clean-slate", False): N_(
        "Clean Slate should seal %(what)s by %(by)s (it qualifies on %(since)s, %(cite)s). "
        "Check on %(check)s that it did."
    ),
    ("ca-automatic", True): N_(
        "California's automatic relief should already have cleared %(what)s: it qualified on %(since)s "
        "(%(cite)s). Check that it did."
    ),
    ("ca-automatic", False): N_(
        "California's automatic relief should clear %(what)s by %(by)s (it qualifies on %(since)s, %(cite)s). "
        "Check on %(check)s that it did."
    ),
    ("other", True): N_(
        "The state should already have given %(relief)s for %(what)s without a petition: it qualified on "
        "%(since)s (%(cite)s). Check that it did."
    ),
    ("other", False): N_(
        "The state should give %(relief)s for %(what)s without a petition by %(by)s (it qualifies on %(since)s, "
        "%(cite)s). Check on %(check)s that it did."
    ),
}
AUTOMATIC_TITLES = {
    "pa-clean-slate": N_("Check that Clean Slate sealed case %(case)s"),
    "ca-automatic": N_("Check California's automatic relief for case %(case)s"),
    "other": N_("Check %(relief)s of case %(case)s"),
}


def _relief_item(group: _Group, as_of: date, t: Translate, lang: str) -> Item:
    result = group.result
    rule = result.rule
    relief = t(RELIEF_NAMES[rule.relief])
    values = {"what": _what(group, t), "cite": rule.section, "relief": relief, "case": group.case}
    ident = "relief:" + ":".join([rule.id, group.case, *(c for c, _ in group.charges)])

    def make(kind: str, title: str, text: str, day: date | None) -> Item:
        return Item(id=ident, section="relief", kind=kind, title=title, text=text, day=day, cite=rule.section)

    if result.status is Status.NEEDS_REVIEW:
        text = t("A lawyer should check whether %(relief)s can clear %(what)s (%(cite)s): one point is not known yet.")
        day = result.not_before
        if day is not None:
            text += " " + t("It cannot happen before %(day)s.")
            values["day"] = long_date(day, lang)
        return make("review", t("Ask a lawyer about case %(case)s") % values, text % values, day)
    if rule.automatic:
        program = _program(result)
        since = result.eligible_on if result.status is Status.ELIGIBLE_ON else group.since
        assert since is not None
        after = DAYS_AFTER_DISPOSITION.get(rule.id)
        by = since + timedelta(days=after) if after is not None else add_months(since, AUTOMATIC_CYCLE_MONTHS)
        check = add_months(by, CHECK_AFTER_MONTHS)
        already = check <= as_of
        values.update(since=long_date(since, lang), by=long_date(by, lang), check=long_date(check, lang))
        text = t(AUTOMATIC_SENTENCES[(program, already)]) % values
        how = HOW_TO_CHECK.get(group.jurisdiction)
        if how:
            text += " " + t(how)
        if result.status is Status.ELIGIBLE_ON:
            text += " " + t("This holds if nothing changes before then.")
        text += _scheduled(result, t, lang)
        return make("automatic", t(AUTOMATIC_TITLES[program]) % values, text, as_of if already else check)
    if result.status is Status.ELIGIBLE_NOW:
        text = t("You can file now for %(relief)s of %(what)s (%(cite)s). Free legal aid can help you file.")
        return make("petition", t("File for %(relief)s: case %(case)s") % values, text % values, as_of)
    assert result.eligible_on is not None
    values["day"] = long_date(result.eligible_on, lang)
    text = t("You can file for %(relief)s of %(what)s from %(day)s (%(cite)s), if nothing changes before then.")
    title = t("You can file for %(relief)s: case %(case)s") % values
    return make("petition", title, text % values + _scheduled(result, t, lang), result.eligible_on)


def _scheduled(result: Result, t: Translate, lang: str) -> str:
    """ " This date holds only if …": the scheduled dates a result rests on (``Result.depends_on``)."""
    if not result.depends_on:
        return ""
    parts = [
        (
            t("your release on %(day)s")
            if d.field == "incarceration_end"
            else t("the end of your supervision on %(day)s")
        )
        % {"day": long_date(d.date, lang)}
        for d in result.depends_on
    ]
    return " " + t("This date holds only if %(events)s happens as scheduled.") % {"events": "; ".join(parts)}

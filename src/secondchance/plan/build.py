"""Build a plan from a screening: pure, no I/O and no clock (the as-of date is given).

Three parts, in the order a person needs them:

* **relief**: every relief the screening decided (eligible now or on a date), grouped per case and
  law, and each open question that could still help. Automatic relief (PA Clean Slate, 18 Pa.C.S.
  § 9122.2; California's automatic conviction relief, Cal. Penal Code § 1203.425; arrest relief,
  § 851.93) is run by the state on a monthly basis, so the plan says by when it *should* have
  happened (one monthly cycle after the person qualifies; for a PA charge without a conviction, 30
  days after its disposition) and when to check (a month later): the state's records are then
  expected to show it. These are reminders, never a promise.
* **release**: the steps of the first weeks after release, counted from the release date (given, or
  the record's release within a year of the as-of date): reporting to the parole or probation officer
  when the record shows supervision that has not ended, medicine, Medicaid and SNAP, and the ID chain
  (birth certificate, then Social Security card, then state ID, each needed for the next).
* **services**: the services the person picked, with how to reach them.

An item whose day is before the as-of date is kept and marked ``past`` (with "if it is not done
yet, do it now"), never shown as still ahead.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from ..records.model import Person, Row
from ..relief import Result, Screening, Status, screen
from ..relief.lang import Param, Relief, Wait
from ..relief.params import all_parameters
from ..relief.semantics import add_years_days
from .i18n import N_, Translate, long_date, translator
from .model import SECTIONS, Item, Plan, Section, Service

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

#: The first weeks after release: (id, days after the start, title, sentence). The ID chain is in the
#: order each paper is needed for the next.
RELEASE_STEPS: tuple[tuple[str, int, str, str], ...] = (
    (
        "medicine",
        1,
        N_("Fill your prescriptions"),
        N_(
            "Medicine given at release often lasts only a few days. Take your release papers and your "
            "medicine list to a pharmacy or clinic before it runs out."
        ),
    ),
    (
        "medicaid",
        2,
        N_("Apply for health coverage (Medicaid)"),
        N_("Apply for %(medicaid)s %(where)s. You can apply the day you are released."),
    ),
    (
        "snap",
        2,
        N_("Apply for food help (SNAP)"),
        N_("Apply for %(snap)s %(where)s. Ask about help the same week if you have no food."),
    ),
    (
        "birth-certificate",
        3,
        N_("Order your birth certificate"),
        N_(
            "Order a copy of your birth certificate from the vital records office of the state where you "
            "were born. You need it for your state ID."
        ),
    ),
    (
        "social-security",
        7,
        N_("Get your Social Security card"),
        N_(
            "Ask Social Security for a replacement card (ssa.gov or a local office). Bring your release "
            "papers and any ID you have."
        ),
    ),
    (
        "state-id",
        14,
        N_("Get a state ID card"),
        N_(
            "Get a state ID card at %(id_office)s. Bring your birth certificate, your Social Security card "
            "and proof of where you live."
        ),
    ),
    (
        "benefits-follow-up",
        30,
        N_("Check on your Medicaid and SNAP applications"),
        N_("If you have not heard back about Medicaid or SNAP, call the office and ask."),
    ),
)

#: What the release steps name, by the state the person lives in (the state of their latest case).
STATE_WORDS: dict[str, dict[str, str]] = {
    "PA": {
        "medicaid": N_("Medical Assistance (Medicaid)"),
        "snap": N_("SNAP"),
        "where": N_("online at COMPASS (compass.state.pa.us), by phone, or at your county assistance office"),
        "id_office": N_("a PennDOT driver license center"),
    },
    "CA": {
        "medicaid": N_("Medi-Cal (Medicaid)"),
        "snap": N_("CalFresh (SNAP)"),
        "where": N_("online at BenefitsCal (benefitscal.com) or at your county social services office"),
        "id_office": N_("a DMV office"),
    },
}
OTHER_STATE_WORDS = {
    "medicaid": N_("Medicaid"),
    "snap": N_("SNAP"),
    "where": N_("at your county social services office"),
    "id_office": N_("your state's motor vehicle office"),
}

#: How long before the release date a release found in the record still counts as "just released".
RECENT_RELEASE = timedelta(days=365)


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
    items = list(_relief_items(screening, t, lang))
    start = release_date or _recent_release(rows, as_of)
    if start is not None:
        items.extend(_release_items(rows, start, as_of, t, lang))
    items.extend(_service_items(services, t))
    order = {name: at for at, name in enumerate(SECTIONS)}
    items.sort(key=lambda i: (order[i.section], i.day is None, i.day or date.max))  # stable: ties keep their order
    return Plan(person.id, as_of, lang, release_date, start, tuple(items), tuple(services))


# ------------------------------------------------------------------------------------------ relief


@dataclass
class _Group:
    """Charges of one case that one law treats alike (same relief, status and day): one item."""

    case: str
    jurisdiction: str
    result: Result
    since: date | None
    charges: list[tuple[str, str | None]]


def _relief_items(screening: Screening, t: Translate, lang: str) -> Iterable[Item]:
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


# ------------------------------------------------------------------------------------------ release


def _recent_release(rows: Sequence[Row], as_of: date) -> date | None:
    """The latest release in the record if it is within a year of ``as_of`` (before or scheduled after)."""
    ends = [r["incarceration_end"] for r in rows if isinstance(r["incarceration_end"], date)]
    latest = max(ends, default=None)
    if latest is not None and as_of - RECENT_RELEASE <= latest <= as_of + RECENT_RELEASE:
        return latest
    return None


def _home_state(rows: Sequence[Row]) -> str | None:
    """The state of the person's latest case (by its latest date): where the release steps happen."""
    dated = [
        (
            max(
                (d for d in (r["incarceration_end"], r["disposition_date"], r["arrest_date"]) if isinstance(d, date)),
                default=date.min,
            ),
            str(r["jurisdiction"]),
        )
        for r in rows
        if isinstance(r["jurisdiction"], str)
    ]
    return max(dated)[1] if dated else None


def supervision_after(rows: Sequence[Row], start: date) -> str | None:
    """The kind of supervision the record shows still running on ``start`` (parole first), or None.

    Supervision counts when granted or named, not recorded as completed, and not ended before ``start``.
    """
    kinds = set()
    for row in rows:
        kind = row["supervision"]
        if kind == "none" or (kind is None and row["probation_granted"] is not True):
            continue
        if row["probation_completed"] is True:
            continue
        end = row["probation_end"]
        if isinstance(end, date) and end < start:
            continue
        kinds.add("parole" if kind == "parole" else "probation")
    return "parole" if "parole" in kinds else ("probation" if kinds else None)


def _release_items(rows: Sequence[Row], start: date, as_of: date, t: Translate, lang: str) -> Iterable[Item]:
    state = _home_state(rows)
    words = {key: t(value) for key, value in STATE_WORDS.get(state or "", OTHER_STATE_WORDS).items()}
    supervision = supervision_after(rows, start)
    if supervision is not None:
        title = t("Report to your parole officer") if supervision == "parole" else t("Report to your probation officer")
        text = t(
            "Report on the day your release papers give. If they give no day, call the office on the first "
            "working day after your release."
        )
        yield _dated(
            f"release:report-{supervision}", "release", "report", title, text, start + timedelta(days=1), as_of, t
        )
    for ident, offset, title, text in RELEASE_STEPS:
        yield _dated(
            f"release:{ident}", "release", ident, t(title), t(text) % words, start + timedelta(days=offset), as_of, t
        )


def _dated(
    ident: str, section: Section, kind: str, title: str, text: str, day: date, as_of: date, t: Translate
) -> Item:
    past = day < as_of
    if past:
        text += " " + t("This day has passed: if it is not done yet, do it now.")
    return Item(id=ident, section=section, kind=kind, title=title, text=text, day=day, past=past)


# ------------------------------------------------------------------------------------------ services


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

"""The release items of a plan: the steps of the first weeks after release, counted from its day.

Reporting to the parole or probation officer when the record shows supervision that has not ended,
medicine, Medicaid and SNAP, and the ID chain (birth certificate, then Social Security card, then
state ID, each needed for the next). A step whose day is before the as-of date is kept and marked
``past``, never shown as still ahead.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from ..records.model import Row
from .i18n import N_, Translate
from .model import Item, Section

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


def recent_release(rows: Sequence[Row], as_of: date) -> date | None:
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


def release_items(rows: Sequence[Row], start: date, as_of: date, t: Translate, lang: str) -> Iterable[Item]:
    """The steps after a release on ``start``: reporting (if supervised), then ``RELEASE_STEPS``."""
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

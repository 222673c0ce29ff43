"""What the services page shows of each result: fit in words, distance, hours, what to bring, freshness.

Also the words for a need with nothing near, and the questions whose answers would decide a fit.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from ...directory.eligibility import DOCUMENT_LABEL, Requirements
from ...directory.match import Fit
from ...directory.needs import BY_CODE
from ...directory.search import Gap, Result, directions_url, freshness
from .i18n import N_
from .phone import tel_href
from .services_form import DOC_LABELS, YES_NO_FACTS

DAY_NAMES = {
    "MO": N_("Mon"),
    "TU": N_("Tue"),
    "WE": N_("Wed"),
    "TH": N_("Thu"),
    "FR": N_("Fri"),
    "SA": N_("Sat"),
    "SU": N_("Sun"),
}
FIT_LABELS = {
    Fit.FITS: ("fits", N_("Takes people like you")),
    Fit.UNKNOWN: ("unknown", N_("Ask them first")),
    Fit.MAY_NOT_FIT: ("may-not", N_("May not take you")),
}
#: How the page says what it already knows from the record check.


@dataclass
class ServiceView:
    name: str
    organization: str
    fit: str
    fit_label: str
    reasons: list[str]
    miles: str
    address: str
    area: str
    url: str
    phone: str
    tel: str
    hours: list[str]
    bring: list[str]
    fees: str
    open_now: bool | None
    matched: list[str] = field(default_factory=list)  # the needs asked for that it answers
    directions: str = ""  # a plain map link (OpenStreetMap), no map on our page
    verified: str = ""  # when the listing was last checked, or that it is stale


def questions_for(results: list[Result], raw: dict[str, str]) -> list[str]:
    """The facts that would decide an "ask them first" result, plus those already answered (kept on screen)."""
    wanted: list[str] = []
    for name, value in raw.items():
        key = name.removeprefix("fact_").split("_asked")[0]
        key = {"household_size": "income", "annual_income": "income"}.get(key, key)
        key = next((k for k in ("insurance", "documents") if key.startswith(k + "_")), key)
        if value and key not in wanted:
            wanted.append(key)
    for result in results:
        for fact in result.match.missing:
            key = "income" if fact.startswith("income_fpl_percent") else fact
            if key in ("state", "county", "city"):
                key = "zip"
            if key.startswith("service.") or key in wanted:
                continue
            wanted.append(key)
    order = [*YES_NO_FACTS, "age", "gender", "zip", "income", "insurance", "documents"]
    return sorted((w for w in wanted if w in order), key=order.index)


def hours_text(schedules: str | None, t: Any) -> list[str]:
    if not schedules:
        return []
    lines = []
    for byday, opens, closes, walk_in in json.loads(schedules):
        codes = [d for d in (byday or "").split(",") if d]
        if not codes or set(codes) == set(DAY_NAMES):
            days = t("Every day")
        elif codes == ["MO", "TU", "WE", "TH", "FR"]:
            days = t("Mon–Fri")
        else:
            days = ", ".join(t(DAY_NAMES.get(d, d)) for d in codes)
        all_day = (opens or "")[:5] == "00:00" and (closes or "")[:5] in ("23:59", "24:00")
        span = (
            t("Open 24 hours") if all_day else f"{opens[:5]}–{closes[:5]}" if opens and closes else t("Call for hours")
        )
        walk = t("walk-ins welcome")
        lines.append(f"{days}: {span}" + (f" ({walk})" if walk_in else ""))
    return lines


def service_view(result: Result, t: Any) -> ServiceView:
    entry = result.entry
    fit_class, fit_label = FIT_LABELS[result.match.fit]
    reasons = list(result.match.reasons) or [c.text for c in result.match.checks]
    requirements = Requirements.from_json(json.loads(entry.requirements))
    bring = [
        t(DOC_LABELS[code])
        if code in DOC_LABELS
        else (code[1:] if code.startswith("?") else DOCUMENT_LABEL.get(code, code))
        for code in requirements.documents
    ]
    phone = entry.phone or ""
    return ServiceView(
        name=entry.name,
        organization=entry.organization or "",
        fit=fit_class,
        fit_label=t(fit_label),
        reasons=reasons,
        miles=t("By phone or online")
        if result.miles is None
        else t("%(miles)s miles away") % {"miles": f"{result.miles:.1f}"},
        address=entry.address or "",
        area=entry.area or "",
        url=entry.url if entry.url and entry.url.lower().startswith(("https://", "http://")) else "",  # no javascript:
        phone=phone,
        tel=tel_href(phone),
        hours=hours_text(entry.schedules, t),
        bring=bring,
        fees=entry.fees or "",
        open_now=result.open_now,
        matched=[t(str(n["label"])) for n in result.matched_needs()],
        directions=directions_url(entry) or "",
        verified=verified_words(result, t),
    )


def gap_words(gap: Gap, radius: float, t: Any) -> str:
    """ "Nothing for food within 25 miles. Nearest: …" in the page's language."""
    words = t("Nothing for %(need)s within %(miles)s miles.") % {
        "need": t(BY_CODE[gap.need].label),
        "miles": f"{radius:g}",
    }
    if gap.nearest and gap.nearest.miles is not None:
        words += " " + t("Nearest: %(name)s, %(miles)s miles.") % {
            "name": gap.nearest.entry.name,
            "miles": f"{gap.nearest.miles:.1f}",
        }
    if gap.remote:
        words += " " + t("By phone or online: %(name)s.") % {"name": gap.remote.entry.name}
    return str(words)


def verified_words(result: Result, t: Any) -> str:
    fresh = freshness(Requirements.from_json(json.loads(result.entry.requirements)).verified, result.as_of)
    if fresh["last_verified"] is None:
        return str(t("Not dated: call to check it is still open."))
    if fresh["stale"]:
        return str(t("Last checked %(date)s, over a year ago: call to check.") % {"date": fresh["last_verified"]})
    return str(t("Last checked %(date)s.") % {"date": fresh["last_verified"]})

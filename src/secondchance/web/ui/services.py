"""The "Find help near me" page: place, needs with icons, and only the questions that decide a fit.

The search runs on POST (with the CSRF token), so the place, the needs and the person's answers
never appear in a URL or an access log. Questions about the person are shown only for facts that
would decide whether a listed service takes them (the search reports which facts are missing).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from ...directory.eligibility import DOCUMENT_LABEL, Requirements
from ...directory.facts import DOCUMENT_CODES, INSURANCE
from ...directory.geo import UnknownPlace
from ...directory.match import Fit
from ...directory.needs import BY_CODE, NEEDS, UnknownNeed
from ...directory.search import Gap, Result, directions_url, freshness, sms_summary
from ...directory.validate import InvalidDirectory
from ...records import InvalidRecord, people_from_json
from ...relief import Status, screen
from ..stores import run_search, uses_sample
from .budget import within_budget
from .i18n import N_, translations
from .interview import InterviewState, to_record
from .pages import browser_of, checked_form, interview_state, snapshot_of, states, text_fields
from .phone import tel_href
from .render import STATIC_DIR, language, render, settings_of

router = APIRouter(include_in_schema=False)

TOP_NEEDS = [n for n in NEEDS if n.parent is None and (STATIC_DIR / "icons" / f"need-{n.code}.svg").exists()]
RADII = (5, 10, 25, 50)
YES_NO_FACTS = {
    "has_record": N_("Do you have a criminal record?"),
    "has_felony": N_("Do you have a felony conviction?"),
    "violent_felony": N_("Is any of your convictions for a violent felony?"),
    "sex_offense_registration": N_("Do you have to register as a sex offender?"),
    "arson": N_("Do you have an arson conviction?"),
    "veteran": N_("Are you a veteran?"),
    "has_referral": N_("Do you have a referral from a caseworker, parole officer or clinic?"),
    "sober": N_("Are you sober now (detoxed, not drinking or using)?"),
}
DAY_NAMES = {
    "MO": N_("Mon"),
    "TU": N_("Tue"),
    "WE": N_("Wed"),
    "TH": N_("Thu"),
    "FR": N_("Fri"),
    "SA": N_("Sat"),
    "SU": N_("Sun"),
}
INSURANCE_LABELS = {
    "medicaid": N_("Medicaid"),
    "medicare": N_("Medicare"),
    "private": N_("Private insurance"),
    "none": N_("No insurance"),
}
FIT_LABELS = {
    Fit.FITS: ("fits", N_("Takes people like you")),
    Fit.UNKNOWN: ("unknown", N_("Ask them first")),
    Fit.MAY_NOT_FIT: ("may-not", N_("May not take you")),
}
#: How the page says what it already knows from the record check.
KNOWN_WORDS = {
    "has_record": N_("You have a criminal record."),
    "has_felony": N_("You have a felony conviction."),
    "age": N_("You are %(age)s years old."),
}
DOC_LABELS = {
    "photo_id": N_("a photo ID"),
    "ssn_card": N_("a Social Security card"),
    "release_papers": N_("release papers"),
    "birth_certificate": N_("a birth certificate"),
    "proof_of_income": N_("proof of income"),
    "proof_of_residency": N_("proof of where you live"),
}


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


@dataclass
class SearchForm:
    near: str = ""
    needs: list[str] = field(default_factory=list)
    radius: int = 25
    open_now: bool = False  # only places open right now (by their hours and time zone)
    facts: dict[str, Any] = field(default_factory=dict)
    raw: dict[str, str] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)


def parse_form(fields: dict[str, str], needs: list[str]) -> SearchForm:
    form = SearchForm(near=fields.get("near", "").strip()[:100], needs=[n for n in needs if n][:30])
    try:
        form.radius = int(fields.get("radius", "25"))
    except ValueError:
        form.radius = 25
    if form.radius not in RADII:
        form.radius = 25
    form.open_now = fields.get("open_now") == "1"
    form.raw = {k: v for k, v in fields.items() if k.startswith("fact_")}
    facts: dict[str, Any] = {}
    for name in YES_NO_FACTS:
        answer = fields.get(f"fact_{name}")
        if answer in ("yes", "no"):
            facts[name] = answer == "yes"
    for name in ("age", "household_size"):
        raw = fields.get(f"fact_{name}", "").strip()
        if raw:
            if raw.isdigit() and int(raw) < 130:
                facts[name] = int(raw)
            else:
                form.errors[name] = N_("Enter a whole number, or leave it empty.")
    raw_income = fields.get("fact_annual_income", "").strip().lstrip("$").replace(",", "")
    if raw_income:
        try:
            facts["annual_income"] = float(raw_income)
            if facts["annual_income"] < 0:
                raise ValueError
        except ValueError:
            facts.pop("annual_income", None)
            form.errors["annual_income"] = N_("Enter the amount in dollars, like 250, or leave it empty.")
    if fields.get("fact_gender") in ("female", "male", "other"):
        facts["gender"] = fields["fact_gender"]
    home = fields.get("fact_zip", "").strip()
    if home:
        if home.isdigit() and len(home) == 5:
            facts["zip"] = home
        else:
            form.errors["zip"] = N_("Enter a 5-digit ZIP code, or leave it empty.")
    for name, allowed in (("insurance", INSURANCE), ("documents", DOCUMENT_CODES)):
        chosen = [v for k, v in fields.items() if k.startswith(f"fact_{name}_") and v in allowed]
        if fields.get(f"fact_{name}_asked") == "1":
            facts[name] = chosen
    form.facts = facts
    return form


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


FELONY_GRADES = frozenset({"F", "F1", "F2", "F3", "felony"})
MISDEMEANOR_GRADES = frozenset({"S", "M", "M1", "M2", "M3", "infraction", "misdemeanor"})


@dataclass
class FromResults:
    """What the record check already knows, brought to the services page: never asked twice."""

    ref: str
    needs: list[str]
    facts: dict[str, Any]
    near: str = ""


def record_facts(state: InterviewState, today: date) -> tuple[list[str], dict[str, Any]]:
    """The needs the results imply and the facts the interview gave, in the services search's terms.

    Legal help for record clearing when some charge needs a petition (or a lawyer's look: a question
    still open, a state we do not check); whether there is a record and a felony conviction (only when
    every grade is known: an unknown grade leaves it unknown); the age from a full date of birth.
    """
    record = to_record(state)
    charges = [(case, charge) for case in record["cases"] for charge in case["charges"]]
    facts: dict[str, Any] = {}
    needs: list[str] = []
    if charges:
        facts["has_record"] = True
    convicted = [charge for _, charge in charges if charge.get("disposition") == "convicted"]
    grades = [charge.get("grade") for charge in convicted]
    if any(g in FELONY_GRADES for g in grades):
        facts["has_felony"] = True
    elif charges and all(c.get("disposition") not in (None, "convicted", "pending") for _, c in charges):
        facts["has_felony"] = False  # no conviction at all
    elif charges and all(g in MISDEMEANOR_GRADES for g in grades) and all(c.get("disposition") for _, c in charges):
        facts["has_felony"] = False
    birth = record.get("birth_date")
    if isinstance(birth, str) and len(birth) == 10:
        born = date.fromisoformat(birth)
        facts["age"] = today.year - born.year - ((today.month, today.day) < (born.month, born.day))
    if state.other_state or any(case.get("jurisdiction") is None for case, _ in charges):
        needs.append("legal")
    else:
        try:
            person = people_from_json(record, as_of=today)[0]
        except InvalidRecord:
            return ["legal"], facts
        screening = screen(person, today)
        for charge in screening.charges:
            automatic_only = all(
                r.rule.automatic for r in charge.results if r.status in (Status.ELIGIBLE_NOW, Status.ELIGIBLE_ON)
            )
            helpful = any(r.status is not Status.NOT_ELIGIBLE for r in charge.results)
            if helpful and not (charge.cleared and automatic_only):
                needs.append("legal.record_clearance")
                break
    return needs, facts


def from_results(request: Request, ref: str, today: date) -> FromResults | None:
    state = interview_state(request, ref) if ref else None
    if state is None:
        return None
    needs, facts = record_facts(state, today)
    return FromResults(ref, needs, facts, state.zip or "")


def remember_zip(request: Request, ref: str, near: str) -> None:
    """Keep the ZIP with the interview (the same step, changed in place) so "Find help" never asks it again."""
    if not (near.isdigit() and len(near) == 5):
        return
    snapshot = snapshot_of(request, ref)
    if snapshot is None or snapshot.state.zip == near:
        return
    snapshot.state.zip = near
    states(request).replace(browser_of(request), ref, snapshot.to_store())


def shown_json(form: SearchForm) -> str:
    """The search a page shows, as the hidden ``shown`` field of its form: a language switch sends the
    form as typed (perhaps changed, not searched yet) and this, so both come back in the other language."""
    fields: dict[str, Any] = {"near": form.near, "radius": str(form.radius), "need": form.needs, **form.raw}
    if form.open_now:
        fields["open_now"] = "1"
    return json.dumps(fields, separators=(",", ":"), ensure_ascii=False)


def shown_form(raw: str) -> SearchForm | None:
    """The search a ``shown`` field describes (None: nothing was searched, or it cannot be read)."""
    try:
        fields = json.loads(raw) if raw else None
    except ValueError:
        return None
    if not isinstance(fields, dict):
        return None
    needs = fields.pop("need", [])
    needs = [n for n in needs if isinstance(n, str)] if isinstance(needs, list) else []
    return parse_form({str(k)[:40]: v[:200] for k, v in fields.items() if isinstance(v, str)}, needs)


def services_page(
    request: Request,
    form: SearchForm,
    searched: bool,
    set_lang: str | None = None,
    printable: bool = False,
    known: FromResults | None = None,
    shown: SearchForm | None = None,
) -> Response:
    """The search page; ``printable``: the same search as a plain numbered list to print or copy,
    with the text-message summary (what fits on a phone screen or in a text to oneself). ``shown``: the
    search to run when it is not the form's (a language switch: the form as typed, the search as shown)."""
    settings = settings_of(request)
    if set_lang:
        request.scope["sc_lang"] = set_lang
    lang = language(request)
    t = translations(lang).gettext
    query = shown or form
    if known is not None:
        # The record check's facts decide fits like answers do, and are never asked again.
        form.facts = {**form.facts, **known.facts}
        query.facts = {**query.facts, **known.facts}
    top = [n.code for n in TOP_NEEDS]
    chosen_sub = [BY_CODE[c] for c in form.needs if c in BY_CODE and c not in top]
    context: dict[str, Any] = {
        "form": form,
        "known": known,
        "known_facts": [
            t(KNOWN_WORDS[k]) % {"age": v}
            for k, v in (known.facts if known else {}).items()
            if k in KNOWN_WORDS and (k == "age" or v)
        ],
        "needs": [(n.code, t(n.label), f"/static/icons/need-{n.code}.svg") for n in TOP_NEEDS]
        + [(n.code, t(n.label), f"/static/icons/need-{n.parent}.svg") for n in chosen_sub],
        "radii": RADII,
        "sample": uses_sample(settings),
        "yes_no_facts": YES_NO_FACTS,
        "insurance_labels": INSURANCE_LABELS,
        "doc_labels": DOC_LABELS,
        "searched": searched,
        "shown": shown_json(query) if searched and query.near else "",
        "lang_action": "/services",
        "lang_fields": {
            "near": form.near,
            "radius": str(form.radius),
            "need": form.needs,
            **({"open_now": "1"} if form.open_now else {}),
            **form.raw,
            **({"interview": known.ref} if known else {}),
        },
    }
    if searched and query.near and not query.errors:
        try:
            missing: list[Gap] = []
            label, results = run_search(
                settings,
                query.near,
                query.needs,
                radius=query.radius,
                open_now=query.open_now,
                facts=query.facts,
                limit=30,
                gaps_out=missing,
            )
        except UnknownPlace:
            form.errors["near"] = N_(
                "We don't know that place. Try a 5-digit ZIP code, or a city and state like “Philadelphia, PA”."
            )
        except UnknownNeed:
            form.errors["needs"] = N_("Choose from the list.")
        except InvalidDirectory:
            form.errors["facts"] = N_("Some answers are not valid. Check them.")
        else:
            context.update(
                place=label,
                services=[service_view(r, t) for r in results],
                questions=[q for q in questions_for(results, form.raw) if not known or q not in known.facts],
                gaps=[gap_words(g, query.radius, t) for g in missing],
                sms=sms_summary(results),
            )
    elif searched and not query.near:
        form.errors["near"] = N_("Enter a ZIP code or a city and state.")
    status = 422 if form.errors else 200
    template = "services_print.html" if printable and "services" in context else "services.html"
    if template == "services.html":
        # The switch submits the search form itself: what was typed, searched or not, comes back.
        context.update(lang_form="search-form", lang_action="/services")
    return render(request, template, context, status=status, set_lang=set_lang)


@router.get("/services")
async def services_start(request: Request, interview: str = "") -> Response:
    """The search page; from the results (``?interview=<ref>``, a random reference, no answer in the URL)
    it arrives with the needs the results imply, the record facts already given, and the ZIP if known."""
    known = await run_in_threadpool(from_results, request, interview, date.today()) if interview else None
    if known is None:
        return services_page(request, SearchForm(), searched=False)
    form = SearchForm(near=known.near, needs=list(known.needs))
    return await within_budget(request, services_page, request, form, bool(known.near), None, False, known)


@router.post("/services")
async def services_search(request: Request) -> Response:
    raw = await checked_form(request)
    fields = text_fields(raw)
    needs = [v for v in raw.getlist("need") if isinstance(v, str)]
    form = parse_form(fields, needs)
    ref = fields.get("interview", "")
    known = await run_in_threadpool(from_results, request, ref, date.today()) if ref else None
    if known is not None:
        remember_zip(request, ref, form.near)
    action = fields.get("action", "")
    # The search reads the database: run it off the event loop.
    if action.startswith("lang:"):
        lang = action.removeprefix("lang:")
        if "shown" not in fields:  # the printable list's switch: it sends the search it shows
            return await within_budget(request, services_page, request, form, bool(form.near), lang, False, known)
        shown = shown_form(fields["shown"])
        return await within_budget(request, services_page, request, form, shown is not None, lang, False, known, shown)
    return await within_budget(request, services_page, request, form, True, None, action == "print", known)

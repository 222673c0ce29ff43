"""The services search form: what the person typed or chose, read and checked, and the search a page shows.

Only facts the search can use are kept; a bad answer is an error on its field, never a guess.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from ...directory.facts import DOCUMENT_CODES, INSURANCE
from .i18n import N_

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
INSURANCE_LABELS = {
    "medicaid": N_("Medicaid"),
    "medicare": N_("Medicare"),
    "private": N_("Private insurance"),
    "none": N_("No insurance"),
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

"""What a synthetic directory (``synth``) draws from: the kinds of service each need names, the
place names, and the eligibility *profiles* (a records policy, other requirements and languages),
each with the index JSON the real ``Requirements`` code makes for it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from itertools import product

from .eligibility import Requirements, document_code

KINDS = {
    "housing": ("Housing Program", "Home Finders"),
    "housing.emergency": ("Shelter", "Night Shelter"),
    "housing.transitional": ("Transitional House", "Reentry Residence"),
    "housing.fair_chance": ("Fair Chance Rentals", "Open Door Housing"),
    "food": ("Food Pantry", "Community Kitchen"),
    "id_documents": ("ID Clinic", "Document Recovery"),
    "benefits": ("Benefits Desk", "Benefits Navigators"),
    "employment": ("Jobs Center", "Workforce Program"),
    "mental_health": ("Counseling Center", "Therapy Services"),
    "mental_health.trauma": ("Trauma Recovery", "Healing Center"),
    "substance_use": ("Recovery Center", "Treatment Program"),
    "medical": ("Health Clinic", "Community Health"),
    "legal": ("Legal Aid", "Law Center"),
    "legal.record_clearance": ("Expungement Clinic", "Clean Slate Clinic"),
    "legal.clemency": ("Pardon Project", "Clemency Clinic"),
    "legal.family_law": ("Family Law Clinic", "Family Legal Help"),
    "family": ("Family Reunification", "Family Connections"),
    "transportation": ("Ride Program", "Transit Help"),
    "phone_internet": ("Connect Program", "Phone Access"),
    "clothing": ("Clothing Closet", "Work Wardrobe"),
    "education": ("GED Program", "Learning Center"),
    "hotline": ("Helpline", "Crisis Line"),
}
PLACES = (
    "Northside",
    "Riverside",
    "Eastgate",
    "Westview",
    "Harbor",
    "Lakeside",
    "Hillcrest",
    "Union",
    "Liberty",
    "Main",
)

RECORDS: tuple[tuple[str, ...], ...] = (
    (),
    ("any",),
    ("any",),
    ("any",),
    ("case_by_case",),
    ("excludes_sex_offense_registration",),
    ("excludes_sex_offense_registration", "excludes_arson"),
    ("excludes_violent_felony",),
    ("none",),
)


@dataclass(frozen=True)
class Extra:
    """Requirements beside the records policy that a synthetic service may state."""

    min_age: int | None = None
    documents: tuple[str, ...] = ()
    insurance: tuple[str, ...] = ()
    income_max_fpl: int | None = None
    referral: bool = False
    veteran: bool = False


EXTRAS: tuple[Extra, ...] = (
    Extra(),
    Extra(min_age=18),
    Extra(documents=("Photo ID",)),
    Extra(documents=("Photo ID", "Social Security card")),
    Extra(insurance=("medicaid", "uninsured")),
    Extra(income_max_fpl=200),
    Extra(referral=True),
    Extra(veteran=True, documents=("Release papers",)),
)
LANGUAGES: tuple[tuple[tuple[str, str], ...], ...] = ((("English", "en"),), (("English", "en"), ("Spanish", "es")))


@dataclass(frozen=True)
class Profile:
    attributes: tuple[tuple[str, str], ...]  # (eligibility term code, value)
    documents: tuple[str, ...]
    min_age: int | None
    languages: tuple[tuple[str, str], ...]
    requirements: str  # the search index's JSON, made by the real Requirements code
    language_codes: str


def make_profiles() -> list[Profile]:
    """Every (records, extra, languages) combination with its attributes, documents and index JSON."""
    out: list[Profile] = []
    for records, extra, langs in product(RECORDS, EXTRAS, LANGUAGES):
        attrs = [("records", r) for r in records]
        attrs += [("income_max_fpl", str(extra.income_max_fpl))] if extra.income_max_fpl else []
        attrs += [("referral", "required")] if extra.referral else []
        attrs += [("veteran", "required")] if extra.veteran else []
        attrs += [("insurance", i) for i in extra.insurance]
        req = Requirements(
            records=list(records),
            min_age=float(extra.min_age) if extra.min_age is not None else None,
            veteran_only=True if extra.veteran else None,
            insurance=list(extra.insurance),
            income_max_fpl=float(extra.income_max_fpl) if extra.income_max_fpl else None,
            documents=[document_code(d) or f"?{d}" for d in extra.documents],
            referral=True if extra.referral else None,
            languages=sorted(code for _, code in langs),
        )
        codes = ",".join(sorted(code for _, code in langs))
        out.append(
            Profile(
                tuple(attrs), extra.documents, extra.min_age, langs, json.dumps(req.to_json(), sort_keys=True), codes
            )
        )
    return out

"""Structured eligibility: our taxonomy of HSDS attributes, and a service's requirements read from them.

HSDS gives ``eligibility_description`` (free text), ``minimum_age``/``maximum_age``,
``required_document`` and ``language`` rows. What a person with a record most needs to know
(does this place take people with a sex-offense registration?) has no field, so we add an
HSDS taxonomy, ``secondchance-eligibility``: one term per kind of requirement, and each
service states a requirement as an ``attribute`` linking it to the term with a ``value``
from the term's vocabulary. Several attributes of one term combine (a shelter excluding both
arson and sex-offense registration has two ``records`` attributes).
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field, fields
from typing import Any, Final

from .facts import DOCUMENT_CODES
from .model import Directory, Row
from .needs import BY_TERM_ID as NEED_BY_TERM_ID
from .needs import NAMESPACE, NEEDS
from .needs import TAXONOMY_ID as NEEDS_TAXONOMY_ID
from .needs import TAXONOMY_NAME as NEEDS_TAXONOMY

TAXONOMY_NAME: Final = "secondchance-eligibility"
TAXONOMY_ID: Final = str(uuid.uuid5(NAMESPACE, TAXONOMY_NAME))


@dataclass(frozen=True)
class Term:
    code: str
    name: str
    description: str
    values: tuple[str, ...] = ()  # empty: free value (a number or a place)

    @property
    def term_id(self) -> str:
        return str(uuid.uuid5(NAMESPACE, f"eligibility:{self.code}"))


RECORD_POLICIES: Final = (
    "any",
    "none",
    "excludes_sex_offense_registration",
    "excludes_arson",
    "excludes_violent_felony",
    "case_by_case",
    "excludes_felony",
)

TERMS: Final[tuple[Term, ...]] = (
    Term(
        "records",
        "Criminal records accepted",
        "Which people with criminal records the service takes: any; none; excludes sex-offense registration; "
        "excludes arson; excludes violent felonies; case by case; excludes felonies.",
        RECORD_POLICIES,
    ),
    Term("gender", "Genders served", "A gender the service serves (one attribute each).", ("any", "female", "male")),
    Term("veteran", "Veterans only", "required: only veterans are served.", ("required", "any")),
    Term(
        "insurance",
        "Insurance accepted",
        "A payment the service takes (one attribute each); uninsured means it serves people without insurance "
        "(free or sliding scale).",
        ("medicaid", "medicare", "private", "uninsured"),
    ),
    Term("income_max_fpl", "Income limit", "Highest household income served, in percent of the federal poverty level."),
    Term("residency_state", "State residents only", "A state (two letters) whose residents are served."),
    Term("residency_county", "County residents only", 'A county whose residents are served, as "Orleans Parish, LA".'),
    Term("residency_city", "City residents only", 'A city whose residents are served, as "New Orleans, LA".'),
    Term(
        "referral",
        "Referral needed",
        "required: a referral (from a caseworker, parole officer...) is needed.",
        ("required", "not_required"),
    ),
    # read from a listing's words (directory/eligibility_text.py); the attribute's label keeps those words
    Term("minimum_age", "Minimum age", "The youngest age served (also HSDS service.minimum_age)."),
    Term("maximum_age", "Maximum age", "The oldest age served (also HSDS service.maximum_age)."),
    Term("income_low", "Low income only", "required: serves people with low income, no limit stated.", ("required",)),
    Term("residency_zip", "ZIP code residents only", "A ZIP code whose residents are served."),
    Term("document", "Document needed", "A document to bring (one attribute each).", DOCUMENT_CODES),
    Term("sobriety", "Sobriety needed", "required: clients must be sober (detoxed, clean and sober).", ("required",)),
)
TERM_BY_CODE: Final = {t.code: t for t in TERMS}
TERM_BY_ID: Final = {t.term_id: t for t in TERMS}
#: The check (``match.Check.requirement``) each term is decided by.
CHECK_OF_TERM: Final = {
    "minimum_age": "age",
    "maximum_age": "age",
    "income_max_fpl": "income",
    "income_low": "income",
    "residency_state": "residency",
    "residency_county": "residency",
    "residency_city": "residency",
    "residency_zip": "residency",
    "document": "documents",
}

#: Document codes recognised in ``required_document.document`` text (first match wins).
DOCUMENTS: Final[tuple[tuple[str, str, str], ...]] = (
    ("ssn_card", r"social\s*security|\bssn\b", "a Social Security card"),
    ("release_papers", r"release|parole|probation", "release papers"),
    ("birth_certificate", r"birth", "a birth certificate"),
    ("proof_of_income", r"income|pay\s*stub", "proof of income"),
    ("proof_of_residency", r"residen|address|lease|utility", "proof of where you live"),
    ("photo_id", r"\bid\b|identification|driver|license|passport", "a photo ID"),
)
DOCUMENT_LABEL: Final = {code: label for code, _, label in DOCUMENTS}


def document_code(text: str) -> str | None:
    for code, pattern, _ in DOCUMENTS:
        if re.search(pattern, text, re.IGNORECASE):
            return code
    return None


@dataclass
class Requirements:
    """What one service states about who it serves (JSON-able; stored beside the search index)."""

    records: list[str] = field(default_factory=list)
    min_age: float | None = None
    max_age: float | None = None
    genders: list[str] = field(default_factory=list)
    veteran_only: bool | None = None
    insurance: list[str] = field(default_factory=list)
    income_max_fpl: float | None = None
    states: list[str] = field(default_factory=list)
    counties: list[str] = field(default_factory=list)
    cities: list[str] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)  # codes, or "?<text>" when not recognised
    referral: bool | None = None
    languages: list[str] = field(default_factory=list)
    description: str | None = None
    zips: list[str] = field(default_factory=list)
    income_low: bool | None = None
    sobriety: bool | None = None
    #: the listing's own words behind a requirement, by check (``match.Check.requirement``)
    said: dict[str, list[str]] = field(default_factory=dict)
    #: where each of the service's needs came from, when it was inferred (``infer``)
    need_sources: dict[str, str] = field(default_factory=dict)
    #: when the listing was last checked (HSDS ``assured_date``, else ``last_modified``), ISO text;
    #: carried here so a search shows it without another query
    verified: str | None = None

    def to_json(self) -> dict[str, Any]:
        # field by field, not ``asdict`` (which deep-copies: a fifth of a large import's time)
        return {f: v for f in _FIELDS if (v := getattr(self, f)) not in (None, [], {})}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Requirements:
        return cls(**data)


_FIELDS: Final = tuple(f.name for f in fields(Requirements))


def requirements(service: Row, attributes: list[Row], documents: list[Row], languages: list[Row]) -> Requirements:
    """Read one service's requirements from its HSDS rows (attributes of other taxonomies ignored)."""
    req = Requirements(description=_text(service.get("eligibility_description")))
    req.verified = _text(service.get("assured_date")) or _text(service.get("last_modified"))
    req.min_age = _float(service.get("minimum_age"))
    req.max_age = _float(service.get("maximum_age"))
    for attribute in attributes:
        term_id = str(attribute.get("taxonomy_term_id"))
        label = _text(attribute.get("label"))
        if term_id in NEED_BY_TERM_ID and label:
            req.need_sources[NEED_BY_TERM_ID[term_id].code] = label
        term = TERM_BY_ID.get(term_id)
        value = _text(attribute.get("value"))
        if term is None or value is None:
            continue
        if label:
            phrases = req.said.setdefault(CHECK_OF_TERM.get(term.code, term.code), [])
            if label not in phrases:
                phrases.append(label)
        match term.code:
            case "records":
                req.records.append(value)
            case "gender":
                req.genders.append(value)
            case "veteran":
                req.veteran_only = value == "required"
            case "insurance":
                req.insurance.append(value)
            case "income_max_fpl":
                req.income_max_fpl = _float(value)
            case "residency_state":
                req.states.append(value.upper())
            case "residency_county":
                req.counties.append(value)
            case "residency_city":
                req.cities.append(value)
            case "referral":
                req.referral = value == "required"
            case "minimum_age":
                req.min_age = req.min_age if req.min_age is not None else _float(value)
            case "maximum_age":
                req.max_age = req.max_age if req.max_age is not None else _float(value)
            case "income_low":
                req.income_low = value == "required"
            case "residency_zip":
                req.zips.append(value)
            case "document":
                if value not in req.documents:
                    req.documents.append(value)
            case "sobriety":
                req.sobriety = value == "required"
    for document in documents:
        text = _text(document.get("document"))
        if text:
            req.documents.append(document_code(text) or f"?{text}")
    req.languages = sorted(
        {str(lang.get("code") or lang.get("name")) for lang in languages if lang.get("code") or lang.get("name")}
    )
    return req


def all_requirements(directory: Directory) -> dict[str, Requirements]:
    """Requirements of every service of a directory, by service id."""
    attrs: dict[str, list[Row]] = {}
    for a in directory.rows("attribute"):
        if a.get("link_entity") in (None, "service"):
            attrs.setdefault(str(a.get("link_id")), []).append(a)
    docs: dict[str, list[Row]] = {}
    for d in directory.rows("required_document"):
        docs.setdefault(str(d.get("service_id")), []).append(d)
    langs: dict[str, list[Row]] = {}
    for lang in directory.rows("language"):
        if lang.get("service_id") is not None:
            langs.setdefault(str(lang.get("service_id")), []).append(lang)
    return {
        str(s["id"]): requirements(
            s, attrs.get(str(s["id"]), []), docs.get(str(s["id"]), []), langs.get(str(s["id"]), [])
        )
        for s in directory.rows("service")
    }


def taxonomy_rows() -> dict[str, list[Row]]:
    """Our two taxonomies as HSDS rows (written into every directory we create)."""
    taxonomies: list[Row] = [
        {
            "id": TAXONOMY_ID,
            "name": TAXONOMY_NAME,
            "description": "secondchance structured eligibility (docs/directory.md)",
            "uri": None,
            "version": "1",
        },
        {
            "id": NEEDS_TAXONOMY_ID,
            "name": NEEDS_TAXONOMY,
            "description": "secondchance reentry needs (docs/directory.md)",
            "uri": None,
            "version": "1",
        },
    ]
    terms: list[Row] = [
        {
            "id": t.term_id,
            "code": t.code,
            "name": t.name,
            "description": t.description,
            "parent_id": None,
            "taxonomy": TAXONOMY_NAME,
            "language": "en",
            "taxonomy_id": TAXONOMY_ID,
            "term_uri": None,
        }
        for t in TERMS
    ]
    by_code = {n.code: n for n in NEEDS}
    terms += [
        {
            "id": n.term_id,
            "code": n.code,
            "name": n.label,
            "description": n.label
            + (f" (Open Eligibility {n.open_eligibility[0]} {n.open_eligibility[1]})" if n.open_eligibility else ""),
            "parent_id": by_code[n.parent].term_id if n.parent else None,
            "taxonomy": NEEDS_TAXONOMY,
            "language": "en",
            "taxonomy_id": NEEDS_TAXONOMY_ID,
            "term_uri": None,
        }
        for n in NEEDS
    ]
    return {"taxonomy": taxonomies, "taxonomy_term": terms}


def _text(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _float(value: object) -> float | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value)
        except ValueError:
            return None
    return None

"""What real listings carry, read into our model at import: needs from their categories, eligibility
from their words.

Real directories do not use our taxonomies. They carry Open Eligibility codes, AIRS/211 codes,
category keywords ("Meal Sites/Home-delivered Meals", "EMPLOYMENT/TRAINING SERVICES") and prose
("Age 55 or over"). ``enrich`` adds, for each service that states none of its own:

- **needs**: an HSDS ``attribute`` of our needs taxonomy per need found, whose ``label`` says where
  it came from (``Open Eligibility 102-05 …``, ``keyword "Community Clinics"``, ``name "…"``);
- **eligibility**: an ``attribute`` of our eligibility taxonomy per requirement read by
  ``eligibility_text`` (``label``: the listing's own words, shown to the person), and HSDS
  ``minimum_age``/``maximum_age`` when the listing left them empty.

Everything is stored, so search stays an index lookup. A service that already has attributes of
our needs (or eligibility) taxonomy is left as it is: curated data wins, and importing an export
again adds nothing (ids are stable UUIDv5s).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Final

from . import eligibility_text
from .build import uid
from .eligibility import TAXONOMY_NAME as ELIGIBILITY_TAXONOMY
from .eligibility import TERM_BY_CODE, TERM_BY_ID
from .model import Directory, Row
from .needs import BY_CODE, BY_TERM_ID, NEEDS
from .needs import TAXONOMY_NAME as NEEDS_TAXONOMY

#: Category words -> need, tried on each keyword or taxonomy term name, and on the service's name.
#: Narrow needs first; the first pattern of each need that matches names the source.
KEYWORDS: Final[tuple[tuple[str, str], ...]] = (
    ("housing.emergency", r"\b(?:shelters?|shelter/refuge|emergency\s*(?:housing|beds?)|warming\s*centers?|navigation\s*center)\b"),  # noqa: E501
    ("housing.transitional", r"\b(?:transitional\s*(?:housing|living)|sober\s*living|halfway\s*houses?|recovery\s*(?:homes?|residences?)|reentry\s*housing|re-entry\s*housing)\b"),  # noqa: E501
    ("housing.fair_chance", r"\bfair[- ]chance\s*housing\b"),
    ("housing", r"\b(?:housing|rent(?:al)?\s*assistance|rapid\s*re-?housing|homeless(?:ness)?\s*(?:services|prevention|assistance))\b"),  # noqa: E501
    ("food", r"\b(?:food(?!\s*stamps)|meals?|pantr(?:y|ies)|soup\s*kitchens?|groceries|nutrition\s*sites?|meal\s*sites?|food\s*boxes|home[- ]delivered\s*meals|meals\s*on\s*wheels|congregate\s*meals)\b"),  # noqa: E501
    ("id_documents", r"\b(?:identification\s*(?:cards?|documents?|recovery)|(?:state\s*)?id\s*cards?|birth\s*certificates?|vital\s*records|social\s*security\s*cards?)\b"),  # noqa: E501
    ("benefits", r"\b(?:public\s*assistance|food\s*stamps|snap|calfresh|medicaid\s*(?:enrollment|applications?)|ssi|ssdi|benefits?\s*(?:assistance|enrollment|applications?|screening)|cash\s*aid|welfare|tanf|general\s*assistance)\b"),  # noqa: E501
    ("employment", r"\b(?:employment|jobs?|job\s*(?:training|placement|search|development|readiness)|workforce|vocational|career\s*(?:services|center|counseling)|apprenticeships?|work\s*experience)\b"),  # noqa: E501
    ("mental_health.trauma", r"\b(?:trauma(?:-informed)?\s*(?:therapy|counseling|treatment)|ptsd)\b"),
    ("mental_health", r"\b(?:mental\s*health|counsel(?:l)?ing|psychotherapy|therapy|psychiatric|behavioral\s*health)\b"),  # noqa: E501
    ("substance_use", r"\b(?:alcoholism|alcohol|drug\s*abuse|substance\s*(?:use|abuse)|addiction|detox(?:ification)?|chemical\s*dependency|opioid|methadone|suboxone)\b"),  # noqa: E501
    ("medical", r"\b(?:community\s*clinics?|medical|clinics?|outpatient\s*care|primary\s*(?:health\s*)?care|health\s*centers?|dental|physicians?|doctors?|prescriptions?|pharmac(?:y|ies))\b"),  # noqa: E501
    ("legal.record_clearance", r"\b(?:expunge(?:ment|ments)?|record\s*(?:clearing|clearance|sealing)|seal(?:ing)?\s*(?:of\s*)?records|criminal\s*records?\s*relief|certificates?\s*of\s*(?:rehabilitation|relief))\b"),  # noqa: E501
    ("legal.clemency", r"\b(?:pardons?|clemency|commutations?)\b"),
    ("legal.family_law", r"\b(?:family\s*law|child\s*custody|custody|child\s*support|divorce)\b"),
    ("legal", r"\b(?:legal|lawyers?|attorneys?|law\s*(?:center|clinic|project))\b"),
    ("family", r"\b(?:family\s*(?:reunification|support\s*services)|parenting\s*(?:classes|education|support)|parental\s*visitation)\b"),  # noqa: E501
    ("transportation", r"\b(?:transportation|bus\s*(?:passes|tokens|tickets)|transit\s*passes|rides?\s*to|paratransit)\b"),  # noqa: E501
    ("phone_internet", r"\b(?:lifeline\s*(?:phones?|program)|free\s*(?:cell\s*)?phones?|internet\s*access|computer\s*access|public\s*computers?)\b"),  # noqa: E501
    ("clothing", r"\b(?:clothing|clothes|work\s*attire|interview\s*clothes|personal\s*items)\b"),
    ("education", r"\b(?:education(?:al)?|ged|hiset|high\s*school\s*equivalency|literacy|adult\s*school|tutoring|classes|libraries|library|college)\b"),  # noqa: E501
    ("hotline", r"\b(?:hotlines?|helplines?|crisis\s*lines?|warmlines?|crisis\s*(?:text|chat))\b"),
)  # fmt: skip
KEYWORD_PATTERNS: Final = tuple((need, re.compile(pattern, re.IGNORECASE)) for need, pattern in KEYWORDS)
#: Words that make a category mean something else ("Adult Day Health Care" is not a clinic for everyone,
#: "Residential Care" under alcoholism is treatment, not housing).
NOT_A_NEED: Final = re.compile(
    r"\b(?:adult\s*day|day\s*care|child\s*care|animal|pet|veterinar\w*|disaster|employee\s*assistance|"
    r"volunteer\s*opportunities|fundrais\w*)\b",
    re.IGNORECASE,
)
STRONGLY_MEDICAL: Final = re.compile(
    r"\b(?:medical|health|dental|primary\s*care|physicians?|doctors?|prescriptions?|pharmac(?:y|ies))\b", re.IGNORECASE
)
#: In a description only these plain phrases count (a clinic's description mentioning "food stamps"
#: or "job" is not a food or job service).
DESCRIPTION_PHRASES: Final[tuple[tuple[str, str], ...]] = (
    ("housing.emergency", r"\b(?:emergency\s*shelter|homeless\s*shelter|overnight\s*shelter|shelter\s*beds?)\b"),
    ("housing.transitional", r"\b(?:transitional\s*housing|sober\s*living\s*(?:home|house|residence)s?|halfway\s*house)\b"),  # noqa: E501
    ("food", r"\b(?:food\s*pantry|soup\s*kitchen|hot\s*meals|free\s*meals|food\s*bank|groceries)\b"),
    ("employment", r"\b(?:job\s*training|job\s*placement|job\s*search\s*(?:help|assistance)|employment\s*services)\b"),
    ("medical", r"\b(?:free\s*(?:medical\s*)?clinic|primary\s*care|medical\s*care)\b"),
    ("substance_use", r"\b(?:substance\s*(?:use|abuse)\s*treatment|addiction\s*treatment|detox(?:ification)?\s*(?:program|services|center))\b"),  # noqa: E501
    ("legal.record_clearance", r"\b(?:expunge(?:ment)?s?|record\s*sealing|seal\s*(?:your\s*)?(?:criminal\s*)?records?)\b"),  # noqa: E501
)  # fmt: skip
DESCRIPTION_PATTERNS: Final = tuple((need, re.compile(p, re.IGNORECASE)) for need, p in DESCRIPTION_PHRASES)

#: AIRS/211 LA taxonomy code prefixes -> need. Only prefixes seen used for that meaning by 211 services
#: in public code we could read (see docs/directory.md); anything else is not guessed.
AIRS_PREFIXES: Final[tuple[tuple[str, str], ...]] = tuple(
    (n.airs_211la, n.code) for n in sorted(NEEDS, key=lambda n: -len(n.airs_211la or "")) if n.airs_211la
)
OPEN_ELIGIBILITY_CODE: Final = re.compile(r"\d{3}(?:-\d{2})*")
AIRS_CODE: Final = re.compile(r"[A-Z]{1,2}(?:-\d{4}(?:\.\d{4})*(?:-\d{3}(?:\.\d{2})?)?)?")


def need_for_open_eligibility(code: str) -> str | None:
    """Our narrowest need whose Open Eligibility code is ``code`` or one of its ancestors."""
    best: tuple[int, str] | None = None
    for need in NEEDS:
        if need.open_eligibility is None:
            continue
        oe = need.open_eligibility[0]
        if (code == oe or code.startswith(oe + "-")) and (best is None or len(oe) > best[0]):
            best = (len(oe), need.code)
    return best[1] if best else None


def need_for_airs(code: str) -> str | None:
    """Our need for an AIRS/211 code (its longest mapped prefix), or None."""
    for prefix, need in AIRS_PREFIXES:
        if code == prefix or code.startswith(prefix + ".") or code.startswith(prefix + "-"):
            return need
    return None


def needs_from_words(text: str, patterns: Iterable[tuple[str, re.Pattern[str]]] = KEYWORD_PATTERNS) -> list[str]:
    """Needs a category word or name states (none when it means something else)."""
    if NOT_A_NEED.search(text):
        return []
    found = [need for need, pattern in patterns if pattern.search(text)]
    if "medical" in found and any(n.startswith("legal") for n in found) and not STRONGLY_MEDICAL.search(text):
        found.remove("medical")  # a legal "clinic" (an expungement clinic) is not a doctor's
    # a narrower need says it all: "emergency shelter" is not also plain "housing"
    return [n for n in found if not any(o != n and o.startswith(n + ".") for o in found)]


@dataclass
class Inferred:
    """What ``enrich`` read for one service (the per-row import report)."""

    service_id: str
    name: str
    needs: dict[str, str] = field(default_factory=dict)  # need code -> where it came from
    requirements: list[eligibility_text.Found] = field(default_factory=list)
    kept_needs: bool = False  # the listing had needs of our taxonomy already
    kept_eligibility: bool = False


Source = tuple[str, str]  # (kind of source, its text): ("keyword", "Community Clinics")


def sources_of(directory: Directory) -> dict[str, list[Source]]:
    """Each service's taxonomy terms (any taxonomy but ours) as sources of needs."""
    terms = directory.by_id("taxonomy_term")
    taxonomies = directory.by_id("taxonomy")
    out: dict[str, list[Source]] = {}
    for a in directory.rows("attribute"):
        if a.get("link_entity") not in (None, "service"):
            continue
        term = terms.get(str(a.get("taxonomy_term_id")))
        if term is None or term.get("taxonomy") in (NEEDS_TAXONOMY, ELIGIBILITY_TAXONOMY):
            continue
        taxonomy = taxonomies.get(str(term.get("taxonomy_id")))
        tax_name = str(term.get("taxonomy") or (taxonomy or {}).get("name") or "")
        code, name = str(term.get("code") or ""), str(term.get("name") or "")
        if code:
            out.setdefault(str(a["link_id"]), []).append((f"code:{tax_name}", code))
        if name:
            out.setdefault(str(a["link_id"]), []).append(("term", name))
    return out


def needs_for(sources: Iterable[Source], name: str | None, description: str | None) -> dict[str, str]:
    """Needs of one service and where each came from (the first source that gives it)."""
    found: dict[str, str] = {}

    def add(needs: Iterable[str], why: str) -> None:
        for need in needs:
            found.setdefault(need, why)

    for kind, text in sources:
        if kind.startswith("code") or kind == "open_eligibility":
            code = text.strip()
            taxonomy = kind.partition(":")[2].lower()
            if OPEN_ELIGIBILITY_CODE.fullmatch(code) and ("airs" not in taxonomy and "211" not in taxonomy):
                need = need_for_open_eligibility(code)
                add([need] if need else [], f"Open Eligibility code {code}")
            elif AIRS_CODE.fullmatch(code) and "open" not in taxonomy:
                need = need_for_airs(code)
                add([need] if need else [], f"AIRS/211 code {code}")
        elif kind == "legal_problem":  # a legal directory's problem type: legal help about it, not the thing itself
            legal = [n for n in needs_from_words(text) if n.startswith("legal.")]
            add(["legal", *legal], f'legal problem "{text.strip()}"')
        else:
            add(needs_from_words(text), f'{"keyword" if kind == "keyword" else "category"} "{text.strip()}"')
    if name:
        add(needs_from_words(name), f'name "{name.strip()}"')
    if description:
        for need, pattern in DESCRIPTION_PATTERNS:
            m = pattern.search(description)
            if m:
                add([need], f'description "…{m.group(0)}…"')
    # a narrower need found makes its broad parent redundant in the report, but both stay searchable
    return found


def _state_of(directory: Directory) -> dict[str, str]:
    """Each service's state (from its first located address), to place a county or city it names."""
    address_state: dict[str, str] = {}
    for a in directory.rows("address"):
        if a.get("state_province") and a.get("location_id"):
            address_state.setdefault(str(a["location_id"]), str(a["state_province"]).strip().upper()[:2])
    out: dict[str, str] = {}
    for sal in directory.rows("service_at_location"):
        state = address_state.get(str(sal.get("location_id")))
        if state:
            out.setdefault(str(sal["service_id"]), state)
    return out


def enrich(directory: Directory, extra: dict[str, list[Source]] | None = None) -> list[Inferred]:
    """Add inferred needs and eligibility to every service that states none of its own (in place);
    ``extra``: more sources of needs by service id (an Ohana export's keywords and codes)."""
    have_needs: set[str] = set()
    have_eligibility: set[str] = set()
    for a in directory.rows("attribute"):
        term_id = str(a.get("taxonomy_term_id"))
        if term_id in BY_TERM_ID:
            have_needs.add(str(a.get("link_id")))
        elif term_id in TERM_BY_ID:
            have_eligibility.add(str(a.get("link_id")))
    sources = sources_of(directory)
    for sid, more in (extra or {}).items():
        sources.setdefault(sid, []).extend(more)
    states = _state_of(directory)

    def add(sid: str, term_id: str, link_type: str, value: str | None, label: str) -> None:
        _attribute(directory, sid, term_id, link_type, value, label)

    return enrich_services(directory.rows("service"), have_needs, have_eligibility, sources, states, add)


def enrich_services(
    services: Iterable[Row],
    have_needs: set[str],
    have_eligibility: set[str],
    sources: dict[str, list[Source]],
    states: dict[str, str],
    add: Callable[[str, str, str, str | None, str], None],
    needs: Callable[[list[Source], str | None, str | None], dict[str, str]] | None = None,
    read: Callable[[Row, str | None], list[eligibility_text.Found]] | None = None,
) -> list[Inferred]:
    """``enrich``'s work on each service (shared with the columnar import, which passes cached
    ``needs`` and ``read``): ``add(service_id, term_id, link_type, value, label)`` stores an attribute;
    an age read from words is also set on the service row when it has none."""
    needs = needs or needs_for
    read = read or read_service
    report: list[Inferred] = []
    for service in services:
        sid = str(service["id"])
        row = Inferred(sid, str(service.get("name") or ""))
        if sid in have_needs:
            row.kept_needs = True
        else:
            row.needs = needs(sources.get(sid, []), _str(service.get("name")), _str(service.get("description")))
            for code, why in row.needs.items():
                add(sid, BY_CODE[code].term_id, NEEDS_TAXONOMY, None, why)
        if sid in have_eligibility:
            row.kept_eligibility = True
        else:
            row.requirements = read(service, states.get(sid))
            for found in row.requirements:
                if found.kind in ("minimum_age", "maximum_age"):
                    if service.get(found.kind) is not None:
                        continue
                    service[found.kind] = int(found.value)
                add(sid, TERM_BY_CODE[found.kind].term_id, "eligibility", found.value, found.phrase)
        report.append(row)
    return report


#: Which requirement kinds each service text may state (fees state payments; an application process
#: states referrals and documents; eligibility states everything).
FIELD_KINDS: Final = (
    ("eligibility_description", frozenset(eligibility_text.KINDS)),
    ("fees_description", frozenset({"insurance"})),
    ("application_process", frozenset({"referral", "document"})),
)


def read_service(service: Row, state: str | None) -> list[eligibility_text.Found]:
    """The requirements one service's texts state (first text wins for a kind and value)."""
    found: dict[tuple[str, str], eligibility_text.Found] = {}
    for name, kinds in FIELD_KINDS:
        for f in eligibility_text.read(_str(service.get(name)), state):
            if f.kind in kinds:
                found.setdefault((f.kind, f.value), f)
    return list(found.values())


def _attribute(
    directory: Directory, service_id: str, term_id: str, link_type: str, value: str | None, label: str
) -> None:
    directory.add("attribute", attribute_row(service_id, term_id, link_type, value, label))


def attribute_row(service_id: str, term_id: str, link_type: str, value: str | None, label: str) -> Row:
    """The HSDS attribute an inference adds (a stable UUIDv5 id: importing again adds nothing)."""
    return {
        "id": uid("inferred", service_id, term_id, value or ""),
        "link_id": service_id,
        "link_entity": "service",
        "link_type": link_type,
        "taxonomy_term_id": term_id,
        "value": value,
        "label": label[:500],
    }


def _str(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None

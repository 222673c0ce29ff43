"""Whether a service fits a person: each stated requirement checked against the person's facts.

Three answers, like the relief engine's: ``fits`` (every check holds), ``may_not_fit`` (some
requirement fails: we say which, in plain words), ``unknown`` (nothing fails but some check
could not be decided: we name the missing fact, the person's or the listing's).
A listing that does not say whether it takes people with a criminal record is ``unknown`` for
anyone who has one, never ``fits``: that is the question people coming home most need
answered. Other requirements are checked only where the listing states them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum

from .eligibility import DOCUMENT_LABEL, Requirements
from .facts import PersonFacts
from .geo import area_states


class Fit(StrEnum):
    FITS = "fits"
    MAY_NOT_FIT = "may_not_fit"
    UNKNOWN = "unknown"


ORDER = {Fit.FITS: 0, Fit.UNKNOWN: 1, Fit.MAY_NOT_FIT: 2}


@dataclass(frozen=True)
class Check:
    requirement: str
    status: Fit
    text: str
    missing: str | None = None


@dataclass(frozen=True)
class Match:
    fit: Fit
    checks: tuple[Check, ...]

    @property
    def reasons(self) -> tuple[str, ...]:
        """The checks that decided the answer (the failing ones, else the undecided ones)."""
        return tuple(c.text for c in self.checks if c.status is self.fit and self.fit is not Fit.FITS)

    @property
    def missing(self) -> tuple[str, ...]:
        return tuple(sorted({c.missing for c in self.checks if c.status is Fit.UNKNOWN and c.missing}))


def _yes_no(value: bool | None, requirement: str, yes: str, no: str, fact: str, ask: str) -> Check:
    if value is None:
        return Check(requirement, Fit.UNKNOWN, ask, fact)
    return Check(requirement, Fit.FITS, yes) if value else Check(requirement, Fit.MAY_NOT_FIT, no)


RECORD_EXCLUSIONS = {
    "excludes_sex_offense_registration": ("sex_offense_registration", "a sex-offense registration"),
    "excludes_arson": ("arson", "an arson conviction"),
    "excludes_violent_felony": ("violent_felony", "a violent felony"),
    "excludes_felony": ("has_felony", "a felony conviction"),
}


def check_records(req: Requirements, person: PersonFacts) -> list[Check]:
    has_record = person.any_record
    if not req.records:
        if has_record is False:
            return [Check("records", Fit.FITS, "You have no criminal record.")]
        return [
            Check(
                "records",
                Fit.UNKNOWN,
                "The listing does not say whether it takes people with a criminal record: call and ask.",
                "service.records" if has_record else "has_record",
            )
        ]
    checks: list[Check] = []
    for policy in req.records:
        if policy == "any":
            checks.append(Check("records", Fit.FITS, "Takes people with any criminal record."))
        elif policy == "none":
            checks.append(
                _yes_no(
                    None if has_record is None else not has_record,
                    "records",
                    "Does not take people with a record; you have none.",
                    "Does not take people with a criminal record.",
                    "has_record",
                    "Does not take people with a criminal record; we don't know if you have one.",
                )
            )
        elif policy == "case_by_case":
            if has_record is False:
                checks.append(Check("records", Fit.FITS, "You have no criminal record."))
            else:
                checks.append(
                    Check("records", Fit.UNKNOWN, "Decides case by case about criminal records: ask them.", None)
                )
        elif policy in RECORD_EXCLUSIONS:
            fact, words = RECORD_EXCLUSIONS[policy]
            value = person.record_fact(fact)
            checks.append(
                _yes_no(
                    None if value is None else not value,
                    "records",
                    f"Excludes people with {words}; you have none.",
                    f"Does not take people with {words}.",
                    fact,
                    f"Does not take people with {words}; we don't know if you have one.",
                )
            )
        else:
            checks.append(Check("records", Fit.UNKNOWN, f"Records policy {policy!r} is not one we know.", None))
    return checks


def check_age(req: Requirements, person: PersonFacts) -> list[Check]:
    if req.min_age is None and req.max_age is None:
        return []
    low = f"{req.min_age:g}" if req.min_age is not None else None
    high = f"{req.max_age:g}" if req.max_age is not None else None
    span = f"ages {low}–{high}" if low and high else (f"age {low} and up" if low else f"age {high} and under")
    if person.age is None:
        return [Check("age", Fit.UNKNOWN, f"Serves {span}; we don't know your age.", "age")]
    ok = (req.min_age is None or person.age >= req.min_age) and (req.max_age is None or person.age <= req.max_age)
    return [Check("age", Fit.FITS if ok else Fit.MAY_NOT_FIT, f"Serves {span}; you are {person.age}.")]


def check_gender(req: Requirements, person: PersonFacts) -> list[Check]:
    if not req.genders or "any" in req.genders:
        return []
    served = " or ".join(req.genders)
    if person.gender is None:
        return [Check("gender", Fit.UNKNOWN, f"Serves {served} only; we don't know your gender.", "gender")]
    ok = person.gender.lower() in req.genders
    return [Check("gender", Fit.FITS if ok else Fit.MAY_NOT_FIT, f"Serves {served} only.")]


def check_veteran(req: Requirements, person: PersonFacts) -> list[Check]:
    if not req.veteran_only:
        return []
    return [
        _yes_no(
            person.veteran,
            "veteran",
            "Veterans only; you are a veteran.",
            "Serves veterans only.",
            "veteran",
            "Serves veterans only; we don't know if you are one.",
        )
    ]


def check_insurance(req: Requirements, person: PersonFacts) -> list[Check]:
    if not req.insurance:
        return []
    takes = ", ".join("no insurance (free or sliding scale)" if i == "uninsured" else i for i in req.insurance)
    if person.insurance is None:
        return [Check("insurance", Fit.UNKNOWN, f"Takes {takes}; we don't know your insurance.", "insurance")]
    have = {"uninsured" if i == "none" else i for i in person.insurance} or {"uninsured"}
    ok = bool(have & set(req.insurance))
    yours = ", ".join(person.insurance) or "none"
    return [Check("insurance", Fit.FITS if ok else Fit.MAY_NOT_FIT, f"Takes {takes}; you have {yours}.")]


def check_income(req: Requirements, person: PersonFacts, as_of: date) -> list[Check]:
    if req.income_max_fpl is None:
        return check_low_income(req, person, as_of)
    limit = f"household income up to {req.income_max_fpl:g}% of the poverty level"
    percent, source = person.fpl_percent(as_of)
    if percent is None:
        return [Check("income", Fit.UNKNOWN, f"Serves {limit}; we don't know yours.", source)]
    ok = percent <= req.income_max_fpl
    return [
        Check("income", Fit.FITS if ok else Fit.MAY_NOT_FIT, f"Serves {limit}; yours is {percent:.1f}% ({source}).")
    ]


def check_low_income(req: Requirements, person: PersonFacts, as_of: date) -> list[Check]:
    """ "Low income" with no limit stated: an income at or under the poverty line is low by any program's
    measure (fits); above it we cannot tell what limit they use (unknown), so we never say "may not fit"."""
    if not req.income_low:
        return []
    percent, source = person.fpl_percent(as_of)
    if percent is None:
        return [Check("income", Fit.UNKNOWN, "Serves people with low income; we don't know yours.", source)]
    if percent <= 100:
        return [Check("income", Fit.FITS, f"Serves people with low income; yours is {percent:.1f}% of poverty.")]
    return [
        Check(
            "income",
            Fit.UNKNOWN,
            f"Serves people with low income, limit not stated; yours is {percent:.1f}% of poverty: ask them.",
            "service.income_limit",
        )
    ]


def _same_place(a: str, b: str) -> bool:
    def norm(s: str) -> str:
        return " ".join(s.lower().replace(",", " ").replace(".", " ").split())

    return norm(a) == norm(b)


def check_residency(req: Requirements, person: PersonFacts) -> list[Check]:
    checks: list[Check] = []
    if req.states:
        listed = ", ".join(req.states)
        if person.state is None:
            checks.append(
                Check("residency", Fit.UNKNOWN, f"Serves residents of {listed}; what state do you live in?", "state")
            )
        else:
            ok = person.state.upper() in req.states
            checks.append(Check("residency", Fit.FITS if ok else Fit.MAY_NOT_FIT, f"Serves residents of {listed}."))
    for kind, places, mine in (("county", req.counties, person.county), ("city", req.cities, person.city)):
        if not places:
            continue
        listed = "; ".join(places)
        if mine is None or person.state is None:
            checks.append(
                Check("residency", Fit.UNKNOWN, f"Serves residents of {listed}; we don't know your {kind}.", kind)
            )
            continue
        ok = any(_same_place(p, f"{mine}, {person.state}") for p in places)
        checks.append(Check("residency", Fit.FITS if ok else Fit.MAY_NOT_FIT, f"Serves residents of {listed}."))
    if req.zips:
        listed = ", ".join(req.zips)
        if person.zip is None:
            checks.append(Check("residency", Fit.UNKNOWN, f"Serves ZIP codes {listed}; what is yours?", "zip"))
        else:
            ok = person.zip[:5] in req.zips
            checks.append(Check("residency", Fit.FITS if ok else Fit.MAY_NOT_FIT, f"Serves ZIP codes {listed}."))
    return checks


def check_documents(req: Requirements, person: PersonFacts) -> list[Check]:
    checks: list[Check] = []
    for code in req.documents:
        if code.startswith("?"):
            checks.append(Check("documents", Fit.UNKNOWN, f"Asks for: {code[1:]}.", "documents"))
            continue
        label = DOCUMENT_LABEL.get(code, code)
        if person.documents is None:
            checks.append(
                Check("documents", Fit.UNKNOWN, f"Asks for {label}; we don't know if you have it.", "documents")
            )
        elif code in person.documents:
            checks.append(Check("documents", Fit.FITS, f"Asks for {label}; you have it."))
        else:
            hint = " (ID help services can get one)" if code in ("photo_id", "ssn_card", "birth_certificate") else ""
            checks.append(Check("documents", Fit.MAY_NOT_FIT, f"Asks for {label}, which you don't have yet{hint}."))
    return checks


def check_referral(req: Requirements, person: PersonFacts) -> list[Check]:
    if not req.referral:
        return []
    return [
        _yes_no(
            person.has_referral,
            "referral",
            "Needs a referral; you have one.",
            "Needs a referral (from a caseworker, parole officer or clinic) first.",
            "has_referral",
            "Needs a referral; do you have one?",
        )
    ]


def check_sobriety(req: Requirements, person: PersonFacts) -> list[Check]:
    if not req.sobriety:
        return []
    return [
        _yes_no(
            person.sober,
            "sobriety",
            "Asks that you be sober; you are.",
            "Asks that you be sober (detoxed) first.",
            "sober",
            "Asks that you be sober (detoxed): ask about their rules.",
        )
    ]


LANGUAGE_CODES = {
    "english": "en",
    "spanish": "es",
    "español": "es",
    "vietnamese": "vi",
    "chinese": "zh",
    "mandarin": "zh",
    "cantonese": "zh",
    "french": "fr",
    "haitian creole": "ht",
    "arabic": "ar",
    "tagalog": "tl",
    "korean": "ko",
    "russian": "ru",
    "portuguese": "pt",
    "polish": "pl",
}


def language_code(name: str) -> str:
    """ISO 639-1 code for a language name or code ("Spanish", "es", "spa" -> "es" where known)."""
    key = name.strip().lower()
    return LANGUAGE_CODES.get(key, key[:2] if len(key) == 3 and key.isalpha() else key)


def check_languages(req: Requirements, person: PersonFacts) -> list[Check]:
    """Languages are checked only when the person names theirs (a preference, not an entry rule)."""
    if not req.languages or not person.languages:
        return []
    offered = {language_code(lang) for lang in req.languages}
    ok = bool(offered & {language_code(lang) for lang in person.languages})
    return [Check("languages", Fit.FITS if ok else Fit.MAY_NOT_FIT, f"Offered in {', '.join(req.languages)}.")]


def check_service_area(area: str | None, state: str | None) -> list[Check]:
    """Whether a remote service's HSDS service areas (``"; "``-joined names) cover the state searched in.

    Only where both are known: an area naming no state ("Orleans Parish") leaves it unknown, and a
    search by coordinates (no state) checks nothing; the areas are shown either way."""
    if not area or state is None:
        return []
    covered = [area_states(name) for name in area.split("; ")]
    if any(states is not None and state in states for states in covered):
        return [Check("service_area", Fit.FITS, f"Serves {area}.")]
    if all(states is not None for states in covered):
        return [Check("service_area", Fit.MAY_NOT_FIT, f"Serves {area}, not {state}.")]
    return [Check("service_area", Fit.UNKNOWN, f"Serves {area}: ask whether that includes where you are.")]


def quoted(check: Check, phrases: list[str] | None) -> Check:
    """The check with the listing's own words after it ("The listing says: 'Age 55 or over'")."""
    if not phrases:
        return check
    words = "; ".join(f"'{p}'" for p in phrases)
    return replace(check, text=f"{check.text} The listing says: {words}.")


def match(req: Requirements, person: PersonFacts, as_of: date, *more: Check) -> Match:
    """Check every stated requirement (and ``more`` checks, e.g. the service area); the answer is the
    worst check (may_not_fit > unknown > fits)."""
    checks = [
        *check_records(req, person),
        *check_age(req, person),
        *check_gender(req, person),
        *check_veteran(req, person),
        *check_insurance(req, person),
        *check_income(req, person, as_of),
        *check_residency(req, person),
        *check_documents(req, person),
        *check_referral(req, person),
        *check_sobriety(req, person),
        *check_languages(req, person),
        *more,
    ]
    checks = [quoted(c, req.said.get(c.requirement)) for c in checks]
    statuses = {c.status for c in checks}
    fit = Fit.MAY_NOT_FIT if Fit.MAY_NOT_FIT in statuses else Fit.UNKNOWN if Fit.UNKNOWN in statuses else Fit.FITS
    return Match(fit, tuple(checks))

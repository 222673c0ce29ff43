"""The records policy a clause states: any record, exclusions, none, case by case."""

from __future__ import annotations

import re
from typing import Final

from .eligibility_lexicon import HEDGE, ci

#: A state's prison system by its initials, written in capitals: "DOC" with the state's letters before it ("IDOC",
#: "VADOC", "WDOC"), and round 13's shapes of a department or division of correction(s) or rehabilitation ("ODRC",
#: "GDC", "NMCD", "SCDC") or a correctional institution or centre ("ACI", "WCCC", "MCI"): never a word of another
#: kind (no shape here is "ICU", "ICE", "CDC" or "DC" alone).
CORRECTIONS = (
    r"(?-i:(?=[A-Z]{2,6}\b)(?:[A-Z]{0,3}DOCS?|N?C?DAC|TDCJ|CDCR|BOP|ADCRR|[A-Z]{1,2}DRC|ODRC|[A-Z]{1,3}DCR|(?!CDC\b)[A-Z]{1,3}DC|[A-Z]{2,3}CD|"
    r"(?!UCI\b)[A-Z]{1,2}CI|[A-Z]{1,2}CCC|[A-Z]{1,2}CF))"
)
_PRISON = (
    # ... but not a county's jail named ("leaving Cook County Jail", round 6's labeller: no records call)
    # ... nor another place joined by "or" ("coming out of treatment or prison": either, round 12)
    r"(?:(?!county\b|or\b|and\b|nor\b)(?:the|a|an|state|federal|[a-z]{2,12})\s+){0,2}?"
    rf"(?:prisons?|jails?|incarceration|custody|penitentiary|{CORRECTIONS})\b"
)
FROM_PRISON = (
    r"(?:coming\s*home\s*from|coming\s*out\s*of|returning\s*home\s*from|returning\s*from|released\s*from|leaving|"
    # round 12: "people home from prison or jail", "people just out of IDOC"
    r"(?<=\s)home\s*from|just\s*out\s*of|fresh\s*out\s*of|"
    # round 13: "women paroled from WCCC", "men transitioning from CDOC"
    r"paroled\s*from|transitioning\s*(?:out\s*)?from)\s*"
    rf"{_PRISON}(?:\s*(?:or|and|/)\s*{_PRISON})?"
)
ANY_RECORD = r"(?:felony|misdemeanor)\s*(?:or|and|/)\s*(?:felony|misdemeanor)\s*(?:records?|convictions?)"
RECORD_WORDS = (
    # round 13: "a felony or misdemeanor record": any record
    rf"(?:{ANY_RECORD}|criminal\s*(?:records?|histor(?:y|ies)|backgrounds?|convictions?|justice\s*(?:history|involvement))|"
    r"(?:a\s*)?records?(?!\s*of\b)|conviction\s*histor(?:y|ies)|convictions?|felon(?:y|ies|s)|felony\s*convictions?|ex-?offenders?|ex-?felons?|"
    r"(?:formerly|previously)\s*incarcerated(?:\s*(?:people|persons|individuals))?|returning\s*citizens|"
    r"justice[- ](?:involved|impacted)(?:\s*(?:people|persons|individuals|adults|youth))?|"
    r"people\s*(?:with|who\s*have)\s*(?:criminal\s*)?records|"
    r"(?:people|persons|individuals)\s*(?:coming\s*home|leaving|released\s*from)\s*(?:prison|jail|incarceration)|"
    # coming home from a named prison or system ("returning home from prison", "leaving Mississippi prisons",
    # "released from the state penitentiary", "coming home from CT DOC"): round 11's reentry listings
    rf"{FROM_PRISON}|"
    r"(?:criminal|criminal-history|criminal\s*history)\s*background|"
    # round 12: "felon friendly", "felony-friendly employer", "record friendly"
    r"(?:felon|felony|record|conviction|ex-?offender|reentry)[- ]?friendly)"
)
#: "No criminal record *restrictions*", "no felony *limits*": a record is no bar (round 14 found the first
#: read as records=none, a wrong "may not fit" for everyone with a record)
LIMIT_NOUNS = r"(?:restrictions?|limits?|limitations?|barriers?|bars?|exclusions?)"
#: the second noun of "felony *conviction*", "criminal *record* history": either may stand before the limit
RECORD_NOUN = r"(?:\s*(?:records?|histor(?:y|ies)|convictions?))?"
RECORD_LIMIT = (
    rf"\s*(?:criminal\s*)?(?:records?|histor(?:y|ies)|backgrounds?|convictions?|felon(?:y|ies)){RECORD_NOUN}"
    rf"\s*{LIMIT_NOUNS}\b"
)
#: "No criminal record" is the rule only when no noun follows it: "... restrictions" (no bar), "... required"
#: (is a record required, or its absence?), "... check" (none is run) say something else
NOT_A_RULE = (
    rf"(?!{RECORD_NOUN}\s*(?:{LIMIT_NOUNS}|requirements?|required|needed|necessary|checks?|"
    r"questions?|screening|policy)\b)"
)
RECORDS_ANY = [
    ci(
        rf"\b(?:accept\w*|welcom\w*|serv(?:e|es|ing)|open\s*to|for|hires?|hiring|consider\w*|work\w*\s*with)\s*"
        rf"(?:\w+\s*){{0,3}}?{RECORD_WORDS}"
    ),
    ci(rf"\bno{RECORD_LIMIT}"),
    ci(rf"\bregardless\s*of\s*(?:\w+\s*){{0,2}}?{RECORD_WORDS}"),
    ci(
        rf"{RECORD_WORDS}\s*(?:are\s*|is\s*)?(?:welcome|accepted|ok|okay|not\s*a\s*barrier|no\s*barrier|eligible|not\s*a\s*bar)\b"
    ),
    ci(r"\bno\s*background\s*checks?\b|\bbackground\s*checks?\s*(?:is\s*|are\s*)?not\s*(?:required|done|performed)"),
    # the people served are people with records
    ci(
        r"\b(?:formerly|previously)\s*incarcerated\b|\breturning\s*citizens\b|\bex-?offenders\b|\bex-?felons\b|"
        r"\b(?:felon|felony|record|conviction|ex-?offender)[- ]?friendly\b|"
        r"\bfinishing\s*(?:state|federal|their|prison|jail)\s*sentences?\b|"
        r"\bjustice[- ](?:involved|impacted)\b|"
        r"\b(?:leaving|released\s*from|reentering\s*(?:the\s*community\s*)?(?:after|from)|"
        r"coming\s*home\s*from|coming\s*out\s*of|returning\s*from)\s*(?:prison|jail|incarceration|custody)\b|"
        rf"\b{FROM_PRISON}|"
        r"\b(?:impacted|affected)\s*by\s*(?:the\s*)?(?:criminal\s*)?(?:legal|justice)\s*system\b"
    ),
    ci(
        r"\b(?:people|persons|individuals|adults|residents|applicants|job\s*seekers|women|men|youth|clients|personas|"
        r"everyone|anyone)\s*"
        r"(?:\w+\s*){0,2}?with\s*(?:a\s*)?(?:criminal\s*(?:records?|histor(?:y|ies)|backgrounds?|convictions?)|"
        rf"{ANY_RECORD}|felon(?:y|ies)\s*(?:records?|convictions?)|records?(?!\s*of\b)|convictions?)\b"
    ),
]
RECORDS_ANY_NOT = ci(
    r"\b(?:within|in\s*the\s*(?:last|past)|past\s*\d|recently|months?|years?|except\w*|excluding|but\s*not|unless|"
    rf"other\s*than|depend\w*|case[- ]by[- ]case|review\w*|no\b(?!\s*background)(?!{RECORD_LIMIT})|"
    r"not\b(?!\s*(?:required|done|performed|a\s*barrier|a\s*bar\b))|"
    r"without|victims?|survivors?|help\w*|clear\w*|expunge\w*|seal\w*|legal|lawyers?|attorneys?|on\s*probation|on\s*parole|"
    # round 13: a court's debts and fines, pardons, warrants: help with the record, not a place that takes it
    r"court\s*(?:debts?|fines|fees)|fines|debts?|pardons?|warrants?|"
    r"under\s*supervision|pretrial|juvenile)\b"
)
#: Round 13: a sex offense "requiring registration" ("No sex offenses requiring registration", "that require
#: registration"): registrants, said by the offense; "no sex offenses" alone stays wider (rounds 7, 9).
REGISTRABLE = (
    r"sex(?:ual)?\s*offen(?:ses?|ces?)\s*(?:requiring|that\s*requires?|which\s*requires?)\s*(?:sex\s*offender\s*)?"
    r"registration"
)
EXCLUSIONS: Final = (
    ("excludes_sex_offense_registration", ci(
        r"\b(?:no|nobody|not|except|excluding|exclude[sd]?|cannot|can't|must\s*not|ineligible|barred|without|unless)\b"
        r"[\w\s,/-]{0,40}?"
        # offenders, not offenses: "no sex offenses" (every such conviction) is wider than registration (rounds 7, 9)
        r"\b(?:registered\s*sex(?:ual)?\s*offen(?:ders?|ses?)|sex(?:ual)?\s*offenders?|" + REGISTRABLE + r")|"
        r"\bsex(?:ual)?\s*offenders?\s*(?:are\s*|is\s*)?"
        r"(?:not\s*(?:eligible|accepted|allowed|admitted)|excluded|ineligible|prohibited|cannot|can't|will\s*not)|"
        r"\bno\s*(?:pc\s*)?290(?:\s*registrants?|s)?\b|\bregistrants?\s*(?:are\s*)?(?:excluded|not\s*(?:eligible|accepted|allowed))|"
        r"\b(?:no|not|except|excluding|cannot)\b[\w\s,/-]{0,30}?\b(?:registrants?\b|required\s*to\s*register\b|pc\s*290\b)|\bmust\s*not\s*be\s*(?:required\s*to\s*register|"
        r"(?:on|listed\s*on)\s*(?:the\s*|a\s*)?(?:sex\s*offender\s*)?registry)|"
        # round 13: "Anyone on the sex offender registry cannot be housed here"
        r"\bon\s*(?:the\s*|a\s*)?(?:sex\s*offender\s*)?registry\s*(?:cannot|can't|will\s*not|may\s*not|are\s*not|is\s*not)\b")),
    ("excludes_arson", ci(
        r"\b(?:no|nobody|not|except|excluding|exclude[sd]?|cannot|ineligible|without)\b[\w\s,/-]{0,40}?\barson|"
        r"\barson(?:ists?)?\s*(?:convictions?\s*)?(?:are\s*|is\s*)?(?:not\s*(?:eligible|accepted|allowed)|excluded|ineligible)")),
    ("excludes_violent_felony", ci(
        r"\b(?:no|nobody|not|except|excluding|exclude[sd]?|cannot|ineligible|without|unless)\b[\w\s,/-]{0,40}?\bviolent\s*"
        r"(?:felon(?:y|ies|s)|offen(?:ders?|ses?)|crimes?|convictions?)|\bviolent\s*(?:felon\w*|offen\w*|crimes?)"
        r"(?:\s*convictions?)?\s*(?:are\s*|is\s*)?(?:not\s*(?:eligible|accepted|allowed)|excluded|ineligible|disqualif\w*)")),
)  # fmt: skip
EXCLUDES_FELONY = ci(
    rf"\bno\s*(?:prior\s*)?felon(?:y|ies|s)(?:\s*(?:convictions?|records?|history))?\b{NOT_A_RULE}|"
    r"\bmust\s*not\s*(?:have\s*)?(?:a\s*|any\s*)?felony|"
    r"\bfelons\s*(?:are\s*)?(?:not\s*(?:eligible|accepted|allowed)|ineligible|excluded)|"
    r"\bfelons\s*need\s*not\s*apply|\bunable\s*to\s*(?:accept|serve|admit|house)\s*felons\b|"
    r"\bfelony\s*(?:records?|convictions?)\s*disqualif(?:y|ies)(?:\s*(?:you|applicants))?\b|"
    r"\b(?:nobody|no\s*one)\s*with\s*(?:an?\s*|any\s*)?felony"
)
RECORDS_NONE = ci(
    rf"\b(?:no\s*criminal\s*(?:record|history|background|convictions?){NOT_A_RULE}|no\s*(?:prior\s*)?convictions{NOT_A_RULE}|"
    r"clean\s*(?:criminal\s*)?"
    r"(?:record|background)|must\s*pass\s*(?:a\s*)?(?:criminal\s*)?background\s*(?:check|screening)|"
    r"(?:must\s*not|mustn't|cannot|can't|can\s*not)\s*have\s*(?:a\s*|any\s*)?criminal\s*(?:record|history|convictions?))\b"
)
CASE_BY_CASE = ci(
    r"\bcase[- ]by[- ]case|\bindividually\s*(?:reviewed|assessed|considered)|\breviewed\s*individually|"
    r"\bindividuali[sz]ed\s*(?:assessment|review)|\bon\s*an?\s*individual\s*basis|"
    r"\b(?:records?|convictions?|criminal\s*histor(?:y|ies)|background)\b[\w\s]{0,30}?\b(?:reviewed|considered|evaluated)\b|"
    # round 13: "Felony convictions are looked at case by case"
    r"\b(?:looked\s*at|weighed)\s*(?:on\s*an?\s*)?case[- ]by[- ]case|"
    r"\b(?:reviewed|assessed|considered|evaluated|screened|looked\s*at)\s*(?:individually|one\s*by\s*one|person\s*by\s*person)\b"
)


def records(clause: str) -> list[str]:
    found: list[str] = []
    crime = re.search(
        r"\b(?:sex\w*\s*offen|registrant|arson|violent|felon|convict|criminal|record|background|offender|incarcerat|"
        r"prison|jail|justice|returning\s*citizen|fair[- ]chance|second[- ]chance|(?<![\d,$])290\b|290s\b|"
        rf"penitentiar|friendly|finishing\s*\w*\s*sentence|{CORRECTIONS}\b)",
        clause,
        re.IGNORECASE,
    )
    if not crime:
        return found
    if re.search(
        r"\bvictims?\b|\bsurvivors?\b|\bmedical\s*records?\b|\bschool\s*records?\b|\brecords?\s*request", clause, re.I
    ):
        return found
    excluded = [policy for policy, pattern in EXCLUSIONS if pattern.search(clause)]
    if re.search(r"\b(?:within|in\s*the\s*(?:last|past)|past\s*\d|last\s*\d)", clause, re.I):
        excluded = []  # "no violent felonies in the last 5 years": a window we do not model
    if "excludes_violent_felony" in excluded and not re.search(r"\bviolent\s*felon", clause, re.I):
        excluded.remove(
            "excludes_violent_felony"
        )  # "violent crimes" takes in misdemeanours: narrower would fit wrongly
    found += excluded
    if EXCLUDES_FELONY.search(clause) and "excludes_violent_felony" not in excluded:
        found.append("excludes_felony")
    if RECORDS_NONE.search(clause):
        found.append("none")
    every = re.search(r"\ball\s+(?:criminal\s+)?(?:records?|backgrounds?|histories|convictions)\b", clause, re.I)
    if (
        CASE_BY_CASE.search(clause)
        and not every
        and not re.search(
            r"\b(?:sex\w*\s*offen\w*|registrants?|arson\w*|violent\s*\w+)\s*(?:\w+\s*){0,3}?(?:are\s*|is\s*|will\s*be\s*)?"
            r"(?:accepted\s*|reviewed\s*|considered\s*|evaluated\s*)?(?:on\s*an?\s*)?case[- ]by[- ]case|"
            r"case[- ]by[- ]case\s*(?:review\s*)?(?:for|of)\s*(?:people\s*with\s*)?(?:sex|arson|violent)",
            clause,
            re.I,
        )
    ):
        found.append("case_by_case")  # but "All records considered": every record is, no review said (round 13)
    accepts = any(p.search(clause) for p in RECORDS_ANY)
    if not found and accepts and not RECORDS_ANY_NOT.search(clause) and not HEDGE.search(clause):
        found.append("any")
    # "accepts people with records, except sex offenders": the exclusions say it all, and the
    # acceptance holds for everyone else
    excepted = re.search(r"\b(?:except\w*|excluding|but\s*not|other\s*than|unless)\b", clause, re.I)
    if excluded and accepts and excepted and not {"any", "none", "case_by_case"} & set(found):
        found.append("any")
    return found

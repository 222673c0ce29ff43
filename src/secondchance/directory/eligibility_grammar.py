"""The whole-clause gate: a clause decides only when every word of it is accounted for.

Rounds 5 and 6 (written blind) showed why: a pattern that matches *part* of a clause decides what
the rest of the clause qualifies ("priority to", "and their families", "or disabled", "for the
lunch program"). So a clause is first parsed as a whole: its value expressions (an age, a place,
an income limit, a document, a record policy...) are found by tight patterns, and every word left
over must be one of a closed list of fillers (``eligibility_lexicon.FILLERS``: subjects such as
"adults", modals, "only", "required", "open to", "Eligibility:"). A clause with any other word
left over — a hedge, a negation outside an expression, "or", another group, a scope — yields
nothing. The kind readers then read the values of the kinds the parse found, with their own
vetoes kept.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from .eligibility_access import DOCUMENT_PATTERNS, PLACED_BY, RECURRING_TEST, REFERRAL_NOT, REFERRAL_REQUIRED
from .eligibility_ages import digits, duration
from .eligibility_lexicon import (
    AGENT,
    ARTICLES,
    FILLER_PHRASES,
    FILLERS,
    HEDGE,
    LEAD_PLACE,
    LIVE,
    MEDICAID_NAMES,
    OPENERS,
    PRIVATE_NAMES,
    PUNCTUATION,
    QUALIFIERS,
    SERVICE_NOUNS,
    SINGULAR,
    SUBJECTS,
    WIDENERS,
    ci,
)
from .eligibility_people import BRANCHES, DISCHARGE
from .eligibility_places import COUNTY_AFTER, COUNTY_BEFORE, ZIPS, city_named
from .eligibility_records import CASE_BY_CASE, CORRECTIONS, RECORD_WORDS, RECORDS_ANY, RECORDS_NONE, REGISTRABLE
from .geo import STATES

N = r"\d{1,2}(?!\s*(?:%|percent|\d|,\d))"
YRS = r"(?:\s*(?:years?|yrs?\.?|y/?o\b|y\.o\.)(?:\s*(?:of\s+age|old))?)?"
UP = r"\s*(?:\+|plus\b|(?:and|or|&)\s*(?:over|older|above|up|upward|upwards|more|better)|and\s+up)"
DOWN = r"\s*(?:and|or|&)\s*(?:under|younger|below|less)"
BOUND = (
    r"(?:at\s*least|a\s+least|minimum(?:\s+age)?(?:\s+(?:of|is))?:?|min\.?\s*age:?|no\s+younger\s+than|over|older\s+than|"
    r"above|under|younger\s+than|below|up\s+to(?:\s+and\s+including)?|not?\s+older\s+than|maximum\s+age(?:\s+(?:of|is))?:?|max\.?\s*age:?)"
)
NEG_WHO = r"(?:no\s*one|nobody|no\s+(?:persons?|people|children|kids|youth|minors|adults|individuals|clients))"
AGE_SUBJECTS = "|".join(sorted(SUBJECTS | {"women", "men", "girls", "boys", "males", "females", "tay", "veterans"}))
AGE_EXPRS: Final = [
    ci(rf"\b(?:between\s+the\s+ages\s+of|(?:ages?|aged)\s*:?\s*(?:of\s+)?(?:between|from)?|between|from)\s*{N}{YRS}\s*"
       rf"(?:-|–|—|to|through|thru|and)\s*{N}{YRS}"),
    ci(rf"\b{N}\s*(?:-|–|—|to|through|thru)\s*{N}\s*(?:years?|yrs?\.?|y/?o\b|y\.o\.)(?:\s*(?:of\s+age|old))?"),
    ci(rf"\b(?:{AGE_SUBJECTS})\s*\(?{N}\s*(?:-|–|to|through)\s*{N}\b"),
    ci(rf"\b(?:ages?|aged)\s*:?\s*(?:of\s+)?{N}{YRS}(?:{UP}|{DOWN})?"),
    ci(rf"\b{N}\s*(?:years?|yrs?\.?|y/?o\b|y\.o\.)(?:\s*(?:of\s+age|old))?(?:{UP}|{DOWN})?"),
    ci(rf"\b{N}{UP}{YRS}|\b{N}{DOWN}(?:\s*(?:years?|yrs?)(?:\s+(?:of\s+age|old))?)?"),
    ci(rf"\bmust\s+be\s+(?:between\s+)?{N}\s*(?:-|–|to)\s*{N}\b"),
    ci(rf"\bmust\s+be\s+(?:at\s+least\s+)?{N}\b"),
    ci(rf"\b{BOUND}\s*(?:the\s+)?(?:age\s*(?:of\s+)?)?{N}{YRS}"),
    ci(rf"\b(?:{NEG_WHO}|must\s+not\s+be|cannot\s+be|can't\s+be)\s+(?:under|younger\s+than|below|over|older\s+than|above)"
       rf"\s*(?:the\s+)?(?:age\s*(?:of\s+)?)?{N}{YRS}(?:\s+(?:admitted|accepted|allowed|served|permitted|eligible))?"),
]  # fmt: skip
GENDER_EXPR = ci(
    r"\b(?:women|woman|womens|females?|girls|mothers|moms|ladies|lady|mujeres|men|man|mens|males?|boys|fathers|dads|guys|"
    r"hombres)(?:'s)?\b"
)
VETERAN_EXPRS: Final = [
    ci(
        r"\b(?:u\.?s\.?\s+|military\s+)?(?:veterans?|veteran[oa]s?|vets)\b(?:'s\b|’s\b|')?"
        r"(?:\s+of\s+the\s+(?:u\.?s\.?\s+)?(?:military|armed\s+forces))?"
    ),
    DISCHARGE,
    ci(r"\bhonorabl[ey]\s+discharged?\b|\bdd-?\s?214\b|\bex-?military\b|\bformer\s+(?:military|service\s+members?)\b"),
    ci(
        r"\b(?:must\s+have|who\s+(?:have\s+|has\s+)?|those\s+who)\s*served\s+in\s+the\s+(?:u\.?s\.?\s*)?(?:armed\s+(?:forces|services)|military)\b|"
        # round 13: "those who served in the Army, Navy, Air Force, Marines or Coast Guard"
        rf"\b(?:who\s+(?:have\s+|has\s+)?|those\s+who)\s*served\s+in\s+the\s+{BRANCHES}"
    ),
]
INSURANCE_EXPRS: Final = [
    # "Medi-Cal", "Medi Cal", "MediCal", never the word "medical" ("free rides to medical appointments")
    ci(rf"\b(?:{MEDICAID_NAMES}|(?-i:MediCal))\b"),
    ci(
        r"\bmedicare(?:\s+advantage)?(?:\s+parts?\s+[abcd](?:\s*(?:,|or|and|&|/)\s*[abcd])*)?\b|"
        r"\b(?:private|commercial)\s+(?:health\s+)?(?:insurance|plans?)\b|"
        rf"\b(?:{PRIVATE_NAMES})\b"
    ),
    ci(
        r"\b(?:uninsured|(?:no|without)\s+(?:any\s+)?(?:health\s+|medical\s+)?insurance|without\s+access\s+to\s+health\s+care|"
        r"(?:no|without)\s+(?:any\s+)?(?:health|medical)\s+coverage|"
        r"(?:do|does|must)\s+not\s+have\s+(?:any\s+)?(?:health\s+|medical\s+)?insurance|"
        r"not\s+covered\s+by\s+(?:any\s+)?(?:health\s+)?insurance|lack(?:s|ing)?\s+(?:health\s+)?insurance)\b"
    ),
]
FPL_EXPR = (
    r"\d{2,3}\s*(?:%|percent|pct\b)\s*(?:of\s+)?(?:the\s+)?(?:current\s+)?(?:federal\s+|national\s+|hhs\s+)?"
    r"(?:poverty(?:\s+(?:level|line|guidelines?|income\s+guidelines))?|fpl|fpg|fpig)"
)
INCOME_CMP = (
    r"(?:at\s+or\s+(?:below|under)|below|under|less\s+than|up\s+to|(?:must\s+)?not\s+(?:to\s+)?exceed(?:ing)?|"
    r"no\s+(?:more|greater|higher)\s+than|(?:can't|cannot|can\s+not|must\s+not|may\s+not)\s+(?:be\s+)?"
    r"(?:over|above|more\s+than|greater\s+than|exceed|top)|not\s+(?:over|above|more\s+than|greater\s+than)|"
    r"(?:income\s+)?ceiling(?:\s+(?:of|is))?\s*:?|max(?:imum)?(?:\s+income)?\s*:?|≤|<=?|0\s*[-–]\s*|is)"
)
INCOME_EXPRS: Final = [
    ci(rf"(?:{INCOME_CMP}\s*)?{FPL_EXPR}(?:\s+(?:or|and)\s+(?:less|below|under|lower))?"),
    ci(
        r"\b(?:low[- ]income\s+(?:or|and|/)\s+(?:no|zero)[- ]income|low[- ]?income|low\s+(?:or|and|/)\s+no\s+income|"
        r"(?:no|zero)\s+(?:or|and|/)\s+low\s+income|limited\s+income|economically\s+disadvantaged|"
        r"(?:meets?|must\s+meet)\s+(?:the\s+)?(?:low[- ])?income\s+"
        r"(?:guidelines|requirements|"
        r"limits|criteria)|financial(?:ly)?\s+(?:eligible|needy|need|hardship)|of\s+(?:limited|modest)\s+means|indigent)\b"
    ),
]
_STATE = "|".join(sorted((re.escape(n) for n in STATES), key=len, reverse=True))
CITY_NAME = r"[A-Z][A-Za-z.'-]*(?:\s+[A-Z][A-Za-z.'-]*){0,4}"
RES_LEAD = rf"(?:residents?\s+of|resid(?:e|es|ing|ency)\s+in|{LIVE}\s+in|domiciled\s+in)"
PLACE_EXPRS: Final = [
    COUNTY_AFTER,
    COUNTY_BEFORE,
    *ZIPS,
    ci(rf"\b{RES_LEAD}\s+(?:the\s+)?(?:state\s+of\s+)?(?:{_STATE})(?:\s+state)?\b"),
    ci(
        rf"(?<!proof\sof\s)\b(?:state\s+of\s+)?(?:{_STATE})(?:\s*,\s*(?:and\s+|or\s+)?(?:{_STATE})|\s+(?:and|or|&)\s+(?:{_STATE})){{0,11}}"
        rf"\s+(?:state\s+)?(?:residents?|residency)\b"
    ),
    re.compile(rf"\b(?:{'|'.join(STATES.values())})\s+[Rr]esidents?\b"),
    re.compile(
        rf"\b(?:[Rr]esidents?\s*of|[Rr]esid(?:e|es|ing)\s*in|{LIVE}\s*in)\s*(?:the\s*)?(?:[Cc]ity\s*of\s*)?"
        rf"{CITY_NAME}(?:\s*,\s*(?:and\s+|or\s+)?{CITY_NAME}|\s+(?:and|or|&)\s+{CITY_NAME}){{0,11}}"
    ),
    re.compile(
        rf"\b(?:[Cc]ity\s*of\s*)?{CITY_NAME}(?:\s*,\s*(?:and\s+|or\s+)?{CITY_NAME}|\s+(?:and|or|&)\s+{CITY_NAME}){{0,11}}"
        r"\s+(?:city\s+)?[Rr]esidents?\b"
    ),
]
REFERRAL_EXPRS: Final = [
    REFERRAL_REQUIRED,
    REFERRAL_NOT,
    ci(rf"\b(?:by\s+)?(?:referrals?|referred)\s+(?:is\s+|are\s+)?(?:(?:required|needed|necessary|only)\s+)?"
       rf"(?:from|by|through|via)\s+{AGENT}(?:\s*(?:,|or|and|/)\s*{AGENT})*"),
    # "Referrals accepted only from hospitals", "Must be court-referred"
    ci(rf"\breferrals?\s+(?:are\s+)?accepted\s+only\s+(?:from|by|through|via)\s+{AGENT}(?:\s*(?:,|or|and|/)\s*{AGENT})*|"
       r"\bmust\s+be\s+(?:court|probation|parole|agency|physician|doctor|hospital)[- ]referred\b"),
    ci(rf"\b{AGENT}\s+referrals?\s+(?:is\s+|are\s+)?(?:required|needed|necessary|only)\b"),
    # round 12: or oneself ("Referrals from Maine DOC or self", "Referred by an agency or call us yourself"): no
    # referral is needed, every labeller says (rounds 7-12)
    ci(
        r"\bor\s+(?:self\b(?![\s-]*(?:pay|referr))|(?:call|contact)\s+(?:us\s+)?(?:yourself|directly)\b|"
        r"walk[- ]?in\s+on\s+your\s+own\b)"
    ),
    # round 12: placed by whoever refers ("Placement through DOC only", "Bed assigned by DOC agent"), someone's
    # referral ("Clients must have a physician's referral")
    ci(rf"\b{PLACED_BY}(?:\s+only)?\b"),
    ci(r"\b(?:must\s+have|requires?|needs?)\s+(?:a\s+|an\s+)?(?:[\w-]+\s+){0,2}?(?:doctor|physician|counselor|"
       r"case\s*manager|caseworker|social\s+worker|probation\s+officer|parole\s+officer|therapist|provider|nurse)'s\s+referral\b"),
]  # fmt: skip
SOBER_EXPRS: Final = [
    ci(rf"\b(?:{RECURRING_TEST})\b"),
    ci(r"\b(?:clean[\s-]*(?:and|&)[\s-]*sober|sober|clean|drug[- ]free|alcohol[- ]free|"
       r"(?:drug|alcohol)\s+(?:and|&|/)\s+(?:drug|alcohol)[- ]free|sobriety|abstinent|abstinence)\b"),
    ci(r"\b(?:(?:and\s+)?pass\s+(?:a\s+|an\s+)?(?:drug|alcohol)\s+(?:tests?|screens?|screening)|"
       r"\d+\s+days?\s+(?:of\s+)?(?:clean|sober|sobriety)"
       r"(?:\s+time)?|must\s+pass\s+(?:a\s+|an\s+)?(?:drug\s+(?:test|screen(?:ing)?)|uas?|u\.a\.|urinalysis)|"
       r"(?:agree|submit|consent)\s+to\s+(?:random\s+)?(?:drug|alcohol|uas?|ua/ba)(?:\s*(?:and|&|/)\s*(?:drug|alcohol))?"
       r"(?:\s+(?:tests?|testing|screens?|screening))?|drug\s+(?:testing|screening)|"
       r"no\s+(?:active|current)\s+(?:drug|alcohol|substance)"
       r"(?:\s*(?:or|and|/)\s*(?:drug|alcohol))?\s+use)\b"),
    ci(r"\b(?:clean|sober|clean\s+and\s+sober)\s+for\s+(?:at\s+least\s+)?\d+\s+(?:days|months)|"
       r"\b(?:abstinent|free|clean)\s+(?:from|of)\s+(?:drugs?|alcohol|substances)(?:\s*(?:and|or|&|/)\s*(?:drugs?|alcohol|"
       r"substances))?(?:\s+for\s+(?:at\s+least\s+)?\d+\s+(?:days|months))?|"
       r"\brandom\s+(?:drug\s+tests?|drug\s+testing|drug\s+screens?|uas?)\b|"
       r"\brandom\s+(?:drug|alcohol)\s+(?:and|&|/)\s+(?:drug|alcohol)\s+(?:tests?|testing|screens?|screening)\b|"
       r"\b(?:clean\s+and\s+)?sober\s+living(?:\s+(?:environment|home|house|residence|facility))?|"
       r"\bdry\s+(?:house|home|residence)s?\b"),
    # "must test clean", "6 months of continuous sobriety", "abstinence-based", Spanish "estar sobrio"
    ci(r"\bmust\s+test\s+(?:clean|negative)(?:\s+for\s+(?:(?:drugs|alcohol)\s+(?:and|&)\s+(?:drugs|alcohol)|drugs|alcohol))?\b|"
       r"\babstinence[- ](?:based|only)\b|\bestar\s+sobri[oa]s?\b|\bsobriedad\b|"
       r"\b(?:\d{1,3}|one|two|three|six|twelve)\s+(?:days?|weeks?|months?|years?)\s+(?:of\s+)?(?:continuous\s+)?(?:sobriety|abstinence|clean\s+time)\b"),
    # round 12: a breathalyzer ("Must pass a breathalyzer at intake", "breathalyzer every night"), a clean UA ("Clean UA
    # required", "CLEAN UA REQ'D AT INTAKE + WEEKLY"), tested for drugs ("are tested for drugs and alcohol")
    ci(r"\b(?:(?:must\s+)?(?:pass|take|submit\s+to)\s+(?:a\s+|an\s+)?)?breathalyzers?(?:\s+(?:tests?|checks?))?"
       r"(?:\s+(?:every\s+(?:night|day)|nightly|daily))?\b|"
       r"\bclean\s+(?:uas?|u\.a\.|drug\s+(?:tests?|screens?))(?:\s+(?:is\s+)?required)?(?:\s+at\s+intake)?"
       r"(?:\s*(?:\+|and|&)\s*(?:weekly|monthly|randomly|random))?\b|"
       r"\b(?:(?:are|is|be)\s+)?(?:randomly\s+)?tested\s+for\s+(?:drugs|alcohol)(?:\s*(?:and|&|/)\s*(?:drugs|alcohol))?\b"),
    # "Clean & sober 30 days", "72 hours clean", "sober for 21+ days", "Alcohol- and drug-free living environment"
    ci(r"\b(?:clean[\s-]*(?:and|&)[\s-]*sober|clean|sober)\s+(?:for\s+)?(?:at\s+least\s+)?\d{1,3}\+?\s*"
       r"(?:hours|days|months)\b|\b\d{1,3}\+?\s*(?:hours|days|months)\s+(?:of\s+)?(?:clean|sober|sobriety)\b|"
       r"\b(?:drug|alcohol)-?\s*(?:and|&|/)\s*(?:drug|alcohol)[- ]free(?:\s+living)?"
       r"(?:\s+(?:environment|home|house|residence|facility|program))?\b"),
]  # fmt: skip
#: "Illinois Medicaid", "Florida Medicaid": the state's own program is still Medicaid.
STATE_MEDICAID = ci(rf"\b(?:{_STATE})\s+(?:medicaid|medi[- ]cal|(?-i:MediCal))\b")
#: "a valid California ID": the state that issued a paper is part of its name.
STATE_ID = re.compile(rf"(?i:\b(?:{_STATE})\s+(?:state\s+)?)(?:ID|I\.D\.|[Ii]dentification)\b")
RELEASE_PAPERS = ci(
    r"\b(?:federal\s+)?(?:cdcr|doc|bop|tdcj|prison|jail)\s+(?:release|parole)\s+(?:papers|documents|paperwork|forms?)|"
    # round 13: a prison system by its initials ("DAC release papers", "TDCJ parole certificate", "MDOC papers")
    rf"\b{CORRECTIONS}\s+(?:(?:release|parole)\s+)?(?:papers|documents|paperwork|forms?|certificates?)\b|"
    r"\b(?:release|parole)\s+certificates?\b|"
    r"\b(?:release|parole)\s+(?:papers|documents|paperwork|forms?)\s+from\s+(?:prison|jail|cdcr|doc|custody)"
)
OFFENSE_WHO = (
    r"(?:(?:persons?|people|individuals|applicants|anyone|one|those|clients)\s+(?:with\s+(?:an?\s+|any\s+)?|"
    r"convicted\s+of\s+(?:an?\s+|any\s+)?|who\s+(?:are|have\s+been)\s+(?:convicted\s+of\s+(?:an?\s+)?)?))?"
)
OFFENSE = (
    OFFENSE_WHO + rf"(?:{REGISTRABLE}|(?:anyone|persons?|people|those|individuals)\s+(?:who\s+(?:is|are)\s+)?on\s+"
    r"(?:the|a)\s+(?:sex\s+offender\s+)?registry|(?:registered\s+)?sex(?:ual)?\s+offen(?:ders?|ses?)(?:\s+registrants?)?|"
    r"(?:pc\s*)?290(?:\s+registrants?|s)?\b|"
    r"registrants?|"
    r"arson(?:ists?)?(?:\s+(?:convictions?|history))?|violent\s+(?:felon(?:y|ies|s)|offen(?:ders?|ses?)|crimes?|convictions?)(?:\s+convictions?)?|"
    r"(?:prior\s+)?felon(?:y|ies|s)(?:\s+(?:convictions?|records?|history))?|(?:prior\s+)?convictions|"
    r"criminal\s+(?:records?|history|background|convictions?))"
)
NEGATOR = (
    r"(?:(?:nobody|no\s+one)\s+with|(?:cannot|can't)\s+(?:accept|serve|admit|house)|no|not|except|excluding|exclude[sd]?|"
    r"cannot|can't|must\s+not|ineligible|barred|but\s+not|may\s+not|"
    r"(?:will|does|do|can)\s+not\s+(?:accept|serve|admit|house)|won't\s+(?:accept|serve|admit|house)|"
    r"unable\s+to\s+(?:accept|serve|admit|house))"
    r"(?:\s+(?:be|have|an?|any|one|prior|registered|history\s+of|on|listed\s+on|the|a))*"
)
RECORD_EXPRS: Final = [
    ci(rf"\b{NEGATOR}\s+{OFFENSE}(?:\s*(?:,|and|or|&|/)\s*(?:registered\s+)?{OFFENSE})*"),
    ci(rf"\b{NEGATOR}\s+(?:the\s+)?(?:sex\s+offender\s+)?registry|\bmust\s+not\s+be\s+required\s+to\s+register\b"),
    ci(rf"\b{OFFENSE}\s+(?:are\s+|is\s+)?(?:not\s+(?:eligible|accepted|allowed|admitted)|excluded|ineligible|"
       r"prohibited|(?:cannot|can't|will\s+not)\s+be\s+(?:housed|served|accepted|admitted)|need\s+not\s+apply|"
       r"disqualif(?:y|ies)(?:\s+(?:you|applicants))?)"),
    ci(rf"{RECORD_WORDS}(?:\s+(?:are\s+|is\s+)?(?:welcome|accepted|ok|okay|not\s+a\s+barrier|no\s+barrier|eligible|not\s+a\s+bar\b))?"),
    ci(r"\bregardless\s+of\s+(?:criminal\s+)?(?:history|record|background|convictions?)\b"),
    ci(r"\bno\s+background\s+checks?\b|\bbackground\s+checks?\s*(?:is\s*|are\s*)?not\s*(?:required|done|performed)"),
    *RECORDS_ANY[4:],
    ci(r"\bclean\s+(?:criminal\s+)?background\s+checks?\b"),
    RECORDS_NONE,
    CASE_BY_CASE,
    ci(r"\b(?:reviewed|considered|evaluated|assessed)\s+(?:on\s+an?\s+)?case[- ]by[- ]case(?:\s+basis)?|"
       r"\b(?:reviewed|considered|evaluated|assessed)\s+(?:individually|on\s+an?\s+(?:individual|case[- ]by[- ]case)\s+"
       r"basis)|\bcase[- ]by[- ]case(?:\s+(?:basis|review))?(?:\s+of)?"),
]  # fmt: skip
EXPRESSIONS: Final[tuple[tuple[str, list[re.Pattern[str]]], ...]] = (
    ("age", AGE_EXPRS),
    ("gender", [GENDER_EXPR]),
    ("veteran", VETERAN_EXPRS),
    ("insurance", [*INSURANCE_EXPRS, STATE_MEDICAID]),
    ("income", INCOME_EXPRS),
    ("residency", PLACE_EXPRS),
    ("document", [*(pattern for _, pattern in DOCUMENT_PATTERNS), RELEASE_PAPERS, STATE_ID]),
    ("referral", REFERRAL_EXPRS),
    ("sobriety", SOBER_EXPRS),
    ("records", RECORD_EXPRS),
)
#: A word is a run of letters in any alphabet ("años" is one unknown word, not "a", "ñ", "os").
TOKEN = re.compile(r"<[a-z+]+>|[^\W_]+(?:['’][^\W_]+)?|[^\s\w]|_", re.IGNORECASE)
#: "18+ for the shelter", "at the food pantry": a limit for one part of the service.
SCOPE = re.compile(r"^(?:for|at|in)$")


@lru_cache(maxsize=4096)
def spans(clause: str) -> list[tuple[int, int, str]]:
    """Every value expression found in a clause: (start, end, kind), each run on to the end of its word
    (cached: ``parse`` and ``mentioned`` both ask)."""
    found: list[tuple[int, int, str]] = []
    for kind, patterns in EXPRESSIONS:
        for pattern in patterns:
            for m in pattern.finditer(clause):
                if kind == "age" and duration(clause, m):
                    continue
                end = m.end()
                while end < len(clause) and clause[end].isalnum():
                    end += 1
                if m.end() > m.start():
                    found.append((m.start(), end, kind))
    return found


def residue(clause: str, found: list[tuple[int, int, str]]) -> list[str]:
    """The clause's tokens outside every expression; a run of expressions stands as one token naming its
    kinds ("<age>", "<gender+records>")."""
    kinds: list[set[str]] = [set() for _ in clause]
    for start, end, kind in found:
        for i in range(start, end):
            kinds[i].add(kind)
    out: list[str] = []
    i = 0
    while i < len(clause):
        if not kinds[i]:
            out.append(clause[i])
            i += 1
            continue
        run: set[str] = set()
        while i < len(clause) and kinds[i]:
            run |= kinds[i]
            i += 1
        out.append(f" <{'+'.join(sorted(run))}> ")
    text = "".join(out)
    lead = LEAD_PLACE.match(text)
    while lead and (_named_city(lead.group(1)) or LEAD_COUNTY.fullmatch(lead.group(1).strip())):
        text = re.sub(r"^\s*:", " ", text[lead.end() :])  # "Scranton: Lackawanna County veterans ...": both places
        lead = LEAD_PLACE.match(text)
    text = MID_PLACE.sub(lambda m: " " if _named_city(m.group(1)) else m.group(0), text)
    text = PLACE_OF_PEOPLE.sub(lambda m: " " if _a_place(m.group(1)) else m.group(0), text)
    for phrase in FILLER_PHRASES:
        text = phrase.sub(" ", text)
    return [t.lower() for t in TOKEN.findall(text)]


def _named_city(name: str) -> bool:
    """A city's name, or the name of a city said "<name> City" ("Baltimore City free bike program")."""
    return city_named(name) or city_named(re.sub(r"\s+City\s*$", "", name))


#: A known city named inside a clause before "for" or a colon ("Reentry housing in the Bronx for men ...", "Sober
#: housing in Minneapolis for men 18+"): where the service is, as at the clause's end (round 12).
MID_PLACE: Final = re.compile(r"\bin\s+(?:the\s+)?([A-Z][a-zA-Z.'-]+(?:\s+[A-Z][a-zA-Z.'-]+){0,2})(?=\s+for\b|\s*:)")


#: A place named right before the people served ("for Hillsborough County seniors 60+", "for Minnesota adults 18+",
#: "Fresno kids ages 6-12"): where they are, never read as a residency (round 12's labeller reads none in it).
PLACE_OF_PEOPLE: Final = re.compile(
    rf"\b([A-Z][a-zA-Z.'-]+(?:\s+[A-Z][a-zA-Z.'-]+){{0,2}})\s+(?=(?:{'|'.join(sorted(SUBJECTS))})\b)"
)


def _a_place(name: str) -> bool:
    """A city's, a state's or a county's name ("Fresno", "Minnesota", "Marion County")."""
    return _named_city(name) or name.strip().lower() in _STATE_NAMES or bool(LEAD_COUNTY.fullmatch(name.strip()))


_STATE_NAMES: Final = frozenset(name.lower() for name in STATES)


#: A county heading a clause before the service or the people ("Rutland County emergency fuel for ...", "Marion
#: County children up to age 12"): where the service is (round 12's labeller reads no residency in it), so dropped.
LEAD_COUNTY: Final = re.compile(r"(?:[A-Z][a-zA-Z.'-]+\s+){1,2}(?:County|Parish)")


#: Kinds whose values "or" may list: any insurer named is taken, any place named is served. Not documents
#: ("a birth certificate or a passport": neither is required), nor ages, nor genders.
OR_KINDS: Final = frozenset({"insurance", "residency"})


def _same_kind(left: str, right: str, or_kinds: frozenset[str] = OR_KINDS) -> bool:
    """Two expression tokens that share a kind ("<insurance>", "<insurance>"): "or" joins a list of values.
    Two plain qualifiers ("unemployed or underemployed", "pregnant or parenting") narrow the same people
    either way: they widen no limit we model."""
    if left in QUALIFIERS and right in QUALIFIERS and not {left, right} & {"low", "income"}:
        return True
    if not (left.startswith("<") and right.startswith("<")):
        return False
    return bool(set(left.strip("<>").split("+")) & set(right.strip("<>").split("+")) & or_kinds)


def _joined(tokens: list[str], i: int, step: int) -> str:
    """The token "or" joins on one side, past "be"/"have" and articles ("Medicaid or be uninsured")."""
    i += step
    while 0 <= i < len(tokens) and tokens[i] in ("be", "are", "is", "have", "has", "a", "an", "the", "on", "with"):
        i += step
    return tokens[i] if 0 <= i < len(tokens) else ""


def _another_group(words: list[str], i: int) -> bool:
    """After "and"/","/"&" at ``i``, beside a limit: another group ("and adults", "and disabled adults",
    "and low-income families", "youth 16-24 and women"), not a second condition on the same people."""
    before = [w for w in words[:i] if w.startswith("<")]
    if not before:
        return False
    after = words[i + 1 :]
    for j, word in enumerate(after):
        if word in SUBJECTS and after[j + 1 : j + 2] != ["income"]:  # "and a household income under 200%"
            return True
        if word.startswith("<"):
            if "gender" in word and "gender" not in before[-1]:
                return True
            if _same_kind(before[-1], word):
                return False  # "Medi-Cal and uninsured clients": a list of insurers (or places), each taken
            continue
        if word not in ARTICLES and word not in QUALIFIERS:
            return False
    return False


def _scoped(words: list[str], i: int) -> bool:
    """After a limit, "for"/"in"/"at" a part of the service ("18+ for the shelter", "in transitional housing")
    or "for" some of the people ("referral required for Medi-Cal patients")."""
    if not any(w.startswith("<") for w in words[:i]):
        return False
    after = [w for w in words[i + 1 :] if w not in ARTICLES][:1]
    if (
        words[i] == "for"
        and i > 1
        and words[i - 1] in SERVICE_NOUNS
        and words[i - 2] not in ("required", "needed")
        and after
        and (after[0] in SUBJECTS or after[0].startswith("<"))
    ):
        # "Las Cruces men's halfway house for people leaving NMCD": "for" after the service named says whom it serves,
        # not a part of them (round 13)
        return False
    if words[i] == "for" and words[i + 1 : i + 2] in (["that"], ["it"], ["this"], ["those"], ["them"]):
        return True  # "bring your release papers for that": for something another clause names
    if words[i] == "for" and words[i + 1 : i + 2] in (["all"], ["every"], ["each"]):
        rest = [w for w in words[i + 2 :] if w not in ARTICLES]
        if rest and rest[0] in SUBJECTS and not (set(rest) & SERVICE_NOUNS):
            return False  # "drug screening required for all participants": everyone served, not a part of them
        if len(rest) == 1 and rest[0] in SERVICE_NOUNS:
            return False  # "Agency referral required for all beds": the whole service (round 12)
    for word in words[i + 1 :]:
        if word in SERVICE_NOUNS or (word in SUBJECTS and words[i] == "for"):
            return True
        if word not in ARTICLES and word not in QUALIFIERS and not word.startswith("<"):
            return False
    return False


def unaccounted(tokens: list[str], or_kinds: frozenset[str] = OR_KINDS) -> list[str]:
    """Tokens the grammar does not account for: content words, "or" outside a list of values, another
    group joined on ("youth 16-24 and adults"), a scope ("18+ for the shelter")."""
    bad = []
    for i, token in enumerate(tokens):
        if token.startswith("<") or token in FILLERS or token in PUNCTUATION:
            continue
        if token == "or" and _same_kind(_joined(tokens, i, -1), _joined(tokens, i, 1), or_kinds):
            continue  # "Medi-Cal or uninsured", "Residents of East Palo Alto or Menlo Park"
        bad.append(token)
    words = [t for t in tokens if t not in PUNCTUATION or t in ("&", ",")]
    for i, word in enumerate(words):
        if word in ("and", "&", ",") and _another_group(words, i):
            bad.append(f"{word} ...")  # "youth 16-24 and adults": another group served beside
        if SCOPE.match(word) and _scoped(words, i):
            bad.append(f"{word} ...")  # "18+ for the shelter", "required for Medi-Cal patients": for a part only
    return bad


#: "... or be referred by": the referral is the other way in for whatever limit precedes it.
OR_REFERRED: Final = ci(r"\bor\s+(?:be\s+)?referred\b")


def _kinds(part: str) -> frozenset[str] | None:
    """A part's kinds when it parses whole; None when it does not."""
    found = spans(part)
    if not found or unaccounted(residue(part, found), _or_kinds(part)):
        return None
    kinds = frozenset(kind for _, _, kind in found)
    if len(kinds) > 1 and OR_REFERRED.search(part):
        return None  # "Must live in Riverside County or be referred by Probation": a choice of two limits
    return kinds


def _or_kinds(part: str) -> frozenset[str]:
    """The kinds "or" may list in this part: papers too when every paper named is one paper ("a driver's
    license, state ID or passport" is a photo ID whichever is brought)."""
    papers = {code for code, pattern in DOCUMENT_PATTERNS if pattern.search(part)}
    return OR_KINDS | {"document"} if len(papers) == 1 else OR_KINDS


#: A price alone ("$600/MO", "Rent $450/mo", "$25 a week"): one list item of a bulleted listing.
PRICE: Final = ci(
    r"\s*(?:(?:rent|fee|cost|program\s+fee)\s*:?\s*)?\$\s*\d[\d,]*(?:\.\d\d)?\s*(?:(?:/|per\s+|a\s+)\s*"
    r"(?:mo|mos|month|wk|week|night|day|visit)\.?)?\s*"
)


def _inert(part: str) -> bool:
    """A comma part with no value expression that only adds a condition we do not model ("county
    resident and willing and able to work"): it cannot widen who is served, so its neighbours stand.
    Not when it opens with a connective, hedges, negates, names another group or has a number."""
    tokens = [t for t in residue(part, []) if t not in PUNCTUATION]
    if PRICE.fullmatch(part):
        return True  # "SOBER LIVING • MEN 21+ • $600/MO": what it costs, never who may come (round 13)
    if re.search(r"\d", part) or HEDGE.search(part):
        return False
    if not tokens:
        return True  # only fillers ("Walk in, call, or be referred"): nothing added
    if tokens[0] in OPENERS:
        return False
    return not any(t in WIDENERS or (t in SUBJECTS and t not in SINGULAR) for t in tokens)


def mentioned(clause: str) -> frozenset[str]:
    """The kinds a clause names an expression of, whether or not the clause parses."""
    return frozenset(kind for _, _, kind in spans(digits(clause)))


def parse(clause: str) -> frozenset[str]:
    """The kinds a clause states when the whole clause is a requirement sentence, or a list of them
    joined by commas; empty otherwise."""
    clause = digits(clause)
    whole = _kinds(clause)
    if whole is not None:
        return whole
    parts = [p for p in re.split(r"[,•]|\s\*\s|^\s*\*\s", clause) if p.strip()]  # "AGES 13-18 • FREE": a list
    if len(parts) < 2:
        return frozenset()
    kinds: set[str] = set()
    for part in parts:
        if spans(part):
            got = _kinds(part)
            if got is None:
                return frozenset()
            kinds |= got
        elif not _inert(part):
            return frozenset()
    return frozenset(kinds)

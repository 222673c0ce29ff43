"""Reading a listing's eligibility words into the structured requirements the matcher understands.

Real listings state who they serve only in prose ("Age 55 or over", "Resident of San Mateo
County", "Age 21-60, detoxed", "Low-income person without access to health care"). ``read``
turns such text into ``Found`` requirements, each keeping the clause it came from so the person
is shown the listing's own words. The grammar is a set of tested regular expressions over one
clause at a time (a sentence or a ``;``-separated part); no model, no network.

**A wrong "fits" is the worst error**, so the grammar decides only what a clause says plainly:

- a clause that hedges ("priority", "preferred", "encouraged", "may", "some", "varies") decides
  nothing of the kind it hedges;
- a residency that also admits workers or students ("live and/or work in") is not read;
- "accepts people with records" is not read when the clause limits it in a way we don't model
  ("released within 6 months", an exception we did not understand);
- several values of one limit keep the strictest (two minimum ages: the higher), so meeting what
  we kept means meeting every one the listing stated;
- "over 55" is read as 56 and up, "under 18" as 17 and under (the words' strict sense);
- words for a kind we cannot place ("seniors", "adults", "county resident", "80% AMI") are left
  alone: the check stays *unknown* and the listing's text is still shown.

Kinds and values are those of the ``secondchance-eligibility`` taxonomy (``eligibility.TERMS``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

from .geo import STATES

#: The requirement kinds read from words (``eligibility.TERMS`` codes).
KINDS: Final = (
    "minimum_age",
    "maximum_age",
    "gender",
    "veteran",
    "insurance",
    "income_max_fpl",
    "income_low",
    "residency_state",
    "residency_county",
    "residency_city",
    "residency_zip",
    "document",
    "referral",
    "sobriety",
    "records",
)


@dataclass(frozen=True)
class Found:
    """One requirement read from a listing: its kind, value, and the listing's words."""

    kind: str
    value: str
    phrase: str


def clauses(text: str) -> list[str]:
    """Sentences and ``;``-parts of a text (a period inside "U.S." or "a.m." does not split)."""
    parts = re.split(r"(?<![A-Z])(?<!\b[a-z])[.;!\n]+(?=\s|$)|;|\n", text)
    return [" ".join(p.split()).strip(" ,:-") for p in parts if p and p.strip(" ,:-\t")]


def _ci(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


HEDGE: Final = _ci(
    r"\b(?:priority|prioritiz\w*|prefer\w*|encourag\w*|especially|particularly|may|might|some|most|"
    r"usually|generally|typically|often|vary|varies|recommended|ideally|welcome to apply|not limited to|"
    r"mostly|mainly|primarily|largely|predominantly|chiefly|"
    r"including but)\b"
)
NUM = r"(\d{1,2})(?![\d%])"
YEARS = r"(?:\s*(?:years?|yrs?\.?|y/?o\b)(?:\s*(?:of\s*age|old))?)?"
NOT_AGE = _ci(
    r"^\s*(?:%|percent|months?|mos\b|days?|weeks?|hours?|hrs?\b|grade|th\b|st\b|nd\b|rd\b|minutes?|\$|"
    r"(?:years?|yrs?\.?)\s*(?:of\s*(?!age\b)\w+|in\s*(?:business|operation|the\s*community)|serving|experience)|"
    r"x\b|times\b|lbs?\b|pounds\b|kg\b|miles?\b|feet\b|ft\b|beds?\b|units?\b|people\b|persons\b|households\b)"
)

AGE_RANGE = [
    _ci(rf"\bage[sd]?\s*(?:of\s*)?(?:between\s*|from\s*)?{NUM}\s*(?:-|–|—|to|through|thru|and)\s*{NUM}{YEARS}"),
    _ci(rf"\b{NUM}\s*(?:-|–|—|to|through|thru)\s*{NUM}\s*(?:years?|yrs?\.?|y/?o\b)(?:\s*(?:of\s*age|old))?"),
    _ci(
        rf"\b(?:children|kids|youth|young (?:adults|people)|teens?|teenagers|adolescents|minors|juveniles|adults|"
        rf"seniors|persons?|people|individuals|women|men|girls|boys|students|clients|residents|applicants|participants)\s*(?:ages?\s*|aged\s*)?\(?{NUM}\s*(?:-|–|to|through)\s*{NUM}\b"
    ),
]
AGE_MIN = [
    _ci(rf"\b(?:age[sd]?:?\s*)?{NUM}{YEARS}\s*(?:\+|(?:and|or|&)\s*(?:over|older|above|up|upward))"),
    _ci(rf"\b(?:age[sd]?\s*)?{NUM}\s*(?:years?|yrs?\.?)?\s*(?:of\s*age\s*)?(?:and|or)\s*(?:older|over)"),
    _ci(rf"\b(?:at\s*least|minimum\s*(?:age\s*)?(?:of|is)?:?|min\.?\s*age:?)\s*(?:age\s*)?{NUM}{YEARS}"),
    _ci(
        rf"\bmust\s*be\s*{NUM}{YEARS}\s*(?:or\s*older|or\s*over|\+)?"
        rf"(?!\s*(?:-|to)|[\w\s]{{0,24}}?\bor\s*(?:younger|under|less|below))"
    ),
]
AGE_OVER = _ci(rf"(?<!\bno\s)\b(?:over|older\s*than|above)\s*(?:the\s*)?(?:age\s*(?:of\s*)?)?{NUM}(?!\s*(?:%|percent))")
AGE_MAX = [
    _ci(rf"\b(?:age[sd]?\s*)?{NUM}{YEARS}\s*(?:and|or)\s*(?:under|younger|below)"),
    _ci(
        rf"\b(?:up\s*to|no\s*older\s*than|maximum\s*age(?:\s*(?:of|is))?:?)\s*(?:age\s*)?{NUM}{YEARS}(?!\s*(?:%|percent))"
    ),
]
AGE_UNDER = _ci(rf"\b(?:under|younger\s*than|below)\s*(?:the\s*)?(?:age\s*(?:of\s*)?)?{NUM}(?!\s*(?:%|percent))")
#: Negated limits say the opposite of the bare words: "no one under 18" is a minimum, "must not be over 64"
#: a maximum (read bare, each gave the inverse limit: a wrong "fits" for exactly the people excluded).
NEGATED = (
    r"(?:no\s*one|nobody|no\s*(?:persons?|people|children|kids|youth|minors|adults|individuals)|"
    r"(?:must|shall|can)\s*not|cannot|can't)\s*(?:be\s*)?"
)
NEG_MIN = _ci(rf"\b{NEGATED}(?:under|younger\s*than|below)\s*(?:the\s*)?(?:age\s*(?:of\s*)?)?{NUM}")
NEG_MAX = _ci(rf"\b{NEGATED}(?:over|older\s*than|above)\s*(?:the\s*)?(?:age\s*(?:of\s*)?)?{NUM}")
AGE_CONTEXT = _ci(
    r"\b(?:age[sd]?|years?|yrs?|old|older|younger|over|under|above|below|youth|adults?|seniors?|children|kids|teens?|"
    r"and\s*up)\b|\+|\b(?:residents|applicants|participants|clients|women|men|people|persons|individuals)\s*\d|\bmust\s*be\s*(?:at\s*least\s*)?\d|\bat\s*least\s*\d"
)
#: An age limit with another way in ("65+ or disabled", "and their caregivers"), or a price by age.
AGE_NOT = _ci(
    r"\bor\s*(?:are\s*)?(?:\w+\s*){0,2}?(?:disabled|(?:persons?|people|adults|individuals)\s*with\s*(?:a\s*)?disabilit\w*|"
    r"with\s*(?:a\s*)?disabilit\w*|(?:have|has)\s*(?:a\s*)?disabilit\w*)|\bcaregivers?\b|\baccompanied\b|\bfees?\b|\$|\bcosts?\b|\bcharged?\b|\bfree\s*(?:for|to)\b|"
    r"\b(?:and|or)\s*(?:younger\s*|older\s*)?(?:adults|persons?|people|individuals)\s*with\b|\band\s*(?:their|his|her)\s*(?:famil\w*|parents?|guardians?)|\bor\s*(?:younger|older)\s*(?:with|if|who)\b|"
    r"\bor\s*(?:an?\s*)?(?:emancipated|minors?\b)|\band\s*pregnant\b|\balso\s*(?:served|eligible|welcome)\b|"
    r"\bfor\s*(?:the\s*)?(?:[\w-]+\s*){1,2}(?:classes|class|lunch|meals?)\b|"
    r"\b(?:parent\w*|guardian\w*)\s*(?:consent|permission|signature|approval|sign\w*)|"
    r"\b(?:eat|ride|stay|enter|get\s*in)s?\s*free\b|\bto\s*(?:volunteer|donate|drive|work\s*here)\b|\bany\s*age\b|"
    r"\bhead\s*of\s*(?:the\s*)?household\b|\b(?:with|accompanied\s*by)\s*(?:a\s*)?(?:parent|guardian)"
)
#: Ages of someone else (a parent "of children under 5"): not the person's own age.
DEPENDENT_AGE = _ci(
    r"\b(?:with|of|has|have|having|caring\s*for|raising|parents?|famil\w*|pregnant|custody)\b.{0,40}?"
    r"\b(?:child\w*|kids|bab(?:y|ies)|infants?|dependents?|sons?|daughters?|minors?|grandchild\w*)\b"
)


_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
NUMBER_WORD = _ci(
    rf"\b(?:({'|'.join(_TENS)})(?:[- ]({'|'.join(_UNITS[1:10])}))?|({'|'.join(_UNITS[2:])}))\b(?:\s*\((\d{{1,2}})\))?"
    r"(?!\s*(?:hundred|thousand|percent|%))"
)


def digits(clause: str) -> str:
    """Ages written in words ("sixteen (16)", "eighteen and up") as digits, so one grammar reads both."""

    def number(m: re.Match[str]) -> str:
        tens, unit, alone, shown = m.groups()
        value = (
            _TENS[tens.lower()] + (_UNITS.index(unit.lower()) if unit else 0) if tens else _UNITS.index(alone.lower())
        )
        return str(value) if shown is None or int(shown) == value else m.group(0)

    if re.search(r"\b(?:hundred|thousand)\b", clause, re.I):
        return clause  # "one hundred fifty percent": an amount, not an age
    return NUMBER_WORD.sub(number, clause)


def _ages(clause: str) -> tuple[list[int], list[int]]:
    """Minimum and maximum ages a clause states (empty when it states none, or hedges)."""
    clause = digits(clause)
    lows: list[int] = []
    highs: list[int] = []
    if (
        not AGE_CONTEXT.search(clause)
        or DEPENDENT_AGE.search(clause)
        or AGE_NOT.search(clause)
        or (re.search(r"\bgrades?\b", clause, re.IGNORECASE) and not re.search(r"\bage", clause, re.IGNORECASE))
    ):
        return lows, highs
    if re.search(
        r"\bnot\s*(?:be\s*)?(?:admitted|accepted|eligible|allowed|served|permitted)|\bineligible\b|\bexcluded\b|"
        r"\b(?:cannot|can't|won't|will\s*not)\s*(?:be\s*)?(?:admitted|accepted|served|enrolled|enroll)\b",
        clause,
        re.I,
    ) and not (NEG_MIN.search(clause) or NEG_MAX.search(clause)):
        return lows, highs  # "clients under 18 are not admitted": the words name whom the limit keeps out
    taken: list[tuple[int, int]] = []

    def free(m: re.Match[str]) -> bool:
        after = clause[m.end() :]
        if NOT_AGE.match(after) or clause[max(0, m.start(1) - 1) : m.start(1)] == "$":
            return False
        if re.search(r"\b(?:for|since|in\s*business|serving\s*[\w\s]{0,30}?for)\s*$", clause[: m.start()], re.I):
            return False  # "serving the community for over 40 years": how long, not how old
        if re.search(r"\b(?:not|no|never|n't)\s*(?:be\s*)?$", clause[: m.start()], re.I):
            return False  # a negation the patterns above did not read: its sense is not the bare words'

        return not any(a < m.end() and m.start() < b for a, b in taken)

    for m in NEG_MIN.finditer(clause):
        if free(m):
            lows.append(int(m.group(1)))
            taken.append(m.span())
    for m in NEG_MAX.finditer(clause):
        if free(m):
            highs.append(int(m.group(1)))
            taken.append(m.span())
    for pattern in AGE_RANGE:
        for m in pattern.finditer(clause):
            low, high = int(m.group(1)), int(m.group(2))
            if free(m) and low < high:
                lows.append(low)
                highs.append(high)
                taken.append(m.span())
    for pattern in AGE_MIN:
        for m in pattern.finditer(clause):
            if free(m):
                lows.append(int(m.group(1)))
                taken.append(m.span())
    for m in AGE_OVER.finditer(clause):
        if free(m):
            lows.append(int(m.group(1)) + 1)
            taken.append(m.span())
    for pattern in AGE_MAX:
        for m in pattern.finditer(clause):
            if free(m):
                highs.append(int(m.group(1)))
                taken.append(m.span())
    for m in AGE_UNDER.finditer(clause):
        if free(m):
            highs.append(int(m.group(1)) - 1)
            taken.append(m.span())
    return lows, highs


FEMALE = _ci(r"\b(?:women|woman|females?|girls|mothers|moms|ladies|lady)\b|\bwomen's\b")
MALE = _ci(r"\b(?:men|man|males?|boys|fathers|dads|gentlemen)\b|\bmen's\b")
ALL_GENDERS = _ci(
    r"\b(?:all\s*genders?|any\s*gender|regardless\s*of\s*gender|transgender|trans|non-?binary|gender[- ]?(?:diverse|"
    r"queer|expansive|identity)|lgbt\w*|families|family|couples?|parents?|both|everyone|anyone|co-?ed)\b"
)
GENDER_ONLY = _ci(
    r"\b(?:only|serves?|for|exclusively|shelter|program|house|home|residence|veterans?|aged?|ages|over|\d{1,2}|"
    r"single|pregnant|homeless|who|with|and\s*(?:their|her|his)\s*children|and\s*children)\b"
)


def _gender(clause: str) -> str | None:
    female, male = FEMALE.search(clause), MALE.search(clause)
    if bool(female) == bool(male) or ALL_GENDERS.search(clause) or HEDGE.search(clause):
        return None
    if re.search(r"\bnot\b|\bno\b|\bexcept\b|\bvictims?\b.*\bby\b|-identified\b", clause, re.IGNORECASE):
        return None
    if re.search(  # "children under 5 and pregnant women": the children are of any gender
        r"\b(?:children|kids|youth|adults|seniors|people|persons|individuals|infants|families)\b[^;]*?\b(?:and|or)\s+"
        r"(?:pregnant\s+|single\s+)?(?:women|men|mothers|fathers|girls|boys)\b",
        clause,
        re.IGNORECASE,
    ):
        return None
    return "female" if female else "male"


#: A DD-214 alone is a paper to bring, not who is served (two blind labellers read it so): not read.
VETERAN = _ci(
    r"\bveterans?\b|\bvets\b|\bhonorabl[ey]\s*discharged?\b|"
    r"\b(?:must\s*have|who\s*(?:have\s*)?|those\s*who)\s*served\s*in\s*the\s*(?:u\.?s\.?\s*)?(?:armed\s*forces|military)\b"
)
VETERAN_NOT = _ci(
    r"\b(?:famil(?:y|ies)|spouses?|widows?|dependents?|survivors?|caregivers?|children|active[- ]duty|reserv\w*|"
    r"guard|service\s*members?|military\s*members?|non-?veterans?|regardless|also|including|welcome|and\s*others|"
    r"or\s*(?!veteran)\w+|not|no(?!\s*exceptions?)|funded|foundation|affairs|administration|benefits|hospitals?|"
    r"day|memorial|owned|staffed|hall|building|blvd|boulevard|highway|parkway|park|plaza|bridge|by\s*veterans|"
    r"discounts?|founded|fellow|village|anyone|everyone|"
    r"veterans?\s*(?:who|and\s*volunteers))\b"
)


def _veteran(clause: str) -> bool:
    return bool(VETERAN.search(clause)) and not VETERAN_NOT.search(clause) and not HEDGE.search(clause)


UNINSURED = _ci(
    r"\b(?:uninsured|no\s*(?:health\s*|medical\s*)?insurance|without\s*(?:health\s*|medical\s*)?insurance|"
    r"without\s*access\s*to\s*health\s*care|(?:do|does|did)\s*not\s*have\s*(?:health\s*|medical\s*)?insurance|"
    r"not\s*covered\s*by\s*(?:any\s*)?(?:health\s*)?insurance|lack(?:s|ing)?\s*(?:health\s*)?insurance)\b"
)
INSURERS: Final = (
    (
        "medicaid",
        re.compile(r"(?i:\b(?:medicaid|medi-cal|masshealth|apple\s*health|ahcccs|tenncare|soonercare)\b)|\bMediCal\b"),
    ),
    ("medicare", _ci(r"\bmedicare\b")),
    ("private", _ci(r"\b(?:private|commercial)\s*(?:health\s*)?insurance\b")),
)
ACCEPTS = _ci(
    r"\b(?:accept\w*|take[sn]?|bill\w*|must\s*have|must\s*be\s*on|required|only|enrolled\s*in|covered\s*by|beneficiar\w*|recipients|"
    r"members|part\s*[abcd])\b"
)
#: Other ways to pay named beside the insurers: they are not the only way in.
OTHER_PAYMENT = _ci(
    r"\b(?:cash|checks?|credit|self[- ]pay|sliding|out[- ]of[- ]pocket|donations?|vouchers?|others\s*(?:are\s*)?billed|"
    r"free\s*(?:for|to))\b"
)


def _insurance(clause: str) -> list[str]:
    if OTHER_PAYMENT.search(clause):
        return []  # other ways to pay are taken too: the insurers named are not the only way in
    insurers = [code for code, pattern in INSURERS if pattern.search(clause)]
    if re.search(
        r"\bfor\s*(?:the\s*)?(?:[\w-]+\s*){0,2}?(?:patients|members|clients|enrollees|beneficiaries|services?|care|"
        r"treatment|program)\b|\b(?:not|n't|never)\s*(?:\w+\s*)?(?:accept|take|bill)|\binsured\s*(?:and|or|&)\s*uninsured|"
        r"\bcounsel\w*|\bhelp\w*\s*with\b",
        clause,
        re.I,
    ):
        return []  # a rule for the patients an insurer covers, not the only insurer taken
    if re.search(
        r"\binsurance\s*(?:is\s*)?not\s*(?:required|needed|necessary)|\bno\s*(?:health\s*)?insurance\s*"
        r"(?:is\s*)?(?:required|needed|necessary)",
        clause,
        re.I,
    ):
        return []
    if UNINSURED.search(clause) or re.search(r"\bor\s*(?:be\s*)?uninsured\b", clause, re.I):
        if re.search(r"\bunderinsured\b|\band\s*insured\b|\bor\s*insured\b|\bwith\s*or\s*without\b", clause, re.I):
            return []
        if insurers:
            return [*insurers, "uninsured"] if re.search(r"\bor\b", clause, re.I) else []
        return ["uninsured"]
    if not ACCEPTS.search(clause) or re.search(
        r"\bnot\s*(?:accept|take|required)|\bno\b|\bhelp\w*|\bappl(?:y|ying|ication)\b|\benrollment\b|\bassist\w*",
        clause,
        re.I,
    ):
        return []
    if HEDGE.search(clause):
        return []
    return insurers


FPL = _ci(
    r"(\d{2,3})\s*(?:%|percent)\s*(?:of\s*)?(?:the\s*)?(?:current\s*)?(?:federal\s*|national\s*)?(?:poverty|fpl\b|fpg\b|fpig\b)"
)
FPL_NOT = _ci(r"\b(?:above|over|more\s*than|exceed\w*|greater\s*than|between|from|ami|median|smi|state\s*median)\b")
#: An income that sets a price ("free under 125% FPL; sliding scale to 200%"), not who is served.
INCOME_PRICE = _ci(r"\b(?:free|sliding|discount\w*|fees?|pay|cost|charge)\b")
LOW_INCOME = _ci(
    r"\b(?:low[- ]?income|low\s*(?:or|and|/)\s*no\s*income|no\s*(?:or|and|/)\s*low\s*income|limited\s*income|"
    r"income[- ]eligible|income[- ]qualified|(?:meets?|must\s*meet)\s*(?:the\s*)?income\s*(?:guidelines|requirements|"
    r"limits|criteria)|financial(?:ly)?\s*(?:eligible|need)|(?:very\s*)?poor|indigent)\b"
)


def _income(clause: str) -> tuple[list[int], bool]:
    if INCOME_PRICE.search(clause) or HEDGE.search(re.sub(r"\bvar(?:y|ies)\b", "", clause, flags=re.I)):
        return [], False
    limits = []
    for m in FPL.finditer(clause):
        before = clause[: m.start()][-40:]
        if not FPL_NOT.search(before) or re.search(r"\bnot\s*(?:to\s*)?exceed", before, re.I):
            limits.append(int(m.group(1)))
    if re.search(r"\b(?:between|from)\b", clause, re.IGNORECASE):
        limits = []
    low = bool(LOW_INCOME.search(clause)) and not re.search(
        r"\bnot\s*(?:required|necessary)|\bno\s*income\s*(?:limit|requirement|restriction)|regardless\s*of\s*income|"
        r"any\s*income|\bor\s*(?:\w+\s*)?low[- ]?income|\blow[- ]?income\s*(?:\w+\s*)?or\b|\b(?:poor|indigent)\s*or\b|"
        r"\bor\s*(?:poor|indigent)\b|moderate[- ]income|\bhud\b|tax\s*credit|lihtc|\bami\b|area\s*median",
        clause,
        re.I,
    )
    return limits, low and not limits


NAME = r"[A-Z][A-Za-z.'-]*(?:\s+(?:[A-Z][A-Za-z.'-]*|de|la|del|du|of))*"
COUNTY_AFTER = re.compile(
    rf"\b(?:[Rr]esidents?\s*of|[Rr]esid(?:e|es|ing)\s*in|[Ll]iv(?:e|es|ing)\s*in|[Dd]omiciled\s*in)\s*(?:the\s*)?((?:{NAME}(?:,\s*(?:and\s+|or\s+|&\s+)?|\s+(?:and|or|&)\s+))*{NAME})\s+([Cc]ount(?:y|ies)|[Pp]arish(?:es)?)\b"
)
COUNTY_BEFORE = re.compile(
    rf"\b((?:{NAME}(?:,\s*(?:and\s+|or\s+|&\s+)?|\s+(?:and|or|&)\s+))*{NAME})\s+([Cc]ount(?:y|ies)|[Pp]arish(?:es)?)\s+[Rr]esidents?\b"
)
STATE_AFTER = _ci(
    r"\b(?:residents?\s*of|resid(?:e|es|ing|ency)\s*in|liv(?:e|es|ing)\s*in|domiciled\s*in)\s*(?:the\s*)?(?:state\s*of\s*)?"
    r"([a-z][a-z. ]+?)(?:\s*state)?"
    r"(?=$|[,.;:)]|\s+(?:only|age|aged|who|with|and|or|to|for|may|must|are|is|required|needed)\b)"
)
STATE_BEFORE = _ci(r"\b([a-z][a-z. ]+?)\s*(?:state\s*)?residents?\b")
CITY_AFTER = re.compile(
    rf"\b(?:[Rr]esidents?\s*of|[Rr]esid(?:e|es|ing)\s*in|[Ll]iv(?:e|es|ing)\s*in)\s*(?:the\s*)?(?:[Cc]ity\s*of\s*)?"
    rf"((?:{NAME}(?:,\s*|\s+(?:and|or|&)\s+))*{NAME})(?=$|[,.;:)]|\s+(?:only|age|aged|who|with|to|for)\b)"
)
CITY_BEFORE = re.compile(rf"\b(?:[Cc]ity\s*of\s*)?({NAME})\s+(?:city\s+)?[Rr]esidents?\b")
ZIP_LIST = r"((?:\d{5}(?:\s*,\s*|\s*(?:,\s*)?(?:and|or|&)\s*|\s+))*\d{5})\b"
ZIPS = [
    _ci(rf"\b(?:zip|postal)s?\s*(?:codes?)?:?\s*{ZIP_LIST}"),
    # "Residents of 90011, 90037 & 90044", "Serves the 94110 zip code"
    _ci(
        rf"\b(?:residents?\s*of|resid(?:e|es|ing)\s*in|liv(?:e|es|ing)\s*in|serv(?:es|ing)\s*(?:residents\s*of\s*)?)"
        rf"\s*(?:the\s*|one\s*of\s*(?:these|the)\s*)?{ZIP_LIST}(?!\s*(?:[A-Za-z]+\s*){{0,2}}(?:st|street|ave|avenue|rd|road|blvd)\b)"
    ),
]
RESIDENCY_NOT = _ci(
    r"\b(?:or\s*work|and/or\s*work|work\s*or\s*live|or\s*attend|or\s*go\s*to\s*school|or\s*employed|work(?:s|ing)?\s*in|"
    r"not\s*(?:required|necessary|limited)|regardless|any\s*county|all\s*counties|outside|non-?residents?|"
    r"near|surrounding|neighboring|(?:the|greater|metro)\s*area|or\s*with|or\s*(?:who\s*)?(?:have|has)|"
    r"(?:or|and)\s*(?:an?\s*)?(?:students?|employees?|workers?|persons?|people|individuals|those|anyone)|"
    r"(?:paroled|released|referred)\s*to|office|located|headquarter\w*|based\s*in|or\s*(?:be|are|is)\b|nearby|"
    r"visitors?|discount\w*|by\s*referral)\b"
)


def _split_names(text: str) -> list[str]:
    return [n.strip() for n in re.split(r",\s*(?:and|or|&)\s+|,\s*|\s+(?:and|or|&)\s+", text) if n.strip()]


def _city_known(city: str, state: str) -> bool:
    from .geo import _city_index

    return (city.lower(), state) in _city_index()


def _residency(clause: str, state: str | None) -> list[tuple[str, str]]:
    if RESIDENCY_NOT.search(clause) or HEDGE.search(clause):
        return []
    clause = re.sub(r"\b(Co|Cnty)\.?(?=\s+[Rr]esidents?\b|\s*$|[,;)])", "County", clause)  # "King Co. residents"
    found: list[tuple[str, str]] = []
    counties: list[str] = []
    for m in [*COUNTY_AFTER.finditer(clause), *COUNTY_BEFORE.finditer(clause)]:
        word = "Parish" if m.group(2).lower().startswith("parish") else "County"
        names = _split_names(re.sub(r"^(?:[Rr]esidents?\s*of|the)\s+", "", m.group(1)))
        # "King County or Pierce County": each name already says County
        names = [re.sub(r"\s+(?:County|Parish)$", "", n) for n in names]
        if re.match(r"'s\b", clause[m.end() :]) or any(re.fullmatch(r"[A-Z]{2,3}", n) for n in names):
            return []  # "LA County's SPA 6": part of a county, or a name we would have to guess
        counties += [f"{n} {word}" for n in names if n.lower() not in ("the", "our", "this", "that")]
    if counties:
        if state is None:
            return []  # a county without its state could match the wrong one: leave it unknown
        return [("residency_county", f"{c}, {state}") for c in dict.fromkeys(counties)]
    for pattern in (STATE_AFTER, STATE_BEFORE):
        for m in pattern.finditer(clause):
            words = m.group(1).lower().strip(" .").split()
            for start in range(len(words)):
                name = " ".join(words[start:])
                if name in STATES:
                    found.append(("residency_state", STATES[name]))
                    break
            else:
                last = m.group(1).strip().split()[-1] if m.group(1).strip() else ""
                if last.isupper() and last in STATES.values() and (len(words) == 1 or words[-2] in ("a", "an")):
                    found.append(("residency_state", last))
    if found:
        return list(dict.fromkeys(found))
    for pattern in ZIPS:
        for m in pattern.finditer(clause):
            found += [("residency_zip", z) for z in re.findall(r"\d{5}", m.group(1))]
    found = list(dict.fromkeys(found))
    if found or state is None:
        return found
    for pattern in (CITY_AFTER, CITY_BEFORE):
        for m in pattern.finditer(clause):
            names = _split_names(re.sub(r"^(?:[Cc]ity\s*of\s*|[Rr]esidents?\s*of\s*|the\s+)", "", m.group(1)))
            if names and all(n.lower() not in STATES and _city_known(n, state) for n in names):
                found += [("residency_city", f"{n}, {state}") for n in names]
            elif names:
                return []  # a place named is not a city we know: the list we kept would be partial
    return list(dict.fromkeys(found))


DOCUMENT_PATTERNS: Final = (
    ("photo_id", _ci(r"\b(?:photo|picture|valid|government[- ]issued|state|current)\s*(?:id|i\.d\.|identification)\b|"
                     r"\bdriver'?s'?\s*licen[cs]e\b|\bid\s*card\b|\bidentification\b|\bpassport\b")),
    ("ssn_card", _ci(r"\bsocial\s*security\s*(?:card|number)\b|\bss\s*card\b|\bssn\b")),
    ("birth_certificate", _ci(r"\bbirth\s*certificates?\b")),
    ("proof_of_income", _ci(r"\bproof\s*of\s*(?:all\s*)?(?:household\s*)?income\b|\bpay\s*stubs?\b|"
                            r"\bincome\s*verification\b|\btax\s*returns?\b|\bbenefit\s*award\s*letter\b")),
    ("proof_of_residency", _ci(r"\bproof\s*of\s*(?:[A-Z][a-z]+\s*)?(?:residen\w*|address)\b|\butility\s*bill\b|"
                               r"\blease\s*agreement\b")),
    ("release_papers", _ci(r"\b(?:release|parole)\s*(?:papers|documents|paperwork|form)\b|"
                           r"\bdischarge\s*papers\s*from\s*(?:prison|jail)\b")),
)  # fmt: skip
DOCUMENT_NEEDED = _ci(
    r"\b(?:bring|brings|required|requires?|must\s*(?:have|show|provide|present|bring)|need(?:ed|s)?|"
    r"documents?:|documentation|proof|present|show|provide|with|have)\b"
)
DOCUMENT_NOT = _ci(
    r"\b(?:no|not|without|help\w*|assist\w*|obtain\w*|replac\w*|get(?:ting)?|apply(?:ing)?\s*for|lost|"
    r"if\s*(?:you\s*)?(?:have|available)|helpful|optional|if\s*possible)\b"
)


def _documents(clause: str) -> list[str]:
    if not DOCUMENT_NEEDED.search(clause) or DOCUMENT_NOT.search(clause) or HEDGE.search(clause):
        return []
    codes = [code for code, pattern in DOCUMENT_PATTERNS if pattern.search(clause)]
    another_way = re.search(r"\bor\s*(?:we|sign|call|self|verify|other)", clause, re.I)
    if re.search(r"\bor\b", clause, re.I) and (len(codes) > 1 or another_way):
        return []  # "a birth certificate or a passport": either will do, so neither is required
    return codes


REFERRAL_REQUIRED = _ci(
    r"\b(?:referrals?\s*(?:is\s*|are\s*)?(?:required|needed|necessary|only)|by\s*referral(?:\s*only)?|"
    r"must\s*be\s*referred|\band\s*be\s*referred\s*by|referrals?\s*from\s*[\w ]{1,40}?\s*only|"
    r"requires?\s*(?:a\s*)?referral|need\s*(?:a\s*)?referral|only\s*(?:accepts?|takes?)\s*referrals|"
    r"(?:accepts?|takes?)\s*referrals\s*only|referred\s*by\s*(?:a|an|your|the)\s*[\w ]+?\s*only|"
    r"referrals?\s*accepted\s*from\s*[\w ,]+?\s*only|referral\s*from\s*(?:a|an|the|your)?\s*[\w ]{1,40}?\s*(?:is\s*)?"
    r"required|must\s*have\s*(?:a\s*)?referral)\b"
)
REFERRAL_NOT = _ci(
    r"\b(?:no\s*referrals?\s*(?:is\s*|are\s*)?(?:needed|required|necessary)|referrals?\s*(?:is\s*|are\s*)?not\s*"
    r"(?:needed|required|necessary)|self[- ]referrals?\s*(?:are\s*)?(?:accepted|welcome|ok|okay)|"
    r"without\s*(?:a\s*)?referral|do\s*not\s*need\s*(?:a\s*)?referral|no\s*referral(?!\s*fees?)|"
    r"(?:may|can)\s*self[- ]refer|or\s*be\s*referred|walk[- ]?in\s*or\s*(?:through|by|via)\s*[\w ]{0,30}?referral)\b"
)


def _referral(clause: str) -> str | None:
    if REFERRAL_NOT.search(clause):
        return "not_required"
    if (
        REFERRAL_REQUIRED.search(clause)
        and not HEDGE.search(clause)
        and not re.search(r"\bor\b\s*(?:walk|self|call)", clause, re.I)
        # "phone or electronic referrals only" says how referrals arrive; "required for shelter beds" is
        # one part of the service
        and not re.search(
            r"\b(?:phone|telephone|electronic|online|e-?mail|fax|mail)\b[\w ,/()-]{0,30}referrals?\s*only|"
            r"\brequired\s*for\s*(?!all\b|services?\b|admission\b|enrollment\b)\w+",
            clause,
            re.I,
        )
    ):
        return "required"
    return None


SOBER = _ci(
    r"\b(?:detoxed|detoxified|completed\s*(?:a\s*)?detox(?:ification)?(?:\s*program)?|clean\s*and\s*sober|"
    r"must\s*be\s*(?:clean|sober|drug[- ]free|alcohol[- ]free)|"
    r"sobriety\s*(?:is\s*)?(?:required|necessary)|(?:\d+|thirty|sixty|ninety)\s*days?\s*(?:of\s*)?(?:clean|sober|sobriety)|"
    r"(?:drug|alcohol|substance)[- ]free|free\s*(?:of|from)\s*(?:drugs|alcohol|substances)|"
    r"not\s*(?:be\s*)?under\s*the\s*influence|no\s*(?:active|current)\s*(?:drug|alcohol|substance)"
    r"(?:\s*(?:or|and|/)\s*(?:drug|alcohol))?\s*use|(?:drug|alcohol)\s*(?:and|&|/)\s*(?:drug|alcohol)[- ]free|"
    r"must\s*pass\s*(?:a\s*)?drug\s*(?:test|screen\w*)|drug\s*(?:testing|screening)\s*(?:is\s*)?required|"
    r"must\s*be\s*[\w ,]{0,20}?\bsober|"
    r"must\s*(?:maintain|remain)\s*(?:sober|sobriety|clean)|random\s*drug\s*test\w*)\b"
)
SOBER_NOT = _ci(
    r"\b(?:sobriety\s*(?:is\s*)?not\s*required|no\s*sobriety\s*requirement|not\s*required\s*to\s*be\s*sober|"
    r"regardless\s*of\s*(?:sobriety|substance|drug)|harm\s*reduction|low[- ]barrier|housing\s*first|even\s*if|"
    r"(?:willing|want\w*)\s*to\s*(?:stay|be|remain|get|become)\s*(?:sober|clean))\b"
)


def _sobriety(clause: str) -> bool:
    if re.search(r"\bdrug[- ]free\s*(?:workplace|zone|school)", clause, re.I):
        return False
    return bool(SOBER.search(clause)) and not SOBER_NOT.search(clause) and not HEDGE.search(clause)


RECORD_WORDS = (
    r"(?:criminal\s*(?:records?|histor(?:y|ies)|backgrounds?|convictions?|justice\s*(?:history|involvement))|"
    r"(?:a\s*)?records?(?!\s*of\b)|convictions?|felon(?:y|ies|s)|felony\s*convictions?|ex-?offenders?|ex-?felons?|"
    r"(?:formerly|previously)\s*incarcerated(?:\s*(?:people|persons|individuals))?|returning\s*citizens|"
    r"justice[- ]involved(?:\s*(?:people|persons|individuals))?|people\s*(?:with|who\s*have)\s*(?:criminal\s*)?records|"
    r"(?:people|persons|individuals)\s*(?:coming\s*home|leaving|released\s*from)\s*(?:prison|jail|incarceration)|"
    r"(?:criminal|criminal-history|criminal\s*history)\s*background)"
)
RECORDS_ANY = [
    _ci(
        rf"\b(?:accept\w*|welcom\w*|serv(?:e|es|ing)|open\s*to|for|hires?|hiring|consider\w*|work\w*\s*with)\s*"
        rf"(?:\w+\s*){{0,3}}?{RECORD_WORDS}"
    ),
    _ci(rf"\bregardless\s*of\s*(?:\w+\s*){{0,2}}?{RECORD_WORDS}"),
    _ci(rf"{RECORD_WORDS}\s*(?:are\s*|is\s*)?(?:welcome|accepted|ok|okay|not\s*a\s*barrier|no\s*barrier|eligible)"),
    _ci(r"\bno\s*background\s*checks?\b|\bbackground\s*checks?\s*(?:is\s*|are\s*)?not\s*(?:required|done|performed)"),
    # the people served are people with records
    _ci(
        r"\b(?:formerly|previously)\s*incarcerated\b|\breturning\s*citizens\b|\bex-?offenders\b|\bex-?felons\b|"
        r"\bjustice[- ]involved\b|\b(?:leaving|released\s*from|reentering\s*(?:the\s*community\s*)?(?:after|from)|"
        r"coming\s*home\s*from|returning\s*from)\s*(?:prison|jail|incarceration|custody)\b"
    ),
    _ci(
        r"\b(?:people|persons|individuals|adults|residents|applicants|job\s*seekers|women|men|youth|clients)\s*"
        r"(?:\w+\s*){0,2}?with\s*(?:a\s*)?(?:criminal\s*(?:records?|histor(?:y|ies)|backgrounds?|convictions?)|"
        r"felon(?:y|ies)\s*(?:records?|convictions?)|records?(?!\s*of\b)|convictions?)\b"
    ),
]
RECORDS_ANY_NOT = _ci(
    r"\b(?:within|in\s*the\s*(?:last|past)|past\s*\d|recently|months?|years?|except\w*|excluding|but\s*not|unless|"
    r"other\s*than|depend\w*|case[- ]by[- ]case|review\w*|no\b(?!\s*background)|"
    r"not\b(?!\s*(?:required|done|performed|a\s*barrier))|"
    r"without|victims?|survivors?|help\w*|clear\w*|expunge\w*|seal\w*|legal|lawyers?|attorneys?|on\s*probation|on\s*parole|"
    r"under\s*supervision|pretrial|juvenile)\b"
)
EXCLUSIONS: Final = (
    ("excludes_sex_offense_registration", _ci(
        r"\b(?:no|not|except|excluding|exclude[sd]?|cannot|can't|must\s*not|ineligible|barred|without|unless)\b"
        r"[\w\s,/-]{0,40}?"
        r"\b(?:registered\s*)?sex(?:ual)?\s*offen(?:ders?|ses?)|\bsex(?:ual)?\s*offen(?:ders?|ses?)\s*(?:are\s*|is\s*)?"
        r"(?:not\s*(?:eligible|accepted|allowed|admitted)|excluded|ineligible|prohibited|cannot|can't|will\s*not)|"
        r"\bno\s*(?:pc\s*)?290\s*registrants?|"
        r"\b(?:no|not|except|excluding|cannot)\b[\w\s,/-]{0,30}?\b(?:registrants?\b|required\s*to\s*register\b|pc\s*290\b)|\bmust\s*not\s*be\s*(?:required\s*to\s*register|"
        r"(?:on|listed\s*on)\s*(?:the\s*|a\s*)?(?:sex\s*offender\s*)?registry)")),
    ("excludes_arson", _ci(
        r"\b(?:no|not|except|excluding|exclude[sd]?|cannot|ineligible|without)\b[\w\s,/-]{0,40}?\barson|"
        r"\barson(?:ists?)?\s*(?:convictions?\s*)?(?:are\s*|is\s*)?(?:not\s*(?:eligible|accepted|allowed)|excluded|ineligible)")),
    ("excludes_violent_felony", _ci(
        r"\b(?:no|not|except|excluding|exclude[sd]?|cannot|ineligible|without|unless)\b[\w\s,/-]{0,40}?\bviolent\s*"
        r"(?:felon(?:y|ies|s)|offen(?:ders?|ses?)|crimes?|convictions?)|\bviolent\s*(?:felon\w*|offen\w*|crimes?)"
        r"(?:\s*convictions?)?\s*(?:are\s*|is\s*)?(?:not\s*(?:eligible|accepted|allowed)|excluded|ineligible)")),
)  # fmt: skip
EXCLUDES_FELONY = _ci(
    r"\bno\s*(?:prior\s*)?felon(?:y|ies|s)(?:\s*convictions?)?\b|\bmust\s*not\s*(?:have\s*)?(?:a\s*|any\s*)?felony|"
    r"\bfelons\s*(?:are\s*)?(?:not\s*(?:eligible|accepted|allowed)|ineligible|excluded)|\bno\s*felony\s*(?:record|history)"
)
RECORDS_NONE = _ci(
    r"\b(?:no\s*criminal\s*(?:record|history|background|convictions?)|no\s*(?:prior\s*)?convictions|clean\s*(?:criminal\s*)?"
    r"(?:record|background)|must\s*pass\s*(?:a\s*)?(?:criminal\s*)?background\s*(?:check|screening)|"
    r"(?:must|cannot|can't)\s*(?:not\s*)?have\s*(?:a\s*|any\s*)?criminal\s*(?:record|history|convictions?))\b"
)
CASE_BY_CASE = _ci(
    r"\bcase[- ]by[- ]case|\bindividually\s*(?:reviewed|assessed|considered)|\breviewed\s*individually|"
    r"\bindividuali[sz]ed\s*(?:assessment|review)|\bon\s*an?\s*individual\s*basis|"
    r"\b(?:records?|convictions?|criminal\s*history|background)\b[\w\s]{0,30}?\b(?:reviewed|considered|evaluated)\b"
)


def _records(clause: str) -> list[str]:
    found: list[str] = []
    crime = re.search(
        r"\b(?:sex\w*\s*offen|registrant|arson|violent|felon|convict|criminal|record|background|offender|incarcerat|"
        r"prison|jail|justice|returning\s*citizen|fair[- ]chance|second[- ]chance)",
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
    if CASE_BY_CASE.search(clause) and not re.search(
        r"\b(?:sex\w*\s*offen\w*|registrants?|arson\w*|violent\s*\w+)\s*(?:\w+\s*){0,3}?(?:are\s*|is\s*|will\s*be\s*)?"
        r"(?:accepted\s*|reviewed\s*|considered\s*|evaluated\s*)?(?:on\s*an?\s*)?case[- ]by[- ]case|"
        r"case[- ]by[- ]case\s*(?:review\s*)?(?:for|of)\s*(?:people\s*with\s*)?(?:sex|arson|violent)",
        clause,
        re.I,
    ):
        found.append("case_by_case")
    accepts = any(p.search(clause) for p in RECORDS_ANY)
    if not found and accepts and not RECORDS_ANY_NOT.search(clause) and not HEDGE.search(clause):
        found.append("any")
    # "accepts people with records, except sex offenders": the exclusions say it all, and the
    # acceptance holds for everyone else
    excepted = re.search(r"\b(?:except\w*|excluding|but\s*not|other\s*than|unless)\b", clause, re.I)
    if excluded and accepts and excepted and not {"any", "none", "case_by_case"} & set(found):
        found.append("any")
    return found


#: A line that lists values under a label ("Immigration status: Asylee; Refugee; ..."): alternatives,
#: each of which someone may be; a limit inside one item ("Victim of Trafficking (18 and over)") binds nobody.
LABELLED_LIST = re.compile(r"^\s*[A-Z][\w /-]{0,30}:\s.*;")
#: A clause whose requirement holds for one part of the service ("For emergency assistance, ...").
SCOPED = _ci(r"^(?:for|in|with)\s+[\w /-]{1,40},")
#: "None for most services": what other clauses say holds only for some of the service.
PARTLY = _ci(r"^\s*(?:none|no\s*(?:requirements|restrictions))\s*(?:for|in)\s*(?:most|some|many)\b")
#: Another group served beside the limit ("adults welcome at the food pantry", "open to all ages", "former
#: foster youth served up to age 26", "men seen for STI testing"): an age or gender limit has a way round.
ALSO_SERVED = _ci(
    r"\balso\s*(?:served|eligible|welcome|accepted)\b|\bopen\s*to\s*(?:all|everyone|anyone)\b|\ball\s*ages\b|"
    r"\b(?:adults|children|kids|youth|minors|teens|men|women|everyone|anyone|families|seniors|others|parents|couples)\b"
    r"(?:\s+[\w+-]+){0,3}?\s+(?:are\s+|is\s+)?(?:also\s+)?(?:welcome|seen|served|eligible|accepted)\b|"
    r"\bserved\s*(?:up\s*to|until|through)\s*(?:age\s*)?\d"
)


EVERYONE = _ci(
    r"\b(?:everyone|anyone|all)\s*(?:is\s*|are\s*)?(?:welcome|served|eligible)\b|\bopen\s*to\s*(?:all|everyone|anyone)\b|"
    r"\bserve\s*(?:anyone|everyone)\b|\bveterans?\s*(?:status\s*)?(?:is\s*|are\s*)?not\s*required\b"
)


def _decidable(text: str) -> str:
    """The part of a text whose clauses may decide: labelled lists and choice lists dropped.

    Several short lines with no sentence among them (ILAO's "An individual must be one of these to
    qualify": "a youth (17 years or younger)" / "homeless or at risk of homelessness") are a choice:
    nothing in one line binds a person who is another. "Also: ..." lines are read as they are.
    """
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if len(lines) > 1 and all(len(line.split()) <= 8 and not re.search(r"[.!]$|\bmust\b", line) for line in lines):
        return ""
    kept = [re.sub(r"^Also:\s*", "", line) for line in lines if not LABELLED_LIST.match(line)]
    if any(PARTLY.search(part) for line in kept for part in clauses(line)):
        return ""
    return "\n".join(kept)


def read(text: str | None, state: str | None = None) -> list[Found]:
    """Requirements a listing's words state, each with its clause (``state``: the listing's own state,
    needed to place a county or a city it names)."""
    if not text or not text.strip():
        return []
    text = _decidable(text)
    if not text:
        return []
    found: list[Found] = []
    lows: list[tuple[int, str]] = []
    highs: list[tuple[int, str]] = []
    for clause in clauses(text):
        if SCOPED.match(clause):
            continue  # "For emergency assistance, must have low income": one part of the service only
        if re.fullmatch(
            r"(?:none|n/?a|no\s*(?:restrictions|requirements|eligibility\s*requirements)|all|everyone|open\s*to\s*all)",
            clause,
            re.I,
        ):
            continue
        hedged = bool(HEDGE.search(clause))
        low, high = _ages(clause) if not hedged else ([], [])
        lows += [(v, clause) for v in low]
        highs += [(v, clause) for v in high]
        gender = _gender(clause)
        if gender:
            found.append(Found("gender", gender, clause))
        if _veteran(clause):
            found.append(Found("veteran", "required", clause))
        if not OTHER_PAYMENT.search(text):  # "sliding scale; Medicaid accepted": insurers are not the only way in
            found += [Found("insurance", v, clause) for v in _insurance(clause)]
        limits, low_income = _income(clause)
        if limits:
            found.append(Found("income_max_fpl", str(min(limits)), clause))
        elif low_income:
            found.append(Found("income_low", "required", clause))
        found += [Found(kind, value, clause) for kind, value in _residency(clause, state)]
        found += [Found("document", code, clause) for code in _documents(clause)]
        referral = _referral(clause)
        if referral:
            found.append(Found("referral", referral, clause))
        if _sobriety(clause):
            found.append(Found("sobriety", "required", clause))
        found += [Found("records", policy, clause) for policy in _records(clause)]
    if lows:
        value, clause = max(lows)
        found.append(Found("minimum_age", str(value), clause))
    if highs:
        value, clause = min(highs)
        found.append(Found("maximum_age", str(value), clause))
    if ALSO_SERVED.search(text):  # "younger adults with disabilities also served": the limits have a way round
        found = [f for f in found if f.kind not in ("minimum_age", "maximum_age", "gender")]
    if EVERYONE.search(text):  # "open to everyone; seniors can also sign up for the CSFP box, 130% FPL"
        found = [f for f in found if f.kind in ("document", "referral")]
    found = _across_clauses(text, found)
    if SOBER_NOT.search(text):  # "sober living only; the emergency shelter is low-barrier"
        found = [f for f in found if f.kind != "sobriety"]
    if lows and highs and max(lows)[0] > min(highs)[0]:
        found = [f for f in found if f.kind not in ("minimum_age", "maximum_age")]  # contradictory: say nothing
    return _dedupe(found)


def _across_clauses(text: str, found: list[Found]) -> list[Found]:
    """What one clause decides that another clause of the same text takes back."""
    parts = clauses(text)
    aged = [c for c in parts if AGE_CONTEXT.search(c) and re.search(r"\d", c)]
    if len(aged) > 1 and any(HEDGE.search(c) for c in aged):  # "Youth 18-21 may stay in our transitional program"
        found = [f for f in found if f.kind not in ("minimum_age", "maximum_age")]
    if any(INCOME_PRICE.search(c) and FPL.search(c) for c in parts) or re.search(
        r"regardless\s*of\s*income|\d\s*%\s*(?:fpl\s*)?for\s*(?:seniors|veterans|families|survivors|children)",
        text,
        re.I,
    ):
        found = [f for f in found if f.kind not in ("income_max_fpl", "income_low")]  # another income limit or none
    if re.search(r"\breferred\s*(?:to|elsewhere)", text, re.I):  # "male survivors are referred to partners"
        found = [f for f in found if f.kind != "gender"]
    for kind, values in (("referral", ("required", "not_required")),):
        if all(any(f.kind == kind and f.value == v for f in found) for v in values):
            found = [f for f in found if f.kind != kind]  # needed for one part, not for another
    places = {f.phrase for f in found if f.kind.startswith("residency_")}
    if len(places) > 1:  # "Placer County residents; Nevada County residents by referral": alternatives
        found = [f for f in found if not f.kind.startswith("residency_")]
    return found


def _dedupe(found: Iterable[Found]) -> list[Found]:
    seen: dict[tuple[str, str], Found] = {}
    for f in found:
        seen.setdefault((f.kind, f.value), f)
    return list(seen.values())

"""Ages a clause states: minimum and maximum, numbers in words, negated limits, someone else's age."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from ..numbers import NUMBER_WORDS
from .eligibility_lexicon import ci

NUM = r"(\d{1,2})(?![\d%])"
YEARS = r"(?:\s*(?:years?|yrs?\.?|y/?o\b)(?:\s*(?:of\s*age|old))?)?"
NOT_AGE = ci(
    r"^\s*(?:%|percent|months?|mos\b|days?|weeks?|hours?|hrs?\b|grade|th\b|st\b|nd\b|rd\b|minutes?|\$|"
    r"(?:years?|yrs?\.?)\s*(?:of\s*(?!age\b)\w+|in\s*(?:business|operation|the\s*community)|serving|experience)|"
    r"x\b|times\b|lbs?\b|pounds\b|kg\b|miles?\b|feet\b|ft\b|beds?\b|units?\b|people\b|persons\b|households\b)"
)

AGE_RANGE = [
    ci(rf"\bage[sd]?\s*(?:of\s*)?(?:between\s*|from\s*)?{NUM}\s*(?:-|–|—|to|through|thru|and)\s*{NUM}{YEARS}"),
    ci(rf"\b{NUM}\s*(?:-|–|—|to|through|thru)\s*{NUM}\s*(?:years?|yrs?\.?|y/?o\b)(?:\s*(?:of\s*age|old))?"),
    ci(rf"\bbetween\s*{NUM}\s*(?:and|-|–|to)\s*{NUM}\s*(?:years?|yrs?\.?|y/?o\b)(?:\s*(?:of\s*age|old))?"),
    ci(rf"\bmust\s*be\s*(?:between\s*)?{NUM}\s*(?:-|–|to)\s*{NUM}\b(?!\s*(?:%|percent|days?|weeks?|months?|hours?))"),
    ci(
        rf"\b(?:children|kids|youth|young (?:adults|people)|teens?|teenagers|adolescents|minors|juveniles|adults|"
        rf"seniors|persons?|people|individuals|women|men|girls|boys|students|clients|residents|applicants|participants|"
        rf"females|males|mothers|fathers|moms|dads|veterans|vets|elders|members|tay|patients)\s*(?:ages?\s*|aged\s*)?\(?{NUM}\s*(?:-|–|to|through)\s*{NUM}\b"
    ),
]
AGE_MIN = [
    ci(
        rf"\b(?:age[sd]?:?\s*)?{NUM}{YEARS}\s*(?:\+|plus\b|(?:and|or|&)\s*(?:over|older|above|up|upward|more\b|better\b))"
    ),
    ci(rf"\b(?:age[sd]?\s*)?{NUM}\s*(?:years?|yrs?\.?)?\s*(?:of\s*age\s*)?(?:and|or)\s*(?:older|over)"),
    ci(rf"\b(?:at\s*least|minimum\s*(?:age\s*)?(?:of|is)?:?|min\.?\s*age:?)\s*(?:age\s*)?{NUM}{YEARS}"),
    ci(
        rf"\bmust\s*be\s*{NUM}{YEARS}\s*(?:or\s*older|or\s*over|\+)?"
        rf"(?!\s*(?:-|to)|[\w\s]{{0,24}}?\bor\s*(?:younger|under|less|below))"
    ),
]
AGE_OVER = ci(
    rf"(?<!\bno\s)(?<!\bnot\s)\b(?:over|older\s*than|above)\s*(?:the\s*)?(?:age\s*(?:of\s*)?)?{NUM}(?!\s*(?:%|percent))"
)
AGE_MAX = [
    ci(rf"\b(?:age[sd]?\s*)?{NUM}{YEARS}\s*(?:and|or)\s*(?:under|younger|below)"),
    ci(
        rf"\b(?:up\s*to(?:\s*and\s*including)?|not?\s*older\s*than|maximum\s*age(?:\s*(?:of|is))?:?)\s*(?:age\s*)?{NUM}{YEARS}"
        r"(?!\s*(?:%|percent))"
    ),
]
AGE_UNDER = ci(rf"\b(?:under|younger\s*than|below)\s*(?:the\s*)?(?:age\s*(?:of\s*)?)?{NUM}(?!\s*(?:%|percent))")
#: Negated limits say the opposite of the bare words: "no one under 18" is a minimum, "must not be over 64"
#: a maximum (read bare, each gave the inverse limit: a wrong "fits" for exactly the people excluded).
NEGATED = (
    r"(?:no\s*one|nobody|no\s*(?:persons?|people|children|kids|youth|minors|adults|individuals)|"
    r"(?:must|shall|can)\s*not|cannot|can't)\s*(?:be\s*)?"
)
NEG_MIN = ci(rf"\b{NEGATED}(?:under|younger\s*than|below)\s*(?:the\s*)?(?:age\s*(?:of\s*)?)?{NUM}")
NEG_MAX = ci(rf"\b{NEGATED}(?:over|older\s*than|above)\s*(?:the\s*)?(?:age\s*(?:of\s*)?)?{NUM}")
AGE_CONTEXT = ci(
    r"\b(?:age[sd]?|years?|yrs?|old|older|younger|over|under|above|below|youth|adults?|seniors?|children|kids|teens?|"
    r"and\s*up|or\s*better)\b|\+|\b(?:residents|applicants|participants|clients|patients|women|men|girls|boys|people|persons|individuals)\s*\d|\bmust\s*be\s*(?:at\s*least\s*)?\d|\bat\s*least\s*\d"
)
#: An age limit with another way in ("65+ or disabled", "and their caregivers"), or a price by age.
AGE_NOT = ci(
    r"\bor\s*(?:are\s*)?(?:\w+\s*){0,2}?(?:disabled|(?:persons?|people|adults|individuals)\s*with\s*(?:a\s*)?disabilit\w*|"
    r"with\s*(?:a\s*)?disabilit\w*|(?:have|has)\s*(?:a\s*)?disabilit\w*)|\bcaregivers?\b|\baccompanied\b|\bfees?\b|\$|\bcosts?\b|\bcharged?\b|\bfree\s*(?:for|to)\b|"
    r"\b(?:and|or)\s*(?:younger\s*|older\s*)?(?:adults|persons?|people|individuals)\s*with\b|\band\s*(?:their|his|her)\s*(?:famil\w*|parents?|guardians?)|(?:\band|&)\s*(?:their\s*|her\s*|his\s*)?(?:minor\s*)?(?:children|kids)\b|(?<!\d)(?<!\d\s)\bor\s*(?:younger|older)\s*(?:with|if|who)\b|"
    r"\bor\s*(?:an?\s*)?(?:emancipated|minors?\b)|\band\s*pregnant\b|\balso\s*(?:served|eligible|welcome)\b|"
    r"\bfor\s*(?:the\s*)?(?:[\w-]+\s*){1,2}(?:classes|class|lunch|meals?)\b|"
    r"\b(?:parent\w*|guardian\w*)\s*(?:consent|permission|signature|approval|sign\w*)|"
    r"\b(?:eat|ride|stay|enter|get\s*in)s?\s*free\b|\bto\s*(?:volunteer|donate|drive|work\s*here)\b|\bany\s*age\b|"
    r"\bhead\s*of\s*(?:the\s*)?household\b|\b(?:with|accompanied\s*by)\s*(?:a\s*)?(?:parent|guardian)|"
    # a group with a disability named first, beside the aged ("people with disabilities and seniors 60+", round 11)
    r"\b(?:(?:people|persons?|adults|individuals|those|anyone)\s*with\s*(?:a\s*)?disabilit\w*|disabled\s*"
    r"(?:people|persons|adults|individuals|residents|veterans))\s*(?:,\s*|and\s*|or\s*|&\s*|/\s*)+"
    r"(?:(?:low-income|older|elderly)\s*)?(?:seniors|elders|older\s*adults|people|persons|adults|residents|anyone)\b"
)
#: The age of a conviction, a record or a sentence ("felony convictions older than 5 years"), not a person's.
NOT_A_PERSON = ci(
    r"\b(?:convictions?|offen[cs]es?|felon(?:y|ies)|records?|histor(?:y|ies)|sentences?|charges?|cases?|arrests?)\s+"
    r"(?:\w+\s+)?(?:older|younger|more|less|over|under)\s+than\b"
)
#: "Up to 2 years" with no word of age ("age", "old", a person named by age): a length of stay, not an age.
DURATION = ci(r"up\s*to\s*\d{1,2}\s*(?:years?|yrs?\.?)")
PERSON_AGE = ci(
    r"\bage[sd]?\b|\bold\b|\b(?:children|kids|youth|young\s*(?:adults|people)|teens?|teenagers|adolescents|minors|"
    r"juveniles|infants|toddlers|babies|boys|girls|seniors)\b"
)
#: Words inside an age expression that make it a person's age, not a length of time ("for ages 12-17", "for 18+").
PERSON_WORDS = ci(
    r"^\s*(?:age[sd]?|children|kids|youth|young|teens?|teenagers|adolescents|minors|juveniles|adults|seniors|persons?|"
    r"people|individuals|women|men|girls|boys|students|clients|residents|applicants|participants)\b|\+|\bold\b|\bolder\b|\byounger\b|\band\s*up\b|\bof\s*age\b"
)
#: Ages of someone else (a parent "of children under 5"): not the person's own age.
DEPENDENT_AGE = ci(
    r"\b(?:with|of|has|have|having|caring\s*for|raising|parents?|famil\w*|pregnant|custody)\b.{0,40}?"
    r"\b(?:child\w*|kids|bab(?:y|ies)|infants?|dependents?|sons?|daughters?|minors?|grandchild\w*)\b"
)


_UNITS = NUMBER_WORDS[:20]  # zero ... nineteen; twenty and up are tens
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
NUMBER_WORD = ci(
    rf"\b(?:({'|'.join(_TENS)})(?:[- ]({'|'.join(_UNITS[1:10])}))?|({'|'.join(_UNITS[2:])}))\b(?:\s*\((\d{{1,2}})\))?"
    r"(?!\s*(?:hundred|thousand|percent|%))"
)


#: Spanish age limits in their English words, so the one grammar and these readers read both: "de 18 años
#: o más", "de 16 a 21 años". Only closed shapes that state one limit plainly: not "mayores de 18" (older than
#: 18, or 18 and older? Spanish listings use it for both).
SPANISH_AGES: Final = (
    (ci(r"\b(\d{1,2})\s*años\s*(?:o|y)\s*m[aá]s\b"), r"\1 years or older"),
    # "de 16 a 21 años de edad": "de edad" (of age) adds nothing
    (ci(r"\bde\s*(\d{1,2})\s*a\s*(\d{1,2})\s*años(?:\s*de\s*edad)?\b"), r"\1 to \2 years"),
    (ci(r"\bentre\s*(?:los\s*)?(\d{1,2})\s*y\s*(?:los\s*)?(\d{1,2})\s*años(?:\s*de\s*edad)?\b"), r"\1 to \2 years"),
    (ci(r"\b(\d{1,2})\s*años\s*(?:en\s*adelante|y\s*mayores)\b"), r"\1 years or older"),
    (ci(r"\ba\s*partir\s*de\s*(?:los\s*)?(\d{1,2})\s*años\b"), r"\1 years or older"),
    # "menores de 25 años" is under 25; "mayores de 60 años" stays unread (60 and up, or over 60?)
    (ci(r"\bmenores\s*de\s*(\d{1,2})\s*años\b"), r"under \1 years"),
    (ci(r"\bhasta\s*(?:los\s*)?(\d{1,2})\s*años\b"), r"up to \1 years"),
)

#: A limit said as a birthday: "until your 26th birthday", "who have not yet turned 25" are "under 26", "under 25".
BIRTHDAYS: Final = (
    (
        ci(r"\b(?:until|before)\s+(?:your|their|the\s+person's|one's)\s+(\d{1,2})(?:st|nd|rd|th)\s+birthday\b"),
        r"under \1",
    ),
    (ci(r"\b(?:who\s+)?(?:have|has)\s+not\s+(?:yet\s+)?turned\s+(\d{1,2})\b(?!\s*(?:%|percent))"), r"under \1"),
    # "must not have reached age 22", "must not yet be 22 years old": under 22; "must have reached age 62",
    # "who have turned 18": 62, 18 and older
    (
        ci(
            r"\b(?:not|n't)\s+(?:yet\s+)?(?:have\s+)?(?:reached|attained)\s+(?:the\s+)?(?:age\s+(?:of\s+)?)?(\d{1,2})\b"
            r"(?!\s*(?:%|percent|days?|weeks?|months?|years\s+(?:of|in|at)))"
        ),
        r"be under \1",
    ),
    (ci(r"\bnot\s+yet\s+(?:be\s+)?(\d{1,2})(?:\s*(?:years?|yrs?)\s*(?:old|of\s+age))?(?![\d%])"), r"be under \1"),
    (
        ci(
            r"\b(?:have|has)\s+(?:already\s+)?(?:reached|attained|turned)\s+(?:the\s+)?(?:age\s+(?:of\s+)?)?(\d{1,2})\b"
            r"(?!\s*(?:%|percent|days?|weeks?|months?))"
        ),
        r"be \1 or older",
    ),
    # "must have reached your 21st birthday": 21 and older
    (
        ci(
            r"\b(?:have|has)\s+(?:already\s+)?(?:reached|turned|celebrated)\s+(?:your|their|his|her)\s+(\d{1,2})(?:st|nd|rd|th)\s+birthday\b"
        ),
        r"be \1 or older",
    ),
)


@lru_cache(maxsize=4096)
def digits(clause: str) -> str:
    """Ages written in words ("sixteen (16)", "eighteen and up") as digits, so one grammar reads both (cached:
    the grammar, its doubts and the age reader each ask for the same clause)."""

    def number(m: re.Match[str]) -> str:
        tens, unit, alone, shown = m.groups()
        value = (
            _TENS[tens.lower()] + (_UNITS.index(unit.lower()) if unit else 0) if tens else _UNITS.index(alone.lower())
        )
        return str(value) if shown is None or int(shown) == value else m.group(0)

    for pattern, english in (*SPANISH_AGES, *BIRTHDAYS):
        clause = pattern.sub(english, clause)
    if re.search(r"\b(?:hundred|thousand)\b", clause, re.I):
        return clause  # "one hundred fifty percent": an amount, not an age
    return NUMBER_WORD.sub(number, clause)


def _no_age_limit(clause: str) -> bool:
    """A clause whose numbers are no limit on the person's own age: none in age words, someone else's,
    another way in, school grades, or the ages a limit keeps out ("clients under 18 are not admitted")."""
    if (
        not AGE_CONTEXT.search(clause)
        or (DEPENDENT_AGE.search(clause) and not _children_aged(clause))
        or NOT_A_PERSON.search(clause)
        or AGE_NOT.search(clause)
        or (re.search(r"\bgrades?\b", clause, re.IGNORECASE) and not re.search(r"\bage", clause, re.IGNORECASE))
    ):
        return True
    return bool(
        re.search(
            r"\bnot\s*(?:be\s*)?(?:admitted|accepted|eligible|allowed|served|permitted)|\bineligible\b|\bexcluded\b|"
            r"\b(?:cannot|can't|won't|will\s*not)\s*(?:be\s*)?(?:admitted|accepted|served|enrolled|enroll)\b",
            clause,
            re.I,
        )
    ) and not (NEG_MIN.search(clause) or NEG_MAX.search(clause))


#: The children a parent has, just before an age ("with children under 5", "w/ kids ages 0-5"): their age.
CHILDREN_S = (
    r"\b(?:with|w/|having)\s+(?:their\s+|her\s+|his\s+)?(?:own\s+)?(?:minor\s+|dependent\s+|young\s+)?"
    r"(?:children|kids|a\s+child|an?\s+infant|infants|babies|toddlers)\s*$"
)
CHILDRENS = re.compile(CHILDREN_S, re.IGNORECASE)


#: ... followed by their age ("with children under 5", "w/ kids ages 0-5").
CHILDREN_AGED = ci(
    r"\b(?:with|w/|having)\s+(?:their\s+|her\s+|his\s+)?(?:own\s+)?(?:minor\s+|dependent\s+|young\s+)?"
    r"(?:children|kids|a\s+child|an?\s+infant|infants|babies|toddlers)\s+(?=under\b|ages?\b|aged\b|up\s+to\b|\d)"
)
_CHILD_WORD = ci(
    r"\b(?:child\w*|kids|bab(?:y|ies)|infants?|toddlers|dependents?|sons?|daughters?|minors?|grandchild\w*)\b"
)


def _children_aged(clause: str) -> bool:
    """Every child the clause names is one of a parent's with the children's age said right after ("Women 18-30
    with children under 5"): that age is theirs (``ages`` skips it) and the parent's age stands (round 12)."""
    aged = len(CHILDREN_AGED.findall(clause))
    return aged > 0 and aged == len(_CHILD_WORD.findall(clause))


def ages(clause: str) -> tuple[list[int], list[int]]:
    """Minimum and maximum ages a clause states (empty when it states none, or hedges)."""
    clause = digits(clause)
    lows: list[int] = []
    highs: list[int] = []
    if _no_age_limit(clause):
        return lows, highs
    taken: list[tuple[int, int]] = []

    def free(m: re.Match[str]) -> bool:
        after = clause[m.end() :]
        if NOT_AGE.match(after) or clause[max(0, m.start(1) - 1) : m.start(1)] == "$":
            return False
        if re.search(
            r"\b(?:for|since|in\s*business|serving\s*[\w\s]{0,30}?for)\s*$", clause[: m.start()], re.I
        ) and not (
            PERSON_WORDS.search(m.group(0)) or re.match(r"\s*(?:years?|yrs?\.?)?\s*(?:old|of\s*age)\b", after, re.I)
        ):
            return False  # "serving the community for over 40 years": how long, not how old ("for ages 12-17" is)
        if re.search(r"\b(?:not|no|never|n't)\s*(?:be\s*)?$", clause[: m.start()], re.I):
            return False  # a negation the patterns above did not read: its sense is not the bare words'
        named = re.match(r"(?:children|kids|infants|babies|toddlers)\s+", m.group(0), re.I)  # "kids ages 0-5"
        if CHILDRENS.search(clause[: m.start()] + (named.group(0) if named else "")):
            return False  # "Women 18-30 w/ children under 5": the children's age, not the parent's (round 12)
        if DURATION.fullmatch(m.group(0)) and not PERSON_AGE.search(clause):
            return False  # "Transitional housing. Up to 2 years.": how long one stays, not how old
        bare_years = re.search(r"\d\s*(?:years?|yrs?\.?)$", m.group(0), re.I)
        if bare_years and re.match(r"\s*(?:of\s+(?!age\b)|ago\b)", after, re.I):
            return False  # "up to 2 years of transitional housing", "5 years ago": a length of time

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


#: "in the last 5 years", "for 2 years", "one year of continuous sobriety", "3 years ago": a time, not an age.
_TIME_BEFORE = re.compile(r"\b(?:last|past|within|for|since|after|every|than)\s+(?:the\s+)?(?:at\s+least\s+)?$", re.I)
_TIME_AFTER = re.compile(r"^\s*(?:of\s+(?!age\b)|ago\b|in\s+(?:prison|jail|business))", re.I)


def duration(clause: str, m: re.Match[str]) -> bool:
    """A number of years that is a length of time, not a person's age (spans neither parse nor doubt it)."""
    if re.search(r"\d$", m.group(0)) and re.match(
        r"\s*(?:months?|mos\b|weeks?|wks?\b|days?|hours?|hrs?\b|lbs?\b|pounds|kg\b|miles?\b|feet|ft\b|-?beds?\b|units?\b|"
        r"%|percent|dollars|minutes?|mins?\b)",
        clause[m.end() :],
        re.I,
    ):
        return True  # "for at least 6 months", "at least 30 days": a length, the bound's number is no age
    if not re.search(r"\d{1,2}\s*(?:years?|yrs?\.?)$", m.group(0), re.I):
        return False  # "18 years old", "18 years of age", "18+": an age
    if _TIME_AFTER.match(clause[m.end() :]):  # "up to 2 years of transitional housing", "3 years ago"
        return True
    if re.search(
        r"\b(?:stay|stays|last|lasts|lasting|length|term|max(?:imum)?)\s*(?:of\s*|is\s*)?(?:up\s*to\s*|for\s*)?$",
        clause[: m.start()],
        re.I,
    ):
        return True  # "Stay up to 3 years", "maximum stay of 2 years": how long, not how old
    return bool(
        re.fullmatch(r"\d{1,2}\s*(?:years?|yrs?\.?)", m.group(0), re.I) and _TIME_BEFORE.search(clause[: m.start()])
    )

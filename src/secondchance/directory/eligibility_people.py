"""Who a clause says is served by gender, and veterans only."""

from __future__ import annotations

import re

from .eligibility_lexicon import HEDGE, ci

FEMALE = ci(r"\b(?:women|woman|womens|females?|girls|mothers|moms|ladies|lady|mujeres)\b|\bwomen's\b")
MALE = ci(r"\b(?:men|man|mens|males?|boys|fathers|dads|gentlemen|hombres|guys)\b|\bmen's\b")
ALL_GENDERS = ci(
    r"\b(?:all\s*genders?|any\s*gender|regardless\s*of\s*gender|transgender|trans|non-?binary|gender[- ]?(?:diverse|"
    r"queer|expansive|identity)|lgbt\w*|families|family|couples?|parents?|both|everyone|anyone|co-?ed)\b"
)
GENDER_ONLY = ci(
    r"\b(?:only|serves?|for|exclusively|shelter|program|house|home|residence|veterans?|aged?|ages|over|\d{1,2}|"
    r"single|pregnant|homeless|who|with|and\s*(?:their|her|his)\s*children|and\s*children)\b"
)


#: "Women's health", "men's clinic": the name of a field of care (or of a clinic), which does not say who is
#: turned away (round 8's labeller); "Women's recovery home", "Men's shelter" still are.
CARE_FIELD = ci(
    r"\b(?:women|men|woman|man)(?:'s|s)?\s+(?:(?:health|wellness|medical|medicine)\b|(?:[\w-]+\s+){0,2}"
    r"(?:clinics?|health\s*cent(?:er|re)s?|hospitals?)\b)"
)


def gender(clause: str) -> str | None:
    female, male = FEMALE.search(clause), MALE.search(clause)
    if bool(female) == bool(male) or ALL_GENDERS.search(clause) or HEDGE.search(clause):
        return None
    if re.search(r"\bnot\b|\bno\b|\bexcept\b|\bvictims?\b.*\bby\b|-identified\b", clause, re.IGNORECASE):
        return None
    if CARE_FIELD.search(clause):
        return None  # "Women's health clinic": a field of care, not a door closed to men
    if re.search(  # "children under 5 and pregnant women": the children are of any gender
        r"\b(?:children|kids|youth|adults|seniors|people|persons|individuals|infants|families)\b[^;]*?\b(?:and|or)\s+"
        r"(?:pregnant\s+|single\s+)?(?:women|men|mothers|fathers|girls|boys)\b",
        clause,
        re.IGNORECASE,
    ):
        return None
    return "female" if female else "male"


#: A DD-214 alone is a paper to bring, not who is served (two blind labellers read it so): not read.
VETERAN = ci(
    r"\bveterans?\b|\bveteran[oa]s?\b|\bvets\b|\bex-?military\b|\bformer\s*(?:military|service\s*members?)\b|\bhonorabl[ey]\s*discharged?\b|"
    r"\b(?:must\s*have|who\s*(?:have\s*|has\s*)?|those\s*who)\s*served\s*in\s*the\s*(?:u\.?s\.?\s*)?(?:armed\s*forces|military)\b"
)
VETERAN_NOT = ci(
    r"\b(?:famil(?:y|ies)|spouses?|widows?|dependents?|survivors?|caregivers?|children|active[- ]duty|reserv\w*|"
    # a guard's members are others ("National Guard members and veterans"); "Coast Guard veterans" are veterans
    r"guard(?!\s*(?:veterans?|vets)\b)|(?<!former\s)service\s*members?|military\s*members?|non-?veterans?|regardless|also|including|welcome|and\s*others|"
    r"or\s*(?!veteran)\w+|not|no(?!\s*exceptions?)|funded|foundation|affairs|administration|benefits|hospitals?|"
    r"day|memorial|owned|staffed|hall|building|blvd|boulevard|highway|parkway|park|plaza|bridge|by\s*veterans|"
    r"discounts?|founded|fellow|village|anyone(?!\s*who\s*(?:has\s*)?served\b)|everyone|hires?|hiring|consider\w*|"
    r"veterans?\s*(?:who|and\s*volunteers))\b"
)


#: Which discharge a veteran must have ("an honorable or general discharge", "whose discharge was honorable or
#: general", "any discharge status"): a condition on the veteran that narrows or keeps the limit, never widens it.
_DISCHARGE_KIND = r"(?:honorabl[ey]|general(?:ly)?|other[- ]than[- ]dishonorabl[ey])"
DISCHARGE = ci(
    rf"\b(?:with\s+)?(?:an?\s+)?{_DISCHARGE_KIND}(?:\s*(?:,\s*|(?:,\s*)?(?:or|and|/)\s*){_DISCHARGE_KIND})*\s+"
    rf"(?:discharged?|discharge\s+status)\b|"
    rf"\b(?:whose\s+)?discharge\s+(?:was|is|status\s+(?:is|of))\s+{_DISCHARGE_KIND}(?:\s+(?:or|and|/)\s+{_DISCHARGE_KIND})?\b|"
    r"\b(?:with\s+)?any\s+discharge(?:\s+status)?\b"
)


#: The branches of the armed forces, one or a list ("the Army, Navy, Air Force, Marines or Coast Guard").
_BRANCH = r"(?:army|navy|air\s+force|marines|marine\s+corps|coast\s+guard|national\s+guard|space\s+force)"
BRANCHES = rf"{_BRANCH}(?:\s*(?:,\s*(?:or\s+|and\s+)?|\s+or\s+|\s+and\s+)(?:the\s+)?{_BRANCH})*\b"
SERVED_IN = ci(rf"\b(?:who\s+(?:have\s+|has\s+)?|those\s+who)\s*served\s+in\s+the\s+{BRANCHES}")


def veteran(clause: str) -> bool:
    clause = SERVED_IN.sub(" veterans ", clause)  # "those who served in the Army, Navy ... or Coast Guard" (round 13)
    clause = DISCHARGE.sub(" honorable discharge ", clause) if VETERAN.search(clause) else clause
    return bool(VETERAN.search(clause)) and not VETERAN_NOT.search(clause) and not HEDGE.search(clause)

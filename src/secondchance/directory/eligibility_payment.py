"""Insurance taken and income limits (% of poverty, low income) a clause states."""

from __future__ import annotations

import re
from typing import Final

from .eligibility_lexicon import HEDGE, MEDICAID_NAMES, PRIVATE_NAMES, ci

UNINSURED = ci(
    r"\b(?:uninsured|no\s*(?:health\s*|medical\s*)?insurance|without\s*(?:any\s*)?(?:health\s*|medical\s*)?insurance|"
    # round 13: "with no health coverage"
    r"(?:no|without)\s*(?:any\s*)?(?:health|medical)\s*coverage|"
    r"without\s*access\s*to\s*health\s*care|(?:do|does|did)\s*not\s*have\s*(?:health\s*|medical\s*)?insurance|"
    r"not\s*covered\s*by\s*(?:any\s*)?(?:health\s*)?insurance|lack(?:s|ing)?\s*(?:health\s*)?insurance)\b"
)
INSURERS: Final = (
    (
        "medicaid",
        re.compile(rf"(?i:\b(?:{MEDICAID_NAMES})\b)|\bMediCal\b"),
    ),
    ("medicare", ci(r"\bmedicare\b")),
    ("private", ci(rf"\b(?:private|commercial)\s*(?:health\s*)?(?:insurance|plans?)\b|\b(?:{PRIVATE_NAMES})\b")),
)
ACCEPTS = ci(
    r"\b(?:accept\w*|acepta\w*|take[sn]?|bill\w*|must\s*have|must\b.{0,40}?\band\s*have|must\s*be\s*on|required|only|enrolled\s*in|covered\s*by|beneficiar\w*|recipients|"
    r"members|part\s*[abcd]|with|who\s*(?:have|has|are\s*on|is\s*on)|on(?=\s*(?:medi|mass|apple|ahcccs|tenn|sooner|healthy|health\s*first|nj|maine|denti|badger|kan|hoosier)))\b"
)
#: Other ways to pay named beside the insurers: they are not the only way in.
OTHER_PAYMENT = ci(
    r"\b(?:cash|checks?|credit|(?:self|private)[- ]pay(?:ment|ing)?|pay\s*privately|"
    r"sliding|out[- ]of[- ]pocket|donations?|vouchers?|others\s*(?:are\s*)?billed|"
    r"free\s*(?:for|to)|"
    # Spanish: a fee by income ("pago según sus ingresos"), a sliding scale (round 12)
    r"pago\s*seg[uú]n\s*(?:sus\s*|los\s*)?ingresos|escala\s*(?:m[oó]vil|variable|de\s*pago)|tarifa\s*(?:m[oó]vil|variable))\b"
)


def insurance(clause: str) -> list[str]:
    if OTHER_PAYMENT.search(clause):
        return []  # other ways to pay are taken too: the insurers named are not the only way in
    insurers = [code for code, pattern in INSURERS if pattern.search(clause)]
    # "For TennCare members (only)": the clause is the people served, not a rule for some of them
    # ... or a service named before it ("Dental van for MaineCare members", round 13), never a rule ("referral
    # required for Medi-Cal patients")
    served = re.fullmatch(
        r"\s*(?:(?!.*\b(?:required|needed|necessary|referrals?|must|copays?|fees?|costs?|discounts?|free\s+(?:for|to))\b)"
        r"[\w'-]+(?:\s+[\w'-]+){0,5}\s+)?for\s*[\w\s-]{1,40}?\s*(?:members|patients|enrollees|beneficiaries|recipients)\s*"
        r"(?:only)?\s*[.!]?\s*",
        clause,
        re.I,
    ) or re.fullmatch(  # "For patients without health insurance": who is served
        r"\s*(?:[\w'-]+(?:\s+[\w'-]+){0,5}\s+)?for\s*(?:[\w-]+\s*){0,2}?(?:patients|people|adults|clients|individuals)\s+"
        r"(?:without|with\s+no)\s+(?:any\s+)?(?:health\s+|medical\s+)?(?:insurance|coverage)\s*[.!]?\s*",
        clause,
        re.I,
    )
    if not served and re.search(
        # "referral required for Medi-Cal patients"
        r"\bfor\s*(?:the\s*)?(?:[\w-]+\s*){0,2}?(?:patients|members|clients|enrollees|beneficiaries|"
        r"services?|care|"
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
        r"\bnot\s*(?:accept|take|required)|\bno\b|\bhelp\w*|\bappl(?:y|ying|ication)\b|\benrollment\b|(?<!medical\s)\bassist\w*",
        clause,
        re.I,
    ):
        return []
    if HEDGE.search(clause):
        return []
    return insurers


FPL = ci(
    r"(\d{2,3})\s*(?:%|percent|pct\b)\s*(?:of\s*)?(?:the\s*)?(?:current\s*)?(?:federal\s*|national\s*|hhs\s*)?"
    r"(?:poverty|fpl\b|fpg\b|fpig\b)"
)
FPL_NOT = ci(r"\b(?:above|over|more\s*than|exceed\w*|greater\s*than|between|from|ami|median|smi|state\s*median)\b")
#: "not to exceed", "cannot be more than", "no greater than": the words of a ceiling, negated.
CAPPED = ci(
    r"\bnot\s*(?:to\s*)?exceed|(?:\bnot|n't|\bcannot)\s*(?:be\s*)?(?:over|above|more\s*than|greater\s*than)|"
    r"\bno\s*(?:more|greater|higher)\s*than"
)
#: An income that sets a price ("free under 125% FPL; sliding scale to 200%"), not who is served.
#: "Free" is a price when it says for whom or when ("free for seniors", "free under 125% FPL"); opening a service's
#: name ("Free eviction defense for tenants under 200% of poverty") it is the service, and the limit is who gets it.
INCOME_PRICE = ci(
    r"\bfree\s*(?:for|to|if|under|below|when|of\s*charge|up\s*to|at)\b|\bfree\s*[.!]?\s*$|\bat\s*no\s*cost\b|"
    r"\b(?:sliding|discount\w*|fees?|pay|cost|charge)\b"
)
LOW_INCOME = ci(
    r"\b(?:low[- ]?income|low\s*(?:or|and|/)\s*no\s*income|no\s*(?:or|and|/)\s*low\s*income|limited\s*income|"
    r"economically\s*disadvantaged|"
    r"(?:meets?|must\s*meet)\s*(?:the\s*)?(?:low[- ]?)?income\s*"
    r"(?:guidelines|requirements|"
    r"limits|criteria)|financial(?:ly)?\s*(?:eligible|needy|need|hardship)|of\s*(?:limited|modest)\s*means|(?:very\s*)?poor|indigent)\b"
)


NONE_OR_LOW = ci(
    r"\b(?:no|zero)\s*(?:or|and|/)\s*low[- ]?income|\blow[- ]?income\s*(?:or|and|/)\s*(?:no|zero)[- ]?income"
)


def income(clause: str) -> tuple[list[int], bool]:
    if INCOME_PRICE.search(clause) or HEDGE.search(re.sub(r"\bvar(?:y|ies)\b", "", clause, flags=re.I)):
        return [], False
    limits = []
    for m in FPL.finditer(clause):
        before = clause[: m.start()][-40:]
        if not FPL_NOT.search(before) or CAPPED.search(before):
            limits.append(int(m.group(1)))
    if re.search(r"\b(?:between|from)\b", clause, re.IGNORECASE):
        limits = []
    clause = NONE_OR_LOW.sub("low income", clause)  # "zero or low income": one limit, not another way in
    low = bool(LOW_INCOME.search(clause)) and not re.search(
        r"\bnot\s*(?:required|necessary)|\bno\s*income\s*(?:limit|requirement|restriction)|regardless\s*of\s*income|"
        r"any\s*income|\bor\s*(?:\w+\s*)?low[- ]?income|\blow[- ]?income\s*(?:\w+\s*)?or\b|\b(?:poor|indigent)\s*or\b|"
        r"\bor\s*(?:poor|indigent)\b|moderate[- ]income|\bhud\b|tax\s*credit|lihtc|\bami\b|area\s*median|"
        # an affordable apartment's "low income" is an area-median limit we do not read
        r"\baffordable\b|\bapartments?\b|\bsection\s*8\b",
        clause,
        re.I,
    )
    return limits, low and not limits

"""What a clause asks before one is served: documents, a referral, sobriety."""

from __future__ import annotations

import re
from typing import Final

from .eligibility_lexicon import AGENT, HEDGE, ci

DOCUMENT_PATTERNS: Final = (
    ("photo_id", ci(r"\b(?:photo|picture|valid|government[- ]issued|state|current|military|consular)\s*"
                     r"(?:id\b|i\.d\.|identification\b)|"
                     r"(?-i:\bID\b)|\bdriver'?s'?\s*licen[cs]e\b|\bid\s*card\b|\bidentification\b|\bpassport\b|"
                     r"\bidentificaci[oó]n(?:\s*(?:con\s*foto|oficial))?\b")),
    # "SSN" alone, or "Social Security number", is the number, not the card (round 8's and round 11's labellers)
    ("ssn_card", ci(r"\bsocial\s*security\s*cards?\b|\bss\s*cards?\b|\bssn\s*cards?\b")),
    ("birth_certificate", ci(r"\bbirth\s*certificates?\b|\bactas?\s*de\s*nacimiento\b")),
    ("proof_of_income", ci(r"\bproof\s*of\s*(?:all\s*)?(?:household\s*)?income\b|\bpay\s*stubs?\b|"
                            r"\btalon(?:es)?\s*de\s*cheques?\b|"
                            r"\bproof\s*of\s*(?:[a-z]+\s+){1,2}(?:and|&)\s*(?:household\s*)?income\b|\bw-?2s?\b|\b1099s?\b|"
                            r"\bincome\s*verification\b|\b(?:last|past)\s*(?:\d{1,2}|two|three)\s*(?:days|weeks|months)\s*of\s*(?:income|pay\s*stubs?)\b|\bcomprobantes?\s*de\s*ingresos?\b|\btax\s*returns?\b|\bbenefit\s*award\s*letter\b|"
                            r"\b(?:ssi|ssdi|ssa|benefits?)(?:\s*/\s*(?:ssi|ssdi|ssa))?\s*(?:award\s*)?letters?\b|"
                            r"\b(?:last|most\s*recent|recent)\s*(?:\d{1,2}\s*|two\s*|three\s*)?(?:(?:days?|weeks?|months?)(?:'s)?\s*"
                            r"(?:of\s*)?)?pay\s*stubs?\b")),
    ("proof_of_residency", ci(r"\bproof\s*of\s*(?:[A-Z][a-z]+\s*){0,3}(?:residen\w*|address)\b|\butility\s*bill\b|"
                               r"\b(?:a\s*)?piece\s*of\s*mail(?:\s*(?:with|showing)\s*(?:your|an?)\s*(?:current\s*)?address)?|"
                               r"\b(?:mail|bill|letter|lease)\s*(?:with|showing)\s*(?:your|an?)\s*(?:current\s*)?address\b|"
                               r"\blease\s*agreement\b|\b(?:comprobantes?|pruebas?)\s*de\s*(?:domicilio|direcci[oó]n|residencia)\b")),
    ("release_papers", ci(r"\b(?:release|parole)\s*(?:papers|documents|paperwork|form|certificate)\b|"
                           r"\b(?:discharge\s*certificate|certificate\s*of\s*(?:release|discharge)|gate\s*papers)\b|"
                           r"\bdischarge\s*papers\s*from\s*(?:prison|jail)\b")),
)  # fmt: skip
DOCUMENT_NEEDED = ci(
    r"\b(?:bring|brings|required|requires?|must\s*(?:have|show|provide|present|bring)|need(?:ed|s)?|"
    r"documents?:|documentation|proof|present|show|provide|with|have|a\s*must|"
    r"traiga[ns]?|traer|se\s*requiere|requerid[oa]s?|presente|comprobantes?)\b"
)
DOCUMENT_NOT = ci(
    r"\b(?:no|not|without|help\w*|assist\w*|obtain\w*|replac\w*|get(?:ting)?|apply(?:ing)?\s*for|lost|"
    r"if\s*(?:you\s*)?(?:have|available)|helpful|optional|if\s*possible)\b"
)


#: An insurer's or a benefit's card ("your AHCCCS ID card", "Medicare card", "insurance card", "EBT card"): proof of
#: coverage, not a photo ID (round 8's labeller); what it proves is read, if at all, as insurance.
INSURANCE_CARD = ci(
    r"\b(?:medicaid|medi-?cal|medicare|masshealth|apple\s*health|ahcccs|tenncare|soonercare|insurance|health\s*plan|"
    r"(?:health\s*)?plan|member(?:ship)?|medical|benefits?|ebt|snap|wic|calfresh|bic)\s*(?:id\s*|i\.d\.\s*)?cards?\b"
)


def _examples_dropped(clause: str) -> str:
    """The clause without brackets that only give examples of the paper just named ("proof of income (pay stubs
    or benefit letter)"): their "or" chooses between examples, not between papers. Brackets naming another paper
    ("birth certificate (or passport)") stay."""

    def drop(m: re.Match[str]) -> str:
        inside = {code for code, pattern in DOCUMENT_PATTERNS if pattern.search(m.group(1))}
        before = {
            code for code, pattern in DOCUMENT_PATTERNS if pattern.search(clause[max(0, m.start() - 40) : m.start()])
        }
        return " " if inside and inside <= before else m.group(0)

    return re.sub(r"\(([^()]{1,80})\)", drop, clause)


def documents(clause: str, alone: bool = False) -> list[str]:
    """The papers a clause asks for (``alone``: the clause names papers and nothing else, in a text that does not
    offer papers: "Copy of your birth certificate" in a listing's eligibility is a paper asked for)."""
    clause = INSURANCE_CARD.sub(" ", clause)
    clause = re.sub(r"\(\s*no\s*(?:photo)?copies\s*\)", " ", clause, flags=re.I)  # "(no copies)": the original asked
    if (not alone and not DOCUMENT_NEEDED.search(clause)) or DOCUMENT_NOT.search(clause) or HEDGE.search(clause):
        return []
    codes = [code for code, pattern in DOCUMENT_PATTERNS if pattern.search(clause)]
    listed = _examples_dropped(clause)  # "Proof of income (pay stubs or benefit letter)": one paper, its examples
    another_way = re.search(r"\bor\s*(?:we|sign|call|self|verify|other)", listed, re.I)
    if re.search(r"\bor\b", listed, re.I) and (len(codes) > 1 or another_way):
        return []  # "a birth certificate or a passport": either will do, so neither is required
    return codes


#: Words of a text that offers papers ("help getting birth certificates", "free ID vouchers", "replacement Social
#: Security cards"): a paper named alone there is what is offered, not asked.
PAPERS_OFFERED = ci(
    r"\b(?:help\w*|obtain\w*|replac\w*|get(?:ting)?|apply(?:ing)?\s*for|assist\w*|vouchers?|free|fees?|"
    r"request\w*|order\w*|copies\s*of\s*your|clinic|services?\s*(?:include|offered)|we\s*(?:offer|provide))\b"
)


#: Placed by whoever refers ("Placement through DOC only", "Beds assigned by the probation department"), never by the
#: service itself ("Beds assigned by staff on arrival", "Placement by lottery", "Admission by appointment").
PLACED_BY = (
    r"(?:placements?|beds?\s*(?:are\s*|is\s*)?assigned|admissions?)\s*(?:is\s*|are\s*)?(?:only\s*)?(?:by|through|via)\s+"
    r"(?!(?:the\s+|our\s+|a\s+|an\s+)?(?:[\w-]+\s+)?(?:staff|intake|team|lottery|appointment|programs?|shelter|house|"
    rf"waitlist|wait\s+list)\b){AGENT}"
)
REFERRAL_REQUIRED = ci(
    r"\b(?:referrals?\s*(?:is\s*|are\s*)?(?:required|needed|necessary|only)|by\s*referral(?:\s*only)?|"
    r"must\s*be\s*referred|\band\s*be\s*referred\s*by|referrals?\s*(?:from|through|by)\s*[\w ]{1,40}?\s*only|"
    r"requires?\s*(?:a\s*)?referral|need\s*(?:a\s*)?referral|only\s*(?:accepts?|takes?)\s*referrals|"
    r"(?:accepts?|takes?)\s*referrals\s*only|referred\s*by\s*(?:a|an|your|the)\s*[\w ]+?\s*only|"
    r"referrals?\s*accepted\s*from\s*[\w ,]+?\s*only|"
    r"referral\s*(?:from|by|through)\s*(?:a|an|the|your)?\s*[\w' ]{1,40}?\s*(?:is\s*)?"
    r"required|must\s*have\s*(?:a\s*)?referral|referrals?\s*(?:are\s*)?accepted\s*only\s*(?:from|by|through|via)|"
    r"must\s*be\s*(?:court|probation|parole|agency|physician|doctor|hospital)[- ]referred|"
    r"referrals?\s*via\s*[\w ]{1,40}?\s*only|"
    # round 12: "Placement through DOC only", "Bed assigned by DOC agent" (an agent outside: see PLACED_BY), "must have
    # a physician's referral"
    rf"{PLACED_BY}|(?:must\s*have|requires?|needs?)\s*(?:a\s*|an\s*)?[\w ]{{2,30}}'s\s*referral|"
    # round 13: "Bring a referral from a shelter or case manager", "your parole agent must refer you"
    r"(?:bring|show|provide|present)\s*(?:a|an|your)\s*(?:written\s*|signed\s*)?referral(?:\s*(?:letter|form))?|"
    r"(?:officer|agent|manager|worker|counselor|doctor|provider|po)\s*must\s*refer\s*you)\b"
)
REFERRAL_NOT = ci(
    r"\b(?:no\s*referrals?\s*(?:is\s*|are\s*)?(?:needed|required|necessary)|referrals?\s*(?:is\s*|are\s*)?not\s*"
    r"(?:needed|required|necessary)|self[- ]referrals?\s*(?:are\s*)?(?:accepted|welcome|ok|okay)|"
    r"without\s*(?:a\s*)?referral|do\s*not\s*need\s*(?:a\s*)?referral|no\s*referral(?!\s*fees?)|"
    r"(?:may|can)\s*self[- ]refer|or\s*be\s*referred|(?:accepts?|takes?|welcomes?)\s*self[- ]referrals?|"
    r"or\s*self[- ]referrals?(?!\s*(?:(?:is|are)\s*)?not\b)|"
    r"no\s*(?:[\w'-]+\s*){1,2}(?:or|/|nor)\s*referrals?\s*(?:is\s*|are\s*)?(?:needed|required|necessary)|"
    r"walk[- ]?in\s*or\s*(?:through|by|via)\s*[\w ]{0,30}?referral|"
    # round 12: "Referrals from Maine DOC or self", "Referred by an agency or call us yourself"
    r"(?:referrals?|referred)\b[\w ,'/-]{0,60}?\bor\s*(?:self\b(?![\s-]*(?:pay|referr))|"
    r"(?:call|contact)\s*(?:us\s*)?(?:yourself|directly)|"
    r"walk[- ]?in\s*on\s*your\s*own)|"
    # round 13: "Refer yourself or have an agency refer you", "Self-referral or parent referral" (oneself, first)
    r"refer\s*yourself|^\s*self[- ]referrals?\s*(?:or|/)\s*(?:[\w'-]+\s*){1,3}?referrals?\s*$)\b"
)


def referral(clause: str) -> str | None:
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
            r"\brequired\s*for\s*(?!all\b|services?\b|admission\b|enrollment\b)\w+|"
            # "Referral needed for the residential program": one named part of the service (round 11)
            r"\b(?:required|needed|necessary)\s*for\s*(?:the|our)\s*(?!(?:program|service|shelter|housing|"
            r"clinic|project|center)s?\b)[\w-]+\s*(?:program|services?|unit|beds?|track|side|level|part)\b",
            clause,
            re.I,
        )
    ):
        return "required"
    if REFERRAL_ALONE.fullmatch(clause.strip(" .!")) and not re.search(
        r"\b(?:or|self|any|anyone|family|friends|community|walk\w*|prefer\w*|priority)\b", clause, re.I
    ):
        return "required"  # a sentence that only says where referrals come from: "Referral from your parole officer."
    return None


#: A clause that is only who refers ("Referral from your supervising officer", "Referrals through 211").
REFERRAL_ALONE = ci(r"(?:by\s*)?referrals?\s*(?:from|by|through|via)\s*[\w' ,/&()-]{2,60}")


#: A test the stay repeats ("Weekly drug testing", "Random breathalyzer and UA", "Drug tests weekly", "Drug test
#: required"): sobriety is the rule of the stay (round 11's labeller, as rounds 7-10 said of "random UAs").
RECURRING_TEST: Final = (
    r"(?<!no\s)(?:random|weekly|nightly|daily|monthly|regular|routine)\s*(?:drug|alcohol|breathalyzers?|uas?|u\.a\.|urinalys[ie]s)"
    r"(?:\s*(?:and|&|/)\s*(?:drug|alcohol|breathalyzers?|uas?|u\.a\.|urinalys[ie]s))*(?:\s*(?:tests?|testing|screens?|screening))?|"
    r"(?:drug|alcohol)\s*(?:tests?|testing|screens?|screening)\s*(?:weekly|nightly|daily|monthly|at\s*random|randomly)|"
    r"(?<!no\s)drug\s*tests?\s*(?:is\s*)?required"
)
#: Not read as sobriety, as four blind labellers agree (rounds 5-8): a finished detox ("detoxed", "must have
#: completed detox") or "not under the influence (at check-in)" is a state at the door, not a rule of the stay.
SOBER = ci(
    r"\b(?:clean[\s-]*(?:and|&)[\s-]*sober|"
    r"must\s*be\s*(?:clean|sober|drug[- ]free|alcohol[- ]free)|"
    r"sobriety\s*(?:is\s*)?(?:required|necessary)|(?:\d+|thirty|sixty|ninety)\+?\s*(?:days?|hours|months)\s*(?:of\s*)?"
    r"(?:clean|sober|sobriety)|(?:clean\s*(?:and|&)\s*sober|clean|sober)\s*(?:for\s*)?(?:at\s*least\s*)?\d{1,3}\+?\s*"
    r"(?:hours|days|months)|(?:drug|alcohol)-?\s*(?:and|&|/)\s*(?:drug|alcohol)[- ]free|"
    r"(?:drug|alcohol|substance)[- ]free|free\s*(?:of|from)\s*(?:drugs|alcohol|substances)|"
    r"no\s*(?:active|current)\s*(?:drug|alcohol|substance)"
    r"(?:\s*(?:or|and|/)\s*(?:drug|alcohol))?\s*use|(?:drug|alcohol)\s*(?:and|&|/)\s*(?:drug|alcohol)[- ]free|"
    r"must\s*pass\s*(?:a\s*|an\s*)?(?:drug\s*(?:test|screen\w*)|uas?|u\.a\.|urinalysis)|"
    # "Must be 21+ and stay completely abstinent"
    r"must\b[^.;]{0,60}?\b(?:stay|remain)\s*(?:completely\s*|totally\s*|fully\s*)?(?:abstinent|sober)\b|"
    # "Must be 18+, have a license, and pass a drug screen": the "must" said once for the list
    r"must\b[^.;]{0,80}?\band\s*pass\s*(?:a\s*|an\s*)?(?:drug|alcohol)\s*(?:tests?|screen\w*)|"
    r"drug\s*(?:testing|screening)\s*(?:is\s*)?required|"
    r"(?:agree|submit|consent)\s*to\s*(?:random\s*)?(?:drug|alcohol|uas?\b|ua/ba)[\w/ &]{0,20}?(?:test\w*|screen\w*)|"
    r"random\s*(?:uas?|u\.a\.s?|urinalys[ie]s)|(?:clean\s*(?:and|&)\s*)?sober[- ]living|"
    # a sober house or a dry house is one where sobriety is the rule (every labeller, rounds 7-10)
    r"(?:clean\s*(?:and|&)\s*)?(?:sober|dry)\s*(?:house|home|residence)s?\b|"
    r"must\s*be\s*[\w ,]{0,20}?\bsober|(?:must\s*(?:be|remain|stay)\s*)abstinent|abstinence\s*(?:is\s*)?required|"
    r"must\s*(?:maintain|remain)\s*(?:sober|sobriety|clean)|random\s*drug\s*test\w*|"
    r"random\s*(?:drug|alcohol)\s*(?:(?:and|&|/)\s*(?:drug|alcohol)\s*)?(?:test\w*|screen\w*)|"
    r"must\s*test\s*(?:clean|negative)(?:\s*for\s*(?:drugs|alcohol|drugs\s*(?:and|&)\s*alcohol))?|"
    r"abstinence[- ](?:based|only)|(?:se\s*requiere\s*|debe\s*)?estar\s*sobri[oa]s?|"
    rf"{RECURRING_TEST}|"
    # round 12: a breathalyzer passed or repeated, a clean UA, being tested for drugs
    r"(?:must\s*)?(?:pass|take|submit\s*to)\s*(?:a\s*|an\s*)?breathalyzer|breathalyzers?\s*(?:tests?\s*|checks?\s*)?"
    r"(?:every\s*(?:night|day)|nightly|daily)|clean\s*(?:uas?|u\.a\.|drug\s*(?:tests?|screens?))\s*(?:is\s*)?required|"
    r"tested\s*for\s*(?:drugs|alcohol)|"
    r"(?:\d{1,3}|one|two|three|six|twelve)\s*(?:days?|weeks?|months?|years?)\s*(?:of\s*)?(?:continuous\s*)?(?:sobriety|abstinence|clean\s*time))\b"
)
SOBER_NOT = ci(
    r"\b(?:sobriety\s*(?:is\s*)?not\s*required|no\s*sobriety\s*requirement|not\s*required\s*to\s*be\s*sober|"
    r"regardless\s*of\s*(?:sobriety|substance|drug)|harm\s*reduction|low[- ]barrier|housing\s*first|even\s*if|"
    r"(?:willing|want\w*)\s*to\s*(?:stay|be|remain|get|become)\s*(?:sober|clean))\b"
)


#: A rule at the door or on the premises ("Must be sober at check-in", "no one intoxicated on site"): how one
#: behaves when there, not sobriety required to be served (round 9's labeller). A stated clean time is, and so is
#: "sober upon entry" (to the program: the tuned set's call).
AT_THE_DOOR = ci(
    r"\b(?:at|upon|on|when|during|while)\s+(?:the\s+)?(?:check[- ]?in|arrival|arriving|the\s+door|"
    r"(?:the\s+)?premises|site|property|campus|visits?|meetings?|groups?|classes|activities)\b|\bon[- ]site\b"
)


def sobriety(clause: str) -> bool:
    if re.search(r"\bdrug[- ]free\s*(?:workplace|zone|school)", clause, re.I):
        return False
    # round 13: "Alcohol-free and drug-free facility": a rule on the premises, not a sobriety asked of the person
    if re.search(
        r"\b(?:drug|alcohol)[- ]free\s*(?:facility|premises|campus|building|property|grounds|site)\b", clause, re.I
    ) and not re.search(
        r"\b(?:must\s+(?:be|stay|remain)|stay|remain|tests?|testing|tested|screens?|screening|uas?|breathalyz\w*)\b|"
        r"\d+\s*(?:days?|weeks?|months?)",
        clause,
        re.I,
    ):
        return False
    if AT_THE_DOOR.search(clause) and not re.search(
        r"\d\s*(?:days?|weeks?|months?|years?)|\btests?\b|\btesting\b", clause, re.I
    ):
        return False
    return bool(SOBER.search(clause)) and not SOBER_NOT.search(clause) and not HEDGE.search(clause)

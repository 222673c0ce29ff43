"""Reading a listing's eligibility words into the structured requirements the matcher understands.

Real listings state who they serve only in prose ("Age 55 or over", "Resident of San Mateo
County", "Age 21-60, detoxed", "Low-income person without access to health care"). ``read``
turns such text into ``Found`` requirements, each keeping the clause it came from so the person
is shown the listing's own words. No model, no network; one job per module:

- ``eligibility_clauses``: the text cut into clauses (sentences, ``;``-parts, lines), with labelled
  lists and choice lines dropped first;
- ``eligibility_grammar``: the whole-clause gate. A clause decides only when *every* word of it is
  accounted for: value expressions (an age, a place, an income limit, a paper, a record policy...)
  plus a closed list of fillers (``eligibility_lexicon``). One unknown word, a hedge, an "or" outside
  a list of places or insurers, another group joined on, a scope ("for the shelter"): nothing;
- the kind readers (``eligibility_ages``, ``_people``, ``_payment``, ``_places``, ``_access``,
  ``_records``) read the values of the kinds the parse found, each with its own vetoes;
- this module: the public entry ``read`` and what one clause takes back from another.

**A wrong "fits" is the worst error**, so besides the gate the readers decide only what a clause
says plainly:

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
from dataclasses import dataclass, replace
from typing import Final

from .eligibility import CHECK_OF_TERM
from .eligibility_access import PAPERS_OFFERED, SOBER_NOT, documents, referral, sobriety
from .eligibility_ages import AGE_CONTEXT, ages
from .eligibility_clauses import SCOPED, cased, clauses, decidable, plain
from .eligibility_grammar import mentioned, parse
from .eligibility_lexicon import HEDGE, MEDICAID_NAMES, SERVICE_HEADS, ci
from .eligibility_payment import FPL, INCOME_PRICE, OTHER_PAYMENT, income, insurance
from .eligibility_people import gender, veteran
from .eligibility_places import residency
from .eligibility_records import records
from .geo import STATES

__all__ = ["KINDS", "Found", "clauses", "read"]

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


#: "Open to everyone/anyone/all" with no limit of its own: "open to anyone over 50" is that limit, and "open to all
#: women 18+" names the group (but "open to all ages" and "open to all people" do not).
OPEN_TO_ALL = (
    r"\bopen\s*to\s*(?:everyone|anyone)\b(?!\s+(?:over|under|older|younger|aged?\s*\d|ages\s*\d|\d|who\s+(?:is|are)\s+"
    # ... nor "open to anyone with a felony record": people with records (round 12)
    r"(?:\d|over|at\s+least)|with\s+(?:an?\s+|any\s+)?(?:criminal|felony|felonies|convictions?|records?|arrests?)\b))|\bopen\s*to\s*all\b(?!\s+(?!ages\b|comers\b|people\b|persons\b|individuals\b|the\s+public\b|"
    # ... nor a time it is open ("open to all every Friday")
    r"every\b|each\b|on\b|daily\b|weekdays\b|(?:mon|tues|wednes|thurs|fri|satur|sun)days?\b)[a-z])"
)
#: Another group served beside the limit ("adults welcome at the food pantry", "open to all ages", "former
#: foster youth served up to age 26", "men seen for STI testing"): an age or gender limit has a way round.
ALSO_SERVED = ci(
    r"\balso\s*(?:served|eligible|welcome|accepted)\b|" + OPEN_TO_ALL + r"|\ball\s*ages\b|"
    r"\b(?:adults|children|kids|youth|minors|teens|men|women|everyone|anyone|families|seniors|others|parents|couples|"
    r"caregivers|spouses|partners|guests|visitors|companions|grandparents)\b"
    r"(?:\s+(?!who\b)[\w+-]+){0,3}?\s+(?:are\s+|is\s+)?(?:also\s+)?(?:welcome|seen|served|eligible|accepted|allowed|permitted)\b|"
    r"\bserved\s*(?:up\s*to|until|through)\s*(?:age\s*)?\d|"
    # "adults can get help too", "families can also enroll": a group named with no limit of its own can get in
    r"\b(?:adults|children|kids|youth|minors|teens|men|women|everyone|anyone|families|seniors|others|parents|couples)"
    r"(?:\s+(?!\d)[a-z'-]+){0,3}?\s+can\s+(?:also\s+)?(?:get|receive|use|join|attend|enroll|come|apply|sign\s+up)\b"
)


#: A group of another age let in with no limit of its own ("Gym open to adults after 7pm", "open to the public"):
#: the age limits another clause states have a way round (the gender ones need not: "Open to women").
OTHER_AGE_GROUP = ci(
    r"\b(?:open|available)\s+to\s+(?:all\s+)?(?:adults|children|kids|youth|teens|teenagers|seniors|families|parents|"
    r"(?:the\s+)?(?:general\s+)?public)\b(?!\s*(?:\(?\d|ages?\b|aged|between|from|over|under|at\s+least|older|younger|who|whose|with|living|"
    r"residing|in\s+[A-Z]|of\s+[A-Z]|only))"
)
#: Another way in for whoever has a benefit ("Medi-Cal families are automatically eligible"): an income limit
#: and the proof of income it asks are not required of everyone.
AUTOMATIC = ci(
    r"\b(?:automatically|categorically|auto-?)\s*(?:eligible|qualif\w*|enrolled|approved)\b|\bqualif\w*\s+automatically\b"
)


EVERYONE = ci(
    r"\b(?:everyone|anyone|all)\s*(?:is\s*|are\s*)?(?:welcome|served|eligible)\b|" + OPEN_TO_ALL + r"|"
    r"\bserve\s*(?:anyone|everyone)\b|\bveterans?\s*(?:status\s*)?(?:is\s*|are\s*)?not\s*required\b"
)


def read(text: str | None, state: str | None = None) -> list[Found]:
    """Requirements a listing's words state, each with its clause (``state``: the listing's own state,
    needed to place a county or a city it names)."""
    if not text or not text.strip():
        return []
    text = decidable(text)
    if not text:
        return []
    found: list[Found] = []
    lows: list[tuple[int, str]] = []
    highs: list[tuple[int, str]] = []
    doubted: set[str] = set()  # kinds a clause speaks of in words the grammar does not parse
    others: set[str] = set()  # genders a clause names as a group of its own, with no age
    named: dict[str, set[str]] = {}  # groups a clause naming the service names (see NAME_ONLY)
    reentry = False  # a clause naming the service names people with records
    for shown in clauses(text):
        clause = plain(cased(shown))  # "RESIDENT OF HUMBOLDT COUNTY": read as "resident of Humboldt County"
        if OTHER_ROLE.match(clause):
            continue  # "All mentors must pass a background check and be 21+": a limit on someone else, not the served
        if SCOPED.match(clause):
            continue  # "For emergency assistance, must have low income": one part of the service only
        if re.fullmatch(
            r"(?:none|n/?a|no\s*(?:restrictions|requirements|eligibility\s*requirements)|all|everyone|open\s*to\s*all)",
            clause,
            re.I,
        ):
            continue
        kinds = parse(clause)
        said = mentioned(clause) - kinds - {"document"}  # each paper named is required on its own
        if said == {"insurance"} and NOT_TAKEN.fullmatch(clause.strip(" .!")):
            said = frozenset()  # "We do not bill Medi-Cal or private insurance": it keeps payments out, lets none in
        if "veteran" in said and VETERAN_PAPER.match(clause) and not re.search(r"\bveterans?\b|\bvets\b", clause, re.I):
            said -= {"veteran"}  # "Bring your DD-214 if you have one": a paper asked, not who else is served
        if said and not kinds and NAME_ONLY.fullmatch(clause.strip(" .!")):
            # "Vancouver veterans laundry and shower day. Vets only.": the service's name says the same group, so it
            # takes nothing back; a group it names unlike another clause's takes that back below (round 13)
            for kind, group in _named(clause, said):
                named.setdefault(kind, set()).add(group)
            said -= NAMED_KINDS
            if "records" in said and records(clause) == ["any"]:
                said -= {"records"}  # "Little Rock returning citizens job fair": people with records, as another clause
                reentry = True
        doubted |= said
        excluded = bool(EXCLUDED.fullmatch(clause.strip(" .!"))) and not EXCEPTIONS.search(clause)
        if not kinds and not excluded and (EXCEPTIONS.search(clause) or OTHERS.search(clause)):
            doubted |= set(_KIND_OF.values()) | {"gender", "veteran", "insurance", "sobriety", "records"}
        if "age" not in kinds and not excluded and OTHER_AGES.search(clause):  # but not "No minors"
            doubted.add("age")  # "older youth case by case" parses (as a record policy) but lets older people in
        elsewhere = re.search(r"\breferred\b|\bnot\b|\bcannot\b", clause)  # sent elsewhere or kept out
        headed = SITE_HEADER.sub("", clause)  # "Clovis: adults": a group at another site is a group all the same
        if "age" not in kinds and "age" not in said and AGE_GROUP.match(headed) and not elsewhere:
            doubted.add("age")  # "Youth 14-18 during summer; adults year round": another age group named
        opening = GENDER_GROUP.match(headed)
        if opening and "gender" not in kinds and "age" not in said and not elsewhere:  # "men's group on Thursdays"
            others.add("male" if re.match(r"\s*(?:men|boys|males|fathers|dads|hombres)", headed, re.I) else "female")
        # a bulleted list that parsed whole ("SOBER LIVING • MEN 21+ • NO 290 • NO ARSON"): each item is read alone, so
        # that one item's "no" keeps no other item's gender or age from being read (round 13)
        items = [i for i in clause.split("•") if i.strip()] if kinds and "•" in clause else []
        for piece, piece_kinds in [(i, kinds & mentioned(i)) for i in items] if len(items) > 1 else [(clause, kinds)]:
            low, high = ages(piece) if "age" in piece_kinds and not HEDGE.search(piece) else ([], [])
            lows += [(v, shown) for v in low if v > 0]  # "ages 0-5", "birth to 5": a lower bound of 0 is no limit
            highs += [(v, shown) for v in high]
            read_here = _read_clause(
                piece,
                state,
                piece_kinds,
                payment_only=not OTHER_PAYMENT.search(text),
                offered=bool(PAPERS_OFFERED.search(text)),
            )
            found += [replace(f, phrase=shown) for f in read_here]  # the listing's own words are shown
    if lows:
        value, clause = max(lows)
        found.append(Found("minimum_age", str(value), clause))
    if highs:
        value, clause = min(highs)
        found.append(Found("maximum_age", str(value), clause))
    if len({f.value for f in found if f.kind == "gender"}) > 1:  # "Fresno: women only. Clovis: men.": both served
        found = [f for f in found if f.kind != "gender"]
    if any(f.kind == "gender" and others - {f.value} for f in found):  # "Groups for women 18+; men's group on
        doubted |= {"gender", "age"}  # Thursdays": the other gender is served too, at ages we were not told
    # "18+ to enroll; under 18 with a guardian": a clause we cannot parse may qualify what another decided
    found = [f for f in found if _KIND_OF.get(f.kind, f.kind) not in doubted]
    found = [f for f in found if f.kind not in named or named[f.kind] == {f.value}]
    if reentry:  # "Reentry job fair for returning citizens. No criminal record.": the two disagree
        found = [f for f in found if not (f.kind == "records" and f.value == "none")]
    found = _across_clauses(text, found)
    found = _parts(text, found, state)
    if lows and highs and max(lows)[0] > min(highs)[0]:
        found = [f for f in found if f.kind not in ("minimum_age", "maximum_age")]  # contradictory: say nothing
    return _dedupe(found)


#: A clause about the people who serve, not the people served ("All mentors must be 21+", "Volunteers must pass a
#: background check"): it neither decides nor takes back what the other clauses say of the people served.
OTHER_ROLE: Final = ci(
    r"^\s*(?:all\s+|our\s+)?(?:mentors|volunteers|volunteer\s+drivers|drivers|staff|staff\s+members|employees|tutors|"
    r"chaperones|coaches|instructors|interns|peer\s+mentors|host\s+families|(?:camp\s+|peer\s+)?counselors|leaders|supervisors|foster\s+parents)\s+(?:must|should|need|are\s+required)\b"
)
_INSURERS = (
    # public programs only: "no private insurance" might say none is needed, as "no insurance" does
    rf"(?:{MEDICAID_NAMES}|medicare)"
)
#: A clause asking for a paper ("Bring VA card or DD-214", "Bring your DD-214 if you have one"): a paper that proves
#: service narrows, it cannot let anyone else in, so it takes no veteran limit back (round 12).
VETERAN_PAPER: Final = ci(r"\s*(?:please\s+)?(?:bring|show|provide|present|traiga)\b")
#: A clause that only names insurers not taken ("We do not bill Medi-Cal or private insurance").
NOT_TAKEN: Final = ci(
    r"(?:we\s+)?(?:do|does|will|can)\s*(?:not|n't)\s+(?:accept|take|bill)\s+[\w\s,/&-]{1,60}|"
    r"[\w\s,/&-]{1,60}\s+(?:is|are)\s+not\s+(?:accepted|taken|billed)|"
    # round 12: "Commercial insurance only; no Medicaid", "UNINSURED ADULTS ONLY. NO MEDI-CAL."
    rf"no\s+{_INSURERS}(?:\s*(?:,|or|and|/|nor)\s*{_INSURERS})*"
)
#: Things a service does not ask for, listed ("no appointment, no insurance, no questions", "sin cita, sin seguro"):
#: "no insurance" among them says none is needed, not that only the uninsured are served.
NOT_ASKED: Final = ci(
    r"\b(?:no|sin)\s+(?:appointments?|appts?|citas?|questions?|preguntas|costo?|charge|cargo|paperwork|papeles|"
    r"registration|registro|(?:photo\s+)?id|identificaci[oó]n|documents?|documentos|strings)\b"
)
#: A clause that does not parse and speaks of exceptions: any limit another clause decided may have them.
#: Not a fee waived ("Application fee waived", "$75; fee waived with proof of income"): a price, not who is served.
EXCEPTIONS: Final = ci(
    # ... but not "No exceptions", which says the limits hold for everyone (round 13)
    r"(?<!\bno\s)\b(?:exceptions?|exempt(?:ed|ions?)?|unless|otherwise)\b|"
    r"(?<!\bfee\s)(?<!\bfees\s)(?<!\bcost\s)(?<!\bcosts\s)\b(?:waived?|waivers?)\b(?!\s+(?:the\s+)?(?:fees?|costs?|charges?))"
)
#: A clause that does not parse and names other people ("Minors can attend with a guardian", "Others call
#: for options", "Family members can attend groups", "Other insurance plans too"): the limits have a way round.
#: Not "other convictions" ("Clients with other convictions are accepted"): other records, not other people.
OTHERS: Final = ci(
    r"\b(?:others?(?!\s+(?:convictions?|offen[cs]es|records|charges|crimes|felonies))|anyone|everyone|"
    r"family\s+members|spouses|non-?(?:veterans|residents)|too|also|(?:los|las)\s+dem[aá]s|otros|otras)\b"
)
#: ... and one that names people of other ages ("Minors can attend with a guardian"): the age limit has one.
OTHER_AGES: Final = ci(r"\b(?:younger|older|minors)\b")
#: A clause opening on a group of people named by age, with no age of its own ("Adults year round", "Children
#: with a parent"): another group served beside an age limit, unless it sends them elsewhere or keeps them out.
AGE_GROUP: Final = ci(
    r"\s*(?:adults|children|kids|teens|teenagers|youth|seniors|minors|infants|toddlers|elders|"
    r"families|adult[oa]s|ni[ñn][oa]s|j[oó]venes|menores|ancianos|familias)\b"
)
#: ... and one opening on a gender ("Men's group on Thursdays", "Boys at our other site"): another group served.
GENDER_GROUP: Final = ci(
    r"\s*(?:men|women|boys|girls|males|females|fathers|mothers|dads|moms|hombres|mujeres)(?:'s)?\b"
)
#: A place or a name heading a clause ("Clovis: adults", "Eligibility: women"): what follows it opens the clause.
SITE_HEADER: Final = re.compile(
    r"^\s*[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,2}\s*:\s*|"
    # ... or a place's name right before a group ("Clovis families", "Tulare County adults")
    r"^\s*(?:(?!(?i:no|not|nor|or|also|except|only|some|most|other|any|all|for|but|and|never)\b)[A-Z][\w.'-]*\s+){1,3}"
    r"(?=(?i:adults|children|kids|teens|youth|seniors|minors|men|women|families)\b)"
)
#: A clause that only keeps people out ("No minors", "Spouses and children are not eligible for this
#: program"): it names other people but cannot let them in, so it takes nothing back.
EXCLUDED: Final = ci(
    r"no\s+(?:minors|children|kids|spouses|pets|visitors|guests)|"
    r"(?:(?:the\s+)?[a-z]+\s+){1,4}(?:are|is)\s+not\s+(?:eligible|allowed|admitted|accepted|served)"
    r"(?:\s+(?:for|in)\s+(?:this|the|our)\s+(?:program|service|shelter|housing))?"
)
#: The grammar's kind of each requirement kind read (a parsed place may be a county, a city, a state or a ZIP):
#: the matcher's check of each term, but for papers, which the grammar calls "document".
_KIND_OF: Final = {term: check for term, check in CHECK_OF_TERM.items() if term != "document"}


def _read_clause(
    clause: str, state: str | None, kinds: frozenset[str], payment_only: bool, offered: bool = False
) -> list[Found]:
    """The values of the kinds (but age) the clause parsed as (``payment_only``: no other way to pay in
    the text; ``offered``: the text offers papers, so papers named alone are not asked). Only those readers run: a
    clause that parses as nothing costs no reader."""
    found: list[Found] = []
    said = gender(clause) if "gender" in kinds else None
    if said:
        found.append(Found("gender", said, clause))
    if "veteran" in kinds and veteran(clause):
        found.append(Found("veteran", "required", clause))
    if "insurance" in kinds and payment_only:  # "sliding scale; Medicaid accepted": not the only way in
        # "sin cita, sin seguro, sin preguntas": no insurance is asked for, not a limit to the uninsured
        asked = not NOT_ASKED.search(clause)
        found += [Found("insurance", v, clause) for v in insurance(clause) if asked or v != "uninsured"]
    limits, low_income = income(clause) if "income" in kinds else ([], False)
    if limits:
        found.append(Found("income_max_fpl", str(min(limits)), clause))
    elif low_income:
        found.append(Found("income_low", "required", clause))
    if "residency" in kinds:
        found += [Found(kind, value, clause) for kind, value in residency(clause, state)]
    if "document" in kinds:
        alone = kinds == {"document"} and not offered  # "Copy of your birth certificate": a paper asked for
        found += [Found("document", code, clause) for code in documents(clause, alone)]
    needed = referral(clause) if "referral" in kinds else None
    if needed:
        found.append(Found("referral", needed, clause))
    if "sobriety" in kinds and sobriety(clause):
        found.append(Found("sobriety", "required", clause))
    if "records" in kinds:
        found += [Found("records", policy, clause) for policy in records(clause)]
    return found


def _across_clauses(text: str, found: list[Found]) -> list[Found]:
    """What one clause decides that another clause of the same text takes back."""
    if ALSO_SERVED.search(text):  # "younger adults with disabilities also served": the limits have a way round
        found = [f for f in found if f.kind not in ("minimum_age", "maximum_age", "gender")]
    if EVERYONE.search(text):  # "open to everyone; seniors can also sign up for the CSFP box, 130% FPL"
        # ... and the papers too when a part is offered beside ("seniors can also sign up for a box; bring ID"):
        # they may be asked for that part only
        kept = ("document", "referral") if not re.search(r"\balso\b", text, re.I) else ()
        found = [f for f in found if f.kind in kept]
    if re.search(r"\b(?:area|state)\s*median|\bami\b|\bamfi\b|\bsmi\b", text, re.I):  # "low-income ... under 80% of
        found = [f for f in found if f.kind != "income_low"]  # area median": the low income is that limit, not read
    if OTHER_AGE_GROUP.search(text):  # "Youth center for ages 10-18. Gym open to adults after 7pm."
        found = [f for f in found if f.kind not in ("minimum_age", "maximum_age")]
    if AUTOMATIC.search(text):  # "Bring proof of income. Medi-Cal families are automatically eligible."
        found = [f for f in found if f.kind not in ("income_max_fpl", "income_low")]
        found = [f for f in found if not (f.kind == "document" and f.value == "proof_of_income")]
    if SOBER_NOT.search(text):  # "sober living only; the emergency shelter is low-barrier"
        found = [f for f in found if f.kind != "sobriety"]
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
    if any(f.kind == "income_max_fpl" for f in found):  # "LOW INC • 200% FPL": the percent is the limit (round 13)
        found = [f for f in found if f.kind != "income_low"]
    if len({f.value for f in found if f.kind == "income_max_fpl"}) > 1:  # "families 200% FPL; individuals 150%"
        found = [f for f in found if f.kind != "income_max_fpl"]  # a limit per group: the matcher keeps one
    places = {f.phrase for f in found if f.kind.startswith("residency_")}
    places |= {c for c in clauses(text) if "residency" in mentioned(cased(c))}  # named, read or not
    # ... but not clauses that only name again every place read ("South Dakota residents with disabilities can get
    # loans. Must be a South Dakota resident."): the same place said twice
    named = [_place_name(f) for f in found if f.kind.startswith("residency_")]
    if named and len(places) > 1 and all(all(n in p.lower() for n in named) for p in places):
        places = set()
    if len(places) > 1:  # "Placer County residents; Nevada County residents by referral": alternatives
        found = [f for f in found if not f.kind.startswith("residency_")]
        # ... and what one place's clause asks ("by referral") is asked of that place's residents only
        found = [f for f in found if not (f.kind in ("referral", "document") and f.phrase in places)]
    return found


WHOLE = (
    r"(?:programs?|cent(?:er|re)s?|services?|shelters?|housing|house|homes?|residence|clinics?|beds|care|support|help|"
    r"assistance|aid|treatment|outpatient)"
)
#: A clause that only names the service ("Fort Lauderdale homeless veterans outreach", "Tulsa County veterans treatment
#: court", "Vancouver veterans laundry and shower day"): no verb, no number, nothing that widens or scopes.
NAME_ONLY: Final = ci(
    r"(?!.*\b(?:for|or|nor|also|too|welcome\w*|families|family|spouses?|partners?|children|kids|caregivers?|non\w*|"
    r"except\w*|not|no|all|any|anyone|everyone|open|served|serves?|eligible|accepted|only|must|with|who|and\s+(?:their|"
    r"her|his))\b)(?!.*\d)"
    rf"\s*(?:[\w.'’&-]+\s+){{0,7}}?(?:{SERVICE_HEADS}|outreach|courts?|day)"
)
#: The kinds a group in the service's name may say (see NAME_ONLY).
NAMED_KINDS: Final = frozenset({"veteran", "gender"})


def _named(clause: str, kinds: frozenset[str]) -> list[tuple[str, str]]:
    """The groups a clause naming the service names, of ``kinds``; a group no reader reads stays doubted."""
    out: list[tuple[str, str]] = []
    if "veteran" in kinds:
        out.append(("veteran", "required" if VETERAN_IN_NAME.search(clause) else "?"))
    if "gender" in kinds:
        out.append(("gender", gender(clause) or "?"))
    return out


#: Veterans named in a service's name ("homeless veterans outreach", "vets housing").
VETERAN_IN_NAME: Final = ci(r"\b(?:veterans?|vets)\b(?!\s*(?:day|memorial|hall|affairs|administration|and|&|or))")


#: A clause opening on a part of what is offered that it says something of ("Lunch for adults 60+", "Rides for
#: Pennington County residents 60+", "Drop-in is open", "the apartments need a referral").
#: Not the words that name a whole service ("Wichita senior center for adults 55+", "Our shelter is open to men").
PART: Final = ci(
    rf"^\s*(?:the\s+|our\s+)?(?:[a-z'-]+\s+){{0,2}}?(?!{WHOLE}\b)({SERVICE_HEADS})"
    r"(?=\s+(?:for|is|are|need|needs|requires?|takes?|serves?|opens?)\b)"
)


def _parts(text: str, found: list[Found], state: str | None) -> list[Found]:
    """Two parts of a service, each with its own clause ("Lunch for adults 60+. Rides for Pennington County
    residents 60+."): a limit one part's clause states holds for that part only, so only the limits every part
    states are kept (round 13)."""
    heads: dict[str, str] = {}
    for clause in clauses(text):
        m = PART.match(clause)
        if m:
            heads.setdefault(clause, m.group(1).lower().rstrip("s"))
    if len(set(heads.values())) < 2:
        return found
    each = [{(f.kind, f.value) for f in read(clause, state)} for clause in heads]
    return [f for f in found if f.phrase not in heads or all((f.kind, f.value) in got for got in each)]


def _place_name(found: Found) -> str:
    """The name a residency value's place goes by in words ("SD": "south dakota", "Reno, NV": "reno")."""
    if found.kind == "residency_state":
        return next((name for name, code in STATES.items() if code == found.value), found.value).lower()
    return found.value.split(",")[0].lower()


def _dedupe(found: Iterable[Found]) -> list[Found]:
    seen: dict[tuple[str, str], Found] = {}
    for f in found:
        seen.setdefault((f.kind, f.value), f)
    return list(seen.values())

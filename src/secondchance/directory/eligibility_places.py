"""Residency a clause requires: counties, states, ZIP codes and known cities."""

from __future__ import annotations

import re
from functools import lru_cache

from .eligibility_lexicon import HEDGE, LIVE, ci
from .geo import STATES, county_known

#: A place's name: up to five words, and lists of up to twelve names (bounded, so that a long run of
#: capitalised words costs linear time, not quadratic).
NAME = r"[A-Z][A-Za-z.'-]*(?:\s+(?:[A-Z][A-Za-z.'-]*|de|la|del|du|of)){0,4}"
COUNTY_AFTER = re.compile(
    rf"\b(?:[Rr]esidents?\s*of|[Rr]esid(?:e|es|ing)\s*in|{LIVE}\s*in|[Dd]omiciled\s*in)\s*(?:the\s*)?((?:{NAME}(?:,\s*(?:and\s+|or\s+|&\s+)?|\s+(?:and|or|&)\s+)){{0,11}}{NAME})\s+([Cc]ount(?:y|ies)|[Pp]arish(?:es)?)\b"
)
COUNTY_BEFORE = re.compile(
    rf"\b((?:{NAME}(?:,\s*(?:and\s+|or\s+|&\s+)?|\s+(?:and|or|&)\s+)){{0,11}}{NAME})\s+([Cc]ount(?:y|ies)|[Pp]arish(?:es)?)\s+[Rr]esidents?\b"
)
STATE_AFTER = ci(
    rf"\b(?:residents?\s*of|resid(?:e|es|ing|ency)\s*in|{LIVE}\s*in|domiciled\s*in)\s*(?:the\s*)?(?:state\s*of\s*)?"
    r"([a-z][a-z. ]+?)(?:\s*state)?"
    r"(?=$|[,.;:)]|\s+(?:only|age|aged|who|with|and|or|to|for|may|must|are|is|required|needed)\b)"
)
STATE_BEFORE = ci(r"\b([a-z][a-z. ]+?)\s*(?:state\s*)?(?:residents?|residency)\b")
CITY_AFTER = re.compile(
    rf"\b(?:[Rr]esidents?\s*of|[Rr]esid(?:e|es|ing)\s*in|{LIVE}\s*in)\s*(?:the\s*)?(?:[Cc]ity\s*of\s*)?"
    rf"((?:{NAME}(?:,\s*|\s+(?:and|or|&)\s+)){{0,11}}{NAME})(?=$|[,.;:)]|\s+(?:only|age|aged|who|with|to|for)\b)"
)
CITY_BEFORE = re.compile(
    rf"\b(?:[Cc]ity\s*of\s*)?((?:{NAME}(?:,\s*(?:and\s+|or\s+|&\s+)?|\s+(?:and|or|&)\s+)){{0,11}}{NAME})\s+(?:city\s+)?"
    r"[Rr]esidents?\b"
)
#: "Oregon or Washington residents", "Oregon, Washington and Idaho residents": a list of states, each served.
_STATE_WORDS = r"[a-z][a-z.]*(?:\s+[a-z][a-z.]*){0,2}"
STATE_LIST_BEFORE = ci(
    rf"\b((?:{_STATE_WORDS}(?:\s*,\s*(?:and\s+|or\s+|&\s+)?|\s+(?:and|or|&)\s+)){{1,11}}{_STATE_WORDS})"
    r"\s+(?:state\s+)?residents?\b"
)
ZIP_LIST = r"(?!\d{2}000\b)((?:\d{5}(?:\s*,\s*|\s*(?:,\s*)?(?:and|or|&)\s*|\s+))*\d{5})\b"
ZIPS = [
    ci(
        rf"\b(?:service\s*area\s*)?(?:(?:zip|postal)s?\s*(?:codes?)?|c[oó]digos?\s*postal(?:es)?)\s*(?:served|covered)?\s*:?\s*"
        rf"{ZIP_LIST}"
    ),
    # "Residents of 90011, 90037 & 90044", "Serves the 94110 zip code", "Residency required in 97217 or 97211"
    ci(
        rf"\b(?:residents?\s*of|resid(?:e|es|ing)\s*in|{LIVE}\s*in|serv(?:es|ing)\s*(?:only\s*)?(?:residents\s*of\s*)?|"
        rf"residency\s*(?:is\s*)?(?:required\s*)?in|service\s*area\s*:)"
        rf"\s*(?:the\s*|one\s*of\s*(?:these|the)\s*)?{ZIP_LIST}(?!\s*(?:[A-Za-z]+\s*){{0,2}}(?:st|street|ave|avenue|rd|road|blvd)\b)"
    ),
    # "85006 and 85008 residents", "30315 zip code residents"
    ci(rf"(?<![\d$#-]){ZIP_LIST}\s*(?:zip\s*codes?\s*)?residents?\b"),  # not "10000 residents"
]
#: Words that open a sentence before a county's name ("Serving Alameda County residents", "Open to ...").
LEADING = r"serving|serves|serve|open\s+to|for|all|only|must\s+be|eligible|we\s+serve|services\s+for|helping"
RESIDENCY_NOT = ci(
    r"\b(?:or\s*work|and/or\s*work|work\s*or\s*live|or\s*attend|or\s*go\s*to\s*school|or\s*employed|work(?:s|ing)?\s*in|"
    r"not\s*(?:required|necessary|limited)|regardless|any\s*county|all\s*counties|outside|non-?residents?|"
    r"near|surrounding|neighboring|(?:the|greater|metro)\s*area|or\s*with|or\s*(?:who\s*)?(?:have|has)|"
    r"(?:or|and)\s*(?:an?\s*)?(?:students?|employees?|workers?|persons?|people|individuals|those|anyone)|"
    r"(?:paroled|released|referred)\s*to|office|located|headquarter\w*|based\s*in|or\s*(?:be|are|is)\b|nearby|"
    r"visitors?|discount\w*|by\s*referral)\b"
)


#: New York City's boroughs are counties ("Bronx residents", "a resident of Queens"): three blind labellers read
#: them so, and Queens and Manhattan are no city of the ZIP table's.
BOROUGHS = {
    "bronx": "Bronx County",
    "brooklyn": "Kings County",
    "queens": "Queens County",
    "manhattan": "New York County",
    "staten island": "Richmond County",
}


def _split_names(text: str) -> list[str]:
    return [n.strip() for n in re.split(r",\s*(?:and|or|&)\s+|,\s*|\s+(?:and|or|&)\s+", text) if n.strip()]


def _city_known(city: str, state: str) -> bool:
    from .geo import _city_index

    return (city.lower(), state) in _city_index()


#: "<City>, " just before a state's name ("Kansas City, Missouri residents").
CITY_OF_STATE = re.compile(rf"\b({NAME}),\s*$")


def _city(name: str, state: str) -> list[tuple[str, str]]:
    """A city named with its state: the city when the ZIP table knows it there, else nothing."""
    name = re.sub(rf"^(?:{LEADING})\s+(?=\S)", "", name, flags=re.I)
    return [("residency_city", f"{name}, {state}")] if _city_known(name, state) else []


def _after_city(county: str, state: str) -> str:
    """A county named after the city the service is in ("Bakersfield Kern County residents": Kern County), when
    the whole name is no county and the words before it are a city of the state (round 12)."""
    if county_known(county, state):
        return county
    words = county.split()
    for cut in range(1, len(words) - 1):
        if _city_known(" ".join(words[:cut]), state) and county_known(" ".join(words[cut:]), state):
            return " ".join(words[cut:])
    return county


def residency(clause: str, state: str | None) -> list[tuple[str, str]]:
    if RESIDENCY_NOT.search(clause) or HEDGE.search(clause):
        return []
    clause = re.sub(r"\b(Co|Cnty)\.?(?=\s+[Rr]esidents?\b|\s*$|[,;)])", "County", clause)  # "King Co. residents"
    counties = _counties(clause)
    if counties is None:
        return []
    if counties:
        if state is None:
            return []  # a county without its state could match the wrong one: leave it unknown
        counties = [_after_city(c, state) for c in counties]
        if not all(county_known(c, state) for c in counties):
            return []  # "Los Angles County": a name no ZIP has matches no one, so it is no limit we can check
        return [("residency_county", f"{c}, {state}") for c in dict.fromkeys(counties)]
    states = _states(clause)
    if states is None or states:
        return states or []
    zips = [
        ("residency_zip", z)
        for pattern in ZIPS
        for m in pattern.finditer(clause)
        for z in re.findall(r"\d{5}", m.group(1))
    ]
    if zips or state is None:
        return list(dict.fromkeys(zips))
    return _cities(clause, state)


def _counties(clause: str) -> list[str] | None:
    """The counties (parishes) a clause names; None when it names them in a way we must not read."""
    counties: list[str] = []
    for m in [*COUNTY_AFTER.finditer(clause), *COUNTY_BEFORE.finditer(clause)]:
        word = "Parish" if m.group(2).lower().startswith("parish") else "County"
        # "For residents of Summit, Portage and Medina counties": a leading word before "residents of" too (round 13)
        names = _split_names(re.sub(rf"^(?:(?i:{LEADING})\s+)?(?:[Rr]esidents?\s*of|the)\s+", "", m.group(1)))
        if len(names) > 1 and m.group(2).lower() in ("county", "parish") and any(n.lower() in STATES for n in names):
            return None  # "a resident of California and Alameda County": a state, then one county
        # "King County or Pierce County": each name already says County
        names = [re.sub(r"\s+(?:County|Parish)$", "", n) for n in names]
        # "Serving Alameda County residents": a capitalised first word that is not part of the name
        names[0] = re.sub(rf"^(?:{LEADING})\s+(?=\S)", "", names[0], flags=re.I) if names else ""
        if re.match(r"'s\b", clause[m.end() :]) or any(re.fullmatch(r"[A-Z]{2,3}", n) for n in names):
            return None  # "LA County's SPA 6": part of a county, or a name we would have to guess
        counties += [f"{n} {word}" for n in names if n.lower() not in ("the", "our", "this", "that")]
    return counties


def _states(clause: str) -> list[tuple[str, str]] | None:
    """The states a clause names (or the city of "Kansas City, Missouri residents"); None: decide no place."""
    for m in STATE_LIST_BEFORE.finditer(clause):
        names = _split_names(m.group(1).lower())
        while len(names) > 1 and names[0] not in STATES:  # "must be Oregon or Washington residents"
            first = names[0].split()
            if len(first) == 1:
                break
            names[0] = " ".join(first[1:])
        if len(names) > 1 and all(n in STATES for n in names):
            return [("residency_state", STATES[n]) for n in dict.fromkeys(names)]
    found: list[tuple[str, str]] = []
    clause = re.sub(
        r"\bproof\s*of\s+(?!residency)[\w ]{1,30}?residency\b", " ", clause, flags=re.I
    )  # a paper, not a limit
    for pattern in (STATE_AFTER, STATE_BEFORE):
        for m in pattern.finditer(clause):
            if pattern is STATE_AFTER and m.group(1).lower().strip(" .") in STATES:
                more = _more_states(clause[m.end(1) :])
                if more is None:
                    return None
                found += [("residency_state", STATES[n]) for n in (m.group(1).lower().strip(" ."), *more)]
                continue
            words = m.group(1).lower().strip(" .").split()
            for start in range(len(words)):
                name = " ".join(words[start:])
                if name in STATES and start and words[start - 1] in ("or", "and", "&"):
                    return None  # "Portland or Oregon residents": a list we could not read whole
                if name in STATES:
                    # "Kansas City, Missouri residents": the city is the limit, the state only places it
                    town = CITY_OF_STATE.search(clause[: m.start(1)]) if pattern is STATE_BEFORE else None
                    if town and start == 0:
                        return _city(town.group(1), STATES[name]) or None
                    found.append(("residency_state", STATES[name]))
                    break
            else:
                last = m.group(1).strip().split()[-1] if m.group(1).strip() else ""
                if last.isupper() and last in STATES.values() and (len(words) == 1 or words[-2] in ("a", "an")):
                    found.append(("residency_state", last))
    return list(dict.fromkeys(found))


def _more_states(rest: str) -> list[str] | None:
    """The states listed after "Residents of <state>": "or Minnesota", ", Iowa and Nebraska".

    None when "or"/"and" joins something that is not a state ("Residents of Oregon or Clark County"):
    a list read in part would tell the people of the unread part that they may not fit.
    """
    names: list[str] = []
    while joint := _JOINT.match(rest):
        after = rest[joint.end() :]
        state = _STATE_NAME.match(after)
        if state is None:
            return None if joint.group().strip(" ,") else names  # ", age 18+": the list has ended
        names.append(" ".join(state.group().lower().split()))
        rest = after[state.end() :]
    return names


_JOINT = ci(r"\s*(?:,\s*(?:(?:and|or|&)\s+)?|\s+(?:and|or|&)\s+)")
_STATE_NAME = ci(
    "(?:" + "|".join(r"\s+".join(map(re.escape, n.split())) for n in sorted(STATES, key=len, reverse=True)) + r")\b"
)


def _cities(clause: str, state: str) -> list[tuple[str, str]]:
    """The known cities (or New York boroughs) a clause names; nothing when one name is not a known city."""
    found: list[tuple[str, str]] = []
    for pattern in (CITY_AFTER, CITY_BEFORE):
        for m in pattern.finditer(clause):
            names = _split_names(re.sub(r"^(?:[Cc]ity\s*of\s*|[Rr]esidents?\s*of\s*|the\s+)", "", m.group(1)))
            # "For Evanston residents", "Only Tacoma residents", "For residents of ...": a capitalised first word that
            # is not part of the name (round 13)
            if names:
                names[0] = re.sub(rf"^(?:{LEADING})(?:\s+|$)", "", names[0], flags=re.I)
                names = [n for n in names if n]
            # "Richmond City residents", "a Baltimore City resident": the city, when "<name> City" is none itself
            names = [n[:-5] if n.endswith(" City") and not _city_known(n, state) else n for n in names]
            if state == "NY" and names and all(n.lower() in BOROUGHS for n in names):
                found += [("residency_county", f"{BOROUGHS[n.lower()]}, NY") for n in names]
            elif names and all(n.lower() not in STATES and _city_known(n, state) for n in names):
                found += [("residency_city", f"{n}, {state}") for n in names]
            elif names:
                return []  # a place named is not a city we know: the list we kept would be partial
    return list(dict.fromkeys(found))


@lru_cache(maxsize=1)
def _city_names() -> frozenset[str]:
    from .geo import _city_index

    return frozenset(city for city, _ in _city_index())


def city_named(name: str) -> bool:
    """Whether a name is some U.S. city's (in any state): a place opening a clause says where a service is."""
    return name.strip().lower() in _city_names()

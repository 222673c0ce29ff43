"""A listing's text cut into clauses, with the lines that can decide nothing dropped first."""

from __future__ import annotations

import re
from typing import Final

from .eligibility_lexicon import ARTICLES, FILLERS, OPENERS, WIDENERS, ci


def clauses(text: str) -> list[str]:
    """Sentences and ``;``-parts of a text (a period inside "U.S." or "a.m." does not split)."""
    parts = re.split(r"(?<!\b[A-Za-z])[.;!\n]+(?=\s|$)|;|\n", text)
    return [" ".join(p.split()).strip(" ,:-") for p in parts if p and p.strip(" ,:-\t")]


#: A line that lists values under a label ("Immigration status: Asylee; Refugee; ..."): alternatives,
#: each of which someone may be; a limit inside one item ("Victim of Trafficking (18 and over)") binds nobody.
LABELLED_LIST = re.compile(r"^\s*[A-Z][\w /-]{0,30}:\s.*;")
#: A clause whose requirement holds for one part of the service ("For emergency assistance, ...").
SCOPED = ci(r"^(?:for|in|with)\s+[\w /-]{1,40},")
#: "None for most services": what other clauses say holds only for some of the service.
PARTLY = ci(r"^\s*(?:none|no\s*(?:requirements|restrictions))\s*(?:for|in)\s*(?:most|some|many)\b")


def decidable(text: str) -> str:
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


_LOWER_MORE: Final = frozenset(
    re.findall(
        r"\w+",
        "of in to or be is at on by an as if no so us do we up it and not with from live lives living reside "
        "resides residing resident residents must",
    )
)
#: Words an all-caps clause keeps in lower case: the grammar's own words, so that only names are capitalised.
_LOWER: Final = FILLERS | ARTICLES | OPENERS | WIDENERS | _LOWER_MORE


def cased(clause: str) -> str:
    """An all-caps clause ("RESIDENT OF HUMBOLDT COUNTY") in the case the place patterns read: the grammar's
    words in lower case, every other word capitalised ("resident of Humboldt County"); two-letter words
    that are not the grammar's ("ID", "VA", "CA") stay as written. A capitalised word that is no place
    name ("Homeless Alameda County") names no county or city the ZIP table knows, so it decides nothing.
    A clause with any lower-case letter is returned as it is."""
    if re.search(r"[a-z]", clause) or not re.search(r"[A-Z]{3}", clause):
        return clause

    def word(m: re.Match[str]) -> str:
        w = m.group(0)
        if w.lower() in _LOWER:
            return w.lower()
        return w if len(w) <= 2 else w[0] + w[1:].lower()

    return re.sub(r"[A-Z][A-Z']*", word, clause)

"""The grammar of a California DOJ RAP sheet (layout ``ca-doj-rap-text-v1``): one table of line
patterns (``LINES``) that classifies every line, and the phrases a ``DISPO:`` or ``SEN:`` line may
print (relief, dispositions, terms). The reader (``ca_rap``) walks the classified lines.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Final

#: Limits on work: bytes of a file, pages of a PDF, lines of text.
MAX_BYTES: Final = 8_000_000
MAX_PAGES: Final = 300
MAX_LINES: Final = 30_000


KIND: Final = "ca-rap-sheet"
LAYOUT: Final = "ca-doj-rap-text-v1"
#: The grammar of a line: (kind, pattern). The first pattern that matches the whole line decides.
LINES: Final[tuple[tuple[str, re.Pattern[str]], ...]] = tuple(
    (kind, re.compile(pattern))
    for kind, pattern in (
        ("blank", r"\s*"),
        ("restricted", r"RESTRICTED - DO NOT USE FOR EMPLOYMENT, LICENSING OR CERTIFICATION PURPOSES"),
        ("attn", r"ATTN: .*DATE:(?P<date>\d{8}) TIME:\d\d:\d\d"),
        ("source", r"\*\* III CALIFORNIA ONLY SOURCE RECORD"),
        ("cii", r"CII/(?P<cii>[A-Z]?\d{6,10})"),
        ("dob", r"DOB/(?P<dob>\d{8})?\s+SEX/\S*\s+RAC/.*"),
        ("name", r"NAM/(?P<n>\d{2,3})\s+(?P<name>\S.*)"),
        ("end", r"\* \* \* END OF MESSAGE \* \* \*"),
        ("cycle", r"\* \* \* \*"),
        ("event", r"- - - -"),
        ("arrest", r"ARR/DET/CITE:(?:\s+NAM:\d{2,3})?(?:\s+DOB:\d{8})?"),
        ("court", r"COURT:(?:\s+NAM:\d{2,3})?"),
        ("when", r"(?P<date>\d{8})\s+(?P<agency>CA[A-Z]{2})\s+(?P<place>\S.*)"),
        ("count", r"CNT:\s?(?P<n>\d{1,3})(?:\s+#(?P<number>\S+))?"),
        ("toc", r"\s+TOC:(?P<toc>[FMI])"),
        ("dispo", r"\s*\*?DISPO:(?P<text>\S.*)"),
        ("status", r"\s+CONV STATUS:(?P<status>FELONY|MISDEMEANOR|INFRACTION)"),
        ("sentence", r"\s+SEN:\s*(?P<text>\S.*)"),
        ("offense", r"\s{1,3}(?P<section>[0-9][0-9A-Z().\-]*)\s+(?P<code>PC|HS|VC|BP|WI)-(?P<desc>\S.*)"),
        ("more", r"\s{4,}(?P<text>\S.*)"),
    )
)
#: Relief a later court event records: the DISPO phrase, and the citation when the phrase has none.
RELIEF: Final[tuple[tuple[re.Pattern[str], str | None], ...]] = tuple(
    (re.compile(pattern), default)
    for pattern, default in (
        (r"CONV(?:ICTION)? SET ASIDE (?:&|AND) DISM(?:ISSED)? PER (?P<cite>.+)", None),
        (r"DISM(?:ISSED)? PER (?P<cite>1203\.4.*)", None),
        (r"REDUCED TO MISD(?:EMEANOR)? PER (?P<cite>.+)", None),
        (r"(?:RESENTENCED|REDESIGNATED(?: AS)? MISD(?:EMEANOR)?) PER (?P<cite>1170\.18.*)", None),
        (r"SEALED PER (?P<cite>.+)", None),
        (r"ARREST DEEMED NOT TO HAVE OCCURRED(?: PER)? (?P<cite>.+)", "PC"),
        (r"RELIEF GRANTED PER (?P<cite>.+)", None),
    )
)
#: Reductions: the offense is "a misdemeanor for all purposes" afterwards (§ 17(b); § 1170.18(k)).
REDUCTIONS: Final = ("PC-17(B)", "PC-1170.18")
DISPOSITIONS: Final[tuple[tuple[re.Pattern[str], str], ...]] = (
    (re.compile(r"CONVICTED"), "convicted"),
    (re.compile(r"DISMISSED(?:/.*)?"), "dismissed"),
    (re.compile(r"(?:ACQUITTED|NOT GUILTY)(?:/.*)?"), "not_guilty"),
    (re.compile(r"PROS REJ(?:-.*)?"), "withdrawn"),
)
TERM: Final = re.compile(r"(?P<n>\d{1,3}) (?P<unit>DAYS|MONTHS|YEARS) (?P<what>PROBATION|JAIL|PRISON)")
GRADES: Final = {"F": "felony", "M": "misdemeanor", "I": "infraction"}
#: Why a count's sentence is left unknown after a later court event (a revocation reads more favourably
#: as the probation first imposed: it never ended in prison and parole).
RESENTENCED: Final = (
    "a later court event changed or may have changed this sentence (probation revoked?): "
    "when did your custody and your supervision end?"
)


def classify(line: str) -> tuple[str, re.Match[str] | None]:
    """The kind of a line in this layout's grammar, with its parts; ``("other", None)`` if none."""
    for kind, pattern in LINES:
        found = pattern.fullmatch(line)
        if found is not None:
            return kind, found
    return "other", None


def read_date(text: str) -> date | None:
    try:
        return date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        return None

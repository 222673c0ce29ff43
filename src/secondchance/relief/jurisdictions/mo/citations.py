"""Missouri citations as charging documents, judgments, Case.net and people write them.

Read (white space and case do not matter):

* the Revised Statutes of Missouri before or after the number: ``RSMo 565.021``, ``RSMo. 565.021``,
  ``R.S.Mo. 565.021``, ``§ 565.021 RSMo``, ``565.021 RSMo``, ``Section 565.021, RSMo 2016``,
  ``565.021 RSMo (2000)``, ``570.030, RSMo Cum. Supp. 2013``, ``Mo. Rev. Stat. § 565.021``,
  ``Missouri Revised Statutes 565.021``;
* the bare number as judgments and Case.net print it: ``565.021``, ``§ 565.021``, ``Section 565.021``;
* subsections as courts print them: ``570.030.3(1)`` (subsection 3, subdivision (1)), ``571.030.1(11)``,
  ``579.015.4``, ``565.021(1)``;
* the canonical form ``RSMO-570.030(3)(1)``.

A section number is a chapter of one to three digits, a dot, and three or four digits (``565.021``,
``375.1312``): ``565.02`` or ``56.5021`` is garbled and unreadable. Anything else (a charge code such as
``1301000``, a municipal ordinance, a description, two sections in one field) is unreadable, so the
statute is unknown and every rule that turns on it needs review.

Chapter 566 (sexual offenses) is excluded from expungement whole: "any offense listed, or previously
listed, in chapter 566" (RSMo 610.140.3(6)). A rule list cannot name a chapter, so the sections of
chapter 566 are enumerated (``CHAPTER_566``, the same list as ``mo.610_140.chapter_566``), and a
chapter-566 number not in it reads as unreadable rather than as "not listed": a section we do not
know must never pass as not excluded.
"""

from __future__ import annotations

import re
from typing import Final

#: Every section number of chapter 566 RSMo we know of, current or repealed (revisor.mo.gov chapter index;
#: pre-2017 sections from the repealed text). A chapter-566 citation outside this list is unreadable.
CHAPTER_566: Final = tuple(
    f"566.{n}"
    for n in (
        "010", "020", "023", "025", "030", "031", "032", "034", "040", "050", "060", "061", "062", "064",
        "067", "068", "069", "070", "071", "083", "085", "086", "090", "093", "095", "100", "101", "103",
        "111", "115", "116", "120", "125", "130", "135", "140", "141", "145", "147", "148", "149", "150",
        "151", "153", "155", "200", "203", "206", "209", "210", "211", "212", "213", "215", "218", "223",
        "224", "226",
    )
)  # fmt: skip
_KNOWN_566: Final = frozenset(CHAPTER_566)

_RSMO: Final = (
    r"(?:R\.?\s*S\.?\s*MO\.?|MO\.?\s*REV\.?\s*STAT\.?(?:\s*ANN\.?)?|V\.?\s*A\.?\s*M\.?\s*S\.?"
    r"|MISSOURI\s+REVISED\s+STATUTES|REVISED\s+STATUTES\s+OF\s+MISSOURI)"
)
#: The edition or supplement a citation may name after RSMo: "RSMo 2016", "RSMo (2000)", "RSMo Cum. Supp. 2013".
_EDITION: Final = r"(?:\s*,?\s*\(?\s*(?:CUM\.?\s*)?(?:SUPP\.?\s*)?(?:(?:19|20)[0-9]{2})?\s*\)?)"
_SIGN: Final = r"(?:§+|SECTIONS?|SECS?\.?|SECT\.)"
_SECTION: Final = r"(?P<section>[0-9]{1,3}\.[0-9]{3,4})"
#: A subsection after a dot (".3"), then subdivisions in parentheses ("(1)", "(a)").
_SUBS: Final = r"(?P<subs>(?:\.[0-9]{1,2})?(?:\s*\((?:[0-9]{1,3}|[A-Z]{1,2})\))*)"
_END: Final = r"\s*[.,;]?$"

_FORMS: Final[tuple[re.Pattern[str], ...]] = tuple(
    re.compile(pattern)
    for pattern in (
        rf"^RSMO-{_SECTION}{_SUBS}$",
        rf"^{_RSMO}\s*,?\s*(?:{_SIGN}\s*)?{_SECTION}{_SUBS}{_EDITION}?{_END}",
        rf"^(?:{_SIGN}\s*)?{_SECTION}{_SUBS}\s*,?\s*{_RSMO}{_EDITION}?{_END}",
        rf"^(?:{_SIGN}\s*)?{_SECTION}{_SUBS}{_END}",
    )
)


def _subdivisions(written: str) -> str:
    """``.3(1)(a)`` as ``(3)(1)(A)``."""
    parts = re.findall(r"^\.([0-9]{1,2})|\(([0-9A-Z]+)\)", written.replace(" ", ""))
    return "".join(f"({dot or paren})" for dot, paren in parts)


def read(text: str) -> str | None:
    """The canonical form of a Missouri citation (``text`` already cleaned), or ``None``."""
    for pattern in _FORMS:
        found = pattern.match(text)
        if found is None:
            continue
        section = found["section"]
        if section.startswith("566.") and section not in _KNOWN_566:
            return None  # a chapter-566 section we do not know: never "not excluded" (module docstring)
        return f"RSMO-{section}{_subdivisions(found['subs'] or '')}"
    return None

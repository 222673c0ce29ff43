"""California citations as RAP sheets, court papers and people write them.

Read (white space and case do not matter), for the Penal (PC), Health and Safety (HS), Vehicle
(VC), Business and Professions (BP) and Welfare and Institutions (WI) Codes:

* the code before the section: ``PC 288(a)``, ``P.C. 288``, ``PEN 288(a)``, ``Pen. Code, § 288, subd. (a)``,
  ``Penal Code section 288(a)``, ``Cal. Penal Code § 288(a)``, ``CA PC 288(a)``, ``H&S 11350``, ``HSC 11350``,
  ``Health and Safety Code § 11350(a)``, ``Veh. Code § 23152(b)``, ``B&P 4060``, ``W&I 5150``;
* the code after it, as the DOJ's RAP sheet prints a count: ``288(A) PC``, ``311.11(A) PC``,
  ``11377(A) HS``, with or without the description that follows (``496(A) PC-RECEIVE KNOWN STOLEN PROPERTY``);
* an attempt (§ 664), conspiracy (§ 182) or solicitation (§ 653f) with its object: ``664/211 PC``,
  ``PC 664/187(a)``, ``182(a)(1)/211 PC`` (canonical ``PC-664/PC-211``);
* the canonical forms ``PC-288(A)``, ``HS-11350(A)``, ``PC-664/PC-211``.

A section's letter belongs to it (``288a`` is former § 288a, ``288(a)`` is § 288, subdivision (a)).
Anything else (a section with no code, two offenses in one field, an enhancement after a slash) is
unreadable.
"""

from __future__ import annotations

import re
from typing import Final

from ...citations import PART, subdivisions

_CODES: Final[dict[str, str]] = {
    "PC": (
        r"(?:CAL(?:IFORNIA|\.)?\s*|CA\.?\s+)?"
        r"(?:PENAL\s+CODE|PEN\.?\s*CODE|PEN\.?\s*C\.?|PEN\.?|P\.\s*C\.?|PC\.?|CPC)"
    ),
    "HS": (
        r"(?:CAL(?:IFORNIA|\.)?\s*|CA\.?\s+)?"
        r"(?:HEALTH\s*(?:&|AND)\s*SAF(?:ETY|\.)?\s*CODE|H\.?\s*&\s*S\.?\s*(?:CODE|C\.?)?|HSC|HS|H\.\s*S\.)"
    ),
    "VC": (
        r"(?:CAL(?:IFORNIA|\.)?\s*|CA\.?\s+)?"
        r"(?:VEH(?:ICLE|\.)?\s*CODE|VEH\.?\s*C\.?|VEH\.?|V\.\s*C\.?|VC\.?|CVC)"
    ),
    "BP": (
        r"(?:CAL(?:IFORNIA|\.)?\s*|CA\.?\s+)?"
        r"(?:BUS(?:INESS|\.)?\s*(?:&|AND)\s*PROF(?:ESSIONS|\.)?\s*CODE|B\.?\s*&\s*P\.?\s*(?:CODE|C\.?)?|BPC|BP)"
    ),
    "WI": (
        r"(?:CAL(?:IFORNIA|\.)?\s*|CA\.?\s+)?"
        r"(?:WELF(?:ARE|\.)?\s*(?:&|AND)\s*INST(?:ITUTIONS|\.)?\s*CODE|W\.?\s*&\s*I\.?\s*(?:CODE|C\.?)?|WIC|WI)"
    ),
}
#: The codes read, by their canonical abbreviations.
CODES: Final = tuple(_CODES)
#: The sections that take another offense as their object: attempt, conspiracy, solicitation.
INCHOATE: Final = ("664", "182", "653F")

_NUMBER: Final = r"[0-9]+(?:\.[0-9]+)?[A-Z]?"
_SUBS: Final = rf"(?:\s*,?\s*(?:SUBDIVISION|SUBD\.?)?\s*\({PART}\))*"
_BODY: Final = (
    rf"(?P<section>{_NUMBER})(?P<subs>{_SUBS})"
    rf"(?:\s*/\s*(?:(?P<ocode>PC|HS|VC|BP|WI)-)?(?P<object>{_NUMBER})(?P<osubs>{_SUBS}))?"
)
_SIGN: Final = r"(?:§+|SECTIONS?|SECS?\.?|SECT\.)"
_END: Final = r"\s*[.,;]?$"


def _forms() -> tuple[tuple[re.Pattern[str], str], ...]:
    forms = []
    for code, spelled in _CODES.items():
        forms.append((re.compile(rf"^{code}-{_BODY}$"), code))
        forms.append((re.compile(rf"^{spelled}\s*,?\s*(?:{_SIGN}\s*)?{_BODY}{_END}"), code))
        forms.append((re.compile(rf"^{_BODY}\s*,?\s*{spelled}(?:\s*-\s*[A-Z].*|{_END})"), code))
    return tuple(forms)


_FORMS: Final = _forms()


def read(text: str) -> str | None:
    """The canonical form of a California citation (``text`` already cleaned), or ``None``."""
    for pattern, code in _FORMS:
        found = pattern.match(text)
        if found is None:
            continue
        subs = subdivisions(found["subs"])
        if subs is None:
            return None
        cited = f"{code}-{found['section']}{subs}"
        if found["object"] is None:
            return cited
        object_subs = subdivisions(found["osubs"])
        if found["section"] not in INCHOATE or object_subs is None or found["ocode"] not in (None, code):
            return None  # a slash that is not attempt/conspiracy/solicitation: an enhancement, two offenses
        return f"{cited}/{code}-{found['object']}{object_subs}"
    return None

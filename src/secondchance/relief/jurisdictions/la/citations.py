"""Louisiana citations as bills of information, minute entries, rap sheets and courts print them.

Read (white space and case do not matter):

* Revised Statutes, ``title:section``: ``La. R.S. 14:34``, ``R.S. 14:34``, ``LSA-R.S. 14:34``,
  ``La. Rev. Stat. § 14:34``, ``La. Rev. Stat. Ann. § 14:34``, ``Louisiana Revised Statutes 14:34``,
  ``RS 14:34``, and the bare ``14:34`` that charge codes and minute entries print; sections carry
  decimals (``14:34.2``, ``14:93.2.3``) and sub-parts as courts print them: ``14:34.2(A)(1)``,
  ``40:966(A)(1)``, the run-together ``40:966A(1)`` and ``40:966 A(1)``, the charge code's ``14:30 A.(5.)``;
* Code of Criminal Procedure articles: ``La. C.Cr.P. art. 894``, ``C.Cr.P. art. 894(B)``,
  ``LSA-C.Cr.P. art. 894``, ``La. Code Crim. Proc. art. 894``, ``La. Code Crim. Proc. Ann. art. 894``,
  ``Code of Criminal Procedure Article 894``, ``CCRP 894``;
* an attempt (R.S. 14:27) or conspiracy (R.S. 14:26) with its object: ``14:27/14:30.1``,
  ``La. R.S. 14:27 and 14:30.1``, ``R.S. 14:(27)30.1`` (canonical ``RS-14:27/RS-14:30.1``);
* the canonical forms ``RS-14:34.2(A)(1)``, ``CCRP-894(B)``, ``RS-14:27/RS-14:30.1``.

Anything else is unreadable (``None``), so a rule that turns on the statute answers "needs review":
a section without its title (``R.S. 34``), a title outside the Revised Statutes' numbering, a
description instead of a citation, two offenses that are not an attempt or conspiracy and its
object (``14:34/14:35``), sub-parts that are not sub-parts (``14:34(FELONY)``).
"""

from __future__ import annotations

import re
from typing import Final

from ...citations import subdivisions

#: Titles of the Revised Statutes run 1-56 (Title 14 Criminal Law, 15 Criminal Procedure, 32 Motor
#: Vehicles, 40 Public Health (the Uniform Controlled Dangerous Substances Law)).
_TITLE: Final = r"(?:[1-9]|[1-4][0-9]|5[0-6])"
_NUMBER: Final = r"[0-9]{1,4}(?:\.[0-9]{1,3}){0,2}"
_RS_NAME: Final = (
    r"(?:(?:LA\.?|LSA|LOUISIANA)\s*-?\s*)?"
    r"(?:R\.\s*S\.?|RS\.?|REV\.?\s*STAT\.?(?:\s*ANN\.?)?|REVISED\s+STATUTES?(?:\s+OF\s+1950)?)"
)
_CCRP_NAME: Final = (
    r"(?:(?:LA\.?|LSA|LOUISIANA)\s*-?\s*)?"
    r"(?:C\.?\s*CR\.?\s*P\.?|CCRP|CODE\s+CRIM(?:INAL|\.)?\s*PROC(?:EDURE|\.)?(?:\s*ANN\.?)?"
    r"|CODE\s+OF\s+CRIMINAL\s+PROCEDURE)"
)
_SIGN: Final = r"(?:§+|SECTIONS?|SECS?\.?|SEC\.)"
_ARTICLE: Final = r"(?:ARTICLES?|ARTS?\.?)"
_SUBS: Final = r"(?P<subs>[A-Z0-9().\s]*?)"
_END: Final = r"\s*[.,;]?$"
#: The attempt and conspiracy sections, which take another offense as their object.
INCHOATE: Final = ("14:27", "14:26")

_RS_BODY: Final = rf"(?P<title>{_TITLE})\s*:\s*(?P<section>{_NUMBER})"
_RS_FORMS: Final = (
    re.compile(rf"^RS-{_RS_BODY}{_SUBS}$"),
    re.compile(rf"^{_RS_NAME}\s*,?\s*(?:{_SIGN}\s*)?{_RS_BODY}\s*{_SUBS}{_END}"),
    re.compile(rf"^{_RS_BODY}\s*{_SUBS}{_END}"),
)
_CCRP_FORMS: Final = (
    re.compile(rf"^CCRP-(?P<section>{_NUMBER}){_SUBS}$"),
    re.compile(rf"^{_CCRP_NAME}\s*,?\s*(?:{_ARTICLE}\s*)?(?P<section>{_NUMBER})\s*{_SUBS}{_END}"),
)
#: Two offenses: an inchoate section and its object ("14:27/14:30.1", "14:27 AND 14:30.1", "14:(27)30.1").
_PAIR: Final = re.compile(r"^(?P<first>.+?)\s*(?:/|&|\bAND\b)\s*(?P<second>.+)$")
_PAREN_INCHOATE: Final = re.compile(
    rf"^(?:{_RS_NAME}\s*,?\s*(?:{_SIGN}\s*)?)?14\s*:\s*\(\s*(?P<inchoate>2[67])\s*\)\s*(?P<object>{_NUMBER})\s*{_SUBS}{_END}"
)


def _parts(text: str) -> str | None:
    """Sub-parts as canonical ``(A)(1)``; also the bare letter courts print first (``A(1)``, ``A.(5.)``)."""
    compact = text.replace(" ", "")
    compact = re.sub(r"\(([0-9A-Z]+)\.\)", r"(\1)", compact)  # "(5.)" is (5)
    lead = re.match(r"^([A-Z])\.?(?=\(|$)", compact)
    if lead:
        compact = f"({lead.group(1)})" + compact[lead.end() :]
    return subdivisions(compact)


def _read_one(text: str) -> str | None:
    for pattern in _RS_FORMS:
        found = pattern.match(text)
        if found is not None:
            parts = _parts(found["subs"])
            return None if parts is None else f"RS-{found['title']}:{found['section']}{parts}"
    for pattern in _CCRP_FORMS:
        found = pattern.match(text)
        if found is not None:
            parts = _parts(found["subs"])
            return None if parts is None else f"CCRP-{found['section']}{parts}"
    return None


def read(text: str) -> str | None:
    """The canonical form of a Louisiana citation (``text`` already cleaned), or ``None``."""
    single = _read_one(text)
    if single is not None:
        return single
    paren = _PAREN_INCHOATE.match(text)
    if paren is not None:
        parts = _parts(paren["subs"])
        return None if parts is None else f"RS-14:{paren['inchoate']}/RS-14:{paren['object']}{parts}"
    pair = _PAIR.match(text)
    if pair is None:
        return None
    first = _read_one(pair["first"])
    second = _read_one(pair["second"])
    if second is None and first is not None and first.startswith("RS-"):
        # "La. R.S. 14:27 and 14:30.1": the object may omit the code name the first one printed
        second = _read_one(pair["second"].strip())
    if first is None or second is None or "/" in second:
        return None
    if first.removeprefix("RS-") not in INCHOATE or not second.startswith("RS-"):
        return None  # two offenses in one field, or an enhancement: not one offense
    return f"{first}/{second}"

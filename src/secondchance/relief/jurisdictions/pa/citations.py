"""Pennsylvania citations as dockets, court summaries and people write them.

Read (white space and case do not matter):

* Consolidated Statutes: ``18 Pa.C.S. § 2701(a)(1)``, ``18 Pa.C.S.A. § 2701``, ``18 Pa. C.S. 2701``,
  ``18 PaCS 2701(a)(1)``, ``18 Pa. Cons. Stat. § 2701``, ``18 PA.C.S. 2701 A1``, ``Title 18 § 2701(a)(1)``;
* the UJS docket form ``18 § 2701 §§ A1`` (subsections run together: ``A1`` is (a)(1), ``A16`` (a)(16));
* Purdon's Statutes (sections with a dash): ``35 P.S. § 780-113(a)(16)``, ``35 Pa. Stat. § 780-113``,
  ``35 § 780-113 §§ A16``, and the Controlled Substance Act's own numbering ``Controlled Substance Act
  § 13(a)(16)`` (35 P.S. § 780-113);
* the canonical forms ``18-2701(A)(1)`` and ``35-PS-780-113(A)(16)``.

Anything else (a section without its title, two offenses in one field, a description) is unreadable.
An inchoate offense (§ 901 attempt, § 902 solicitation, § 903 conspiracy) reads as itself: dockets do not
cite its object, and the rules send what turns on the object to review (``pa.inchoate_offenses``).
"""

from __future__ import annotations

import re
from typing import Final

from ...citations import subdivisions

_TITLE: Final = r"(?P<title>[1-9][0-9]?)"
_SECTION: Final = r"(?P<section>[0-9]+(?:\.[0-9]+)?(?:-[0-9]+(?:\.[0-9]+)?)?)"
_SUBS: Final = r"(?P<subs>.*?)"
_SIGN: Final = r"(?:§+|SECTIONS?|SECS?\.?|SECT\.)"
_PA_CS: Final = r"(?:PA\.?\s*C\.?\s*S\.?\s*(?:A\.?)?|PA\.?\s*CONS\.?\s*STAT\.?\s*(?:ANN\.?)?)"
_PURDON: Final = r"(?:P\.?\s*S\.?\s*(?:A\.?)?|PA\.?\s*STAT\.?\s*(?:ANN\.?)?)"
_DRUG_ACT: Final = r"(?:THE\s+)?CONTROLLED\s+SUBSTANCE,?\s*(?:DRUG,?\s*DEVICE,?\s*(?:AND|&)\s*COSMETIC\s+)?ACT"
_END: Final = r"\s*\**\s*[.,;]?$"

#: (pattern, which code: "C" Consolidated Statutes, "P" Purdon's, "?" by the section's form)
_FORMS: Final[tuple[tuple[re.Pattern[str], str], ...]] = tuple(
    (re.compile(pattern), code)
    for pattern, code in (
        (rf"^{_TITLE}\s*{_PA_CS}\s*,?\s*(?:{_SIGN}\s*)?{_SECTION}(?:\s*§§)?\s*{_SUBS}{_END}", "C"),
        (rf"^{_TITLE}\s*{_PURDON}\s*,?\s*(?:{_SIGN}\s*)?{_SECTION}(?:\s*§§)?\s*{_SUBS}{_END}", "P"),
        (rf"^TITLE\s+{_TITLE}\s*,?\s*(?:{_SIGN}\s*){_SECTION}(?:\s*§§)?\s*{_SUBS}{_END}", "?"),
        (rf"^{_TITLE}\s*§\s*{_SECTION}(?:\s*§§)?\s*{_SUBS}{_END}", "?"),
        (rf"^{_TITLE}-PS-{_SECTION}{_SUBS}$", "P"),
        (rf"^{_TITLE}-{_SECTION}{_SUBS}$", "C"),
    )
)
_DRUG_ACT_FORM: Final = re.compile(rf"^{_DRUG_ACT}\s*,?\s*(?:{_SIGN}\s*)?13\s*{_SUBS}{_END}")


def read(text: str) -> str | None:
    """The canonical form of a Pennsylvania citation (``text`` already cleaned), or ``None``."""
    drug_act = _DRUG_ACT_FORM.match(text)
    if drug_act:
        subs = subdivisions(drug_act["subs"])
        return None if subs is None else f"35-PS-780-113{subs}"
    for pattern, code in _FORMS:
        found = pattern.match(text)
        if found is None:
            continue
        written = found["subs"] or ""
        subs = subdivisions(written)
        run_on = written[:1].isalnum() and found.start("subs") == found.end("section")
        if subs is None or run_on:
            return None  # "2701 A1" is (a)(1), but "27O1" is a garbled section, not § 27 (o)(1)
        section = found["section"]
        purdon = code == "P" or (code == "?" and "-" in section)
        if not purdon and "-" in section:
            return None  # Consolidated Statutes sections have no dash
        return f"{found['title']}-PS-{section}{subs}" if purdon else f"{found['title']}-{section}{subs}"
    return None

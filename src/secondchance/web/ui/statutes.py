"""Links to the official text of a cited statute, where the legislature publishes a stable address."""

from __future__ import annotations

import re
from urllib.parse import urlencode

PA_CONSOLIDATED = re.compile(r"^(\d+)\s+Pa\.\s*C\.\s*S\.\s*§\s*(\d+)(?:\.(\d+))?")
CA_CODE = re.compile(
    r"(Penal Code|Pen\. Code|Health (?:and|&) Safety Code|Vehicle Code|PC|HS|VC)\s*§?\s*(\d+(?:\.\d+)?[a-z]?)\b"
)
CA_CODES = {"Penal Code": "PEN", "Pen. Code": "PEN", "PC": "PEN", "Health and Safety Code": "HSC", "HS": "HSC"}
CA_CODES |= {"Health & Safety Code": "HSC", "Vehicle Code": "VEH", "VC": "VEH"}


def official_url(section: str) -> str | None:
    """The legislature's page for ``section`` (PA consolidated statutes, California codes), else None."""
    match = PA_CONSOLIDATED.match(section.strip())
    if match:
        # The General Assembly's static page per section: § 9122.2 of title 18 is 18/00.091.022.002..HTM
        title, number, sub = match.groups()
        chapter, number_in_chapter = int(number[:-2]), int(number[-2:])
        page = f"00.{chapter:03d}.{number_in_chapter:03d}.{int(sub or 0):03d}..HTM"
        return f"https://www.legis.state.pa.us/WU01/LI/LI/CT/HTM/{title}/{page}"
    match = CA_CODE.search(section)
    if match and ("Cal" in section or section.startswith(tuple(CA_CODES))):
        code = CA_CODES[match.group(1)]
        return "https://leginfo.legislature.ca.gov/faces/codes_displaySection.xhtml?" + urlencode(
            {"lawCode": code, "sectionNum": match.group(2)}
        )
    return None

"""Links to the official text of a cited statute, where the legislature publishes a stable address."""

from __future__ import annotations

import re
from urllib.parse import urlencode

PA_CONSOLIDATED = re.compile(r"^(\d+)\s+Pa\.\s*C\.\s*S\.\s*§\s*(\d+)(?:\.(\d+))?")
CA_CODE = re.compile(r"(Penal Code|Pen\. Code|PC|Health and Safety Code|HS|Vehicle Code|VC)\s*§?\s*(\d+(?:\.\d+)?)")
CA_CODES = {"Penal Code": "PEN", "Pen. Code": "PEN", "PC": "PEN", "Health and Safety Code": "HSC", "HS": "HSC"}
CA_CODES |= {"Vehicle Code": "VEH", "VC": "VEH"}


def official_url(section: str) -> str | None:
    """The legislature's page for ``section`` (PA consolidated statutes, California codes), else None."""
    match = PA_CONSOLIDATED.match(section.strip())
    if match:
        title, number, sub = match.groups()
        chapter, sctn = number[:-2], number[-2:]
        query = {"txtType": "HTM", "ttl": title, "div": "0", "chpt": chapter, "sctn": sctn, "subsctn": sub or "0"}
        return "https://www.legis.state.pa.us/cfdocs/legis/LI/consCheck.cfm?" + urlencode(query)
    match = CA_CODE.search(section)
    if match and ("Cal" in section or section.startswith(tuple(CA_CODES))):
        code = CA_CODES[match.group(1)]
        return "https://leginfo.legislature.ca.gov/faces/codes_displaySection.xhtml?" + urlencode(
            {"lawCode": code, "sectionNum": match.group(2)}
        )
    return None

"""Links to the official text of a California code section (leginfo.legislature.ca.gov)."""

from __future__ import annotations

import re
from typing import Final
from urllib.parse import urlencode

_CODE: Final = re.compile(
    r"(Penal Code|Pen\. Code|Health (?:and|&) Safety Code|Vehicle Code|PC|HS|VC)\s*§?\s*(\d+(?:\.\d+)?[a-z]?)\b"
)
_CODES: Final = {
    "Penal Code": "PEN",
    "Pen. Code": "PEN",
    "PC": "PEN",
    "Health and Safety Code": "HSC",
    "Health & Safety Code": "HSC",
    "HS": "HSC",
    "Vehicle Code": "VEH",
    "VC": "VEH",
}


def official_url(section: str) -> str | None:
    """The Legislature's page for a cited California section, else None."""
    match = _CODE.search(section)
    if match is None or not ("Cal" in section or section.startswith(tuple(_CODES))):
        return None
    return "https://leginfo.legislature.ca.gov/faces/codes_displaySection.xhtml?" + urlencode(
        {"lawCode": _CODES[match.group(1)], "sectionNum": match.group(2)}
    )

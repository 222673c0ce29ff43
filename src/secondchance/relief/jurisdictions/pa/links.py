"""Links to the official text of a Pennsylvania section, where the General Assembly publishes one."""

from __future__ import annotations

import re
from typing import Final

_CONSOLIDATED: Final = re.compile(r"^(\d+)\s+Pa\.\s*C\.\s*S\.\s*§\s*(\d+)(?:\.(\d+))?")


def official_url(section: str) -> str | None:
    """The General Assembly's static page per section: § 9122.2 of title 18 is 18/00.091.022.002..HTM."""
    match = _CONSOLIDATED.match(section.strip())
    if match is None:
        return None
    title, number, sub = match.groups()
    chapter, number_in_chapter = int(number[:-2]), int(number[-2:])
    page = f"00.{chapter:03d}.{number_in_chapter:03d}.{int(sub or 0):03d}..HTM"
    return f"https://www.legis.state.pa.us/WU01/LI/LI/CT/HTM/{title}/{page}"

"""Words shared by the eligibility readers: hedges, and the case-insensitive pattern helper."""

from __future__ import annotations

import re
from typing import Final


def ci(pattern: str) -> re.Pattern[str]:
    """A case-insensitive pattern (listings write "AGE 18+", "Age 18+" and "age 18+")."""
    return re.compile(pattern, re.IGNORECASE)


HEDGE: Final = ci(
    r"\b(?:priority|prioritiz\w*|prefer\w*|encourag\w*|especially|particularly|may|might|some|most|"
    r"usually|generally|typically|often|vary|varies|recommended|ideally|welcome to apply|not limited to|"
    r"mostly|mainly|primarily|largely|predominantly|chiefly|"
    r"including but)\b"
)

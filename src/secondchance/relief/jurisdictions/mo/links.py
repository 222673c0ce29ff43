"""Links to the official text of a cited Missouri section (revisor.mo.gov, the page read for this work).

The Constitution's pages are not linked: their address form was not verified.
"""

from __future__ import annotations

import re
from typing import Final

_RSMO: Final = re.compile(r"RSMo\s+(\d{1,3}\.\d{3,4})")


def official_url(section: str) -> str | None:
    """The Revisor of Statutes' page for the first RSMo section cited, else None."""
    found = _RSMO.search(section)
    return None if found is None else f"https://revisor.mo.gov/main/OneSection.aspx?section={found.group(1)}"

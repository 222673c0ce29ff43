"""Zedland citations: ``Zed. Code § 3-4(a)``, ``ZC 3-4 (a)``, ``Z.C. § 3-4``; canonical ``ZED-3-4(A)``.

A chapter and a section joined by a dash; anything else is unreadable (``None``). Disjoint from every
other grammar: no other state's canonical form starts ``ZED-``.
"""

from __future__ import annotations

import re
from typing import Final

from secondchance.relief.citations import subdivisions

_FORM: Final = re.compile(
    r"(?:ZED\.?\s*CODE|Z\.?\s*C\.?|ZED-)\s*(?:§+\s*)?(?P<section>[0-9]{1,2}-[0-9]{1,3})(?P<subs>.*)"
)


def read(text: str) -> str | None:
    """The canonical form of a Zedland citation (``text`` already cleaned), or ``None``."""
    found = _FORM.fullmatch(text)
    if found is None:
        return None
    subs = subdivisions(found["subs"])
    return None if subs is None else f"ZED-{found['section']}{subs}"

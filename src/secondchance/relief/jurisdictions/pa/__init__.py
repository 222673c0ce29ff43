"""Pennsylvania: 18 Pa.C.S. Chapter 91 (Criminal History Record Information)."""

from __future__ import annotations

from ...lang import RemainingPath, Rule
from . import s9122

RULES: tuple[Rule, ...] = (*s9122.RULES,)

REMAINING_PATHS: tuple[RemainingPath, ...] = (
    RemainingPath(
        id="PA-pardon",
        jurisdiction="PA",
        name="Pardon from the Governor",
        section="Pa. Const. art. IV, § 9; 18 Pa.C.S. § 9122(a)(2.1)",
        text=(
            "The Governor may pardon any conviction on the recommendation of the Board of Pardons. "
            "A pardoned conviction can then be expunged."
        ),
        where_to_start="Apply to the Pennsylvania Board of Pardons (bop.pa.gov); the application is free.",
    ),
)

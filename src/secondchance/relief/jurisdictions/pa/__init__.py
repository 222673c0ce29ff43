"""Pennsylvania: 18 Pa.C.S. Chapter 91 (Criminal History Record Information).

One module per section: ``s9122`` expungement, ``s9122_1`` petition for limited access,
``s9122_2`` clean slate limited access (whose conditions include the ``s9122_3`` exceptions).
Notes on sources, judgment calls and what is unverified: docs/jurisdictions/pa.md.
"""

from __future__ import annotations

from ...lang import RemainingPath, Rule
from . import s9122, s9122_1, s9122_2

RULES: tuple[Rule, ...] = (*s9122.RULES, *s9122_1.RULES, *s9122_2.RULES)

REMAINING_PATHS: tuple[RemainingPath, ...] = (
    RemainingPath(
        id="PA-pardon",
        jurisdiction="PA",
        name="Pardon from the Governor",
        section="Pa. Const. art. IV, § 9; 18 Pa.C.S. §§ 9122(a)(2.1), 9122.2(a)(4)",
        text=(
            "The Governor may pardon any conviction on the recommendation of the Board of Pardons. "
            "A pardoned conviction is sealed automatically and can then be expunged."
        ),
        where_to_start=(
            "Apply to the Pennsylvania Board of Pardons (bop.pa.gov); the application is free. Free help: "
            "the Pennsylvania Pardon Project and local legal aid (palegalaid.net)."
        ),
    ),
)

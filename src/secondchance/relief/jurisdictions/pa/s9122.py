"""18 Pa.C.S. § 9122 — Expungement.

(a) Specific proceedings.--Criminal history record information in a specific criminal
proceeding shall be expunged when: ... (2) a court order requires that such nonconviction
data be expunged; ...

Nonconviction data (charges withdrawn, dismissed, nolle prossed, or ending in acquittal) is
expunged by petition to the court of common pleas (Pa.R.Crim.P. 790); the court orders it.
"""

from __future__ import annotations

from ...lang import Condition, Fact, OneOf, Relief, Rule

SECTION = "18 Pa.C.S. § 9122"

NONCONVICTION = Rule(
    id="PA-9122-a2-nonconviction",
    jurisdiction="PA",
    relief=Relief.EXPUNGEMENT,
    section=f"{SECTION}(a)(2)",
    title="Expungement of a charge that did not end in a conviction",
    statute_text=(
        "(a) Specific proceedings.--Criminal history record information in a specific criminal "
        "proceeding shall be expunged when: ... (2) a court order requires that such "
        "nonconviction data be expunged;"
    ),
    conditions=(
        Condition(
            id="not_a_conviction",
            text="The charge ended without a conviction (not guilty, dismissed, withdrawn or nolle prossed).",
            cite=f"{SECTION}(a)(2)",
            test=OneOf(Fact("disposition"), ("not_guilty", "dismissed", "withdrawn", "nolle_prossed")),
        ),
    ),
)

RULES = (NONCONVICTION,)

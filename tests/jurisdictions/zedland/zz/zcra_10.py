"""Zedland Criminal Records Act § 10 (fictional) — automatic sealing of a charge without a conviction.

"(a) The record of a charge that ended in an acquittal or a dismissal shall be sealed without a petition."
"""

from __future__ import annotations

from datetime import date

from secondchance.relief.lang import Condition, Fact, OneOf, Relief, Rule

SECTION = "Zedland Criminal Records Act § 10"

RULES: tuple[Rule, ...] = (
    Rule(
        id="ZZ-10-a-nonconviction",
        jurisdiction="ZZ",
        relief=Relief.AUTOMATIC_SEALING,
        section=f"{SECTION}(a)",
        title="Automatic sealing of a charge that ended without a conviction",
        statute_text=(
            "(a) The record of a charge that ended in an acquittal or a dismissal shall be sealed without a petition."
        ),
        conditions=(
            Condition(
                id="not_convicted",
                text="The charge ended in an acquittal or a dismissal.",
                cite=f"{SECTION}(a)",
                test=OneOf(Fact("disposition"), ("not_guilty", "dismissed")),
            ),
        ),
        automatic=True,
        effective=date(2000, 1, 1),
    ),
)

"""Zedland Criminal Records Act § 11 (fictional) — expungement of a petty offence on petition.

"(a) A person convicted of a petty offence may petition for its expungement once the waiting period
has passed since the conviction, unless the offence is one the schedule excludes." The waiting period
and the schedule are dated parameters (``params.yaml``: five years, three from 2025-01-01).
"""

from __future__ import annotations

from datetime import date

from secondchance.relief.lang import Compare, Condition, Const, Fact, Not, OneOf, Param, Relief, Rule, StatuteIn, Wait

SECTION = "Zedland Criminal Records Act § 11"

RULES: tuple[Rule, ...] = (
    Rule(
        id="ZZ-11-a-petty",
        jurisdiction="ZZ",
        relief=Relief.EXPUNGEMENT,
        section=f"{SECTION}(a)",
        title="Expungement of a petty offence after a waiting period",
        statute_text=(
            "(a) A person convicted of a petty offence may petition for its expungement once the waiting period "
            "has passed since the conviction, unless the offence is one the schedule excludes."
        ),
        conditions=(
            Condition(
                id="convicted",
                text="The charge ended in a conviction.",
                cite=f"{SECTION}(a)",
                test=Compare("==", Fact("disposition"), Const("convicted")),
            ),
            Condition(
                id="petty",
                text="The conviction is a petty offence.",
                cite=f"{SECTION}(a)",
                test=OneOf(Fact("grade"), ("petty",)),
            ),
            Condition(
                id="not_excluded",
                text="The offence is not on the schedule of excluded offences.",
                cite=f"{SECTION}(a)",
                test=Not(StatuteIn(Fact("statute"), Param("zz.expungement.excluded"))),
            ),
        ),
        waits=(
            Wait(
                id="waiting_period",
                text="The waiting period since the conviction has passed (5 years; 3 from 2025-01-01).",
                cite=f"{SECTION}(a)",
                start=Fact("disposition_date"),
                years=Param("zz.expungement.years"),
            ),
        ),
        effective=date(2000, 1, 1),
    ),
)

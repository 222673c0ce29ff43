"""Cal. Penal Code § 17(b) — reducing a wobbler to a misdemeanor.

(b) When a crime is punishable, in the discretion of the court, either by imprisonment in the
state prison or imprisonment in a county jail under the provisions of subdivision (h) of Section
1170, or by fine or imprisonment in the county jail, it is a misdemeanor for all purposes under
the following circumstances:
(1) After a judgment imposing a punishment other than imprisonment in the state prison or
imprisonment in a county jail under the provisions of subdivision (h) of Section 1170. ...
(3) When the court grants probation to a defendant and at the time of granting probation, or
on application of the defendant or probation officer thereafter, the court declares the offense
to be a misdemeanor. ...

Encoded: paragraph (3), the petition a person files after probation was granted on a wobbler
(grade ``wobbler``). Paragraph (1) needs no petition (the offence already is a misdemeanor after
such a judgment), and a wobbler served in state prison or under § 1170(h) cannot be reduced.
The reduction is discretionary: "eligible" means the person may apply and the court decides.
There is no waiting period: the application can be made during or after probation.
"""

from __future__ import annotations

from ...lang import Condition, Fact, Not, OneOf, Relief, Rule
from ._common import CONVICTED, LONG_STANDING, PROBATION_GRANTED, all_of, any_of, fact_is, not_already_granted

SECTION = "Cal. Penal Code § 17(b)"

STATUTE_TEXT = (
    "(b) When a crime is punishable, in the discretion of the court, either by imprisonment in the state prison "
    "or imprisonment in a county jail under the provisions of subdivision (h) of Section 1170, or by fine or "
    "imprisonment in the county jail, it is a misdemeanor for all purposes under the following circumstances: "
    "(1) After a judgment imposing a punishment other than imprisonment in the state prison or imprisonment in a "
    "county jail under the provisions of subdivision (h) of Section 1170. ... (3) When the court grants probation "
    "to a defendant and at the time of granting probation, or on application of the defendant or probation "
    "officer thereafter, the court declares the offense to be a misdemeanor."
)

PROBATION_REDUCTION = Rule(
    id="CA-17b-3-probation-reduction",
    jurisdiction="CA",
    relief=Relief.REDUCTION,
    section=f"{SECTION}(3)",
    title="Reduction of a wobbler felony to a misdemeanor after probation was granted (discretionary)",
    statute_text=STATUTE_TEXT,
    conditions=(
        not_already_granted("A reduction to a misdemeanor", ("PC 17(b)", "PC 1170.18"), SECTION),
        Condition(id="convicted", text="The charge ended in a conviction.", cite=f"{SECTION}(3)", test=CONVICTED),
        Condition(
            id="wobbler",
            text="The offense is a wobbler: punishable either as a felony or as a misdemeanor.",
            cite=SECTION,
            test=OneOf(Fact("grade"), ("wobbler",)),
        ),
        Condition(
            id="probation_granted",
            text="The court granted probation (parole, PRCS or mandatory supervision is not probation).",
            cite=f"{SECTION}(3)",
            test=PROBATION_GRANTED,
        ),
        Condition(
            id="no_state_prison",
            text="No state prison sentence was executed (probation was completed, or the record says so).",
            cite=f"{SECTION}(3)",
            test=all_of(
                Not(fact_is("state_prison", True)),
                any_of(fact_is("probation_completed", True), fact_is("state_prison", False)),
            ),
        ),
    ),
    effective=LONG_STANDING,
    note=(
        "Discretionary: apply to the sentencing court; the court decides. Can be filed together with a "
        "§ 1203.4 petition. Reduction does not end a duty to register under § 290."
    ),
)

RULES = (PROBATION_REDUCTION,)

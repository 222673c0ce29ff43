"""RSMo 610.122 — Arrest record expunged, requirements.

Text in force from 2021-08-28 (SB 53 (2021); casetext's current text, checked against the 2014 text
on legalfix.com):

1. Notwithstanding other provisions of law to the contrary, any record of arrest recorded pursuant to
section 43.503 may be expunged if:
(1) The court determines that the arrest was based on false information and the following conditions
exist:
(a) There is no probable cause, at the time of the action to expunge, to believe the individual
committed the offense;
(b) No charges will be pursued as a result of the arrest; and
(c) The subject of the arrest did not receive a suspended imposition of sentence for the offense for
which the arrest was made or for any offense related to the arrest; or
(2) The court determines the person was arrested for, or was subsequently charged with, a misdemeanor
offense of chapter 303 or any moving violation as the term moving violation is defined under section
302.010, except for any intoxication-related traffic offense as intoxication-related traffic offense is
defined under section 577.023 and:
(a) Each such offense or violation related to the arrest was subsequently nolle prossed or dismissed,
or the accused was found not guilty of each offense or violation; and
(b) The person is not a commercial driver's license holder and was not operating a commercial motor
vehicle at the time of the arrest.
2. A record of arrest shall only be eligible for expungement under this section if no civil action is
pending relating to the arrest or the records sought to be expunged.

Before 2021-08-28 (the 2014 text, HB 1665 & 1335) subsection 2 also required that "(1) The subject of
the arrest has no prior or subsequent misdemeanor or felony convictions". That is a dated parameter
(``mo.610_122.convictions_bar``), so the rule answers for both texts.

Encoded: path (1) for an arrest whose charges ended without a finding of guilt. Whether the arrest was
based on false information and there is no probable cause are the court's findings ("the court must
also find"); a suspended imposition of sentence is a finding of guilt in the record format, so such a
charge fails ``not_convicted``. Path (2) (traffic moving violations) is not encoded: "moving violation"
is defined by a section the record cannot test (docs/jurisdictions/mo.md). Whether a civil action is
pending is not in the record: the result says the court must also find it.
"""

from __future__ import annotations

from datetime import date

from ...lang import And, Condition, Const, Exists, Fact, Not, OneOf, Or, Other, Param, Relief, Rule
from .offenses import ANY_FELONY_OR_MISDEMEANOR, NOT_CONVICTED, convicted

SECTION = "RSMo 610.122"
#: HB 1665 & 1335 (2014): the earliest text encoded (older texts are not).
HB_1665_OF_2014 = date(2014, 8, 28)
#: SB 53 (2021): the bar on other convictions removed.
SB_53_OF_2021 = date(2021, 8, 28)

STATUTE_TEXT = (
    "1. ... any record of arrest recorded pursuant to section 43.503 may be expunged if: (1) The court determines "
    "that the arrest was based on false information and the following conditions exist: (a) There is no probable "
    "cause, at the time of the action to expunge, to believe the individual committed the offense; (b) No charges "
    "will be pursued as a result of the arrest; and (c) The subject of the arrest did not receive a suspended "
    "imposition of sentence for the offense for which the arrest was made or for any offense related to the "
    "arrest; ... 2. A record of arrest shall only be eligible for expungement under this section if no civil action "
    "is pending relating to the arrest or the records sought to be expunged. [Until 2021-08-27 subsection 2 also "
    "required that the subject of the arrest have no prior or subsequent misdemeanor or felony convictions.]"
)

ARREST = Rule(
    id="MO-610.122-1-arrest",
    jurisdiction="MO",
    relief=Relief.EXPUNGEMENT,
    section=f"{SECTION}.1(1), .2",
    title="Expungement of an arrest record by petition (arrest based on false information)",
    statute_text=STATUTE_TEXT,
    conditions=(
        Condition(
            id="not_convicted",
            text=(
                "The charges of the arrest ended without a finding of guilt (dismissed, nolle prossed, withdrawn or "
                "found not guilty), so no charges will be pursued and no suspended imposition of sentence was given."
            ),
            cite=f"{SECTION}.1(1)(b)-(c)",
            # a completed diversion may be an SIS (excluded by 1(1)(c)) or a diversion without a plea: review
            test=OneOf(Fact("disposition"), NOT_CONVICTED, ("diversion_completed",)),
        ),
        Condition(
            id="no_other_conviction_if_required",
            text=(
                "Until 2021-08-27 only: the person has no prior or subsequent misdemeanor or felony conviction "
                "(SB 53 of 2021 removed this requirement)."
            ),
            cite=f"{SECTION}.2(1) (before 2021-08-28)",
            test=Or(
                (
                    Not(OneOf(Const("convictions_bar"), Param("mo.610_122.bars"))),
                    Not(
                        Exists(
                            And((convicted(Other), OneOf(Other("grade"), ANY_FELONY_OR_MISDEMEANOR))), "other_charges"
                        )
                    ),
                )
            ),
        ),
    ),
    effective=HB_1665_OF_2014,
    note=(
        "The court must also find that the arrest was based on false information, that there is no probable cause "
        "now to believe the person committed the offense, and that no civil action is pending about the arrest or "
        "its records (RSMo 610.122.1(1), .2). Closed records: a charge that was dismissed, nolle prossed or ended in "
        "acquittal is already a closed record under RSMo 610.105 without a petition; expungement goes further. "
        "An arrest may also be expunged under RSMo 610.140 if its offense is not excluded there."
    ),
)

RULES = (ARREST,)

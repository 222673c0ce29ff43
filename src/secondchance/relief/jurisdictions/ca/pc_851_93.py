"""Cal. Penal Code § 851.93 — automatic arrest record relief.

(a)(1) On a monthly basis, the Department of Justice shall review the records in the statewide
criminal justice databases, and based on information in the state summary criminal history
repository, shall identify persons with records of arrest that meet the criteria set forth in
paragraph (2) and are eligible for arrest record relief.
(2) A person is eligible for relief pursuant to this section, if the arrest occurred on or after
January 1, 1973, and meets any of the following conditions:
(A) The arrest was for a misdemeanor offense and the charge was dismissed.
(B) The arrest was for a misdemeanor offense, there is no indication that criminal proceedings
have been initiated, at least one calendar year has elapsed since the date of the arrest, and no
conviction occurred, or the arrestee was acquitted of any charges that arose, from that arrest.
(C)(i) The arrest was for a felony offense not described in clause (ii), there is no indication
that criminal proceedings have been initiated, at least three calendar years have elapsed since
the date of the arrest, and no conviction occurred, or the arrestee was acquitted of any charges
arising, from that arrest.
(ii) If the arrest was for an offense punishable by imprisonment in the state prison for eight
years or more or by imprisonment pursuant to subdivision (h) of Section 1170 for eight years or
more, there is no indication that criminal proceedings have been initiated, at least six years
have elapsed since the date of the arrest, and no conviction occurred, or the arrestee was
acquitted of any charges arising, from that arrest.
(D) The person successfully completed any of the following, relating to that arrest: (i) A
prefiling diversion program ... (ii) A drug diversion program ... or a deferred entry of
judgment program ... [and other listed diversion programs].

Readings, documented: the case is the arrest ("from that arrest"), so no charge of the case may
have ended, or may still end, in a conviction. The record format has no "no charges filed"
disposition; an arrest the prosecutor never filed is recorded as ``withdrawn``. The maximum
punishment of the offence (clause (C)(ii)) is not in the record: the six-year rule is always
right for a felony (after six years clause (i) is met too); the three-year rule is decided for the
offences whose penalty clause is listed in ``ca.pc_851_93.under_eight_years`` (met) or
``ca.pc_851_93.eight_years_or_more`` (not met), and needs review for any other felony.

History: added by AB 1076 (Stats. 2019); the DOJ review runs from 1 July 2022 and AB 1308 (Stats.
2021) set the 1973 reach-back. Until 30 September 2024 paragraph (C) covered only an arrest "for an
offense that is punishable by imprisonment pursuant to ... subdivision (h) of Section 1170" (three
years); SB 731 (Stats. 2022) rewrote (C) into the felony clauses (i) and (ii) above, operative 1 July
2023, delayed by AB 134 (Stats. 2023) to 1 July 2024 and by the 2024 public safety trailer bill
(AB/SB 168) to 1 October 2024. The pre-2024 wording of (C) is taken from the bills' digests ("existing
law makes arrest record relief available to a person who has been arrested for a felony, including a
felony punishable in the state prison", commencing 1 October 2024), not from the enacted text.
Relief label ``automatic_sealing``: the arrest record is withheld from disclosure (§ 851.92
effects) without a petition.
"""

from __future__ import annotations

from datetime import date

from ...lang import (
    AsOf,
    Compare,
    Condition,
    Const,
    Exists,
    Fact,
    Not,
    OneOf,
    Other,
    Param,
    Relief,
    Rule,
    StatuteIn,
    Wait,
)
from ...params import speaker
from ._common import (
    AUTOMATIC_RELIEF_OPERATIVE,
    FELONY_AUTOMATIC_RELIEF_OPERATIVE,
    JAN_1_1973,
    all_of,
    any_of,
    court_decides,
    not_already_granted,
)

said = speaker(__file__)  # numbers in texts for people, from this state's params.yaml
SECTION = "Cal. Penal Code § 851.93"
#: The arrest is already sealed or "deemed not to have occurred": by this section, by petition (§§ 851.91,
#: 851.92(b)) or after prefiling diversion (§ 851.87).
ALREADY_GRANTED = not_already_granted("Relief for this arrest", ("PC 851.93", "PC 851.91", "PC 851.87"), SECTION)
A2 = f"{SECTION}(a)(2)"

STATUTE_TEXT = (
    "(a)(2) A person is eligible for relief pursuant to this section, if the arrest occurred on or after January "
    "1, 1973, and meets any of the following conditions: (A) The arrest was for a misdemeanor offense and the "
    "charge was dismissed. (B) The arrest was for a misdemeanor offense, there is no indication that criminal "
    "proceedings have been initiated, at least one calendar year has elapsed since the date of the arrest, and no "
    "conviction occurred, or the arrestee was acquitted of any charges that arose, from that arrest. (C)(i) The "
    "arrest was for a felony offense not described in clause (ii), there is no indication that criminal "
    "proceedings have been initiated, at least three calendar years have elapsed since the date of the arrest, "
    "and no conviction occurred, or the arrestee was acquitted of any charges arising, from that arrest. (ii) If "
    "the arrest was for an offense punishable by imprisonment in the state prison for eight years or more or by "
    "imprisonment pursuant to subdivision (h) of Section 1170 for eight years or more, there is no indication "
    "that criminal proceedings have been initiated, at least six years have elapsed since the date of the arrest, "
    "and no conviction occurred, or the arrestee was acquitted of any charges arising, from that arrest. (D) The "
    "person successfully completed any of the following, relating to that arrest: (i) A prefiling diversion "
    "program ... (ii) A drug diversion program ... or a deferred entry of judgment program ..."
)

NOTE = "Automatic: the Department of Justice grants it monthly without a petition (§ 851.93(a)(1))."

SINCE_1973 = Condition(
    id="arrested_since_1973",
    text="The arrest occurred on or after 1 January 1973.",
    cite=A2,
    test=Compare(">=", Fact("arrest_date"), Const(JAN_1_1973)),
)

NO_CONVICTION_FROM_ARREST = Condition(
    id="no_conviction_from_the_arrest",
    text="No charge from the same arrest (case) ended, or may still end, in a conviction.",
    cite=A2,
    test=Not(
        Exists(
            all_of(
                Compare("==", Other("case_id"), Fact("case_id")),
                OneOf(Other("disposition"), ("convicted",), unknown=("pending",)),
            ),
            "other_charges",
        )
    ),
)

MISDEMEANOR = OneOf(Fact("grade"), ("misdemeanor",), unknown=("wobbler",))
FELONY = OneOf(Fact("grade"), ("felony",), unknown=("wobbler",))
NOT_FILED = OneOf(Fact("disposition"), ("withdrawn",))


def _felony_never_charged(cite: str) -> tuple[Condition, Condition]:
    """(C)'s two facts about the arrest itself: a felony, and no proceedings started."""
    return (
        Condition(id="felony", text="The arrest was for a felony.", cite=cite, test=FELONY),
        Condition(
            id="no_proceedings",
            text="No criminal proceedings were started (recorded as withdrawn / not filed).",
            cite=cite,
            test=NOT_FILED,
        ),
    )


def _rule(
    rule_id: str,
    section: str,
    title: str,
    conditions: tuple[Condition, ...],
    waits: tuple[Wait, ...],
    effective: date = AUTOMATIC_RELIEF_OPERATIVE,
    repealed: date | None = None,
) -> Rule:
    return Rule(
        id=rule_id,
        jurisdiction="CA",
        relief=Relief.AUTOMATIC_SEALING,
        section=section,
        title=title,
        statute_text=STATUTE_TEXT,
        conditions=(ALREADY_GRANTED, SINCE_1973, *conditions, NO_CONVICTION_FROM_ARREST),
        waits=waits,
        automatic=True,
        effective=effective,
        repealed=repealed,
        note=NOTE,
    )


def _since_arrest(years: str, text: str, cite: str) -> Wait:
    return Wait(id="time_since_arrest", text=text, cite=cite, start=Fact("arrest_date"), years=Param(years))


MISDEMEANOR_DISMISSED = _rule(
    "CA-851.93-a2A-misdemeanor-dismissed",
    f"{A2}(A)",
    "Automatic arrest relief: misdemeanor charge dismissed",
    (
        Condition(id="misdemeanor", text="The arrest was for a misdemeanor.", cite=f"{A2}(A)", test=MISDEMEANOR),
        Condition(
            id="dismissed",
            text="The charge was dismissed.",
            cite=f"{A2}(A)",
            test=OneOf(Fact("disposition"), ("dismissed",)),
        ),
    ),
    (),
)

MISDEMEANOR_NOT_FILED = _rule(
    "CA-851.93-a2B-misdemeanor-not-filed",
    f"{A2}(B)",
    "Automatic arrest relief: misdemeanor arrest never charged, one year later",
    (
        Condition(id="misdemeanor", text="The arrest was for a misdemeanor.", cite=f"{A2}(B)", test=MISDEMEANOR),
        Condition(
            id="no_proceedings",
            text="No criminal proceedings were started (recorded as withdrawn / not filed).",
            cite=f"{A2}(B)",
            test=NOT_FILED,
        ),
    ),
    (
        _since_arrest(
            "ca.pc_851_93.misdemeanor_wait_years",
            said("At least {} calendar year has passed since the arrest.", "ca.pc_851_93.misdemeanor_wait_years"),
            f"{A2}(B)",
        ),
    ),
)

ACQUITTED = _rule(
    "CA-851.93-a2BC-acquitted",
    f"{A2}(B), (C)",
    "Automatic arrest relief: acquitted of the charges from the arrest",
    (
        Condition(
            id="acquitted",
            text="The person was acquitted (found not guilty).",
            cite=f"{A2}(B), (C)",
            test=OneOf(Fact("disposition"), ("not_guilty",)),
        ),
        Condition(
            id="arrest_covered_on_this_date",
            text=(
                "Before 1 October 2024 a felony arrest was covered only for an offense punishable under § 1170(h) "
                "(a lawyer checks this); from that date every misdemeanor and felony arrest is."
            ),
            cite=f"{A2}(C); AB 1076 (Stats. 2019); SB 731 (Stats. 2022) as delayed by AB 134 and AB/SB 168",
            test=any_of(
                Compare(">=", AsOf(), Const(FELONY_AUTOMATIC_RELIEF_OPERATIVE)),
                OneOf(Fact("grade"), ("misdemeanor",)),
                court_decides("not_guilty"),
            ),
        ),
    ),
    (),
)

FELONY_NOT_FILED = _rule(
    "CA-851.93-a2Ci-felony-not-filed",
    f"{A2}(C)(i)",
    "Automatic arrest relief: felony arrest never charged, three years later (offense under eight years)",
    (
        *_felony_never_charged(f"{A2}(C)(i)"),
        Condition(
            id="punishable_under_eight_years",
            text="The offense is not punishable by eight years or more (a lawyer checks the statute's penalty).",
            cite=f"{A2}(C)(i)",
            test=any_of(
                StatuteIn(Fact("statute"), Param("ca.pc_851_93.under_eight_years")),
                all_of(
                    Not(StatuteIn(Fact("statute"), Param("ca.pc_851_93.eight_years_or_more"))),
                    court_decides("withdrawn"),
                ),
            ),
        ),
    ),
    (
        _since_arrest(
            "ca.pc_851_93.felony_wait_years",
            said("At least {} calendar years have passed since the arrest.", "ca.pc_851_93.felony_wait_years"),
            f"{A2}(C)(i)",
        ),
    ),
    FELONY_AUTOMATIC_RELIEF_OPERATIVE,
)

FELONY_NOT_FILED_SIX_YEARS = _rule(
    "CA-851.93-a2Cii-felony-not-filed",
    f"{A2}(C)",
    "Automatic arrest relief: felony arrest never charged, six years later (any felony)",
    (*_felony_never_charged(f"{A2}(C)"),),
    (
        _since_arrest(
            "ca.pc_851_93.long_felony_wait_years",
            said(
                "At least {} years have passed since the arrest (enough under clause (i) or (ii)).",
                "ca.pc_851_93.long_felony_wait_years",
            ),
            f"{A2}(C)(ii)",
        ),
    ),
    FELONY_AUTOMATIC_RELIEF_OPERATIVE,
)

REALIGNED_FELONY_NOT_FILED = _rule(
    "CA-851.93-a2C-2022-realigned-felony-not-filed",
    f"{A2}(C) (as in force 1 July 2022 - 30 September 2024)",
    "Automatic arrest relief before October 2024: § 1170(h) felony arrest never charged, three years later",
    (
        *_felony_never_charged(f"{A2}(C)"),
        Condition(
            id="punishable_under_1170h",
            text="The offense is punishable by county jail under § 1170(h) (a lawyer checks the statute's penalty).",
            cite=f"{A2}(C)",
            test=court_decides("withdrawn"),
        ),
    ),
    (
        _since_arrest(
            "ca.pc_851_93.felony_wait_years",
            said("At least {} calendar years have passed since the arrest.", "ca.pc_851_93.felony_wait_years"),
            f"{A2}(C)",
        ),
    ),
    AUTOMATIC_RELIEF_OPERATIVE,
    FELONY_AUTOMATIC_RELIEF_OPERATIVE,
)

DIVERSION_COMPLETED = _rule(
    "CA-851.93-a2D-diversion-completed",
    f"{A2}(D)",
    "Automatic arrest relief: diversion or deferred entry of judgment completed",
    (
        Condition(
            id="diversion_completed",
            text="The person successfully completed diversion or deferred entry of judgment for the arrest.",
            cite=f"{A2}(D)",
            test=OneOf(Fact("disposition"), ("diversion_completed",)),
        ),
    ),
    (),
)

RULES = (
    MISDEMEANOR_DISMISSED,
    MISDEMEANOR_NOT_FILED,
    ACQUITTED,
    FELONY_NOT_FILED,
    FELONY_NOT_FILED_SIX_YEARS,
    REALIGNED_FELONY_NOT_FILED,
    DIVERSION_COMPLETED,
)

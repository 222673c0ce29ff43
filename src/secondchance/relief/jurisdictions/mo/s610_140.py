"""RSMo 610.140 — Expungement of certain criminal records by petition.

Enacted text in force from 2025-01-01 (revisor.mo.gov, "Effective - 01 Jan 2025"), as read:

2. (1) Notwithstanding any other provision of law and subject to the provisions of this section, any
person may apply to any court in which such person was charged or found guilty of any crimes for an
order to expunge records of such arrest, plea, trial, or conviction.
(2) Subject to the limitations of subsection 13 of this section, a person may apply to have one or more
crimes expunged if each such crime occurred within the state of Missouri and was prosecuted under the
jurisdiction of a Missouri court, so long as such person lists all the crimes he or she is seeking to
have expunged in the petition and so long as all such crimes are not excluded under subsection 3 of
this section.
(3) If the crimes sought to be expunged were committed as part of the same course of criminal conduct,
the person may include all such related crimes in the petition, regardless of the limits of subsection
13 of this section, and those related crimes shall only count as the highest level for the purpose of
determining current and future eligibility for expungement.
3. The following crimes shall not be eligible for expungement under this section:
(1) Any class A felony offense;
(2) Any dangerous felony as that term is defined in section 556.061;
(3) Any offense that requires registration as a sex offender;
(4) Any felony offense where death is an element of the offense;
(5) Any felony offense of assault; misdemeanor or felony offense of domestic assault; or felony
offense of kidnapping;
(6) Any offense listed, or previously listed, in chapter 566 or section [a list of sections];
(7) Any offense eligible for expungement under section 577.054 or 610.130;
(8) Any intoxication-related traffic or boating offense as defined in section 577.001, or any offense
of operating an aircraft with an excessive blood alcohol content or while in an intoxicated condition;
(9) Any ordinance violation that is the substantial equivalent of any offense that is not eligible
for expungement under this section;
(10) Any violation of any state law or county or municipal ordinance regulating the operation of motor
vehicles when committed by an individual who has been issued a commercial driver's license or is
required to possess a commercial driver's license issued by this state or any other state; and
(11) Any offense of section 571.030, except any offense under subdivision (1) of subsection 1 of
section 571.030 where the person was convicted or found guilty prior to January 1, 2017.

Subsections 1-3(4) were read on revisor.mo.gov; (5)-(11) as the 2018 text numbered them 2.(5)-(11)
(quoted by the UMKC Clear My Record project); the sections of (6), the petition's criteria
(subsection 5, numbered as before 2025) and the lifetime limits (subsection 13, formerly 12) are
the wording reported by secondary sources, not read on the official page. docs/jurisdictions/mo.md
lists what was and was not verified.

5. ... the court shall enter an order of expungement if it finds that:
(1) It has been at least three years if the offense is a felony, or at least one year if the offense
is a misdemeanor, municipal offense, or infraction, from the date the petitioner completed any
authorized disposition imposed under section 557.011 for each offense ... listed in the petition;
(2) The person has not been found guilty of any other misdemeanor or felony offense, not including
violations of the traffic regulations provided under chapters 304 and 307, during the time period
specified for the underlying offense ... in subdivision (1) of this subsection;
(3) The person has satisfied all obligations relating to any such disposition, including the payment
of any fines or restitution;
(4) The person does not have charges pending;
(5) The petitioner's habits and conduct demonstrate that the petitioner is not a threat to the public
safety of the state; and
(6) The expungement is consistent with the public welfare and the interests of justice warrant the
expungement.

History: SB 588 (2016) rewrote the section from 2018-01-01 (seven years for a felony, three for a
misdemeanor, municipal offense or infraction; exclusions in subsection 2; at most one felony and two
misdemeanors in a lifetime); SB 53 (2021), in force 2021-08-28, shortened the waits to three years and
one year; the enactment in force 2025-01-01 renumbered the exclusions as subsection 3 and raised the
lifetime limits to two felonies and three misdemeanors (subsection 13). The 2018-2024 text and the
current one are two rules; the waits are dated parameters (mo/params.yaml). The old section 610.140
(before 2018: a short list of eligible offenses after 20 or 10 years) is not encoded.

Criteria (5) and (6) are the court's own findings: not facts of the record, so they are not
conditions; the result says "the court must also find" them (``note``).
"""

from __future__ import annotations

from datetime import date

from ...lang import (
    And,
    Compare,
    Condition,
    Const,
    Exists,
    Expr,
    Fact,
    IfElse,
    Not,
    Or,
    Other,
    Param,
    Relief,
    Rule,
    Shift,
    Wait,
)
from .offenses import (
    FELONIES,
    MISDEMEANORS,
    convicted,
    disposition_completed,
    found_guilty,
    grade_in,
    granted,
    latest_conviction_since,
    listed,
    no_pending_charge,
    obligations_satisfied,
    review_unless,
    statute_in,
    undecided,
)

SECTION = "RSMo 610.140"
#: SB 588 (2016): the rewritten section in force 2018-01-01.
SB_588 = date(2018, 1, 1)
#: The enactment in force 2025-01-01 (revisor.mo.gov): subsection 3 exclusions, subsection 13 limits.
ENACTMENT_2025 = date(2025, 1, 1)
#: RSMo 610.140.3(11): the exception for 571.030.1(1) findings of guilt before this date.
UUW_EXCEPTION_BEFORE = date(2017, 1, 1)

STATUTE_TEXT = (
    "2. (1) ... any person may apply to any court in which such person was charged or found guilty of any crimes "
    "for an order to expunge records of such arrest, plea, trial, or conviction. ... 3. The following crimes shall "
    "not be eligible for expungement under this section: (1) Any class A felony offense; (2) Any dangerous felony as "
    "that term is defined in section 556.061; (3) Any offense that requires registration as a sex offender; (4) Any "
    "felony offense where death is an element of the offense; (5) Any felony offense of assault; misdemeanor or "
    "felony offense of domestic assault; or felony offense of kidnapping; (6) Any offense listed, or previously "
    "listed, in chapter 566 or section ...; (7) Any offense eligible for expungement under section 577.054 or "
    "610.130; (8) Any intoxication-related traffic or boating offense ...; (9) Any ordinance violation that is the "
    "substantial equivalent of any offense that is not eligible ...; (10) Any violation of any state law or county "
    "or municipal ordinance regulating the operation of motor vehicles when committed by an individual who has been "
    "issued a commercial driver's license or is required to possess [one] ...; (11) Any offense of section 571.030, "
    "except any offense under subdivision (1) of subsection 1 of section 571.030 where the person was convicted or "
    "found guilty prior to January 1, 2017. ... 5. ... (1) It has been at least three years if the offense is a "
    "felony, or at least one year if the offense is a misdemeanor, municipal offense, or infraction, from the date "
    "the petitioner completed any authorized disposition imposed under section 557.011 ...; (2) The person has not "
    "been found guilty of any other misdemeanor or felony offense, not including violations of the traffic "
    "regulations provided under chapters 304 and 307, during the time period specified ...; (3) The person has "
    "satisfied all obligations relating to any such disposition, including the payment of any fines or "
    "restitution; (4) The person does not have charges pending; (5) The petitioner's habits and conduct "
    "demonstrate that the petitioner is not a threat to the public safety of the state; and (6) The expungement is "
    "consistent with the public welfare and the interests of justice warrant the expungement. [From 2018-01-01 to "
    "2021-08-27: seven years for a felony, three otherwise. Lifetime limits: one felony and two misdemeanors until "
    "2024-12-31; two felonies and three misdemeanors (or ordinance violations with an authorized term of "
    "imprisonment) from 2025-01-01; any number of infractions.]"
)

COURT_MUST_FIND = (
    "The court must also find that the person's habits and conduct show they are not a threat to public "
    "safety, and that expungement is consistent with the public welfare and the interests of justice "
    "(RSMo 610.140.5(5)-(6)). The petition lists every offense to be expunged and names every agency that "
    "may hold its records; the filing fee is $250 unless the court finds the person unable to pay."
)


def _felony(of: type[Fact] | type[Other] = Fact) -> Expr:
    return grade_in(FELONIES, of=of)


#: The lists the exclusions below read: a statute on one of them is decided by its own condition.
EXCLUSION_LISTS = (
    "mo.556_061.dangerous_felonies",
    "mo.556_061.dangerous_felonies_depends",
    "mo.589_414.registrable",
    "mo.589_414.registrable_depends",
    "mo.610_140.death_element",
    "mo.610_140.assault",
    "mo.610_140.domestic_assault",
    "mo.610_140.kidnapping",
    "mo.610_140.chapter_566",
    "mo.610_140.listed_sections",
    "mo.610_140.intoxication_related",
    "mo.610_140.motor_vehicle_sections",
    "mo.610_140.unlawful_use_of_weapon",
)


def exclusions(subsection: str) -> tuple[Condition, ...]:
    """The offenses subsection 3 (before 2025: subsection 2) makes ineligible, one condition per kind.

    Each exclusion is decided from a list of sections, and the lists were partly written from secondary
    sources; so a statute on none of them is not thereby "not excluded". The first condition asks about any
    offense that is neither on a list nor on ``mo.610_140.not_excluded`` (sections checked against every
    subdivision), never reading the absence of a listed citation as the more favourable answer.
    Long on purpose: one condition per subdivision, in the statute's order, for a reviewer to read side by side.
    """
    cite = f"{SECTION}.{subsection}"
    uuw = statute_in("mo.610_140.unlawful_use_of_weapon")
    before_2017 = Compare("<", Fact("disposition_date"), Const(UUW_EXCEPTION_BEFORE))
    carrying = statute_in("mo.610_140.unlawful_use_of_weapon_1_1")
    other_kind = statute_in("mo.610_140.unlawful_use_of_weapon_other")
    uuw_excluded = Or(
        (
            And((uuw, Not(before_2017))),
            And((uuw, before_2017, other_kind)),
            # before 2017 with no subdivision recorded: it may be 571.030.1(1), the exception
            And((uuw, before_2017, Not(carrying), Not(other_kind), undecided())),
        )
    )
    on_a_list = Or(tuple(statute_in(key) for key in EXCLUSION_LISTS))
    return (
        Condition(
            id="offense_checked_against_exclusions",
            text=(
                "The offense is one whose place in the exclusions is known: on one of their lists (decided below) "
                "or known to be outside all of them (e.g. stealing, drug possession, trespass). Any other offense "
                "is checked by a lawyer against subsection 3 (the lists were not all read on the official text)."
            ),
            cite=cite,
            test=Or((on_a_list, statute_in("mo.610_140.not_excluded"), undecided())),
        ),
        Condition(
            id="not_class_a_felony",
            text="The offense is not a class A felony.",
            cite=f"{cite}(1)",
            test=Not(grade_in(("felony_a",), ("felony",))),
        ),
        Condition(
            id="not_dangerous_felony",
            text=(
                "The offense is not a dangerous felony (RSMo 556.061: e.g. first-degree arson, assault, robbery or "
                "kidnapping, second-degree murder; some only with facts the record does not show)."
            ),
            cite=f"{cite}(2)",
            test=Not(listed("mo.556_061.dangerous_felonies", "mo.556_061.dangerous_felonies_depends")),
        ),
        Condition(
            id="not_registrable_sex_offense",
            text="The offense does not require registration as a sex offender.",
            cite=f"{cite}(3)",
            test=Not(listed("mo.589_414.registrable", "mo.589_414.registrable_depends")),
        ),
        Condition(
            id="not_felony_with_death_element",
            text="The offense is not a felony where death is an element (murder, manslaughter).",
            cite=f"{cite}(4)",
            test=Not(And((statute_in("mo.610_140.death_element"), grade_in(FELONIES)))),
        ),
        Condition(
            id="not_assault_domestic_assault_or_kidnapping",
            text="The offense is not a felony assault, a domestic assault of any grade, or a felony kidnapping.",
            cite=f"{cite}(5)",
            test=Not(
                Or(
                    (
                        And((statute_in("mo.610_140.assault"), grade_in(FELONIES))),
                        statute_in("mo.610_140.domestic_assault"),
                        And((statute_in("mo.610_140.kidnapping"), grade_in(FELONIES))),
                    )
                )
            ),
        ),
        Condition(
            id="not_listed_offense",
            text="The offense is not in chapter 566 (sexual offenses) or one of the sections subdivision (6) lists.",
            cite=f"{cite}(6)",
            test=Not(Or((statute_in("mo.610_140.chapter_566"), statute_in("mo.610_140.listed_sections")))),
        ),
        Condition(
            id="not_intoxication_related",
            text=(
                "The offense is not an intoxication-related traffic, boating or aircraft offense, nor one expungeable "
                "under RSMo 577.054 or 610.130 (a first DWI has its own path)."
            ),
            cite=f"{cite}(7)-(8)",
            test=Not(statute_in("mo.610_140.intoxication_related")),
        ),
        Condition(
            id="not_ordinance_equivalent_of_excluded_offense",
            text=(
                "A municipal ordinance violation is not the substantial equivalent of an excluded offense (the "
                "ordinance is not in the record: a lawyer checks)."
            ),
            cite=f"{cite}(9)",
            test=review_unless(Not(grade_in(("municipal",)))),
        ),
        Condition(
            id="not_commercial_driver_motor_vehicle_violation",
            text=(
                "A motor-vehicle violation was not committed by someone who holds or must hold a commercial "
                "driver's license (the record does not say: a lawyer checks)."
            ),
            cite=f"{cite}(10)",
            test=Not(And((statute_in("mo.610_140.motor_vehicle_sections"), undecided()))),
        ),
        Condition(
            id="not_unlawful_use_of_weapon",
            text=(
                "The offense is not unlawful use of a weapon (RSMo 571.030), except carrying a concealed weapon "
                "(571.030.1(1)) found guilty before 2017-01-01."
            ),
            cite=f"{cite}(11)",
            # Excluded unless it is 571.030.1(1) before 2017; a pre-2017 finding under 571.030 whose subdivision the
            # record does not give may be the exception: review.
            test=Not(uuw_excluded),
        ),
    )


def lifetime_limit(subsection: str, felonies: int, misdemeanors: int) -> Condition:
    """At most ``felonies`` felonies and ``misdemeanors`` misdemeanors expunged under 610.140 in a lifetime.

    Counted from the relief the record shows granted on the person's other charges
    (``relief_granted`` naming RSMo 610.140). Each charge counts as one: the statute counts related
    crimes of one course of conduct once, which the record cannot show, so a count that reaches the
    limit only that way is a lawyer's question, never a silent yes. Infractions have no limit.
    """
    done = And((convicted(Other), granted(SECTION, Other)))
    felony_done = And((done, grade_in(FELONIES, of=Other)))
    misdemeanor_done = And((done, grade_in(MISDEMEANORS, ("municipal",), of=Other)))
    this_felony = grade_in(FELONIES)
    this_misdemeanor = grade_in(MISDEMEANORS, ("municipal",))
    return Condition(
        id="within_lifetime_limit",
        text=(
            f"The lifetime limit is not reached: the person has not already had {felonies} felony or "
            f"{misdemeanors} misdemeanor convictions expunged under RSMo 610.140 (infractions have no limit)."
        ),
        cite=f"{SECTION}.{subsection}",
        test=Not(
            Or(
                (
                    And((this_felony, Exists(felony_done, "other_charges", count=felonies))),
                    And((this_misdemeanor, Exists(misdemeanor_done, "other_charges", count=misdemeanors))),
                )
            )
        ),
    )


def _wait() -> Wait:
    completed = latest_conviction_since(disposition_completed())
    return Wait(
        id="years_since_disposition_completed",
        text=(
            "Years have passed since the whole sentence was completed (prison or jail, probation, parole) and "
            "since any finding of guilt of another misdemeanor or felony: a felony 7 years, a misdemeanor, "
            "municipal offense or infraction 3 (from 2021-08-28: 3 and 1). If fines were paid later, the wait "
            "runs from the payment."
        ),
        cite=f"{SECTION}.5(1)-(2)",
        start=IfElse(
            _felony(),
            Shift(completed, years=Param("mo.610_140.felony_years")),
            Shift(completed, years=Param("mo.610_140.misdemeanor_years")),
        ),
    )


def petition_rule(
    rule_id: str,
    effective: date,
    repealed: date | None,
    excluded_in: str,
    limits_in: str,
    felonies: int,
    misdemeanors: int,
) -> Rule:
    """The petition path as one enactment wrote it (exclusions and limits in the subsections it numbered)."""
    return Rule(
        id=rule_id,
        jurisdiction="MO",
        relief=Relief.EXPUNGEMENT,
        section=f"{SECTION}.{excluded_in}, .5, .{limits_in}",
        title="Expungement of a conviction by petition",
        statute_text=STATUTE_TEXT,
        conditions=(
            Condition(
                id="not_already_expunged",
                text="The record does not show this conviction already expunged under RSMo 610.140.",
                cite=SECTION,
                test=Not(granted(SECTION)),
            ),
            Condition(
                id="convicted",
                text="The charge ended in a finding of guilt (a suspended imposition of sentence counts).",
                cite=f"{SECTION}.2",
                test=found_guilty(),
            ),
            *exclusions(excluded_in),
            Condition(
                id="obligations_satisfied",
                text="All fines, costs and restitution of the sentence are paid.",
                cite=f"{SECTION}.5(3)",
                test=obligations_satisfied(),
            ),
            Condition(
                id="no_pending_charge",
                text="The person has no charges pending.",
                cite=f"{SECTION}.5(4)",
                test=no_pending_charge(),
            ),
            lifetime_limit(limits_in, felonies, misdemeanors),
        ),
        waits=(_wait(),),
        effective=effective,
        repealed=repealed,
        note=COURT_MUST_FIND,
    )


RULES = (
    petition_rule("MO-610.140-2018", SB_588, ENACTMENT_2025, "2", "12", felonies=1, misdemeanors=2),
    petition_rule("MO-610.140", ENACTMENT_2025, None, "3", "13", felonies=2, misdemeanors=3),
)

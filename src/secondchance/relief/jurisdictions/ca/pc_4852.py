"""Cal. Penal Code §§ 4852.01-4852.06 — certificate of rehabilitation (and application for pardon).

§ 4852.01 (a) Except as specified in subdivision (b), a person convicted of a felony may file a
petition for a certificate of rehabilitation and pardon pursuant to the provisions of this
chapter.
(b) A person convicted of a misdemeanor violation of any sex offense specified in Section 290, or
a felony violation of any sex offense specified in Section 290 who is granted probation, the
accusatory pleading of which has been dismissed pursuant to Section 1203.4, may file a petition
for certificate of rehabilitation and pardon pursuant to the provisions of this chapter if the
petitioner has not been incarcerated in a prison, jail, detention facility, or other penal
institution or agency since the dismissal of the accusatory pleading, is not on probation for the
commission of any other felony, and the petitioner presents satisfactory evidence of five years'
residence in this state prior to the filing of the petition.
(c) This chapter does not apply to persons serving a mandatory life parole, persons committed
under death sentences, persons convicted of a violation of Section 269, subdivision (c) of Section
286, subdivision (c) of Section 287, Section 288, Section 288.5, Section 288.7, subdivision (j) of
Section 289, or subdivision (c) of former Section 288a, or persons in military service.

§ 4852.03 (a) The period of rehabilitation commences upon the discharge of the petitioner from
custody due to his or her completion of the term to which he or she was sentenced or upon his or
her release on parole, postrelease community supervision, mandatory supervision, or probation,
whichever is sooner. For purposes of this chapter, the period of rehabilitation shall constitute
five years' residence in this state, plus a period of time determined by the following rules:
(1) An additional four years in the case of a person convicted of violating Section 187, 209,
219, 4500, or 18755 of this code, or subdivision (a) of Section 1672 of the Military and Veterans
Code, or of committing any other offense which carries a life sentence.
(2)(A) An additional five years in the case of a person convicted of committing an offense or
attempted offense for which sex offender registration is required pursuant to Sections 290 to
290.024, inclusive. ...
(3) An additional two years in the case of a person convicted of committing an offense that is
not listed in paragraph (1) or (2) and that does not carry a life sentence.

§ 4852.06: After the expiration of the minimum period of rehabilitation applicable to him or her
and after the termination of parole, probation, postrelease supervision, or mandatory
supervision, a person who has complied with the requirements of Section 4852.05 may file in the
superior court of the county in which he or she then resides a petition ... A petition shall not
be filed until and unless the petitioner has continuously resided in this state, after leaving
prison or jail, for a period of not less than five years immediately preceding the date of
filing the petition.

Sources: § 4852.01 as amended by AB 1924 (Stats. 2022, ch. 766), leginfo.legislature.ca.gov;
§ 4852.03 FindLaw, current as of 1 January 2023; § 4852.06 as amended by AB 1156 (Stats. 2015,
ch. 378). The chapter dates from 1943 (Stats. 1943, ch. 400); the periods encoded here are those of
AB 1156 (in force 1 January 2016), so the rules start then; earlier versions are not encoded.

Three rules, one per period of § 4852.03(a): seven years for most felonies, nine for the listed
offences and life offences, ten for registrable offences; each counted from release from custody
(or from sentencing when no custody was imposed). Relief label ``pardon``: the certificate is an
order of the superior court that is forwarded to the Governor as an application for a pardon
(§ 4852.16); it is not itself a pardon, and the court decides ("eligible" means the person may
petition). What the record cannot show is the person's to declare: California residence for the
five years before filing, an honest and upright life (§ 4852.05), no mandatory life parole, death
sentence or military service. Offences that carry a life sentence are recognised only when listed
in ``ca.pc_4852_03.life_offenses``; for another life offence the seven-year answer is too early.
"""

from __future__ import annotations

from datetime import date

from ...lang import Condition, Const, Expr, Fact, IfElse, Not, OneOf, Param, Relief, Rule, StatuteIn, Wait
from ...params import speaker
from ._common import (
    CONVICTED,
    CUSTODY_OVER,
    NO_JAIL,
    PROBATION_GRANTED,
    SUPERVISION_OVER,
    all_of,
    any_of,
    court_decides,
    fact_is,
    registrable,
)

said = speaker(__file__)  # numbers in texts for people, from this state's params.yaml
SECTION = "Cal. Penal Code §§ 4852.01-4852.06"
EFFECTIVE = date(2016, 1, 1)  # AB 1156 (Stats. 2015, ch. 378) in force

STATUTE_TEXT = (
    "§ 4852.01 (a) Except as specified in subdivision (b), a person convicted of a felony may file a petition "
    "for a certificate of rehabilitation and pardon pursuant to the provisions of this chapter. (b) A person "
    "convicted of a misdemeanor violation of any sex offense specified in Section 290, or a felony violation of "
    "any sex offense specified in Section 290 who is granted probation, the accusatory pleading of which has "
    "been dismissed pursuant to Section 1203.4, may file a petition ... (c) This chapter does not apply to "
    "persons serving a mandatory life parole, persons committed under death sentences, persons convicted of a "
    "violation of Section 269, subdivision (c) of Section 286, subdivision (c) of Section 287, Section 288, "
    "Section 288.5, Section 288.7, subdivision (j) of Section 289, or subdivision (c) of former Section 288a, or "
    "persons in military service. § 4852.03 (a) The period of rehabilitation commences upon the discharge of "
    "the petitioner from custody due to his or her completion of the term to which he or she was sentenced or "
    "upon his or her release on parole, postrelease community supervision, mandatory supervision, or probation, "
    "whichever is sooner. For purposes of this chapter, the period of rehabilitation shall constitute five "
    "years' residence in this state, plus a period of time determined by the following rules: (1) An additional "
    "four years in the case of a person convicted of violating Section 187, 209, 219, 4500, or 18755 of this "
    "code, ... or of committing any other offense which carries a life sentence. (2)(A) An additional five years "
    "in the case of a person convicted of committing an offense or attempted offense for which sex offender "
    "registration is required pursuant to Sections 290 to 290.024, inclusive. ... (3) An additional two years "
    "in the case of a person convicted of committing an offense that is not listed in paragraph (1) or (2) and "
    "that does not carry a life sentence. § 4852.06: After the expiration of the minimum period of "
    "rehabilitation applicable to him or her and after the termination of parole, probation, postrelease "
    "supervision, or mandatory supervision, a person who has complied with the requirements of Section 4852.05 "
    "may file in the superior court of the county in which he or she then resides a petition ... A petition "
    "shall not be filed until and unless the petitioner has continuously resided in this state, after leaving "
    "prison or jail, for a period of not less than five years immediately preceding the date of filing the "
    "petition."
)

NOTE = (
    "Discretionary: the superior court of the county where the person lives decides after a hearing; a granted "
    "certificate goes to the Governor as an application for a pardon (§ 4852.16). No filing fee (§ 4852.09). "
    "The person must have lived in California for the five years before filing and declares an honest and "
    "upright life (§ 4852.05)."
)

_REGISTRABLE = registrable(Fact("statute"), court_decides())
_LIFE = StatuteIn(Fact("statute"), Param("ca.pc_4852_03.life_offenses"))

#: A misdemeanor, or a felony granted probation (the probation fields of a state prison sentence hold parole).
_MISDEMEANOR_OR_PROBATION: Expr = IfElse(
    OneOf(Fact("grade"), ("misdemeanor",)),
    Const(True),
    all_of(PROBATION_GRANTED, Not(fact_is("state_prison", True))),
)

#: Release from custody, or sentencing when no jail or prison was imposed (release on probation).
_RELEASED: Expr = IfElse(NO_JAIL, Fact("disposition_date"), Fact("incarceration_end"))


def _conditions(kind: Condition) -> tuple[Condition, ...]:
    a = "Cal. Penal Code § 4852.01"
    return (
        Condition(id="convicted", text="The charge ended in a conviction.", cite=a, test=CONVICTED),
        Condition(
            id="felony_or_sex_offense",
            text=(
                "The conviction is a felony, or a misdemeanor sex offense listed in § 290 (a wobbler's final grade "
                "must be checked)."
            ),
            cite=f"{a}(a), (b)",
            test=any_of(
                OneOf(Fact("grade"), ("felony",), unknown=("wobbler",)),
                all_of(OneOf(Fact("grade"), ("misdemeanor",)), _REGISTRABLE),
            ),
        ),
        Condition(
            id="sex_offense_dismissed_first",
            text=(
                "A § 290 sex offense that was a misdemeanor or got probation must first be dismissed under § 1203.4 "
                "(a lawyer checks the dismissal)."
            ),
            cite=f"{a}(b)",
            test=Not(all_of(_REGISTRABLE, court_decides(), _MISDEMEANOR_OR_PROBATION)),
        ),
        Condition(
            id="not_an_excluded_offense",
            text="The offense is not one § 4852.01(c) excludes (§§ 269, 286(c), 287(c), 288, 288.5, 288.7, 289(j)).",
            cite=f"{a}(c)",
            test=Not(StatuteIn(Fact("statute"), Param("ca.pc_4852_01.excluded_sections"))),
        ),
        kind,
        Condition(
            id="custody_over",
            text="Any jail or prison term for this conviction is over.",
            cite="Cal. Penal Code § 4852.03(a)",
            test=CUSTODY_OVER,
        ),
        Condition(
            id="supervision_over",
            text="Parole, probation, post-release or mandatory supervision has ended.",
            cite="Cal. Penal Code § 4852.06",
            test=SUPERVISION_OVER,
        ),
    )


def _rule(rule_id: str, section: str, title: str, kind: Condition, years: str, wait_text: str) -> Rule:
    return Rule(
        id=rule_id,
        jurisdiction="CA",
        relief=Relief.PARDON,
        section=section,
        title=title,
        statute_text=STATUTE_TEXT,
        conditions=_conditions(kind),
        waits=(
            Wait(
                id="period_of_rehabilitation",
                text=wait_text,
                cite="Cal. Penal Code §§ 4852.03(a), 4852.06",
                start=_RELEASED,
                years=Param(years),
            ),
        ),
        effective=EFFECTIVE,
        note=NOTE,
    )


GENERAL = _rule(
    "CA-4852.03-a3-certificate-of-rehabilitation",
    "Cal. Penal Code §§ 4852.01(a), 4852.03(a)(3)",
    "Certificate of rehabilitation (a court order that goes to the Governor as a pardon application), 7 years",
    Condition(
        id="ordinary_period",
        text="The offense has no longer period (not §§ 187, 209, 219, 4500, 18755, a life offense, or registrable).",
        cite="Cal. Penal Code § 4852.03(a)(3)",
        test=all_of(Not(_LIFE), Not(_REGISTRABLE)),
    ),
    "ca.pc_4852_03.period_years",
    said(
        "{} years since release from custody (or sentencing), the last five living in California.",
        "ca.pc_4852_03.period_years",
    ),
)

LIFE_OFFENSE = _rule(
    "CA-4852.03-a1-certificate-life-offense",
    "Cal. Penal Code §§ 4852.01(a), 4852.03(a)(1)",
    "Certificate of rehabilitation for §§ 187, 209, 219, 4500, 18755 or a life offense, 9 years",
    Condition(
        id="listed_or_life_offense",
        text="The offense is § 187, 209, 219, 4500 or 18755, or another offense listed as carrying a life sentence.",
        cite="Cal. Penal Code § 4852.03(a)(1)",
        test=_LIFE,
    ),
    "ca.pc_4852_03.life_period_years",
    said("{} years since release from custody, the last five living in California.", "ca.pc_4852_03.life_period_years"),
)

REGISTRANT = _rule(
    "CA-4852.03-a2-certificate-registrant",
    "Cal. Penal Code §§ 4852.01, 4852.03(a)(2)",
    "Certificate of rehabilitation for an offense requiring sex offender registration, 10 years",
    Condition(
        id="registrable_offense",
        text="The offense requires registration as a sex offender (§ 290).",
        cite="Cal. Penal Code § 4852.03(a)(2)(A)",
        test=_REGISTRABLE,
    ),
    "ca.pc_4852_03.registrant_period_years",
    said(
        "{} years since release from custody (or sentencing), the last five living in California.",
        "ca.pc_4852_03.registrant_period_years",
    ),
)

RULES = (GENERAL, LIFE_OFFENSE, REGISTRANT)

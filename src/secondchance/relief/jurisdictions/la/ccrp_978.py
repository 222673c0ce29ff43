"""La. C.Cr.P. art. 978 — Motion to expunge record of arrest and conviction of a felony offense.

A. Except as provided in Paragraph B of this Article, a person may file a motion to expunge his
record of arrest and conviction of a felony offense if any of the following apply:
(1) The conviction was set aside and the prosecution was dismissed pursuant to Article 893(E) of
this Code.
(2) More than ten years have elapsed since the person completed any sentence, deferred
adjudication, or period of probation or parole based on the felony conviction, and the person has
not been convicted of any other criminal offense during the ten-year period, and has no criminal
charge pending against him. ...
(3) The person is entitled to a first offender pardon for the offense pursuant to Louisiana
Constitution Article IV, Section 5(E)(1), provided that the offense is not defined as a crime of
violence pursuant to R.S. 14:2(B) or a sex offense pursuant to R.S. 15:541.
B. No expungement shall be granted nor shall a person be permitted to file a motion to expunge the
record of arrest and conviction of a felony offense if the person was convicted of the commission or
attempted commission of any of the following offenses:
(1) Unless otherwise permissible under Article 893(E) of this Code, a crime of violence as defined by
or enumerated in R.S. 14:2(B).
(2)(a) Notwithstanding any provision of Article 893 of this Code, a sex offense or a criminal offense
against a victim who is a minor as each term is defined by R.S. 15:541, or any offense which occurred prior
to June 18, 1992, that would be defined as a sex offense or a criminal offense against a victim who is a
minor had it occurred on or after June 18, 1992. (b) Any person who was convicted of carnal knowledge of a
juvenile (R.S. 14:80) prior to August 15, 2001, is eligible for an expungement pursuant to the provision[s]
... [the rest not read]
(3) [offenses under the Uniform Controlled Dangerous Substances Law, with exceptions; (e), added by
Acts 2019, No. 268: one for which the person is entitled to a first offender pardon]
E.(1) Notwithstanding any other provision of law to the contrary, after a contradictory hearing, the
court may order the expungement of the arrest and conviction records of a person pertaining to a
conviction of aggravated battery, second degree battery, aggravated criminal damage to property, or
illegal use of weapons or dangerous instrumentalities [after ten years free of conviction and with no
charge pending; until Acts 2020, No. 71, also ten consecutive years of gainful employment].

Verified: (A)(1)-(2), (B)(1)-(2)(a) and the first words of (B)(2)(b) as enacted by Acts 2014, No. 145
(law.justia.com/codes/louisiana/2014/code-codeofcriminalprocedure/ccrp-978, 2014 Louisiana Laws, re-read
2026-11-29); (A)(3) and (B)(3)(e) from Acts 2019, No. 268 (SB 98, its engrossed text and résumé
digest), in force 1 August 2019; the four offenses of (E) from SB 240 (2022) and SB 116 (2024), which
quote (E). Not verified: the wording of (B)(3) (so a distribution-type drug conviction goes to review,
possession does not), (B)(4), (C)-(D), the date (E) was added (applied from 2014-08-01), and the limit of
one felony expungement per fifteen years (from secondary sources; the record lists grants without
dates, so another felony expungement sends the answer to review).
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
from ._common import (
    ACT_71_OF_2020,
    ACT_268_OF_2019,
    CCRP,
    CONVICTED,
    FELONY,
    OTHER_CONVICTED,
    TITLE_XXXIV,
    all_of,
    any_of,
    completion_date,
    crime_of_violence,
    free_since,
    limit,
    listed,
    no_pending_charge,
    not_already_granted,
    not_in_custody,
    set_aside,
    sex_offense,
    undecided,
)

ARTICLE = f"{CCRP} art. 978"
SET_ASIDE_893 = f"{CCRP} art. 893"

STATUTE_TEXT = (
    "A. Except as provided in Paragraph B of this Article, a person may file a motion to expunge his record of "
    "arrest and conviction of a felony offense if any of the following apply: (1) The conviction was set aside "
    "and the prosecution was dismissed pursuant to Article 893(E) of this Code. (2) More than ten years have "
    "elapsed since the person completed any sentence, deferred adjudication, or period of probation or parole "
    "based on the felony conviction, and the person has not been convicted of any other criminal offense during "
    "the ten-year period, and has no criminal charge pending against him. ... (3) The person is entitled to a "
    "first offender pardon for the offense pursuant to Louisiana Constitution Article IV, Section 5(E)(1), "
    "provided that the offense is not defined as a crime of violence pursuant to R.S. 14:2(B) or a sex offense "
    "pursuant to R.S. 15:541. B. No expungement shall be granted nor shall a person be permitted to file a motion "
    "to expunge the record of arrest and conviction of a felony offense if the person was convicted of the "
    "commission or attempted commission of any of the following offenses: (1) Unless otherwise permissible under "
    "Article 893(E) of this Code, a crime of violence as defined by or enumerated in R.S. 14:2(B). (2)(a) "
    "Notwithstanding any provision of Article 893 of this Code, a sex offense or a criminal offense against a "
    "victim who is a minor as each term is defined by R.S. 15:541 ... (3) [drug offenses] ..."
)

NOT_CRIME_OF_VIOLENCE = Condition(
    id="not_crime_of_violence",
    text="The conviction is not for a crime of violence (R.S. 14:2(B)), or an attempt of one.",
    cite=f"{ARTICLE}(B)(1)",
    test=Not(crime_of_violence()),
)
#: Art. 978(B)(2)(b): "Any person who was convicted of carnal knowledge of a juvenile (R.S. 14:80) prior to August
#: 15, 2001, is eligible for an expungement pursuant to the provision[s] ..." (the rest of the sentence was not read):
#: such a conviction is not barred as a sex offense but asked (a lawyer reads the conditions of the exception).
CARNAL_KNOWLEDGE_BEFORE_2001 = all_of(
    StatuteIn(Fact("statute"), ("R.S. 14:80",)),
    Compare("<", Fact("disposition_date"), Const(date(2001, 8, 15))),
)

NOT_SEX_OFFENSE = Condition(
    id="not_sex_offense",
    text=(
        "The conviction is not for a sex offense or an offense against a victim who is a minor (R.S. 15:541), or "
        "an attempt of one (carnal knowledge of a juvenile before 15 August 2001 is an exception a lawyer checks)."
    ),
    cite=f"{ARTICLE}(B)(2)",
    test=Not(
        any_of(
            all_of(sex_offense(), Not(CARNAL_KNOWLEDGE_BEFORE_2001)), all_of(CARNAL_KNOWLEDGE_BEFORE_2001, undecided())
        )
    ),
)
NOT_EXCLUDED_DRUG_OFFENSE = Condition(
    id="not_excluded_drug_offense",
    text=(
        "The conviction is not a drug offense art. 978(B)(3) excludes (distribution-type offenses under the "
        "Uniform Controlled Dangerous Substances Law; possession is not excluded; a lawyer checks the others)."
    ),
    cite=f"{ARTICLE}(B)(3)",
    test=Not(
        all_of(
            StatuteIn(Fact("statute"), Param("la.felony_expungement.drug_offenses")),
            Not(StatuteIn(Fact("statute"), Param("la.felony_expungement.drug_possession"))),
            undecided(),
        )
    ),
)


def _base(cite: str) -> tuple[Condition, ...]:
    return (
        not_already_granted("Expungement of this conviction", (ARTICLE,), ARTICLE),
        Condition(id="convicted", text="The charge ended in a conviction.", cite=cite, test=CONVICTED),
        Condition(id="felony", text="The conviction is for a felony.", cite=cite, test=FELONY),
        not_in_custody(),
    )


#: Art. 978(D) (per cleanslateclearinghouse.org and ccresourcecenter.org; the enacted words were not read): one felony
#: expungement in a fifteen-year period, "except for deferred adjudication" (so not on the set-aside path).
FELONY_LIMIT = limit((ARTICLE,), f"{ARTICLE}(D)", "felony", 15)


def _ten_years(cite: str) -> Wait:
    return Wait(
        id="ten_years_free_of_conviction",
        text=(
            "More than ten years since the sentence (custody, probation or parole) was completed, with no other "
            "conviction in them."
        ),
        cite=cite,
        start=free_since(OTHER_CONVICTED),
        years=Param("la.felony_expungement.wait_years"),
        days=1,
    )


SET_ASIDE = Rule(
    id="LA-978-A1-set-aside",
    jurisdiction="LA",
    relief=Relief.EXPUNGEMENT,
    section=f"{ARTICLE}(A)(1)",
    title="Expungement of a felony after the conviction was set aside under art. 893(E)",
    statute_text=STATUTE_TEXT,
    conditions=(
        *_base(f"{ARTICLE}(A)(1)"),
        Condition(
            id="set_aside_under_893",
            text="The conviction was set aside and the prosecution dismissed under art. 893(E).",
            cite=f"{ARTICLE}(A)(1)",
            test=set_aside(SET_ASIDE_893),
        ),
        NOT_SEX_OFFENSE,  # "notwithstanding any provision of Article 893"; a crime of violence set aside is allowed
    ),
    effective=TITLE_XXXIV,
    note="By motion in the district court; no waiting period after the set-aside.",
)

TEN_YEARS = Rule(
    id="LA-978-A2-ten-years",
    jurisdiction="LA",
    relief=Relief.EXPUNGEMENT,
    section=f"{ARTICLE}(A)(2)",
    title="Expungement of a felony more than ten years after the sentence",
    statute_text=STATUTE_TEXT,
    conditions=(
        *_base(f"{ARTICLE}(A)(2)"),
        NOT_CRIME_OF_VIOLENCE,
        NOT_SEX_OFFENSE,
        NOT_EXCLUDED_DRUG_OFFENSE,
        no_pending_charge(False, f"{ARTICLE}(A)(2)"),
        FELONY_LIMIT,
    ),
    waits=(_ten_years(f"{ARTICLE}(A)(2)"),),
    effective=TITLE_XXXIV,
    note=(
        "By motion in the district court, with the district attorney's certificate of no conviction in the ten "
        "years and no pending charge."
    ),
)

#: "First offender": never convicted of a felony before this one (any state); an earlier conviction whose
#: grade is unknown may have been one.
EARLIER_FELONY = Exists(
    all_of(
        OTHER_CONVICTED,
        OneOf(Other("grade"), ("felony",)),
        Compare("<", Other("disposition_date"), Fact("disposition_date")),
    ),
    "other_charges",
)


def first_offender(cite: str) -> Condition:
    return Condition(
        id="first_offender",
        text="The person had never been convicted of a felony before this conviction (a first offender).",
        cite=cite,
        test=Not(EARLIER_FELONY),
    )


def costs_paid(cite: str) -> Condition:
    """R.S. 15:572(B)(3): court costs paid. The record holds fines and costs together: 0 owed settles it."""
    return Condition(
        id="court_costs_paid",
        text="The court costs of the conviction are paid (the record shows nothing owed; otherwise a lawyer checks).",
        cite=cite,
        test=any_of(Compare("<=", Fact("fines_costs_owed"), Const(0)), undecided()),
    )


FIRST_OFFENDER_PARDON = Rule(
    id="LA-978-A3-first-offender-pardon",
    jurisdiction="LA",
    relief=Relief.EXPUNGEMENT,
    section=f"{ARTICLE}(A)(3)",
    title="Expungement of a felony for which the person is entitled to a first offender pardon",
    statute_text=STATUTE_TEXT,
    conditions=(
        *_base(f"{ARTICLE}(A)(3)"),
        first_offender("La. Const. art. IV, § 5(E)(1); R.S. 15:572(C)"),
        NOT_CRIME_OF_VIOLENCE,
        NOT_SEX_OFFENSE,
        costs_paid("La. R.S. 15:572(B)(3)"),
        FELONY_LIMIT,
    ),
    waits=(
        Wait(
            id="sentence_completed",
            text="The sentence (custody, probation or parole) is completed (the pardon follows on that day).",
            cite="La. Const. art. IV, § 5(E)(1)",
            start=completion_date(),
        ),
    ),
    effective=ACT_268_OF_2019,
    note="By motion in the district court, as soon as the sentence is completed; drug offenses included ((B)(3)(e)).",
)

VIOLENT_EXCEPTION = listed("la.violent_crime_exception")

VIOLENT_TEN_YEARS = Rule(
    id="LA-978-E-violent-ten-years",
    jurisdiction="LA",
    relief=Relief.EXPUNGEMENT,
    section=f"{ARTICLE}(E)",
    title=(
        "Expungement, after a hearing, of aggravated or second degree battery, aggravated criminal damage to "
        "property or illegal use of weapons, ten years after the sentence"
    ),
    statute_text=STATUTE_TEXT,
    conditions=(
        *_base(f"{ARTICLE}(E)"),
        Condition(
            id="listed_crime_of_violence",
            text=(
                "The conviction is for aggravated battery, second degree battery, aggravated criminal damage to "
                "property, or illegal use of weapons or dangerous instrumentalities."
            ),
            cite=f"{ARTICLE}(E)(1)",
            test=VIOLENT_EXCEPTION,
        ),
        no_pending_charge(False, f"{ARTICLE}(E)(1)"),
        Condition(
            id="ten_years_employment",
            text="Before 1 August 2020: gainfully employed for ten consecutive years (a lawyer checks).",
            cite=f"{ARTICLE}(E)(1) (until Acts 2020, No. 71)",
            test=Not(all_of(Compare("<", AsOf(), Const(ACT_71_OF_2020)), undecided())),
        ),
        FELONY_LIMIT,
    ),
    waits=(_ten_years(f"{ARTICLE}(E)(1)"),),
    effective=TITLE_XXXIV,
    note="The court may order it after a contradictory hearing (the district attorney may oppose).",
)

RULES: tuple[Rule, ...] = (SET_ASIDE, TEN_YEARS, FIRST_OFFENDER_PARDON, VIOLENT_TEN_YEARS)

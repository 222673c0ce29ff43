"""La. Const. art. IV, § 5(E)(1) and La. R.S. 15:572(B)-(C) — the automatic first offender pardon.

Const. art. IV, § 5(E)(1): "... a first offender convicted of a non-violent crime, or convicted of
aggravated battery, second degree battery, aggravated assault, mingling harmful substances, aggravated
criminal damage to property, purse snatching, extortion, or illegal use of weapons or dangerous
instrumentalities never previously convicted of a felony shall be pardoned automatically upon
completion of his sentence, without a recommendation of the Board of Pardons and without action by the
governor."

R.S. 15:572: "B.(1) A first offender never previously convicted of a felony shall be pardoned
automatically upon completion of his sentence without a recommendation of the Board of Pardons and
without action by the governor. (2) No person convicted of a sex offense as defined in R.S. 15:541 or
determined to be a sexually violent predator or a child predator ... shall be exempt from the
registration requirements ... as a result of a pardon under the provisions of this Subsection. (3)
Notwithstanding any provision of law to the contrary, no pardon shall be issued to a first offender
unless that person has paid all of the court costs which were imposed in connection with the conviction
of the crime for which the pardon is to be issued. C. For the purposes of this Section, 'first offender'
means a person convicted within this state of a felony but never previously convicted of a felony within
this state or convicted under the laws of any other state or of the United States or of any foreign
government or country of a crime which, if committed in this state, would have been a felony, regardless
of any previous convictions for any misdemeanors." On the day the sentence is completed the Division of
Probation and Parole, satisfied that the person is a first offender who completed the sentence, issues a
certificate of the pardon (R.S. 15:572(D), as summarised by uslegal.com; not read in full).

R.S. 15:572(A)-(B)(3) and (C) verified on legis.la.gov (Law.aspx?d=79202, excerpt) and gilmergiglio.com;
the constitution's list from gilmergiglio.com and the Acts 2019, No. 268 digest. What it is and is not,
reported honestly: it is a pardon, granted without a petition (so ``automatic``), and restores the rights
of citizenship; it does not remove the conviction from public records (that is art. 978(A)(3)), does not
restore firearm rights, and does not end sex offender registration. It does not apply to a crime of
violence other than the eight the constitution names, to anyone with an earlier felony conviction, or
while court costs are owed. The relief label is ``pardon`` (not ``automatic_sealing``): nothing is sealed.
"""

from __future__ import annotations

from ...lang import Condition, Fact, Known, Not, Relief, Rule, Wait
from ._common import CONVICTED, FELONY, TITLE_XXXIV, all_of, completion_date, crime_of_violence, fact_is, listed
from .ccrp_978 import costs_paid, first_offender

SECTION = "La. Const. art. IV, § 5(E)(1); La. R.S. 15:572(B)-(C)"

STATUTE_TEXT = (
    "La. Const. art. IV, § 5(E)(1): ... a first offender convicted of a non-violent crime, or convicted of "
    "aggravated battery, second degree battery, aggravated assault, mingling harmful substances, aggravated "
    "criminal damage to property, purse snatching, extortion, or illegal use of weapons or dangerous "
    "instrumentalities never previously convicted of a felony shall be pardoned automatically upon completion of "
    "his sentence, without a recommendation of the Board of Pardons and without action by the governor. R.S. "
    "15:572(B)(3): no pardon shall be issued to a first offender unless that person has paid all of the court "
    "costs which were imposed in connection with the conviction of the crime for which the pardon is to be issued."
)

PARDON = Rule(
    id="LA-first-offender-pardon",
    jurisdiction="LA",
    relief=Relief.PARDON,
    section=SECTION,
    title="Automatic first offender pardon on completion of the sentence",
    statute_text=STATUTE_TEXT,
    conditions=(
        Condition(
            id="not_already_pardoned",
            text="The record does not already show a pardon for this conviction.",
            cite=SECTION,
            test=Not(all_of(Known(Fact("pardoned")), fact_is("pardoned", True))),
        ),
        Condition(id="convicted", text="The charge ended in a conviction.", cite=SECTION, test=CONVICTED),
        Condition(id="felony", text="The conviction is for a felony.", cite="La. R.S. 15:572(C)", test=FELONY),
        first_offender("La. R.S. 15:572(C)"),
        Condition(
            id="non_violent_or_named",
            text=(
                "The crime is non-violent, or is one of the eight crimes of violence the constitution names "
                "(aggravated or second degree battery, aggravated assault, mingling harmful substances, aggravated "
                "criminal damage to property, purse snatching, extortion, illegal use of weapons)."
            ),
            cite="La. Const. art. IV, § 5(E)(1)",
            test=Not(all_of(crime_of_violence(), Not(listed("la.first_offender_pardon.violent_allowed")))),
        ),
        costs_paid("La. R.S. 15:572(B)(3)"),
    ),
    waits=(
        Wait(
            id="sentence_completed",
            text="The sentence (custody, probation or parole) is completed.",
            cite="La. Const. art. IV, § 5(E)(1)",
            start=completion_date(),
        ),
    ),
    automatic=True,
    effective=TITLE_XXXIV,
    note=(
        "Automatic: the Division of Probation and Parole issues the certificate on the day the sentence is completed; "
        "ask it (or the clerk of court of the parish of conviction) for a copy if none arrived. It restores the rights "
        "of citizenship, not firearm rights; it does not hide the record (art. 978(A)(3) expungement does)."
    ),
)

RULES: tuple[Rule, ...] = (PARDON,)

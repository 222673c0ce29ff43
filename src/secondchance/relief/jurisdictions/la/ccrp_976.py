"""La. C.Cr.P. art. 976 — Motion to expunge record of arrest that did not result in a conviction.

A. A person may file a motion to expunge a record of his arrest for a felony or misdemeanor offense
that did not result in a conviction if any of the following apply:
(1) The person was not prosecuted for the offense for which he was arrested, and the limitations on
the institution of prosecution have barred the prosecution for that offense.
(2) The district attorney for any reason declined to prosecute any offense arising out of that
arrest, including the reason that the person successfully completed a pretrial diversion program.
(3) Prosecution was instituted and such proceedings have been finally disposed of by dismissal,
sustaining of a motion to quash, or acquittal.
(4) The person was judicially determined to be factually innocent and entitled to compensation for
a wrongful conviction pursuant to the provisions of R.S. 15:572.8. ...
B. Pursuant to R.S. 15:578.1, no person arrested for a violation of R.S. 14:98 (operating a vehicle
while intoxicated) or a parish or municipal ordinance that prohibits operating a vehicle while
intoxicated, ... and placed by the prosecuting authority into a pretrial diversion program, shall be
entitled to an expungement of the record until five years have elapsed since the date of arrest for
that offense.

Text verified on legis.la.gov (Law.aspx?d=919667; Acts 2014, No. 145; Acts 2015, No. 200; Acts 2016,
No. 125, eff. May 19, 2016; Acts 2020, No. 132). Readings: ``withdrawn`` (never filed, refused) is
(A)(2); ``diversion_completed`` is (A)(2)'s pretrial diversion; ``dismissed``, ``nolle_prossed``
and ``not_guilty`` are (A)(3). Prescription ((A)(1)) and factual innocence ((A)(4)) are not in the
record. The arrest is the case: another charge of the same case that ended, or may still end, in a
conviction sends the answer to review (the felony arrest behind a misdemeanor conviction has its own
path, the interim expungement of art. 985.1, not encoded). When (B) took effect could not be
verified; it is applied from 2014-08-01, the less favourable reading.
"""

from __future__ import annotations

from datetime import date

from ...lang import (
    Compare,
    Condition,
    Const,
    Exists,
    Fact,
    IfElse,
    Not,
    OneOf,
    Other,
    Param,
    Relief,
    Rule,
    StatuteIn,
    Wait,
)
from ._common import CCRP, TITLE_XXXIV, all_of, not_already_granted, not_in_custody

ARTICLE = f"{CCRP} art. 976"

STATUTE_TEXT = (
    "A. A person may file a motion to expunge a record of his arrest for a felony or misdemeanor offense that did "
    "not result in a conviction if any of the following apply: (1) The person was not prosecuted for the offense "
    "for which he was arrested, and the limitations on the institution of prosecution have barred the "
    "prosecution for that offense. (2) The district attorney for any reason declined to prosecute any offense "
    "arising out of that arrest, including the reason that the person successfully completed a pretrial "
    "diversion program. (3) Prosecution was instituted and such proceedings have been finally disposed of by "
    "dismissal, sustaining of a motion to quash, or acquittal. ... B. Pursuant to R.S. 15:578.1, no person "
    "arrested for a violation of R.S. 14:98 (operating a vehicle while intoxicated) ... and placed by the "
    "prosecuting authority into a pretrial diversion program, shall be entitled to an expungement of the record "
    "until five years have elapsed since the date of arrest for that offense."
)

ENDED_WITHOUT_CONVICTION = Condition(
    id="ended_without_conviction",
    text=(
        "The charge ended without a conviction: the district attorney declined to prosecute (including after "
        "pretrial diversion), or it was dismissed, quashed or ended in acquittal."
    ),
    cite=f"{ARTICLE}(A)(2)-(3)",
    test=OneOf(Fact("disposition"), ("withdrawn", "diversion_completed", "dismissed", "nolle_prossed", "not_guilty")),
)

NO_CONVICTION_FROM_ARREST = Condition(
    id="no_conviction_from_the_arrest",
    text=(
        "No other charge from the same arrest (case) ended, or may still end, in a conviction (if one did, a lawyer "
        "checks the interim expungement of art. 985.1)."
    ),
    cite=f"{ARTICLE}(A)",
    test=Not(
        Exists(
            all_of(
                Compare("==", Other("case_id"), Fact("case_id")),
                OneOf(Other("disposition"), (), ("convicted", "pending")),
            ),
            "other_charges",
        )
    ),
)

#: (B): an arrest for operating a vehicle while intoxicated that ended in pretrial diversion (unknown if the
#: statute is unknown or unreadable: a parish ordinance may be one).
DWI_DIVERSION = all_of(
    OneOf(Fact("disposition"), ("diversion_completed",)), StatuteIn(Fact("statute"), Param("la.dwi"))
)
#: Without (B) there is no wait: a start five years before Title XXXIV, so the "wait" ends the day it took effect.
NO_WAIT = Const(date(2009, 8, 1))

ARREST = Rule(
    id="LA-976-arrest-without-conviction",
    jurisdiction="LA",
    relief=Relief.EXPUNGEMENT,
    section=f"{ARTICLE}(A)",
    title="Expungement of an arrest that did not result in a conviction",
    statute_text=STATUTE_TEXT,
    conditions=(
        not_already_granted("Expungement of this arrest", (ARTICLE,), ARTICLE),
        ENDED_WITHOUT_CONVICTION,
        NO_CONVICTION_FROM_ARREST,
        not_in_custody(),
    ),
    waits=(
        Wait(
            id="dwi_diversion_five_years",
            text=(
                "For an arrest for operating a vehicle while intoxicated that ended in pretrial diversion: five "
                "years since the arrest (none otherwise)."
            ),
            cite=f"{ARTICLE}(B)",
            start=IfElse(DWI_DIVERSION, Fact("arrest_date"), NO_WAIT),
            years=Param("la.arrest_expungement.dwi_diversion_years"),
        ),
    ),
    effective=TITLE_XXXIV,
    note="By motion in the district court; no waiting period except (B). Fees may be waived (art. 983).",
)

RULES: tuple[Rule, ...] = (ARREST,)

"""La. C.Cr.P. art. 894 — Suspension and deferral of sentence; probation in misdemeanor cases.

Art. 894(A) lets the court, on a misdemeanor conviction, defer the imposition of sentence and place
the defendant on probation; art. 894(B)(1): "When the imposition of sentence has been deferred by the
court, as authorized by this Article, and the court finds at the conclusion of the period of deferral
that the defendant has not been convicted of any other offense during the period of deferral, and that
no criminal charge is pending against him, the court may set the conviction aside and dismiss the
prosecution." (B)(2): the dismissal "shall have the same effect as an acquittal", except that the
conviction may be considered a prior offense and provide the basis for subsequent prosecution as a
multiple offender.

The text of (B) is quoted from the pattern of art. 893(E) and secondary sources (Gillis Long pro bono
manual, clerk of court expungement packets); the enacted text of art. 894 could not be read through the
search tool. Whether the sentence was *deferred* under art. 894(A) (rather than imposed and suspended) is
not in the record, so this rule answers at best "needs review", naming that condition; a set-aside
already recorded (``relief_granted`` lists art. 894) is not offered again. A dismissal is its own relief
(the conviction is set aside) and opens the expungement of art. 977(A)(1).
"""

from __future__ import annotations

from ...lang import AsOf, Compare, Condition, Exists, Fact, Not, OneOf, Other, Relief, Rule, Wait
from ..supervision import kind_is
from ._common import (
    CCRP,
    CONVICTED,
    MISDEMEANOR,
    TITLE_XXXIV,
    all_of,
    any_of,
    fact_is,
    not_already_granted,
    undecided,
)

ARTICLE = f"{CCRP} art. 894"

STATUTE_TEXT = (
    "(B)(1) When the imposition of sentence has been deferred by the court, as authorized by this Article, and "
    "the court finds at the conclusion of the period of deferral that the defendant has not been convicted of any "
    "other offense during the period of deferral, and that no criminal charge is pending against him, the court "
    "may set the conviction aside and dismiss the prosecution."
)


def deferral_conditions(article: str, grade: Condition) -> tuple[Condition, ...]:
    """What arts. 893(E) and 894(B) share: a deferred sentence, its period ended, nothing since, nothing pending."""
    return (
        not_already_granted("The set-aside and dismissal", (article,), article),
        Condition(id="convicted", text="The charge ended in a conviction.", cite=article, test=CONVICTED),
        grade,
        Condition(
            id="sentence_deferred",
            text=(
                "The court deferred the imposition of sentence under this article (the record does not say; the "
                "minute entry or judgment shows it)."
            ),
            cite=article,
            test=all_of(Not(kind_is("parole")), undecided()),
        ),
        Condition(
            id="deferral_completed",
            text="The period of deferral (probation) was completed, not revoked.",
            cite=article,
            # completed, or still running (the wait then gives its end); unknown once over without a recorded outcome
            test=any_of(fact_is("probation_completed", True), Compare(">", Fact("probation_end"), AsOf())),
        ),
        Condition(
            id="no_conviction_during_deferral",
            text="No other conviction during the period of deferral.",
            cite=article,
            test=Not(
                Exists(
                    all_of(
                        OneOf(Other("disposition"), ("convicted",)),
                        Compare(">", Other("disposition_date"), Fact("disposition_date")),
                        Compare("<=", Other("disposition_date"), Fact("probation_end")),
                    ),
                    "other_charges",
                )
            ),
        ),
        Condition(
            id="no_pending_charge",
            text="No criminal charge is pending.",
            cite=article,
            test=Not(Exists(OneOf(Other("disposition"), ("pending",)), "other_charges")),
        ),
    )


def end_of_deferral(article: str) -> Wait:
    return Wait(
        id="end_of_deferral",
        text="The period of deferral has ended.",
        cite=article,
        start=Fact("probation_end"),
    )


SET_ASIDE = Rule(
    id="LA-894-B-set-aside",
    jurisdiction="LA",
    relief=Relief.DISMISSAL,
    section=f"{ARTICLE}(B)",
    title="Set-aside of a misdemeanor conviction and dismissal after a deferred sentence",
    statute_text=STATUTE_TEXT,
    conditions=deferral_conditions(
        ARTICLE,
        Condition(id="misdemeanor", text="The conviction is for a misdemeanor.", cite=ARTICLE, test=MISDEMEANOR),
    ),
    waits=(end_of_deferral(f"{ARTICLE}(B)"),),
    effective=TITLE_XXXIV,
    note="On motion to the sentencing court, at the end of the deferral; then expungement under art. 977(A)(1).",
)

RULES: tuple[Rule, ...] = (SET_ASIDE,)

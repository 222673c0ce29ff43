"""La. C.Cr.P. art. 893 — Suspension and deferral of sentence and probation in felony cases.

Art. 893(D) lets the court, in a felony case, defer the imposition of sentence and place the defendant
on probation (not for every offense: the article limits deferral, e.g. for crimes of violence and some
drug offenses); art. 893(E)(1)(a): "Upon motion of the defendant, if the court finds at the conclusion
of the probationary period that the probation of the defendant has been satisfactorily completed, the
court, with the concurrence of the district attorney, may set the conviction aside and dismiss the
prosecution." The dismissal has the effect of an acquittal, except that the conviction may be
considered a first offense and provide the basis for prosecution as a multiple offender, and a
defendant may have a conviction set aside under this paragraph only once during a ten-year period.

Quoted from secondary sources (the enacted text of art. 893 could not be read through the search tool);
paraphrased parts are marked by their absence of quotation marks. As for art. 894, whether the sentence
was deferred under art. 893(D) is not in the record, so this rule answers at best "needs review".
"""

from __future__ import annotations

from ...lang import Condition, Relief, Rule
from ._common import CCRP, FELONY, TITLE_XXXIV
from .ccrp_894 import deferral_conditions, end_of_deferral

ARTICLE = f"{CCRP} art. 893"

STATUTE_TEXT = (
    "(E)(1)(a) Upon motion of the defendant, if the court finds at the conclusion of the probationary period "
    "that the probation of the defendant has been satisfactorily completed, the court, with the concurrence of the "
    "district attorney, may set the conviction aside and dismiss the prosecution."
)

SET_ASIDE = Rule(
    id="LA-893-E-set-aside",
    jurisdiction="LA",
    relief=Relief.DISMISSAL,
    section=f"{ARTICLE}(E)",
    title="Set-aside of a felony conviction and dismissal after a deferred sentence",
    statute_text=STATUTE_TEXT,
    conditions=deferral_conditions(
        ARTICLE, Condition(id="felony", text="The conviction is for a felony.", cite=ARTICLE, test=FELONY)
    ),
    waits=(end_of_deferral(f"{ARTICLE}(E)"),),
    effective=TITLE_XXXIV,
    note=(
        "On motion to the sentencing court with the district attorney's concurrence, at the end of probation; then "
        "expungement under art. 978(A)(1)."
    ),
)

RULES: tuple[Rule, ...] = (SET_ASIDE,)

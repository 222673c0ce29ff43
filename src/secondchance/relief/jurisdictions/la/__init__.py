"""Louisiana: Code of Criminal Procedure Title XXXIV (arts. 971-995), arts. 893-894, and the first offender pardon.

One module per article: ``ccrp_976`` arrests without conviction, ``ccrp_977`` misdemeanor convictions,
``ccrp_978`` felony convictions, ``ccrp_893``/``ccrp_894`` the set-aside and dismissal after a deferred
sentence, ``rs_15_572`` the automatic first offender pardon (La. Const. art. IV, § 5(E)(1)); ``_common``
holds what they share (art. 975's custody bar among it). Louisiana calls its record relief
"expungement". Sources, readings, judgment calls and what is not encoded: docs/jurisdictions/la.md.
"""

from __future__ import annotations

from pathlib import Path

from ...lang import RemainingPath, Rule
from ..state import State
from . import ccrp_893, ccrp_894, ccrp_976, ccrp_977, ccrp_978, citations, records, rs_15_572

RULES: tuple[Rule, ...] = (
    *ccrp_976.RULES,
    *ccrp_977.RULES,
    *ccrp_978.RULES,
    *ccrp_894.RULES,
    *ccrp_893.RULES,
    *rs_15_572.RULES,
)

REMAINING_PATHS: tuple[RemainingPath, ...] = (
    RemainingPath(
        id="LA-governor-pardon",
        jurisdiction="LA",
        name="Pardon or commutation from the Governor (apply to the Board of Pardons)",
        section="La. Const. art. IV, § 5(E)(1); La. R.S. 15:572; La. Admin. Code tit. 22, pt. V, § 201",
        text=(
            "Anyone convicted of a Louisiana offense may apply to the Board of Pardons; the Governor may pardon or "
            "commute only on its favourable recommendation. Court costs of the conviction must be paid; an "
            "applicant may not have outstanding detainers or more than $1,000 of fines and fees owed. A full "
            "pardon restores the rights of citizenship and may restore firearm rights; first offenders are "
            "pardoned automatically when the sentence is completed (the screening says when)."
        ),
        where_to_start=(
            "Louisiana Board of Pardons and Committee on Parole (doc.louisiana.gov, Board of Pardons and Parole: "
            "clemency application). Free help: the Justice and Accountability Center of Louisiana (jaclouisiana.org) "
            "and Southeast Louisiana Legal Services."
        ),
    ),
    RemainingPath(
        id="LA-interim-expungement",
        jurisdiction="LA",
        name="Interim expungement of a felony arrest that ended in a misdemeanor conviction",
        section="La. C.Cr.P. art. 985.1",
        text=(
            "When a felony arrest ended in a misdemeanor conviction, the felony arrest record may be expunged even "
            "where the misdemeanor conviction cannot be (for example, after an arrest for a sex offense). The "
            "record here does not hold the arrest charge apart from the conviction, so this is not screened."
        ),
        where_to_start="File with the clerk of the district court of the parish of arrest; legal aid can help.",
    ),
)

_HERE = Path(__file__).parent

STATE = State(
    code="LA",
    name="Louisiana",
    rules=RULES,
    remaining_paths=REMAINING_PATHS,
    read_citation=citations.read,
    grades=records.GRADES,
    grade_case="lower",
    supervision=records.SUPERVISION,
    grade_options=records.GRADE_OPTIONS,
    synth=records.SYNTH,
    cases=_HERE / "cases",
    params=_HERE / "params.yaml",
    courts=_HERE / "courts.csv",
    docs="docs/jurisdictions/la.md",
)

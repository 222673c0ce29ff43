"""Missouri: RSMo 610.140 (expungement by petition), 610.122 (arrest records), Mo. Const. art. XIV § 2.10
(automatic expungement of marijuana offenses); the Governor's pardon as the remaining path.

One module per section: ``s610_140`` (petition expungement of convictions, two enactments),
``s610_122`` (arrest records), ``const_art_xiv_2`` (Amendment 3 of 2022). ``offenses`` holds the
grades and expressions they share, ``citations`` the grammar (``RSMo 565.021``, ``§ 565.021 RSMo``).
No automatic ("Clean Slate") expungement statute was found in force: bills were filed (2024 HB 2555;
2025 SB 19, HB 1234, HB 953), none found enacted. Sources, judgment calls and what could not be
verified: docs/jurisdictions/mo.md.
"""

from __future__ import annotations

from pathlib import Path

from ...lang import RemainingPath, Rule
from ..state import State
from . import citations, const_art_xiv_2, links, records, s610_122, s610_140
from .offenses import GRADES

RULES: tuple[Rule, ...] = (*s610_140.RULES, *s610_122.RULES, *const_art_xiv_2.RULES)

#: A pardon is the Governor's discretion (Mo. Const. art. IV, § 7), not an entitlement, so it is never a
#: rule with an "eligible" status; it is what remains for a conviction 610.140 excludes or has not yet reached.
REMAINING_PATHS: tuple[RemainingPath, ...] = (
    RemainingPath(
        id="MO-governor-pardon",
        jurisdiction="MO",
        name="Pardon or commutation from the Governor (apply through the Board of Probation and Parole)",
        section="Mo. Const. art. IV, § 7; RSMo 217.800",
        text=(
            "The Governor may grant reprieves, commutations and pardons after conviction for any offense except "
            "treason and impeachment (Mo. Const. art. IV, § 7). Applications go to the Board of Probation and Parole, "
            "which investigates and reports to the Governor (RSMo 217.800). No law sets a waiting period or an "
            "offense that cannot be pardoned; it is discretionary and can take years. A pardon does not erase the "
            "record, but it is the path that remains for a conviction RSMo 610.140 excludes (class A and dangerous "
            "felonies, sex offenses, felony assault) or has not yet reached."
        ),
        where_to_start=(
            "Request the Application for Executive Clemency from the Missouri Board of Probation and Parole "
            "(Missouri Department of Corrections, doc.mo.gov) and return it to the Board. Free help: Missouri "
            "legal aid (lsmo.org) and law-school clemency clinics."
        ),
    ),
    RemainingPath(
        id="MO-legal-help",
        jurisdiction="MO",
        name="Free help with a Missouri expungement petition",
        section="RSMo 610.140, 610.122, 610.130",
        text=(
            "A lawyer can check what the record cannot show: whether an offense is a dangerous felony or requires "
            "registration, whether crimes were one course of conduct (they then count once toward the lifetime "
            "limit), a first DWI (RSMo 610.130, after ten years), and the court's findings on public safety and the "
            "interests of justice. Missouri courts publish a petition form for people without a lawyer."
        ),
        where_to_start=(
            "Missouri courts' self-help centre (mocourts.gov, Expungement), the local legal-aid office (lsmo.org), "
            "or the expungement clinic of a Missouri law school; file in the court where the case was."
        ),
    ),
)

_HERE = Path(__file__).parent

STATE = State(
    code="MO",
    name="Missouri",
    rules=RULES,
    remaining_paths=REMAINING_PATHS,
    read_citation=citations.read,
    grades=GRADES,
    grade_case="lower",
    supervision=records.SUPERVISION,
    grade_options=records.GRADE_OPTIONS,
    synth=records.SYNTH,
    cases=_HERE / "cases",
    params=_HERE / "params.yaml",
    docs="docs/jurisdictions/mo.md",
    official_url=links.official_url,
)

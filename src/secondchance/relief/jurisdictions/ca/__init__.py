"""California: Penal Code §§ 17(b), 851.93, 1170.18, 1203.4-1203.425, 4852.01-4852.06; H&S § 11361.8.

One module per section (``pc_1203_4.py`` is Penal Code § 1203.4, ``hs_11361_8.py`` is Health &
Safety Code § 11361.8); ``_common.py`` holds the expressions they share. Sources, readings and
judgment calls: docs/jurisdictions/ca.md.
"""

from __future__ import annotations

from pathlib import Path

from ...lang import RemainingPath, Rule
from ..state import State
from . import (
    citations,
    hs_11361_8,
    links,
    pc_17b,
    pc_851_93,
    pc_1170_18,
    pc_1203_4,
    pc_1203_4a,
    pc_1203_41,
    pc_1203_42,
    pc_1203_425,
    pc_4852,
    records,
)

RULES: tuple[Rule, ...] = (
    *pc_1203_4.RULES,
    *pc_1203_4a.RULES,
    *pc_1203_41.RULES,
    *pc_1203_42.RULES,
    *pc_17b.RULES,
    *pc_1203_425.RULES,
    *pc_851_93.RULES,
    *hs_11361_8.RULES,
    *pc_1170_18.RULES,
    *pc_4852.RULES,
)

REMAINING_PATHS: tuple[RemainingPath, ...] = (
    RemainingPath(
        id="CA-governor-pardon",
        jurisdiction="CA",
        name="Pardon from the Governor",
        section="Cal. Const. art. V, § 8; Cal. Penal Code § 4800 et seq.",
        text=(
            "The Governor may pardon a California conviction. A pardon can be applied for directly, or follows a "
            "certificate of rehabilitation (§ 4852.16). It restores rights such as serving on a jury and, for most "
            "offenses, owning a firearm; it does not erase the record."
        ),
        where_to_start=(
            "Apply to the Governor's Office (gov.ca.gov, Clemency: Application for Pardon); the application is free. "
            "A local public defender or legal-aid clean-slate clinic can help prepare it."
        ),
    ),
    RemainingPath(
        id="CA-legal-help",
        jurisdiction="CA",
        name="Free help from a clean-slate clinic",
        section="Cal. Penal Code §§ 1203.4-1203.42, 17(b), 851.91",
        text=(
            "A lawyer can check what the record cannot show: the interest-of-justice paths of §§ 1203.4 and "
            "1203.4a, early termination of probation (§ 1203.3), arrest sealing by petition (§ 851.91), and "
            "whether an offense is serious, violent or registrable."
        ),
        where_to_start=(
            "Contact the public defender's clean-slate unit in the county of conviction, or a legal-aid "
            "organization's expungement clinic."
        ),
    ),
)

_HERE = Path(__file__).parent

STATE = State(
    code="CA",
    name="California",
    rules=RULES,
    remaining_paths=REMAINING_PATHS,
    read_citation=citations.read,
    grades=records.GRADES,
    grade_case="lower",
    supervision=records.SUPERVISION,
    grade_options=records.GRADE_OPTIONS,
    whole_codes=citations.CODES,
    prison_or_jail=True,
    synth=records.SYNTH,
    cases=_HERE / "cases",
    params=_HERE / "params.yaml",
    courts=_HERE / "courts.csv",
    docs="docs/jurisdictions/ca.md",
    official_url=links.official_url,
)

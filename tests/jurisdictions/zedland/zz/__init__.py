"""Zedland (``ZZ``): a fictional state that lives only in this test folder.

It proves CONTRIBUTING.md's walk-through: a folder with a descriptor (``STATE``), rule modules,
a citation grammar, grades, dated parameters and YAML cases is a state everywhere (screen, bulk,
web interview) once registered, without touching a file outside the folder. Its law is invented.
"""

from __future__ import annotations

from pathlib import Path

from secondchance.relief.jurisdictions.state import State
from secondchance.relief.lang import RemainingPath, Rule

from . import citations, records, zcra_10, zcra_11

RULES: tuple[Rule, ...] = (*zcra_10.RULES, *zcra_11.RULES)

REMAINING_PATHS: tuple[RemainingPath, ...] = (
    RemainingPath(
        id="ZZ-pardon",
        jurisdiction="ZZ",
        name="Pardon from the Regent",
        section="Zedland Const. art. 3",
        text="The Regent may pardon any Zedland conviction (fictional).",
        where_to_start="Write to the Regent's Office of Mercy (fictional).",
    ),
)

_HERE = Path(__file__).parent

STATE = State(
    code="ZZ",
    name="Zedland",
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
    courts=_HERE / "courts.csv",  # none: Zedland has no court papers
)

"""Zedland's records as written: two grades (lower case), their interview labels, a synthetic profile."""

from __future__ import annotations

from typing import Final

from secondchance.relief.jurisdictions.state import GradeOption, SynthProfile

GRADES: Final = ("crime", "petty")
SUPERVISION: Final = ("probation", "parole", "none")

GRADE_OPTIONS: Final = (
    GradeOption("petty", "Petty offence", "A fine only. For example: loitering."),
    GradeOption("crime", "Crime", "Anything that can mean prison. For example: theft."),
)

SYNTH: Final = SynthProfile(
    statutes=(
        ("Zed. Code § 3-4", "Theft", ("petty", "crime"), 5),
        ("Zed. Code § 5-2", "Loitering", ("petty",), 3),
        ("Zed. Code § 2-1", "Arson", ("crime",), 1),
    ),
    counties=(("Northmarch", 1, 2), ("Southmarch", 2, 1)),
    dispositions=(("convicted", 0.6), ("dismissed", 0.3), ("not_guilty", 0.1)),
    listed_grades=("crime",),
    felony_grades=("crime",),
    summary_grades=("petty",),
    state_prison_days=365,
    case_id="Z{county_code}-{year}-{seq:06d}",
    spellings=lambda statute: (statute, statute.replace("Zed. Code §", "ZC")),
    sample_statutes=("Zed. Code § 3-4(a)", "ZC 5-2", "Z.C. § 2-1"),
)

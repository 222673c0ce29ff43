"""Missouri's records as written: grades, interview options, and the synthetic-record profile.

Grades are the classes of RSMo 557.016 and 557.021 (since 2017-01-01: felonies A-E, misdemeanors
A-D, infractions), ``municipal`` for an ordinance violation in a municipal division, and ``felony`` /
``misdemeanor`` for an unclassified offense or a record that does not give the class; records write
them lower case (read case-insensitively: ``FELONY_D`` is ``felony_d``).
"""

from __future__ import annotations

from typing import Final

from ..state import GradeOption, SynthProfile
from .offenses import GRADES

#: Probation and parole (Board of Probation and Parole); no PRCS or mandatory supervision.
SUPERVISION: Final = ("probation", "parole", "none")

GRADE_OPTIONS: Final = (
    GradeOption("infraction", "Infraction", "A fine only, no jail. For example: many traffic tickets."),
    GradeOption("municipal", "Municipal ordinance violation", "A case in a city's municipal court."),
    GradeOption("misdemeanor_d", "Class D misdemeanor"),
    GradeOption("misdemeanor_c", "Class C misdemeanor"),
    GradeOption("misdemeanor_b", "Class B misdemeanor"),
    GradeOption("misdemeanor_a", "Class A misdemeanor", "For example: stealing (RSMo 570.030) in most cases."),
    GradeOption("misdemeanor", "Misdemeanor with no class"),
    GradeOption("felony_e", "Class E felony"),
    GradeOption("felony_d", "Class D felony", "For example: possession of a controlled substance (RSMo 579.015)."),
    GradeOption("felony_c", "Class C felony"),
    GradeOption("felony_b", "Class B felony"),
    GradeOption("felony_a", "Class A felony", "The most serious class."),
    GradeOption("felony", "Felony with no class"),
)


def spellings(statute: str) -> list[str]:
    """The ways charging documents and judgments cite one section (the grammar must read them alike)."""
    out = [statute]
    if statute.startswith("RSMo "):
        section = statute.removeprefix("RSMo ")
        out += [f"§ {section} RSMo", f"{section} RSMo", f"Mo. Rev. Stat. § {section}"]
    return out


SYNTH: Final = SynthProfile(
    # statute, description, grades it is charged at, weight: common charges, and excluded ones so that
    # every RSMo 610.140 exclusion is exercised
    statutes=(
        ("RSMo 570.030", "Stealing", ("misdemeanor_a", "felony_d", "felony_e"), 12),
        ("RSMo 579.015", "Possession of a controlled substance", ("felony_d", "misdemeanor_a", "misdemeanor_d"), 10),
        ("RSMo 579.074", "Unlawful use of drug paraphernalia", ("misdemeanor_a", "misdemeanor_d"), 4),
        ("RSMo 565.056", "Assault in the fourth degree", ("misdemeanor_a", "misdemeanor_c"), 5),
        ("RSMo 565.054", "Assault in the third degree", ("felony_e", "misdemeanor_a"), 2),
        ("RSMo 565.076", "Domestic assault in the fourth degree", ("misdemeanor_a", "felony_e"), 3),
        ("RSMo 569.170", "Burglary in the second degree", ("felony_d",), 3),
        ("RSMo 570.023", "Robbery in the first degree", ("felony_a",), 1),
        ("RSMo 571.030.1(1)", "Unlawful use of a weapon - carrying concealed", ("felony_e",), 1),
        ("RSMo 577.010", "Driving while intoxicated", ("misdemeanor_b", "felony_e"), 4),
        ("RSMo 302.321", "Driving while revoked", ("misdemeanor_a", "felony_e"), 4),
        ("RSMo 304.010", "Speeding", ("infraction", "misdemeanor_c"), 3),
        ("RSMo 574.010", "Peace disturbance", ("misdemeanor_b", "municipal"), 3),
        ("RSMo 566.030", "Rape in the first degree", ("felony",), 0.3),
        ("RSMo 565.021", "Murder in the second degree", ("felony_a",), 0.2),
        ("Mun. Ord. 210.270", "Municipal ordinance violation", ("municipal",), 2),
    ),
    counties=(
        ("St. Louis County", "SL", 14),
        ("St. Louis City", "SC", 7),
        ("Jackson", "JA", 11),
        ("Greene", "GR", 5),
        ("Boone", "BO", 3),
        ("St. Charles", "CH", 6),
        ("Jasper", "JS", 2),
        ("Cole", "CO", 1.5),
        ("Buchanan", "BU", 1.5),
        ("Ripley", "RI", 0.2),
    ),
    dispositions=(
        ("convicted", 0.55),
        ("dismissed", 0.15),
        ("withdrawn", 0.03),
        ("nolle_prossed", 0.15),
        ("not_guilty", 0.04),
        ("diversion_completed", 0.08),
    ),
    listed_grades=("felony_c", "felony_d", "felony_e", "misdemeanor_a", "misdemeanor_b", "municipal"),
    felony_grades=tuple(g for g in GRADES if g.startswith("felony")),
    summary_grades=("infraction",),
    state_prison_days=365,
    case_id="{year}{county_code}-CR{seq:07d}",
    spellings=spellings,
    sample_statutes=(
        "RSMo 570.030",
        "§ 579.015 RSMo",
        "565.054 RSMo",
        "RSMo 565.076",
        "RSMo 570.023",
        "RSMo 566.030",
        "571.030.1(1)",
        "RSMo 577.010",
        "RSMo 304.010",
        "RSMo 569.170",
    ),
    sample_relief_granted=(*(None,) * 8, "RSMO-610.140", "RSMO-610.122"),
)

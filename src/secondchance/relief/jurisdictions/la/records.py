"""Louisiana's records as written: grades, interview options, and the synthetic-record profile.

Grades as the Criminal Code defines them (R.S. 14:2(A)(4), (6)): a felony is "any crime for which an
offender may be sentenced to death or imprisonment at hard labor", a misdemeanor "any crime other
than a felony"; records write them in any case, kept lower case. Parishes stand where other states
have counties.
"""

from __future__ import annotations

from typing import Final

from ..state import GradeOption, SynthProfile

GRADES: Final = ("felony", "misdemeanor")
#: Probation and parole (no PRCS or mandatory supervision).
SUPERVISION: Final = ("probation", "parole", "none")

GRADE_OPTIONS: Final = (
    GradeOption(
        "misdemeanor",
        "Misdemeanor",
        "Any crime that is not a felony; at most six months or a year in parish jail. For example: simple battery.",
    ),
    GradeOption(
        "felony",
        "Felony",
        "A crime that can be punished at hard labor. For example: simple burglary (R.S. 14:62).",
    ),
)


def spellings(statute: str) -> list[str]:
    """The ways bills of information and minute entries cite one section (read alike by the grammar)."""
    out = [statute]
    if statute.startswith("La. R.S. "):
        section = statute.removeprefix("La. R.S. ")
        out += [f"R.S. {section}", f"LSA-R.S. {section}", section]
    elif statute.startswith("R.S. "):
        section = statute.removeprefix("R.S. ")
        out += [f"La. R.S. {section}", section]
    return out


SYNTH: Final = SynthProfile(
    # statute, description, grades it is charged at, weight
    statutes=(
        ("La. R.S. 14:67", "Theft", ("misdemeanor", "felony"), 14),
        ("La. R.S. 14:35", "Simple battery", ("misdemeanor",), 8),
        ("La. R.S. 14:35.3", "Domestic abuse battery", ("misdemeanor", "felony"), 6),
        ("La. R.S. 14:62", "Simple burglary", ("felony",), 5),
        ("La. R.S. 14:98", "Operating a vehicle while intoxicated", ("misdemeanor", "felony"), 9),
        ("La. R.S. 40:966(C)(2)", "Possession of marijuana", ("misdemeanor",), 8),
        ("La. R.S. 40:967(C)", "Possession of a Schedule II substance", ("felony",), 7),
        ("La. R.S. 40:967(A)(1)", "Distribution of a Schedule II substance", ("felony",), 3),
        ("La. R.S. 14:95", "Illegal carrying of weapons", ("misdemeanor", "felony"), 4),
        ("La. R.S. 14:95.1", "Possession of a firearm by a convicted felon", ("felony",), 2),
        ("La. R.S. 14:34", "Aggravated battery", ("felony",), 2),
        ("La. R.S. 14:64", "Armed robbery", ("felony",), 1),
        ("La. R.S. 14:65", "Simple robbery", ("felony",), 1),
        ("La. R.S. 14:56", "Simple criminal damage to property", ("misdemeanor", "felony"), 4),
        ("La. R.S. 14:108", "Resisting an officer", ("misdemeanor",), 4),
        ("La. R.S. 14:103", "Disturbing the peace", ("misdemeanor",), 3),
        ("La. R.S. 14:63", "Criminal trespass", ("misdemeanor",), 3),
        ("La. R.S. 14:40.2", "Stalking", ("misdemeanor", "felony"), 1),
        ("La. R.S. 14:81", "Indecent behavior with juveniles", ("felony",), 0.5),
        ("La. R.S. 14:27/14:30.1", "Attempted second degree murder", ("felony",), 0.3),
        ("La. R.S. 14:71", "Issuing worthless checks", ("misdemeanor", "felony"), 1),
    ),
    # Parishes (their FIPS numbers as codes), most populous first, weights roughly their share of cases.
    counties=(
        ("Orleans", 71, 14),
        ("East Baton Rouge", 33, 12),
        ("Jefferson", 51, 12),
        ("Caddo", 17, 7),
        ("Calcasieu", 19, 6),
        ("Lafayette", 55, 6),
        ("St. Tammany", 103, 6),
        ("Ouachita", 73, 4),
        ("Rapides", 79, 3),
        ("Terrebonne", 109, 3),
        ("Livingston", 63, 3),
        ("Tangipahoa", 105, 3),
        ("Bossier", 15, 3),
        ("Ascension", 5, 2),
        ("Cameron", 23, 0.1),
    ),
    dispositions=(
        ("convicted", 0.50),
        ("dismissed", 0.12),
        ("withdrawn", 0.15),
        ("nolle_prossed", 0.08),
        ("not_guilty", 0.05),
        ("diversion_completed", 0.10),
    ),
    listed_grades=("felony", "misdemeanor"),
    felony_grades=("felony",),
    summary_grades=(),
    state_prison_days=365,
    case_id="{county_code}{year}-{seq:08d}",
    spellings=spellings,
    sample_statutes=(
        "La. R.S. 14:67",
        "R.S. 14:35",
        "14:35.3",
        "La. R.S. 14:34",
        "La. R.S. 14:62",
        "La. R.S. 14:98",
        "La. R.S. 40:966(C)(2)",
        "La. R.S. 40:967(A)(1)",
        "La. R.S. 14:81",
        "La. R.S. 14:40.2",
        "14:27/14:30.1",
    ),
    # ``relief_granted`` (canonical, as records.parse writes them): set-asides open arts. 977(A)(1) and 978(A)(1).
    sample_relief_granted=(*(None,) * 6, "CCRP-894", "CCRP-893(E)", "CCRP-977", "CCRP-978"),
)

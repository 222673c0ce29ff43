"""Pennsylvania's records as written: grades, interview options, and the synthetic-record profile.

Grades are the Crimes Code's (18 Pa.C.S. § 106): felonies and misdemeanors of the first to third
degree, ungraded ones (``F``, ``M``) and summary offenses (``S``); records write them upper case.
"""

from __future__ import annotations

from typing import Final

from ..state import GradeOption, SynthProfile

GRADES: Final = ("F1", "F2", "F3", "F", "M1", "M2", "M3", "M", "S")
#: Probation and parole; Pennsylvania has no PRCS or mandatory supervision (California's Realignment).
SUPERVISION: Final = ("probation", "parole", "none")

GRADE_OPTIONS: Final = (
    GradeOption(
        "S",
        "Summary offense (S)",
        "The least serious level, usually a fine. For example: a first retail theft of less than $150.",
    ),
    GradeOption("M3", "Misdemeanor, third degree (M3)", "For example: some disorderly conduct charges."),
    GradeOption("M2", "Misdemeanor, second degree (M2)", "For example: simple assault."),
    GradeOption("M1", "Misdemeanor, first degree (M1)", "For example: a first retail theft of $150 or more."),
    GradeOption(
        "M",
        "Misdemeanor with no degree (M)",
        "For example: possession of a controlled substance, or a first DUI.",
    ),
    GradeOption("F3", "Felony, third degree (F3)", "For example: theft of property worth more than $2,000."),
    GradeOption("F2", "Felony, second degree (F2)", "For example: some burglaries and robberies."),
    GradeOption(
        "F1",
        "Felony, first degree (F1)",
        "The most serious level below murder. For example: aggravated assault causing serious injury.",
    ),
    GradeOption("F", "Felony with no degree (F)", "For example: possession with intent to deliver drugs."),
)


def spellings(statute: str) -> list[str]:
    """The ways dockets cite one section (the canonical rewrites must treat them alike)."""
    out = [statute]
    if "Pa.C.S. § " in statute:
        title, section = statute.split(" Pa.C.S. § ")
        out += [f"{title} Pa.C.S.A. § {section}", f"{title} § {section}", f"{title} PA.C.S. {section}"]
    return out


SYNTH: Final = SynthProfile(
    # statute, description, grades it is charged at, weight
    statutes=(
        ("18 Pa.C.S. § 3929", "Retail theft", ("S", "M2", "M1", "F3"), 9),
        ("18 Pa.C.S. § 3921", "Theft by unlawful taking", ("M2", "M1", "F3", "F2"), 6),
        ("18 Pa.C.S. § 3925", "Receiving stolen property", ("M2", "M1", "F3"), 4),
        ("18 Pa.C.S. § 2701", "Simple assault", ("M2", "M3", "M1"), 9),
        ("18 Pa.C.S. § 2702", "Aggravated assault", ("F1", "F2"), 3),
        ("18 Pa.C.S. § 2705", "Recklessly endangering another person", ("M2",), 4),
        ("18 Pa.C.S. § 2706", "Terroristic threats", ("M1", "F3"), 3),
        ("18 Pa.C.S. § 2709", "Harassment", ("S", "M3", "M2"), 6),
        ("18 Pa.C.S. § 2718", "Strangulation", ("M2", "F2"), 1),
        ("18 Pa.C.S. § 2501", "Criminal homicide", ("F1", "F"), 0.3),
        ("18 Pa.C.S. § 2902", "Unlawful restraint", ("M1", "F2"), 0.5),
        ("18 Pa.C.S. § 3121", "Rape", ("F1",), 0.3),
        ("18 Pa.C.S. § 3126", "Indecent assault", ("M2", "M1", "F3"), 0.8),
        ("18 Pa.C.S. § 3127", "Indecent exposure", ("M2", "M1"), 0.4),
        ("18 Pa.C.S. § 3304", "Criminal mischief", ("S", "M3", "M2", "F3"), 4),
        ("18 Pa.C.S. § 3502", "Burglary", ("F1", "F2"), 3),
        ("18 Pa.C.S. § 3503", "Criminal trespass", ("S", "M3", "F3", "F2"), 4),
        ("18 Pa.C.S. § 3701", "Robbery", ("F1", "F2", "F3"), 2),
        ("18 Pa.C.S. § 4101", "Forgery", ("M1", "F3", "F2"), 2),
        ("18 Pa.C.S. § 4304", "Endangering welfare of children", ("M1", "F3"), 1.5),
        ("18 Pa.C.S. § 4915.1", "Failure to comply with registration requirements", ("F2", "F3"), 0.3),
        ("18 Pa.C.S. § 5104", "Resisting arrest", ("M2",), 3),
        ("18 Pa.C.S. § 5503", "Disorderly conduct", ("S", "M3"), 7),
        ("18 Pa.C.S. § 5505", "Public drunkenness", ("S",), 4),
        ("18 Pa.C.S. § 5902", "Prostitution", ("M3", "M2"), 1),
        ("18 Pa.C.S. § 6106", "Firearms not to be carried without a license", ("F3", "M1"), 2),
        ("18 Pa.C.S. § 6301", "Corruption of minors", ("M1", "F3"), 0.8),
        ("18 Pa.C.S. § 6312", "Sexual abuse of children", ("F2", "F3"), 0.2),
        ("18 Pa.C.S. § 7512", "Criminal use of communication facility", ("F3",), 1),
        ("35 P.S. § 780-113(a)(16)", "Possession of a controlled substance", ("M",), 9),
        ("35 P.S. § 780-113(a)(30)", "Possession with intent to deliver", ("F",), 5),
        ("35 P.S. § 780-113(a)(31)", "Possession of a small amount of marijuana", ("M",), 5),
        ("35 P.S. § 780-113(a)(32)", "Possession of drug paraphernalia", ("M",), 6),
        ("75 Pa.C.S. § 3802(a)(1)", "DUI: general impairment", ("M", "M1"), 7),
        ("75 Pa.C.S. § 3802(c)", "DUI: highest rate of alcohol", ("M1", "M"), 2),
        ("75 Pa.C.S. § 1543(a)", "Driving while operating privilege is suspended", ("S",), 3),
    ),
    # Counties, most populous first, with weights (roughly their share of cases).
    counties=(
        ("Philadelphia", 51, 20),
        ("Allegheny", 2, 10),
        ("Montgomery", 46, 5),
        ("Bucks", 9, 4),
        ("Delaware", 23, 5),
        ("Lancaster", 36, 4),
        ("Chester", 15, 3),
        ("York", 67, 4),
        ("Berks", 6, 4),
        ("Lehigh", 39, 4),
        ("Westmoreland", 65, 3),
        ("Luzerne", 40, 3),
        ("Northampton", 48, 3),
        ("Dauphin", 22, 4),
        ("Erie", 25, 3),
        ("Cumberland", 21, 2),
        ("Lackawanna", 35, 2),
        ("Washington", 63, 2),
        ("Beaver", 4, 1.5),
        ("Centre", 14, 1.5),
        ("Schuylkill", 54, 1.5),
        ("Cambria", 11, 1.5),
        ("Franklin", 28, 1.5),
        ("Butler", 10, 1),
        ("Fayette", 26, 1),
        ("Monroe", 45, 1.5),
        ("Lebanon", 38, 1),
        ("Adams", 1, 0.5),
        ("Fulton", 29, 0.1),
        ("Forest", 27, 0.1),
    ),
    dispositions=(
        ("convicted", 0.50),
        ("dismissed", 0.07),
        ("withdrawn", 0.17),
        ("nolle_prossed", 0.10),
        ("not_guilty", 0.05),
        ("diversion_completed", 0.07),
    ),
    listed_grades=("F1", "F2", "F3", "M1", "M2", "M3"),
    felony_grades=("F1", "F2", "F3", "F"),
    summary_grades=("S",),
    state_prison_days=730,
    case_id="CP-{county_code}-CR-{seq:07d}-{year}",
    spellings=spellings,
    sample_statutes=(
        "18 Pa.C.S. § 3929(a)(1)",
        "18 Pa.C.S. § 3925(a)",
        "18 Pa.C.S. § 2701(a)(1)",
        "18 Pa.C.S. § 2702(a)(1)",
        "18 Pa.C.S. § 3502(a)(1)",
        "18 Pa.C.S. § 5503(a)(1)",
        "18 Pa.C.S. § 6105(a)(1)",
        "18 Pa.C.S. § 3121(a)(1)",
        "18 Pa.C.S. § 4304(a)(1)",
        "18 Pa.C.S. § 6308(a)",
        "35 P.S. § 780-113(a)(16)",
        "35 P.S. § 780-113(a)(30)",
        "75 Pa.C.S. § 3802(a)(1)",
    ),
)

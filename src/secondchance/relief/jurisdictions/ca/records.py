"""California's records as written: grades, interview options, and the synthetic-record profile.

Grades as the Penal Code sorts offenses (§§ 16-19.8): felony, misdemeanor, infraction, and the
"wobbler" chargeable either way (§ 17(b)); records write them lower case.
"""

from __future__ import annotations

from typing import Final

from ..state import GradeOption, SynthProfile

GRADES: Final = ("felony", "misdemeanor", "infraction", "wobbler")
#: Every kind: PRCS and mandatory supervision are California's 2011 Realignment.
SUPERVISION: Final = ("probation", "parole", "prcs", "mandatory_supervision", "none")

GRADE_OPTIONS: Final = (
    GradeOption("infraction", "Infraction", "The least serious level, a fine only. For example: most traffic tickets."),
    GradeOption("misdemeanor", "Misdemeanor", "Up to one year in county jail. For example: petty theft."),
    GradeOption(
        "wobbler",
        "Wobbler (could be a felony or a misdemeanor)",
        "For example: second-degree burglary (Penal Code 459).",
    ),
    GradeOption("felony", "Felony", "More than one year. For example: robbery (Penal Code 211)."),
)


def spellings(statute: str) -> list[str]:
    """The ways dockets cite one section (the canonical rewrites must treat them alike)."""
    out = [statute]
    for long, short in (("Penal Code § ", "PC "), ("Health & Safety Code § ", "HS "), ("Vehicle Code § ", "VC ")):
        if statute.startswith(long):
            section = statute.removeprefix(long)
            out += [f"{short}{section}", f"{long.replace('§ ', '')}{section}".replace("Code", "Code §")]
    return out


SYNTH: Final = SynthProfile(
    # statute, description, grades it is charged at, weight
    statutes=(
        ("Penal Code § 459", "Burglary", ("felony", "wobbler"), 4),
        ("Penal Code § 484(a)", "Petty theft", ("misdemeanor",), 8),
        ("Penal Code § 487(a)", "Grand theft", ("wobbler", "felony"), 3),
        ("Penal Code § 496(a)", "Receiving stolen property", ("wobbler", "misdemeanor"), 3),
        ("Penal Code § 242", "Battery", ("misdemeanor",), 6),
        ("Penal Code § 243(e)(1)", "Battery on a spouse or cohabitant", ("misdemeanor",), 3),
        ("Penal Code § 245(a)(1)", "Assault with a deadly weapon", ("wobbler", "felony"), 3),
        ("Penal Code § 273.5(a)", "Corporal injury to a spouse or cohabitant", ("wobbler", "felony"), 2),
        ("Penal Code § 148(a)(1)", "Resisting a peace officer", ("misdemeanor",), 5),
        ("Penal Code § 166(a)(4)", "Contempt of court", ("misdemeanor",), 2),
        ("Penal Code § 187(a)", "Murder", ("felony",), 0.2),
        ("Penal Code § 211", "Robbery", ("felony",), 1.5),
        ("Penal Code § 261(a)(2)", "Rape", ("felony",), 0.2),
        ("Penal Code § 288(a)", "Lewd act with a child under 14", ("felony",), 0.2),
        ("Penal Code § 290.018(b)", "Failure to register as a sex offender", ("felony", "wobbler"), 0.2),
        ("Penal Code § 422(a)", "Criminal threats", ("wobbler",), 1.5),
        ("Penal Code § 470(a)", "Forgery", ("wobbler",), 1),
        ("Penal Code § 594(a)", "Vandalism", ("misdemeanor", "wobbler"), 4),
        ("Penal Code § 602", "Trespass", ("misdemeanor", "infraction"), 3),
        ("Penal Code § 647(f)", "Disorderly conduct: public intoxication", ("misdemeanor",), 6),
        ("Penal Code § 29800(a)(1)", "Possession of a firearm by a prohibited person", ("felony",), 1),
        ("Health & Safety Code § 11350(a)", "Possession of a controlled substance", ("misdemeanor", "felony"), 7),
        ("Health & Safety Code § 11351", "Possession for sale of a controlled substance", ("felony",), 2),
        ("Health & Safety Code § 11357(b)", "Possession of marijuana", ("infraction", "misdemeanor"), 3),
        ("Health & Safety Code § 11358", "Cultivation of marijuana", ("felony", "misdemeanor"), 1),
        ("Health & Safety Code § 11359", "Possession of marijuana for sale", ("felony", "misdemeanor"), 1),
        ("Health & Safety Code § 11364", "Possession of drug paraphernalia", ("misdemeanor",), 5),
        ("Health & Safety Code § 11377(a)", "Possession of methamphetamine", ("misdemeanor", "wobbler"), 5),
        ("Health & Safety Code § 11550(a)", "Under the influence of a controlled substance", ("misdemeanor",), 4),
        ("Vehicle Code § 23152(a)", "DUI: under the influence", ("misdemeanor",), 7),
        ("Vehicle Code § 23152(b)", "DUI: 0.08% or more", ("misdemeanor",), 5),
        ("Vehicle Code § 14601.1(a)", "Driving with a suspended licence", ("misdemeanor",), 4),
        ("Vehicle Code § 12500(a)", "Driving without a licence", ("misdemeanor", "infraction"), 3),
        ("Vehicle Code § 10851(a)", "Unlawful taking of a vehicle", ("wobbler", "felony"), 2),
    ),
    # Counties, most populous first, with weights (roughly their share of cases).
    counties=(
        ("Los Angeles", "LA", 25),
        ("San Diego", "SD", 8),
        ("Orange", "OR", 7),
        ("Riverside", "RI", 7),
        ("San Bernardino", "SB", 7),
        ("Santa Clara", "SC", 4),
        ("Alameda", "AL", 4),
        ("Sacramento", "SA", 5),
        ("Fresno", "FR", 4),
        ("Kern", "KE", 4),
        ("San Francisco", "SF", 3),
        ("Contra Costa", "CC", 2.5),
        ("Ventura", "VE", 2),
        ("San Joaquin", "SJ", 2.5),
        ("Stanislaus", "ST", 2),
        ("Tulare", "TU", 2),
        ("Sonoma", "SO", 1),
        ("Humboldt", "HU", 0.7),
        ("Alpine", "AP", 0.05),
    ),
    dispositions=(
        ("convicted", 0.55),
        ("dismissed", 0.22),
        ("withdrawn", 0.02),
        ("nolle_prossed", 0.02),
        ("not_guilty", 0.05),
        ("diversion_completed", 0.10),
    ),
    listed_grades=("felony", "misdemeanor", "wobbler"),
    felony_grades=("felony",),
    summary_grades=("infraction",),
    state_prison_days=365,
    case_id="{county_code}{year}-{seq:08d}",
    spellings=spellings,
    # after state prison parole or PRCS; after a county-jail felony often mandatory supervision (PC 1170(h)(5)(B))
    after_prison=(("parole", 0.6), ("prcs", 0.4)),
    after_jail_felony=("mandatory_supervision", 0.5),
    sample_statutes=(
        "PC 459",
        "PC 484(a)",
        "PC 487(a)",
        "PC 245(a)(1)",
        "PC 242",
        "PC 211",
        "PC 288(a)",
        "PC 273.5(a)",
        "HS 11350(a)",
        "HS 11357(a)",
        "HS 11359(b)",
        "HS 11360(a)",
        "VC 23152(a)",
        "VC 14601.1(a)",
    ),
    # ``relief_granted`` values (canonical, as records.parse writes them); mostly absent, as on most records.
    sample_relief_granted=(
        *(None,) * 8,
        "PC-1203.4",
        "PC-17(B);PC-1203.4",
        "PC-1203.425",
        "PC-851.91",
        "PC-1170.18",
        "HS-11361.8",
    ),
)

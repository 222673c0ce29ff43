"""Made-up Pennsylvania records for the synthetic docket sheets (``synth_pa``): no real person.

Names, places and numbers are drawn with a seed from made-up lists; every field a docket prints is
filled the way a docket prints it, so that record -> docket PDF -> record is exact.
"""

from __future__ import annotations

import random
import re
from datetime import date, timedelta
from typing import Final

from ..records.model import Case, Charge, Person, Sentence

#: Offenses to draw from: title, section, subsection as printed, description, grades.
OFFENSES: Final = (
    (18, "3929", "A1", "Retail Theft-Take Mdse", ("S", "M2", "M1", "F3")),
    (18, "3921", "A", "Theft By Unlaw Taking-Movable Prop", ("M3", "M2", "M1", "F3")),
    (18, "3925", "A", "Receiving Stolen Property", ("M2", "M1", "F3")),
    (18, "2701", "A1", "Simple Assault", ("M2",)),
    (18, "5503", "A4", "Disorderly Conduct Hazardous/Physi Off", ("S", "M3")),
    (18, "3503", "B1I", "Def Trespass Actual Communication To", ("M3",)),
    (18, "3502", "A1", "Burglary - Overnight Accommodations; Person Present, Bodily Injury Crime", ("F1",)),
    (18, "4101", "A1", "Forgery - Alter Writing", ("F2", "F3", "M1")),
    (18, "6308", "", "Purchase Etc Alcoholic Bev By Minor", ("S",)),
    (35, "780-113", "A16", "Int Poss Contr Subst By Per Not Reg", ("M",)),
    (35, "780-113", "A31", "Marij-Small Amt Personal Use", ("M",)),
    (35, "780-113", "A32", "Use/Poss Of Drug Paraph", ("M",)),
    (18, "903", "", "Conspiracy - Theft By Unlaw Taking-Movable Prop", ("M1", "F3")),
    (75, "3802", "A1", "DUI: Gen Imp/Inc of Driving Safely - 1st Off", ("M",)),
    (18, "7512", "A", "Criminal Use Of Communication Facility", ("F3",)),
)

FIRST: Final = ("Alex", "Jordan", "Casey", "Riley", "Morgan", "Taylor", "Quinn", "Avery", "Rowan", "Sage")
LAST: Final = ("Testperson", "Sampleton", "Fakename", "Placeholder", "Nobody", "Fictional", "Madeup")
COUNTIES: Final = (("Philadelphia", 51), ("Allegheny", 2), ("Delaware", 23), ("Bucks", 9), ("Erie", 25))
AGENCIES: Final = ("Test City Police Dept", "Sample Township PD", "Pennsylvania State Police")
JUDGES: Final = ("Judge A. Fictitious", "Judge B. Imaginary", "Judge C. Invented")
TOWNS: Final = ("Nowhere, PA 19000", "Elsewhere, PA 15000", "Someplace, PA 17000")


def statute_record(title: int, section: str, subs: str) -> str:
    """The record citation of an offense in ``OFFENSES``."""
    parts = re.findall(r"[A-Z]+|[0-9]+", subs)
    written = "".join(f"({p.lower() if p.isalpha() else p})" for p in parts)
    code = "P.S." if "-" in section else "Pa.C.S."
    return f"{title} {code} § {section}{written}"


def random_person(seed: int) -> Person:
    """A made-up person with one to three PA cases, every printed field filled the way a docket prints it."""
    rng = random.Random(seed)
    first, last = rng.choice(FIRST), rng.choice(LAST)
    birth = date(1950, 1, 1) + timedelta(days=rng.randrange(0, 50 * 365))
    cases = [_random_case(rng) for _ in range(rng.randint(1, 3))]
    aliases = (f"{last.upper()}, {first.upper()}",) if rng.random() < 0.5 else ()
    return Person(
        id=f"synthetic-{seed}",
        birth_date=birth,
        cases=tuple(cases),
        name=f"{first} {last}",
        aliases=aliases,
        address=rng.choice(TOWNS),
    )


def _random_case(rng: random.Random) -> Case:
    """One case: court, numbers and dates, one to six charges, then what was assessed and paid."""
    county, code = rng.choice(COUNTIES)
    year = rng.randint(1995, 2024)
    complaint = date(year, rng.randint(1, 12), rng.randint(1, 28))
    arrest = complaint - timedelta(days=rng.randint(0, 3))
    magisterial = rng.random() < 0.3
    number = rng.randint(1, 9_999_999)
    docket = (
        f"MJ-{code:02d}{rng.randint(100, 399)}-CR-{number:07d}-{year}"
        if magisterial
        else f"CP-{code:02d}-CR-{number:07d}-{year}"
    )
    otn = f"{rng.choice('NRTUX')} {rng.randint(100000, 999999)}-{rng.randint(1, 6)}"
    charges = [_random_charge(rng, h_index, arrest, complaint) for h_index in range(1, rng.randint(1, 6) + 1)]
    assessed = round(rng.uniform(0, 3000), 2) if rng.random() < 0.8 else None
    paid = round(rng.uniform(0, assessed), 2) if assessed is not None else None
    restitution = round(rng.uniform(10, 500), 2) if rng.random() < 0.3 else None
    return Case(
        id=docket,
        jurisdiction="PA",
        county=county,
        arrest_date=arrest,
        charges=tuple(charges),
        docket_number=docket,
        otn=otn,
        judge=rng.choice(JUDGES),
        arresting_agency=rng.choice(AGENCIES),
        complaint_date=complaint,
        amount_assessed=assessed,
        amount_paid=paid,
        amount_adjusted=0.0 if assessed is not None else None,
        amount_balance=round(assessed - (paid or 0.0), 2) if assessed is not None else None,
        restitution_assessed=restitution,
        restitution_paid=0.0 if restitution is not None else None,
        restitution_balance=restitution,
    )


def _random_charge(rng: random.Random, h_index: int, arrest: date, complaint: date) -> Charge:
    title, section, subs, description, grades = rng.choice(OFFENSES)
    disposition = rng.choice(("convicted", "dismissed", "withdrawn", "nolle_prossed", "not_guilty"))
    disposed = complaint + timedelta(days=rng.randint(30, 400))
    sentence = _random_sentence(rng, disposed) if disposition == "convicted" else Sentence()
    return Charge(
        id=str(h_index),
        statute=statute_record(title, section, subs),
        description=description,
        grade=rng.choice(grades),
        offense_date=arrest,
        disposition=disposition,
        disposition_date=disposed,
        sentence=sentence,
    )


def _random_sentence(rng: random.Random, disposed: date) -> Sentence:
    """A conviction's sentence as a docket prints it: confinement, probation, or no further penalty."""
    jailed = rng.random() < 0.3
    probation = rng.random() < 0.6
    if not jailed and not probation:
        return Sentence(incarcerated=False)
    return Sentence(
        incarcerated=True if jailed else None,  # a docket prints confinement, not its absence
        incarceration_start=disposed if jailed else None,
        supervision="probation" if probation else None,
        probation_start=disposed if probation else None,
        probation_granted=True if probation else None,
    )

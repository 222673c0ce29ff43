"""The reentry needs taxonomy: what a person coming home asks for, in their words.

Each need is an HSDS ``taxonomy_term`` of our taxonomy ``secondchance-needs``; a service
carries a need as an ``attribute`` (link_entity ``service``). ``open_eligibility`` maps a
need to the Open Eligibility term (id, title) that covers it, checked against the taxonomy
file by the tests. ``airs_211la`` is the AIRS/211 LA code prefix of a need, filled only where we
saw 211 services use it for that meaning (docs/directory.md); the rest stay empty: a wrong code
would send a referral to the wrong place ("needs review", not a guess).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Final

NAMESPACE: Final = uuid.UUID("5b0f5a9e-3c55-4c4f-9d5e-2a6f1c0b7e11")
TAXONOMY_NAME: Final = "secondchance-needs"
TAXONOMY_ID: Final = str(uuid.uuid5(NAMESPACE, TAXONOMY_NAME))


@dataclass(frozen=True)
class Need:
    code: str
    label: str
    parent: str | None = None
    open_eligibility: tuple[str, str] | None = None
    airs_211la: str | None = None
    aliases: tuple[str, ...] = ()

    @property
    def term_id(self) -> str:
        return str(uuid.uuid5(NAMESPACE, f"need:{self.code}"))


NEEDS: Final[tuple[Need, ...]] = (
    Need("housing", "A place to live", None, ("103", "Housing"), "BH", aliases=("shelter", "home")),
    Need(
        "housing.emergency", "A bed tonight (emergency shelter)", "housing", ("103-01", "Emergency Shelter"), "BH-1800"
    ),
    Need("housing.transitional", "Transitional or reentry housing", "housing", ("103-05-04", "Short-Term Housing")),
    Need(
        "housing.fair_chance", "Rentals that consider people with records", "housing", ("103-02", "Help Find Housing")
    ),
    Need("food", "Food and meals", None, ("102", "Food"), "BD", aliases=("meals",)),
    Need(
        "id_documents",
        "ID, birth certificate, Social Security card",
        None,
        ("111-01-05", "Identification Recovery"),
        aliases=("id", "documents"),
    ),
    Need("benefits", "Benefits (SNAP, Medicaid, SSI, cash aid)", None, ("107-03", "Government Benefits"), "NL"),
    Need("employment", "Jobs and job training", None, ("110", "Work"), aliases=("job", "jobs", "work", "training")),
    Need(
        "mental_health",
        "Therapy and mental health care",
        None,
        ("106-06-07-01", "Counseling"),
        "RP-1400",
        aliases=("therapy", "counseling", "counselling"),
    ),
    Need(
        "mental_health.trauma",
        "Trauma therapy",
        "mental_health",
        ("106-06-07-07", "Specialized Therapy"),
        aliases=("trauma",),
    ),
    Need(
        "substance_use",
        "Drug and alcohol treatment, recovery",
        None,
        ("106-01", "Addiction & Recovery"),
        "RX",
        aliases=("treatment", "recovery", "addiction"),
    ),
    Need("medical", "Doctors, clinics, prescriptions", None, ("106-06", "Medical Care"), "LN", aliases=("health",)),
    Need("legal", "Legal help", None, ("111", "Legal")),
    Need(
        "legal.record_clearance",
        "Clearing a record (expungement, sealing)",
        "legal",
        ("111-01", "Advocacy & Legal Aid"),
        aliases=("expungement", "sealing", "record"),
    ),
    Need(
        "legal.clemency",
        "Pardons and clemency",
        "legal",
        ("111-01", "Advocacy & Legal Aid"),
        aliases=("pardon", "clemency"),
    ),
    Need(
        "legal.family_law",
        "Family law (custody, child support)",
        "legal",
        ("111-01", "Advocacy & Legal Aid"),
        aliases=("custody", "child_support"),
    ),
    Need("family", "Reconnecting with family", None, ("108-07", "Support Network"), aliases=("reunification",)),
    Need(
        "transportation",
        "Getting around (bus passes, rides)",
        None,
        ("105", "Transit"),
        "BT",
        aliases=("transit", "bus"),
    ),
    Need("phone_internet", "A phone or internet", None, None, aliases=("phone", "internet")),
    Need("clothing", "Clothes, including for work", None, ("104-02", "Clothing"), aliases=("clothes",)),
    Need("education", "School, GED, classes", None, ("109", "Education"), "HH", aliases=("ged", "school")),
    Need("hotline", "Hotlines to call any time", None, ("108-07-02", "Help Hotlines"), aliases=("hotlines", "crisis")),
)

BY_CODE: Final[dict[str, Need]] = {n.code: n for n in NEEDS}
BY_TERM_ID: Final[dict[str, Need]] = {n.term_id: n for n in NEEDS}
#: Bit of each need in the search index's ``needs`` mask (stable: append new needs at the end).
BIT: Final[dict[str, int]] = {n.code: 1 << i for i, n in enumerate(NEEDS)}


class UnknownNeed(ValueError):
    pass


def resolve(word: str) -> Need:
    """A need from its code, alias or label word ("therapy" -> mental_health)."""
    key = word.strip().lower().replace(" ", "_").replace("-", "_")
    if key in BY_CODE:
        return BY_CODE[key]
    for need in NEEDS:
        if key in need.aliases or key == need.code.split(".")[-1]:
            return need
    choices = ", ".join(n.code for n in NEEDS)
    raise UnknownNeed(f"unknown need {word!r}; choose from: {choices}")


def with_children(need: Need) -> tuple[Need, ...]:
    """The need and every narrower need (asking for housing finds emergency shelters too)."""
    return tuple(n for n in NEEDS if n.code == need.code or n.code.startswith(need.code + "."))


def mask(words: list[str]) -> int:
    """Bits of the needs asked for and their narrower needs (0 when none asked)."""
    bits = 0
    for word in words:
        for need in with_children(resolve(word)):
            bits |= BIT[need.code]
    return bits


def needs_of_mask(bits: int) -> tuple[str, ...]:
    return tuple(code for code, bit in BIT.items() if bits & bit)

"""Every jurisdiction's rules and remaining paths, in one registry.

Find a rule by its statute: ``pa/s9122_2.py`` is 18 Pa.C.S. § 9122.2; ``ca/pc_1203_4.py`` is
Cal. Penal Code § 1203.4.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from ..citations import Reader, clean
from ..lang import RemainingPath, Rule
from . import ca, pa
from .ca import citations as ca_citations
from .pa import citations as pa_citations

RULES: tuple[Rule, ...] = pa.RULES + ca.RULES
REMAINING_PATHS: tuple[RemainingPath, ...] = pa.REMAINING_PATHS + ca.REMAINING_PATHS
JURISDICTIONS: dict[str, str] = {"PA": "Pennsylvania", "CA": "California"}
#: Each state's citation grammar (``<state>/citations.py``): a state's charges are read by its own only.
CITATION_READERS: dict[str, Reader] = {"PA": pa_citations.read, "CA": ca_citations.read}
#: Codes a rule's list may name whole (a record's citation must name a section).
CODES: frozenset[str] = frozenset(ca_citations.CODES)

_ids = [rule.id for rule in RULES]
if len(_ids) != len(set(_ids)):
    raise ValueError("rule ids must be unique")


def rules_for(jurisdiction: str, as_of: date) -> tuple[Rule, ...]:
    """The rules of ``jurisdiction`` in force on ``as_of``, in registry order."""
    return tuple(r for r in RULES if r.jurisdiction == jurisdiction and r.in_force(as_of))


def remaining_paths_for(jurisdiction: str) -> tuple[RemainingPath, ...]:
    return tuple(p for p in REMAINING_PATHS if p.jurisdiction == jurisdiction)


def find_rule(rule_id: str) -> Rule:
    for rule in RULES:
        if rule.id.lower() == rule_id.lower():
            return rule
    raise KeyError(rule_id)


@lru_cache(maxsize=1 << 16)  # bounded: a state's repository holds millions of spellings
def read_citation(text: str, jurisdiction: str | None = None) -> str | None:
    """``text``'s canonical form under ``jurisdiction``'s grammar, or ``None`` if it cannot be read.

    Without a jurisdiction (the sections a rule lists, or a canonical form) every grammar is tried;
    the grammars are disjoint (tests check the corpus), so at most one reads a spelling.
    """
    cleaned = clean(text)
    if jurisdiction is not None:
        reader = CITATION_READERS.get(jurisdiction)
        return reader(cleaned) if reader is not None else None
    return next((found for read in CITATION_READERS.values() if (found := read(cleaned)) is not None), None)


@lru_cache(maxsize=1024)
def listed_sections(sections: tuple[str, ...]) -> tuple[str, ...]:
    """The sections a rule lists, in canonical form (or a whole code); one no grammar reads is a bug in the rule."""
    out = []
    for section in sections:
        if clean(section) in CODES:  # a whole code ("VC"): lists may name one, records may not cite one
            out.append(clean(section))
            continue
        found = read_citation(section)
        if found is None:
            raise ValueError(f"a rule lists a section no grammar can read: {section!r}")
        out.append(found)
    return tuple(out)

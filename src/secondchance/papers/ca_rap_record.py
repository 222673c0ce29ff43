"""What a walk over a California RAP sheet fills (``CycleDraft``, ``CountDraft``), and the record it
makes: a case a cycle, a charge a count (numbered by position), each ``seen`` and ``unread`` line
renamed from the count's printed number to the charge's place in the record.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from ..records.model import Case, Charge, Person, Sentence
from .ca_rap_grammar import KIND, LAYOUT
from .reading import DocumentRefused, Place, Reading, Seen, Unread


@dataclass
class CountDraft:
    number: int
    place: Place
    seen: list[Seen] = field(default_factory=list)
    statute: str | None = None
    description: str | None = None
    toc: str | None = None
    status: str | None = None
    disposition: str | None = None
    disposition_date: date | None = None
    sentence: dict[str, object] = field(default_factory=dict)
    granted: list[str] = field(default_factory=list)
    reduced: Seen | None = None
    sentenced_on: date | None = None
    #: A later court event this reader cannot weigh (an unknown DISPO, a second sentence): what it printed.
    doubt: Unread | None = None


@dataclass
class CycleDraft:
    number: int
    arrest_date: date | None = None
    county: str | None = None
    case_id: str | None = None
    counts: dict[int, CountDraft] = field(default_factory=dict)
    seen: list[Seen] = field(default_factory=list)


def record_reading(
    file: str,
    cii: str | None,
    dob: date | None,
    names: tuple[str, ...],
    cycles: list[CycleDraft],
    seen: list[Seen],
    unread: list[Unread],
) -> Reading:
    """The reading of a walked sheet; ``seen`` and ``unread`` are the walk's, added to in place."""
    if cii is None:
        raise DocumentRefused(file, "no CII number in the header")
    cases = [_case(cycle, seen, unread) for cycle in cycles]
    person = Person(
        id=cii,
        birth_date=dob,
        cases=tuple(cases),
        name=names[0] if names else None,
        aliases=names[1:],
    )
    return Reading(file, KIND, LAYOUT, person, tuple(seen), tuple(_renumbered(unread, cycles)))


def _case(cycle: CycleDraft, seen: list[Seen], unread: list[Unread]) -> Case:
    """A cycle's case: its charges, then what was seen of them (by position) and of the cycle."""
    index = cycle.number - 1
    charges = []
    for position, number in enumerate(sorted(cycle.counts)):
        count = cycle.counts[number]
        charges.append(_charge(number, count, unread))
        prefix = f"cases[{index}].charges[#{number}]."
        for item in count.seen:
            seen.append(
                Seen(
                    item.field.replace(prefix, f"cases[{index}].charges[{position}]."),
                    item.text,
                    item.place,
                    item.sure,
                )
            )
    seen.extend(cycle.seen)
    return Case(
        id=cycle.case_id or f"cycle-{cycle.number}",
        jurisdiction="CA",
        county=cycle.county,
        arrest_date=cycle.arrest_date,
        charges=tuple(charges),
    )


def _charge(number: int, count: CountDraft, unread: list[Unread]) -> Charge:
    """A count's charge: a reduction makes it a misdemeanor; a doubted sentence is left unknown."""
    grade = count.status or count.toc
    if count.reduced is not None:
        grade = "misdemeanor"
        count.seen.append(count.reduced)
    sentence = Sentence(**count.sentence)  # type: ignore[arg-type]
    if count.doubt is not None:
        sentence = Sentence()
        count.seen = [s for s in count.seen if ".sentence." not in s.field]
        unread.append(count.doubt)
    return Charge(
        id=str(number),
        statute=count.statute,
        description=count.description,
        grade=grade,
        disposition=count.disposition,
        disposition_date=count.disposition_date,
        sentence=sentence,
        relief_granted=";".join(count.granted) or None,
    )


def _renumbered(unread: list[Unread], cycles: list[CycleDraft]) -> list[Unread]:
    """``unread`` with each count's printed number (``charges[#3]``) made its position (``charges[1]``)."""
    out = []
    for item in unread:
        found = re.match(r"cases\[(\d+)\]\.charges\[#(\d+)\]\.", item.field)
        if found:
            cycle = cycles[int(found[1])]
            position = sorted(cycle.counts).index(int(found[2])) if int(found[2]) in cycle.counts else 0
            item = Unread(
                item.field.replace(found[0], f"cases[{found[1]}].charges[{position}]."),
                item.text,
                item.place,
                item.reason,
            )
        out.append(item)
    return out

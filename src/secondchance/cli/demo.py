"""``secondchance demo``: the bundled example people screened and explained, with help near each."""

from __future__ import annotations

import re
from datetime import date
from importlib import resources

from ..directory.facts import PersonFacts
from ..records import Person, load_people
from ..relief import screen
from .options import AsOf, console, parse_as_of
from .render import render_screening
from .services import demo_help


def demo(as_of: AsOf = None) -> None:
    """Screen the bundled example people and explain the results."""
    day = parse_as_of(as_of)
    examples = resources.files("secondchance.examples")
    path = examples.joinpath("people.json")
    people = load_people(str(path), as_of=day)
    console.rule("[bold]secondchance demo: can these records be cleared?")
    console.print(f"Screening {len(people)} example people as of {day.isoformat()}.\n")
    for person in people:
        render_screening(console, screen(person, day), show_trace=False)
    _demo_help(people, day)


def _demo_help(people: list[Person], day: date) -> None:
    """Help near each example person whose address has a ZIP: legal help, housing and jobs, with the
    facts the record already gave (a record, a felony) so each listing says whether it fits."""
    for person in people:
        found = re.search(r"\b\d{5}\b", person.address or "")
        if found is None:
            continue
        convicted = [c for case in person.cases for c in case.charges if c.disposition == "convicted"]
        felony = any((c.grade or "").lower().startswith(("f", "felony")) for c in convicted)
        console.rule(f"[bold]Help near {found.group(0)} for {person.name or person.id}")
        born = person.birth_date
        age = day.year - born.year - ((day.month, day.day) < (born.month, born.day)) if born else None
        facts = PersonFacts(has_record=bool(convicted), has_felony=felony if convicted else None, age=age)
        demo_help(found.group(0), ["legal", "housing", "employment"], facts, day)

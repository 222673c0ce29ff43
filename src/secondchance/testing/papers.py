"""Court papers for tests: one Pennsylvania docket with a conviction (probation, its end not printed)
and a withdrawn charge, used by the web upload's page and browser tests."""

from __future__ import annotations

from datetime import date

from ..papers.synth_pa import docket_pdf
from ..records.model import Case, Charge, Person, Sentence


def convicted_pa() -> tuple[Person, bytes]:
    charge = Charge(
        id="1",
        statute="18 Pa.C.S. § 3929(a)(1)",
        description="Retail Theft-Take Mdse",
        grade="M2",
        offense_date=date(2010, 3, 1),
        disposition="convicted",
        disposition_date=date(2010, 6, 1),
        sentence=Sentence(supervision="probation", probation_granted=True, probation_start=date(2010, 6, 1)),
    )
    withdrawn = Charge(
        id="2",
        statute="18 Pa.C.S. § 3925(a)",
        description="Receiving Stolen Property",
        grade="M1",
        offense_date=date(2010, 3, 1),
        disposition="withdrawn",
        disposition_date=date(2010, 6, 1),
    )
    case = Case(
        id="CP-51-CR-0001234-2010",
        jurisdiction="PA",
        county="Philadelphia",
        arrest_date=date(2010, 3, 1),
        charges=(charge, withdrawn),
        docket_number="CP-51-CR-0001234-2010",
        otn="N 123456-1",
        judge="Judge A. Fictitious",
        complaint_date=date(2010, 3, 2),
    )
    person = Person(id="p", birth_date=date(1980, 1, 2), cases=(case,), name="Casey Testperson")
    return person, docket_pdf(person, case)

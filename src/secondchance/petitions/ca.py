"""California papers, with the content of the Judicial Council forms (not the forms themselves):

* the petition for dismissal (CR-180) and its order (CR-181): reduction of a wobbler under Pen. Code
  § 17(b) and dismissal under §§ 1203.4, 1203.4a, 1203.41, 1203.42, one per case;
* the petition to seal an arrest under § 851.91 (CR-409) and its order (CR-410), one per arrest;
* a note on the fee waiver (FW-001), whose official form must be used as is.

CR-409-INFO (checked, see docs/petitions.md): "A separate petition must be filed for each arrest for
which sealing is requested", served on the prosecutor and the arresting agency "at least 15 days
before the hearing". CR-180's own note: many convictions are already relieved automatically by the
DOJ under § 1203.425, and a petition may still be filed.
"""

from __future__ import annotations

from ..records.model import Case, Charge, Person
from ._fmt import BLANK, day, disposition, docket, file_part, filer, text
from ._paper import case_paper
from .courts import Court
from .decide import Plan, _section_key
from .model import Block, Caption, Document, Heading, Para, Petitioner, Signature, Table

SECTION_RELIEF = {
    "17(b)": "reduce the felony to a misdemeanor (Pen. Code, § 17(b))",
    "1203.4": "set aside the plea or verdict and dismiss the case (Pen. Code, § 1203.4)",
    "1203.4a": "set aside the plea or verdict and dismiss the case (Pen. Code, § 1203.4a)",
    "1203.41": "set aside the plea or verdict and dismiss the case (Pen. Code, § 1203.41)",
    "1203.42": "set aside the plea or verdict and dismiss the case (Pen. Code, § 1203.42)",
}


def court_heading(case: Case, court: Court | None) -> str:
    county = court.county if court else (case.county or BLANK)
    return f"SUPERIOR COURT OF CALIFORNIA, COUNTY OF {county.upper()}"


def caption(case: Case, petitioner: Petitioner, person: Person) -> Caption:
    name = petitioner.name or person.name or BLANK
    return Caption(
        ("PEOPLE OF THE STATE OF CALIFORNIA", "v.", name.upper() if name != BLANK else name),
        (f"Case No. {text(docket(case))}",),
    )


def _petitioner_blocks(person: Person, petitioner: Petitioner, court: Court | None) -> list[Block]:
    name, address = filer(petitioner, person)
    where = f"{court.name}, {court.address}" if court else BLANK
    return [
        Para(f"Court: {where}.", number=1),
        Para(
            f"Petitioner: {name}. Date of birth: {day(person.birth_date)}. Mailing address: {address}. "
            "Lawyer: none (self-represented).",
            number=2,
        ),
    ]


def _petition(
    plan: Plan, person: Person, petitioner: Petitioner, court: Court | None, file: str, title: str, body: list[Block]
) -> Document:
    """A CA petition: the court and petitioner (items 1-2), ``body``, then the declaration."""
    blocks = _petitioner_blocks(person, petitioner, court) + body + declaration(petitioner, person)
    return case_paper(
        plan, file, "petition", title, court_heading(plan.case, court), caption(plan.case, petitioner, person), blocks
    )


def dismissal_petition(
    plan: Plan, person: Person, petitioner: Petitioner, court: Court | None, number: int
) -> Document:
    keys = sorted({k for g in plan.grounds if (k := _section_key(g.result.rule.section))})
    blocks: list[Block] = [
        Para("Convictions in this case and the relief requested for each:", number=3),
        _dismissal_table(plan),
    ]
    n = 3
    for g in plan.grounds:
        n += 1
        c = g.charge
        blocks.append(
            Para(
                f"{text(c.description, 'Charge ' + c.id)} ({text(c.statute, 'code section not given')}): "
                f"{_conviction_facts(c)} Ground: "
                f"{g.result.rule.title} ({g.result.rule.section}).",
                number=n,
            )
        )
    blocks.append(
        Para(
            "Petitioner is not on probation for any offense, is not serving a sentence for any offense, and is not "
            "charged with the commission of any offense (Pen. Code, §§ 1203.4(a)(1), 1203.4a(a), 1203.41(a)). "
            "[Check this is true before you sign.]",
            number=n + 1,
        )
    )
    requested = "; ".join(SECTION_RELIEF[k] for k in keys if k in SECTION_RELIEF)
    blocks.append(Para(f"Petitioner asks the court to {requested}, for the convictions listed above."))
    return _petition(
        plan,
        person,
        petitioner,
        court,
        f"{number:02d}-ca-dismissal-petition-{file_part(plan.case)}",
        "PETITION FOR DISMISSAL (Pen. Code, §§ 17(b), 1203.4, 1203.4a, 1203.41, 1203.42) — content of CR-180",
        blocks,
    )


def _dismissal_table(plan: Plan) -> Table:
    """Each conviction with the relief asked for it and the section that gives it."""
    rows = []
    for g in plan.grounds:
        c = g.charge
        key = _section_key(g.result.rule.section) or ""
        rows.append(
            (
                text(c.statute, "not given"),
                text(c.description, "not given"),
                text(c.grade, "not given"),
                day(c.disposition_date, "not given"),
                SECTION_RELIEF.get(key, key),
                g.result.rule.section,
            )
        )
    return Table(("Code section", "Offense", "Type", "Date of conviction", "Relief requested", "Under"), tuple(rows))


def _conviction_facts(charge: Charge) -> str:
    """The conviction and the sentence served, as the court checks them against §§ 1203.4-1203.42."""
    s = charge.sentence
    facts = [f"Conviction: {disposition(charge)} on {day(charge.disposition_date, 'a date not given')}."]
    if s.probation_granted:
        facts.append(
            f"Probation (or supervision) from {day(s.probation_start, 'a date not given')} to "
            f"{day(s.probation_end, 'a date not given')}" + (", completed." if s.probation_completed else ".")
        )
    if s.incarcerated:
        facts.append(
            f"Custody from {day(s.incarceration_start, 'a date not given')} to "
            f"{day(s.incarceration_end, 'a date not given')}" + (" in state prison." if s.state_prison else ".")
        )
    return " ".join(facts)


def declaration(petitioner: Petitioner, person: Person) -> list[Block]:
    """The declaration under penalty of perjury and the signature lines every CA petition ends with."""
    return [
        Heading("DECLARATION"),
        Para(
            "I declare under penalty of perjury under the laws of the State of California that the information in "
            "this petition is true and correct."
        ),
        Signature("Date"),
        Signature("Type or print name", petitioner.name or person.name or ""),
        Signature("Signature of Petitioner"),
    ]


def dismissal_order(plan: Plan, person: Person, petitioner: Petitioner, court: Court | None, number: int) -> Document:
    case = plan.case
    rows = tuple(
        (
            text(g.charge.statute, "not given"),
            text(g.charge.description, "not given"),
            SECTION_RELIEF.get(_section_key(g.result.rule.section) or "", ""),
            "[ ] Granted  [ ] Denied",
        )
        for g in plan.grounds
    )
    blocks: list[Block] = [
        Para(
            f"The court has read the petition of {petitioner.name or person.name or BLANK} in case "
            f"{text(docket(case))} and ORDERS, for each conviction below:"
        ),
        Table(("Code section", "Offense", "Relief", "Order"), rows),
        Para(
            "Where dismissal is granted, the plea or verdict of guilty is set aside and vacated, a plea of not guilty "
            "is entered, and the accusatory pleading is dismissed. Where reduction is granted, the offense is a "
            "misdemeanor for all purposes (Pen. Code, § 17(b))."
        ),
        Para(
            "Advisement: a dismissal does not permit the petitioner to own or possess a firearm if otherwise "
            "prohibited, and the conviction may be pleaded and proved in a later prosecution, as the statutes "
            "provide (Pen. Code, § 1203.4(a)(2)-(3))."
        ),
        Signature("Date"),
        Signature("Judicial Officer"),
    ]
    return case_paper(
        plan,
        f"{number:02d}-ca-dismissal-order-{file_part(case)}",
        "order",
        "ORDER FOR DISMISSAL — content of form CR-181",
        court_heading(case, court),
        caption(case, petitioner, person),
        blocks,
    )


def seal_arrest_petition(
    plan: Plan, person: Person, petitioner: Petitioner, court: Court | None, number: int
) -> Document:
    case = plan.case
    blocks: list[Block] = [
        Para(
            f"The arrest: date {day(case.arrest_date)}; arresting agency {text(case.arresting_agency)}; "
            f"court case number {text(docket(case))}.",
            number=3,
        ),
        _arrest_table(plan),
        Para(f"The charges from this arrest: {_arrest_charges(plan)}."),
        Para(
            "The arrest did not result in a conviction: the charges were dismissed or ended in acquittal and may "
            "not be refiled (Pen. Code, § 851.91(a)(1)(B)). [Check this is true before you sign.]",
            number=4,
        ),
        Para(
            "Petitioner asks the court to seal the arrest and related records under Pen. Code, §§ 851.91 and 851.92, "
            "as a matter of right or, if the court finds it necessary, in the interests of justice.",
            number=5,
        ),
        Para(
            "A copy of this petition will be served on the prosecuting attorney and on the arresting agency at least "
            "15 days before the hearing, and a proof of service filed.",
            number=6,
        ),
    ]
    return _petition(
        plan,
        person,
        petitioner,
        court,
        f"{number:02d}-ca-seal-arrest-petition-{file_part(case)}",
        "PETITION TO SEAL ARREST AND RELATED RECORDS (Pen. Code, § 851.91) — content of form CR-409",
        blocks,
    )


def _arrest_table(plan: Plan) -> Table:
    return Table(
        ("Code section", "Offense", "Level", "Outcome", "Date"),
        tuple(
            (
                text(g.charge.statute, "not given"),
                text(g.charge.description, "not given"),
                text(g.charge.grade, "not given"),
                disposition(g.charge),
                day(g.charge.disposition_date, "not given"),
            )
            for g in plan.grounds
        ),
    )


def _arrest_charges(plan: Plan) -> str:
    return "; ".join(
        f"{text(g.charge.description, 'charge ' + g.charge.id)} ({text(g.charge.statute, 'code section not given')}): "
        f"{disposition(g.charge).lower()}"
        for g in plan.grounds
    )


def seal_arrest_order(plan: Plan, person: Person, petitioner: Petitioner, court: Court | None, number: int) -> Document:
    case = plan.case
    blocks: list[Block] = [
        Para(
            "The court finds that the petitioner is eligible for the requested relief and GRANTS the petition. The "
            f"record of arrest of {petitioner.name or person.name or BLANK} on {day(case.arrest_date)} "
            f"(court case number {text(docket(case))}; arresting agency "
            f"{text(case.arresting_agency)}) shall be sealed under Pen. Code, § 851.91, and the arrest deemed not to "
            "have occurred, except as Pen. Code, § 851.92 provides."
        ),
        Para(
            "The sealed arrest may be pleaded and proved in any later prosecution, and the sealing does not affect "
            "firearm prohibitions or a prohibition from holding public office that would otherwise apply."
        ),
        Para("[ ] The court DENIES the petition: ____________________________________________"),
        Signature("Date"),
        Signature("Judicial Officer"),
    ]
    return case_paper(
        plan,
        f"{number:02d}-ca-seal-arrest-order-{file_part(case)}",
        "order",
        "ORDER TO SEAL ARREST AND RELATED RECORDS (Pen. Code, §§ 851.91, 851.92) — content of form CR-410",
        court_heading(case, court),
        caption(case, petitioner, person),
        blocks,
    )

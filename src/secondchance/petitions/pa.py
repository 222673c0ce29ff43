"""Pennsylvania papers: the petition for expungement (Pa.R.Crim.P. 790; 490 for summary cases), the
petition for limited access (Pa.R.Crim.P. 791; 18 Pa.C.S. § 9122.1), each with its proposed order,
and the petition to proceed in forma pauperis (content of Pa.R.C.P. 240(h)).

Rule 790(A)(2) (text checked at pacourts.us mirrors, see docs/petitions.md): "The petition shall set
forth: (i) the petitioner's name and any aliases that the petitioner has used, address, date of birth,
and social security number; (ii) the name and address of the judge of the court of common pleas who
accepted the guilty plea or heard the case; (iii) the name and mailing address of the affiant as shown
on the complaint, if available; (iv) the Philadelphia Municipal Court docket number or the court of
common pleas docket number, whichever applies; (v) the offense tracking number (OTN); (vi) the date on
the complaint, or the date of arrest, and, if available, the criminal justice agency that made the
arrest; (vii) the specific charges, as they appear on the charging document, to be expunged; (viii) the
disposition and, if the sentence includes a fine, costs, or restitution, whether the amount due has
been paid; (ix) the reason(s) for expungement; and (x) a verification by the petitioner ...". Rule 490
asks the same of a summary case, with the issuing authority and the magisterial district court number.
The social security number goes on the Confidential Information Form (Pa.R.Crim.P. 113.1), not here.
"""

from __future__ import annotations

from ..records.model import Case, Person
from ._fmt import BLANK, day, disposition, docket, file_part, filer, paid, slug, text
from ._paper import case_paper
from .courts import Court
from .decide import Plan
from .model import Block, Caption, Document, Heading, PageBreak, Para, Petitioner, Signature, Table

CHARGE_HEADERS = ("Charge (statute)", "Description", "Grade", "Offense date", "Disposition", "Date", "Fines, costs")


def court_heading(case: Case, court: Court | None) -> str:
    county = court.county if court else (case.county or BLANK)
    return f"IN THE COURT OF COMMON PLEAS OF {county.upper()} COUNTY, PENNSYLVANIA — CRIMINAL DIVISION"


def caption(case: Case, petitioner: Petitioner, person: Person) -> Caption:
    name = petitioner.name or person.name or BLANK
    return Caption(
        ("COMMONWEALTH OF PENNSYLVANIA", "v.", name.upper() if name != BLANK else name),
        (f"Docket No. {text(docket(case))}", f"OTN: {text(case.otn)}"),
    )


def charge_table(plan: Plan) -> Table:
    rows = []
    for g in plan.grounds:
        c = g.charge
        rows.append(
            (
                text(c.statute, "not given"),
                text(c.description, "not given"),
                text(c.grade, "not given"),
                day(c.offense_date, "not given"),
                disposition(c),
                day(c.disposition_date, "not given"),
                paid(c),
            )
        )
    return Table(CHARGE_HEADERS, tuple(rows))


def _magisterial_number(case: Case) -> str:
    number = docket(case).upper()
    return number.split("-")[1] if number.startswith("MJ-") and number.count("-") >= 2 else BLANK


def petition(plan: Plan, person: Person, petitioner: Petitioner, court: Court | None, number: int) -> Document:
    case = plan.case
    limited = plan.kind == "pa_limited_access"
    title, relief_word = _petition_title(plan)
    name, address = filer(petitioner, person)
    paras = _averments(plan, person, name, address, court)
    blocks: list[Block] = [Para(line, number=at) for at, line in enumerate(paras, start=1)]
    blocks.append(charge_table(plan))
    blocks += _reasons(plan, relief_word, len(paras))
    blocks.append(
        Para(
            f"WHEREFORE, Petitioner respectfully asks this Court to grant this petition and to enter the attached "
            f"order for {relief_word} of the charges listed above.",
        )
    )
    blocks += _signature(name, address)
    blocks += _verification()
    kind = "limited-access" if limited else "expungement"
    return case_paper(
        plan,
        f"{number:02d}-pa-{kind}-petition-{file_part(case)}",
        "petition",
        title,
        court_heading(case, court),
        caption(case, petitioner, person),
        blocks,
    )


def _petition_title(plan: Plan) -> tuple[str, str]:
    """The petition's title and the word for its relief: limited access (Rule 791), or expungement
    (Rule 790; Rule 490 for a summary case)."""
    if plan.kind == "pa_limited_access":
        return "PETITION FOR ORDER FOR LIMITED ACCESS (18 Pa.C.S. § 9122.1; Pa.R.Crim.P. 791)", "limited access"
    rule = "Pa.R.Crim.P. 490" if plan.summary else "Pa.R.Crim.P. 790"
    if plan.summary:
        return f"PETITION FOR EXPUNGEMENT OF A SUMMARY CASE ({rule}; 18 Pa.C.S. § 9122)", "expungement"
    return f"PETITION FOR EXPUNGEMENT ({rule}; 18 Pa.C.S. § 9122)", "expungement"


def _averments(plan: Plan, person: Person, name: str, address: str, court: Court | None) -> list[str]:
    """The numbered averments Rule 790(A)(2) (490(A)(2)) asks for, items (i) to (vii), in order."""
    case = plan.case
    limited = plan.kind == "pa_limited_access"
    aliases = ", ".join(person.aliases) or "none"
    paras: list[str] = [
        f"Petitioner's name: {name}. Other names (aliases) used: {aliases}. Address: {address}. "
        f"Date of birth: {day(person.birth_date)}. Social Security number: given on the Confidential "
        "Information Form filed with this petition (Pa.R.Crim.P. 113.1).",
        *_court_averments(plan, court),
        f"The affiant shown on the complaint, and the affiant's mailing address, if available: {BLANK}.",
        f"Date of the complaint: {day(case.complaint_date)}. Date of arrest: {day(case.arrest_date)}. "
        f"Arresting agency: {text(case.arresting_agency)}.",
    ]
    if limited:
        paras.append(
            "This case qualifies for an order for limited access under 18 Pa.C.S. § 9122.1, and none of the "
            "exceptions of that section applies. The fee previously authorized to carry out the limited access and "
            f"clean slate limited access provisions has been paid (yes or no): {BLANK}."
        )
    paras.append(
        f"The charges to be {'covered by the order' if limited else 'expunged'}, as they appear on the charging "
        "document, their disposition, and whether any fine, costs or restitution due has been paid, are:"
    )
    return paras


def _court_averments(plan: Plan, court: Court | None) -> list[str]:
    """Items (ii) and (iv)-(v): who heard the case, and its numbers (a summary case: the issuing authority
    and the magisterial district court number)."""
    case = plan.case
    if plan.summary:
        return [
            f"The issuing authority who accepted the plea or heard the case: {text(case.judge)}, "
            f"Magisterial District Court {_magisterial_number(case)}.",
            f"Magisterial district court number: {_magisterial_number(case)}.",
            f"Docket number: {text(docket(case))}.",
        ]
    judge_address = f"{court.name}, {court.address}" if court else BLANK
    return [
        f"The judge who accepted the plea or heard the case: {text(case.judge)}, of the {judge_address}.",
        f"Docket number: {text(docket(case))}. Offense tracking number (OTN): {text(case.otn)}.",
    ]


def _reasons(plan: Plan, relief_word: str, numbered: int) -> list[Block]:
    """Item (ix), the reason for each charge, then the report attached (and, for limited access, service),
    numbered on from ``numbered``."""
    blocks: list[Block] = []
    n = numbered
    for g in plan.grounds:
        n += 1
        c = g.charge
        label = c.description or c.statute or f"charge {c.id}"
        blocks.append(
            Para(
                f"Reason for {relief_word} of {label} ({text(c.statute, 'statute not given')}): "
                f"{g.result.rule.title}, under {g.result.rule.section}.",
                number=n,
            )
        )
    n += 1
    blocks.append(
        Para(
            "A current copy of the petitioner's Pennsylvania State Police criminal history report, obtained "
            "within 60 days before filing, is attached, unless the attorney for the Commonwealth waives it.",
            number=n,
        )
    )
    if plan.kind == "pa_limited_access":
        blocks.append(
            Para(
                "This petition is served on the attorney for the Commonwealth, who may consent or object "
                "(Pa.R.Crim.P. 791).",
                number=n + 1,
            )
        )
    return blocks


def _verification() -> list[Block]:
    """Item (x): the petitioner's verification (18 Pa.C.S. § 4904)."""
    return [
        Heading("VERIFICATION"),
        Para(
            "I verify that the facts set forth in this petition are true and correct to the best of my personal "
            "knowledge or information and belief. I understand that false statements herein are made subject to "
            "the penalties of 18 Pa.C.S. § 4904, relating to unsworn falsification to authorities."
        ),
        Signature("Signature of Petitioner"),
        Signature("Date"),
    ]


def order(plan: Plan, person: Person, petitioner: Petitioner, court: Court | None, number: int) -> Document:
    case = plan.case
    limited = plan.kind == "pa_limited_access"
    name = petitioner.name or person.name or BLANK
    agencies = [
        "the Pennsylvania State Police, Central Repository",
        f"the arresting agency ({text(case.arresting_agency)})",
        f"the District Attorney of {text(case.county)} County",
        "the Administrative Office of Pennsylvania Courts",
    ]
    if limited:
        title = "ORDER FOR LIMITED ACCESS (18 Pa.C.S. § 9122.1; Pa.R.Crim.P. 791)"
        grant = (
            "the petition is GRANTED, and the criminal history record information of the charges listed below "
            "shall be subject to limited access under 18 Pa.C.S. § 9122.1 and disseminated only as that "
            "section permits."
        )
    else:
        title = f"ORDER FOR EXPUNGEMENT (Pa.R.Crim.P. {'490' if plan.summary else '790'}; 18 Pa.C.S. § 9122)"
        grant = "the petition is GRANTED, and the arrest record of the charges listed below shall be EXPUNGED."
    blocks: list[Block] = [
        Para(
            f"AND NOW, this ____ day of ______________, 20__, upon consideration of the foregoing petition of "
            f"{name} (other names: {', '.join(person.aliases) or 'none'}), date of birth {day(person.birth_date)}, "
            "Social Security number on the Confidential Information Form, "
            f"docket number {text(docket(case))}, OTN {text(case.otn)}, date of complaint or arrest "
            f"{day(case.complaint_date or case.arrest_date)}, arresting agency {text(case.arresting_agency)}, "
            f"it is hereby ORDERED and DECREED that {grant}"
        ),
        charge_table(plan),
        Para(
            "Reason: "
            + "; ".join(sorted({f"{g.result.rule.title} ({g.result.rule.section})" for g in plan.grounds}))
            + "."
        ),
        Para("The Clerk of Courts shall serve certified copies of this Order on: " + "; ".join(agencies) + "."),
        Signature("BY THE COURT:", ""),
        Signature("Judge"),
    ]
    kind = "limited-access" if limited else "expungement"
    return case_paper(
        plan,
        f"{number:02d}-pa-{kind}-order-{file_part(case)}",
        "order",
        title,
        court_heading(case, court),
        caption(case, petitioner, person),
        blocks,
    )


def in_forma_pauperis(
    county: str, dockets: list[str], person: Person, petitioner: Petitioner, court: Court | None, number: int
) -> Document:
    """The content of Pa.R.C.P. 240(h)'s affidavit, asked of the criminal court for the filing fees."""
    name = petitioner.name or person.name or BLANK
    blocks: list[Block] = [
        Para(
            f"Petitioner, {name}, asks to proceed in forma pauperis (without paying the filing fees and costs) on "
            f"the petitions filed for docket(s) {', '.join(dockets)}, because Petitioner cannot pay them.",
            number=1,
        ),
        Para("Petitioner's income and resources (Pa.R.C.P. 240(h) affidavit):", number=2),
        Table(
            ("Item", "Amount or answer"),
            (
                ("Employment (employer, pay per month)", BLANK),
                ("Other income in the last 12 months (benefits, SSI, SNAP, unemployment, gifts)", BLANK),
                ("Cash and bank accounts", BLANK),
                ("Property (car, house, other) and its value", BLANK),
                ("Debts and monthly obligations", BLANK),
                ("People who depend on me for support", BLANK),
                ("Public benefits I receive now (if any)", BLANK),
            ),
        ),
        Para(
            "I verify that the statements made in this affidavit are true and correct. I understand that false "
            "statements herein are made subject to the penalties of 18 Pa.C.S. § 4904, relating to unsworn "
            "falsification to authorities.",
        ),
        Signature("Signature of Petitioner"),
        Signature("Date"),
        PageBreak(),
        Heading("ORDER"),
        Para(
            "AND NOW, this ____ day of ______________, 20__, upon consideration of the foregoing petition, it is "
            "ORDERED that Petitioner may proceed in forma pauperis, and the filing fees and costs are waived."
        ),
        Signature("BY THE COURT:"),
        Signature("Judge"),
    ]
    return Document(
        name=f"{number:02d}-pa-in-forma-pauperis-{slug(county)}",
        kind="fee_waiver",
        title="PETITION TO PROCEED IN FORMA PAUPERIS (content of Pa.R.C.P. 240)",
        court=f"IN THE COURT OF COMMON PLEAS OF {(court.county if court else county).upper()} COUNTY, PENNSYLVANIA",
        caption=Caption(
            ("COMMONWEALTH OF PENNSYLVANIA", "v.", name.upper() if name != BLANK else name),
            tuple(f"Docket No. {d}" for d in dockets),
        ),
        blocks=tuple(blocks),
    )


def _signature(name: str, address: str) -> list[Block]:
    return [
        Signature("Respectfully submitted, Petitioner (signature)"),
        Signature("Printed name", name if name != BLANK else ""),
        Signature("Address", address if address != BLANK else ""),
        Signature("Date"),
    ]

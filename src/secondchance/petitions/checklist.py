"""The plain-language checklist (one page: where, how many copies, what it costs, what happens next,
how long), the cover letter to the clerk, and California's fee-waiver note.

The checklist is in the person's language (English or Spanish, catalogue ``locale/es.po``); the cover
letter and court papers stay in English, the courts' language. Costs and times carry their source and
say when we could not check them.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from datetime import date
from functools import cache
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

from ..records.model import Person
from ._fmt import BLANK, docket, slug
from .courts import Court, court_for
from .decide import Decision, Plan
from .model import Block, Document, Heading, Para, Petitioner, Signature

LOCALE = Path(__file__).parent / "locale"

#: Where an unverified address is to be checked: the judiciary's own list of courts. The row's source
#: may be a third-party page (docs/petitions.md), which is no place to send a person.
COURT_FINDER = {
    "PA": "https://www.pacourts.us/courts/courts-of-common-pleas",
    "CA": "https://www.courts.ca.gov/find-my-court.htm",
}

#: Costs, copies, next steps and times per state: (text, source, verified).
FACTS: dict[str, dict[str, tuple[str, str, bool]]] = {
    "PA": {
        "copies": (
            "Ask the Clerk of Courts how many copies they need. Bring at least the original and 2 copies of each "
            "paper: one for you (the clerk stamps it) and one for the District Attorney.",
            "plsephilly.org/get-help/expungement (the clerk says how many copies and who gets them)",
            False,
        ),
        "cost": (
            "The filing fee depends on the county. Ask the Clerk of Courts for the fee before you file. If you "
            "cannot pay, file the petition to proceed in forma pauperis we made.",
            "plsephilly.org/get-help/expungement: the cost to file varies by county",
            True,
        ),
        "report": (
            "Attach a Pennsylvania State Police criminal history report (ask for it on the PATCH website or by mail "
            "with form SP4-164; it costs about $22).",
            "Pa.R.Crim.P. 790(A)(3) and 490(A)(3) (the report must be attached); the fee from third-party pages",
            False,
        ),
        "form": (
            "The courts also publish their own petition forms (pacourts.us/forms/for-the-public). The clerk must "
            "accept our papers, which hold the same facts, but you may copy them onto the court's form.",
            "lancasterpaclerkofcourts.com Expungement Information Sheet; yorkcountypa.gov Expungement Guide",
            True,
        ),
        "next": (
            "The District Attorney gets a copy and can agree or object: the court rules give the District Attorney "
            "up to 60 days (30 days in a summary case). A judge decides, sometimes at a hearing you must go to. If "
            "the judge agrees, the clerk sends the order to the State Police and the other agencies.",
            "Pa.R.Crim.P. 490(B), 790(B)-(C), 791(b) (2016 order adopting Rule 791: 60 days, 30 for a summary "
            "case, read in a summary); plsephilly.org (the district attorney may challenge and ask for a hearing)",
            False,
        ),
        "time": (
            "It usually takes 2 to 6 months from filing to an order, and some weeks more for the State Police to "
            "update the record.",
            "general experience of legal aid offices; not checked for each county",
            False,
        ),
    },
    "CA": {
        "copies": (
            "Bring the original and 2 copies of each paper: one for you and one for the prosecutor. For the "
            "petition to seal an arrest, bring one more for the police agency that arrested you.",
            "CR-409-INFO (service on the prosecutor and the arresting agency); local court practice",
            False,
        ),
        "cost": (
            "Many courts charge nothing for these petitions; some charge a fee. Ask the clerk. If you cannot pay, "
            "ask for a fee waiver with the official form FW-001 (we wrote down what to bring).",
            "Gov. Code §§ 68630-68641 (fee waivers); Pen. Code § 1203.4; local fee schedules",
            False,
        ),
        "next": (
            "The prosecutor (and sometimes probation) gets a copy and can object. The court may set a hearing; "
            "go if it does. If the judge grants it, the court tells the Department of Justice.",
            "Pen. Code §§ 1203.4, 851.91(b); CR-409-INFO",
            False,
        ),
        "time": (
            "It usually takes 1 to 3 months. A hearing on a petition to seal an arrest is at least 15 days after "
            "the papers are served.",
            "CR-409-INFO (15 days); general experience of legal aid offices",
            False,
        ),
    },
}


@cache
def translations(lang: str) -> NullTranslations:
    po = LOCALE / f"{lang}.po"
    if lang == "en" or not po.exists():
        return NullTranslations()
    with po.open("rb") as handle:
        catalog = read_po(handle, locale=lang)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(buffer)


def gettext_for(lang: str) -> Callable[[str], str]:
    return translations(lang).gettext


def checklist(
    decision: Decision,
    by_court: dict[tuple[str, str], list[tuple[Plan, list[Document]]]],
    lang: str,
    as_of: date,
) -> Document:
    _ = gettext_for(lang)
    blocks: list[Block] = [
        Para(_("This is legal information, not legal advice. A free legal aid office can check these papers.")),
    ]
    if not by_court:
        blocks.append(Para(_("We made no court papers: nothing we check can be filed now or within a year.")))
    step = 0
    for (state, county), items in by_court.items():
        court_blocks, step = _court_steps(state, county, items, step, _)
        blocks += court_blocks
    if decision.automatic:
        blocks.append(Heading(_("Relief that happens without papers")))
        blocks += [Para(line) for line in decision.automatic]
    if decision.not_made:
        blocks.append(Heading(_("Charges we made no papers for")))
        blocks += [Para(line) for line in decision.not_made]
    return Document(
        name="00-checklist" if lang == "en" else f"00-checklist-{lang}",
        kind="checklist",
        title=_("Your court papers: what to do"),
        court=_("Made on %(date)s") % {"date": as_of.isoformat()},
        blocks=tuple(blocks),
        lang=lang,
    )


def _court_steps(
    state: str, county: str, items: list[tuple[Plan, list[Document]]], step: int, _: Callable[[str], str]
) -> tuple[list[Block], int]:
    """One court's part of the checklist: where, what, when, then the facts; the steps numbered on from
    ``step``, and the last step's number."""
    found = court_for(state, county)
    blocks: list[Block] = [Heading(found.name if found else items[0][1][0].court)]
    step += 1
    blocks += _where(state, county, found, step, _)
    files = [doc.name for _plan, docs in items for doc in docs]
    step += 1
    blocks.append(Para(_("What to file: %(files)s.") % {"files": ", ".join(files)}, number=step))
    for plan, _docs in items:
        if plan.do_not_file_before:
            blocks.append(
                Para(
                    _("Do not file the papers for case %(case)s before %(date)s.")
                    % {
                        "case": (docket(plan.case) or f"number {plan.case.id}"),
                        "date": plan.do_not_file_before.isoformat(),
                    },
                    bold=True,
                )
            )
    for key, label in (
        ("copies", _("How many copies")),
        ("cost", _("What it costs")),
        ("report", _("What to attach")),
        ("form", _("The court's own forms")),
        ("next", _("What happens next")),
        ("time", _("How long it takes")),
    ):
        if key not in FACTS[state]:
            continue
        fact, source, verified = FACTS[state][key]
        step += 1
        note = _("source: %(source)s") % {"source": source}
        if not verified:
            note += "; " + _("not checked: confirm with the clerk")
        blocks.append(Para(f"{label}: {_(fact)} ({note})", number=step))
    step += 1
    blocks.append(Para(_("Sign each petition where it says so, and keep a copy of everything."), number=step))
    return blocks, step


def _where(state: str, county: str, found: Court | None, step: int, _: Callable[[str], str]) -> list[Block]:
    """Where to file: the court's office and address, with a warning when we could not confirm it."""
    if not found:
        return [
            Para(
                _("Where to file: the court of %(county)s county. Ask the court for its address.")
                % {"county": county or BLANK},
                number=step,
            )
        ]
    where = f"{found.office}, {found.address}" + (f", {found.phone}" if found.phone else "")
    blocks: list[Block] = [Para(_("Where to file: %(where)s.") % {"where": where}, number=step)]
    if found.note:
        blocks.append(Para(_("About this court: %(note)s") % {"note": found.note}))
    if not found.verified:
        blocks.append(
            Para(
                _(
                    "Check this address with the court before you go: we could not confirm it. "
                    "Call the court or look at %(url)s."
                )
                % {"url": COURT_FINDER.get(state, found.source_url)},
                bold=True,
            )
        )
    return blocks


def cover_letter(
    state: str,
    county: str,
    items: Sequence[tuple[Plan, list[Document]]],
    waiver: Document,
    person: Person,
    petitioner: Petitioner,
    court: Court | None,
    number: int,
) -> Document:
    name = petitioner.name or person.name or BLANK
    address = petitioner.address or person.address or BLANK
    office = f"{court.office}, {court.name}" if court else f"Clerk of the court of {county or BLANK} County"
    dockets = ", ".join((docket(p.case) or BLANK) for p, _d in items)
    enclosed = [doc.title for _p, docs in items for doc in docs]
    blocks: list[Block] = [
        Para(f"To: {office}" + (f", {court.address}" if court else "")),
        Para(f"From: {name}, {address}"),
        Para(f"Re: {'Commonwealth' if state == 'PA' else 'People'} v. {name}; case number(s) {dockets}"),
        Para("Dear Clerk:"),
        Para("Please file the enclosed papers, and return a stamped copy to me at the address above:"),
        *[Para(f"• {title}") for title in enclosed],
    ]
    if waiver.kind == "fee_waiver" and state == "PA":
        blocks.append(
            Para("I have also enclosed a petition to proceed in forma pauperis, because I cannot pay the filing fees.")
        )
    elif state == "CA":
        blocks.append(Para("If I cannot pay a filing fee, I will attach a Request to Waive Court Fees (form FW-001)."))
    blocks += [
        Para("Thank you."),
        Signature("Signature"),
        Signature("Printed name", name if name != BLANK else ""),
        Signature("Date"),
    ]
    return Document(
        name=f"{number:02d}-{state.lower()}-cover-letter-{slug(county)}",
        kind="cover_letter",
        title="COVER LETTER",
        blocks=tuple(blocks),
    )


def fee_waiver_note(county: str, dockets: list[str], court: Court | None, number: int) -> Document:
    """California's fee waiver is the mandatory form FW-001: we say what it asks for, not fill it."""
    where = court.name if court else f"Superior Court, County of {county or BLANK}"
    blocks: list[Block] = [
        Para(
            "California courts use the official Judicial Council form FW-001 (Request to Waive Court Fees) and the "
            "court's order on form FW-003. Get FW-001 from the clerk or courts.ca.gov, fill it in, and file it with "
            f"your petitions in the {where} (case(s) {', '.join(dockets)})."
        ),
        Heading("What FW-001 asks"),
        Para(
            "1. Your name, address and job. 2. Why you ask: you receive public benefits (for example Medi-Cal, "
            "CalFresh, SSI, CalWORKs, General Assistance; item 5a), or your household income is low (item 5b). If you "
            "receive benefits, the law entitles you to the waiver (Gov. Code § 68632(a)) and the income questions "
            "are not needed. 3. Otherwise your household size and monthly income, and what you own and owe."
        ),
        Para(
            "Bring proof of benefits or income if you have it. The clerk must accept FW-001 and file your petitions "
            "with it, without a fee, while the court decides (Gov. Code § 68634(b), (c))."
        ),
    ]
    return Document(
        name=f"{number:02d}-ca-fee-waiver-FW-001-note-{slug(county)}",
        kind="fee_waiver",
        title="FEE WAIVER: how to ask (form FW-001)",
        blocks=tuple(blocks),
    )

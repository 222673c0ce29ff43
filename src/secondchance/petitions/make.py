"""Make the papers: decide (``decide``), fill (``pa``, ``ca``), then the fee waiver, cover letter and
checklist for each court. Pure: the record, its screening and the petitioner in, documents out."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from ..records.model import Person
from ..relief import Screening, screen
from . import ca, pa
from ._fmt import BLANK, docket
from .checklist import checklist, cover_letter, fee_waiver_note
from .courts import Court, court_for
from .decide import Plan, decide
from .model import Document, Packet, PaperSummary, Petitioner

Filler = Callable[[Plan, Person, Petitioner, Court | None, int], Document]

FILLERS: dict[str, tuple[Filler, Filler]] = {
    "pa_expungement": (pa.petition, pa.order),
    "pa_limited_access": (pa.petition, pa.order),
    "ca_dismissal": (ca.dismissal_petition, ca.dismissal_order),
    "ca_seal_arrest": (ca.seal_arrest_petition, ca.seal_arrest_order),
}

WHY = {
    "pa_expungement": "Petition for expungement and proposed order",
    "pa_limited_access": "Petition for limited access and proposed order",
    "ca_dismissal": "Petition for dismissal (CR-180 content) and order (CR-181 content)",
    "ca_seal_arrest": "Petition to seal arrest (CR-409 content) and order (CR-410 content)",
}


ByCourt = dict[tuple[str, str], list[tuple[Plan, list[Document]]]]


def make_packet(person: Person, screening: Screening, petitioner: Petitioner | None = None, lang: str = "en") -> Packet:
    """Every paper for ``person``; ``lang`` is the checklist's language (the court papers are in English)."""
    who = petitioner or Petitioner()
    decision = decide(person, screening)
    documents: list[Document] = []
    made: list[PaperSummary] = []
    by_court: ByCourt = {}
    for at, plan in enumerate(decision.plans):
        court = court_for(plan.state, plan.case.county)
        petition_of, order_of = FILLERS[plan.kind]
        pair = [petition_of(plan, person, who, court, 2 * at + 1), order_of(plan, person, who, court, 2 * at + 2)]
        documents += pair
        by_court.setdefault((plan.state, plan.case.county or ""), []).append((plan, pair))
        made += [_case_summary(plan, doc, court) for doc in pair]
    extras = _court_papers(by_court, person, who, 2 * len(decision.plans), made)
    sheet = checklist(decision, by_court, lang, screening.as_of)
    made.insert(0, PaperSummary(sheet.name, sheet.kind, "", "", "What to do, where, what it costs"))
    return Packet(
        documents=(sheet, *documents, *extras),
        made=tuple(made),
        not_made=decision.not_made,
        automatic=decision.automatic,
    )


def _case_summary(plan: Plan, doc: Document, court: Court | None) -> PaperSummary:
    """The "what was made and why" line of a petition or order: its case, court and grounds."""
    reasons = "; ".join(
        sorted(
            {
                f"{g.charge.description or g.charge.statute or g.charge.id}: {g.result.rule.section}"
                for g in plan.grounds
            }
        )
    )
    return PaperSummary(
        doc.name,
        doc.kind,
        (docket(plan.case) or f"number {plan.case.id}"),
        court.name if court else f"{plan.case.county or 'unknown'} county court ({plan.state})",
        f"{WHY[plan.kind]}: {reasons}",
        plan.do_not_file_before,
    )


def _court_papers(
    by_court: ByCourt, person: Person, who: Petitioner, number: int, made: list[PaperSummary]
) -> list[Document]:
    """The fee waiver and the cover letter for each court, numbered on from ``number``; their lines
    are added to ``made``."""
    extras: list[Document] = []
    for (state, county), items in by_court.items():
        court = court_for(state, county)
        dockets = [(docket(p.case) or BLANK) for p, _ in items]
        number += 1
        if state == "PA":
            waiver = pa.in_forma_pauperis(county, dockets, person, who, court, number)
        else:
            waiver = fee_waiver_note(county, dockets, court, number)
        number += 1
        letter = cover_letter(state, county, items, waiver, person, who, court, number)
        extras += [waiver, letter]
        for doc in (waiver, letter):
            made.append(
                PaperSummary(
                    doc.name,
                    doc.kind,
                    ", ".join(dockets),
                    court.name if court else county,
                    "Fee waiver request" if doc is waiver else "Cover letter to the clerk",
                )
            )
    return extras


def packet_json(packet: Packet, files: list[str] | None = None) -> dict[str, Any]:
    """What was made and why (no name or address): the CLI's ``--format json`` and the API's summary."""
    return {
        "made": [
            {
                "document": m.file,
                "kind": m.kind,
                "case": m.case_id,
                "court": m.court,
                "why": m.why,
                "do_not_file_before": m.do_not_file_before.isoformat() if m.do_not_file_before else None,
            }
            for m in packet.made
        ],
        "automatic": list(packet.automatic),
        "not_made": list(packet.not_made),
        **({"files": files} if files is not None else {}),
    }


def make_for(person: Person, as_of: date, petitioner: Petitioner, lang: str = "en") -> Packet:
    """The papers for ``person`` screened as of ``as_of`` (the CLI's and the web app's one call)."""
    return make_packet(person, screen(person, as_of), petitioner, lang)

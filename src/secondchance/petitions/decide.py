"""Which papers to make: from a person's record and its screening, one plan per case and kind.

Pure (no I/O). A paper is planned only for a path the screening finds available now, or on a
date within ``HORIZON`` (then "do not file before" that date). Needs-review and not-eligible
results never make papers; automatic relief (PA Clean Slate, CA PC 1203.425 / 851.93) makes no
paper but is said in the checklist. One petition per docket, as Pa.R.Crim.P. 790/791 and the
Judicial Council forms (one CR-180 per case, one CR-409 per arrest) require.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from ..records.model import Case, Charge, Person
from ..relief import Relief, Result, Screening, Status
from ._fmt import docket

#: A petition is not prepared earlier than this before it may be filed (forms and law change).
HORIZON = timedelta(days=366)

#: CA sections whose petition has the content of form CR-180 (and order CR-181).
CR180_SECTIONS = ("17(b)", "1203.4a", "1203.41", "1203.42", "1203.4")


@dataclass(frozen=True)
class ChargeGround:
    """A charge and the result that makes the paper: its rule, section and (maybe) date."""

    charge: Charge
    result: Result

    @property
    def available_on(self) -> date | None:
        return self.result.eligible_on if self.result.status is Status.ELIGIBLE_ON else None


@dataclass(frozen=True)
class Plan:
    """One paper to make: a kind of petition for one case and the charges it covers."""

    state: str
    kind: str  # pa_expungement | pa_limited_access | ca_dismissal | ca_seal_arrest
    case: Case
    grounds: tuple[ChargeGround, ...]
    #: PA summary case (Rule 490 rather than 790).
    summary: bool = False

    @property
    def do_not_file_before(self) -> date | None:
        days = [g.available_on for g in self.grounds if g.available_on]
        return max(days) if days else None


@dataclass(frozen=True)
class Decision:
    plans: tuple[Plan, ...]
    #: Sentences for the checklist: relief that happens without a petition.
    automatic: tuple[str, ...]
    #: Sentences for the checklist: why no paper was made for a charge.
    not_made: tuple[str, ...]


def _section_key(section: str) -> str | None:
    """The CR-180 section a CA rule's citation names (``Cal. Penal Code § 1203.4a(a)`` -> ``1203.4a``)."""
    for key in CR180_SECTIONS:
        if f"§ {key}" in section and not section.startswith("Cal. Health"):
            return key
    return None


def is_summary_case(case: Case) -> bool:
    """A PA summary case: a magisterial district docket (``MJ-``), or every charge graded S."""
    number = docket(case).upper()
    if number.startswith("MJ-"):
        return True
    if number.startswith(("CP-", "MC-")):
        return False
    return bool(case.charges) and all(c.grade == "S" for c in case.charges)


def _usable(result: Result, as_of: date) -> bool:
    if result.status is Status.ELIGIBLE_NOW:
        return True
    return (
        result.status is Status.ELIGIBLE_ON and result.eligible_on is not None and result.eligible_on - as_of <= HORIZON
    )


def _who(case: Case, charge: Charge) -> str:
    label = charge.description or charge.statute or f"charge {charge.id}"
    return f"{label} (case {docket(case) or case.id})"


#: The kinds of paper, in the order a case's plans are made.
KINDS = ("pa_expungement", "pa_limited_access", "ca_dismissal", "ca_seal_arrest")


def decide(person: Person, screening: Screening) -> Decision:
    """The papers for ``person`` from ``screening`` (the screening of that person's record)."""
    as_of = screening.as_of
    by_key = {(str(c.row["case_id"]), str(c.row["charge_id"])): c for c in screening.charges}
    plans: list[Plan] = []
    automatic: list[str] = []
    not_made: list[str] = []
    for case in person.cases:
        state = (case.jurisdiction or "").upper()
        grounds: dict[str, list[ChargeGround]] = {kind: [] for kind in KINDS}
        for charge in case.charges:
            screened = by_key.get((case.id, charge.id))
            if screened is None:
                continue
            _charge_papers(state, case, charge, screened.results, as_of, grounds, automatic, not_made)
        for kind in KINDS:
            kept, later = _now_first(grounds[kind])
            not_made += [
                f"{_who(case, g.charge)}: {g.result.rule.title} ({g.result.rule.section}) opens on "
                f"{g.available_on.isoformat() if g.available_on else ''}; the papers for this case ask only for "
                "what is open now, so make the papers again then."
                for g in later
            ]
            if kept:
                summary = kind == "pa_expungement" and is_summary_case(case)
                plans.append(Plan(kind[:2].upper(), kind, case, tuple(kept), summary=summary))
    return Decision(tuple(plans), tuple(dict.fromkeys(automatic)), tuple(not_made))


def _charge_papers(
    state: str,
    case: Case,
    charge: Charge,
    screened: tuple[Result, ...],
    as_of: date,
    grounds: dict[str, list[ChargeGround]],
    automatic: list[str],
    not_made: list[str],
) -> None:
    """One charge's part: its grounds added to ``grounds`` by kind, and its lines for the checklist."""
    who = _who(case, charge)
    # Now before later; as of right before discretionary; then rule id (a stable order).
    results = sorted(
        screened,
        key=lambda r: (r.status is not Status.ELIGIBLE_NOW, "discretionary" in r.rule.title, r.rule.id),
    )
    usable = [r for r in results if _usable(r, as_of)]
    auto = [r for r in usable if r.rule.automatic]
    paper = ""
    made = False
    if state == "PA":
        paper = _pa_grounds(charge, usable, grounds)
        made = bool(paper)
    elif state == "CA":
        made = _ca_grounds(charge, usable, grounds)
        not_made += _ca_not_made(who, usable)
    for r in auto:
        automatic.append(_automatic_text(state, who, r, paper if state == "PA" else ("petition" if made else "")))
    if not made and not auto:
        not_made.append(_why_not(who, screened, as_of))


def _pa_grounds(charge: Charge, usable: list[Result], grounds: dict[str, list[ChargeGround]]) -> str:
    """PA: expungement if open, else limited access; the paper made ("expungement", "limited access", "")."""
    exp = [r for r in usable if r.rule.relief is Relief.EXPUNGEMENT and not r.rule.automatic]
    seal = [r for r in usable if r.rule.relief is Relief.SEALING and not r.rule.automatic]
    if exp:
        grounds["pa_expungement"].append(ChargeGround(charge, exp[0]))
        return "expungement"
    if seal:
        grounds["pa_limited_access"].append(ChargeGround(charge, seal[0]))
        return "limited access"
    return ""


def _ca_grounds(charge: Charge, usable: list[Result], grounds: dict[str, list[ChargeGround]]) -> bool:
    """CA: one dismissal section a charge (they are alternatives: the best first), and § 17(b); and the
    arrest sealing petition. Whether any paper is made for the charge."""
    made = False
    kinds: set[str] = set()
    for r in usable:
        key = None if r.rule.automatic else _section_key(r.rule.section)
        if key is None:
            continue
        kind = "reduction" if key == "17(b)" else "dismissal"
        if kind in kinds:
            continue
        kinds.add(kind)
        grounds["ca_dismissal"].append(ChargeGround(charge, r))
        made = True
    arrest = [r for r in usable if r.rule.id.startswith("CA-851.93")]
    if arrest:
        grounds["ca_seal_arrest"].append(ChargeGround(charge, arrest[0]))
        made = True
    return made


def _ca_not_made(who: str, usable: list[Result]) -> list[str]:
    """CA dismissals and reductions open under a section whose paper we do not make."""
    return [
        f"{who}: {r.rule.title} ({r.rule.section}) may be available; we do not make "
        "this paper yet. A legal aid office can file it."
        for r in usable
        if not r.rule.automatic
        and _section_key(r.rule.section) is None
        and r.rule.relief in (Relief.DISMISSAL, Relief.REDUCTION)
    ]


def _now_first(grounds: list[ChargeGround]) -> tuple[list[ChargeGround], list[ChargeGround]]:
    """When some grounds of a paper are open now, the ones open only later would hold the paper back
    ("do not file before"): the paper asks for what is open now, and the others are said apart."""
    if any(g.available_on is None for g in grounds):
        return [g for g in grounds if g.available_on is None], [g for g in grounds if g.available_on is not None]
    return grounds, []


def _automatic_text(state: str, who: str, result: Result, paper: str) -> str:
    """The checklist's line for relief that needs no paper; ``paper`` names a paper made for the same
    charge all the same (PA: "expungement" or "limited access"; CA: "petition"), so the lines agree."""
    when = (
        f" It may happen on or after {result.eligible_on.isoformat()}."
        if result.status is Status.ELIGIBLE_ON and result.eligible_on
        else ""
    )
    if state == "PA" and result.rule.relief is Relief.AUTOMATIC_SEALING:
        clean = f"{who}: Clean Slate ({result.rule.section}) seals this automatically.{when}"
        if paper == "expungement":
            return f"{clean} Expungement, the petition we made, goes further: it destroys the record."
        if paper == "limited access":
            return (
                f"{clean} File the petition for limited access we made only if your State Police report still shows it."
            )
        return (
            f"{clean} You do not file anything for it. If it still shows on a background check, ask a legal aid office."
        )
    if state == "CA":
        also = " You can still file the petition we made for this case if you want a court order." if paper else ""
        return f"{who}: {result.rule.title} ({result.rule.section}) happens without a petition.{when}{also}"
    return f"{who}: {result.rule.title} ({result.rule.section}) is ordered without a petition.{when}"


def _why_not(who: str, results: tuple[Result, ...], as_of: date) -> str:
    later = sorted(
        (r for r in results if r.status is Status.ELIGIBLE_ON and r.eligible_on and not r.rule.automatic),
        key=lambda r: r.eligible_on or date.max,
    )
    first = later[0] if later else None
    if first is not None and first.eligible_on is not None:
        return (
            f"{who}: no paper yet. {first.rule.title} ({first.rule.section}) opens on "
            f"{first.eligible_on.isoformat()}; come back then and make the papers again."
        )
    if any(r.status is Status.NEEDS_REVIEW and not r.cannot_improve for r in results):
        return f"{who}: no paper. We need more facts first (see your results), or a lawyer's review."
    return f"{who}: no paper. No law we check clears this charge now."

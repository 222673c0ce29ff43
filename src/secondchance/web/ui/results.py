"""Results in plain words: for each charge what relief, when, why not, the law, and the next step.

Rule data (condition texts, statute quotes) stays in English, the language of the law; the page marks
it ``lang="en"`` so screen readers pronounce it right inside a Spanish page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ...records.defaults import DEFAULTS
from ...records.model import PartialDate, Row
from ...relief import Result, Screening, Status
from ...relief.explain import (
    fact_question,
    facts_and_points,
    is_question,
    open_question,
    rank,
    reason,
    waits_on_default,
)
from ...relief.lang import Rule
from ...relief.screening import ChargeScreening
from .followup import FollowUp, follow_up_question, positions
from .i18n import N_, long_date, translations
from .interview import InterviewState, grade_label
from .interview.questions import DISPOSITIONS

RELIEF_LABELS = {
    # true in every state: PA destroys the record, Missouri closes it, Louisiana keeps it confidential
    "expungement": N_("Expungement (the record is removed from public view)"),
    "sealing": N_("Sealing (most employers and landlords can no longer see it)"),
    "automatic_sealing": N_("Automatic sealing (Clean Slate: no petition needed)"),
    "dismissal": N_("Dismissal (the conviction is set aside)"),
    "reduction": N_("Reduction (a felony becomes a misdemeanor)"),
    "pardon": N_("Pardon"),
}
#: Automatic relief a state calls by its own word (``Rule.called``): Missouri's marijuana expungement is not
#: "Clean Slate sealing", though machines see the kind ``automatic_sealing``.
CALLED_LABELS = {"expungement": N_("Automatic expungement (no petition needed)")}
CALLED_SHORT = {"expungement": N_("Automatic expungement")}


def relief_label(rule: Rule, labels: dict[str, str], called: dict[str, str]) -> str:
    """The msgid naming a rule's relief: the state's own word for automatic relief, else the kind's label."""
    if rule.automatic and rule.called in called:
        return called[rule.called]
    return labels.get(rule.relief.value, rule.relief.value)


HEADLINES = {
    Status.ELIGIBLE_NOW: ("good", N_("Good news: this charge can be cleared now.")),
    Status.ELIGIBLE_ON: ("later", N_("This charge can be cleared on %(date)s.")),
    Status.NEEDS_REVIEW: ("review", N_("We need more information to know.")),
    Status.NOT_ELIGIBLE: ("no", N_("The laws we check do not clear this charge.")),
}
#: The headline of a charge whose best result cannot apply before a later day.
NOT_BEFORE_HEADLINE = ("later", N_("Nothing clears this charge now. The earliest any law could is %(date)s."))
#: The headline when an open question might clear the charge before its decided date.
OPEN_BEFORE_DATE_HEADLINE = (
    "review",
    N_("This charge might be cleared now; we need more information to know. If not, it can be cleared on %(date)s."),
)
#: Defaulted facts (records.defaults), as the page says them.
ASSUMED = {
    "pardoned": N_("We assumed no pardon has been granted for this conviction (the record does not say one was).")
}
OTHERWISE = {"pardoned": N_("If you receive a pardon")}
ONLY_IF = {"pardoned": N_("Only if you receive a pardon (see the other paths at the end of this page).")}
LABELS = {o.value: o.label for o in DISPOSITIONS}


@dataclass
class ResultView:
    relief: str
    status: str
    sentence: str
    section: str
    rule_id: str
    reason: str = ""
    missing: list[str] = field(default_factory=list)
    #: Points only a lawyer can settle (the law's own words, in English), e.g. an offense on no list.
    points: list[str] = field(default_factory=list)
    next_step: str = ""
    assumptions: list[str] = field(default_factory=list)


#: The short name of a kind of relief, for the one-line summary of each charge.
RELIEF_SHORT = {
    "expungement": N_("Expungement"),
    "sealing": N_("Sealing"),
    "automatic_sealing": N_("Clean Slate sealing"),
    "dismissal": N_("Dismissal"),
    "reduction": N_("Reduction to a misdemeanor"),
    "pardon": N_("Pardon"),
}
#: One line per charge: its best realistic path and when.
LINES = {
    "now_petition": N_("%(relief)s now. You must ask the court for it."),
    "now_automatic": N_("%(relief)s now. It should happen on its own."),
    "on": N_("%(relief)s on %(date)s."),
    "ask": N_("%(relief)s may be possible. We need one more fact."),
    "lawyer": N_("%(relief)s may be possible. A lawyer must check if it applies."),
    "not_before": N_("Not before %(date)s."),
    "no": N_("No path under the laws we check. See the other paths below."),
    "unchecked": N_("We can't check this charge yet."),
}
#: The summary at the top of the results.
SUMMARY_COUNT = N_("%(n)s of %(total)s charges can be cleared now.")
SUMMARY_ONE_NOW = N_("Your charge can be cleared now.")
SUMMARY_NONE = N_("None of your charges can be cleared today.")
SUMMARY_ONE_NONE = N_("Your charge can't be cleared today.")
FIRST_STEPS = {
    "petition": N_("Do this first: ask a free legal aid office to help you file a petition for %(charge)s."),
    "automatic": N_("Do this first: ask legal aid to check that %(charge)s was sealed. It should happen on its own."),
    "date": N_("Do this first: mark %(date)s on your calendar. That is the first day %(charge)s can be cleared."),
    "ask": N_("Do this first: answer the question under %(charge)s. One answer could change the result."),
    "lawyer": N_("Do this first: ask legal aid about the point under %(charge)s. It could change the result."),
    "none": N_("Do this first: read the other paths at the end of this page, or ask legal aid."),
}
FOLLOW_UP_LEAD = N_("One answer could change this result:")


@dataclass
class ChargeView:
    title: str
    case_id: str
    charge_id: str
    details: list[str]
    tone: str
    headline: str
    note: str = ""
    unread: str = ""  # the citation could not be read
    results: list[ResultView] = field(default_factory=list)
    others: list[ResultView] = field(default_factory=list)
    needed: list[str] = field(default_factory=list)
    points: list[str] = field(default_factory=list)  # as ResultView.points
    next_step: str = ""
    line: str = ""  # the best realistic path and its date, in one sentence
    kind: str = "no"  # which of LINES (and FIRST_STEPS) applies
    when: str = ""  # the date of that path, in words
    question: FollowUp | None = None
    anchor: str = ""
    sort_date: str = ""


def _next_step(result: Result, _: Any) -> str:
    status, automatic = result.status, result.rule.automatic
    if status is Status.ELIGIBLE_NOW and automatic:
        return N_("This should happen on its own, without a petition. A legal aid office can check that it did.")
    if status is Status.ELIGIBLE_NOW:
        return N_("File a petition with the court of the county of the case. A legal aid office can help for free.")
    if status is Status.ELIGIBLE_ON:
        return N_("Mark the date. Until then, keep paying what you owe: a new conviction can change this.")
    if open_question(result) and all(is_question(m) for m in result.missing):
        return N_("Ask legal aid or a lawyer about the point below. Bring your court papers.")
    if open_question(result):
        return N_("Find the missing facts on your court papers (the docket sheet) and check again, or ask legal aid.")
    if status is Status.NEEDS_REVIEW and result.not_before:
        return N_("Check again on that date.")
    return N_("See the other paths at the end of this page.")


def fact_text(name: str, t: Any, row: Row | None = None, rows: list[Row] | None = None) -> str:
    """A missing fact in the reader's words and language (relief/explain.py's phrases are the msgids)."""
    return fact_question(name, row, rows or [], t)


def result_view(result: Result, lang: str, row: Row | None = None, rows: list[Row] | None = None) -> ResultView:
    t = translations(lang).gettext
    relief = t(relief_label(result.rule, RELIEF_LABELS, CALLED_LABELS))
    how = t("automatically") if result.rule.automatic else t("by petition")
    why = ""
    missing: list[str] = []
    points: list[str] = []
    if result.status is Status.ELIGIBLE_NOW:
        sentence = t("Eligible now (%(how)s).") % {"how": how}
    elif result.status is Status.ELIGIBLE_ON:
        sentence = t("Eligible on %(date)s (%(how)s), if nothing changes before then.") % {
            "date": long_date(result.eligible_on, lang),
            "how": how,
        }
    elif result.cannot_improve:
        sentence = t("Might also apply, but cannot do better than the result above for the same relief.")
    elif result.status is Status.NEEDS_REVIEW and result.not_before:
        sentence = t("Not before %(date)s: a waiting period has not ended yet.") % {
            "date": long_date(result.not_before, lang)
        }
    elif result.status is Status.NEEDS_REVIEW:
        facts, points = facts_and_points(result)
        missing = [fact_text(m, t, row, rows) for m in facts]
        if missing:
            sentence = t("Needs review: some facts are missing.")
        else:
            sentence = t("Needs review: a lawyer must check a point of law.")
    elif not result.concerns:
        sentence = t("This law is about other kinds of charges.")
    elif opened_by := (waits_on_default(result) or result.assumptions):
        sentence = " ".join(t(ONLY_IF.get(fact, DEFAULTS[fact].otherwise)) for fact in opened_by)
    else:
        sentence = t("Not eligible under this law.")
        why = reason(result) or ""
    if result.depends_on:  # eligible only once a scheduled release or end of supervision happens
        sentence += " " + t("This depends on your release or supervision ending on the scheduled date.")
    return ResultView(
        relief=relief,
        status=result.status.value,
        sentence=sentence,
        section=result.rule.section,
        rule_id=result.rule.id,
        reason=why,
        missing=missing,
        points=points,
        next_step=t(_next_step(result, None)),
        assumptions=[t(ASSUMED.get(a, DEFAULTS[a].assumed)) for a in result.assumptions],
    )


def _line(view: ChargeView, best: Result | None, asks: bool, t: Any, lang: str) -> None:
    """The charge's one-line summary: its best realistic path and when."""
    if view.note or best is None:
        view.kind, view.line = "unchecked", t(LINES["unchecked"])
        return
    relief = t(relief_label(best.rule, RELIEF_SHORT, CALLED_SHORT))
    if best.status is Status.ELIGIBLE_NOW:
        view.kind = "automatic" if best.rule.automatic else "petition"
        view.line = t(LINES["now_automatic" if best.rule.automatic else "now_petition"]) % {"relief": relief}
    elif best.status is Status.ELIGIBLE_ON and not asks:
        view.kind, view.when = "date", long_date(best.eligible_on, lang)
        view.line = t(LINES["on"]) % {"relief": relief, "date": view.when}
    elif asks or (best.status is Status.NEEDS_REVIEW and open_question(best)):
        view.kind = "lawyer" if view.points and not view.needed else "ask"  # only a lawyer's point is open
        view.line = t(LINES[view.kind]) % {"relief": relief}
    elif best.status is Status.NEEDS_REVIEW and best.not_before:
        view.kind, view.when = "later", long_date(best.not_before, lang)
        view.line = t(LINES["not_before"]) % {"date": view.when}
    else:
        view.kind, view.line = "no", t(LINES["no"])


def summary_view(charges: list[ChargeView], lang: str) -> dict[str, Any]:
    """The top of the results: how many charges can be cleared now, and the one thing to do first."""
    t = translations(lang).gettext
    now = [c for c in charges if c.kind in ("petition", "automatic")]
    total = len(charges)
    if total == 1:
        count = t(SUMMARY_ONE_NOW) if now else t(SUMMARY_ONE_NONE)
    elif now:
        count = t(SUMMARY_COUNT) % {"n": len(now), "total": total}
    else:
        count = t(SUMMARY_NONE)
    first = next((c for c in charges if c.kind == "petition"), None)
    first = first or next((c for c in charges if c.kind == "automatic"), None)
    first = first or next((c for c in charges if c.kind == "ask" and c.question), None)
    first = first or next((c for c in charges if c.kind == "lawyer"), None)
    dated = sorted((c for c in charges if c.kind == "date"), key=lambda c: c.sort_date)
    first = first or (dated[0] if dated else None)
    if first is None:
        todo = t(FIRST_STEPS["none"])
        anchor = ""
    else:
        todo = t(FIRST_STEPS[first.kind]) % {"charge": first.title, "date": first.when}
        anchor = first.anchor
    return {"count": count, "first": todo, "anchor": anchor, "total": total, "now": len(now)}


def charge_views(screening: Screening, lang: str, state: InterviewState | None = None) -> list[ChargeView]:
    where = positions(state)
    rows = [c.row for c in screening.charges]
    return [
        charge_view(number, charge, rows, lang, state, where)
        for number, charge in enumerate(screening.charges, start=1)
    ]


def charge_view(
    number: int,
    charge: ChargeScreening,
    rows: list[Row],
    lang: str,
    state: InterviewState | None,
    where: dict[tuple[str, str], str],
) -> ChargeView:
    """One charge in plain words: what it is, what clears it and when, or why we cannot say."""
    t = translations(lang).gettext
    row = charge.row
    title = str(row.get("description") or row.get("statute") or t("Charge %(n)s") % {"n": number})
    view = ChargeView(title, str(row["case_id"]), str(row["charge_id"]), _details(row, t, lang), "review", "")
    view.anchor = f"charge-{number}"
    if charge.statute_unreadable:
        view.unread = t("We could not read the law cited: “%(cited)s”. A lawyer should check which offense it is.") % {
            "cited": row["statute"]
        }
    if charge.note:
        view.note = (
            t("We need to know the state of this case.")
            if row.get("jurisdiction") is None
            else t("We can't check this state yet. A lawyer there can tell you what applies.")
        )
        view.headline = t("We can't check this charge yet.")
        _line(view, None, False, t, lang)
        return view
    results = sorted(charge.results, key=lambda r: (rank(r), r.rule.effective))
    best = charge.best
    asks = [r for r in results if open_question(r)]
    _headline(view, best, bool(asks), t, lang)
    # What helps is shown in full; the other laws checked fold away under "why not".
    helpful = [r for r in results if r.status in (Status.ELIGIBLE_NOW, Status.ELIGIBLE_ON)]
    view.results = [result_view(r, lang, row, rows) for r in helpful]
    view.others = [result_view(r, lang, row, rows) for r in results if r not in helpful]
    if asks and not charge.cleared:
        _missing(view, asks, row, rows, t)
    _line(view, best, bool(asks) and not charge.cleared, t, lang)
    if best is not None and best.status is Status.ELIGIBLE_ON and best.eligible_on:
        view.sort_date = best.eligible_on.isoformat()
    if not charge.cleared:
        target = where.get((str(row["case_id"]), str(row["charge_id"])))
        view.question = follow_up_question(results, target, state, number)
    return view


def _details(row: Row, t: Any, lang: str) -> list[str]:
    """The charge's statute (under its description), grade, how it ended and when."""
    details = []
    if row.get("description") and row.get("statute"):
        details.append(str(row["statute"]))
    grade, disposition = row.get("grade"), row.get("disposition")
    label = grade_label(row.get("jurisdiction"), grade)
    details.append(t(label) if label is not None else t("Grade not known"))
    details.append(t(LABELS[str(disposition)]) if disposition in LABELS else t("How it ended is not known"))
    if row.get("disposition_date"):
        ended = row["disposition_date"]
        words = t("Ended in %(date)s") if isinstance(ended, PartialDate) else t("Ended on %(date)s")
        details.append(words % {"date": long_date(ended, lang)})  # type: ignore[arg-type]
    return details


def _headline(view: ChargeView, best: Result | None, asks: bool, t: Any, lang: str) -> None:
    """The charge's headline and tone from its best result (none: the view's own stays)."""
    if best is not None and best.status is Status.ELIGIBLE_ON and asks:
        # A decided date, but an open question might clear it now: say both, the question first.
        view.tone, headline = OPEN_BEFORE_DATE_HEADLINE
        view.headline = t(headline) % {"date": long_date(best.eligible_on, lang)}
    elif best is not None and best.status is Status.NEEDS_REVIEW and not open_question(best):
        view.tone, headline = NOT_BEFORE_HEADLINE
        view.headline = t(headline) % {"date": long_date(best.not_before, lang)}
    elif best is not None:
        view.tone, headline = HEADLINES[best.status]
        view.headline = t(headline) % {"date": long_date(best.eligible_on, lang)}


def _missing(view: ChargeView, review: list[Result], row: Row, rows: list[Row], t: Any) -> None:
    """Only missing facts stand in the way of something better: say once which, across the laws."""
    for result in review:
        facts, points = facts_and_points(result)
        view.needed += [
            said for said in dict.fromkeys(fact_text(m, t, row, rows) for m in facts) if said not in view.needed
        ]
        view.points += [point for point in dict.fromkeys(points) if point not in view.points]
    view.next_step = t(_next_step(review[0], None))


def remaining_views(screening: Screening, lang: str = "en") -> list[dict[str, Any]]:
    t = translations(lang).gettext
    return [
        {
            "name": item.path.name,
            "section": item.path.section,
            "text": item.path.text,
            "where_to_start": item.path.where_to_start,
            "charges": [f"{case}/{charge}" for case, charge in item.charges],
            "unlocks": [
                t("%(if)s: %(relief)s under %(section)s (charge %(charge)s of case %(case)s).")
                % {
                    "if": t(OTHERWISE.get(fact, DEFAULTS[fact].otherwise)),
                    "relief": t(relief_label(result.rule, RELIEF_LABELS, CALLED_LABELS)),
                    "section": result.rule.section,
                    "charge": charge,
                    "case": case,
                }
                for case, charge, fact, result in item.unlocks
            ],
        }
        for item in screening.remaining_paths
    ]

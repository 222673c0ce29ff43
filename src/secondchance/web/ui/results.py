"""Results in plain words: for each charge what relief, when, why not, the law, and the next step.

Rule data (condition texts, statute quotes) stays in English, the language of the law; the page marks
it ``lang="en"`` so screen readers pronounce it right inside a Spanish page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ...relief import Result, Screening, Status
from ...relief.explain import fact_label
from ...relief.screen import STATUS_RANK
from .i18n import long_date, translations
from .interview import CA_GRADES, DISPOSITIONS, N_, PA_GRADES

RELIEF_LABELS = {
    "expungement": N_("Expungement (the record is destroyed)"),
    "sealing": N_("Sealing (most employers and landlords can no longer see it)"),
    "automatic_sealing": N_("Automatic sealing (Clean Slate: no petition needed)"),
    "dismissal": N_("Dismissal (the conviction is set aside)"),
    "reduction": N_("Reduction (a felony becomes a misdemeanor)"),
    "pardon": N_("Pardon"),
}
HEADLINES = {
    Status.ELIGIBLE_NOW: ("good", N_("Good news: this charge can be cleared now.")),
    Status.ELIGIBLE_ON: ("later", N_("This charge can be cleared on %(date)s.")),
    Status.NEEDS_REVIEW: ("review", N_("We need more information to know.")),
    Status.NOT_ELIGIBLE: ("no", N_("The laws we check do not clear this charge.")),
}
LABELS = {o.value: o.label for o in (*PA_GRADES, *CA_GRADES, *DISPOSITIONS)}


@dataclass
class ResultView:
    relief: str
    status: str
    sentence: str
    section: str
    rule_id: str
    reason: str = ""
    missing: list[str] = field(default_factory=list)
    next_step: str = ""


@dataclass
class ChargeView:
    title: str
    case_id: str
    charge_id: str
    details: list[str]
    tone: str
    headline: str
    note: str = ""
    results: list[ResultView] = field(default_factory=list)
    others: list[ResultView] = field(default_factory=list)
    needed: list[str] = field(default_factory=list)
    next_step: str = ""


def _next_step(result: Result, _: Any) -> str:
    status, automatic = result.status, result.rule.automatic
    if status is Status.ELIGIBLE_NOW and automatic:
        return N_("This should happen on its own, without a petition. A legal aid office can check that it did.")
    if status is Status.ELIGIBLE_NOW:
        return N_("File a petition with the court of the county of the case. A legal aid office can help for free.")
    if status is Status.ELIGIBLE_ON:
        return N_("Mark the date. Until then, keep paying what you owe: a new conviction can change this.")
    if status is Status.NEEDS_REVIEW:
        return N_("Find the missing facts on your court papers (the docket sheet) and check again, or ask legal aid.")
    return N_("See the other paths at the end of this page.")


def fact_text(name: str, t: Any) -> str:
    """A missing fact in the reader's language (labels from relief/explain.py are the msgids)."""
    if name.startswith("other_charges."):
        return str(t("%(fact)s of another charge") % {"fact": fact_text(name.removeprefix("other_charges."), t)})
    return str(t(fact_label(name)))


def result_view(result: Result, lang: str) -> ResultView:
    t = translations(lang).gettext
    relief = t(RELIEF_LABELS.get(result.rule.relief.value, result.rule.relief.value))
    how = t("automatically") if result.rule.automatic else t("by petition")
    reason = ""
    if result.status is Status.ELIGIBLE_NOW:
        sentence = t("Eligible now (%(how)s).") % {"how": how}
    elif result.status is Status.ELIGIBLE_ON:
        sentence = t("Eligible on %(date)s (%(how)s), if nothing changes before then.") % {
            "date": long_date(result.eligible_on, lang),
            "how": how,
        }
    elif result.status is Status.NEEDS_REVIEW:
        sentence = t("Needs review: some facts are missing.")
    else:
        sentence = t("Not eligible under this law.")
        failed = [c.text for c in result.trace if c.holds is False]
        reason = failed[0] if failed else ""
    if result.depends_on:  # eligible only once a scheduled release or end of supervision happens
        sentence += " " + t("This depends on your release or supervision ending on the scheduled date.")
    return ResultView(
        relief=relief,
        status=result.status.value,
        sentence=sentence,
        section=result.rule.section,
        rule_id=result.rule.id,
        reason=reason,
        missing=[fact_text(m, t) for m in result.missing],
        next_step=t(_next_step(result, None)),
    )


def charge_views(screening: Screening, lang: str) -> list[ChargeView]:
    t = translations(lang).gettext
    views = []
    for number, charge in enumerate(screening.charges, start=1):
        row = charge.row
        title = str(row.get("description") or row.get("statute") or t("Charge %(n)s") % {"n": number})
        details = []
        if row.get("description") and row.get("statute"):
            details.append(str(row["statute"]))
        grade, disposition = row.get("grade"), row.get("disposition")
        details.append(t(LABELS[str(grade)]) if grade in LABELS else t("Grade not known"))
        details.append(t(LABELS[str(disposition)]) if disposition in LABELS else t("How it ended is not known"))
        if row.get("disposition_date"):
            details.append(t("Ended on %(date)s") % {"date": long_date(row["disposition_date"], lang)})  # type: ignore[arg-type]
        view = ChargeView(title, str(row["case_id"]), str(row["charge_id"]), details, "review", "")
        if charge.note:
            view.note = (
                t("We need to know the state of this case.")
                if row.get("jurisdiction") is None
                else t("We can't check this state yet. A lawyer there can tell you what applies.")
            )
            view.headline = t("We can't check this charge yet.")
        else:
            results = sorted(charge.results, key=lambda r: (STATUS_RANK[r.status], r.eligible_on or r.rule.effective))
            best = results[0] if results else None
            if best is not None:
                view.tone, headline = HEADLINES[best.status]
                view.headline = t(headline) % {"date": long_date(best.eligible_on, lang)}
            # What helps is shown in full; the other laws checked fold away under "why not".
            helpful = [r for r in results if r.status in (Status.ELIGIBLE_NOW, Status.ELIGIBLE_ON)]
            review = [r for r in results if r.status is Status.NEEDS_REVIEW]
            view.results = [result_view(r, lang) for r in helpful]
            view.others = [result_view(r, lang) for r in results if r not in helpful]
            if not helpful and review:
                # Only missing facts stand in the way: say once which, across every law checked.
                for result in review:
                    for name in result.missing:
                        label = fact_text(name, t)
                        if label not in view.needed:
                            view.needed.append(label)
                view.next_step = t(_next_step(review[0], None))
        views.append(view)
    return views


def remaining_views(screening: Screening) -> list[dict[str, Any]]:
    return [
        {
            "name": item.path.name,
            "section": item.path.section,
            "text": item.path.text,
            "where_to_start": item.path.where_to_start,
            "charges": [f"{case}/{charge}" for case, charge in item.charges],
        }
        for item in screening.remaining_paths
    ]

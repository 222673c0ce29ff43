"""Plain-language sentences for results: what a person reads in the table and the web app."""

from __future__ import annotations

from .evaluate import Result
from .lang import Status

FACT_LABELS = {
    "birth_date": "date of birth",
    "death_date": "date of death",
    "arrest_date": "arrest date",
    "offense_date": "offense date",
    "disposition": "how the charge ended (disposition)",
    "disposition_date": "date the charge ended",
    "grade": "grade of the offense",
    "statute": "statute charged",
    "incarceration_start": "date incarceration began",
    "incarceration_end": "release date",
    "probation_start": "date probation began",
    "probation_end": "date probation ended",
    "probation_completed": "whether probation was completed",
    "supervision": "kind of supervision (probation, parole, PRCS, mandatory supervision or none)",
    "incarceration_end_scheduled": "whether the release date is only scheduled",
    "probation_end_scheduled": "whether the end of supervision is only scheduled",
    "fines_costs_owed": "fines and costs still owed",
    "restitution_owed": "restitution still owed",
    "state_prison": "whether the sentence was served in state prison",
    "pardoned": "whether the conviction was pardoned",
    "jurisdiction": "state of the case",
}


def fact_label(name: str) -> str:
    if name.startswith("other_charges."):
        return f"{fact_label(name.removeprefix('other_charges.'))} of another charge"
    return FACT_LABELS.get(name, name.replace("_", " "))


def scheduled_note(result: Result) -> str:
    """The sentence naming the scheduled dates a result rests on (docs/record-format.md#scheduled-dates)."""
    if not result.depends_on:
        return ""
    what = {"incarceration_end": "release", "probation_end": "end of supervision"}
    dates = "; ".join(
        f"{what.get(d.field, d.field)} on {d.date.isoformat()} (case {d.case_id})" for d in result.depends_on
    )
    return f" This depends on a date still to come, as scheduled: {dates}."


def summary(result: Result) -> str:
    """One sentence: the status and, where relevant, the date, the missing facts or the reason."""
    relief = result.rule.relief.value.replace("_", " ")
    how = "automatically" if result.rule.automatic else "by petition"
    if result.status is Status.ELIGIBLE_NOW:
        return f"Eligible now for {relief} ({how})." + scheduled_note(result)
    if result.status is Status.ELIGIBLE_ON:
        when = result.eligible_on.isoformat() if result.eligible_on else "a later date"
        return f"Eligible for {relief} on {when} ({how}), if nothing changes before then." + scheduled_note(result)
    if result.status is Status.NEEDS_REVIEW:
        if result.missing:
            return "Needs review: missing " + ", ".join(fact_label(m) for m in result.missing) + "."
        # Every fact is known, but the law turns on something the record cannot show.
        open_questions = [c.text for c in result.trace if c.holds is None]
        return "Needs review by a lawyer: " + " ".join(open_questions)
    failed = [c.text for c in result.trace if c.holds is False]
    return "Not eligible. The law requires: " + (failed[0] if failed else "a condition that is not met.")


def headline(results: tuple[Result, ...]) -> str:
    """The one sentence a person reads first about a charge: can it be cleared, when, or why not."""
    now = [r for r in results if r.status is Status.ELIGIBLE_NOW]
    if now:
        return "This charge can be cleared now."
    later = sorted(
        (r for r in results if r.status is Status.ELIGIBLE_ON and r.eligible_on), key=lambda r: r.eligible_on or 0
    )
    if later:
        first = later[0]
        relief = first.rule.relief.value.replace("_", " ")
        when = first.eligible_on.isoformat() if first.eligible_on else "a later date"
        return (
            f"Nothing clears this charge now. The earliest relief is {relief} on {when} "
            f"({first.rule.section}), if nothing changes before then."
        )
    if any(r.status is Status.NEEDS_REVIEW for r in results):
        return "This charge might be cleared; a lawyer needs a few more facts (below)."
    reasons: list[str] = []
    for result in results:
        failed = next((c.text for c in result.trace if c.holds is False), None)
        if failed and failed not in reasons:
            reasons.append(failed)
    why = " ".join(f"({i}) {text}" for i, text in enumerate(reasons[:3], start=1))
    return "No record relief in the law applies to this charge. Each law requires something this charge lacks: " + why

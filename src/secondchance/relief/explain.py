"""Plain-language sentences for results: what a person reads in the table and the web app.

Three rules keep the sentences true and short:

* "needs review" is said only of an *open question* (``screen.open_question``): a result whose
  missing facts could change what the person can do today. A result that cannot apply before a
  later day says "not before <date>"; one that cannot beat a decided result of the same relief
  says so; neither asks for facts.
* Missing facts are named in the person's words and point at the case ("the date you were
  released for case CP-…"), never by field name (``missing_text``). A point only a lawyer can
  settle (``question.<check>`` in ``missing``: an offense on no list) is named as that point.
* A reason why not is offered only from a rule that concerns the charge (``Result.concerns``) and
  was not decided by an assumption (that one is said as "if you receive a pardon: …").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from ..records.defaults import DEFAULTS
from ..records.model import Row
from .evaluate import Result
from .lang import QUESTION, Condition, Rule, Status, Wait

#: Each fact as a thing to find out, in the person's words. ``%(which)s`` is the case or charge it
#: belongs to (``WHICH``), or the person's other cases or charges. These are also the web's msgids.
FACT_LABELS = {
    "birth_date": "your date of birth",
    "death_date": "the date of death",
    "arrest_date": "the date you were arrested for %(which)s",
    "offense_date": "the date of the offense for %(which)s",
    "disposition": "how %(which)s ended (guilty, not guilty, dismissed, withdrawn, …)",
    "disposition_date": "the date %(which)s ended (the verdict, plea or dismissal)",
    "grade": "the grade of %(which)s (for example M2 or F3, felony or misdemeanor)",
    "statute": "the law (statute section) of %(which)s",
    "county": "the county of %(which)s",
    "incarcerated": "whether you served time in jail or prison for %(which)s",
    "incarceration_start": "the date you went into jail or prison for %(which)s",
    "incarceration_end": "the date you were released for %(which)s",
    "probation_granted": "whether you were given probation for %(which)s",
    "probation_start": "the date your probation began for %(which)s",
    "probation_end": "the date your probation ended for %(which)s",
    "probation_completed": "whether you completed probation for %(which)s",
    "supervision": "the kind of supervision for %(which)s (probation, parole, PRCS, mandatory supervision or none)",
    "incarceration_end_scheduled": "whether your release date for %(which)s is only scheduled",
    "probation_end_scheduled": "whether the end of your supervision for %(which)s is only scheduled",
    "fines_costs_owed": "how much you still owe in fines and court costs for %(which)s",
    "restitution_owed": "how much restitution you still owe for %(which)s",
    "state_prison": "whether you served the sentence for %(which)s in state prison",
    "pardoned": "whether you were pardoned for %(which)s",
    "jurisdiction": "the state of %(which)s",
}
#: The probation fields hold the dates of whatever supervision the record names (``supervision``):
#: for parole, PRCS or mandatory supervision, the person is asked about "your supervision", not probation.
SUPERVISION_LABELS = {
    "probation_granted": "whether you were under supervision after custody for %(which)s",
    "probation_start": "the date your supervision began for %(which)s",
    "probation_end": "the date your supervision ended for %(which)s",
    "probation_completed": "whether you completed your supervision for %(which)s",
}
#: How ``%(which)s`` names the charge or case; msgids too.
WHICH = {
    "case": "case %(case)s",
    "charge": "charge %(charge)s of case %(case)s",
    "other_cases": "each of your other cases",
    "other_charges": "each of your other charges",
    "this": "this charge",
}
CASE_FACTS = frozenset({"arrest_date", "county", "jurisdiction"})
SENTENCE_FACTS = frozenset(
    {
        "incarcerated",
        "incarceration_start",
        "incarceration_end",
        "probation_granted",
        "probation_start",
        "probation_end",
        "probation_completed",
        "fines_costs_owed",
        "restitution_owed",
        "state_prison",
    }
)

Translate = Callable[[str], str]


def open_question(result: Result) -> bool:
    """A needs-review result whose missing facts could change what the person can do today.

    Not one that cannot beat a decided result of the same relief (``cannot_improve``), nor one
    that cannot apply before a later day whatever the facts (``not_before``).
    """
    return result.status is Status.NEEDS_REVIEW and not result.cannot_improve and result.not_before is None


def scheduled_note(result: Result) -> str:
    """The sentence naming the scheduled dates a result rests on (docs/record-format.md#scheduled-dates)."""
    if not result.depends_on:
        return ""
    what = {"incarceration_end": "release", "probation_end": "end of supervision"}
    dates = "; ".join(
        f"{what.get(d.field, d.field)} on {d.date.isoformat()} (case {d.case_id})" for d in result.depends_on
    )
    return f" This depends on a date still to come, as scheduled: {dates}."


def rank(result: Result) -> tuple[int, date]:
    """Most helpful first: eligible now; the earliest date; an open question; "not before" a date
    (earliest first); a question that cannot improve on a decided answer; not eligible."""
    if result.status is Status.ELIGIBLE_NOW:
        return (0, date.min)
    if result.status is Status.ELIGIBLE_ON:
        return (1, result.eligible_on or date.max)
    if result.status is Status.NEEDS_REVIEW:
        if result.cannot_improve:
            return (4, date.max)
        return (3, result.not_before) if result.not_before else (2, date.min)
    return (5, date.max)


def _same(text: str) -> str:
    return text


def is_question(name: str) -> bool:
    """Whether a ``missing`` name is a point for a lawyer (``lang.question``), not a fact of the record."""
    return name.startswith(QUESTION)


def lawyer_point(name: str, rule: Rule | None) -> str:
    """The point a lawyer must settle for ``question.<check id>``: the check's own sentence."""
    check_id = name.removeprefix(QUESTION)
    checks: tuple[Condition | Wait, ...] = (*rule.conditions, *rule.waits) if rule is not None else ()
    return next((check.text for check in checks if check.id == check_id), check_id.replace("_", " "))


def facts_and_points(result: Result) -> tuple[list[str], list[str]]:
    """``result.missing`` split in two: facts of the record (names), and the points a lawyer must settle
    (their sentences). Every place that words a needs-review answer says the two differently."""
    facts = [name for name in result.missing if not is_question(name)]
    points = [lawyer_point(name, result.rule) for name in result.missing if is_question(name)]
    return facts, points


def fact_question(
    name: str, row: Row | None = None, rows: Sequence[Row] = (), t: Translate = _same, rule: Rule | None = None
) -> str:
    """A missing fact in the person's words, naming the case or charge it belongs to.

    A sentence fact names the case when the case has one charge (the usual docket), else the charge.
    A lawyer's question (``is_question``) is named by the point to settle, from ``rule``.
    """
    if is_question(name):
        return t("a lawyer's answer on this point: %(point)s") % {"point": lawyer_point(name, rule)}
    other = name.startswith("other_charges.")
    fact = name.removeprefix("other_charges.")
    template = FACT_LABELS.get(fact)
    if row is not None and not other and row.get("supervision") not in (None, "probation", "none"):
        template = SUPERVISION_LABELS.get(fact, template)
    if template is None:
        return t("a fact of the record: %(fact)s") % {"fact": fact.replace("_", " ")}
    if "%(which)s" not in template:
        return t(template)
    if other:
        which = t(WHICH["other_cases" if fact in CASE_FACTS else "other_charges"])
    elif row is None:
        which = t(WHICH["this"])
    else:
        in_case = sum(1 for r in rows if r["case_id"] == row["case_id"])
        by_case = fact in CASE_FACTS or (fact in SENTENCE_FACTS and in_case <= 1)
        which = t(WHICH["case" if by_case else "charge"]) % {"case": row["case_id"], "charge": row["charge_id"]}
    return t(template) % {"which": which}


def missing_text(result: Result, row: Row | None = None, rows: Sequence[Row] = (), t: Translate = _same) -> list[str]:
    """``result.missing`` in the person's words, in the same order."""
    return [fact_question(name, row, rows, t, result.rule) for name in result.missing]


def assumption_text(fact: str) -> str:
    return DEFAULTS[fact].assumed


def _relief(result: Result) -> str:
    return result.rule.called or result.rule.relief.value.replace("_", " ")


def _how(result: Result) -> str:
    return "automatically" if result.rule.automatic else "by petition"


def conditional_text(fact: str, result: Result) -> str:
    """What a defaulted fact would open were it otherwise, e.g. "If you receive a pardon: expungement …"."""
    when = ""
    if result.status is Status.ELIGIBLE_ON and result.eligible_on:
        when = f" on {result.eligible_on.isoformat()}"
    elif result.status is Status.NEEDS_REVIEW:
        when = " (a lawyer checks the rest)"
    otherwise = DEFAULTS[fact].otherwise
    opens = f"{_relief(result)} under {result.rule.section}{when} ({_how(result)})"
    return f"{otherwise[0].upper()}{otherwise[1:]}: {opens}."


def waits_on_default(result: Result) -> tuple[str, ...]:
    """The defaulted facts (``records.defaults``) that alone make this result fail, e.g. ``("pardoned",)``.

    Such a failure is not a reason why not but a path: "only if you receive a pardon".
    """
    if result.status is not Status.NOT_ELIGIBLE:
        return ()
    read: set[str] = set()
    for check in result.trace:
        if check.holds is False:
            read.update(check.facts)
    return tuple(sorted(read)) if read and read <= DEFAULTS.keys() else ()


def already_granted(result: Result) -> str | None:
    """The grants (``relief_granted``) that make this rule's relief already given, or None.

    A rule fails its ``not_already_granted`` condition when the record (a RAP sheet) shows the relief
    was granted; that is not a reason why not but the answer: "already granted", citing the record.
    """
    if result.status is not Status.NOT_ELIGIBLE:
        return None
    for check in result.trace:
        if check.id == "not_already_granted" and check.holds is False:
            listed = str(check.facts.get("relief_granted") or "")
            return ", ".join(item.replace("-", " § ", 1) for item in listed.split(";") if item) or "the record"
    return None


def reason(result: Result) -> str | None:
    """The requirement this result fails, if it is worth telling the person (see the module docstring)."""
    if result.status is not Status.NOT_ELIGIBLE or not result.concerns or result.assumptions:
        return None
    if waits_on_default(result):
        return None
    return next((c.text for c in result.trace if c.holds is False), None)


def _pending_waits(result: Result) -> str:
    """The waiting periods not over on the as-of day (ending later, or not yet known), as sentences."""
    texts = [c.text for c in result.trace if c.kind == "wait" and c.holds is not True]
    return " ".join(texts)


def summary(result: Result, row: Row | None = None, rows: Sequence[Row] = ()) -> str:
    """One sentence: the status and, where relevant, the date, the missing facts or the reason."""
    relief, how = _relief(result), _how(result)
    assumed = "".join(f" {assumption_text(a)}" for a in result.assumptions)
    if result.status is Status.ELIGIBLE_NOW:
        return f"Eligible now for {relief} ({how}).{assumed}" + scheduled_note(result)
    if result.status is Status.ELIGIBLE_ON:
        when = result.eligible_on.isoformat() if result.eligible_on else "a later date"
        return f"Eligible for {relief} on {when} ({how}), if nothing changes before then.{assumed}" + scheduled_note(
            result
        )
    if result.status is Status.NEEDS_REVIEW:
        if result.cannot_improve:
            return f"Might also apply, but cannot do better than the {relief} above; nothing more is needed for it."
        if result.not_before is not None:
            pending = _pending_waits(result)
            return (
                f"Not before {result.not_before.isoformat()}. Waiting periods not over yet: {pending} Check again then."
            )
        facts, points = facts_and_points(result)
        said = ["we need " + "; ".join(fact_question(m, row, rows) for m in facts) + "."] if facts else []
        if points:  # every fact it reads is known, but the law turns on something the record cannot show
            said.append("A lawyer must check: " + " ".join(points))
        return "Needs review: " + " ".join(said)
    if not result.concerns:
        return "Does not apply to this kind of charge."
    granted = already_granted(result)
    if granted is not None:
        return f"Already granted: the record shows relief granted under {granted}, so it is not offered again."
    opened_by = waits_on_default(result) or result.assumptions
    if opened_by:
        otherwise = " or ".join(DEFAULTS[a].otherwise for a in opened_by)
        return f"Only {otherwise} (see the paths below).{assumed}"
    why = reason(result)
    return "Not eligible. The law requires: " + (why or "a condition that is not met.")


def headline(results: tuple[Result, ...]) -> str:
    """The one sentence a person reads first about a charge: can it be cleared, when, or why not.

    Decided answers lead. An open question (``screen.open_question``) is mentioned when it could do
    better than the decided answer; a "not before" result only when nothing decided is earlier.
    """
    if any(r.status is Status.ELIGIBLE_NOW for r in results):
        return "This charge can be cleared now."
    ordered = sorted(results, key=rank)
    later = [r for r in ordered if r.status is Status.ELIGIBLE_ON and r.eligible_on]
    asks = [r for r in ordered if open_question(r)]
    deferred = [r for r in ordered if r.status is Status.NEEDS_REVIEW and r.not_before and not r.cannot_improve]
    if asks:
        first = asks[0]
        points = sum(1 for m in first.missing if is_question(m))
        if points < len(first.missing):
            needs = "we need a few facts (below)."
        else:
            needs = f"a lawyer needs to check {'one point' if points == 1 else 'a few points'} (below)."
        text = f"This charge might be cleared now by {_relief(first)} ({first.rule.section}); {needs}"
        if later:
            sure = later[0]
            text += f" If not, {_relief(sure)} on {sure.eligible_on} ({sure.rule.section})."
        return text
    if later:
        first = later[0]
        text = (
            f"Nothing clears this charge now. The earliest relief is {_relief(first)} on {first.eligible_on} "
            f"({first.rule.section}), if nothing changes before then."
        )
        sooner = [r for r in deferred if r.not_before and first.eligible_on and r.not_before < first.eligible_on]
        if sooner:
            maybe = sooner[0]
            text += (
                f" Possibly sooner: {_relief(maybe)} from {maybe.not_before} ({maybe.rule.section}), "
                "depending on facts to check then."
            )
        return text
    if deferred:
        first = deferred[0]
        return (
            f"Nothing clears this charge now. The earliest any law could is {first.not_before} "
            f"({_relief(first)}, {first.rule.section}); check again then."
        )
    reasons: list[str] = []
    for result in results:
        why = reason(result)
        if why and why not in reasons:
            reasons.append(why)
    if not reasons:
        return "No record relief in the law applies to this charge."
    why = " ".join(f"({i}) {text}" for i, text in enumerate(reasons[:3], start=1))
    return "No record relief in the law applies to this charge. Each law requires something this charge lacks: " + why

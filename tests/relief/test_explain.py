"""What a person reads first: decided answers lead, only open questions ask, in the person's words."""

from __future__ import annotations

from datetime import date
from typing import Any

from secondchance.records.model import Case, Charge, Person, Row, Sentence
from secondchance.relief import Status, screen, to_json
from secondchance.relief.evaluate import Result
from secondchance.relief.explain import fact_question, headline, open_question, reason, summary

AS_OF = date(2026, 11, 23)
DONE = Sentence(
    incarcerated=False,
    probation_granted=True,
    probation_start=date(2019, 6, 1),
    probation_end=date(2020, 6, 1),
    probation_completed=True,
    fines_costs_owed=0,
    restitution_owed=0,
)


def person(*charges: Charge, birth: date = date(1985, 3, 1), case: str = "CP-51-CR-0000042-2019") -> Person:
    return Person(
        id="p",
        birth_date=birth,
        cases=(Case(id=case, jurisdiction="PA", arrest_date=date(2019, 2, 1), charges=charges),),
    )


def assault(**changes: Any) -> Charge:
    facts: dict[str, Any] = {
        "id": "1",
        "statute": "18 Pa.C.S. § 2701(a)(1)",
        "description": "Simple assault",
        "grade": "M2",
        "disposition": "convicted",
        "disposition_date": date(2019, 6, 1),
        "sentence": DONE,
    }
    facts.update(changes)
    return Charge(**facts)


def by_rule(p: Person) -> dict[str, Result]:
    return {r.rule.id: r for c in screen(p, AS_OF).charges for r in c.results}


def test_a_silent_record_means_no_pardon_and_says_so() -> None:
    results = by_rule(person(assault()))
    for rule in ("PA-9122-a2.1-pardon", "PA-9122.2-a4-pardon"):
        result = results[rule]
        assert result.status is Status.NOT_ELIGIBLE and result.assumptions == ("pardoned",)
        assert summary(result).startswith("Only if you receive a pardon")
        assert "We assumed no pardon" in summary(result)
        assert reason(result) is None


def test_the_pardon_path_says_what_it_opens() -> None:
    # an M1 simple assault: § 9122.1(b)(1) bars a petition (punishable by more than two years), so not cleared
    payload = to_json(screen(person(assault(grade="M1")), AS_OF))
    pardon = next(p for p in payload["remaining_paths"] if p["id"] == "PA-pardon")
    texts = [u["text"] for u in pardon["unlocks"]]
    assert "If you receive a pardon: expungement under 18 Pa.C.S. § 9122(a)(2.1) (automatically)." in texts
    assert {u["rule"] for u in pardon["unlocks"]} == {"PA-9122-a2.1-pardon", "PA-9122.2-a4-pardon"}
    result = next(r for r in payload["charges"][0]["results"] if r["rule"] == "PA-9122-a2.1-pardon")
    assert result["assumptions"][0]["fact"] == "pardoned" and result["assumptions"][0]["value"] is False


def test_a_stated_pardon_needs_no_assumption() -> None:
    results = by_rule(person(assault(pardoned=True)))
    assert results["PA-9122-a2.1-pardon"].status is Status.ELIGIBLE_NOW
    assert results["PA-9122-a2.1-pardon"].assumptions == ()


def test_an_article_b_misdemeanor_leads_with_the_clean_slate_exclusion_not_a_pardon_question() -> None:
    charge = screen(person(assault()), AS_OF).charges[0]
    clean_slate = next(r for r in charge.results if r.rule.id == "PA-9122.2-a1-misdemeanor")
    assert clean_slate.status is Status.NOT_ELIGIBLE and clean_slate.concerns
    assert "offence against the person" in (reason(clean_slate) or "")
    assert not any(open_question(r) for r in charge.results if "pardon" in r.rule.id)
    assert "pardon" not in headline(charge.results).lower()


def test_a_rule_that_cannot_apply_before_a_later_day_does_not_ask_for_facts() -> None:
    """§ 9122(b)(1) for someone who turns 70 in 2055, release date unknown: "not before 2055", no questions."""
    unknown_release = Sentence(incarcerated=True, probation_granted=False)
    charge = screen(person(assault(grade="F1", sentence=unknown_release)), AS_OF).charges[0]
    age_70 = next(r for r in charge.results if r.rule.id == "PA-9122-b1-age-70")
    assert age_70.status is Status.NEEDS_REVIEW and age_70.missing  # the machine list stays
    assert age_70.not_before == date(2055, 3, 1) and not open_question(age_70)
    assert summary(age_70).startswith("Not before 2055-03-01.")
    assert "date you were released" not in summary(age_70)
    assert "2055-03-01" in headline(charge.results) and "might be cleared" not in headline(charge.results)


def test_a_question_that_cannot_beat_a_decided_answer_does_not_lead() -> None:
    withdrawn = Charge(id="2", grade="M2", disposition="withdrawn", disposition_date=date(2019, 6, 1))
    charge = screen(person(assault(sentence=Sentence()), withdrawn), AS_OF).charges[1]
    age_70 = next(r for r in charge.results if r.rule.id == "PA-9122-b1-age-70")
    assert age_70.status is Status.NEEDS_REVIEW and age_70.cannot_improve
    assert charge.best is not None and charge.best.status is Status.ELIGIBLE_NOW
    assert headline(charge.results) == "This charge can be cleared now."


def test_rules_about_other_kinds_of_charges_are_not_reasons_why_not() -> None:
    pending = Charge(id="1", grade="M2", disposition="pending")
    charge = screen(person(pending), AS_OF).charges[0]
    scoped = [r for r in charge.results if not r.concerns]
    assert {r.rule.id for r in scoped} >= {"PA-9122-b2-deceased", "PA-9122-a2-nonconviction", "PA-9122-a2.1-pardon"}
    assert all(r.status is Status.NOT_ELIGIBLE and reason(r) is None for r in scoped)
    text = headline(charge.results)
    assert "has died" not in text and "ended in a conviction" not in text
    assert any(c.holds is False for r in scoped for c in r.trace)  # kept in the trace


def test_missing_facts_are_named_in_the_persons_words() -> None:
    row: Row = {"case_id": "CP-51-CR-0001234-2009", "charge_id": "2"}
    assert fact_question("incarceration_end", row, [row]) == "the date you were released for case CP-51-CR-0001234-2009"
    two: list[Row] = [row, {"case_id": "CP-51-CR-0001234-2009", "charge_id": "3"}]
    assert fact_question("grade", row, two).startswith("the grade of charge 2 of case CP-51-CR-0001234-2009")
    assert fact_question("other_charges.arrest_date") == "the date you were arrested for each of your other cases"
    assert fact_question("probation_end", row, [row]) == "the date your probation ended for case CP-51-CR-0001234-2009"


def test_supervision_dates_are_asked_by_the_kind_the_record_names() -> None:
    """The probation fields hold parole, PRCS or mandatory supervision dates too: ask in those words."""
    for kind in ("parole", "prcs", "mandatory_supervision"):
        row: Row = {"case_id": "SC-1", "charge_id": "1", "supervision": kind}
        assert fact_question("probation_end", row, [row]) == "the date your supervision ended for case SC-1"
        assert "probation" not in fact_question("probation_completed", row, [row])
    row = {"case_id": "SC-1", "charge_id": "1", "supervision": "probation"}
    assert fact_question("probation_start", row, [row]) == "the date your probation began for case SC-1"
    p = person(assault(grade=None))
    payload = to_json(screen(p, AS_OF))
    for result in payload["charges"][0]["results"]:
        assert len(result["missing_text"]) == len(result["missing"])
        assert not any("_" in text for text in result["missing_text"])


def test_an_undecided_wait_still_bounds_the_day_from_below() -> None:
    """Clean Slate's "free from conviction" clock: another conviction's date is unknown, but the clock
    cannot end before seven years after this conviction, so the answer is "not before 2031", not a question."""
    paid = Sentence(incarcerated=False, probation_granted=False, fines_costs_owed=0, restitution_owed=0)
    theft = Charge(
        id="1",
        statute="18 Pa.C.S. § 3929(a)(1)",
        grade="M2",
        disposition="convicted",
        disposition_date=date(2024, 1, 1),
        sentence=paid,
    )
    undated = Charge(id="1", statute="18 Pa.C.S. § 3921(a)", grade="M1", disposition="convicted", sentence=paid)
    p = Person(
        id="p",
        birth_date=date(1990, 1, 1),
        cases=(
            Case(id="A", jurisdiction="PA", arrest_date=date(2023, 10, 1), charges=(theft,)),
            Case(id="B", jurisdiction="PA", charges=(undated,)),
        ),
    )
    charge = screen(p, AS_OF).charges[0]
    clean_slate = next(r for r in charge.results if r.rule.id == "PA-9122.2-a1-misdemeanor")
    assert clean_slate.status is Status.NEEDS_REVIEW and clean_slate.missing == ("other_charges.disposition_date",)
    assert clean_slate.not_before == date(2031, 1, 1) and not open_question(clean_slate)
    assert headline(charge.results).startswith(
        "Nothing clears this charge now. The earliest any law could is 2031-01-01"
    )

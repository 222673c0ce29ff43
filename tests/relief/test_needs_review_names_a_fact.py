"""A needs-review answer names what is missing, so the person knows what to find out or whom to ask.

A condition the record cannot decide although every fact it reads is known (a lawyer's question: is this
offense a sex offense? were the other charges of an acquitted case dismissed before the verdict?) is named
``question.<condition id>`` in ``missing``, by both engines (tests/relief/test_cases.py runs the YAML cases
through both; tests/bulk/test_differential.py compares them on random people), and said as the point a
lawyer must check. One example per state; the property over random people is in test_properties.py.
"""

from __future__ import annotations

from datetime import date

import pytest

from secondchance.records.model import Case, Charge, Person, Sentence
from secondchance.relief import Status, screen
from secondchance.relief.explain import missing_text, open_question, summary

AS_OF = date(2026, 11, 23)
DONE = Sentence(incarcerated=False, supervision="none", fines_costs_owed=0.0, restitution_owed=0.0)


def charge(id: str, statute: str, grade: str, disposition: str) -> Charge:
    return Charge(
        id=id,
        statute=statute,
        grade=grade,
        offense_date=date(2008, 1, 1),
        disposition=disposition,
        disposition_date=date(2009, 1, 5),
        sentence=DONE,
        pardoned=False,
    )


EXAMPLES = {
    # PA § 9122(a)(4): acquitted of an M1, another charge of the case dismissed (before or after the verdict?)
    "PA-9122-a4-acquittal": (
        "PA",
        (
            charge("1", "18 Pa.C.S. § 3925(a)", "M1", "not_guilty"),
            charge("2", "18 Pa.C.S. § 3929(a)(1)", "M2", "dismissed"),
        ),
    ),
    # LA art. 977(C)(1): a misdemeanor on no list (gambling) may be a sex offense
    "LA-977-A2-five-years": ("LA", (charge("1", "La. R.S. 14:90", "misdemeanor", "convicted"),)),
    # MO 610.140.3: an offense on no exclusion list
    "MO-610.140": ("MO", (charge("1", "RSMo 574.040", "misdemeanor_b", "convicted"),)),
}


@pytest.mark.parametrize("rule_id", sorted(EXAMPLES))
def test_a_needs_review_answer_names_what_is_missing(rule_id: str) -> None:
    state, charges = EXAMPLES[rule_id]
    person = Person(id="p", birth_date=date(1980, 1, 1), cases=(Case(id="c1", jurisdiction=state, charges=charges),))
    result = next(r for c in screen(person, AS_OF).charges[:1] for r in c.results if r.rule.id == rule_id)
    assert result.status is Status.NEEDS_REVIEW, result.status
    assert result.missing, f"{rule_id}: needs review with nothing named to ask"
    assert all(name.startswith("question.") for name in result.missing), result.missing
    text = " ".join(missing_text(result))
    undecided = next(check for check in result.trace if check.holds is None)
    assert text == f"a lawyer's answer on this point: {undecided.text}"
    if open_question(result):  # (PA's acquittal cannot beat the decided expungement of the same charge)
        assert summary(result) == f"Needs review: A lawyer must check: {undecided.text}"

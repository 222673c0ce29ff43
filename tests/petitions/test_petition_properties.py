"""Properties over generated people: papers never rest on a result that is not available, every
charge is accounted for (a paper, automatic relief, or a reason), and unknown facts never crash."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from secondchance.petitions import decide, make_packet
from secondchance.petitions.decide import HORIZON
from secondchance.petitions.render import render_text
from secondchance.records import Person
from secondchance.relief import Status, screen
from secondchance.testing.strategies import people

AS_OF = date(2026, 11, 29)


@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(people(max_cases=3), st.sampled_from(["en", "es"]))
def test_papers_rest_on_available_results(person: Person, lang: str) -> None:
    """``make check``'s budget: 15 people; ``make test`` adds 60 more (below)."""
    papers_rest_on_available_results(person, lang)


@pytest.mark.slow
@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(people(max_cases=3), st.sampled_from(["en", "es"]))
def test_papers_rest_on_available_results_for_many(person: Person, lang: str) -> None:
    papers_rest_on_available_results(person, lang)


def papers_rest_on_available_results(person: Person, lang: str) -> None:
    screening = screen(person, AS_OF)
    decision = decide(person, screening)
    for plan in decision.plans:
        assert plan.state in ("PA", "CA")
        for ground in plan.grounds:
            result = ground.result
            assert result.status in (Status.ELIGIBLE_NOW, Status.ELIGIBLE_ON)
            if result.status is Status.ELIGIBLE_ON:
                assert result.eligible_on is not None and result.eligible_on - AS_OF <= HORIZON
                assert plan.do_not_file_before is not None and plan.do_not_file_before >= result.eligible_on
    packet = make_packet(person, screening, lang=lang)
    assert packet.documents[0].kind == "checklist"
    for document in packet.documents:
        assert render_text(document)
    covered = {(p.case.id, g.charge.id) for p in decision.plans for g in p.grounds}
    for charge in screening.charges:
        key = (str(charge.row["case_id"]), str(charge.row["charge_id"]))
        if charge.row["jurisdiction"] not in ("PA", "CA") or key in covered:
            continue
        label = f"case {key[0]}"
        said = decision.automatic + decision.not_made
        assert any(label in line or f"case {charge.row['case_id']})" in line for line in said) or not charge.results

"""The web interview offers Missouri, asks its grades in Missouri's words, and screens under Missouri law."""

from __future__ import annotations

import json
from datetime import date

from fastapi.testclient import TestClient
from interview_driver import Interview

from secondchance.records import people_from_json


def test_a_missouri_conviction_through_the_interview(client: TestClient) -> None:
    interview = Interview(client)
    interview.post()  # intro
    assert "Missouri" in interview.page.text
    interview.post(state="MO")
    interview.post(birth="1981-10-07")
    interview.post(description="Possession of a controlled substance", statute="§ 579.015 RSMo")
    assert "Class D felony" in interview.page.text and "F3" not in interview.page.text
    interview.post(grade="felony_d")
    interview.post(disposition="convicted")
    interview.post(disposition_date="2012-11-15")
    interview.post(jail="no")
    assert "PRCS" not in interview.page.text
    interview.post(probation="probation")
    interview.post(probation_end="2016-06-30")
    interview.post(probation_completed="yes")
    interview.post(fines="no")
    interview.post(restitution="no")
    interview.post(pardon="no")
    interview.post(another="done")
    assert "RSMo 610.140" in interview.page.text
    record = json.loads(client.post("/check/download", data=interview.hidden()).text)
    charge = record["cases"][0]["charges"][0]
    assert record["cases"][0]["jurisdiction"] == "MO" and charge["grade"] == "felony_d"
    assert people_from_json(record, date.today())


def test_a_point_only_a_lawyer_can_settle_is_named_on_the_results_page(client: TestClient) -> None:
    """An offense on no exclusion list of 610.140.3 is a lawyer's question: the page says which point to
    check (the law's words) and whom to ask, not "some facts are missing" with nothing named."""
    interview = Interview(client)
    interview.post()
    interview.post(state="MO")
    interview.post(birth="1981-10-07")
    interview.post(description="Unlawful assembly", statute="§ 574.040 RSMo")
    interview.post(grade="misdemeanor_b")
    interview.post(disposition="convicted")
    interview.post(disposition_date="2012-11-15")
    interview.post(jail="no")
    interview.post(probation="no")
    interview.post(fines="no")
    interview.post(restitution="no")
    interview.post(pardon="no")
    interview.post(another="done")
    text = interview.page.text
    assert "What a lawyer must check:" in text
    assert "checked by a lawyer against subsection 3" in text
    assert "Ask legal aid or a lawyer about the point below." in text
    assert "Expungement may be possible. A lawyer must check if it applies." in text
    assert "Do this first: ask legal aid about the point under Unlawful assembly." in text
    assert "We need one more fact" not in text

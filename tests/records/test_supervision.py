"""The kind of supervision: accepted spellings, older records, and contradictions refused with reasons."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from secondchance.records import InvalidRecord, people_from_csv, people_from_json

AS_OF = date(2026, 11, 23)


def sentence_row(jurisdiction: str = "CA", **sentence: Any) -> dict[str, Any]:
    record = {
        "id": "p1",
        "cases": [{"id": "c1", "jurisdiction": jurisdiction, "charges": [{"id": "1", "sentence": sentence}]}],
    }
    return people_from_json(record, AS_OF)[0].rows()[0]


@pytest.mark.parametrize(
    ("given", "kind"),
    [
        ("probation", "probation"),
        ("Parole", "parole"),
        ("PRCS", "prcs"),
        ("Post-release community supervision", "prcs"),
        ("mandatory supervision", "mandatory_supervision"),
        ("MS", "mandatory_supervision"),
        ("none", "none"),
        ("None", "none"),
        ("no supervision", "none"),
        ("unknown", None),
        ("", None),
    ],
)
def test_kinds_and_their_spellings(given: str, kind: str | None) -> None:
    assert sentence_row(supervision=given)["supervision"] == kind


@pytest.mark.parametrize(("granted", "kind"), [(True, "probation"), (False, "none"), (None, None)])
def test_an_older_record_reads_probation_granted_as_the_kind(granted: bool | None, kind: str | None) -> None:
    assert sentence_row(probation_granted=granted)["supervision"] == kind


def test_probation_dates_alone_do_not_say_the_kind() -> None:
    assert sentence_row(probation_end="2020-01-01", probation_completed=True)["supervision"] is None


def test_parole_keeps_its_dates() -> None:
    row = sentence_row(supervision="parole", state_prison=True, incarcerated=True, probation_end="2020-01-01")
    assert (row["supervision"], row["probation_end"], row["probation_granted"]) == ("parole", date(2020, 1, 1), None)


@pytest.mark.parametrize(
    ("jurisdiction", "sentence", "reason"),
    [
        ("CA", {"supervision": "weekly"}, "unknown CA supervision 'weekly'; one of probation, parole, prcs,"),
        ("PA", {"supervision": "prcs"}, "unknown PA supervision 'prcs'; one of probation, parole, none"),
        ("PA", {"supervision": "mandatory_supervision"}, "unknown PA supervision"),
        ("CA", {"supervision": "parole", "probation_granted": True}, "is parole, but probation_granted is true"),
        ("CA", {"supervision": "none", "probation_granted": True}, "is none, but probation_granted is true"),
        ("CA", {"supervision": "parole", "probation_granted": False}, "is parole, but probation_granted is false"),
        (
            "CA",
            {"supervision": "probation", "probation_granted": False},
            "is probation, but probation_granted is false",
        ),
        ("CA", {"supervision": "none", "probation_end": "2020-01-01"}, "is none, but probation_end is given"),
        (
            "PA",
            {"supervision": "parole", "incarcerated": False},
            "is parole, which follows a prison term, but incarcerated is false",
        ),
        ("CA", {"supervision": "prcs", "state_prison": False}, "is prcs, which follows state prison, but state_prison"),
        (
            "CA",
            {"supervision": "mandatory_supervision", "state_prison": True},
            "is mandatory_supervision, which follows county jail (PC 1170(h))",
        ),
    ],
)
def test_contradictions_are_refused_with_the_reason(jurisdiction: str, sentence: dict[str, Any], reason: str) -> None:
    with pytest.raises(InvalidRecord) as caught:
        sentence_row(jurisdiction, **sentence)
    assert any(p.field == "supervision" and p.reason.startswith(reason) for p in caught.value.problems), [
        str(p) for p in caught.value.problems
    ]


def test_pa_parole_after_county_jail_is_accepted() -> None:
    """Pennsylvania courts parole from county sentences: parole needs a prison term, not state prison."""
    row = sentence_row("PA", supervision="parole", state_prison=False, incarcerated=True)
    assert row["supervision"] == "parole"


def test_csv_reads_the_supervision_column() -> None:
    text = (
        "person_id,case_id,jurisdiction,charge_id,supervision,probation_end\n"
        "p1,c1,PA,1,none,\np1,c1,PA,2,parole,2020-01-01\n"
    )
    rows = people_from_csv(text, AS_OF)[0].rows()
    assert [r["supervision"] for r in rows] == ["none", "parole"]

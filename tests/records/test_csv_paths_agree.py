"""The two CSV readers — ``people_from_csv`` (a file held whole: the web upload, ``read``) and
``stream.iter_people`` (``screen`` on a file of any size) — read every row and header the same way."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from secondchance.records import InvalidRecord, people_from_csv
from secondchance.records.model import COLUMNS
from secondchance.records.stream import check_file, iter_people

AS_OF = date(2026, 11, 30)


def _csv(**values: str) -> str:
    row = {"person_id": "p1", "case_id": "c1", "charge_id": "1", "jurisdiction": "PA", **values}
    return ",".join(COLUMNS) + "\n" + ",".join(row.get(c, "") for c in COLUMNS) + "\n"


def test_probation_granted_alone_gives_the_same_supervision_by_both(tmp_path: Path) -> None:
    """An older record's ``probation_granted`` is a kind of supervision; the streaming reader skipped
    ``derive_supervision`` and left it unknown (found 2026-11-30)."""
    text = _csv(grade="M2", disposition="convicted", disposition_date="2010-06-01", probation_granted="true")
    path = tmp_path / "people.csv"
    path.write_text(text, encoding="utf-8")
    whole = people_from_csv(text, AS_OF)
    streamed = list(iter_people(str(path), AS_OF))
    assert streamed == whole
    assert streamed[0].cases[0].charges[0].sentence.supervision == "probation"


def test_a_repeated_column_is_refused_by_both(tmp_path: Path) -> None:
    """A column named twice would lose one of its values: both readers refuse the file, naming it."""
    header = ",".join([*COLUMNS, "grade"])
    text = header + "\n" + ",".join(["p1", "c1", "1", *([""] * (len(COLUMNS) - 3)), "M2"]) + "\n"
    path = tmp_path / "people.csv"
    path.write_text(text, encoding="utf-8")
    expected = "line 1 (header): grade: appears more than once (one value would be lost)"
    with pytest.raises(InvalidRecord) as whole:
        people_from_csv(text, AS_OF)
    with pytest.raises(InvalidRecord) as streamed:
        check_file(str(path), AS_OF)
    for caught in (whole, streamed):
        assert [f"{p.where}: {p.field}: {p.reason}" for p in caught.value.problems] == [expected]

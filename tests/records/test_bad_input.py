"""Every bad input is a listed problem naming the place and the reason (issue 16), never a traceback.

One test per defect found by probing; each failed before the strict readers (records/safe.py).
The property tests at the end use the oracle "InvalidRecord or success" on arbitrary bytes.
"""

from __future__ import annotations

import codecs
import json
import os
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from secondchance.records import InvalidRecord, load_people, people_from_json
from secondchance.records.safe import MAX_CHARGES_PER_PERSON, InputRefused, loads, spreadsheet_safe
from secondchance.records.stream import check_file, iter_people

AS_OF = date(2026, 11, 23)
HEADER = "person_id,case_id,charge_id,jurisdiction,grade,disposition,disposition_date,fines_costs_owed\n"
#: Hypothesis budget per reader in ``make test``; ``make fuzz`` raises it (FUZZ_EXAMPLES).
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "150"))


def person(**sentence: object) -> dict[str, object]:
    charge = {"id": "1", "grade": "M2", "disposition": "convicted", "disposition_date": "2019-01-05"}
    return {"id": "p1", "cases": [{"id": "c1", "jurisdiction": "PA", "charges": [{**charge, "sentence": sentence}]}]}


def problems_of(path: Path) -> list[str]:
    """Both readers (whole-file and streamed) refuse alike; the streamed one's messages are returned."""
    with pytest.raises(InvalidRecord):
        load_people(str(path), AS_OF)
    with pytest.raises(InvalidRecord) as caught:
        check_file(str(path), AS_OF)
    return [str(p) for p in caught.value.problems]


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    if isinstance(data, str):
        data = data.encode()
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("amount", ["inf", "Infinity", "-inf", "nan", "NaN", "1e999", "9" * 400])
def test_non_finite_amount_text_is_refused(amount: str) -> None:
    with pytest.raises(InvalidRecord) as caught:
        people_from_json(person(fines_costs_owed=amount), AS_OF)
    (problem,) = caught.value.problems
    assert problem.field == "fines_costs_owed"
    assert "finite" in problem.reason, problem.reason  # NaN is no longer "cannot be negative"


def test_implausible_amount_is_refused() -> None:
    with pytest.raises(InvalidRecord, match="not plausible"):
        people_from_json(person(fines_costs_owed=1e300), AS_OF)


@pytest.mark.parametrize(
    ("literal", "said"),
    [
        ("Infinity", "Infinity is not a number this format accepts; use a finite number"),
        ("-Infinity", "-Infinity is not a number this format accepts; use a finite number"),
        ("NaN", "NaN is not a number this format accepts; use a finite number"),
        ("1e999", "the number 1e999 is too large (not finite)"),
        ("-1e999", "the number -1e999 is too large (not finite)"),
    ],
)
def test_json_non_finite_numbers_are_refused(tmp_path: Path, literal: str, said: str) -> None:
    text = json.dumps(person(fines_costs_owed=0)).replace('"fines_costs_owed": 0', f'"fines_costs_owed": {literal}')
    assert problems_of(write(tmp_path, "r.json", text)) == [f"line 1: (json): {said}"]


def test_huge_digit_string_is_refused(tmp_path: Path) -> None:
    digits = "7" * 100_000
    text = json.dumps(person(fines_costs_owed=0)).replace('"fines_costs_owed": 0', f'"fines_costs_owed": {digits}')
    (problem,) = problems_of(write(tmp_path, "r.json", text))
    assert "100,000 characters" in problem


@pytest.mark.parametrize("depth", [50, 100_000])
def test_deep_nesting_is_refused(tmp_path: Path, depth: int) -> None:
    (problem,) = problems_of(write(tmp_path, "r.json", "[" * depth + "]" * depth))
    assert "nested more than 8 levels" in problem


def test_latin1_is_refused_by_name(tmp_path: Path) -> None:
    text = HEADER + "p1,c1,1,PA,M2,convicted,2019-01-05,0\n"
    path = write(tmp_path, "r.csv", text.replace("p1", "Zoë").encode("latin-1"))
    (problem,) = problems_of(path)
    assert "line 2" in problem and "0xEB" in problem and "Latin-1" in problem and "UTF-8" in problem


@pytest.mark.parametrize("name", ["r.csv", "r.json"])
def test_utf16_is_refused_by_name(tmp_path: Path, name: str) -> None:
    text = HEADER + "p1,c1,1,PA,M2,convicted,2019-01-05,0\n" if name.endswith("csv") else json.dumps(person())
    (problem,) = problems_of(write(tmp_path, name, text.encode("utf-16")))
    assert "UTF-16" in problem


@pytest.mark.parametrize("name", ["r.csv", "r.json"])
def test_utf8_bom_is_accepted(tmp_path: Path, name: str) -> None:
    """Excel's "CSV UTF-8" starts with a BOM; it used to be reported as "column person_id is missing"."""
    text = HEADER + "p1,c1,1,PA,M2,convicted,2019-01-05,0\n" if name.endswith("csv") else json.dumps(person())
    path = write(tmp_path, name, codecs.BOM_UTF8 + text.encode())
    assert [p.id for p in load_people(str(path), AS_OF)] == ["p1"]
    assert check_file(str(path), AS_OF) == 1
    assert [p.id for p in iter_people(str(path), AS_OF)] == ["p1"]


def test_lone_surrogate_is_refused(tmp_path: Path) -> None:
    text = json.dumps(person()).replace('"M2"', '"\\ud800"')
    (problem,) = problems_of(write(tmp_path, "r.json", text))
    assert "lone surrogate" in problem


def test_csv_field_over_128k_is_a_problem(tmp_path: Path) -> None:
    path = write(tmp_path, "r.csv", HEADER + "p1,c1,1,PA,M2,convicted,2019-01-05," + "1" * 200_000 + "\n")
    (problem,) = problems_of(path)
    assert "line" in problem and "field larger than field limit" in problem


def test_long_value_is_a_problem(tmp_path: Path) -> None:
    path = write(tmp_path, "r.csv", HEADER + "p1,c1,1,PA," + "M" * 5000 + ",convicted,2019-01-05,0\n")
    (problem,) = problems_of(path)
    assert problem.startswith("line 2: grade: a value of 5,000 characters")


def test_duplicate_json_keys_are_refused(tmp_path: Path) -> None:
    text = json.dumps(person()).replace('"grade": "M2"', '"grade": "M2", "grade": "F1"')
    (problem,) = problems_of(write(tmp_path, "r.json", text))
    assert "duplicate key 'grade'" in problem


@pytest.mark.parametrize("day", ["20190105", "2019-W01-6", "2019-005", "２０１９-01-05"])
def test_undocumented_date_forms_are_refused(day: str) -> None:
    raw = person()
    raw["cases"][0]["charges"][0]["disposition_date"] = day  # type: ignore[index]
    with pytest.raises(InvalidRecord, match="expected a date as YYYY-MM-DD"):
        people_from_json(raw, AS_OF)


def test_too_many_charges_per_person_is_refused(tmp_path: Path) -> None:
    rows = "".join(f"p1,c1,{i},PA,M2,convicted,2019-01-05,0\n" for i in range(MAX_CHARGES_PER_PERSON + 1))
    (problem,) = problems_of(write(tmp_path, "r.csv", HEADER + rows))
    assert "person p1: (charges)" in problem
    raw = person()
    charge = raw["cases"][0]["charges"][0]  # type: ignore[index]
    raw["cases"][0]["charges"] = [{**charge, "id": str(i)} for i in range(MAX_CHARGES_PER_PERSON + 1)]  # type: ignore[index]
    with pytest.raises(InvalidRecord, match="at most 500 per person"):
        people_from_json(raw, AS_OF)


def test_problems_are_capped_and_counted(tmp_path: Path) -> None:
    rows = "".join(f"p{i},c1,1,PA,Z9,convicted,2019-01-05,0\n" for i in range(1500))
    problems = problems_of(write(tmp_path, "r.csv", HEADER + rows))
    assert len(problems) == 1001 and problems[-1].endswith("500 more problem(s) not listed")


def test_people_of_a_csv_need_not_be_adjacent(tmp_path: Path) -> None:
    rows = ["p1,c1,1", "p2,c1,1", "p1,c2,1", "p3,c1,1", "p2,c1,2"]
    path = write(tmp_path, "r.csv", HEADER + "".join(f"{r},PA,M2,convicted,2019-01-05,0\n" for r in rows))
    assert check_file(str(path), AS_OF) == 3
    assert list(iter_people(str(path), AS_OF)) == load_people(str(path), AS_OF)
    assert [p.id for p in iter_people(str(path), AS_OF, only="p2")] == ["p2"]


@pytest.mark.parametrize("value", ['=HYPERLINK("http://x")', "+1", "-1", "@SUM(A1)", "\tx"])
def test_formula_cells_are_escaped(value: str) -> None:
    assert spreadsheet_safe(value) == "'" + value
    assert spreadsheet_safe("plain") == "plain" and spreadsheet_safe(-1.0) == -1.0


# ---- properties: arbitrary input is a documented error or a success ----------------------------

_FRAGMENTS = st.sampled_from(
    ['{"id":"p","cases":[{"id":"c","charges":[{"id":"1"', '"people":[', "1e999", "NaN", "-Infinity",
     '"\\ud800"', "[" * 30, "]", "}", ",", ":", '"grade":', '"2019-01-05"', "9" * 50, "\ufeff", "\x00", "\xe9"]
)  # fmt: skip
_JSON_TEXT = st.lists(st.one_of(_FRAGMENTS, st.text(max_size=8)), max_size=30).map("".join)
_BYTES = st.one_of(
    _JSON_TEXT.map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.binary(max_size=200),
    _JSON_TEXT.map(lambda t: t.encode("utf-16")),
)


def _read_all(path: Path) -> None:
    """The oracle: success, or InvalidRecord whose every problem names a place and a reason."""
    try:
        count = check_file(str(path), AS_OF)
    except InvalidRecord as error:
        assert error.problems and all(p.where and p.reason for p in error.problems)
        return
    people = list(iter_people(str(path), AS_OF))
    assert len(people) == count
    json.dumps([p.id for p in people], allow_nan=False).encode("utf-8")


@pytest.mark.slow
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=_BYTES)
def test_json_record_reader_never_crashes(tmp_path: Path, data: bytes) -> None:
    _read_all(write(tmp_path, "r.json", data))
    try:
        loads(data)
    except InputRefused as error:
        assert error.where and error.reason


_CELL = st.one_of(
    st.sampled_from(["", "PA", "CA", "M2", "felony", "convicted", "2019-01-05", "20190105", "inf", "1e999", "-5",
                     "NaN", "true", "=cmd", '"', "\n", "\r", "\x00", "p1", "c1", "1", "\ufeff"]),
    st.text(max_size=6),
)  # fmt: skip
_CSV_TEXT = st.lists(st.lists(_CELL, min_size=1, max_size=9), max_size=8).map(
    lambda rows: HEADER + "".join(",".join(row) + "\n" for row in rows)
)


@pytest.mark.slow
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=_CSV_TEXT, encoding=st.sampled_from(["utf-8", "utf-8-sig", "latin-1", "utf-16"]))
def test_csv_record_reader_never_crashes(tmp_path: Path, text: str, encoding: str) -> None:
    _read_all(write(tmp_path, "r.csv", text.encode(encoding, "replace")))


@pytest.mark.slow
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=300))
def test_csv_record_reader_never_crashes_on_bytes(tmp_path: Path, data: bytes) -> None:
    _read_all(write(tmp_path, "r.csv", HEADER.encode() + data))

"""One test per defect the fuzz harnesses (scripts/fuzz) found, each failing on the code before its fix."""

from __future__ import annotations

import csv
import warnings
from datetime import date
from pathlib import Path

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from secondchance.bulk.read import InputError, inspect, read_batches
from secondchance.bulk.run import Plan, run
from secondchance.directory.sources import Source, read_input_report
from secondchance.directory.validate import InvalidDirectory
from secondchance.records.safe import locate_undecodable
from secondchance.web.app import create_app
from secondchance.web.security import csrf_ok, sign, unsign
from secondchance.web.settings import Settings

AS_OF = date(2026, 11, 23)
HEADER = b"person_id,case_id,charge_id,jurisdiction,statute,grade,disposition,disposition_date\n"
GOOD = b"p1,c1,1,PA,x,M2,convicted,2019-01-05\n"


def test_bulk_header_with_bad_bytes_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_bytes(HEADER.replace(b"grade", b"gr\xdfde") + GOOD)
    with pytest.raises(InputError, match=r"line 1 \(header\): byte 0xDF is not UTF-8"):
        inspect(path)


def test_bulk_header_that_is_not_one_csv_line_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_bytes(b'person_id,"case_id\ncharge_id\n' + GOOD)
    with pytest.raises(InputError, match="line 1"):
        inspect(path)


@pytest.mark.parametrize("damage", ["garbage", "page"])
def test_damaged_parquet_is_an_input_error(tmp_path: Path, damage: str) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp_path / "in.parquet"
    if damage == "garbage":
        path.write_bytes(b"PAR1 not really")
        with pytest.raises(InputError, match="not a Parquet file"):
            inspect(path)
        return
    pq.write_table(
        pa.table({"person_id": ["p1"] * 50, "case_id": ["c"] * 50, "charge_id": list(map(str, range(50)))}), path
    )
    data = bytearray(path.read_bytes())
    data[8:40] = b"\x0e" * 32  # the first page header
    path.write_bytes(bytes(data))
    with pytest.raises(InputError, match="damaged"):
        list(read_batches(path))


def test_malformed_line_with_bad_bytes_is_a_reject(tmp_path: Path) -> None:
    """pyarrow decoded such a line before its invalid-row handler: the run ended (exit 2) with an
    unraisable UnicodeDecodeError; now the line is a reject naming the column count and the byte."""
    source = tmp_path / "in.csv"
    source.write_bytes(HEADER + GOOD + b"p2,c1,1,PA,x\xe9,M2\n" + GOOD.replace(b"p1", b"p3"))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        manifest = run(Plan(source, tmp_path / "out", AS_OF, "PA", 1), workers=1)
    assert manifest["counts"]["rejected_rows"] == 1 and manifest["counts"]["charges"] == 2
    (reject,) = csv.DictReader((tmp_path / "out" / "rejects.csv").read_text(encoding="utf-8").splitlines(keepends=True))
    assert reject["row"] == "2"
    assert reject["reason"] == "expected 8 values, got 6; byte 0xE9 is not UTF-8 (save the file as UTF-8)"


def test_plane_16_marks_do_not_change_good_text(tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    source.write_bytes(
        HEADER + GOOD.replace(b",x,", b",\xc2\xa7 3929 \xe2\x80\x94 \xf0\x9f\x98\x80,") + GOOD.replace(b"p1", b"p\xff")
    )
    (frame,) = list(read_batches(source))
    assert frame["statute"].to_list()[0] == "§ 3929 — 😀"
    assert frame["_problem"].to_list() == [None, "person_id: byte 0xFF is not UTF-8 (save the file as UTF-8)"]


def test_file_ending_inside_a_character_is_located(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes(b"a\nb\xc3")
    assert locate_undecodable(str(path)).where == "line 2"


@pytest.mark.parametrize(
    ("source", "files", "where"),
    [
        (Source.ohana, {"services.csv": b"id,location_id,name\n1,1,Caf\xe9\n"}, "services.csv"),
        (Source.hsds1, {"services.csv": b"id,name\ns1,Caf\xe9\n"}, "services.csv"),
        (Source.ohana, {"organizations.csv": b"name\nOrg\n", "services.csv": b"id,name\n1,Help\n"}, None),
        (Source.ohana, {"locations.csv": b"id,latitude\n1,north\n", "services.csv": b"id,name\n1,Help\n"}, None),
    ],
)
def test_directory_packages_with_bad_bytes_or_columns_are_listed_problems(
    tmp_path: Path, source: Source, files: dict[str, bytes], where: str | None
) -> None:
    for name, content in files.items():
        (tmp_path / name).write_bytes(content)
    with pytest.raises(InvalidDirectory) as refused:
        read_input_report(tmp_path, source, infer=True)
    (problem,) = refused.value.problems
    assert problem.reason
    if where:
        assert (problem.file, problem.row) == (where, 2) and "not UTF-8" in problem.reason


def test_non_ascii_state_signature_or_csrf_token_is_refused_not_a_500() -> None:
    token = sign("k" * 32, "interview", {"step": "intro"})
    assert unsign("k" * 32, "interview", token[:-1] + "é") is None
    assert not csrf_ok("k" * 32, "cookie", "é")
    client = TestClient(create_app(Settings(rate_limit_per_minute=0)))
    page = client.get("/check")
    csrf = page.text.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
    assert client.post("/check", data={"csrf_token": csrf, "interview": "a.é"}).status_code == 200
    assert client.post("/check", data={"csrf_token": "é", "interview": "a.b"}).status_code == 403


@pytest.mark.parametrize(
    "state",
    [
        {"step": "grade", "back": [], "person": {"cases": [{"charges": [1]}]}},
        {"step": "fines", "back": [], "person": {"cases": [{"charges": [{}]}]}},
        {"step": "intro", "back": [{}], "person": {"cases": []}},
        {"step": "grade", "back": [], "person": {"cases": [{"charges": [{"sentence": {}, "grade": {}}]}]}},
    ],
)
def test_a_forged_signed_state_starts_over_not_a_500(state: dict[str, object]) -> None:
    """Signed with the app's own key (a leaked key, an older release) yet not a shape the interview writes."""
    settings = Settings(rate_limit_per_minute=0)
    client = TestClient(create_app(settings))
    page = client.get("/check")
    csrf = page.text.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
    token = sign(settings.secret_key, "interview", state)
    for action in ("next", "back", "unknown"):
        response = client.post(
            "/check", data={"csrf_token": csrf, "interview": token, "action": action, "grade": "M2", "fines": "yes"}
        )
        assert response.status_code == 200


def test_a_column_twice_in_the_header_is_refused_by_both_readers(tmp_path: Path) -> None:
    """bulk: a polars DuplicateError/ComputeError traceback (found by bulk_csv); screen: silently last-wins."""
    from secondchance.records import InvalidRecord
    from secondchance.records.stream import check_file

    path = tmp_path / "in.csv"
    path.write_bytes(b"person_id,case_id,charge_id,statute,statute\np1,c1,1,a,b\n")
    with pytest.raises(InputError, match="column 'statute' appears more than once"):
        inspect(path)
    with pytest.raises(InvalidRecord) as refused:
        check_file(str(path), AS_OF)
    assert [str(p) for p in refused.value.problems] == [
        "line 1 (header): statute: appears more than once (one value would be lost)"
    ]


def test_a_column_twice_in_a_parquet_file_is_refused(tmp_path: Path) -> None:
    """polars' DuplicateError from the bulk_parquet fuzzer."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp_path / "in.parquet"
    names = ["person_id", "case_id", "charge_id", "grade", "grade"]
    pq.write_table(pa.Table.from_arrays([pa.array(["x"])] * 5, names=names), path)
    with pytest.raises(InputError, match="column 'grade' appears more than once"):
        run(Plan(path, tmp_path / "out", AS_OF, "PA", 1), workers=1)


@pytest.mark.parametrize(
    "descriptor",
    ["[1]", '{"resources": [1]}', '{"resources": [{"name": ["s"], "path": "x.csv"}]}', "{", "[" * 5000],
)
def test_a_garbled_datapackage_json_is_a_listed_problem_or_ignored(tmp_path: Path, descriptor: str) -> None:
    (tmp_path / "datapackage.json").write_text(descriptor)
    (tmp_path / "services.csv").write_text("id,name,status\ns1,Help,active\n")
    with pytest.raises(InvalidDirectory) as refused:
        read_input_report(tmp_path, Source.hsds, infer=True)
    assert all(p.file and p.reason for p in refused.value.problems)


def test_a_datapackage_json_cannot_point_outside_its_folder(tmp_path: Path) -> None:
    package = tmp_path / "package"
    package.mkdir()
    (tmp_path / "elsewhere.csv").write_text("id,name,status\nX,Outside,active\n")
    (package / "services.csv").write_text("id,name,status\ns1,Help,active\n")
    (package / "datapackage.json").write_text('{"resources": [{"name": "service", "path": "../elsewhere.csv"}]}')
    with pytest.raises(InvalidDirectory) as refused:
        read_input_report(package, Source.hsds, infer=True)
    assert "services.csv" in str(refused.value) and "elsewhere" not in str(refused.value)


def test_a_refused_header_does_not_abort_the_process_at_exit(tmp_path: Path) -> None:
    """pyarrow's threads, left by reading a header with a repeated name, ended the process with
    "terminate called without an active exception" (exit 134) after the InputError was handled."""
    import subprocess
    import sys

    path = tmp_path / "in.csv"
    path.write_bytes(  # the fuzzer's input as found
        b"person_id,case_id,charge_id,jurisdiction,statute,jurisdiction,statute,grade,disposition,disposition_date,"
        b"fines_costs_owed\n\np2,c1,1,PA,x,Q9,co\x92\x88icted,20190105,inf\n"
    )
    code = (
        "import sys; from datetime import date; from pathlib import Path\n"
        "from secondchance.bulk.read import InputError; from secondchance.bulk.run import Plan, run\n"
        "source = Path(sys.argv[1])\n"
        "try:\n    run(Plan(source, source.parent / 'out', date(2026, 11, 23), 'PA', 1), workers=1)\n"
        "except InputError:\n    print('refused')\n"
    )
    src = str(Path(__file__).resolve().parents[2] / "src")
    done = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, env={"PYTHONPATH": src}, timeout=120
    )
    assert (done.returncode, done.stdout.strip()) == (0, "refused"), done.stderr


def test_an_empty_key_is_named_in_the_api_error() -> None:
    """The web_upload fuzzer: ``{"": ...}`` in a charge gave an error whose field was empty."""
    client = TestClient(create_app(Settings(rate_limit_per_minute=0)))
    body = b'{"id": "p1", "cases": [{"id": "c1", "jurisdiction": "PA", "charges": [{"": {"x": 0}}]}]}'
    response = client.post("/api/v1/screen", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 422
    assert all(e["field"] and e["where"] and e["detail"] for e in response.json()["errors"])


@pytest.mark.parametrize("when", ["0015-06", "0015", "0003-02-01", "9999-12-31"])
def test_a_year_outside_the_calendar_the_engine_counts_in_is_a_listed_error(when: str) -> None:
    """The web_upload fuzzer: a partial date "0015-06" took the engine's look-back below year 1 (a 500)."""
    client = TestClient(create_app(Settings(rate_limit_per_minute=0)))
    charge = {"id": "1", "statute": "18-3929", "grade": "M2", "disposition": "convicted", "disposition_date": when}
    body = {"id": "p1", "cases": [{"id": "c1", "jurisdiction": "PA", "charges": [charge]}]}
    response = client.post("/api/v1/screen", json=body)
    assert response.status_code == 422
    assert "outside the years 1800-2200" in response.text


def test_bulk_refuses_the_same_years_from_text_and_from_stored_dates(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    text = tmp_path / "in.csv"
    text.write_bytes(HEADER + GOOD + b"p2,c1,1,PA,x,M2,convicted,0015-06-01\n")
    stored = tmp_path / "in.parquet"
    columns = {name: ["p1", "p2"] if name == "person_id" else ["c1", "c1"] for name in ("person_id", "case_id")}
    columns |= {"charge_id": ["1", "1"], "jurisdiction": ["PA", "PA"], "grade": ["M2", "M2"]}
    columns |= {"disposition": ["convicted", "convicted"]}
    pq.write_table(pa.table({**columns, "disposition_date": [date(2019, 1, 5), date(15, 6, 1)]}), stored)
    for source in (text, stored):
        out = tmp_path / f"out-{source.suffix[1:]}"
        manifest = run(Plan(source, out, AS_OF, "PA", 1), workers=1)
        assert manifest["counts"]["rejected_rows"] == 1 and manifest["counts"]["charges"] == 1
        (reject,) = csv.DictReader((out / "rejects.csv").read_text(encoding="utf-8").splitlines(keepends=True))
        assert reject["field"] == "disposition_date"
        assert reject["reason"] == "a date in the year 15 is outside the years 1800-2200"


def test_a_rap_sheet_pdf_whose_page_pypdf_cannot_parse_is_refused_not_a_500() -> None:
    """papers_pdf, 10-minute atheris run: pypdf's layout text extraction raised AssertionError on a
    damaged content stream; it escaped the reader (a 500 on the web and the API)."""
    from secondchance.papers.reading import DocumentRefused
    from secondchance.papers.registry import read_document_bytes

    data = (Path(__file__).parent / "crashes" / "rap-pdf-pypdf-assertion.pdf").read_bytes()
    with pytest.raises(DocumentRefused) as refused:
        read_document_bytes(data, "sheet.pdf")
    assert refused.value.file == "sheet.pdf" and refused.value.reason

"""The runner: reconciles every row, keeps persons whole, writes the same bytes every time."""

from __future__ import annotations

import fcntl
import json
from pathlib import Path

import polars as pl
import pyarrow.parquet as pq
import pytest
from bulk_support import AS_OF, ODD_REJECTED, ODD_UNSCREENED, REFERENCE, output_hashes, write_input

from secondchance.bulk import job as bulk_job
from secondchance.bulk import local as bulk_local
from secondchance.bulk.evaluate import evaluate_frame
from secondchance.bulk.job import select_rules
from secondchance.bulk.partition import read_spool, spool_input
from secondchance.bulk.run import Plan, ReconcileError, RunError, run
from secondchance.bulk.schema import CHARGE_SCHEMA
from secondchance.bulk.validate import validate

PEOPLE = 1_500


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    path = tmp_path_factory.mktemp("input") / "charges.csv"
    return path, write_input(path, PEOPLE)


def _plan(source: Path, out: Path, **kwargs: object) -> Plan:
    return Plan(source, out, AS_OF, "PA", **kwargs)  # type: ignore[arg-type]


def test_every_row_is_a_charge_or_a_reject(source: tuple[Path, int], tmp_path: Path) -> None:
    path, rows = source
    manifest = run(_plan(path, tmp_path / "out", partitions=3), workers=1)
    counts = manifest["counts"]
    assert counts["input_rows"] == rows
    assert counts["rejected_rows"] == ODD_REJECTED
    assert counts["unscreened_charges"] == ODD_UNSCREENED
    assert counts["input_rows"] == counts["charges"] + counts["rejected_rows"]
    rules = select_rules("PA", AS_OF)
    assert counts["results"] == counts["screened_charges"] * len(rules)
    assert [r["id"] for r in manifest["rules"]] == [r.id for r in rules]
    assert manifest["input"]["sha256"] and manifest["rules_sha256"]
    results = pl.read_parquet(tmp_path / "out" / "results")
    assert results.height == counts["results"]
    assert results.select("row", "rule").is_unique().all()
    rejects = pl.read_csv(tmp_path / "out" / "rejects.csv")
    assert rejects["row"].n_unique() == ODD_REJECTED
    assert set(rejects["row"]) == set(range(rows - 7, rows + 1)) - {rows - 5, rows - 2, rows - 1}
    assert sum(manifest["status"].values()) == counts["results"]


def test_results_are_in_input_order_within_each_partition(source: tuple[Path, int], tmp_path: Path) -> None:
    run(_plan(source[0], tmp_path / "out", partitions=3), workers=1)
    people: dict[str, int] = {}
    for index, part in enumerate(sorted((tmp_path / "out" / "results").glob("*.parquet"))):
        frame = pl.read_parquet(part)
        assert frame["row"].is_sorted()
        assert pq.ParquetFile(part).metadata.row_group(0).num_rows <= 65_536
        charges = pl.read_parquet(tmp_path / "out" / "charges" / part.name)
        assert charges["row"].is_sorted() and set(frame["row"]) <= set(charges["row"])
        for person in charges["person_id"].unique():
            assert people.setdefault(person, index) == index  # a person is in one partition only


def test_the_files_say_what_evaluate_frame_says(source: tuple[Path, int], tmp_path: Path) -> None:
    """Decoded with nothing but the manifest, the results files are evaluate_frame's answers."""
    manifest = run(_plan(source[0], tmp_path / "out", partitions=2), workers=1)
    results = pl.read_parquet(tmp_path / "out" / "results").with_columns(pl.col(pl.Categorical).cast(pl.Utf8))
    charges = pl.read_parquet(tmp_path / "out" / "charges")
    rules = {r["id"]: r for r in manifest["rules"]}

    def names(rule: str, mask: int, kind: str) -> list[str]:
        return [name for bit, name in enumerate(rules[rule][kind]) if mask >> bit & 1]

    got = {
        (row["person_id"], row["case_id"], row["charge_id"], row["rule"]): (
            row["status"],
            row["eligible_on"],
            names(row["rule"], row["missing"], "missing"),
            names(row["rule"], row["reasons"], "reasons"),
        )
        for row in results.join(charges, on="row").iter_rows(named=True)
    }
    accepted = pl.read_csv(source[0], infer_schema=False).with_row_index("row", offset=1)
    accepted = accepted.filter(pl.col("row").is_in(charges["row"].implode()))
    frame, _ = validate(accepted.rename({"row": "_row"}).with_columns(pl.lit(None, pl.Utf8).alias("_problem")), AS_OF)
    expected = {
        (row["person_id"], row["case_id"], row["charge_id"], row["rule"]): (
            row["status"],
            row["eligible_on"],
            row["missing"],
            row["reasons"],
        )
        for row in evaluate_frame(frame.select(list(CHARGE_SCHEMA)), AS_OF, select_rules("PA", AS_OF)).iter_rows(
            named=True
        )
    }
    assert got == expected


def test_the_explainer_plugged_in_writes_the_same_bytes(tmp_path: Path) -> None:
    source = tmp_path / "charges.csv"
    write_input(source, 150, seed=5)
    run(_plan(source, tmp_path / "compiled", partitions=2), workers=1)
    run(_plan(source, tmp_path / "explainer", partitions=2, evaluator=REFERENCE), workers=1)
    assert output_hashes(tmp_path / "compiled") == output_hashes(tmp_path / "explainer")


def test_the_spool_keeps_persons_whole(source: tuple[Path, int], tmp_path: Path) -> None:
    rows = spool_input(source[0], tmp_path / "spool", 5, batch_rows=1_000)
    parts = [read_spool(tmp_path / "spool", p).with_columns(pl.lit(p).alias("p")) for p in range(5)]
    frame = pl.concat(parts, how="diagonal_relaxed")
    assert frame.height == rows == source[1]
    assert frame.group_by("person_id").agg(pl.col("p").n_unique())["p"].max() == 1
    assert sorted(frame["_row"]) == list(range(1, rows + 1))


def test_a_parquet_spool_read_in_pieces_by_two_processes_is_the_same(source: tuple[Path, int], tmp_path: Path) -> None:
    parquet = tmp_path / "charges.parquet"
    pl.read_csv(source[0], infer_schema=False).write_parquet(parquet, row_group_size=700)
    assert pq.ParquetFile(parquet).metadata.num_row_groups > 4
    one = spool_input(parquet, tmp_path / "one", 3, batch_rows=500, workers=1)
    two = spool_input(parquet, tmp_path / "two", 3, batch_rows=500, workers=2, piece_rows=1_000)
    assert one == two == source[1]
    assert len(list((tmp_path / "two").glob("part-00000-*.arrow"))) > 1  # it really was read in pieces
    for part in range(3):
        assert read_spool(tmp_path / "one", part).equals(read_spool(tmp_path / "two", part))


@pytest.mark.slow
def test_same_input_same_bytes_whatever_the_workers(source: tuple[Path, int], tmp_path: Path) -> None:
    run(_plan(source[0], tmp_path / "a", partitions=4), workers=1)
    run(_plan(source[0], tmp_path / "b", partitions=4), workers=2)
    a, b = output_hashes(tmp_path / "a"), output_hashes(tmp_path / "b")
    assert a == b
    assert len(a) == 3 * 4 + 2  # results, charges, rejects, rejects.csv, manifest.json
    assert not (tmp_path / "a" / "_state" / "spool").exists()


def test_parquet_input_gives_the_same_answers(source: tuple[Path, int], tmp_path: Path) -> None:
    parquet = tmp_path / "charges.parquet"
    pl.read_csv(source[0], infer_schema=False).write_parquet(parquet)
    run(_plan(source[0], tmp_path / "csv", partitions=2), workers=1)
    run(_plan(parquet, tmp_path / "pq", partitions=2), workers=1)
    a, b = output_hashes(tmp_path / "csv"), output_hashes(tmp_path / "pq")
    assert {k: v for k, v in a.items() if k != "manifest.json"} == {k: v for k, v in b.items() if k != "manifest.json"}


def test_a_lost_result_fails_loudly(source: tuple[Path, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = bulk_job.load_evaluator(bulk_job.DEFAULT_EVALUATOR)
    monkeypatch.setattr(bulk_local, "load_evaluator", lambda name: lambda c, a, r: real(c, a, r).slice(1))
    with pytest.raises(ReconcileError, match="result rows"):
        run(_plan(source[0], tmp_path / "out", partitions=2), workers=1)
    assert not (tmp_path / "out" / "manifest.json").exists()


def test_output_is_never_overwritten_and_resume_checks_identity(source: tuple[Path, int], tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = run(_plan(source[0], out, partitions=2), workers=1)
    with pytest.raises(RunError, match="--resume"):
        run(_plan(source[0], out, partitions=2), workers=1)
    again = run(_plan(source[0], out, partitions=2), workers=1, resume=True)
    assert again == first
    with pytest.raises(RunError, match="as_of"):
        run(Plan(source[0], out, AS_OF.replace(year=2025), "PA", partitions=2), resume=True)
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "notes.txt").write_text("mine")
    with pytest.raises(RunError, match="not empty"):
        run(_plan(source[0], tmp_path / "other"), workers=1)


def test_resume_redoes_only_what_is_missing_or_damaged(source: tuple[Path, int], tmp_path: Path) -> None:
    out = tmp_path / "out"
    run(_plan(source[0], out, partitions=3), workers=1)
    before = output_hashes(out)
    (out / "_state" / "done" / "part-00001.json").unlink()
    (out / "results" / "part-00002.parquet").write_bytes(b"torn")
    (out / "manifest.json").unlink()
    manifest = run(_plan(source[0], out, partitions=3), workers=1, resume=True)
    assert output_hashes(out) == before
    assert json.loads((out / "manifest.json").read_text()) == manifest


def test_resume_sweeps_what_a_killed_run_left_half_written(source: tuple[Path, int], tmp_path: Path) -> None:
    out = tmp_path / "out"
    run(_plan(source[0], out, partitions=2), workers=1)
    before = output_hashes(out)
    (out / "results" / "part-00001.parquet.tmp-99999").write_bytes(b"")
    (out / "manifest.json.tmp-99999").write_bytes(b"{")
    run(_plan(source[0], out, partitions=2), workers=1, resume=True)
    assert output_hashes(out) == before


def test_two_runs_never_write_one_directory(source: tuple[Path, int], tmp_path: Path) -> None:
    out = tmp_path / "out"
    run(_plan(source[0], out, partitions=2), workers=1)
    with (out / "_state" / "lock").open("rb") as held:
        fcntl.flock(held, fcntl.LOCK_EX)  # as another run still writing here would
        with pytest.raises(RunError, match="another run"):
            run(_plan(source[0], out, partitions=2), workers=1, resume=True)
    run(_plan(source[0], out, partitions=2), workers=1, resume=True)

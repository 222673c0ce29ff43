"""The Spark engine (PySpark local mode) writes the local engine's bytes, and resumes the same way."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import polars as pl
import pytest
from bulk_support import AS_OF, output_hashes, write_input

from secondchance.bulk.run import Plan, run

# About a minute on 2 cores: most of it is starting the JVM and PySpark's Python workers.
pytestmark = pytest.mark.spark

pyspark = pytest.importorskip("pyspark")


@pytest.fixture(scope="module")
def spark() -> Iterator[object]:
    from pyspark.sql import SparkSession

    if shutil.which("java") is None:
        pytest.skip("Spark needs a Java runtime")
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # workers import secondchance from this venv
    session = (
        SparkSession.builder.master("local[2]")
        .appName("secondchance tests")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.ui.enabled", "false")
        .getOrCreate()
    )
    yield session
    session.stop()


def _delivered(hashes: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in hashes.items() if k != "manifest.json"}


def test_spark_writes_the_local_engines_bytes(spark: object, tmp_path: Path) -> None:
    source = tmp_path / "charges.parquet"
    write_input(source, 1_200, seed=5)
    local = run(Plan(source, tmp_path / "local", AS_OF, "PA", 5), workers=1)
    on_spark = run(Plan(source, tmp_path / "spark", AS_OF, "PA", 5, "spark"))
    assert _delivered(output_hashes(tmp_path / "spark")) == _delivered(output_hashes(tmp_path / "local"))
    assert on_spark["counts"] == local["counts"]
    assert on_spark["engine"] == "spark"

    # resume on Spark: lose two partitions, finish, same bytes again
    for name in ("part-00001", "part-00003"):
        (tmp_path / "spark" / "_state" / "done" / f"{name}.json").unlink()
        (tmp_path / "spark" / "results" / f"{name}.parquet").unlink()
    run(Plan(source, tmp_path / "spark", AS_OF, "PA", 5, "spark"), resume=True)
    assert _delivered(output_hashes(tmp_path / "spark")) == _delivered(output_hashes(tmp_path / "local"))
    assert pl.read_parquet(tmp_path / "spark" / "results").height == local["counts"]["results"]

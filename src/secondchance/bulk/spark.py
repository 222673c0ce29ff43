"""The Apache Spark engine: the same pure partition function, scheduled by Spark.

Spark reads the input, numbers the rows (``_metadata.row_index``), hashes each person into a
partition with the very function the local engine uses (``partition_of``, in ``mapInArrow``),
then ``groupBy(partition).applyInArrow`` hands each partition's rows, as one Arrow table, to
``process_partition`` and ``commit_partition``: the same validation, the same
``evaluate_codes``, the same deterministic Parquet writer and done markers. The output is
therefore byte-identical to a local run; ``OUT`` must be a filesystem every executor can write
(a shared mount), since each task commits its partition itself. PySpark is imported only here.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import polars as pl
import pyarrow as pa

from ..records.model import DETAIL_COLUMNS
from .commit import commit_partition, committed
from .job import Plan, Progress, RunError, load_evaluator, process_partition, select_rules
from .partition import PART, with_partition
from .read import PROBLEM, ROW, check_columns, input_format

if TYPE_CHECKING:  # pragma: no cover
    from pyspark.sql import SparkSession


def spark_session() -> SparkSession:
    """The active session (spark-submit's), or a local one using every core."""
    from pyspark import SparkConf
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName("secondchance bulk")
    if not SparkConf().contains("spark.master") and SparkSession.getActiveSession() is None:
        builder = builder.master("local[*]")
    return builder.getOrCreate()


def _add_partition(partitions: int, batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    for batch in batches:
        frame = pl.from_arrow(batch)
        assert isinstance(frame, pl.DataFrame)
        schema = batch.schema.append(pa.field(PART, pa.int32(), nullable=False))
        yield from with_partition(frame, partitions).to_arrow().cast(schema).to_batches()


def _screen_group(out: str, as_of: str, jurisdiction: str | None, evaluator: str, table: pa.Table) -> pa.Table:
    """One Spark group = one partition: process and commit it, return its counts."""
    frame = pl.from_arrow(table)
    assert isinstance(frame, pl.DataFrame)
    part = int(frame[PART][0])
    day = date.fromisoformat(as_of)
    raw = frame.drop(PART).with_columns(pl.lit(None, pl.Utf8).alias(PROBLEM))
    output = process_partition(raw, day, select_rules(jurisdiction, day), load_evaluator(evaluator))
    marker = commit_partition(Path(out), part, output)
    rows = int(marker["counts"]["rows"])
    return pa.table({"partition": pa.array([part], pa.int32()), "rows": pa.array([rows], pa.int64())})


def run_on_spark(plan: Plan, identity: dict[str, Any], progress: Progress) -> int:
    """Screen every uncommitted partition on Spark; returns the number of input rows."""
    from pyspark.sql import functions as F
    from pyspark.sql.types import IntegerType, StructField, StructType

    if input_format(plan.source) != "parquet":
        raise RunError("the spark engine reads Parquet input; convert the CSV first (docs/bulk.md shows how)")
    partitions = int(identity["partitions"])
    spark = spark_session()
    frame = spark.read.parquet(str(plan.source.resolve()))
    check_columns(frame.columns)
    frame = frame.drop(*[name for name in frame.columns if name in DETAIL_COLUMNS])
    frame = frame.select("*", (F.col("_metadata.row_index") + 1).alias(ROW))
    total = frame.count()
    done = [p for p in range(partitions) if committed(plan.out, p) is not None]
    progress.on_start("partitions", partitions)
    progress.on_advance("partitions", len(done), 0)
    schema = StructType([*frame.schema.fields, StructField(PART, IntegerType(), False)])
    parted = frame.mapInArrow(partial(_add_partition, partitions), schema)
    if done:
        parted = parted.filter(~F.col(PART).isin(done))
    args = (str(plan.out.resolve()), plan.as_of.isoformat(), identity["jurisdiction"], plan.evaluator)

    def screen(table: pa.Table) -> pa.Table:  # typed: PySpark picks the Arrow UDF kind from the hints
        return _screen_group(*args, table)

    for row in parted.groupBy(PART).applyInArrow(screen, "partition int, rows long").collect():
        progress.on_advance("partitions", 1, int(row["rows"]))
    empty = pl.DataFrame(schema={ROW: pl.Int64, PROBLEM: pl.Utf8})
    rules = select_rules(identity["jurisdiction"], plan.as_of)
    for part in range(partitions):  # a partition no person hashed to still gets its (empty) files
        if committed(plan.out, part) is None:
            commit_partition(
                plan.out, part, process_partition(empty, plan.as_of, rules, load_evaluator(plan.evaluator))
            )
            progress.on_advance("partitions", 1, 0)
    return total

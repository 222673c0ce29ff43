"""Bulk relief benchmark: the bulk engine vs one hand-written DuckDB query vs the per-person explainer.

All read the same synthetic Pennsylvania input (10M charges; 1M with ``--quick``):

* ``bulk``: ``secondchance bulk run`` end to end (read, validate, partition, every PA rule,
  atomic Parquet, manifest) in a subprocess, with the peak RSS of its whole process tree;
* ``duckdb_9122_2``: ONE SQL query implementing 18 Pa.C.S. § 9122.2 (a)(1)-(a)(4) alone, with the
  "free from conviction" window over each person, written to Parquet: the practical limit of
  this machine for one rule (it skips what the engine does besides: validation, the § 9122.3
  exceptions, reason codes, missing facts, 13 more rules);
* ``duckdb_rule_shape``: a query with the *shape* of the engine's work, not its meaning: 10 filtered
  aggregates per person and 4 per case (grouped, joined back), and for each of 14 "rules" a status,
  an eligible-on date, a reasons and a missing mask, written as one wide row per charge. It has no
  validation, statute matching, self-join or missing-fact logic, so it is an optimistic floor for
  any engine doing the whole job on this machine;
* ``duckdb_engine_floor``: the same query plus two things the bulk requirements ask of any engine besides the
  rules: every input value checked (``_validation_sql``) and every result keyed to its charge's
  ids. Still a floor (no statute matching, reasons, missing facts, shuffle by person or commits);
* ``per_person``: ``relief.screen`` on a sample of people, as the explainer runs.

Targets: bulk >= 0.5x the single-rule query and >= 50x the per-person explainer.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

import polars as pl

AS_OF = date(2026, 11, 23)
PEOPLE_PER_MILLION = 222_500  # about 4.5 charges per synthetic person


def _tree_rss(session: int) -> int:
    """Resident bytes of every process in a session (the run and its workers)."""
    total = 0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
            fields = stat[stat.rindex(")") + 2 :].split()
            if int(fields[3]) != session:  # session id
                continue
            for line in Path(f"/proc/{entry}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) * 1024
        except (OSError, ValueError):
            continue
    return total


def run_bulk(source: Path, out: Path) -> dict[str, Any]:
    """``secondchance bulk run`` in its own session; wall time and peak RSS of the process tree."""
    command = [
        sys.executable, "-c", "from secondchance.cli import main; main()",
        "bulk", "run", str(source), "--jurisdiction", "PA", "--as-of", AS_OF.isoformat(), "--out", str(out),
    ]  # fmt: skip
    started = time.perf_counter()
    process = subprocess.Popen(command, start_new_session=True, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    peak = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not stop.is_set():
            peak = max(peak, _tree_rss(process.pid))
            stop.wait(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stdout, _ = process.communicate()
    seconds = time.perf_counter() - started
    stop.set()
    sampler.join()
    if process.returncode != 0:
        raise RuntimeError(f"bulk run failed: {stdout.decode()[-2000:]}")
    return {"seconds": seconds, "peak_rss_bytes": peak}


def clean_slate_sql(source: Path, target: Path) -> str:
    """§ 9122.2(a)(1)-(4) as one DuckDB query, parameters resolved for AS_OF from pa/params.yaml."""
    from secondchance.relief.jurisdictions.pa.offenses import NOT_CONVICTED, PUNISHABLE_ONE_YEAR
    from secondchance.relief.params import resolve

    def items(values: Any) -> str:
        return ", ".join(f"'{v}'" for v in values)

    free_years = resolve("pa.clean_slate.misdemeanor_free_years", AS_OF)
    summary_years = resolve("pa.clean_slate.summary_years", AS_OF)
    grades = resolve("pa.clean_slate.misdemeanor_grades", AS_OF)
    review = resolve("pa.clean_slate.misdemeanor_grades_to_review", AS_OF)
    blocking = resolve("pa.clean_slate.debts_that_block", AS_OF)
    assert isinstance(blocking, tuple)
    paid = ["restitution_owed <= 0"] + (["fines_costs_owed <= 0"] if "fines_costs" in blocking else [])
    money = " AND ".join(paid)
    as_of = f"DATE '{AS_OF.isoformat()}'"
    p1y = items(PUNISHABLE_ONE_YEAR)
    return f"""
COPY (
WITH c AS (SELECT * FROM read_parquet('{source}')),
p AS (
  SELECT *,
    -- latest conviction punishable by a year or more, over the person's charges (LatestOf)
    max(disposition_date) FILTER (WHERE disposition = 'convicted' AND grade IN ({p1y}))
      OVER (PARTITION BY person_id) AS last_conviction,
    bool_or(disposition = 'convicted' AND grade IN ({p1y}) AND disposition_date IS NULL)
      OVER (PARTITION BY person_id) AS undated_conviction,
    max(coalesce(disposition_date, DATE '9999-12-31')) FILTER (
      WHERE NOT coalesce(disposition = 'convicted' AND grade IN ({p1y}), FALSE)
        AND NOT coalesce(disposition <> 'convicted' OR (grade NOT IN ({p1y}) AND grade <> 'M'), FALSE)
    ) OVER (PARTITION BY person_id) AS maybe_later
  FROM c
),
r AS (
  SELECT person_id, case_id, charge_id,
    CASE WHEN undated_conviction THEN NULL
         WHEN maybe_later > greatest(last_conviction, disposition_date) THEN NULL
         ELSE greatest(last_conviction, disposition_date) END AS free_since,
    (disposition = 'convicted') AS convicted,
    CASE WHEN grade IN ({items(grades)}) THEN TRUE WHEN grade IN ({items(review)}) OR grade IS NULL THEN NULL
         ELSE FALSE END AS misdemeanor,
    ({money}) AS paid,
    disposition, disposition_date, grade, pardoned
  FROM p
),
s AS (
  SELECT *,
    convicted AND misdemeanor AND paid AS a1_ok,
    free_since + INTERVAL {free_years} YEAR AS a1_ends,
    disposition IN ({items(NOT_CONVICTED)}) AS a2_ok,
    convicted AND grade = 'S' AND paid AS a3_ok,
    disposition_date + INTERVAL {summary_years} YEAR AS a3_ends,
    convicted AND pardoned AS a4_ok
  FROM r
)
SELECT person_id, case_id, charge_id,
  CASE WHEN NOT a1_ok THEN 'not_eligible' WHEN a1_ok IS NULL OR a1_ends IS NULL THEN 'needs_review'
       WHEN a1_ends > {as_of} THEN 'eligible_on' ELSE 'eligible_now' END AS a1_misdemeanor,
  CASE WHEN a1_ok AND a1_ends > {as_of} THEN CAST(a1_ends AS DATE) END AS a1_eligible_on,
  CASE WHEN NOT a2_ok THEN 'not_eligible' WHEN a2_ok IS NULL THEN 'needs_review' ELSE 'eligible_now' END
    AS a2_nonconviction,
  CASE WHEN NOT a3_ok THEN 'not_eligible' WHEN a3_ok IS NULL OR a3_ends IS NULL THEN 'needs_review'
       WHEN a3_ends > {as_of} THEN 'eligible_on' ELSE 'eligible_now' END AS a3_summary,
  CASE WHEN NOT a4_ok THEN 'not_eligible' WHEN a4_ok IS NULL THEN 'needs_review' ELSE 'eligible_now' END AS a4_pardon
FROM s
) TO '{target}' (FORMAT parquet, COMPRESSION zstd)
"""


def _validation_sql() -> str:
    """A check of every input value, lighter than the engine's (text stripped and compared with the
    spellings of "unknown", dates in range, amounts not negative; no parsing, normalizing or cross-checks):
    what requirement 1 (malformed rows to a rejects file with their field) costs any engine at least."""
    from secondchance.bulk.schema import CHARGE_SCHEMA
    from secondchance.records.parse import UNKNOWN_TOKENS

    unknown = ", ".join(f"'{token}'" for token in sorted(UNKNOWN_TOKENS))
    checks = []
    for name, dtype in CHARGE_SCHEMA.items():
        if dtype == pl.Utf8():
            checks.append(f"({name} IS NULL OR lower(trim({name})) NOT IN ({unknown}))")
        elif dtype == pl.Date():
            checks.append(f"({name} IS NULL OR {name} BETWEEN DATE '1900-01-01' AND DATE '{AS_OF}')")
        elif dtype == pl.Float64():
            checks.append(f"({name} IS NULL OR {name} >= 0)")
    return " AND ".join(checks)


def rule_shape_sql(source: Path, target: Path, floor: bool = False) -> str:
    """The engine's workload shape in one DuckDB query (see the module docstring): a floor, not the rules.

    ``floor`` adds what the bulk requirements ask of any engine besides the rules: each value checked and each
    result carrying its charge's ids (``duckdb_engine_floor``)."""
    per_person = ", ".join(
        f"max(disposition_date + {n}) FILTER (WHERE grade <> 'X{n}' AND disposition = 'convicted') AS a{n}"
        for n in range(10)
    )
    per_case = ", ".join(f"count(*) FILTER (WHERE grade = 'M{n}') AS b{n}" for n in range(4))
    outputs = []
    for n in range(14):
        latest, count = f"a{n % 10}", f"b{n % 4}"
        outputs += [
            f"(CASE WHEN {latest} IS NULL THEN 2 WHEN {latest} > DATE '{AS_OF}' - INTERVAL {n} YEAR THEN 1 "
            f"ELSE 0 END)::UTINYINT AS status{n}",
            f"CASE WHEN {count} > 0 THEN {latest} END AS eligible_on{n}",
            f"(CASE WHEN grade = 'M' THEN 1 ELSE 0 END + CASE WHEN {count} > 1 THEN 2 ELSE 0 END)::BIGINT"
            f" AS reasons{n}",
            f"(CASE WHEN disposition_date IS NULL THEN 4 ELSE 0 END)::BIGINT AS missing{n}",
        ]
    extra = [f"({_validation_sql()}) AS valid", "person_id", "case_id", "charge_id"] if floor else []
    return f"""
COPY (
WITH c AS (SELECT * FROM read_parquet('{source}')),
p AS (SELECT person_id, {per_person} FROM c GROUP BY person_id),
k AS (SELECT person_id, case_id, {per_case} FROM c GROUP BY person_id, case_id)
SELECT {", ".join(extra + outputs)} FROM c JOIN p USING (person_id) JOIN k USING (person_id, case_id)
) TO '{target}' (FORMAT parquet, COMPRESSION zstd)
"""


def run_duckdb(source: Path, target: Path, sql: Callable[[Path, Path], str] = clean_slate_sql) -> dict[str, Any]:
    import duckdb

    connection = duckdb.connect()
    started = time.perf_counter()
    connection.execute(sql(source, target))
    seconds = time.perf_counter() - started
    rows = connection.execute(f"SELECT count(*) FROM read_parquet('{target}')").fetchone()
    connection.close()
    return {"seconds": seconds, "rows": int(rows[0]) if rows else 0}


def run_per_person(people: int) -> dict[str, Any]:
    """The explainer over ``people`` synthetic people (parsing excluded), as a web request would run it."""
    from secondchance.bulk.synth import synth_charges
    from secondchance.records import people_from_csv
    from secondchance.relief import screen

    table = synth_charges(people, "PA", seed=2)
    persons = people_from_csv(table.write_csv(), AS_OF)
    started = time.perf_counter()
    charges = 0
    for person in persons:
        charges += len(screen(person, AS_OF).charges)
    return {"seconds": time.perf_counter() - started, "charges": charges}


@contextmanager
def synthetic_input(prefix: str, millions: int) -> Iterator[tuple[Path, Path, int, float]]:
    """A scratch folder (in ``$BENCH_TMP`` if set, removed afterwards) holding about ``millions`` million
    synthetic PA charges as Parquet: yields (folder, input path, rows, seconds the synthesis took)."""
    from secondchance.bulk.synth import write_synth

    work = Path(tempfile.mkdtemp(prefix=prefix, dir=os.environ.get("BENCH_TMP")))
    try:
        source = work / "charges.parquet"
        started = time.perf_counter()
        rows = write_synth(source, PEOPLE_PER_MILLION * millions, "PA", seed=1)
        yield work, source, rows, time.perf_counter() - started
    finally:
        shutil.rmtree(work, ignore_errors=True)


def run(quick: bool) -> dict[str, Any]:
    with synthetic_input("bench-bulk-", 1 if quick else 10) as (work, source, rows, synth_seconds):
        bulk = run_bulk(source, work / "out")
        duck = run_duckdb(source, work / "duckdb.parquet")
        shape = run_duckdb(source, work / "shape.parquet", rule_shape_sql)
        floor = run_duckdb(source, work / "floor.parquet", partial(rule_shape_sql, floor=True))
        sample = run_per_person(2_000)  # about 9,000 charges: the explainer is the slow one
        bulk_rate = rows / bulk["seconds"]
        duck_rate = duck["rows"] / duck["seconds"]
        person_rate = sample["charges"] / sample["seconds"]
        return {
            "charges": rows,
            "synth_charges_per_minute": round(rows / synth_seconds * 60),
            "bulk_seconds": round(bulk["seconds"], 1),
            "bulk_charges_per_second": round(bulk_rate),
            "bulk_peak_rss_mb": round(bulk["peak_rss_bytes"] / 2**20),
            "duckdb_9122_2_seconds": round(duck["seconds"], 1),
            "duckdb_9122_2_charges_per_second": round(duck_rate),
            "duckdb_rule_shape_seconds": round(shape["seconds"], 1),
            "ratio_rule_shape_to_duckdb": round(duck["seconds"] / shape["seconds"], 3),
            "duckdb_engine_floor_seconds": round(floor["seconds"], 1),
            "ratio_engine_floor_to_duckdb": round(duck["seconds"] / floor["seconds"], 3),
            "per_person_sample_charges": sample["charges"],
            "per_person_charges_per_second": round(person_rate),
            "ratio_bulk_to_duckdb": round(bulk_rate / duck_rate, 3),
            "ratio_bulk_to_per_person": round(bulk_rate / person_rate, 1),
            "targets": {"bulk_to_duckdb": ">= 0.5", "bulk_to_per_person": ">= 50", "peak_rss_at_50M": "< 4 GB"},
        }


if __name__ == "__main__":
    import json

    print(json.dumps(run(quick="--quick" in sys.argv), indent=2))

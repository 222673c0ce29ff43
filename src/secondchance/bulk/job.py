"""What a run computes (``Plan``) and one partition's job: validate, screen, count; pure and deterministic.

``process_partition`` turns a partition's raw rows (whole persons) into its results, accepted charges
and rejects, with counts that must reconcile; ``RESULT_ARROW``, ``CHARGE_ARROW`` and ``REJECT_ARROW``
are the forms the files take. The evaluator is named (``module:function``) so workers import it.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Final

import numpy as np
import polars as pl
import pyarrow as pa

from ..relief.jurisdictions import all_rules
from ..relief.lang import Rule
from .codes import ResultCodes
from .crosscheck import check_people
from .evaluate import evaluate_codes, result_codes
from .raw import PROBLEM, ROW
from .rejects import raw_ids, rejects_frame, stripped_ids
from .schema import CHARGE_SCHEMA, STATUSES, with_defaults
from .validate import validate

#: evaluate_codes' signature: (charges, as_of, rules) -> a CODE_SCHEMA frame keyed by result_codes(as_of, rules).
Evaluate = Callable[[pl.DataFrame, date, Sequence[Rule] | None], pl.DataFrame]
DEFAULT_EVALUATOR: Final = "secondchance.bulk.evaluate:evaluate_codes"

_CODED: Final = pa.dictionary(pa.int16(), pa.string())
#: The results files: one row per (charge, rule), keyed to the charges files by ``row``. Text columns are
#: dictionary-coded (a few bytes a row); ``reasons``/``missing`` are bit masks the manifest's ``rules`` decode.
RESULT_ARROW: Final = pa.schema(
    [
        ("row", pa.int64()),
        ("rule", _CODED),
        ("relief", _CODED),
        ("section", _CODED),
        ("automatic", pa.bool_()),
        ("status", _CODED),
        ("eligible_on", pa.date32()),
        ("reasons", pa.int64()),
        ("missing", pa.int64()),
    ]
)
#: The charges files: one row per accepted charge (screened or not), with what the report groups by.
CHARGE_ARROW: Final = pa.schema(
    [
        ("row", pa.int64()),
        ("person_id", pa.string()),
        ("case_id", pa.string()),
        ("charge_id", pa.string()),
        ("jurisdiction", pa.string()),
        ("county", pa.string()),
        ("disposition_date", pa.date32()),
    ]
)
REJECT_ARROW: Final = pa.schema(
    [
        ("row", pa.int64()),
        ("field", pa.string()),
        ("reason", pa.string()),
        ("person_id", pa.string()),
        ("case_id", pa.string()),
        ("charge_id", pa.string()),
    ]
)


class RunError(RuntimeError):
    """The run cannot start or continue (existing output, a different input on --resume, ...)."""


class ReconcileError(RunError):
    """The counts do not add up: some row was lost or invented. Never ignore this."""


@dataclass(frozen=True)
class Plan:
    """What to compute. Two runs with equal plans (and equal input bytes) write equal bytes."""

    source: Path
    out: Path
    as_of: date
    jurisdiction: str | None = None
    partitions: int | None = None
    engine: str = "local"
    #: ``module:function`` with evaluate_codes' signature; another implementation can be plugged in by name
    #: (the name, not the function, so process-pool and Spark workers import it themselves).
    evaluator: str = DEFAULT_EVALUATOR


@dataclass
class Progress:
    """Callbacks the CLI uses for its progress bar; all optional."""

    on_start: Callable[[str, int], None] = lambda stage, total: None
    on_advance: Callable[[str, int, int], None] = lambda stage, amount, rows: None


@dataclass(frozen=True)
class PartitionOutput:
    results: pa.Table  # RESULT_ARROW
    charges: pl.DataFrame  # CHARGE_ARROW's columns
    rejects: pl.DataFrame
    counts: dict[str, Any] = field(default_factory=dict)


def select_rules(jurisdiction: str | None, as_of: date) -> tuple[Rule, ...]:
    """The rules a run applies: those of ``jurisdiction`` (or of every jurisdiction) in force on ``as_of``."""
    wanted = jurisdiction.upper() if jurisdiction else None
    return tuple(r for r in all_rules() if (wanted is None or r.jurisdiction == wanted) and r.in_force(as_of))


def load_evaluator(name: str) -> Evaluate:
    module, _, attribute = name.partition(":")
    function: Evaluate = getattr(importlib.import_module(module), attribute)
    return function


def process_partition(
    raw: pl.DataFrame, as_of: date, rules: Sequence[Rule], evaluate: Evaluate = evaluate_codes
) -> PartitionOutput:
    """Validate one partition's raw rows (whole persons) and screen them: no I/O, deterministic.

    Every raw row ends up either as an accepted charge (screened, or unscreened if its
    jurisdiction has no rules here) or as a rejected row with one or more reasons.
    """
    raw = raw.sort(ROW)
    if PROBLEM not in raw.columns:
        raw = raw.with_columns(pl.lit(None, pl.Utf8).alias(PROBLEM))
    ids = raw_ids(raw)
    charges, problems = validate(raw, as_of)
    charges, problems = check_people(charges, problems, stripped_ids(ids.filter(raw[PROBLEM].is_null())))
    rejects = rejects_frame(problems, ids)
    per_jurisdiction: dict[str, int] = {}
    for rule in rules:
        per_jurisdiction[rule.jurisdiction] = per_jurisdiction.get(rule.jurisdiction, 0) + 1
    screened_mask = charges["jurisdiction"].is_in(list(per_jurisdiction))
    screened = charges.filter(screened_mask)
    # Defaults here too, so a plugged-in evaluator makes the same assumptions as evaluate_codes.
    codes = evaluate(with_defaults(charges.select(list(CHARGE_SCHEMA))), as_of, list(rules))
    if codes.height and codes["charge"].max() >= charges.height:  # type: ignore[operator]
        raise ReconcileError("the evaluator returned a result for a charge that is not in the partition")
    rows = charges[ROW].cast(pl.Int64)
    expected = sum(per_jurisdiction[j] * n for j, n in screened["jurisdiction"].value_counts().iter_rows())
    counts: dict[str, Any] = {
        "rows": raw.height,
        "charges": charges.height,
        "screened_charges": screened.height,
        "unscreened_charges": charges.height - screened.height,
        "rejected_rows": rejects["row"].n_unique(),
        "rejects": rejects.height,
        "results": codes.height,
        "status": {STATUSES[k]: n for k, n in sorted(codes["status"].value_counts().iter_rows())},
    }
    if counts["rows"] != counts["charges"] + counts["rejected_rows"]:
        raise ReconcileError(
            f"partition rows {counts['rows']} != charges {counts['charges']} + rejected rows {counts['rejected_rows']}"
        )
    if codes.height != expected:
        raise ReconcileError(
            f"the evaluator gave {codes.height} result rows for {screened.height} charges; expected {expected}"
        )
    results = results_table(codes, rows, result_codes(as_of, rules))
    kept = charges.select(pl.col(ROW).cast(pl.Int64).alias("row"), *CHARGE_ARROW.names[1:])
    return PartitionOutput(results, kept, rejects, counts)


def results_table(codes: pl.DataFrame, rows: pl.Series, key: ResultCodes) -> pa.Table:
    """A code frame as ``RESULT_ARROW``: input rows for charge positions, rule facts as dictionaries."""
    rule = codes["rule"].to_numpy()

    def per_rule(values: list[str]) -> pa.DictionaryArray:
        dictionary = sorted(set(values))
        lookup = np.array([dictionary.index(v) for v in values], dtype=np.int16)
        return pa.DictionaryArray.from_arrays(pa.array(lookup[rule]), pa.array(dictionary, pa.string()))

    status = pa.array(codes["status"].cast(pl.Int16).to_numpy())
    return pa.table(
        [
            rows.gather(codes["charge"]).to_arrow(),
            per_rule([r.id for r in key.rules]),
            per_rule([r.relief.value for r in key.rules]),
            per_rule([r.section for r in key.rules]),
            pa.array(np.array([r.automatic for r in key.rules], dtype=bool)[rule]),
            pa.DictionaryArray.from_arrays(status, pa.array(STATUSES, pa.string())),
            codes["eligible_on"].to_arrow(),
            codes["reasons"].to_arrow(),
            codes["missing"].to_arrow(),
        ],
        schema=RESULT_ARROW,
    )

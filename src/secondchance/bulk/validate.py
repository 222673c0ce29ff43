"""Vectorized validation of the flat charges table, row by row, with the per-person path's own words.

The rules are those of the record readers (``records.parse``, the per-person path), applied column-wise so a
whole state's repository can be checked: ids are required, dates are ISO, booleans and
amounts are parsed the same way, grades must exist in the charge's jurisdiction, dates may
not be after the as-of date, ends may not precede starts, a (person, case, charge) may appear
once, and a person's (case's) facts must agree across rows. A value the fast path cannot
read is handed to ``records.values.parse_value`` itself (once per distinct value), so what is
accepted and the wording of every reason are the per-person path's own.

Speed comes from doing the expensive thing only where a cheap one finds cause: one Polars query
reads every column, taking clean values as they stand; only the values it cannot settle are
stripped, lower-cased and, failing that, given to parse_value. Likewise only rows whose id hash
repeats are checked for duplicates, and only groups where some row differs from the one before
are compared with their first row.

Malformed rows are not dropped: each problem becomes a reject ``(row, field, reason)``; checks
across a person's rows are in ``crosscheck``.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from datetime import date
from typing import Any, Final

import polars as pl

from ..records.model import (
    COLUMNS,
    DISPOSITIONS,
    GRADES_BY_JURISDICTION,
    SCHEDULED,
    SUPERVISION_ALIASES,
    SUPERVISION_BY_JURISDICTION,
    SUPERVISION_KINDS,
    PartialDate,
)
from ..records.parse import (
    AFTER_PRISON,
    FLAGGED_FACTS,
    MAX_AMOUNT,
    MAX_YEAR,
    MIN_YEAR,
    SPANS,
    check_charge_values,
    parse_value,
    unknown_tokens,
    year_out_of_range,
)
from ..records.safe import MAX_FIELD_CHARS
from .raw import IDS, PROBLEM, ROW, WHITESPACE
from .schema import CHARGE_SCHEMA

_TRUE: Final = ("true", "yes", "y", "1")
_FALSE: Final = ("false", "no", "n", "0")
_ISO_DATE: Final = r"^\d{4}-\d{2}-\d{2}$"
_PLAIN_AMOUNT: Final = r"^(\d+(\.\d*)?|\.\d+)$"
# Problem order inside one row, as the record readers (records.from_json, from_csv) report them.
_ORDER_ID: Final = 0
_ORDER_PARSE: Final = 10
_ORDER_CROSS: Final = 100
ORDER_DUPLICATE: Final = 300
ORDER_CONSISTENCY: Final = 400


def no_problems() -> pl.DataFrame:
    return pl.DataFrame(schema={ROW: pl.Int64, "_order": pl.Int64, "field": pl.Utf8, "reason": pl.Utf8})


def problem_rows(rows: pl.Series, order: int, field: str, reasons: pl.Series | str) -> pl.DataFrame:
    reason = pl.lit(reasons, pl.Utf8) if isinstance(reasons, str) else pl.lit(reasons.cast(pl.Utf8))
    return pl.DataFrame({ROW: rows.cast(pl.Int64)}).select(
        ROW, pl.lit(order, pl.Int64).alias("_order"), pl.lit(field, pl.Utf8).alias("field"), reason.alias("reason")
    )


def _spellings(tokens: Iterable[str]) -> list[str]:
    """Every string whose ``str.lower()`` is one of ``tokens`` (ASCII), so membership needs no lower-casing.

    Besides ASCII letters only the Kelvin sign lowers to ASCII (test_read checks every code point).
    """

    def forms(ch: str) -> set[str]:
        return {ch, ch.upper(), *(("\u212a",) if ch == "k" else ())}

    return sorted({"".join(p) for token in tokens for p in itertools.product(*(forms(ch) for ch in token))})


_UNKNOWN_SPELLINGS: Final = _spellings(unknown_tokens(""))
#: ``none`` is a kind of supervision, not unknown (records.values.unknown_tokens).
_UNKNOWN_SUPERVISION: Final = _spellings(unknown_tokens("supervision"))
_TRUE_SPELLINGS: Final = _spellings(_TRUE)
_FALSE_SPELLINGS: Final = _spellings(_FALSE)
# ASCII digits only: a value these accept, Polars and records.values read alike; anything else goes to _parse_column.
_FAST_DATE: Final = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
_FAST_AMOUNT: Final = r"^([0-9]+(\.[0-9]*)?|\.[0-9]+)$"
_INDEX: Final = {name: i for i, name in enumerate(COLUMNS)}


def _fallback(column: str, raws: pl.Series) -> pl.DataFrame:
    """records.values.parse_value on each distinct raw value the fast path could not read."""
    values: list[Any] = []
    reasons: list[str | None] = []
    uniques = raws.unique(maintain_order=True)
    for raw in uniques.to_list():
        try:
            value = parse_value(column, raw)
            # A partial date (2015, 2015-06) is a range; the bulk engine does not evaluate ranges, so it
            # is unknown here (sound: knowing less is never more favourable). relief.screen decides them.
            values.append(None if isinstance(value, PartialDate) else value)
            reasons.append(None)
        except ValueError as error:
            values.append(None)
            reasons.append(str(error))
    dtype = CHARGE_SCHEMA[column]
    return pl.DataFrame(
        {"raw": uniques, "value": pl.Series(values, dtype=dtype, strict=False), "reason": reasons},
        schema={"raw": uniques.dtype, "value": dtype, "reason": pl.Utf8},
    )


def _is_text(dtype: pl.DataType) -> bool:
    return dtype in (pl.Utf8, pl.String, pl.Categorical) or isinstance(dtype, pl.Enum)


def _outside_years(day: pl.Expr) -> pl.Expr:
    """A date outside the years a record may hold (``records.values.MIN_YEAR``-``MAX_YEAR``)."""
    return (day.dt.year() < MIN_YEAR) | (day.dt.year() > MAX_YEAR)


def _parse_column(column: str, raw: pl.Series) -> tuple[pl.Series, pl.Series]:
    """(value, reason) for one column: vectorized where the value is ordinary, parse_value otherwise.

    The thorough path (strips, lower-cases, then parse_value per distinct odd value); ``validate``
    sends it only the rows its cheaper first pass (``_first_pass``) could not settle.
    """
    kind = COLUMNS[column]
    target = CHARGE_SCHEMA[column]
    if raw.dtype == pl.Null:
        return pl.Series(column, [None] * len(raw), target), pl.Series([None] * len(raw), dtype=pl.Utf8)
    if kind == "date" and raw.dtype == pl.Date:  # a stored date: only its year can be wrong
        outside = pl.DataFrame({"raw": raw}).select(_outside_years(pl.col("raw")).fill_null(False))["raw"]
        reasons = [year_out_of_range(d.year) if bad else None for d, bad in zip(raw, outside, strict=True)]
        return raw.alias(column).zip_with(~outside, pl.Series([None] * len(raw), dtype=pl.Date)), pl.Series(
            reasons, dtype=pl.Utf8
        )
    if kind == "bool" and raw.dtype == pl.Boolean:
        return raw.alias(column), pl.Series([None] * len(raw), dtype=pl.Utf8)
    frame = pl.DataFrame({"raw": raw})
    if _is_text(raw.dtype) or (kind == "str" and raw.dtype.is_integer()):
        value, unknown, needs = _text_value(column, kind)
    elif kind == "money" and raw.dtype.is_numeric():
        value, unknown = pl.col("raw").cast(pl.Float64), pl.col("raw").is_null()
        needs = ~pl.col("unknown") & (
            ~pl.col("value").is_finite() | (pl.col("value") < 0) | (pl.col("value") > MAX_AMOUNT)
        )
    else:  # an unusual stored type: let parse_value judge each distinct value
        value, unknown = pl.lit(None, target), pl.col("raw").is_null()
        needs = ~pl.col("unknown")
    frame = frame.with_columns(value.alias("value"), unknown.alias("unknown"))
    frame = frame.with_columns(needs.alias("needs"))
    if not frame["needs"].any():
        return frame["value"].cast(target).alias(column), pl.Series([None] * len(raw), dtype=pl.Utf8)
    judged = _fallback(column, frame.filter("needs")["raw"])
    frame = frame.join(judged, on="raw", how="left", maintain_order="left", suffix="_slow", nulls_equal=False)
    value = pl.when(pl.col("needs")).then(pl.col("value_slow")).otherwise(pl.col("value"))
    reason = pl.when(pl.col("needs")).then(pl.col("reason"))
    out = frame.select(value.cast(target).alias(column), reason.alias("reason"))
    return out[column], out["reason"]


def _text_value(column: str, kind: str) -> tuple[pl.Expr, pl.Expr, pl.Expr]:
    """(value, unknown, needs parse_value) of a text column ``raw``: vectorized records.values.parse_value."""
    text = pl.col("raw").cast(pl.Utf8)
    stripped = text.str.strip_chars(WHITESPACE)
    unknown = text.is_null() | stripped.str.to_lowercase().is_in(list(unknown_tokens(column)))
    if kind == "str":
        fast = stripped
    elif kind == "date":
        fast = pl.when(stripped.str.contains(_ISO_DATE)).then(stripped.str.strptime(pl.Date, "%Y-%m-%d", strict=False))
    elif kind == "bool":
        low = stripped.str.to_lowercase()
        fast = pl.when(low.is_in(_TRUE)).then(True).when(low.is_in(_FALSE)).then(False).otherwise(None)
    else:
        amount = stripped.str.strip_chars_start("$").str.replace_all(",", "", literal=True)
        fast = pl.when(amount.str.contains(_PLAIN_AMOUNT)).then(amount.cast(pl.Float64, strict=False))
    # the limits parse_value enforces (same in screen and bulk): long text, implausible amounts
    odd = pl.col("value").is_null() | (pl.col("raw").cast(pl.Utf8).str.len_chars() > MAX_FIELD_CHARS)
    if column == "relief_granted":  # a list of citations, each read by its grammar: parse_value decides
        odd = pl.lit(True)
    if kind == "money":
        odd = odd | (pl.col("value") > MAX_AMOUNT)
    if kind == "date":
        odd = odd | _outside_years(pl.col("value"))
    return pl.when(~unknown).then(fast), unknown, ~pl.col("unknown") & odd


def _first_pass(column: str, dtype: pl.DataType | None) -> tuple[pl.Expr, pl.Expr | None]:
    """(value, unsettled) for a column of ``dtype`` (None: absent): exact wherever ``unsettled`` is false.

    Cheap on the common case: clean text is matched as it stands (no strip or lower-casing) and
    parsed by Polars; anything else (padding, ``$1,000``, ``2020-1-5``, ``maybe``) is unsettled and
    goes to ``_parse_column``. ``unsettled`` is None when nothing can be.
    """
    kind = COLUMNS[column]
    target = CHARGE_SCHEMA[column]
    col = pl.col(column)
    if column in IDS:  # text (numbers accepted), stripped; missing or blank is null (and a problem)
        if dtype is None or dtype in (pl.Boolean, pl.Null):
            return pl.lit(None, pl.Utf8), None
        stripped = col.cast(pl.Utf8).str.strip_chars(WHITESPACE)
        return pl.when(stripped != "").then(stripped), None
    if dtype is None or dtype == pl.Null:
        return pl.lit(None, target), None
    if kind == "date" and dtype == pl.Date:
        return col, _outside_years(col)
    if kind == "bool" and dtype == pl.Boolean:
        return col, None
    if _is_text(dtype) or (kind == "str" and dtype.is_integer()):
        text = col.cast(pl.Utf8)
        if kind == "str":  # exact for every value but text over the length limit (parse_value refuses it)
            stripped = text.str.strip_chars(WHITESPACE)
            spellings = _UNKNOWN_SUPERVISION if column == "supervision" else _UNKNOWN_SPELLINGS
            if column == "relief_granted":  # citations: parse_value reads each distinct list (records.values)
                return pl.lit(None, target), text.is_not_null() & ~text.is_in(spellings)
            return pl.when(~stripped.is_in(spellings)).then(stripped), text.str.len_chars() > MAX_FIELD_CHARS
        value: pl.Expr
        if kind == "date":
            value = pl.when(text.str.contains(_FAST_DATE)).then(text.str.to_date("%Y-%m-%d", strict=False))
        elif kind == "bool":
            value = pl.when(text.is_in(_TRUE_SPELLINGS)).then(True).when(text.is_in(_FALSE_SPELLINGS)).then(False)
        else:
            value = pl.when(text.str.contains(_FAST_AMOUNT)).then(text.cast(pl.Float64, strict=False))
        unsettled = value.is_null() & text.is_not_null() & ~text.is_in(_UNKNOWN_SPELLINGS)
        if kind == "money":
            unsettled = unsettled | (value > MAX_AMOUNT)
        if kind == "date":
            unsettled = unsettled | _outside_years(value)
        return value.cast(target), unsettled | (text.str.len_chars() > MAX_FIELD_CHARS)
    if kind == "money" and dtype.is_numeric():
        amount = col.cast(pl.Float64)
        return amount, ~amount.is_finite() | (amount < 0) | (amount > MAX_AMOUNT)
    return pl.lit(None, target), col.is_not_null()  # an unusual stored type: parse_value judges


def validate(raw: pl.DataFrame, as_of: date | None) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Row-level checks of ``raw`` (read_batches' columns): (charges ``_row`` + CHARGE_SCHEMA, problems).

    ``problems`` has ``_row``, ``_order``, ``field``, ``reason``; a row with any problem is not in
    ``charges``. Checks that need a person's other rows are in ``check_people``.
    """
    parts: list[pl.DataFrame] = [no_problems()]
    if PROBLEM in raw.columns and raw[PROBLEM].null_count() < raw.height:
        bad = raw.filter(pl.col(PROBLEM).is_not_null())
        parts.append(problem_rows(bad[ROW], _ORDER_ID, "(row)", bad[PROBLEM]))
        raw = raw.filter(pl.col(PROBLEM).is_null())
    values, found = _read_columns(raw)
    charges = _normalized(values.lazy(), as_of).collect()
    parts += [*found, _cross_checks(charges, as_of)]
    problems = pl.concat(parts).sort(ROW, "_order", "reason")
    if problems.height:
        charges = charges.filter(~pl.col(ROW).is_in(problems[ROW].unique().implode()))
    return charges.select(ROW, *CHARGE_SCHEMA).with_columns(derived_supervision(), *unscheduled()), problems


def _read_columns(raw: pl.DataFrame) -> tuple[pl.DataFrame, list[pl.DataFrame]]:
    """``_row`` and every column's value (as parsed, not yet normalized); the id and parse problems.

    All columns are read in one Polars query (parallel across columns) by ``_first_pass``; only the
    values it leaves unsettled, usually none, are read again by ``_parse_column``.
    """
    schema = raw.schema
    passes = {name: _first_pass(name, schema.get(name)) for name in COLUMNS}
    unsettled = {name: f"_unsettled:{name}" for name, (_, flag) in passes.items() if flag is not None}
    checked = (
        raw.lazy()  # lazy, so that expressions the columns share are computed once
        .select(
            ROW,
            *(value.alias(name) for name, (value, _) in passes.items()),
            *(flag.alias(unsettled[name]) for name, (_, flag) in passes.items() if flag is not None),
        )
        .collect()
    )
    parts: list[pl.DataFrame] = []
    for index, name in enumerate(IDS):
        missing = checked[name].is_null()
        if missing.any():
            parts.append(problem_rows(checked[ROW].filter(missing), _ORDER_ID + index, name, "an id is required"))
    settled: list[pl.Series] = []
    for name, flag in unsettled.items():
        mask = checked[flag]
        if not mask.any():
            continue
        value, reason = _parse_column(name, raw[name].filter(mask))
        settled.append(checked[name].clone().scatter(mask.arg_true(), value))
        failed = reason.is_not_null()
        if failed.any():
            rows = checked[ROW].filter(mask).filter(failed)
            parts.append(problem_rows(rows, _ORDER_PARSE + _INDEX[name], name, reason.filter(failed)))
    return checked.select(ROW, *COLUMNS).with_columns(settled), parts


def _normalized(frame: pl.LazyFrame, as_of: date | None) -> pl.LazyFrame:
    """records.values.normalize's spellings (idempotent), and ``_suspect``: the rows check_charge_values may fault."""
    return (
        frame.with_columns(
            pl.col("jurisdiction").str.to_uppercase(),
            pl.col("disposition").str.to_lowercase().str.replace_all(r"[ \-]", "_"),
        )
        .with_columns(
            pl.when(pl.col("jurisdiction").is_in(_lower_case_grades()))
            .then(pl.col("grade").str.to_lowercase())
            .otherwise(pl.col("grade").str.to_uppercase()),
            pl.when(pl.col("disposition") == "unknown")
            .then(None)
            .otherwise(pl.col("disposition"))
            .alias("disposition"),
            pl.col("supervision")
            .str.to_lowercase()
            .str.replace_all(r"[ \-]", "_")
            .replace(SUPERVISION_ALIASES)
            .alias("supervision"),
        )
        .with_columns(_suspect(as_of).fill_null(False).alias("_suspect"))
    )


def _lower_case_grades() -> list[str]:
    """The states whose grades are written lower case (``State.grade_case``; the others' upper)."""
    from ..relief.jurisdictions import states

    return [s.code for s in states() if s.grade_case == "lower"]


def derived_supervision() -> pl.Expr:
    """records.checks.derive_supervision: without a kind, ``probation_granted`` true is probation, false none."""
    granted = pl.col("probation_granted")
    return (
        pl.when(pl.col("supervision").is_null() & granted.is_not_null())
        .then(pl.when(granted).then(pl.lit("probation")).otherwise(pl.lit("none")))
        .otherwise(pl.col("supervision"))
        .alias("supervision")
    )


def unscheduled() -> list[pl.Expr]:
    """Scheduled dates (``<date>_scheduled``) as unknown: the bulk engine does not project a release.

    ``relief.screen`` computes "eligible on" dates from them for one person; here a rule that
    needs such a date answers "needs review" (sound: knowing less is never more favourable).
    """
    return [
        pl.when(pl.col(mark).fill_null(False)).then(None).otherwise(pl.col(name)).alias(name)
        for name, mark in SCHEDULED.items()
    ]


def _suspect(as_of: date | None) -> pl.Expr:
    """True on every row where check_charge_values can report something (and maybe on more)."""
    suspect = pl.lit(False)
    for jurisdiction, grades in GRADES_BY_JURISDICTION.items():
        suspect = suspect | ((pl.col("jurisdiction") == jurisdiction) & ~pl.col("grade").is_in(grades))
    suspect = suspect | ~pl.col("disposition").is_in(DISPOSITIONS)
    if as_of is not None:
        for name, kind in COLUMNS.items():
            if kind == "date":
                suspect = suspect | (pl.col(name) > as_of)
    for start, end in SPANS:
        suspect = suspect | (pl.col(end) < pl.col(start))
    for flag, dates in FLAGGED_FACTS.items():  # a false flag beside its own facts
        suspect = suspect | ((pl.col(flag) == False) & pl.any_horizontal(pl.col(d).is_not_null() for d in dates))  # noqa: E712
    for name, mark in SCHEDULED.items():  # a scheduled mark without its date
        suspect = suspect | ((pl.col(mark) == True) & pl.col(name).is_null())  # noqa: E712
    return suspect | _supervision_suspect()


def _supervision_suspect() -> pl.Expr:
    """True wherever records.checks' supervision checks can report something (and maybe more)."""
    kind, prison = pl.col("supervision"), pl.col("state_prison")
    after_prison = kind.is_in(AFTER_PRISON)
    suspect = (
        ~kind.is_in(SUPERVISION_KINDS)
        | pl.col("probation_granted").is_not_null()
        | ((kind == "none") & pl.any_horizontal(pl.col(d).is_not_null() for d in FLAGGED_FACTS["probation_granted"]))
        | (after_prison & (pl.col("incarcerated") == False))  # noqa: E712
        | (after_prison & (prison == False))  # noqa: E712
        | ((kind == "mandatory_supervision") & (prison == True))  # noqa: E712
    )
    for jurisdiction, kinds in SUPERVISION_BY_JURISDICTION.items():
        suspect = suspect | ((pl.col("jurisdiction") == jurisdiction) & ~kind.is_in(kinds))
    return kind.is_not_null() & suspect


def _cross_checks(charges: pl.DataFrame, as_of: date | None) -> pl.DataFrame:
    """records.checks.check_charge_values, on the ``_suspect`` rows (formatted by it)."""
    flagged = charges.filter("_suspect").drop("_suspect")
    out: dict[str, list[Any]] = {ROW: [], "_order": [], "field": [], "reason": []}
    for values in flagged.iter_rows(named=True):  # only rows already known to be wrong
        for field, reason in check_charge_values(values, as_of):
            out[ROW].append(values[ROW])
            out["_order"].append(_ORDER_CROSS + _INDEX[field])
            out["field"].append(field)
            out["reason"].append(reason)
    return pl.DataFrame(out, schema={ROW: pl.Int64, "_order": pl.Int64, "field": pl.Utf8, "reason": pl.Utf8})

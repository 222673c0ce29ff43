"""Reading and checking an HSDS 3 tabular package column by column (polars): ``read_frames`` finds
every problem ``validate`` finds, for whole columns, and words each bad row as ``validate.parse_row``
does; ``frames_of`` and ``directory_of`` convert between frames and the in-memory directory.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time
from pathlib import Path

import polars as pl

from .model import Directory, number
from .spec import TableSpec, tables
from .tabular import read_package, table_paths
from .validate import RANGES, InvalidDirectory, Problem, parse_row

Frames = dict[str, pl.DataFrame]
ISO_PARSERS: dict[str, Callable[[str], object]] = {
    "date": date.fromisoformat,
    "time": time.fromisoformat,
    "datetime": datetime.fromisoformat,
}


def empty_frame(spec: TableSpec) -> pl.DataFrame:
    return pl.DataFrame(schema={f.name: pl.Float64 if f.type == "number" else pl.Utf8 for f in spec.fields})


def frames_of(directory: Directory) -> Frames:
    """A directory's rows as typed frames (every spec column, in order)."""
    out: Frames = {}
    for name, spec in tables().items():
        rows = directory.rows(name)
        schema = {f.name: pl.Float64 if f.type == "number" else pl.Utf8 for f in spec.fields}
        data = {f.name: [_cell(r.get(f.name), f.type) for r in rows] for f in spec.fields}
        out[name] = pl.DataFrame(data, schema=schema)
    return out


def _cell(value: object, kind: str) -> object:
    if value is None:
        return None
    return float(value) if kind == "number" else str(value)  # type: ignore[arg-type]


def directory_of(frames: Frames) -> Directory:
    """Frames back to a directory (numbers as ``number`` makes them, as ``read_package`` would)."""
    directory = Directory()
    for name, frame in frames.items():
        if name not in tables():
            continue
        numbers = [f.name for f in tables()[name].fields if f.type == "number"]
        for row in frame.to_dicts():
            for key in numbers:
                if row[key] is not None:
                    row[key] = number(row[key])
            directory.rows(name).append(row)
    return directory


# ---------------------------------------------------------------------------------------- reading


def read_frames(folder: Path) -> Frames:
    """Read and check a package; raises ``InvalidDirectory`` listing every problem (``read_package``'s)."""
    if not folder.is_dir():
        raise InvalidDirectory([Problem(str(folder), None, None, "is not a folder")])
    frames: Frames = {}
    problems: list[Problem] = []
    paths: dict[str, str] = {}
    for name, path in table_paths(folder).items():
        file = folder / path
        if not file.exists():
            continue
        try:
            raw = pl.read_csv(file, infer_schema=False, empty_string_is_null=False, raise_if_empty=False)
        except (pl.exceptions.ComputeError, pl.exceptions.NoDataError, UnicodeDecodeError):
            return frames_of(read_package(folder))  # the row path names the row polars could not read
        raw = raw.rename({c: c.lstrip("\ufeff") for c in raw.columns[:1]})
        typed, found = _check_table(tables()[name], raw, path)
        frames[name], paths[name] = typed, path
        problems += found
    if not frames:
        problems.append(Problem(str(folder), None, None, "no HSDS CSV files (e.g. services.csv) found"))
    for name, spec in tables().items():
        frames.setdefault(name, empty_frame(spec))
    problems += _check_keys(frames, paths)
    if problems:
        raise InvalidDirectory(problems)
    return frames


def _check_table(spec: TableSpec, raw: pl.DataFrame, path: str) -> tuple[pl.DataFrame, list[Problem]]:
    """The typed table and the problems of its rows (found by column, worded by ``parse_row``)."""
    height = raw.height
    unknown = [c for c in raw.columns if c not in spec.field_set]
    bad = pl.repeat(bool(unknown), height, eager=True, dtype=pl.Boolean)
    columns: list[pl.Series] = []
    for field in spec.fields:
        if field.name not in raw.columns:
            bad = bad | field.required
            columns.append(
                pl.Series(field.name, [None] * height, dtype=pl.Float64 if field.type == "number" else pl.Utf8)
            )
            continue
        text = raw[field.name]
        present = text.str.strip_chars() != ""
        value = text.set(~present, None)
        if field.required:
            bad = bad | ~present
        if field.type == "number":
            parsed = value.cast(pl.Float64, strict=False)
            wrong = present & (parsed.is_null() | ~parsed.is_finite().fill_null(False))
            low_high = RANGES.get((spec.name, field.name))
            if low_high:
                wrong = wrong | ((parsed < low_high[0]) | (parsed > low_high[1])).fill_null(False)
            bad = bad | wrong
            columns.append(parsed.alias(field.name))
            continue
        if field.type in ISO_PARSERS:
            invalid = [v for v in value.drop_nulls().unique().to_list() if not _iso(field.type, v)]
            bad = bad | value.is_in(invalid).fill_null(False)
        if field.enum:
            bad = bad | (present & ~value.is_in(list(field.enum)).fill_null(False))
        columns.append(value.alias(field.name))
    typed = pl.DataFrame(columns)
    problems: list[Problem] = []
    indices = bad.arg_true().to_list()
    fixes: dict[str, list[tuple[int, object]]] = {}
    for index in indices:
        row, found = parse_row(spec, raw.row(index, named=True), path, index + 2)
        problems += found
        if not found:  # flagged by a column check that is stricter than Python's ("1_000", " 7 "): take Python's
            for field in spec.fields:
                if field.type == "number" and row[field.name] is not None:
                    fixes.setdefault(field.name, []).append((index, float(row[field.name])))  # type: ignore[arg-type]
    for name, values in fixes.items():
        typed = typed.with_columns(typed[name].scatter([i for i, _ in values], [v for _, v in values]))
    return typed, problems


def _iso(kind: str, text: str) -> bool:
    try:
        ISO_PARSERS[kind](text)
    except ValueError:
        return False
    return True


def _check_keys(frames: Frames, paths: dict[str, str]) -> list[Problem]:
    """``validate.check_keys`` by column: duplicate ids, and keys (and attribute links) that resolve.

    Each table's ids are hashed once for all the keys that point at it (one anti join of every
    reference, stacked), and a column with no value is not looked at: ``Series.is_in`` built its set
    of a million ids again for each column, even an empty one (17.8 s of 1M services' 27 s check;
    polars' string hash tables cost ~0.4 us a row at this size, more than the reading)."""
    problems: list[Problem] = []
    ids: dict[str, pl.Series] = {}
    for name, spec in tables().items():
        key = frames[name]["id"].fill_null("None")
        ids[name] = key
        if key.hash().n_unique() == key.len():
            continue  # all hashes differ, so all ids do: counting integers is ~10x cheaper than strings
        for index in (~key.is_first_distinct()).arg_true().to_list():
            problems.append(
                Problem(paths.get(name, spec.path), index + 2, "id", f"duplicate id {key[index]!r} in {name}")
            )
    # every reference (source table, check's order, row index, field, value) to each target table
    references: dict[str, list[pl.DataFrame]] = {}
    for name, spec in tables().items():
        frame = frames[name]
        checks = [(fk.table, fk.field, frame[fk.field]) for fk in spec.foreign_keys]
        if name == "attribute" and frame.height:
            entity, link = frame["link_entity"], frame["link_id"].fill_null("None")
            for table in entity.drop_nulls().unique(maintain_order=True).to_list():
                if table in ids:
                    checks.append((table, "link_id", link.set(~(entity == table).fill_null(False), None)))
        for order, (table, field, values) in enumerate(checks):
            if values.null_count() == values.len():
                continue
            references.setdefault(table, []).append(
                pl.DataFrame({"value": values})
                .with_row_index("index")
                .filter(pl.col("value").is_not_null())
                .select(
                    pl.lit(name).alias("source"),
                    pl.lit(order).alias("order"),
                    "index",
                    pl.lit(field).alias("field"),
                    "value",
                )
            )
    missing: dict[str, list[tuple[int, int, Problem]]] = {}
    for table, parts in references.items():
        wrong = pl.concat(parts).join(pl.DataFrame({"value": ids[table]}), on="value", how="anti")
        for source, order, index, field, value in wrong.iter_rows():
            # a link with no id matches a row whose id is missing too ("None"), and is named as the row path names it
            shown = None if field == "link_id" and frames[source]["link_id"][index] is None else value
            problem = Problem(
                paths.get(source, tables()[source].path), index + 2, field, f"no {table} with id {shown!r}"
            )
            missing.setdefault(source, []).append((index, order, problem))
    for name in tables():
        problems += [p for _, _, p in sorted(missing.get(name, []), key=lambda item: item[:2])]
    return problems

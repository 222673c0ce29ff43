"""Checks across a person's rows (a partition holds whole persons): duplicate charges, and facts of a
person or a case that differ between its rows, each rejected as the CSV reader (``records.from_csv``) rejects it.
"""

from __future__ import annotations

import functools
import operator
from typing import Final

import polars as pl

from ..records.model import (
    PERSON_FIELDS,
)
from .raw import IDS, ROW
from .validate import ORDER_CONSISTENCY, ORDER_DUPLICATE, problem_rows

CASE_CHECKED: Final = ("jurisdiction", "county", "arrest_date")


def check_people(
    charges: pl.DataFrame, problems: pl.DataFrame, all_ids: pl.DataFrame
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Checks across a person's rows (the partition holds whole persons): duplicates and agreement.

    ``all_ids`` (``_row`` and the three ids, every row with ids, valid or not) decides duplicates
    as records.from_csv does: the first row of a (person, case, charge) wins, later ones are rejected.
    Then each person's (case's) facts must equal those of the person's (case's) first accepted row.
    """
    parts = [problems]
    dup = _duplicates(all_ids)
    if dup.height:
        reasons = pl.Series(
            [f"duplicate charge {c!r} in case {k!r} of person {p!r}" for p, k, c in dup.select(IDS).iter_rows()],
            dtype=pl.Utf8,
        )
        parts.append(problem_rows(dup[ROW], ORDER_DUPLICATE, "charge_id", reasons))
        charges = charges.filter(~pl.col(ROW).is_in(dup[ROW].implode()))
    charges = charges.sort(ROW)
    parts += _disagreements(charges)
    problems = pl.concat(parts).sort(ROW, "_order", "reason")
    if problems.height:
        charges = charges.filter(~pl.col(ROW).is_in(problems[ROW].unique().implode()))
    return charges, problems


def _id_hash(*names: str) -> pl.Expr:
    """A 64-bit hash of the id columns ``names``: equal ids hash alike, different ones almost never do."""
    return functools.reduce(operator.xor, (pl.col(name).hash(seed) for seed, name in enumerate(names, 1)))


def _duplicates(all_ids: pl.DataFrame) -> pl.DataFrame:
    """The rows repeating an earlier row's (person, case, charge), in row order.

    Only rows whose id hash repeats can repeat; only they are compared exactly, and only when
    some hash repeats at all (rarely: a partition seldom holds a duplicate).
    """
    ids = all_ids.drop_nulls(IDS).sort(ROW)
    key = _id_hash(*IDS)
    if ids.select(key.n_unique()).item() == ids.height:
        return ids.clear()
    return ids.filter(key.is_duplicated()).filter(~pl.struct(IDS).is_first_distinct())


#: (group, the facts its rows must agree on, what the reason calls it)
_AGREEMENT: Final = ((("person_id",), PERSON_FIELDS, "person"), (("person_id", "case_id"), CASE_CHECKED, "case"))


def _disagreements(charges: pl.DataFrame) -> list[pl.DataFrame]:
    """Problems of the rows whose person (case) facts differ from the person's (case's) first row.

    Cheap when nothing differs, the usual case: with each group's rows adjacent, a group
    disagrees only if some row differs from the one before it. Only the groups that do are
    compared with their first row (by ``_row``), as records.from_csv compares.
    """
    if not charges.height:
        return []
    view = _adjacent(charges.select(ROW, "person_id", "case_id", *PERSON_FIELDS, *CASE_CHECKED))

    def changed(group: str, fields: tuple[str, ...]) -> pl.Expr:
        same = pl.col(group) == pl.col(group).shift(1)
        return same & pl.any_horizontal(~pl.col(n).eq_missing(pl.col(n).shift(1)) for n in fields)

    changes = view.select(
        changed("_person", PERSON_FIELDS).alias("person"), changed("_case", CASE_CHECKED).alias("case")
    )
    if not (changes["person"].any() or changes["case"].any()):
        return []
    persons = view["_person"].filter(changes["person"]).implode()
    cases = view["_case"].filter(changes["case"]).implode()
    groups = view.filter(pl.col("_person").is_in(persons) | pl.col("_case").is_in(cases)).sort(ROW)
    parts: list[pl.DataFrame] = []
    for offset, (group, fields, what) in enumerate(_AGREEMENT):
        for index, name in enumerate(fields):
            bad = groups.filter(~pl.col(name).eq_missing(pl.col(name).first().over(group)))
            if bad.height:
                reasons = pl.Series(
                    [f"differs from an earlier row of {what} {v!r}" for v in bad[group[-1]]], dtype=pl.Utf8
                )
                parts.append(problem_rows(bad[ROW], ORDER_CONSISTENCY + 10 * offset + index, name, reasons))
    return parts


def _adjacent(view: pl.DataFrame) -> pl.DataFrame:
    """``view`` with each person's and each case's rows adjacent, numbered as runs ``_person`` and ``_case``.

    Kept in row order when it already is so (an input grouped by person, the usual export); else
    sorted by the ids' hashes, or by the ids themselves should hashes collide. Adjacency is proved,
    not assumed: the runs of equal ids are as many as the distinct id hashes (which are no more than
    the distinct ids, which are no more than the runs).
    """
    person, case = _id_hash("person_id"), _id_hash("person_id", "case_id")
    new_person = pl.col("person_id").ne_missing(pl.col("person_id").shift(1))
    new_case = new_person | pl.col("case_id").ne_missing(pl.col("case_id").shift(1))
    for order in ((), (person, case, ROW), ("person_id", "case_id", ROW)):
        ordered = view.sort(*order) if order else view
        runs = ordered.with_columns(new_person.cum_sum().alias("_person"), new_case.cum_sum().alias("_case"))
        distinct = runs.select(person.n_unique().alias("p"), case.n_unique().alias("c")).row(0)
        if (runs["_person"][-1], runs["_case"][-1]) == distinct:
            break
    return runs  # by the ids themselves if not before: adjacent whatever the hashes

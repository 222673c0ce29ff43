"""Synthetic charge tables: realistic histories for every state with a profile, fast and reproducible.

Why synthetic: real criminal history is confidential, yet the bulk engine must be proved equal
to the explainer on millions of charges and benchmarked at state scale. The generator is
vectorized (numpy + Polars; no per-row Python) and deterministic: people are made in blocks of
``BLOCK`` with a generator seeded by ``(seed, block, jurisdiction)``, so ``write_synth`` can
stream any size in bounded memory and give the same table as ``synth_charges``.

Besides the ordinary (several cases per person, re-arrests, plausible grades, dispositions,
sentences, owed money, deaths, unknown facts), a share of the rows sits on the edges the rules
care about: case dates exactly N years (plus or minus a day) before an as-of date or the date a
parameter changed, 29 February, people turning 70 around those dates, pardons, and every
statute listed in the jurisdiction's dated parameters (its ``params.yaml``), cited in the
several spellings real dockets use. What a state's dockets hold (statutes, counties, grades, how
cases end, case numbers) is its ``State.synth`` profile (``relief/jurisdictions/<state>/``).
"""

from __future__ import annotations

import re
import string
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Final

import numpy as np
import polars as pl

from .schema import CHARGE_SCHEMA
from .synth_draw import (
    DISPOSITIONS,
    Cases,
    Charges,
    Outcome,
    People,
    Sentences,
    bernoulli,
    draw_cases,
    draw_charges,
    draw_outcome,
    draw_people,
    draw_sentences,
    edge_shift,
    shifted,
)
from .synth_profile import THROUGH, Profile, day_number, profile_for

__all__ = ["BLOCK", "DEFAULT_ANCHORS", "THROUGH", "synth_block", "synth_blocks", "synth_charges", "write_synth"]

#: People per generator block (about 450,000 charges).
BLOCK: Final = 100_000
#: As-of dates the edge cases aim at (besides the dates parameters and rules changed).
DEFAULT_ANCHORS: Final = (date(2023, 6, 1), date(2024, 2, 29), date(2026, 11, 23))


def _null_where(values: np.ndarray, mask: np.ndarray) -> pl.Series:
    series = pl.Series(values)
    return series.scatter(np.flatnonzero(mask), None) if mask.any() else series


def _dates(days: np.ndarray, unknown: np.ndarray) -> pl.Series:
    return _null_where(days.astype(np.int32), unknown).cast(pl.Date)


def _block(profile: Profile, first: int, people: int, seed: int, block: int, through: int) -> pl.DataFrame:
    """People ``first`` .. ``first + people - 1``, drawn from the generator of ``(seed, block)``.

    The stages draw in this order, and the order fixes a seed's table: a new draw goes at the end
    of a stage's own draws only if the tables of every seed may change.
    """
    rng = np.random.default_rng([seed, block, *profile.jurisdiction.encode()])
    # its own stream, so the kinds of supervision leave every other draw as it was
    rng_kinds = np.random.default_rng([seed, block, *profile.jurisdiction.encode(), 1])
    who = draw_people(rng, profile, people, through)
    cases = draw_cases(rng, profile, who)
    charges = draw_charges(rng, profile, cases)
    sentences = draw_sentences(rng, profile, charges)
    shift = edge_shift(rng, profile, who, cases, charges, sentences)
    cases, charges, sentences = shifted(shift, cases, charges, sentences)
    charges, sentences, outcome = draw_outcome(rng, rng_kinds, profile, through, charges, sentences)
    frame = _frame(rng, rng_kinds, profile, first, through, who, cases, charges, sentences, outcome)
    case_format = _case_format(profile.synth.case_id)
    return frame.select(
        person_id=pl.lit(f"{profile.jurisdiction}-{seed}-") + pl.col("person_id").cast(pl.Utf8).str.zfill(8),
        birth_date="birth_date",
        death_date="death_date",
        case_id=case_format,
        **{name: pl.col(name) for name in list(CHARGE_SCHEMA)[4:7]},
        charge_id=pl.col("charge_id").cast(pl.Utf8),
        **{name: pl.col(name) for name in list(CHARGE_SCHEMA)[8:]},
    ).cast(CHARGE_SCHEMA)  # type: ignore[arg-type]


def _frame(
    rng: np.random.Generator,
    rng_kinds: np.random.Generator,
    profile: Profile,
    first: int,
    through: int,
    who: People,
    cases: Cases,
    charges: Charges,
    sentences: Sentences,
    outcome: Outcome,
) -> pl.DataFrame:
    """The charge table, with its unknown facts drawn.

    One column per line, in the order of ``CHARGE_SCHEMA``, and the unknowns are drawn in that
    order (moving a line changes every seed's table).
    """
    n = len(charges.case)
    pick, disposition = charges.pick, charges.disposition
    s, o = sentences, outcome
    jail, probation, convicted, kind = s.jail, s.probation, o.convicted, o.kind
    disp_codes = np.array([*DISPOSITIONS, "pending"], dtype=object)
    person_and_case = _person_and_case_columns(rng, profile, first, who, cases, charges.case)

    def chance(rate: float) -> np.ndarray:
        return bernoulli(rng, rate, n)

    return pl.DataFrame(
        {
            **person_and_case,
            "charge_id": pl.Series(charges.seq.astype(np.int64)),
            "statute": _null_where(np.array(profile.statutes, dtype=object)[pick], chance(0.02)),
            "description": pl.Series(profile.descriptions, dtype=pl.Utf8).gather(pick),
            "grade": _null_where(np.array(profile.grades, dtype=object)[pick], chance(0.04)),
            "offense_date": _dates(charges.offense, chance(0.05)),
            "disposition": _null_where(disp_codes[disposition], chance(0.03)),
            "disposition_date": _dates(charges.disposition_day, (disposition == -1) | chance(0.03)),
            "incarcerated": _null_where(jail, ~convicted | chance(0.04)),
            "incarceration_start": _dates(s.inc_start, ~jail | chance(0.03)),
            "incarceration_end": _dates(s.inc_end, ~jail | o.still_in | chance(0.04)),
            "incarceration_end_scheduled": pl.Series([None] * n, dtype=pl.Boolean),
            "probation_granted": _null_where(
                probation,
                ~convicted | (kind == "parole") | (kind == "prcs") | (kind == "mandatory_supervision") | chance(0.04),
            ),
            "supervision": _null_where(kind, ~convicted | (rng_kinds.random(n) < 0.3)).cast(pl.Utf8),
            "probation_start": _dates(s.prob_start, ~probation | (s.prob_start > through) | chance(0.03)),
            "probation_end": _dates(s.prob_end, ~probation | o.on_probation | chance(0.04)),
            "probation_end_scheduled": pl.Series([None] * n, dtype=pl.Boolean),
            "probation_completed": _null_where(np.where(o.on_probation, False, s.completed), ~probation | chance(0.05)),
            "fines_costs_owed": _null_where(o.fines, chance(0.06)),
            "restitution_owed": _null_where(o.restitution, chance(0.05)),
            "state_prison": _null_where(s.state_prison, ~jail & ~convicted | chance(0.04)),
            "pardoned": _null_where(o.pardoned, chance(0.05)),
            "relief_granted": pl.Series([None] * n, dtype=pl.Utf8),  # none known (the RAP sheet's field)
        }
    )


def _person_and_case_columns(
    rng: np.random.Generator, profile: Profile, first: int, who: People, cases: Cases, charge_case: np.ndarray
) -> dict[str, pl.Series]:
    """The charge table's columns up to ``arrest_date`` (its person's and its case's), per charge."""
    n_cases = len(cases.arrest)
    person = cases.person[charge_case]
    return {
        "person_id": pl.Series(np.arange(first, first + len(who.birth)))[person],
        "birth_date": _dates(who.birth, who.birth_unknown)[person],
        "death_date": _dates(who.death, ~who.dead)[person],
        "case_seq": pl.Series(np.arange(n_cases) + first * 13)[charge_case],
        "jurisdiction": pl.Series([profile.jurisdiction] * len(charge_case)),
        "county": _null_where(np.array(profile.counties, dtype=object)[cases.county], bernoulli(rng, 0.01, n_cases))[
            charge_case
        ],
        "county_code": pl.Series(np.array(profile.county_codes, dtype=object)[cases.county])[charge_case],
        "arrest_year": pl.Series((cases.arrest // 1)[charge_case].astype(np.int32)).cast(pl.Date).dt.year(),
        "arrest_date": _dates(cases.arrest, bernoulli(rng, 0.02, n_cases))[charge_case],
    }


def _case_format(pattern: str) -> pl.Expr:
    """A state's case-number pattern (``SynthProfile.case_id``) as one Polars expression."""
    columns = {"county_code": pl.col("county_code"), "year": pl.col("arrest_year"), "seq": pl.col("case_seq")}
    template, parts = "", []
    for literal, name, spec, _conversion in string.Formatter().parse(pattern):
        template += literal.replace("{", "{{").replace("}", "}}")
        if name is None:
            continue
        if name not in columns:
            raise ValueError(f"case_id pattern {pattern!r}: {name!r} is not one of {', '.join(columns)}")
        column = columns[name].cast(pl.Utf8)
        width = re.fullmatch(r"0(\d+)d", spec or "")
        parts.append(column.str.zfill(int(width[1])) if width else column)
        template += "{}"
    return pl.format(template, *parts)


def synth_blocks(
    people: int,
    jurisdiction: str,
    seed: int,
    *,
    through: date = THROUGH,
    anchors: Sequence[date] = DEFAULT_ANCHORS,
) -> list[tuple[int, int]]:
    """The (first person, people) blocks a table of ``people`` is made of."""
    del jurisdiction, seed, through, anchors
    return [(start, min(BLOCK, people - start)) for start in range(0, people, BLOCK)]


def synth_block(
    first: int,
    people: int,
    jurisdiction: str,
    seed: int,
    *,
    through: date = THROUGH,
    anchors: Sequence[date] = DEFAULT_ANCHORS,
) -> pl.DataFrame:
    """One block of people (``first`` must be a multiple of ``BLOCK``); see ``synth_charges``."""
    if first % BLOCK:
        raise ValueError(f"a block starts at a multiple of {BLOCK}")
    profile = profile_for(jurisdiction.upper(), tuple(sorted(anchors)))
    return _block(profile, first, people, seed, first // BLOCK, day_number(through))


def synth_charges(
    people: int,
    jurisdiction: str,
    seed: int,
    *,
    through: date = THROUGH,
    anchors: Sequence[date] = DEFAULT_ANCHORS,
) -> pl.DataFrame:
    """A realistic charge table (``CHARGE_SCHEMA``) for ``people`` people, deterministic by ``seed``.

    Persons are contiguous and their cases chronological. No date is after ``through``. About
    4.5 charges per person; ``anchors`` are the as-of dates edge cases aim at (besides the dates
    the jurisdiction's parameters and rules changed).
    """
    frames = [
        synth_block(first, count, jurisdiction, seed, through=through, anchors=anchors)
        for first, count in synth_blocks(people, jurisdiction, seed)
    ]
    return pl.concat(frames) if frames else pl.DataFrame(schema=CHARGE_SCHEMA)


def write_synth(
    path: str | Path,
    people: int,
    jurisdiction: str,
    seed: int,
    *,
    through: date = THROUGH,
    anchors: Sequence[date] = DEFAULT_ANCHORS,
) -> int:
    """Write ``synth_charges(...)`` to ``path`` (``.csv`` or ``.parquet``), a block at a time; returns rows."""
    import pyarrow.parquet as pq

    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in (".csv", ".parquet"):
        raise ValueError(f"write to a .csv or .parquet file, not {target.name!r}")
    rows = 0
    tmp = target.with_name(target.name + ".partial")
    writer: pq.ParquetWriter | None = None
    with tmp.open("wb") as handle:
        for index, (first, count) in enumerate(synth_blocks(people, jurisdiction, seed)):
            frame = synth_block(first, count, jurisdiction, seed, through=through, anchors=anchors)
            rows += frame.height
            if suffix == ".csv":
                frame.write_csv(handle, include_header=index == 0)
            else:
                table = frame.to_arrow()
                if writer is None:
                    writer = pq.ParquetWriter(handle, table.schema, compression="zstd")
                writer.write_table(table)
        if suffix == ".csv" and rows == 0:
            pl.DataFrame(schema=CHARGE_SCHEMA).write_csv(handle)
        if writer is not None:
            writer.close()
        elif suffix == ".parquet":
            pl.DataFrame(schema=CHARGE_SCHEMA).write_parquet(handle)
    tmp.replace(target)
    return rows

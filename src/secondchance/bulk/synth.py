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

import itertools
import re
import string
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Final

import numpy as np
import polars as pl

from ..relief.jurisdictions.state import SynthProfile
from .schema import CHARGE_SCHEMA
from .synth_profile import THROUGH, Profile, day_number, profile_for

__all__ = ["BLOCK", "DEFAULT_ANCHORS", "THROUGH", "synth_block", "synth_blocks", "synth_charges", "write_synth"]

#: People per generator block (about 450,000 charges).
BLOCK: Final = 100_000
#: As-of dates the edge cases aim at (besides the dates parameters and rules changed).
DEFAULT_ANCHORS: Final = (date(2023, 6, 1), date(2024, 2, 29), date(2026, 11, 23))

_DISPOSITIONS: Final = ("convicted", "dismissed", "withdrawn", "nolle_prossed", "not_guilty", "diversion_completed")


def _null_where(values: np.ndarray, mask: np.ndarray) -> pl.Series:
    series = pl.Series(values)
    return series.scatter(np.flatnonzero(mask), None) if mask.any() else series


def _dates(days: np.ndarray, unknown: np.ndarray) -> pl.Series:
    return _null_where(days.astype(np.int32), unknown).cast(pl.Date)


def _supervision_kinds(
    rng: np.random.Generator,
    synth: SynthProfile,
    supervised: np.ndarray,
    jail: np.ndarray,
    felony: np.ndarray,
    state_prison: np.ndarray,
    convicted: np.ndarray,
) -> np.ndarray:
    """The kind of each supervision: after state prison the profile's kinds (parole; in California
    also PRCS), after a county-jail felony maybe the profile's other kind (California: mandatory
    supervision, PC 1170(h)(5)(B)), else probation; none where there was none."""
    draw = rng.random(len(supervised))
    kind = np.where(supervised, "probation", "none").astype(object)
    after_prison = supervised & state_prison
    chosen = np.full(len(supervised), synth.after_prison[-1][0], dtype=object)
    bounds = list(itertools.accumulate(share for _, share in synth.after_prison))
    for (name, _), bound in reversed(list(zip(synth.after_prison[:-1], bounds, strict=False))):
        chosen = np.where(draw < bound, name, chosen)  # the first kind whose cumulative share exceeds the draw
    kind = np.where(after_prison, chosen, kind)
    if synth.after_jail_felony is not None:
        name, share = synth.after_jail_felony
        kind = np.where(supervised & jail & felony & ~state_prison & (draw < share), name, kind)
    return np.where(convicted, kind, "").astype(str)


def _block(profile: Profile, first: int, people: int, seed: int, block: int, through: int) -> pl.DataFrame:
    """People ``first`` .. ``first + people - 1``, drawn from the generator of ``(seed, block)``."""
    # Long on purpose: the draws must stay in this order (a seed's table is fixed by it), and the
    # stages share two dozen arrays.
    rng = np.random.default_rng([seed, block, *profile.jurisdiction.encode()])
    # its own stream, so the kinds of supervision leave every other draw as it was
    rng_kinds = np.random.default_rng([seed, block, *profile.jurisdiction.encode(), 1])
    j = profile.jurisdiction
    year = 365.2425

    # ---- people: birth, death
    birth = through - rng.integers(int(19 * year), int(85 * year), people)
    turning = rng.random(people) < 0.04  # ages near 70 (and 65, 21, 18) at an anchor date
    birth[turning] = rng.choice(profile.age_targets, int(turning.sum()))
    leap = rng.random(people) < 0.003
    birth[leap] = [day_number(date(y, 2, 29)) for y in rng.choice(np.arange(1944, 2004, 4), int(leap.sum()))]
    birth = np.minimum(birth, through - int(19 * year))
    dead = rng.random(people) < 0.04
    death = birth + rng.integers(int(20 * year), int(90 * year), people)
    dead &= death <= through
    birth_unknown = rng.random(people) < 0.02
    life_end = np.where(dead, death, through)
    adult = birth + int(18 * year)
    life_end = np.maximum(life_end, adult + 30)

    # ---- cases: several per person, in time order (re-arrests)
    n_cases = np.minimum(rng.geometric(0.45, people), 12)
    case_person = np.repeat(np.arange(people), n_cases)
    cases = len(case_person)
    span = life_end[case_person] - adult[case_person]
    arrest = adult[case_person] + (rng.random(cases) * span).astype(np.int64)
    arrest = arrest[np.lexsort((arrest, case_person))]  # each person's cases in time order
    county_index = rng.choice(len(profile.counties), cases, p=profile.county_weights)
    disposed_after = rng.gamma(2.0, 90.0, cases).astype(np.int64) + 14

    # ---- charges: one or more per case
    n_charges = np.minimum(rng.geometric(0.5, cases), 8)
    charge_case = np.repeat(np.arange(cases), n_charges)
    charges = len(charge_case)
    charge_seq = np.arange(charges) - np.repeat(np.cumsum(n_charges) - n_charges, n_charges) + 1
    person = case_person[charge_case]
    pick = rng.choice(len(profile.statutes), charges, p=profile.weights)
    grades = np.array(profile.grades, dtype=object)[pick]
    felony = np.array([g in profile.synth.felony_grades for g in profile.grades])[pick]
    summary = np.array([g in profile.synth.summary_grades for g in profile.grades])[pick]

    c_arrest = arrest[charge_case]
    offense = c_arrest - np.where(rng.random(charges) < 0.7, 0, rng.integers(1, 120, charges))
    disposition_day = (
        c_arrest + disposed_after[charge_case] + np.where(rng.random(charges) < 0.1, rng.integers(0, 200, charges), 0)
    )
    shares = dict(profile.synth.dispositions)
    weights = np.array([shares.get(name, 0.0) for name in _DISPOSITIONS])
    disposition = rng.choice(len(_DISPOSITIONS), charges, p=weights / weights.sum())
    convicted = disposition == 0

    # ---- sentences of convictions
    jail = convicted & (rng.random(charges) < np.where(felony, 0.6, np.where(summary, 0.05, 0.25)))
    jail_days = np.where(
        felony,
        rng.lognormal(6.3, 0.9, charges),
        np.where(summary, rng.integers(1, 90, charges), rng.lognormal(3.5, 1.2, charges)),
    ).astype(np.int64)
    jail_days = np.clip(jail_days, 1, int(40 * year))
    inc_start = disposition_day - np.where(rng.random(charges) < 0.3, rng.integers(0, 180, charges), 0)
    inc_end = inc_start + jail_days
    state_prison = jail & felony & (jail_days >= profile.synth.state_prison_days)
    probation = convicted & (rng.random(charges) < 0.55)
    prob_start = np.where(jail, inc_end, disposition_day)
    prob_end = prob_start + rng.integers(180, int(5 * year), charges)
    completed = rng.random(charges) < 0.88

    # ---- edge cases: move a case's dates so one lands exactly on a waiting-period boundary
    edge_case = rng.random(cases) < 0.12
    which = rng.integers(0, 4, cases)  # 0 disposition, 1 incarceration end, 2 probation end, 3 arrest
    target = rng.choice(profile.edge_targets, cases)
    first_charge = np.cumsum(n_charges) - n_charges
    anchor_day = np.select(
        [which == 0, which == 1, which == 2],
        [disposition_day[first_charge], inc_end[first_charge], prob_end[first_charge]],
        arrest,
    )
    usable = np.select(
        [which == 1, which == 2], [jail[first_charge], probation[first_charge]], np.ones(cases, dtype=bool)
    )
    usable &= arrest + target - anchor_day >= adult[case_person]  # never a case before the 18th birthday
    shift = np.where(edge_case & usable, target - anchor_day, 0)
    c_shift = shift[charge_case]
    arrest = arrest + shift
    c_arrest = c_arrest + c_shift
    offense, disposition_day = offense + c_shift, disposition_day + c_shift
    inc_start, inc_end = inc_start + c_shift, inc_end + c_shift
    prob_start, prob_end = prob_start + c_shift, prob_end + c_shift

    # ---- nothing after the extract date: undecided cases are pending, ongoing sentences open
    pending = disposition_day > through
    disposition = np.where(pending, -1, disposition)
    convicted &= ~pending
    jail &= ~pending
    probation &= ~pending
    state_prison &= ~pending
    still_in = jail & (inc_end > through)
    on_probation = probation & (prob_end > through)
    kind = _supervision_kinds(rng_kinds, profile.synth, probation, jail, felony, state_prison, convicted)

    # ---- money owed, pardons, and unknown facts
    def chance(rate: float, n: int = charges) -> np.ndarray:
        return rng.random(n) < rate

    fines = np.where(convicted & chance(0.3), np.round(rng.lognormal(6.0, 1.2, charges), 2), 0.0)
    fines = np.where(~convicted & chance(0.03), 150.0, fines)  # court costs without a conviction
    restitution = np.where(convicted & chance(0.08), np.round(rng.lognormal(6.5, 1.5, charges), 2), 0.0)
    pardoned = convicted & chance(0.01)

    disp_codes = np.array([*_DISPOSITIONS, "pending"], dtype=object)
    prefix = f"{j}-{seed}-"
    frame = pl.DataFrame(
        {
            "person_id": pl.Series(np.arange(first, first + people))[person],
            "birth_date": _dates(birth, birth_unknown)[person],
            "death_date": _dates(death, ~dead)[person],
            "case_seq": pl.Series(np.arange(cases) + first * 13)[charge_case],
            "jurisdiction": pl.Series([j] * charges),
            "county": _null_where(np.array(profile.counties, dtype=object)[county_index], chance(0.01, cases))[
                charge_case
            ],
            "county_code": pl.Series(np.array(profile.county_codes, dtype=object)[county_index])[charge_case],
            "arrest_year": pl.Series((arrest // 1)[charge_case].astype(np.int32)).cast(pl.Date).dt.year(),
            "arrest_date": _dates(arrest, chance(0.02, cases))[charge_case],
            "charge_id": pl.Series(charge_seq.astype(np.int64)),
            "statute": _null_where(np.array(profile.statutes, dtype=object)[pick], chance(0.02)),
            "description": pl.Series(profile.descriptions, dtype=pl.Utf8).gather(pick),
            "grade": _null_where(grades, chance(0.04)),
            "offense_date": _dates(offense, chance(0.05)),
            "disposition": _null_where(disp_codes[disposition], chance(0.03)),
            "disposition_date": _dates(disposition_day, pending | chance(0.03)),
            "incarcerated": _null_where(jail, ~convicted | chance(0.04)),
            "incarceration_start": _dates(inc_start, ~jail | chance(0.03)),
            "incarceration_end": _dates(inc_end, ~jail | still_in | chance(0.04)),
            "incarceration_end_scheduled": pl.Series([None] * charges, dtype=pl.Boolean),
            "probation_granted": _null_where(
                probation,
                ~convicted | (kind == "parole") | (kind == "prcs") | (kind == "mandatory_supervision") | chance(0.04),
            ),
            "supervision": _null_where(kind, ~convicted | (rng_kinds.random(charges) < 0.3)).cast(pl.Utf8),
            "probation_start": _dates(prob_start, ~probation | (prob_start > through) | chance(0.03)),
            "probation_end": _dates(prob_end, ~probation | on_probation | chance(0.04)),
            "probation_end_scheduled": pl.Series([None] * charges, dtype=pl.Boolean),
            "probation_completed": _null_where(np.where(on_probation, False, completed), ~probation | chance(0.05)),
            "fines_costs_owed": _null_where(fines, chance(0.06)),
            "restitution_owed": _null_where(restitution, chance(0.05)),
            "state_prison": _null_where(state_prison, ~jail & ~convicted | chance(0.04)),
            "pardoned": _null_where(pardoned, chance(0.05)),
            "relief_granted": pl.Series([None] * charges, dtype=pl.Utf8),  # none known (the RAP sheet's field)
        }
    )
    case_format = _case_format(profile.synth.case_id)
    return frame.select(
        person_id=pl.lit(prefix) + pl.col("person_id").cast(pl.Utf8).str.zfill(8),
        birth_date="birth_date",
        death_date="death_date",
        case_id=case_format,
        **{name: pl.col(name) for name in list(CHARGE_SCHEMA)[4:7]},
        charge_id=pl.col("charge_id").cast(pl.Utf8),
        **{name: pl.col(name) for name in list(CHARGE_SCHEMA)[8:]},
    ).cast(CHARGE_SCHEMA)  # type: ignore[arg-type]


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

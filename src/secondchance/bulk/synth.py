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
from typing import Final, NamedTuple

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


#: Days in a year, on average (the generator's ages and spans).
_YEAR: Final = 365.2425


def _chance(rng: np.random.Generator, rate: float, n: int) -> np.ndarray:
    return rng.random(n) < rate


class _People(NamedTuple):
    """Per person (days since 1970): birth, death, who died, whose birth date is unknown, the 18th
    birthday, and the day after which no case starts."""

    birth: np.ndarray
    death: np.ndarray
    dead: np.ndarray
    birth_unknown: np.ndarray
    adult: np.ndarray
    life_end: np.ndarray


class _Cases(NamedTuple):
    """Per case: its person, arrest day (each person's in time order), county (an index into the
    profile's) and the days from arrest to disposition."""

    person: np.ndarray
    arrest: np.ndarray
    county: np.ndarray
    disposed_after: np.ndarray


class _Charges(NamedTuple):
    """Per charge: its case, its number in the case, its statute (an index into the profile's),
    whether its grade is a felony or a summary offense, offense and disposition days, disposition
    (an index into ``_DISPOSITIONS``; -1 pending); ``first`` is each case's first charge."""

    case: np.ndarray
    first: np.ndarray
    seq: np.ndarray
    pick: np.ndarray
    felony: np.ndarray
    summary: np.ndarray
    offense: np.ndarray
    disposition_day: np.ndarray
    disposition: np.ndarray


class _Sentences(NamedTuple):
    """Per charge: jail (and whether in state prison) with its days, probation with its days, and
    whether probation was completed."""

    jail: np.ndarray
    state_prison: np.ndarray
    inc_start: np.ndarray
    inc_end: np.ndarray
    probation: np.ndarray
    prob_start: np.ndarray
    prob_end: np.ndarray
    completed: np.ndarray


class _Outcome(NamedTuple):
    """Per charge, as of the extract date: convicted, still serving, the kind of supervision, and
    money owed and pardons."""

    convicted: np.ndarray
    still_in: np.ndarray
    on_probation: np.ndarray
    kind: np.ndarray
    fines: np.ndarray
    restitution: np.ndarray
    pardoned: np.ndarray


def _block(profile: Profile, first: int, people: int, seed: int, block: int, through: int) -> pl.DataFrame:
    """People ``first`` .. ``first + people - 1``, drawn from the generator of ``(seed, block)``.

    The stages draw in this order, and the order fixes a seed's table: a new draw goes at the end
    of a stage's own draws only if the tables of every seed may change.
    """
    rng = np.random.default_rng([seed, block, *profile.jurisdiction.encode()])
    # its own stream, so the kinds of supervision leave every other draw as it was
    rng_kinds = np.random.default_rng([seed, block, *profile.jurisdiction.encode(), 1])
    who = _people(rng, profile, people, through)
    cases = _cases(rng, profile, who)
    charges = _charges(rng, profile, cases)
    sentences = _sentences(rng, profile, charges)
    shift = _edge_shift(rng, profile, who, cases, charges, sentences)
    cases, charges, sentences = _shifted(shift, cases, charges, sentences)
    charges, sentences, outcome = _outcome(rng, rng_kinds, profile, through, charges, sentences)
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


def _people(rng: np.random.Generator, profile: Profile, people: int, through: int) -> _People:
    """Births (some aimed at an age at an anchor date, some on 29 February) and deaths."""
    birth = through - rng.integers(int(19 * _YEAR), int(85 * _YEAR), people)
    turning = rng.random(people) < 0.04  # ages near 70 (and 65, 21, 18) at an anchor date
    birth[turning] = rng.choice(profile.age_targets, int(turning.sum()))
    leap = rng.random(people) < 0.003
    birth[leap] = [day_number(date(y, 2, 29)) for y in rng.choice(np.arange(1944, 2004, 4), int(leap.sum()))]
    birth = np.minimum(birth, through - int(19 * _YEAR))
    dead = rng.random(people) < 0.04
    death = birth + rng.integers(int(20 * _YEAR), int(90 * _YEAR), people)
    dead &= death <= through
    birth_unknown = rng.random(people) < 0.02
    life_end = np.where(dead, death, through)
    adult = birth + int(18 * _YEAR)
    life_end = np.maximum(life_end, adult + 30)
    return _People(birth, death, dead, birth_unknown, adult, life_end)


def _cases(rng: np.random.Generator, profile: Profile, who: _People) -> _Cases:
    """Several cases per person, in time order (re-arrests)."""
    n_cases = np.minimum(rng.geometric(0.45, len(who.birth)), 12)
    case_person = np.repeat(np.arange(len(who.birth)), n_cases)
    cases = len(case_person)
    span = who.life_end[case_person] - who.adult[case_person]
    arrest = who.adult[case_person] + (rng.random(cases) * span).astype(np.int64)
    arrest = arrest[np.lexsort((arrest, case_person))]  # each person's cases in time order
    county_index = rng.choice(len(profile.counties), cases, p=profile.county_weights)
    disposed_after = rng.gamma(2.0, 90.0, cases).astype(np.int64) + 14
    return _Cases(case_person, arrest, county_index, disposed_after)


def _charges(rng: np.random.Generator, profile: Profile, cases: _Cases) -> _Charges:
    """One or more charges per case: statute, grade, offense day, how and when the case ended."""
    n_charges = np.minimum(rng.geometric(0.5, len(cases.arrest)), 8)
    charge_case = np.repeat(np.arange(len(cases.arrest)), n_charges)
    charges = len(charge_case)
    first_charge = np.cumsum(n_charges) - n_charges
    charge_seq = np.arange(charges) - np.repeat(first_charge, n_charges) + 1
    pick = rng.choice(len(profile.statutes), charges, p=profile.weights)
    felony = np.array([g in profile.synth.felony_grades for g in profile.grades])[pick]
    summary = np.array([g in profile.synth.summary_grades for g in profile.grades])[pick]
    c_arrest = cases.arrest[charge_case]
    offense = c_arrest - np.where(rng.random(charges) < 0.7, 0, rng.integers(1, 120, charges))
    disposition_day = (
        c_arrest
        + cases.disposed_after[charge_case]
        + np.where(rng.random(charges) < 0.1, rng.integers(0, 200, charges), 0)
    )
    shares = dict(profile.synth.dispositions)
    weights = np.array([shares.get(name, 0.0) for name in _DISPOSITIONS])
    disposition = rng.choice(len(_DISPOSITIONS), charges, p=weights / weights.sum())
    return _Charges(charge_case, first_charge, charge_seq, pick, felony, summary, offense, disposition_day, disposition)


def _sentences(rng: np.random.Generator, profile: Profile, charges: _Charges) -> _Sentences:
    """The sentences of convictions: jail or prison, probation."""
    n = len(charges.case)
    convicted = charges.disposition == 0
    felony, summary = charges.felony, charges.summary
    jail = convicted & (rng.random(n) < np.where(felony, 0.6, np.where(summary, 0.05, 0.25)))
    jail_days = np.where(
        felony,
        rng.lognormal(6.3, 0.9, n),
        np.where(summary, rng.integers(1, 90, n), rng.lognormal(3.5, 1.2, n)),
    ).astype(np.int64)
    jail_days = np.clip(jail_days, 1, int(40 * _YEAR))
    inc_start = charges.disposition_day - np.where(rng.random(n) < 0.3, rng.integers(0, 180, n), 0)
    inc_end = inc_start + jail_days
    state_prison = jail & felony & (jail_days >= profile.synth.state_prison_days)
    probation = convicted & (rng.random(n) < 0.55)
    prob_start = np.where(jail, inc_end, charges.disposition_day)
    prob_end = prob_start + rng.integers(180, int(5 * _YEAR), n)
    completed = rng.random(n) < 0.88
    return _Sentences(jail, state_prison, inc_start, inc_end, probation, prob_start, prob_end, completed)


def _edge_shift(
    rng: np.random.Generator, profile: Profile, who: _People, cases: _Cases, charges: _Charges, sentences: _Sentences
) -> np.ndarray:
    """Per case, the days to move its dates by so that one lands exactly on a waiting-period boundary (mostly 0)."""
    n = len(cases.arrest)
    edge_case = rng.random(n) < 0.12
    which = rng.integers(0, 4, n)  # 0 disposition, 1 incarceration end, 2 probation end, 3 arrest
    target = rng.choice(profile.edge_targets, n)
    first = charges.first
    anchor_day = np.select(
        [which == 0, which == 1, which == 2],
        [charges.disposition_day[first], sentences.inc_end[first], sentences.prob_end[first]],
        cases.arrest,
    )
    usable = np.select(
        [which == 1, which == 2], [sentences.jail[first], sentences.probation[first]], np.ones(n, dtype=bool)
    )
    usable &= cases.arrest + target - anchor_day >= who.adult[cases.person]  # never a case before the 18th birthday
    result: np.ndarray = np.where(edge_case & usable, target - anchor_day, 0)
    return result


def _shifted(
    shift: np.ndarray, cases: _Cases, charges: _Charges, sentences: _Sentences
) -> tuple[_Cases, _Charges, _Sentences]:
    """Every date of a case moved by its ``shift``."""
    c_shift = shift[charges.case]
    return (
        cases._replace(arrest=cases.arrest + shift),
        charges._replace(offense=charges.offense + c_shift, disposition_day=charges.disposition_day + c_shift),
        sentences._replace(
            inc_start=sentences.inc_start + c_shift,
            inc_end=sentences.inc_end + c_shift,
            prob_start=sentences.prob_start + c_shift,
            prob_end=sentences.prob_end + c_shift,
        ),
    )


def _outcome(
    rng: np.random.Generator,
    rng_kinds: np.random.Generator,
    profile: Profile,
    through: int,
    charges: _Charges,
    sentences: _Sentences,
) -> tuple[_Charges, _Sentences, _Outcome]:
    """Nothing after the extract date (undecided cases are pending, ongoing sentences open); money owed, pardons."""
    pending = charges.disposition_day > through
    charges = charges._replace(disposition=np.where(pending, -1, charges.disposition))
    convicted = (charges.disposition == 0) & ~pending
    sentences = sentences._replace(
        jail=sentences.jail & ~pending,
        probation=sentences.probation & ~pending,
        state_prison=sentences.state_prison & ~pending,
    )
    jail, probation, state_prison = sentences.jail, sentences.probation, sentences.state_prison
    still_in = jail & (sentences.inc_end > through)
    on_probation = probation & (sentences.prob_end > through)
    kind = _supervision_kinds(rng_kinds, profile.synth, probation, jail, charges.felony, state_prison, convicted)
    n = len(charges.case)
    fines = np.where(convicted & _chance(rng, 0.3, n), np.round(rng.lognormal(6.0, 1.2, n), 2), 0.0)
    fines = np.where(~convicted & _chance(rng, 0.03, n), 150.0, fines)  # court costs without a conviction
    restitution = np.where(convicted & _chance(rng, 0.08, n), np.round(rng.lognormal(6.5, 1.5, n), 2), 0.0)
    pardoned = convicted & _chance(rng, 0.01, n)
    return charges, sentences, _Outcome(convicted, still_in, on_probation, kind, fines, restitution, pardoned)


def _frame(
    rng: np.random.Generator,
    rng_kinds: np.random.Generator,
    profile: Profile,
    first: int,
    through: int,
    who: _People,
    cases: _Cases,
    charges: _Charges,
    sentences: _Sentences,
    outcome: _Outcome,
) -> pl.DataFrame:
    """The charge table, with its unknown facts drawn.

    One column per line, in the order of ``CHARGE_SCHEMA``, and the unknowns are drawn in that
    order (moving a line changes every seed's table).
    """
    n = len(charges.case)
    pick, disposition = charges.pick, charges.disposition
    s, o = sentences, outcome
    jail, probation, convicted, kind = s.jail, s.probation, o.convicted, o.kind
    disp_codes = np.array([*_DISPOSITIONS, "pending"], dtype=object)
    person_and_case = _person_and_case_columns(rng, profile, first, who, cases, charges.case)

    def chance(rate: float) -> np.ndarray:
        return _chance(rng, rate, n)

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
    rng: np.random.Generator, profile: Profile, first: int, who: _People, cases: _Cases, charge_case: np.ndarray
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
        "county": _null_where(np.array(profile.counties, dtype=object)[cases.county], _chance(rng, 0.01, n_cases))[
            charge_case
        ],
        "county_code": pl.Series(np.array(profile.county_codes, dtype=object)[cases.county])[charge_case],
        "arrest_year": pl.Series((cases.arrest // 1)[charge_case].astype(np.int32)).cast(pl.Date).dt.year(),
        "arrest_date": _dates(cases.arrest, _chance(rng, 0.02, n_cases))[charge_case],
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

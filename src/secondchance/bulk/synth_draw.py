"""The draws of the synthetic charge tables (``bulk.synth``): people, their cases, charges, sentences and outcomes.

Each stage takes the block's generator and draws in a fixed order; ``bulk.synth`` calls them in a
fixed order too, so a seed's table depends on both (see ``bulk.synth._block``). Days are numbers
(days since 1970) until ``bulk.synth`` assembles the frame.
"""

from __future__ import annotations

import itertools
from datetime import date
from typing import Final, NamedTuple

import numpy as np

from ..relief.jurisdictions.state import SynthProfile
from .synth_profile import Profile, day_number

#: How a charge ended, by index (-1 is pending).
DISPOSITIONS: Final = ("convicted", "dismissed", "withdrawn", "nolle_prossed", "not_guilty", "diversion_completed")


def supervision_kinds(
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
YEAR: Final = 365.2425


def bernoulli(rng: np.random.Generator, rate: float, n: int) -> np.ndarray:
    return rng.random(n) < rate


class People(NamedTuple):
    """Per person (days since 1970): birth, death, who died, whose birth date is unknown, the 18th
    birthday, and the day after which no case starts."""

    birth: np.ndarray
    death: np.ndarray
    dead: np.ndarray
    birth_unknown: np.ndarray
    adult: np.ndarray
    life_end: np.ndarray


class Cases(NamedTuple):
    """Per case: its person, arrest day (each person's in time order), county (an index into the
    profile's) and the days from arrest to disposition."""

    person: np.ndarray
    arrest: np.ndarray
    county: np.ndarray
    disposed_after: np.ndarray


class Charges(NamedTuple):
    """Per charge: its case, its number in the case, its statute (an index into the profile's),
    whether its grade is a felony or a summary offense, offense and disposition days, disposition
    (an index into ``DISPOSITIONS``; -1 pending); ``first`` is each case's first charge."""

    case: np.ndarray
    first: np.ndarray
    seq: np.ndarray
    pick: np.ndarray
    felony: np.ndarray
    summary: np.ndarray
    offense: np.ndarray
    disposition_day: np.ndarray
    disposition: np.ndarray


class Sentences(NamedTuple):
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


class Outcome(NamedTuple):
    """Per charge, as of the extract date: convicted, still serving, the kind of supervision, and
    money owed and pardons."""

    convicted: np.ndarray
    still_in: np.ndarray
    on_probation: np.ndarray
    kind: np.ndarray
    fines: np.ndarray
    restitution: np.ndarray
    pardoned: np.ndarray


def draw_people(rng: np.random.Generator, profile: Profile, people: int, through: int) -> People:
    """Births (some aimed at an age at an anchor date, some on 29 February) and deaths."""
    birth = through - rng.integers(int(19 * YEAR), int(85 * YEAR), people)
    turning = rng.random(people) < 0.04  # ages near 70 (and 65, 21, 18) at an anchor date
    birth[turning] = rng.choice(profile.age_targets, int(turning.sum()))
    leap = rng.random(people) < 0.003
    birth[leap] = [day_number(date(y, 2, 29)) for y in rng.choice(np.arange(1944, 2004, 4), int(leap.sum()))]
    birth = np.minimum(birth, through - int(19 * YEAR))
    dead = rng.random(people) < 0.04
    death = birth + rng.integers(int(20 * YEAR), int(90 * YEAR), people)
    dead &= death <= through
    birth_unknown = rng.random(people) < 0.02
    life_end = np.where(dead, death, through)
    adult = birth + int(18 * YEAR)
    life_end = np.maximum(life_end, adult + 30)
    return People(birth, death, dead, birth_unknown, adult, life_end)


def draw_cases(rng: np.random.Generator, profile: Profile, who: People) -> Cases:
    """Several cases per person, in time order (re-arrests)."""
    n_cases = np.minimum(rng.geometric(0.45, len(who.birth)), 12)
    case_person = np.repeat(np.arange(len(who.birth)), n_cases)
    cases = len(case_person)
    span = who.life_end[case_person] - who.adult[case_person]
    arrest = who.adult[case_person] + (rng.random(cases) * span).astype(np.int64)
    arrest = arrest[np.lexsort((arrest, case_person))]  # each person's cases in time order
    county_index = rng.choice(len(profile.counties), cases, p=profile.county_weights)
    disposed_after = rng.gamma(2.0, 90.0, cases).astype(np.int64) + 14
    return Cases(case_person, arrest, county_index, disposed_after)


def draw_charges(rng: np.random.Generator, profile: Profile, cases: Cases) -> Charges:
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
    weights = np.array([shares.get(name, 0.0) for name in DISPOSITIONS])
    disposition = rng.choice(len(DISPOSITIONS), charges, p=weights / weights.sum())
    return Charges(charge_case, first_charge, charge_seq, pick, felony, summary, offense, disposition_day, disposition)


def draw_sentences(rng: np.random.Generator, profile: Profile, charges: Charges) -> Sentences:
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
    jail_days = np.clip(jail_days, 1, int(40 * YEAR))
    inc_start = charges.disposition_day - np.where(rng.random(n) < 0.3, rng.integers(0, 180, n), 0)
    inc_end = inc_start + jail_days
    state_prison = jail & felony & (jail_days >= profile.synth.state_prison_days)
    probation = convicted & (rng.random(n) < 0.55)
    prob_start = np.where(jail, inc_end, charges.disposition_day)
    prob_end = prob_start + rng.integers(180, int(5 * YEAR), n)
    completed = rng.random(n) < 0.88
    return Sentences(jail, state_prison, inc_start, inc_end, probation, prob_start, prob_end, completed)


def edge_shift(
    rng: np.random.Generator, profile: Profile, who: People, cases: Cases, charges: Charges, sentences: Sentences
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


def shifted(
    shift: np.ndarray, cases: Cases, charges: Charges, sentences: Sentences
) -> tuple[Cases, Charges, Sentences]:
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


def draw_outcome(
    rng: np.random.Generator,
    rng_kinds: np.random.Generator,
    profile: Profile,
    through: int,
    charges: Charges,
    sentences: Sentences,
) -> tuple[Charges, Sentences, Outcome]:
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
    kind = supervision_kinds(rng_kinds, profile.synth, probation, jail, charges.felony, state_prison, convicted)
    n = len(charges.case)
    fines = np.where(convicted & bernoulli(rng, 0.3, n), np.round(rng.lognormal(6.0, 1.2, n), 2), 0.0)
    fines = np.where(~convicted & bernoulli(rng, 0.03, n), 150.0, fines)  # court costs without a conviction
    restitution = np.where(convicted & bernoulli(rng, 0.08, n), np.round(rng.lognormal(6.5, 1.5, n), 2), 0.0)
    pardoned = convicted & bernoulli(rng, 0.01, n)
    return charges, sentences, Outcome(convicted, still_in, on_probation, kind, fines, restitution, pardoned)

"""Eligibility read from a listing's words: the labelled phrases, the hedges, and the quoted phrase."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from secondchance.directory.eligibility import Requirements, requirements
from secondchance.directory.eligibility_text import clauses, read
from secondchance.directory.facts import PersonFacts
from secondchance.directory.infer import enrich
from secondchance.directory.match import Fit, match
from secondchance.directory.model import Directory
from secondchance.testing.phrases import HELDOUT, SHARED, load, load_real, score

AS_OF = date(2026, 11, 29)


def test_the_labelled_phrases_are_read_with_the_precision_and_recall_of_issue_13() -> None:
    """>= 300 labelled phrases; every decided kind at precision >= 0.98, recall >= 0.8 overall.
    (The grammar was tuned on this set; bench/eligibility.py also reports the held-out set.)"""
    result = score(load())
    assert result["phrases"] >= 300
    assert result["recall"] >= 0.8, result["errors"]
    for kind, figures in result["kinds"].items():
        assert figures["precision"] is None or figures["precision"] >= 0.98, (kind, result["errors"])


def test_the_held_out_phrases_are_read_with_the_precision_of_issue_13() -> None:
    """The fair figure, as a quality floor: phrases written and labelled before the extractor saw them
    (round 3) and every service text of the real fixtures in ../shared, with frozen labels. Precision
    >= 0.98 over all decisions (a wrong "fits" is the worst error), recall >= 0.8."""
    phrases = load(HELDOUT)
    assert len(phrases) >= 120
    if SHARED.is_dir():
        real = load_real()
        assert len(real) >= 250
        phrases += real
    result = score(phrases)
    assert result["precision"] >= 0.98 and result["recall"] >= 0.8, result["errors"]


def test_the_tuned_and_round_3_sets_keep_their_recall() -> None:
    """After round 9's general rules: the tuned set 1.00 / 0.979, round 3's written phrases 1.00 / 0.953 (they
    were 0.962 and 0.925 before), the tuned set 0.981 after round 13's: a floor under each, and no wrong decision
    on either."""
    tuned = score(load())
    written = score(load(HELDOUT))
    assert tuned["precision"] == 1.0 and tuned["recall"] >= 0.98, tuned["errors"]
    assert written["precision"] == 1.0 and written["recall"] >= 0.95, written["errors"]


def test_the_fresh_round_stays_at_or_above_its_first_score() -> None:
    """Round 4 scored 0.938 precision untouched; the floor keeps it from going back below that."""
    result = score(load(HELDOUT.with_name("eligibility_phrases_fresh.txt")))
    assert result["phrases"] >= 60
    assert result["precision"] >= 0.938 and result["recall"] >= 0.8, result["errors"]


def test_round_5_holds_the_precision_its_fixes_reached() -> None:
    """Round 5 (346 phrases written blind by a separate helper) scored 0.872 / 0.76 untouched; after the
    general fixes it found, 0.988 / 0.85. The whole-clause grammar keeps the precision and gives up
    recall (0.659: a clause with one word it does not know decides nothing; 0.676 after round 7's
    fillers and shapes, 0.714 after round 8's, 0.787 after round 9's general rules, 0.808 -> 0.826 after round
    12's, 0.836 after round 13's); the floor keeps both."""
    result = score(load(HELDOUT.with_name("eligibility_phrases_round5.txt")))
    assert result["phrases"] >= 340
    assert result["precision"] >= 0.98 and result["recall"] >= 0.835, result["errors"]


def test_round_6_holds_the_precision_its_fixes_reached() -> None:
    """Round 6 (374 phrases written blind by a separate helper) scored 0.85 / 0.776 untouched, with the
    round-5 fixes in; after fixing what it found, 0.982 / 0.764; with the whole-clause grammar 0.983 /
    0.494 (its long paragraphs rarely parse whole), 0.54 after round 7's fillers and shapes, 0.622 after
    round 8's, 0.722 after round 9's general rules, 0.741 -> 0.753 after round 12's, 0.756 after round 13's. The
    floor keeps it there."""
    result = score(load(HELDOUT.with_name("eligibility_phrases_round6.txt")))
    assert result["phrases"] >= 370
    assert result["precision"] >= 0.98 and result["recall"] >= 0.75, result["errors"]


def test_round_7_holds_the_precision_of_the_whole_clause_grammar() -> None:
    """Round 7 (512 phrases written blind) scored untouched 0.909 / 0.72 with the regex extractor and
    0.987 / 0.417 with the whole-clause grammar; the fillers and shapes its misses showed took recall to
    0.564 and precision to 0.993; after round 8's fixes (a borough is its county, a finished detox is not
    sobriety) and shapes, 1.00 / 0.604; after round 9's general rules 1.00 / 0.661; 0.682 -> 0.695 after round
    12's, 0.705 after round 13's. Every decided kind at >= 0.98."""
    result = score(load(HELDOUT.with_name("eligibility_phrases_round7.txt")))
    assert result["phrases"] >= 500
    assert result["precision"] >= 0.98 and result["recall"] >= 0.70, result["errors"]
    for kind, figures in result["kinds"].items():
        assert figures["precision"] is None or figures["precision"] >= 0.98, (kind, result["errors"])


def test_round_8_holds_the_precision_its_fixes_reached() -> None:
    """Round 8 (446 phrases written blind while round 7 was tuned on) scored 0.969 / 0.386 untouched. Its
    seven wrong decisions were then fixed by general rules (test_eligibility_shapes.py) and its misses mined
    for new value shapes, so it is tuned on now (a round 9 is the untouched test). Every kind at >= 0.98."""
    result = score(load(HELDOUT.with_name("eligibility_phrases_round8.txt")))
    assert result["phrases"] >= 440
    assert result["precision"] >= 0.98 and result["recall"] >= ROUND_8_RECALL, result["errors"]
    for kind, figures in result["kinds"].items():
        assert figures["precision"] is None or figures["precision"] >= 0.98, (kind, result["errors"])


#: Round 8's recall after its fixes and the shapes added for it, then round 9's general rules, then round 12's
#: (0.718 -> 0.730), then round 13's (0.730 -> 0.746; docs/directory.md).
ROUND_8_RECALL = 0.745


def test_round_9_holds_the_precision_its_fixes_reached() -> None:
    """Round 9 (558 phrases written blind while round 8 was fixed) scored untouched 0.991 / 0.481; with the
    general rules written while looking only at rounds 5-8 (leave-one-out), 0.987 / 0.547. Its wrong
    decisions were then fixed by general rules and its misses mined (1.00 / 0.662): it is tuned on now (a
    round 10 is the untouched test). Every decided kind at >= 0.98."""
    result = score(load(HELDOUT.with_name("eligibility_phrases_round9.txt")))
    assert result["phrases"] == 558
    assert result["precision"] >= 0.98 and result["recall"] >= ROUND_9_RECALL, result["errors"]
    for kind, figures in result["kinds"].items():
        assert figures["precision"] is None or figures["precision"] >= 0.98, (kind, result["errors"])


#: Round 9's recall after its fixes and the general rules added with it, then round 12's (0.690 -> 0.716), then
#: round 13's (0.716 -> 0.724; docs/directory.md).
ROUND_9_RECALL = 0.72


def test_round_10_holds_the_precision_its_fixes_reached() -> None:
    """Round 10 (588 phrases written blind while round 9 was tuned on) scored untouched 0.980 / 0.425 with
    the reader before round 9's general rules and 0.979 / 0.530 after them. Its wrong decisions were then
    fixed by general rules (but one, a disputed label: a Louisiana parish is a county here) and its misses
    mined: 0.998 / 0.711 (docs/directory.md). It is tuned on now (round 11 is the untouched test). Every
    decided kind at >= 0.98."""
    result = score(load(HELDOUT.with_name("eligibility_phrases_round10.txt")))
    assert result["phrases"] == 588
    assert result["precision"] >= 0.98 and result["recall"] >= ROUND_10_RECALL, result["errors"]
    for kind, figures in result["kinds"].items():
        assert figures["precision"] is None or figures["precision"] >= 0.98, (kind, result["errors"])


#: Round 10's recall after its fixes and the general rules added with it, then round 12's (0.712 -> 0.729), then
#: round 13's (0.729 -> 0.755; docs/directory.md).
ROUND_10_RECALL = 0.75


def test_round_11_holds_the_precision_its_fixes_reached() -> None:
    """Round 11 (557 phrases written blind while round 9 was tuned on and round 10 held out) scored
    untouched 0.993 / 0.424 with the reader before round 9's general rules, 0.997 / 0.491 after them, and
    0.991 / 0.555 after round 10's. Its three wrong decisions (a Social Security number read as the card, a
    referral for one part of the service, an age limit beside a group with a disability) were then fixed by
    general rules, people coming home from a named prison read as people with records, and more service
    heads (eyeglasses, distribution, giveaway, grants, filing), Spanish "años de edad", "Coast Guard
    veterans", a test the stay repeats ("weekly drug testing") as sobriety, a prison system or a nurse as
    who refers: 1.000 / 0.601
    (docs/directory.md). It is tuned on now (round 12 is the untouched test).
    Every decided kind at >= 0.98."""
    result = score(load(HELDOUT.with_name("eligibility_phrases_round11.txt")))
    assert result["phrases"] == 557
    assert result["precision"] >= 0.98 and result["recall"] >= ROUND_11_RECALL, result["errors"]
    for kind, figures in result["kinds"].items():
        assert figures["precision"] is None or figures["precision"] >= 0.98, (kind, result["errors"])


#: Round 11's recall after its fixes and the general rules added with it, then round 12's (0.601 -> 0.694), then
#: round 13's (0.694 -> 0.721; docs/directory.md).
ROUND_11_RECALL = 0.72


def test_round_12_holds_the_precision_its_fixes_reached() -> None:
    """Round 12 (513 phrases written blind while round 11 was tuned on) scored untouched 0.984 / 0.503 with
    the reader tuned on rounds 1-10 and 0.989 / 0.515 with round 11's rules. One wrong decision was a
    soundness bug, fixed by a general rule ("Residents of <state> or <state>" read only the first state):
    0.985 / 0.515. Its misses were then fixed by general rules (Spanish shapes, a place heading a clause,
    bulleted lists, service words, tests and placements, children's ages, reentry words, Medicaid names): 0.990 /
    0.747
    (docs/directory.md). It is tuned on now (round 13 is the untouched test). The four wrong decisions left
    are one disputed call: round 12 labels a list of two places ("Alameda or Contra Costa County residents",
    "Residents of North Dakota or Minnesota") as nothing, where round 10 and the tuned set read each place
    listed, as the reader does; so the two place kinds hold their figures and every other decided kind is
    at >= 0.98."""
    result = score(load(HELDOUT.with_name("eligibility_phrases_round12.txt")))
    assert result["phrases"] == 513
    assert result["precision"] >= 0.99 and result["recall"] >= ROUND_12_RECALL, result["errors"]
    disputed = {"residency_state": 0.846, "residency_county": 0.956}
    for kind, figures in result["kinds"].items():
        floor = disputed.get(kind, 0.98)
        assert figures["precision"] is None or figures["precision"] >= floor, (kind, result["errors"])


#: Round 12's recall after its fixes and the general rules added with it, then round 13's (0.747 -> 0.780;
#: docs/directory.md).
ROUND_12_RECALL = 0.775


def test_round_13_holds_the_precision_its_fixes_reached() -> None:
    """Round 13 (529 phrases, 531 requirements, written blind while round 12 was tuned on) scored untouched
    0.980 / 0.463 with the reader tuned on rounds 1-11 and 0.986 / 0.520 with round 12's rules. Its four wrong
    decisions (a referral for one part of the service, "ALL RECORDS CONSIDERED" read as case by case, a drug-free
    facility read as sobriety, a residency stated for one part of a senior centre) were then fixed by general
    rules, and its misses by general rules (prison systems by their initials, sex offenses requiring registration,
    bulleted items read one by one, prices, schedules and diplomas as fillers, service names, Spanish shapes,
    cities after a capitalised first word, the people an insurer covers, branches of the armed forces): 1.000 /
    0.768 (docs/directory.md). It is tuned on now (round 14 is the untouched test). Every decided kind at >= 0.98."""
    result = score(load(HELDOUT.with_name("eligibility_phrases_round13.txt")))
    assert result["phrases"] == 529
    assert result["precision"] >= 0.99 and result["recall"] >= ROUND_13_RECALL, result["errors"]
    for kind, figures in result["kinds"].items():
        assert figures["precision"] is None or figures["precision"] >= 0.98, (kind, result["errors"])


#: Round 13's recall after its fixes and the general rules added with it (docs/directory.md).
ROUND_13_RECALL = 0.765


def test_round_14_untouched_keeps_its_figures() -> None:
    """Round 14 (650 phrases, long 211-export listings with records first, written blind while round 12 was
    tuned on) scored untouched 0.983 / 0.377 with the reader tuned on rounds 1-11, 0.987 / 0.417 with round
    12's rules and 0.989 / 0.458 with round 13's. One wrong decision was a soundness bug, fixed by a general
    rule ("No criminal record restrictions" read as records=none, everyone with a record told "may not
    fit"). It is the next tuning pass's held-out test: tune on it only after a round 15 is written blind."""
    result = score(load(HELDOUT.with_name("eligibility_phrases_round14.txt")))
    assert result["phrases"] == 650
    assert result["precision"] >= 0.989 and result["recall"] >= 0.458, result["errors"]


def test_round_15_untouched_keeps_its_figures() -> None:
    """Round 15 (505 phrases from 211 pages, reentry guides, findhelp-style cards and flyers, written blind
    while round 14 was held out) scored untouched 0.987 / 0.559 with the reader tuned on rounds 1-13. One
    wrong decision was a soundness bug, fixed by a general rule ("must have a criminal record" read as
    records=none). Held out like round 14: tune on it only after a newer round is written blind."""
    result = score(load(HELDOUT.with_name("eligibility_phrases_round15.txt")))
    assert result["phrases"] == 505
    assert result["precision"] >= 0.991 and result["recall"] >= 0.559, result["errors"]


@pytest.mark.skipif(not SHARED.is_dir(), reason="the real fixtures' texts are read from ../shared/data/hsds")
def test_the_real_fixture_texts_keep_their_precision_and_recall() -> None:
    """The 271 real texts (17 requirements): 1.00 / 0.176 with the whole-clause grammar (real paragraphs rarely
    parse whole), 0.353 after round 8's shapes (a service named after "to receive", all-caps sentences cut)."""
    result = score(load_real())
    assert result["precision"] >= 0.98 and result["recall"] >= 0.35, result["errors"]


@pytest.mark.skipif(
    not SHARED.is_dir(), reason="ILAO/Florida texts (no data licence, not vendored) are read from ../shared/data/hsds"
)
def test_every_real_fixture_text_has_a_frozen_label() -> None:
    """A text the importers read that has no label line would go unscored: load_real refuses it."""
    assert {p.source for p in load_real()} >= {"ohana", "ilao", "florida", "ilao-raw"}


def test_a_labelled_list_or_a_choice_of_lines_binds_no_one() -> None:
    """Florida's "Immigration status: ...; Victim of Trafficking (18 and over); ..." and ILAO's
    one-of-these lines are alternatives: a limit inside one item is not everyone's limit."""
    assert read("Immigration status: Asylee; Victim of Trafficking  (18 and over); Refugee", "FL") == []
    assert read("a youth (17 years or younger)\n\n    homeless or at risk of homelessness", "IL") == []
    assert read("None for most services. For emergency assistance, must have low or no income", "CA") == []
    found = read(
        "Military status: Retired; Active\nAlso: Provides help to Broward County residents age 60 or over", "FL"
    )
    assert {(f.kind, f.value) for f in found} == {("residency_county", "Broward County, FL"), ("minimum_age", "60")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Age 55 or over", {("minimum_age", "55")}),
        ("Age 55 or over for most programs, age 60 or over for lunch program", set()),  # hedged: unknown
        ("Over 55", {("minimum_age", "56")}),  # the strict sense: 55 itself is not "over 55"
        ("Under 18", {("maximum_age", "17")}),
        ("Age 21-60, detoxed", {("minimum_age", "21"), ("maximum_age", "60")}),  # a finished detox: not sobriety
        ("Must reside and/or work in San Mateo County", set()),  # workers from elsewhere qualify
        ("Resident of San Mateo County", {("residency_county", "San Mateo County, CA")}),
        ("Serves people released from prison within the last 6 months", set()),  # a time limit we don't model
        ("Priority given to veterans", set()),
        ("Serves everyone regardless of background", set()),  # not necessarily a criminal background
        ("Veterans and their families", set()),
        ("Cash, checks, Medicaid and private insurance accepted", set()),  # insurers are not the only way in
        ("80% of area median income or below", set()),  # AMI is not the poverty level
        ("Parents of children under 18", set()),  # someone else's age
        # negations say the opposite of the bare words: read bare, each gave the inverse limit
        ("No one under 18 admitted", {("minimum_age", "18")}),
        ("Must not be over 64", {("maximum_age", "64")}),
        ("Clients under 18 are not admitted", set()),
        ("Participants must be at least sixteen (16) years of age", {("minimum_age", "16")}),
        ("Must be at or below one hundred fifty percent of poverty", set()),  # an amount, not an age
        ("Over 30 years of service to the community", set()),
        ("Closed on Veterans Day", set()),
        ("Office located in Kern County", set()),
        ("Zip code 90210 office", set()),
        ("Must live in ZIP 60623 or 60608", {("residency_zip", "60623"), ("residency_zip", "60608")}),
        ("Stanislaus County residents or employees", set()),
        ("Referral required for Medi-Cal patients", set()),  # a rule for some patients only
        ("Homeless or low-income adults", set()),
        ("Children's program serves ages 5-12; adults welcome at the food pantry", set()),
        ("Sobriety required in transitional housing only; emergency shelter is low-barrier", set()),
        (
            "Accepts people with criminal records, except registered sex offenders",
            {("records", "any"), ("records", "excludes_sex_offense_registration")},
        ),
    ],
)
def test_what_is_decided_and_what_stays_unknown(text: str, expected: set[tuple[str, str]]) -> None:
    assert {(f.kind, f.value) for f in read(text, "CA")} == expected


def test_a_county_without_its_state_is_not_placed() -> None:
    assert read("Residents of Cook County", None) == []
    assert [(f.kind, f.value) for f in read("Residents of Cook County", "IL")] == [
        ("residency_county", "Cook County, IL")
    ]


def test_clauses_split_sentences_but_not_abbreviations() -> None:
    assert clauses("Must be a U.S. veteran. Photo ID required; no sex offenders") == [
        "Must be a U.S. veteran",
        "Photo ID required",
        "no sex offenders",
    ]


def _one_service(text: str) -> tuple[Directory, Requirements]:
    d = Directory()
    d.add("service", {"id": "s1", "name": "Second Career Employment Program", "status": "active",
                      "eligibility_description": text})  # fmt: skip
    enrich(d)
    service = d.rows("service")[0]
    return d, requirements(service, d.rows("attribute"), [], [])


def test_an_age_55_listing_may_not_fit_a_30_year_old_and_says_why_in_its_own_words() -> None:
    d, req = _one_service("Age 55 or over, county resident and willing and able to work")
    assert d.rows("service")[0]["minimum_age"] == 55  # HSDS's own field is filled too
    result = match(req, PersonFacts(age=30, has_record=False), AS_OF)
    assert result.fit is Fit.MAY_NOT_FIT
    assert result.reasons == (
        "Serves age 55 and up; you are 30. The listing says: 'Age 55 or over, county resident and willing and "
        "able to work'.",
    )
    assert match(req, PersonFacts(age=60, has_record=False), AS_OF).fit is Fit.FITS


def test_low_income_without_a_limit_never_says_may_not_fit() -> None:
    _, req = _one_service("Low-income families")
    assert match(req, PersonFacts(has_record=False, income_fpl_percent=80), AS_OF).fit is Fit.FITS
    assert match(req, PersonFacts(has_record=False, income_fpl_percent=250), AS_OF).fit is Fit.UNKNOWN


def test_record_words_decide_the_records_check() -> None:
    _, req = _one_service("Ex-offenders welcome; no arson")
    assert req.records == ["any", "excludes_arson"]
    assert match(req, PersonFacts(has_felony=True, arson=False), AS_OF).fit is Fit.FITS
    checks = match(req, PersonFacts(has_felony=True, arson=True), AS_OF)
    assert checks.fit is Fit.MAY_NOT_FIT and "'no arson'" in " ".join(checks.reasons)


def test_enrich_is_idempotent_and_keeps_curated_eligibility(tmp_path: Path) -> None:
    d, _ = _one_service("Women only; must be sober")
    before = len(d.rows("attribute"))
    assert enrich(d)[0].kept_eligibility and len(d.rows("attribute")) == before

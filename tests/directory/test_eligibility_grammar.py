"""The whole-clause gate: a clause decides only when every word of it is accounted for."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from secondchance.directory.eligibility_clauses import clauses
from secondchance.directory.eligibility_grammar import parse
from secondchance.directory.eligibility_text import read
from secondchance.testing.phrases import Phrase, load


@pytest.mark.parametrize(
    ("clause", "kinds"),
    [
        ("Age 55 or over", {"age"}),
        ("ELIGIBILITY: ADULTS 18 YRS AND OLDER", {"age"}),
        ("Must be at least sixteen (16) years of age", {"age"}),
        ("FEMALES ONLY, 18 AND OLDER", {"gender", "age"}),
        ("Resident of San Mateo County", {"residency"}),
        ("Residents of Oakland, Berkeley or Emeryville", {"residency"}),  # "or" lists places: any is served
        ("Medi-Cal or uninsured", {"insurance"}),
        ("Must have Medicaid or be uninsured", {"insurance"}),
        ("Income at or below 200% of the federal poverty level", {"income"}),
        ("Photo ID and proof of income required", {"document"}),
        ("Referral needed from a social worker", {"referral"}),
        ("No sex offenses or arson", {"records"}),  # "or" under "no": neither
        ("Will not accept arsonists or registered sex offenders", {"records"}),
        ("Homeless veterans", {"veteran"}),  # a qualifier that only narrows who is served
        # a comma part that only adds a condition we do not model lets its neighbour stand
        ("Age 55 or over, county resident and willing and able to work", {"age"}),
    ],
)
def test_a_whole_requirement_sentence_parses(clause: str, kinds: set[str]) -> None:
    assert parse(clause) == kinds


@pytest.mark.parametrize(
    "clause",
    [
        "Age 55 or over for most programs",  # a hedge
        "Youth 16-24 and adults",  # another group served beside the limit
        "Seniors 60+ and disabled adults",
        "Youth 16-24 and women",
        "Women and their friends",  # (a parent's own children are no other group: test_eligibility_general.py)
        "18+ for the shelter",  # a limit for one part of the service
        "Sobriety required in transitional housing only",
        "Referral required for Medi-Cal patients",  # a rule for some of the people
        "Must be 62 or older or permanently disabled",  # another way in
        "Proof of address and a birth certificate or passport required",  # "or" between papers: either will do
        "Office located in Kern County",  # the office's place, not the person's
        "Closed on Veterans Day",
        "Over 30 years of service to the community",
        "Age 55 or over, or younger with a disability",  # a comma part that qualifies its neighbour
        "Ages 18-24, priority to foster youth",
    ],
)
def test_a_clause_with_a_word_the_grammar_does_not_know_decides_nothing(clause: str) -> None:
    assert parse(clause) == frozenset()
    assert read(clause, "CA") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("18+ to enroll; under 18 with guardian", set()),  # the second clause may let minors in
        ("Accepts Medi-Cal and Medicare; no private insurance", set()),  # insurance spoken of unparsed: unknown
        ("Bring a photo ID; Social Security card if available", {("document", "photo_id")}),  # each paper alone
        (
            "Women 18 and older. Bring photo ID.",
            {("gender", "female"), ("minimum_age", "18"), ("document", "photo_id")},
        ),
    ],
)
def test_a_clause_that_speaks_of_a_kind_without_parsing_takes_that_kind_back(
    text: str, expected: set[tuple[str, str]]
) -> None:
    assert {(f.kind, f.value) for f in read(text, "CA")} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an unparsed clause that speaks of exceptions or names other people: the limits have a way round
        ("Income below 200% FPL; exceptions for families with children", set()),
        ("Ages 18-24. Exceptions may be made for foster youth.", set()),
        ("Must be 18 years old. Minors can attend with a guardian.", set()),
        ("Residents of Alameda County. Others call for options.", set()),
        ("Medicaid accepted. Other insurance plans too.", set()),
        ("Veterans only. Family members can attend groups.", set()),
        ("Anyone can attend; youth 12-17 program", set()),
        ("Families at or below 200% FPL; individuals at or below 150% FPL", set()),  # a limit per group
        # readers fixed by probing
        ("Felony convictions older than 5 years accepted", set()),  # a conviction's age, not a person's
        ("Serving Alameda County residents for over 40 years", {("residency_county", "Alameda County, CA")}),
        ("Must be a resident of California and Alameda County", set()),  # not a "California County"
        (
            "Residents of Nevada and Placer counties",
            {("residency_county", "Nevada County, CA"), ("residency_county", "Placer County, CA")},
        ),
        ("We hire veterans", set()),  # veterans hired, not veterans only
        ("Must be between 18 and 24 years old", {("minimum_age", "18"), ("maximum_age", "24")}),
        ("Must have a valid California ID", {("document", "photo_id")}),
        ("Bring ID if you have one", set()),
        ("Must be abstinent from drugs and alcohol", {("sobriety", "required")}),
        ("Anyone 18 or older", {("minimum_age", "18")}),
        ("Must be referred by your probation or parole officer", {("referral", "required")}),
    ],
)
def test_what_the_text_around_a_clause_takes_back_and_what_the_readers_now_read(
    text: str, expected: set[tuple[str, str]]
) -> None:
    assert {(f.kind, f.value) for f in read(text, "CA")} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # words that can never widen or negate a limit, and shapes the readers knew but the gate refused
        ("Must be atleast 21 yrs old", {("minimum_age", "21")}),
        ("Clients 62 years old or more", {("minimum_age", "62")}),
        ("Participant must be 16+ yrs of age", {("minimum_age", "16")}),
        ("No one over 17 can enroll", {("maximum_age", "17")}),
        ("We take Medicaid", {("insurance", "medicaid")}),
        ("Medi-Cal managed care members only", {("insurance", "medicaid")}),
        ("Income cannot be more than 250% of the poverty guidelines", {("income_max_fpl", "250")}),
        ("Income can't be over 150% of poverty", {("income_max_fpl", "150")}),
        ("Household income no greater than 138% of FPL", {("income_max_fpl", "138")}),
        ("Income under 185 pct of the HHS poverty guidelines", {("income_max_fpl", "185")}),
        ("Qualifying income: 150% FPL and under", {("income_max_fpl", "150")}),
        ("Income over 200% FPL", set()),  # a floor, not a ceiling
        # Spanish shapes that state one limit plainly
        ("Adultos de 55 años o más", {("minimum_age", "55")}),
        ("Jóvenes de 14 a 18 años solamente", {("minimum_age", "14"), ("maximum_age", "18")}),
        ("Mujeres solamente", {("gender", "female")}),
        ("Veteranos solamente", {("veteran", "required")}),
        ("Mayores de 18 años", set()),  # 18 and up, or over 18? Spanish listings use it for both
        ("Adultos de 60 años o más o personas con discapacidad", set()),  # another way in
        # "or" that widens no modelled limit: papers that are one paper, qualifiers that narrow the same people
        ("Bring a driver's license, state ID or passport", {("document", "photo_id")}),
        ("Bring 2 recent pay stubs or an SSI award letter", set()),  # a number we do not read: unknown
        ("Bring your last 2 pay stubs or an SSI award letter", {("document", "proof_of_income")}),
        ("Bring a birth certificate or a passport", set()),  # two papers: either will do
        ("Adults 21+ who are unemployed or underemployed", {("minimum_age", "21")}),
        ("Seniors 60+ or disabled", set()),  # an expression or a qualifier: another way in
        ("No or low income households", {("income_low", "required")}),
        ("Homeless or low-income adults", set()),
        ("By referral only from CDCR, parole, or probation", {("referral", "required")}),
        ("Must live in Kern County or be referred by Kern County Probation", set()),  # a choice of two limits
        ("Bring your parole papers for that", set()),  # for something another clause names
        ("We accept Ohio Medicaid", {("insurance", "medicaid")}),  # a state's own program is Medicaid
        ("We take Medicare and commercial health plans", {("insurance", "medicare"), ("insurance", "private")}),
        ("Se acepta Medi-Cal", {("insurance", "medicaid")}),
        ("Residents are subject to random alcohol and drug screening", {("sobriety", "required")}),
        # a clause that only keeps other people out takes nothing back; one that lets them in does
        ("No minors. Women 21+.", {("gender", "female"), ("minimum_age", "21")}),
        ("Veterans only; family members are not eligible", {("veteran", "required")}),
        ("Veterans only; family members are also eligible", set()),
        ("Adults 18+. Minors are not eligible unless accompanied", set()),
        # ZIP shapes: a header, a service area, ZIPs before "residents", "residency required in"
        ("ZIP codes served: 94601, 94603", {("residency_zip", "94601"), ("residency_zip", "94603")}),
        ("Service area: 94601, 94603", {("residency_zip", "94601"), ("residency_zip", "94603")}),
        ("94601 and 94603 residents", {("residency_zip", "94601"), ("residency_zip", "94603")}),
        ("Residency required in 94601 or 94603", {("residency_zip", "94601"), ("residency_zip", "94603")}),
        ("Serving only the 94601 zip code", {("residency_zip", "94601")}),
        ("We serve 12000 residents", set()),  # a count, not a ZIP
        # which discharge a veteran must have narrows the limit; another group beside it still widens it
        ("Must be a veteran with an honorable or general discharge", {("veteran", "required")}),
        ("Veterans with any discharge status", {("veteran", "required")}),
        ("Veterans with an honorable discharge or their widows", set()),
        # exclusions in the words listings use
        ("No arson history", {("records", "excludes_arson")}),
        ("Felons need not apply", {("records", "excludes_felony")}),
        ("We are unable to house felons", {("records", "excludes_felony")}),
        ("A felony conviction disqualifies applicants", {("records", "excludes_felony")}),
        ("A felony record does not disqualify you", set()),
        ("You'll need a photo ID at every visit", {("document", "photo_id")}),
        ("Federal BOP release papers required", {("document", "release_papers")}),
        ("Referral from the Public Defender's Office required", {("referral", "required")}),
        ("WOMEN'S SHELTER - CHECK IN BY 7PM", {("gender", "female")}),  # an operating rule
        ("Men in recovery (residential, 12 beds)", {("gender", "male")}),  # a size
        ("Solo para hombres", {("gender", "male")}),
        ("Program for women who served in the military", {("gender", "female"), ("veteran", "required")}),
        ("Women 18+; men are also served", set()),
        ("Adults 18+. Children allowed.", set()),  # another group let in ("allowed" like "welcome")
        ("Eligible until your 22nd birthday", {("maximum_age", "21")}),  # a limit said as a birthday
        ("For youth who have not yet turned 21", {("maximum_age", "20")}),
    ],
)
def test_fillers_and_shapes_added_for_round_7_decide_and_their_widened_forms_do_not(
    text: str, expected: set[tuple[str, str]]
) -> None:
    assert {(f.kind, f.value) for f in read(text, "CA")} == expected


def test_two_places_named_in_two_clauses_are_alternatives_even_when_one_is_not_read() -> None:
    """Residents "by referral" is not read as a residency, but it names a second place: neither is the only
    one. The referral is Nevada County's alone, so it is not read as everyone's either."""
    found = read("Placer County residents; Nevada County residents by referral", "CA")
    assert not [f for f in found if f.kind.startswith("residency_") or f.kind == "referral"]
    assert read("Placer County residents. Referral required.", "CA") != []


_DECIDED = [p for p in load() if p.expected and len(clauses(p.text)) == 1 and "," not in p.text]
#: Tails that widen or scope what a clause says: "or", a hedge, another group, a part of the service.
_TAILS = [
    " or anyone who calls",
    " for most programs",
    " and their families",
    " in some cases",
    " for the lunch program",
    " unless staff decide otherwise",
    " and adults with disabilities",
]


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(_DECIDED), st.sampled_from(_TAILS))
def test_a_widening_tail_takes_every_decision_of_its_clause_away(phrase: Phrase, tail: str) -> None:
    """Any labelled one-clause phrase that decides something decides nothing once a tail that widens or
    scopes it is added: the whole clause no longer parses, so no part of it can decide."""
    text = phrase.text.rstrip(" .") + tail
    assert read(text, "CA") == [], text

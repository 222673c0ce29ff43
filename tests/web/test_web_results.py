"""The web results page leads with the true answer and asks only what could change it, in the reader's words."""

from __future__ import annotations

from datetime import date

from secondchance.records.model import Case, Charge, Person, Sentence
from secondchance.relief import screen
from secondchance.web.ui.results import charge_views, remaining_views

AS_OF = date(2026, 11, 23)
CASE = "CP-51-CR-0000042-2019"


def person(*charges: Charge) -> Person:
    return Person(id="p", birth_date=date(1985, 3, 1), cases=(Case(id=CASE, jurisdiction="PA", charges=charges),))


def test_a_silent_pardon_is_an_assumption_and_a_path_not_a_question() -> None:
    sentence = Sentence(incarcerated=False, probation_granted=False, fines_costs_owed=0, restitution_owed=0)
    convicted = Charge(
        id="1",
        statute="18 Pa.C.S. § 3502(a)(1)",
        grade="F1",
        offense_date=date(2019, 1, 2),
        disposition="convicted",
        disposition_date=date(2019, 6, 1),
        sentence=sentence,
    )
    screening = screen(person(convicted), AS_OF)
    view = charge_views(screening, "en")[0]
    assert not view.needed
    pardon = next(r for r in view.others if r.rule_id == "PA-9122-a2.1-pardon")
    assert pardon.sentence.startswith("Only if you receive a pardon")
    assert pardon.assumptions and "no pardon" in pardon.assumptions[0]
    assert not pardon.reason and not pardon.missing
    path = next(p for p in remaining_views(screening, "en") if "Pardon" in p["name"])
    assert any(line.startswith("If you receive a pardon: Expungement") for line in path["unlocks"])
    spanish = next(p for p in remaining_views(screening, "es") if "Pardon" in p["name"])
    assert any(line.startswith("Si recibe un indulto") for line in spanish["unlocks"])


def test_a_rule_that_cannot_apply_yet_gives_a_date_not_questions() -> None:
    unknown_release = Sentence(incarcerated=True, probation_granted=False)
    convicted = Charge(
        id="1",
        statute="18 Pa.C.S. § 2702(a)(1)",
        grade="F1",
        disposition="convicted",
        disposition_date=date(2019, 6, 1),
        sentence=unknown_release,
    )
    view = charge_views(screen(person(convicted), AS_OF), "en")[0]
    assert view.tone == "later" and "March 1, 2055" in view.headline
    assert not view.needed
    age_70 = next(r for r in view.others if r.rule_id == "PA-9122-b1-age-70")
    assert age_70.sentence.startswith("Not before March 1, 2055") and not age_70.missing


def test_missing_facts_name_the_case_in_the_readers_language() -> None:
    unknown_grade = Charge(id="1", disposition="convicted", disposition_date=date(2010, 6, 1))
    english = charge_views(screen(person(unknown_grade), AS_OF), "en")[0]
    assert f"the grade of case {CASE}" not in english.needed  # a charge fact names the charge
    assert any(f"charge 1 of case {CASE}" in fact for fact in english.needed)
    spanish = charge_views(screen(person(unknown_grade), AS_OF), "es")[0]
    assert any(f"el cargo 1 del caso {CASE}" in fact for fact in spanish.needed)
    assert not any("_" in fact for fact in english.needed + spanish.needed)


def test_rules_about_other_kinds_of_charges_give_no_reason() -> None:
    withdrawn = Charge(id="1", grade="M2", disposition="withdrawn", disposition_date=date(2019, 6, 1))
    view = charge_views(screen(person(withdrawn), AS_OF), "en")[0]
    assert view.tone == "good"
    deceased = next(r for r in view.others if r.rule_id == "PA-9122-b2-deceased")
    assert deceased.sentence == "This law is about other kinds of charges." and not deceased.reason

"""Automatic relief is named in the state's own word (``Rule.called``), not as Clean Slate sealing."""

from __future__ import annotations

from datetime import date

from secondchance.records.model import Case, Charge, Person, Sentence
from secondchance.relief import screen
from secondchance.relief.jurisdictions.mo.const_art_xiv_2 import AUTOMATIC
from secondchance.web.ui.results import charge_views

AS_OF = date(2026, 11, 23)


def marijuana_possession() -> Person:
    charge = Charge(
        id="1",
        statute="RSMo 579.015",
        grade="misdemeanor_d",
        disposition="convicted",
        disposition_date=date(2019, 5, 1),
        sentence=Sentence(incarcerated=False, supervision="none", fines_costs_owed=0, restitution_owed=0),
        pardoned=False,
    )
    return Person(
        id="p", birth_date=date(1990, 1, 1), cases=(Case(id="19SL-CR01234", jurisdiction="MO", charges=(charge,)),)
    )


def test_missouri_marijuana_expungement_is_called_expungement() -> None:
    assert AUTOMATIC.automatic and AUTOMATIC.called == "expungement"
    for lang, word, not_word in (
        ("en", "Automatic expungement", "Clean Slate"),
        ("es", "Eliminación automática", "Sellado"),
    ):
        views = charge_views(screen(marijuana_possession(), AS_OF), lang)
        reliefs = [r.relief for view in views for r in (*view.results, *view.others) if r.rule_id == AUTOMATIC.id]
        assert reliefs and all(word in r and not_word not in r for r in reliefs), reliefs

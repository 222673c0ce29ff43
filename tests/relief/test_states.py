"""Every state folder is complete and self-consistent: what CONTRIBUTING.md promises a new state gets checked."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from babel.messages.pofile import read_po

import secondchance.web as web
from secondchance.relief.jurisdictions import CITATION_READERS, JURISDICTIONS, RULES, State, state, states
from secondchance.relief.params import all_parameters

CATALOGUE = Path(web.__file__).parent / "locale" / "es" / "LC_MESSAGES" / "messages.po"


@pytest.mark.parametrize("found", states(), ids=lambda s: s.code)
def test_a_state_is_one_folder(found: State) -> None:
    assert state(found.code.lower()) is found
    assert JURISDICTIONS[found.code] == found.name and CITATION_READERS[found.code] is found.read_citation
    assert all(rule.id.startswith(f"{found.code}-") for rule in found.rules), "rule ids start with the state's code"
    assert set(found.rules) <= set(RULES)
    assert {o.value for o in found.grade_options} == set(found.grades), "the interview offers every grade"
    if found.cases is not None:  # (test_cases.py checks that every rule has cases, wherever they are)
        assert sorted(found.cases.glob("*.yaml")), f"no YAML cases in {found.cases}"
    if found.params is not None and found.params.exists():
        keys = yaml.safe_load(found.params.read_text(encoding="utf-8")) or {}
        assert all(key.startswith(found.code.lower() + ".") for key in keys)
        assert set(keys) <= set(all_parameters())
    if found.synth is not None:
        grades = {g for _, _, charged, _ in found.synth.statutes for g in charged}
        assert grades | set(found.synth.listed_grades) <= set(found.grades)
        assert all(found.read_citation(_clean(s)) is not None for s in found.synth.sample_statutes)


def _clean(text: str) -> str:
    from secondchance.relief.citations import clean

    return clean(text)


def test_unknown_states_are_key_errors() -> None:
    with pytest.raises(KeyError):
        state("XX")


def test_names_and_grade_labels_are_in_the_spanish_catalogue() -> None:
    """The interview shows a state's name and grades in the visitor's language (web/locale)."""
    with CATALOGUE.open("rb") as handle:
        spanish = {str(m.id): m.string for m in read_po(handle) if m.id and m.string}
    texts = {s.name for s in states()} | {
        text for s in states() for o in s.grade_options for text in (o.label, o.hint) if text
    }
    assert sorted(texts - set(spanish)) == []


def test_a_state_reusing_a_rule_id_is_refused_and_the_registry_is_unchanged() -> None:
    from dataclasses import replace

    from secondchance.relief.jurisdictions import STATES, register

    before = dict(STATES)
    first = states()[0]
    clash = replace(
        first,
        code="QQ",
        rules=tuple(replace(r, jurisdiction="QQ") for r in first.rules),
        remaining_paths=(),
    )
    with pytest.raises(ValueError, match="rule ids must be unique"):
        register(clash)
    assert before == STATES


def test_a_descriptor_checks_itself() -> None:
    from dataclasses import replace

    first = states()[0]
    with pytest.raises(ValueError, match="does not carry the state's code"):
        replace(first, code="QQ")
    with pytest.raises(ValueError, match="upper-case"):
        replace(first, code="qq", rules=(), remaining_paths=())

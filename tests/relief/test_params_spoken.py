"""Texts for people state the dated numbers of params.yaml, never a stale copy of them."""

from __future__ import annotations

from pathlib import Path

import pytest

from secondchance.relief.jurisdictions import RULES, states
from secondchance.relief.lang import Param, Rule
from secondchance.relief.params import speaker, spoken

# Where the text keeps the statute's own words and the parameter counts days differently, and why.
WORDED_BY_THE_STATUTE = {
    "la.marijuana_expungement.wait_days": "'ninety days' in art. 977(D)'s words; the motion may be filed on the 91st",
}


def _params_file(key: str) -> Path:
    state = next(s for s in states() if key.startswith(s.code.lower() + "."))
    assert state.params is not None
    return state.params


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_every_waiting_period_says_its_number_as_params_yaml_has_it(rule: Rule) -> None:
    """Change a number in params.yaml and the rule's text changes with it (rule modules use ``said``)."""
    for wait in rule.waits:
        for amount in (wait.years, wait.months, wait.days):
            if isinstance(amount, Param) and amount.key not in WORDED_BY_THE_STATUTE:
                said = spoken(_params_file(amount.key), amount.key)
                assert said in wait.text.lower() or said.capitalize() in wait.text, (wait.id, said, wait.text)


def test_a_changed_number_is_said_with_its_date(tmp_path: Path) -> None:
    (tmp_path / "params.yaml").write_text(
        "xx.wait:\n  cite: s\n  text: t\n  history:\n"
        "    - {since: 2019-06-28, value: 10}\n    - {since: 2024-06-11, value: 7}\n"
        "xx.once:\n  cite: s\n  text: t\n  history:\n    - {since: 2019-06-28, value: 3}\n"
        "xx.old:\n  cite: s\n  text: t\n  history:\n    - {since: 2019-06-28, value: 70}\n",
        encoding="utf-8",
    )
    said = speaker(str(tmp_path / "rule.py"))
    assert said("Years have passed ({}).", "xx.wait") == "Years have passed (10; 7 from 2024-06-11)."
    assert said("{} years have passed.", "xx.once") == "Three years have passed."
    assert said("At least {} years.", "xx.once") == "At least three years."
    assert said("Reached {} years of age.", "xx.old") == "Reached 70 years of age."

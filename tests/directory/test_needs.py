"""The needs taxonomy: words people use resolve, narrower needs are found, Open Eligibility mappings are real."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from secondchance.directory.needs import BIT, NEEDS, UnknownNeed, mask, needs_of_mask, resolve

OE = Path(__file__).parent / "data" / "hsds" / "ohana-san-mateo" / "open_eligibility_taxonomy.json"  # vendored


def test_words_resolve() -> None:
    assert resolve("therapy").code == "mental_health"
    assert resolve("Housing").code == "housing"
    assert resolve("expungement").code == "legal.record_clearance"
    with pytest.raises(UnknownNeed, match="choose from"):
        resolve("spaceship")


def test_broad_need_includes_narrower() -> None:
    bits = mask(["housing"])
    assert set(needs_of_mask(bits)) == {"housing", "housing.emergency", "housing.transitional", "housing.fair_chance"}
    assert mask([]) == 0
    assert len(BIT) == len(NEEDS) < 63  # fits a signed 64-bit column


def test_every_term_has_a_plain_label() -> None:
    assert all(n.label and n.label[0].isupper() for n in NEEDS)
    assert {n.parent for n in NEEDS if n.parent} <= {n.code for n in NEEDS}


def test_open_eligibility_mappings_exist_with_their_titles() -> None:
    titles: dict[str, str] = {}

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if "@id" in node:
                titles[node["@id"]] = node["@title"]
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads(OE.read_text()))
    for need in NEEDS:
        if need.open_eligibility:
            code, title = need.open_eligibility
            assert titles.get(code) == title, need.code

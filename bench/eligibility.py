"""Eligibility read from words: precision and recall per requirement kind on the labelled phrases.

Two sets (tests/directory/data/): ``eligibility_phrases.txt`` (the grammar was written and tuned
against it) and ``eligibility_phrases_heldout.txt`` (written afterwards and scored once before any
change: the fairer figure; docs/directory.md keeps each round's untouched score).
Goal (issue 13): precision >= 0.98 on every decided requirement, recall >= 0.8.
A wrong decision of any kind counts against precision, including those that can only ever turn
"fits" into "may not fit"; the errors are listed so each can be judged.
"""

from __future__ import annotations

from typing import Any

from secondchance.testing.phrases import PHRASES, load, score


def run(quick: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, path in (("tuned", PHRASES), ("heldout", PHRASES.with_name("eligibility_phrases_heldout.txt"))):
        result = score(load(path))
        result["kinds"] = {k: v for k, v in result["kinds"].items() if v["tp"] or v["fp"] or v["fn"]}
        out[name] = result
    return out

"""The labelled eligibility phrases (tests/directory/data/eligibility_phrases.txt) and how well
``eligibility_text.read`` reads them: precision and recall per requirement kind.

Shared by the tests (which hold the floor) and ``make bench`` (which reports the figures).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..directory.eligibility_text import KINDS, read

PHRASES = Path(__file__).parents[3] / "tests" / "directory" / "data" / "eligibility_phrases.txt"


@dataclass(frozen=True)
class Phrase:
    text: str
    state: str
    expected: frozenset[tuple[str, str]]
    source: str  # "written" or "ohana" (a real listing's words)
    line: int


def load(path: Path = PHRASES) -> list[Phrase]:
    """Every labelled phrase: ``[ST] text => kind=value; kind=value`` (ST defaults to CA)."""
    out: list[Phrase] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        text, _, expected = line.partition(" =>")
        state, source = "CA", "written"
        tag = re.match(r"\[(\w+)\]\s*", text)
        if tag:
            if tag.group(1) == "ohana":
                source = "ohana"
            else:
                state = tag.group(1)
            text = text[tag.end() :]
        pairs = [p.strip().partition("=") for p in expected.split(";") if p.strip()]
        for kind, _, _ in pairs:
            if kind not in KINDS:
                raise ValueError(f"{path.name} line {number}: unknown kind {kind!r}")
        out.append(Phrase(text.strip(), state, frozenset((k, v.strip()) for k, _, v in pairs), source, number))
    return out


def score(phrases: list[Phrase]) -> dict[str, Any]:
    """Per kind: true/false positives, false negatives, precision and recall; the errors listed."""
    counts = {kind: {"tp": 0, "fp": 0, "fn": 0} for kind in KINDS}
    errors: list[str] = []
    for phrase in phrases:
        got = {(f.kind, f.value) for f in read(phrase.text, phrase.state)}
        for kind, value in got - phrase.expected:
            counts[kind]["fp"] += 1
            errors.append(f"line {phrase.line}: wrong {kind}={value}: {phrase.text!r}")
        for kind, value in phrase.expected - got:
            counts[kind]["fn"] += 1
            errors.append(f"line {phrase.line}: missed {kind}={value}: {phrase.text!r}")
        for kind, _ in got & phrase.expected:
            counts[kind]["tp"] += 1
    kinds: dict[str, dict[str, float | int | None]] = {}
    for kind, c in counts.items():
        decided, stated = c["tp"] + c["fp"], c["tp"] + c["fn"]
        kinds[kind] = {
            **c,
            "precision": round(c["tp"] / decided, 3) if decided else None,
            "recall": round(c["tp"] / stated, 3) if stated else None,
        }
    tp, fp, fn = (sum(c[k] for c in counts.values()) for k in ("tp", "fp", "fn"))
    return {
        "phrases": len(phrases),
        "labelled_requirements": tp + fn,
        "phrases_deciding_nothing": sum(1 for p in phrases if not p.expected),
        "precision": round(tp / (tp + fp), 3) if tp + fp else None,
        "recall": round(tp / (tp + fn), 3) if tp + fn else None,
        "kinds": kinds,
        "errors": errors,
    }

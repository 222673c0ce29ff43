"""The labelled eligibility phrases (tests/directory/data/eligibility_phrases.txt) and how well
``eligibility_text.read`` reads them: precision and recall per requirement kind.

Shared by the tests (which hold the floor) and ``make bench`` (which reports the figures).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..directory.eligibility_text import KINDS, read
from ..directory.infer import FIELD_KINDS

FIELD_KIND_SET: dict[str, frozenset[str]] = dict(FIELD_KINDS)

PHRASES = Path(__file__).parents[3] / "tests" / "directory" / "data" / "eligibility_phrases.txt"
HELDOUT = PHRASES.with_name("eligibility_phrases_heldout.txt")
REAL_LABELS = PHRASES.with_name("eligibility_real_labels.txt")
SHARED = Path(__file__).parents[3].parent / "shared" / "data" / "hsds"


@dataclass(frozen=True)
class Phrase:
    text: str
    state: str
    expected: frozenset[tuple[str, str]]
    source: str  # "written", "ohana" (a real listing's words) or a ../shared fixture's name
    line: int
    field: str = "eligibility_description"  # which service text it is: only that text's kinds count


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


def _folded(value: str) -> str:
    """A value with its accents dropped: "Doña Ana County, NM" (a label) is the ZIP table's "Dona Ana County, NM",
    the spelling the reader gives so that the matcher finds the county of a person's ZIP."""
    return "".join(c for c in unicodedata.normalize("NFD", value) if unicodedata.category(c) != "Mn")


def score(phrases: list[Phrase]) -> dict[str, Any]:
    """Per kind: true/false positives, false negatives, precision and recall; the errors listed."""
    counts = {kind: {"tp": 0, "fp": 0, "fn": 0} for kind in KINDS}
    errors: list[str] = []
    for phrase in phrases:
        allowed = FIELD_KIND_SET.get(phrase.field, frozenset(KINDS))
        got = {(f.kind, _folded(f.value)) for f in read(phrase.text, phrase.state or None) if f.kind in allowed}
        expected = {(kind, _folded(value)) for kind, value in phrase.expected}
        for kind, value in got - expected:
            counts[kind]["fp"] += 1
            errors.append(f"line {phrase.line}: wrong {kind}={value}: {phrase.text!r}")
        for kind, value in expected - got:
            counts[kind]["fn"] += 1
            errors.append(f"line {phrase.line}: missed {kind}={value}: {phrase.text!r}")
        for kind, _ in got & expected:
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


def real_texts(shared: Path = SHARED) -> list[tuple[str, str, str, str]]:
    """Every service text the importers read in the real fixtures under ``../shared/data/hsds``.

    ``(source, state, field, text)``, once per distinct (field, text): what ``infer.read_service``
    sees when the Ohana, ILAO (HSDS 1.x) and Florida exports are imported as they are, plus the
    eligibility columns of ILAO's raw export (no reader imports them yet; they are the richest real
    eligibility words we have) and the HSDS 3.1 example. The texts stay in ../shared (their licences
    allow fixtures, not shipping): ``eligibility_real_labels.txt`` holds only a hash and the labels.
    """
    import csv

    from ..directory.hsds1 import read_hsds1
    from ..directory.ohana import read_ohana

    fields = [name for name, _ in FIELD_KINDS]
    out: dict[str, tuple[str, str, str, str]] = {}

    def add(source: str, state: str, field: str, text: object) -> None:
        if isinstance(text, str) and text.strip():
            out.setdefault(text_key(field, text.strip()), (source, state, field, text.strip()))

    directory = read_ohana(shared / "ohana-san-mateo", infer=False)
    for service in directory.rows("service"):
        for field in fields:
            add("ohana", "CA", field, service.get(field))
    for folder, source, state in (
        ("ilao-illinois-legal-aid/hsds-1.x", "ilao", "IL"),
        ("florida-legal-aid", "florida", "FL"),
    ):
        directory, _, _ = read_hsds1(shared / folder, infer=False)
        for service in directory.rows("service"):
            for field in fields:
                add(source, state, field, service.get(field))
    columns: tuple[str, ...] = ("Income eligibility and fees", "An individual must be one of these to qualify")
    columns += ("Sliding scale fees description", "Flat fee description")
    with (shared / "ilao-illinois-legal-aid" / "raw" / "services.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            for column in columns:
                add("ilao-raw", "IL", "eligibility_description", row.get(column))
    with (shared / "hsds-3.1-spec-examples" / "csv" / "services.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            for field in fields:
                add("hsds3", "", field, row.get(field))
    return list(out.values())


def text_key(field: str, text: str) -> str:
    """The short hash a real text is labelled by (its field and its exact words)."""
    import hashlib

    return hashlib.sha1(f"{field}\0{text}".encode()).hexdigest()[:10]


def load_real(shared: Path = SHARED, labels: Path = REAL_LABELS) -> list[Phrase]:
    """The real fixtures' texts with their frozen labels; a text found in the tuned set is left out.

    Raises if a text has no label line (the fixtures changed: label the new text before scoring).
    """
    tuned = {p.text.lower() for p in load(PHRASES)}
    expected: dict[str, tuple[frozenset[tuple[str, str]], int]] = {}
    for number, line in enumerate(labels.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        key, _, rest = line.partition(" =>")
        parts = [p.strip().partition("=") for p in rest.split("#")[0].split(";") if p.strip()]
        for name, _, _ in parts:
            if name not in KINDS:
                raise ValueError(f"{labels.name} line {number}: unknown kind {name!r}")
        expected[key.split()[-1]] = (frozenset((k.strip(), v.strip()) for k, _, v in parts), number)
    out: list[Phrase] = []
    for source, state, field, text in real_texts(shared):
        key = text_key(field, text)
        if key not in expected:
            raise ValueError(f"{labels.name}: no label for {source} {field} {key}: {text[:80]!r}")
        if text.lower() in tuned:
            continue
        labelled, number = expected[key]
        out.append(Phrase(text, state, labelled, source, number, field))
    return out

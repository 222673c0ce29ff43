"""Citations as real papers print them: each state's grammar, the corpus, and soundness in both engines.

The promise: no spelling of an offense is ever more eligible than its canonical citation. A
spelling the grammar reads gives exactly the canonical answer; one it cannot read makes the
statute unknown, so every answer is the canonical one or "needs review".
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import polars as pl
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from secondchance.bulk.evaluate import evaluate_frame
from secondchance.bulk.schema import CHARGE_SCHEMA
from secondchance.relief import lang
from secondchance.relief.citations import Inchoate, _covers, statute_matches
from secondchance.relief.jurisdictions import CITATION_READERS, RULES, listed_sections, read_citation
from secondchance.relief.params import all_parameters
from secondchance.relief.screening import screen
from secondchance.testing.cases import person_from_rows

CORPUS: list[dict[str, Any]] = yaml.load(
    (Path(__file__).parent / "citations.yaml").read_text(encoding="utf-8"),
    Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader),
)
READABLE = [entry for entry in CORPUS if entry["canonical"] is not None]
AS_OF = date(2026, 11, 29)


def test_the_corpus_is_large_and_covers_both_states() -> None:
    for state in ("PA", "CA"):
        assert sum(1 for e in CORPUS if e["jurisdiction"] == state) >= 100
    assert sum(1 for e in CORPUS if e["canonical"] is None) >= 20


@pytest.mark.parametrize("entry", CORPUS, ids=lambda e: f"{e['jurisdiction']}:{e['cited']}")
def test_every_spelling_reads_as_its_canonical_form(entry: dict[str, Any]) -> None:
    assert read_citation(entry["cited"], entry["jurisdiction"]) == entry["canonical"]


def test_canonical_forms_read_back_as_themselves() -> None:
    for entry in READABLE:
        assert read_citation(entry["canonical"], entry["jurisdiction"]) == entry["canonical"]
        assert read_citation(entry["canonical"]) == entry["canonical"]


def test_the_grammars_are_disjoint() -> None:
    """A spelling one state reads, no other state reads (so a PA record citing 'PC 288' is unreadable)."""
    for entry in READABLE:
        others = [state for state in CITATION_READERS if state != entry["jurisdiction"]]
        assert all(read_citation(entry["cited"], state) is None for state in others), entry


def _statute_params() -> set[str]:
    """The parameters every registered rule's ``StatuteIn`` matches against."""
    found: set[str] = set()

    def walk(node: lang.Expr) -> None:
        if isinstance(node, lang.StatuteIn) and isinstance(node.sections, lang.Param):
            found.add(node.sections.key)
        for child in lang.children(node):
            walk(child)

    for rule in RULES:
        for condition in rule.conditions:
            walk(condition.test)
    return found


def test_every_listed_section_is_readable() -> None:
    """A section list a rule matches against is read by the same grammars (a typo there is a bug)."""
    keys = _statute_params()
    assert keys
    for key in keys:
        for version in all_parameters()[key].history:
            assert isinstance(version.value, tuple)
            listed_sections(version.value)


# ---------------------------------------------------------------------------- matching


@pytest.mark.parametrize(
    ("cited", "sections", "inchoate", "expected"),
    [
        ("PC 286(c)(2)(A)", ("PC 286(c)",), "review", True),  # a subdivision of a listed subdivision
        ("PC 286(b)", ("PC 286(c)",), "review", False),
        ("288(A) PC", ("PC 288",), "review", True),
        ("PC 288.5", ("PC 288",), "review", False),  # a different section, not a subdivision
        ("PC 288a(c)", ("PC 288",), "review", False),  # former § 288a is not § 288
        ("Health & Safety Code § 11359(b)", ("HS 11359",), "review", True),
        ("HS 11361(a)", ("HS 11360",), "review", False),
        ("VC 459", ("PC 459",), "review", False),  # the code matters
        ("Cal. Penal Code § 459", ("PC 459",), "review", True),
        ("664/211 PC", ("PC 211",), "review", None),  # an attempt of a listed offense: for a lawyer
        ("664/211 PC", ("PC 211",), "listed", True),  # § 1192.7(c)(39): attempts are listed
        ("664/459 PC", ("PC 211",), "listed", False),
        ("664/211 PC", ("PC 664/211",), "review", True),  # listed as an attempt
        ("664/187(A) PC", ("PC 664/187",), "review", True),
        ("PC 288(a)", ("PC 664",), "review", False),
        ("18 § 2701 §§ A1", ("18 Pa.C.S. § 2701",), "review", True),
        ("18 PA.C.S. 2701 A1", ("18 Pa.C.S. § 2701",), "review", True),
        ("Title 18 § 2701(a)(1)", ("18 Pa.C.S. § 2701",), "review", True),
        ("35 § 780-113 §§ A16", ("35 P.S. § 780-113",), "review", True),
        ("18 § 27O1 §§ A1", ("18 Pa.C.S. § 2701",), "review", None),  # unreadable: unknown, never "not listed"
        ("VC 22350", ("VC",), "review", True),  # a whole code listed ("a Vehicle Code infraction")
        ("Veh. Code § 12500(a)", ("VC",), "review", True),
        ("PC 415", ("VC",), "review", False),
        ("HS 11350", ("VC",), "review", False),
    ],
)
def test_statute_matching(cited: str, sections: tuple[str, ...], inchoate: Inchoate, expected: bool | None) -> None:
    assert statute_matches(read_citation(cited), listed_sections(sections), inchoate) is expected


def test_a_record_cannot_cite_a_whole_code() -> None:
    assert read_citation("VC", "CA") is None


def test_a_rule_listing_an_unreadable_section_fails_loudly() -> None:
    with pytest.raises(ValueError, match="no grammar can read"):
        listed_sections(("Penal 288",))


# ---------------------------------------------------------------------------- both engines, whole rules


#: Convictions whose exclusion the issue found unsound, in the spellings of real papers.
EXCLUDED_SPELLINGS = [
    ("CA", "misdemeanor", "PC 288(a)", ["288(A) PC", "Cal. Penal Code § 288(a)", "PEN 288(a)", "CA PC 288(a)"]),
    ("CA", "felony", "PC 311.11(a)", ["311.11(A) PC", "Penal Code section 311.11(a)"]),
    ("PA", "M2", "18 Pa.C.S. § 2701(a)(1)", ["18 § 2701 §§ A1", "18 PA.C.S. 2701 A1", "Title 18 § 2701(a)(1)"]),
]
#: The rules that must refuse them (PC 1203.4(b); 18 Pa.C.S. § 9122.3(a)(1), Article B).
REFUSED_BY = {"CA": "CA-1203.4-a1-probation-completed", "PA": "PA-9122.2-a1-misdemeanor"}


def _person(state: str, grade: str, statute: str) -> list[dict[str, Any]]:
    conviction = {
        "case_id": "c1",
        "charge_id": "1",
        "statute": statute,
        "grade": grade,
        "disposition": "convicted",
        "disposition_date": date(2012, 3, 1),
        "incarcerated": False,
        "probation_granted": True,
        "supervision": "probation",
        "probation_start": date(2012, 3, 1),
        "probation_end": date(2013, 3, 1),
        "probation_completed": True,
        "fines_costs_owed": 0.0,
        "restitution_owed": 0.0,
        "pardoned": False,
    }
    return [conviction]


def _explainer(state: str, rows: list[dict[str, Any]]) -> list[tuple[str, str]]:
    person = person_from_rows(rows, {"birth_date": date(1980, 1, 1)}, jurisdiction=state)
    return [(r.rule.id, r.status.value) for c in screen(person, AS_OF).charges for r in c.results]


def _bulk(state: str, rows: list[dict[str, Any]]) -> list[tuple[str, str]]:
    frame = pl.DataFrame(
        [
            {
                **dict.fromkeys(CHARGE_SCHEMA),
                **row,
                "person_id": "p1",
                "jurisdiction": state,
                "birth_date": date(1980, 1, 1),
            }
            for row in rows
        ],
        schema=CHARGE_SCHEMA,
    )
    out = evaluate_frame(frame, AS_OF)
    return list(zip(out["rule"].to_list(), out["status"].to_list(), strict=True))


@pytest.mark.parametrize(("state", "grade", "canonical", "spellings"), EXCLUDED_SPELLINGS)
def test_real_spellings_of_excluded_offenses_give_the_canonical_answer(
    state: str, grade: str, canonical: str, spellings: list[str]
) -> None:
    expected = _explainer(state, _person(state, grade, canonical))
    assert dict(expected)[REFUSED_BY[state]] == "not_eligible"
    for spelling in spellings:
        assert _explainer(state, _person(state, grade, spelling)) == expected, spelling
        assert _bulk(state, _person(state, grade, spelling)) == expected, spelling


SAME_OFFENSE = [
    [e for e in READABLE if e["canonical"] == canonical and e["jurisdiction"] == state]
    for state, canonical in sorted({(e["jurisdiction"], e["canonical"]) for e in READABLE})
]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from([group for group in SAME_OFFENSE if len(group) > 1]).flatmap(lambda g: st.permutations(g)))
def test_equivalent_spellings_give_identical_results(group: list[dict[str, Any]]) -> None:
    first, second = group[0], group[1]
    state = first["jurisdiction"]
    grade = "M2" if state == "PA" else "misdemeanor"
    assert _explainer(state, _person(state, grade, first["cited"])) == _explainer(
        state, _person(state, grade, second["cited"])
    )


def _no_more_favourable(garbled: list[tuple[str, str]], canonical: list[tuple[str, str]]) -> None:
    assert [rule for rule, _ in garbled] == [rule for rule, _ in canonical]
    for (rule, got), (_, want) in zip(garbled, canonical, strict=True):
        assert got in (want, "needs_review"), f"{rule}: {got} with the garbled citation, {want} with the canonical"


@st.composite
def garbled(draw: st.DrawFn) -> tuple[dict[str, Any], str]:
    entry = draw(st.sampled_from(READABLE))
    text: str = entry["cited"]
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(text)))
        match draw(st.sampled_from(["insert", "delete", "replace"])):
            case "insert":
                text = text[:at] + draw(st.sampled_from(list("§()/-.,; 0AOlIx*&"))) + text[at:]
            case "delete":
                text = text[:at] + text[at + 1 :]
            case _:
                text = text[:at] + draw(st.sampled_from(list("O0lI§ ()"))) + text[at + 1 :]
    return entry, text


@pytest.mark.slow
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(garbled(), st.sampled_from(["F3", "M1", "M2", "M3", "S", "felony", "misdemeanor", "infraction", "wobbler"]))
def test_a_garbled_citation_is_never_more_favourable_in_either_engine(
    case: tuple[dict[str, Any], str], grade: str
) -> None:
    entry, text = case
    state = entry["jurisdiction"]
    if grade not in (
        ("F3", "M1", "M2", "M3", "S") if state == "PA" else ("felony", "misdemeanor", "infraction", "wobbler")
    ):
        grade = "M2" if state == "PA" else "misdemeanor"
    read = read_citation(text, state)
    if read is not None and read != entry["canonical"]:
        return  # garbling made another valid citation: another offense, not a misreading
    canonical = _explainer(state, _person(state, grade, entry["canonical"]))
    explained = _explainer(state, _person(state, grade, text))
    _no_more_favourable(explained, canonical)
    assert _bulk(state, _person(state, grade, text)) == explained


CANONICAL = sorted({entry["canonical"] for entry in READABLE})


@st.composite
def _prefixes(draw: st.DrawFn) -> str:
    """A canonical citation, or a prefix of one (a section, its code), or a near miss."""
    cited = draw(st.sampled_from(CANONICAL))
    cut = draw(st.integers(1, len(cited)))
    return str(cited[:cut])


@pytest.mark.slow
@settings(max_examples=500, suppress_health_check=[HealthCheck.too_slow])
@given(cited=st.sampled_from(CANONICAL), sections=st.lists(_prefixes(), max_size=12))
def test_the_indexed_lookup_is_the_definition_of_covers(cited: str, sections: list[str]) -> None:
    """statute_matches looks each prefix up instead of scanning the list; both say the same."""
    listed = tuple(sections)
    expected: bool | None = any(_covers(s, cited) for s in listed)
    if not expected and "/" in cited:
        target = cited.partition("/")[2]
        expected = None if any(_covers(s, target) for s in listed) else False
    assert statute_matches(cited, listed) == expected

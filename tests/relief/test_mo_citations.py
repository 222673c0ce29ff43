"""Missouri citations: real spellings read as one canonical form; unreadable ones never pass as "not excluded"."""

from __future__ import annotations

from datetime import date

import pytest

from secondchance.relief import screen
from secondchance.relief.citations import clean
from secondchance.relief.evaluate import Result
from secondchance.relief.jurisdictions import read_citation
from secondchance.relief.jurisdictions.mo.citations import CHAPTER_566, read
from secondchance.relief.params import all_parameters
from secondchance.testing import person_from_rows

SPELLINGS = [
    ("RSMo 565.021", "RSMO-565.021"),
    ("RSMo. 565.021", "RSMO-565.021"),
    ("R.S.Mo. 565.021", "RSMO-565.021"),
    ("§ 565.021 RSMo", "RSMO-565.021"),
    ("565.021 RSMo", "RSMO-565.021"),
    ("565.021, RSMo", "RSMO-565.021"),
    ("Section 565.021, RSMo 2016", "RSMO-565.021"),
    ("565.021 RSMo (2000)", "RSMO-565.021"),
    ("Section 570.030, RSMo Cum. Supp. 2013", "RSMO-570.030"),
    ("Mo. Rev. Stat. § 565.021", "RSMO-565.021"),
    ("Mo.Rev.Stat. 565.021", "RSMO-565.021"),
    ("Missouri Revised Statutes 565.021", "RSMO-565.021"),
    ("V.A.M.S. 565.021", "RSMO-565.021"),
    ("565.021", "RSMO-565.021"),
    ("§ 565.021", "RSMO-565.021"),
    ("Sec. 610.140 RSMo", "RSMO-610.140"),
    ("570.030.3(1)", "RSMO-570.030(3)(1)"),
    ("§ 570.030.3(1), RSMo", "RSMO-570.030(3)(1)"),
    ("571.030.1(11) RSMo", "RSMO-571.030(1)(11)"),
    ("Section 571.030.1(1)", "RSMO-571.030(1)(1)"),
    ("R.S.Mo. 579.015.4", "RSMO-579.015(4)"),
    ("565.021(1)", "RSMO-565.021(1)"),
    ("rsmo 565.021", "RSMO-565.021"),
    ("RSMo 375.1312", "RSMO-375.1312"),
    ("RSMO-570.030(3)(1)", "RSMO-570.030(3)(1)"),
    ("RSMo 566.030", "RSMO-566.030"),
]
UNREADABLE = [
    "1301000",  # a Missouri charge code
    "565.02",  # two digits after the dot: garbled
    "5650.21",  # a four-digit chapter: garbled
    "RSMo 565",  # a chapter, not a section
    "RSMo 566.999",  # a chapter-566 number not known: never "not excluded"
    "Stealing",
    "565.021 and 570.030",  # two offenses
    "RSMo 2016 565.021",
    "Kansas City Code 50-8",
    "Mun. Ord. 210.270",
]


@pytest.mark.parametrize(("cited", "canonical"), SPELLINGS)
def test_real_spellings_read_as_one_canonical_form(cited: str, canonical: str) -> None:
    assert read_citation(cited, "MO") == canonical
    assert read_citation(canonical, "MO") == canonical  # canonical forms read back as themselves


@pytest.mark.parametrize("cited", UNREADABLE)
def test_unreadable_spellings(cited: str) -> None:
    assert read_citation(cited, "MO") is None


@pytest.mark.parametrize(("cited", "canonical"), SPELLINGS)
def test_other_states_grammars_do_not_read_missouri_spellings(cited: str, canonical: str) -> None:
    for state in ("PA", "CA"):
        assert read_citation(cited, state) is None
    assert read_citation(cited) == canonical


@pytest.mark.parametrize("cited", ["PC 211", "18 Pa.C.S. § 2701(a)(1)", "HS 11350(a)", "35 P.S. § 780-113(a)(16)"])
def test_the_missouri_grammar_reads_no_other_states_spelling(cited: str) -> None:
    assert read(clean(cited)) is None


def test_chapter_566_list_matches_the_parameter() -> None:
    """The grammar's chapter-566 sections and the 610.140.3(6) list are the same, so none slips between them."""
    history = all_parameters()["mo.610_140.chapter_566"].history
    for version in history:
        assert isinstance(version.value, tuple)
        assert sorted(read_citation(item, "MO") or "" for item in version.value) == sorted(
            f"RSMO-{s}" for s in CHAPTER_566
        )


def _conviction(statute: str | None) -> dict[str, object]:
    return {
        "statute": statute,
        "grade": "misdemeanor_a",
        "disposition": "convicted",
        "disposition_date": "2015-03-01",
        "incarcerated": False,
        "supervision": "none",
        "fines_costs_owed": 0,
        "restitution_owed": 0,
    }


def _petition_result(cited: str) -> Result:
    screening = screen(person_from_rows([_conviction(cited)], jurisdiction="MO"), date(2026, 11, 23))
    return next(r for r in screening.charges[0].results if r.rule.id == "MO-610.140")


@pytest.mark.parametrize("cited", UNREADABLE)
def test_an_unreadable_citation_is_never_not_excluded(cited: str) -> None:
    """Read as unknown, the statute sends RSMo 610.140 to needs review naming it, as if the record were silent."""
    result = _petition_result(cited)
    assert result.status.value == "needs_review"
    assert "statute" in result.missing


@pytest.mark.parametrize("cited", ["RSMo 566.101", "§ 566.101 RSMo", "566.101", "Mo. Rev. Stat. § 566.101.1(2)"])
def test_every_spelling_of_an_excluded_offense_is_excluded(cited: str) -> None:
    result = _petition_result(cited)
    assert result.status.value == "not_eligible"

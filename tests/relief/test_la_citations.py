"""Louisiana citations as courts, bills of information and charge codes print them (relief/jurisdictions/la).

A spelling the grammar reads gives its canonical form; anything else is unreadable, so the statute
is unknown and an exclusion that turns on it answers "needs review", never "not excluded".
"""

from __future__ import annotations

from datetime import date

import pytest

from secondchance.relief import screen
from secondchance.relief.jurisdictions import CITATION_READERS, read_citation
from secondchance.testing.cases import person_from_rows

READABLE: list[tuple[str, str]] = [
    ("La. R.S. 14:34", "RS-14:34"),
    ("R.S. 14:34", "RS-14:34"),
    ("LSA-R.S. 14:34", "RS-14:34"),
    ("LSA R.S. 14:34", "RS-14:34"),
    ("La. Rev. Stat. § 14:34", "RS-14:34"),
    ("La. Rev. Stat. Ann. § 14:34", "RS-14:34"),
    ("La.R.S. 14:34", "RS-14:34"),
    ("La R.S. 14:34", "RS-14:34"),
    ("Louisiana Revised Statutes 14:34", "RS-14:34"),
    ("RS 14:34", "RS-14:34"),
    ("14:34", "RS-14:34"),
    ("14 : 34", "RS-14:34"),
    ("14:34.2(A)(1)", "RS-14:34.2(A)(1)"),
    ("La. R.S. 14:34.2(A)(1)", "RS-14:34.2(A)(1)"),
    ("La. R.S. 14:34.2 (A)(1)", "RS-14:34.2(A)(1)"),
    ("la. r.s. 14:34.2(a)(1)", "RS-14:34.2(A)(1)"),
    ("La. R.S. 40:966A(1)", "RS-40:966(A)(1)"),  # State v. A.R.W., 242 So. 3d 648
    ("40:966 A(1)", "RS-40:966(A)(1)"),
    ("R.S. 40:966(C)(2)", "RS-40:966(C)(2)"),
    ("14:30 A.(5.)", "RS-14:30(A)(5)"),  # the Supreme Court's charge-code list
    ("14:93.2.3", "RS-14:93.2.3"),
    ("La. R.S. 14:35.3(L)", "RS-14:35.3(L)"),
    ("R.S. 15:541", "RS-15:541"),
    ("La. R.S. 14:98.1", "RS-14:98.1"),
    ("La. R.S. 14:27 and 14:30.1", "RS-14:27/RS-14:30.1"),
    ("14:27/14:30.1", "RS-14:27/RS-14:30.1"),
    ("R.S. 14:(27)30.1", "RS-14:27/RS-14:30.1"),
    ("La. R.S. 14:26 & 14:64", "RS-14:26/RS-14:64"),
    ("La. C.Cr.P. art. 894", "CCRP-894"),
    ("C.Cr.P. art. 894(B)", "CCRP-894(B)"),
    ("La. C.Cr.P. Art. 978(A)(3)", "CCRP-978(A)(3)"),
    ("La.C.Cr.P. art. 893(E)", "CCRP-893(E)"),
    ("LSA-C.Cr.P. art. 977", "CCRP-977"),
    ("La. Code Crim. Proc. art. 894", "CCRP-894"),
    ("La. Code Crim. Proc. Ann. art. 978", "CCRP-978"),
    ("Code of Criminal Procedure Article 894", "CCRP-894"),
    ("CCRP 894", "CCRP-894"),
    ("C. Cr. P. art 985.1", "CCRP-985.1"),
    ("R.S. 14:27", "RS-14:27"),
    ("RS-14:34.2(A)(1)", "RS-14:34.2(A)(1)"),
    ("CCRP-894(B)", "CCRP-894(B)"),
    ("RS-14:27/RS-14:30.1", "RS-14:27/RS-14:30.1"),
]

UNREADABLE: list[str] = [
    "R.S. 34",  # a section without its title
    "La. R.S. 34",
    "57:1",  # no such title of the Revised Statutes
    "14:34/14:35",  # two offenses, not an attempt and its object
    "14:34(FELONY)",  # a word is not a sub-part
    "14:34 (felony)",
    "aggravated battery",
    "14:",
    ":34",
    "14:34 et seq.",
    "La. C.Cr.P.",
    "14:27 and",
]


@pytest.mark.parametrize(("cited", "canonical"), READABLE)
def test_louisiana_spellings_read_as_their_canonical_form(cited: str, canonical: str) -> None:
    assert read_citation(cited, "LA") == canonical
    assert read_citation(canonical, "LA") == canonical
    assert read_citation(canonical) == canonical  # without a state: the grammars are disjoint


@pytest.mark.parametrize("cited", UNREADABLE)
def test_unreadable_louisiana_spellings(cited: str) -> None:
    assert read_citation(cited, "LA") is None


@pytest.mark.parametrize(("cited", "canonical"), READABLE)
def test_no_other_state_reads_a_louisiana_spelling(cited: str, canonical: str) -> None:
    assert all(read_citation(cited, state) is None for state in CITATION_READERS if state != "LA")


@pytest.mark.parametrize("cited", ["18 Pa.C.S. § 2701(a)(1)", "PC 288(a)", "HS 11350(a)", "35 P.S. § 780-113(a)(16)"])
def test_louisiana_does_not_read_other_states(cited: str) -> None:
    assert read_citation(cited, "LA") is None


@pytest.mark.parametrize("cited", ["armed robbery", "R.S. 64", "14:64/14:65", "14:64(FELONY)"])
def test_an_unreadable_citation_is_never_not_excluded(cited: str) -> None:
    """Armed robbery is excluded from art. 978(A)(2); spelled so that no grammar reads it, the answer is review."""
    row = {
        "statute": cited,
        "grade": "felony",
        "disposition": "convicted",
        "disposition_date": date(2010, 5, 1),
        "incarcerated": False,
        "supervision": "none",
    }
    result = next(
        r
        for r in screen(person_from_rows([row], jurisdiction="LA"), date(2026, 11, 23)).charges[0].results
        if r.rule.id == "LA-978-A2-ten-years"
    )
    assert result.status.value == "needs_review"
    canonical = dict(row, statute="La. R.S. 14:64")
    excluded = next(
        r
        for r in screen(person_from_rows([canonical], jurisdiction="LA"), date(2026, 11, 23)).charges[0].results
        if r.rule.id == "LA-978-A2-ten-years"
    )
    assert excluded.status.value == "not_eligible"

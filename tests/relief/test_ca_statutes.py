"""California citations in the spellings records use all reach the same canonical form.

The CA rules match offences with ``StatuteIn``; these pin the forms they rely on (and one known
gap: a leading "Cal." is not stripped, so records should drop it).
"""

from __future__ import annotations

import re

import pytest

from secondchance.relief.lang import canonical_statute, statute_pattern

SAME = [
    ("PC 459", "PC-459"),
    ("Penal Code § 459", "PC-459"),
    ("Pen. Code, § 459", "PC-459"),
    ("P.C. 459", "PC-459"),
    ("penal code section 459", "PC-459"),
    ("HS 11357(a)", "HS-11357(A)"),
    ("H&S 11357(a)", "HS-11357(A)"),
    ("HSC 11357(a)", "HS-11357(A)"),
    ("Health & Safety Code § 11359", "HS-11359"),
    ("Health and Safety Code section 11360(a)(1)", "HS-11360(A)(1)"),
    ("VC 23152(a)", "VC-23152(A)"),
    ("Vehicle Code § 42002.1", "VC-42002.1"),
    ("Veh. Code § 23152(b)", "VC-23152(B)"),
    ("PC 288a(c)", "PC-288A(C)"),
    ("PC 664/187", "PC-664-187"),
]


@pytest.mark.parametrize(("cited", "canonical"), SAME)
def test_ca_citations_have_one_canonical_form(cited: str, canonical: str) -> None:
    assert canonical_statute(cited) == canonical


@pytest.mark.parametrize(
    ("cited", "section", "matches"),
    [
        ("Penal Code § 286(c)(2)(A)", "PC 286(c)", True),  # a subdivision of a listed subdivision
        ("PC 286(b)", "PC 286(c)", False),
        ("PC 288(a)", "PC 288", True),
        ("PC 288.5", "PC 288", False),  # a different section, not a subdivision
        ("PC 288a(c)", "PC 288", False),
        ("HS 11357(a)", "HS 11357", True),
        ("Health & Safety Code § 11359(b)", "HS 11359", True),
        ("HS 11361(a)", "HS 11360", False),
        ("PC 459", "VC 459", False),  # the code matters
        ("PC 261.5(d)", "PC 261.5(d)", True),
        ("PC 261.5(c)", "PC 261.5(d)", False),
        ("VC 22350", "VC", True),  # a bare code name matches every section of the code
        ("Vehicle Code § 12500(a)", "VC", True),
        ("PC 415", "VC", False),
        ("HS 11350", "VC", False),
    ],
)
def test_statute_in_matches_sections_and_their_subdivisions(cited: str, section: str, matches: bool) -> None:
    assert (re.match(statute_pattern((section,)), canonical_statute(cited)) is not None) is matches


def test_a_leading_cal_is_not_stripped() -> None:
    """Known gap, pinned so a change is noticed: "Cal. Penal Code § 459" does not match "PC 459"."""
    assert canonical_statute("Cal. Penal Code § 459") != canonical_statute("PC 459")


def test_every_parameter_is_law_whenever_its_rule_is() -> None:
    """A CA rule in force must never meet a parameter that was "not yet law" (the bulk engine resolves them all)."""
    from secondchance.relief.jurisdictions import ca
    from secondchance.relief.lang import Param, children
    from secondchance.relief.params import all_parameters

    def params_of(node: object) -> set[str]:
        found = {v.key for v in vars(node).values() if isinstance(v, Param)} if hasattr(node, "__dict__") else set()
        parts = [*node.conditions, *node.waits] if isinstance(node, ca.Rule) else []
        parts += [getattr(node, "test", None), getattr(node, "ends", None)]
        for child in [*parts, *children(node)]:  # type: ignore[arg-type]
            if child is not None:
                found |= params_of(child)
        return found

    for rule in ca.RULES:
        for key in params_of(rule):
            first = all_parameters()[key].history[0].since
            assert first <= rule.effective, f"{rule.id}: {key} first in force {first}, rule from {rule.effective}"


def test_the_petition_sections_are_law_long_before_2023() -> None:
    """§§ 1203.4, 1203.4a, 17(b) are decades old and § 1203.41 dates from 2014 (issue 10: not from 2023-07-01)."""
    from datetime import date

    from secondchance.relief.jurisdictions import ca

    old = [r for r in ca.RULES if r.id.startswith(("CA-1203.4-", "CA-1203.4a-", "CA-17b-"))]
    assert old and all(r.in_force(date(1990, 1, 1)) for r in old)
    jail = [r for r in ca.RULES if r.id.startswith("CA-1203.41-a2-county-jail")]
    assert len(jail) == 2 and all(r.effective == date(2014, 1, 1) for r in jail)

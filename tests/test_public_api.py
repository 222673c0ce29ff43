"""Each package's public API is what its ``__init__`` imports or defines, and ``__all__`` says exactly that.

Derived from ``vars()`` rather than copied by hand: exporting a name means adding it to ``__all__``
and importing it, and a test fails if the two disagree. Each ``__init__`` also says what its package
is for, in at least two sentences.
"""

from __future__ import annotations

import importlib
import re
import types

import pytest

PACKAGES = [
    "secondchance",
    "secondchance.bulk",
    "secondchance.bulk.compile",
    "secondchance.cli",
    "secondchance.data",
    "secondchance.directory",
    "secondchance.examples",
    "secondchance.papers",
    "secondchance.petitions",
    "secondchance.plan",
    "secondchance.records",
    "secondchance.relief",
    "secondchance.store",
    "secondchance.testing",
    "secondchance.web",
]

#: Names a package may define without exporting them.
NOT_API = {"annotations", "__version__"}


def defined_names(module: types.ModuleType) -> set[str]:
    """Public names the module's namespace holds, except its submodules (attributes set by importing them)."""
    return {
        name
        for name, value in vars(module).items()
        if not name.startswith("_") and not isinstance(value, types.ModuleType) and name not in NOT_API
    }


@pytest.mark.parametrize("name", PACKAGES)
def test_all_is_what_the_package_holds(name: str) -> None:
    module = importlib.import_module(name)
    exported = module.__all__
    assert len(exported) == len(set(exported)), f"{name}.__all__ repeats a name"
    assert set(exported) == defined_names(module), name


@pytest.mark.parametrize("name", PACKAGES)
def test_each_package_says_what_it_is_for(name: str) -> None:
    doc = importlib.import_module(name).__doc__ or ""
    sentences = [s for s in re.split(r"(?<=[.:;!?])\s+", doc.strip()) if s]
    assert len(sentences) >= 2, f"{name}: say what the package is for in two sentences"
    assert "see the issue" not in doc.lower()


def test_the_root_package_is_the_screening_api() -> None:
    import secondchance

    assert {"screen", "to_json", "load_people", "Person", "Status", "Relief"} <= set(secondchance.__all__)

"""The registry of states: each folder here whose ``__init__.py`` exports ``STATE`` is a state.

A state is one folder (``pa/``, ``ca/``): its rule modules (``pa/s9122_2.py`` is 18 Pa.C.S. § 9122.2,
``ca/pc_1203_4.py`` Cal. Penal Code § 1203.4), citation grammar, dated parameters, grades, interview
options, synthetic-record profile and YAML cases, described by one ``State`` (``state.py``). Everything
else reads a state through ``state(code)`` / ``states()``; no other module names one.

A folder outside the package is a state too once registered: ``register(path)`` at run time, or the
``SECONDCHANCE_STATES`` environment variable (folders separated by ``os.pathsep``), read when this
package is first imported. CONTRIBUTING.md walks through adding a state.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.util
import os
import pkgutil
import sys
from datetime import date
from functools import lru_cache
from pathlib import Path
from types import ModuleType

from ...records import states as record_states
from ..citations import Reader, clean
from ..lang import RemainingPath, Rule
from ..params import use_state_files
from .state import GradeOption, State, SynthProfile

__all__ = [
    "CITATION_READERS",
    "CODES",
    "JURISDICTIONS",
    "REMAINING_PATHS",
    "RULES",
    "STATES",
    "GradeOption",
    "State",
    "SynthProfile",
    "all_rules",
    "find_rule",
    "listed_sections",
    "read_citation",
    "register",
    "remaining_paths_for",
    "rules_for",
    "state",
    "states",
    "unregister",
]

#: The environment variable naming state folders outside the package (``os.pathsep``-separated).
STATES_ENV = "SECONDCHANCE_STATES"

#: Every registered state by code, in order of code. Updated in place by ``register``/``unregister``.
STATES: dict[str, State] = {}
#: code -> name, and each state's citation grammar (a state's charges are read by its own only); updated in place.
JURISDICTIONS: dict[str, str] = {}
CITATION_READERS: dict[str, Reader] = {}
#: Every rule and remaining path, and the whole codes a rule's list may name, as of the last change to the
#: registry. A module that imported these names keeps the value it imported: call ``all_rules()`` instead
#: where a state registered later must count.
RULES: tuple[Rule, ...] = ()
REMAINING_PATHS: tuple[RemainingPath, ...] = ()
CODES: frozenset[str] = frozenset()


def states() -> tuple[State, ...]:
    """Every registered state, in order of code."""
    return tuple(STATES.values())


def state(code: str) -> State:
    """The state whose record ``jurisdiction`` is ``code`` (any case); ``KeyError`` if none is registered."""
    return STATES[code.upper()]


def all_rules() -> tuple[Rule, ...]:
    """Every registered state's rules (the current registry, unlike the ``RULES`` imported earlier)."""
    return RULES


def _rebuild(found: dict[str, State]) -> None:
    global RULES, REMAINING_PATHS, CODES
    ordered = dict(sorted(found.items()))
    rules = tuple(rule for s in ordered.values() for rule in s.rules)
    ids = [rule.id.lower() for rule in rules]
    if len(ids) != len(set(ids)):
        raise ValueError("rule ids must be unique")
    STATES.clear()
    STATES.update(ordered)
    JURISDICTIONS.clear()
    JURISDICTIONS.update({code: s.name for code, s in ordered.items()})
    CITATION_READERS.clear()
    CITATION_READERS.update({code: s.read_citation for code, s in ordered.items()})
    RULES = rules
    REMAINING_PATHS = tuple(path for s in ordered.values() for path in s.remaining_paths)
    CODES = frozenset(clean(code) for s in ordered.values() for code in s.whole_codes)
    read_citation.cache_clear()
    listed_sections.cache_clear()
    use_state_files(tuple(s.params for s in ordered.values() if s.params is not None))
    record_states.know(ordered, read_citation)  # what reading a record needs of each state


def _state_of(module: ModuleType) -> State:
    found = getattr(module, "STATE", None)
    if not isinstance(found, State):
        raise TypeError(f"{module.__name__} has no STATE (a relief.jurisdictions.State)")
    return found


def _load_folder(path: Path) -> State:
    """Import a state folder from anywhere (its ``__init__.py`` exports ``STATE``; relative imports work)."""
    folder = Path(path).resolve()
    name = f"secondchance_states.{folder.name}_{hashlib.sha1(str(folder).encode()).hexdigest()[:10]}"
    if name in sys.modules:
        return _state_of(sys.modules[name])
    spec = importlib.util.spec_from_file_location(
        name, folder / "__init__.py", submodule_search_locations=[str(folder)]
    )
    if spec is None or spec.loader is None:
        raise ImportError(f"no state package in {folder}")
    if "secondchance_states" not in sys.modules:
        parent = ModuleType("secondchance_states")
        parent.__path__ = []
        sys.modules["secondchance_states"] = parent
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        del sys.modules[name]
        raise
    return _state_of(module)


def register(source: State | Path | str) -> State:
    """Add a state (or replace the one with its code): a ``State``, or the folder of a state package."""
    found = source if isinstance(source, State) else _load_folder(Path(source))
    _rebuild({**STATES, found.code: found})
    return found


def unregister(code: str) -> None:
    """Remove a state (tests that register one remove it again)."""
    _rebuild({c: s for c, s in STATES.items() if c != code.upper()})


def _discover() -> dict[str, State]:
    found: dict[str, State] = {}
    for info in pkgutil.iter_modules(__path__):
        if info.ispkg:
            module = importlib.import_module(f"{__name__}.{info.name}")
            if hasattr(module, "STATE"):
                found[_state_of(module).code] = _state_of(module)
    for entry in os.environ.get(STATES_ENV, "").split(os.pathsep):
        if entry.strip():
            outside = _load_folder(Path(entry.strip()))
            found[outside.code] = outside
    return found


def rules_for(jurisdiction: str, as_of: date) -> tuple[Rule, ...]:
    """The rules of ``jurisdiction`` in force on ``as_of``, in registry order."""
    known = STATES.get(jurisdiction)
    return tuple(r for r in known.rules if r.in_force(as_of)) if known is not None else ()


def remaining_paths_for(jurisdiction: str) -> tuple[RemainingPath, ...]:
    known = STATES.get(jurisdiction)
    return known.remaining_paths if known is not None else ()


def find_rule(rule_id: str) -> Rule:
    for rule in RULES:
        if rule.id.lower() == rule_id.lower():
            return rule
    raise KeyError(rule_id)


@lru_cache(maxsize=1 << 16)  # bounded: a state's repository holds millions of spellings
def read_citation(text: str, jurisdiction: str | None = None) -> str | None:
    """``text``'s canonical form under ``jurisdiction``'s grammar, or ``None`` if it cannot be read.

    Without a jurisdiction (the sections a rule lists, or a canonical form) every grammar is tried;
    the grammars are disjoint (tests check the corpus), so at most one reads a spelling.
    """
    cleaned = clean(text)
    if jurisdiction is not None:
        reader = CITATION_READERS.get(jurisdiction)
        return reader(cleaned) if reader is not None else None
    return next((found for read in CITATION_READERS.values() if (found := read(cleaned)) is not None), None)


@lru_cache(maxsize=1024)
def listed_sections(sections: tuple[str, ...]) -> tuple[str, ...]:
    """The sections a rule lists, in canonical form (or a whole code); one no grammar reads is a bug in the rule."""
    out = []
    for section in sections:
        if clean(section) in CODES:  # a whole code ("VC"): lists may name one, records may not cite one
            out.append(clean(section))
            continue
        found = read_citation(section)
        if found is None:
            raise ValueError(f"a rule lists a section no grammar can read: {section!r}")
        out.append(found)
    return tuple(out)


_rebuild(_discover())

"""What reading a record needs to know of each state: its grades, supervision kinds, whether its
sentences tell state prison from county jail, and its citation grammar.

Why here and filled from above: the states live with their rules in ``relief/jurisdictions/``, which
read records, so records cannot import them. The registry there hands every change of its states to
``know`` (``relief.jurisdictions.register``); importing ``secondchance`` imports the registry, so the
table is filled before any record is read. The record model itself still knows no law.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Protocol


class StateFacts(Protocol):
    """The part of a state (``relief.jurisdictions.State``) the record model reads."""

    @property
    def grades(self) -> tuple[str, ...]: ...

    @property
    def supervision(self) -> tuple[str, ...]: ...

    @property
    def prison_or_jail(self) -> bool: ...

    def fold_grade(self, value: str) -> str: ...


#: Every registered state by code, in the registry's order; updated in place by ``know``.
STATES: dict[str, StateFacts] = {}
_READER: list[Callable[[str], str | None]] = []


def know(states: Mapping[str, StateFacts], read_citation: Callable[[str], str | None]) -> None:
    """The registry's states and its citation reader (every grammar tried), replacing the last ones."""
    STATES.clear()
    STATES.update(states)
    _READER[:] = [read_citation]


def read_citation(text: str) -> str | None:
    """``text``'s canonical form under the grammar of the state that reads it; ``None`` if none does."""
    return _READER[0](text) if _READER else None

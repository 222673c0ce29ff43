"""Links to the official text of a cited statute, where the legislature publishes a stable address.

Each state says how (``State.official_url``, in ``relief/jurisdictions/<state>/links.py``).
"""

from __future__ import annotations

from ...relief.jurisdictions import states


def official_url(section: str) -> str | None:
    """The legislature's page for ``section``, from the first state whose link maker knows it, else None."""
    for state in states():
        if state.official_url is not None and (url := state.official_url(section)) is not None:
            return url
    return None

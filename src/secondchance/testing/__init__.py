"""Helpers for tests of secondchance and of code built on it, shipped like ``polars.testing``.

They read the YAML legislation cases and build people from rows, so a state's tests need no copy.
"""

from .cases import Case, load_cases, person_from_rows, state_cases

__all__ = ["Case", "load_cases", "person_from_rows", "state_cases"]

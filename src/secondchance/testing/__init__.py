"""Helpers for tests of secondchance and of code built on it (shipped, like polars.testing)."""

from .cases import Case, load_cases, person_from_rows, state_cases

__all__ = ["Case", "load_cases", "person_from_rows", "state_cases"]

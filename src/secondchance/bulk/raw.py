"""The raw input frames' own columns, and the error for an input that cannot be read at all."""

from __future__ import annotations

from typing import Final

#: The input record number column carried through every stage (1-based).
ROW: Final = "_row"
#: Set (to a reason) on a CSV line that could not be split into the header's columns.
PROBLEM: Final = "_problem"
IDS: Final = ("person_id", "case_id", "charge_id")

#: What Python's ``str.strip()`` removes (records.parse strips with it; Polars' default set is smaller).
WHITESPACE: Final = "".join(chr(c) for c in range(0x3001) if chr(c).isspace())


class InputError(ValueError):
    """The input as a whole cannot be read (unknown format, missing or unknown columns)."""

"""A run's identity: what must be equal for ``--resume`` to finish a run another process started.

The input's hash, the as-of date, the jurisdiction, the partition count, a digest of every rule and
dated parameter, and the versions of Polars (the person hash) and secondchance.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Sequence
from typing import Any, Final

import polars as pl

from ..relief.lang import Rule
from ..relief.params import all_parameters
from .job import Plan

#: About 1 GB per worker process at the compiled engine's ~5 KB per charge in flight (measured; bench/bulk.py).
ROWS_PER_PARTITION: Final = 100_000
FORMAT_VERSION: Final = 1


def rules_digest(rules: Sequence[Rule]) -> str:
    """A hash of the rule definitions (every condition, wait, citation) and all dated parameters."""
    digest = hashlib.sha256()
    for rule in rules:
        digest.update(repr(rule).encode())
    for key, parameter in sorted(all_parameters().items()):
        digest.update(key.encode() + repr(parameter).encode())
    return digest.hexdigest()


def default_partitions(rows_hint: int) -> int:
    """Depends only on the input, never on the machine, so every machine writes the same layout."""
    return max(4, math.ceil(rows_hint / ROWS_PER_PARTITION))


def code_version() -> str:
    """The code's own version (``secondchance.__version__``, bumped with every change that alters results),
    read when asked: an editable install's metadata keeps the version it was installed with."""
    from .. import __version__

    return __version__


def run_identity(plan: Plan, partitions: int, rules: Sequence[Rule], source_sha: str) -> dict[str, Any]:
    return {
        "format": FORMAT_VERSION,
        "input_sha256": source_sha,
        "as_of": plan.as_of.isoformat(),
        "jurisdiction": plan.jurisdiction.upper() if plan.jurisdiction else None,
        "partitions": partitions,
        "rules_sha256": rules_digest(rules),
        "polars": pl.__version__,  # the person hash is stable within a Polars version
        "secondchance": code_version(),  # a resumed run is finished by the code that started it
    }

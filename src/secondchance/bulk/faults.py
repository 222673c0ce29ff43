"""Named crash points for crash tests: ``SECONDCHANCE_FAULT=point[:n]`` kills the process the n-th time
(default the first) it reaches ``point``, as a power cut would (no cleanup, no exception handlers).

Crash tests kill at exact places (after each fsync, between write and rename) instead of random sleeps.
Unset, a fault point costs one dictionary lookup.
"""

from __future__ import annotations

import os
from typing import Final

FAULT_ENV: Final = "SECONDCHANCE_FAULT"
#: Every point, in the order a run reaches them (tests/bulk/test_robust.py crashes at each).
POINTS: Final = (
    "spool-file-synced",  # one spool file written and fsynced
    "spool-marker-written",  # the spool's marker renamed into place
    "before-rename",  # a result, charges, rejects file or done marker written and fsynced, not yet renamed
    "partition-committed",  # a partition's done marker in place
    "before-manifest",  # rejects.csv written, the manifest not yet
)
_seen: dict[str, int] = {}


def fault_point(name: str) -> None:
    target = os.environ.get(FAULT_ENV)
    if not target:
        return
    point, _, nth = target.partition(":")
    if point != name:
        return
    _seen[name] = _seen.get(name, 0) + 1
    if _seen[name] == int(nth or 1):
        os._exit(137)

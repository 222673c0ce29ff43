"""Peak memory of ``secondchance screen`` against the input's size, CSV and JSON: see bench/screen.py."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from .screen import memory_against_size


def run(quick: bool) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="bench-screen-memory-", dir=os.environ.get("BENCH_TMP")) as scratch:
        folder = Path(scratch)
        figures = memory_against_size(folder, (1.5,) if quick else (5.0, 50.0), screen_all=False)
        if os.environ.get("BENCH_SCREEN_ALL") and not quick:
            figures.update(memory_against_size(folder, (50.0,), screen_all=True))
    figures["target"] = (
        "screen of 50 MB under 1 GB, CSV and JSON; peak RSS flat in the input's size (it follows the largest "
        "person and pass 1's per-person tallies)"
    )
    return figures

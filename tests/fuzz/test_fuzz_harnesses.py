"""Every atheris harness in scripts/fuzz (one per reader, issue 16) runs in ``make test`` for a short budget:
its seeds and a few hundred cheap mutations of them, in-process, with the harness's own oracle.
``make fuzz`` runs the same harnesses coverage-guided for FUZZ_SECONDS per reader."""

from __future__ import annotations

import os
import random
import sys
from importlib import import_module
from pathlib import Path

import pytest

FUZZ = Path(__file__).resolve().parents[2] / "scripts" / "fuzz"
sys.path.insert(0, str(FUZZ))

from common import Recorder, mutate  # noqa: E402
from run import READERS  # noqa: E402

pytestmark = pytest.mark.slow  # seconds to minutes: `make test` runs it, `make check` does not

#: Mutations per reader; the slow readers (a whole bulk run per input) get fewer.
RUNS = int(os.environ.get("FUZZ_HARNESS_RUNS", "300"))
SLOW = {
    "bulk_csv": 12,
    "bulk_parquet": 10,
    "hsds_package": 3,
    "web_state": 2,
    "web_upload": 3,
    "csv_record": 2,
    "papers_pdf": 10,
    "pa_docket_lines": 3,
}


@pytest.mark.parametrize("reader", READERS)
def test_harness_holds_its_oracle(reader: str) -> None:
    module = import_module(reader)
    seeds = list(module.seeds().values())
    assert seeds
    recorder = Recorder(reader, None)
    check = recorder.wrap(module.one_input)
    rng = random.Random(reader)
    for seed in seeds:
        check(seed)
    for _ in range(RUNS // SLOW.get(reader, 1)):
        check(mutate(rng.choice(seeds), rng, seeds))
    details = {key: entry["traceback"] for key, entry in recorder.distinct.items()}
    assert not recorder.failures, "\n\n".join(f"{k}\n{v}" for k, v in details.items())

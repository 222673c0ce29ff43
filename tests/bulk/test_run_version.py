"""A bulk run is finished only by the version of the code that started it (``--resume``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from bulk_support import AS_OF, write_input

import secondchance
from secondchance.bulk.run import Plan, RunError, run


def test_a_run_started_by_another_version_is_not_resumed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source, out = tmp_path / "charges.csv", tmp_path / "out"
    write_input(source, 200)
    first = run(Plan(source, out, AS_OF, "PA", 2), workers=1)
    assert first == run(Plan(source, out, AS_OF, "PA", 2), workers=1, resume=True)  # same version: finished
    monkeypatch.setattr(secondchance, "__version__", "99.0.0")  # the results may differ: never mixed
    with pytest.raises(RunError, match="started with a different secondchance"):
        run(Plan(source, out, AS_OF, "PA", 2), workers=1, resume=True)

"""Coverage-guided fuzzing of the record readers with atheris (optional; ``make fuzz`` runs it if installed).

The oracle is the one of the hypothesis suite: every input ends in a result or a documented error
(InvalidRecord / InputRefused), never another exception. Each run alternates the JSON and CSV readers.
"""

from __future__ import annotations

import contextlib
import sys
import tempfile
from datetime import date
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from secondchance.records import InvalidRecord
    from secondchance.records.safe import InputRefused, loads
    from secondchance.records.stream import check_file, iter_people

AS_OF = date(2026, 11, 23)
FOLDER = Path(tempfile.mkdtemp(prefix="secondchance-fuzz-"))
HEADER = b"person_id,case_id,charge_id,jurisdiction,grade,disposition,disposition_date,fines_costs_owed\n"


def one_input(data: bytes) -> None:
    as_csv = bool(data[:1]) and data[0] % 2 == 1
    path = FOLDER / ("r.csv" if as_csv else "r.json")
    path.write_bytes(HEADER + data[1:] if as_csv else data[1:])
    try:
        count = check_file(str(path), AS_OF)
        assert len(list(iter_people(str(path), AS_OF))) == count
    except InvalidRecord:
        pass
    if not as_csv:
        with contextlib.suppress(InputRefused):
            loads(data[1:])


if __name__ == "__main__":
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()

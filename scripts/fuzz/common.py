"""What every fuzz harness shares: the oracle wrapper, failure records and per-reader statistics.

A harness module (one per reader, in this folder) defines ``one_input(data: bytes) -> None`` that
raises ``Failure`` (or any exception the reader's contract does not allow) when the oracle is
broken, and ``seeds() -> dict[str, bytes]``, a small corpus to start from. ``run.py`` runs it under
atheris; ``tests/scripts/test_fuzz_harnesses.py`` runs it on the seeds and a few hundred mutations.

The oracle (issue 16): every input ends in a result or a documented error (exit-2 class exception,
HTTP 4xx whose message names the place and the reason), never another exception, a 5xx, or a
partial result.
"""

from __future__ import annotations

import hashlib
import json
import random
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

AS_OF_TEXT = "2026-11-23"


class Failure(AssertionError):
    """The oracle is broken for this input (an exception the reader may not raise, a 5xx, a partial result)."""


def where_from(error: BaseException) -> str:
    """``Type at file:line`` of the innermost frame inside secondchance (or the last frame): the dedup key."""
    frames = traceback.extract_tb(error.__traceback__)
    ours = [f for f in frames if "secondchance" in f.filename] or frames
    frame = ours[-1] if ours else None
    place = f"{Path(frame.filename).name}:{frame.lineno}" if frame else "?"
    return f"{type(error).__name__} at {place}"


class Recorder:
    """Counts executions and failures of one reader; keeps each distinct failure's input and traceback.

    The fuzzer goes on after a failure (so one run finds more than one defect); ``stats.json`` in
    ``folder`` is rewritten every few seconds and at the end.
    """

    def __init__(self, reader: str, folder: Path | None) -> None:
        self.reader = reader
        self.folder = folder
        self.executions = 0
        self.failures = 0
        self.distinct: dict[str, dict[str, Any]] = {}
        self.started = time.monotonic()
        self._last_write = 0.0
        if folder is not None:
            (folder / "crashes").mkdir(parents=True, exist_ok=True)

    def wrap(self, one_input: Callable[[bytes], None]) -> Callable[[bytes], None]:
        def checked(data: bytes) -> None:
            self.executions += 1
            try:
                one_input(data)
            except Exception as error:  # the oracle: anything escaping one_input is a failure
                self.record(data, error)
            now = time.monotonic()
            if now - self._last_write > 5:
                self.write()

        return checked

    def record(self, data: bytes, error: BaseException) -> None:
        self.failures += 1
        key = where_from(error)
        if key in self.distinct:
            self.distinct[key]["count"] += 1
            return
        digest = hashlib.sha1(data).hexdigest()[:16]
        entry = {"count": 1, "input": f"crash-{digest}", "error": str(error)[:300]}
        entry["traceback"] = "".join(traceback.format_exception(error))[-3000:]
        self.distinct[key] = entry
        if self.folder is not None:
            (self.folder / "crashes" / f"crash-{digest}").write_bytes(data)
            self.write()

    def stats(self) -> dict[str, Any]:
        return {
            "reader": self.reader,
            "executions": self.executions,
            "failures": self.failures,
            "distinct_failures": {k: {x: v[x] for x in ("count", "input", "error")} for k, v in self.distinct.items()},
            "seconds": round(time.monotonic() - self.started, 1),
        }

    def write(self) -> None:
        self._last_write = time.monotonic()
        if self.folder is None:
            return
        (self.folder / "stats.json").write_text(json.dumps(self.stats(), indent=2) + "\n")
        details = {k: v["traceback"] for k, v in self.distinct.items()}
        (self.folder / "failures.json").write_text(json.dumps(details, indent=2) + "\n")


def mutate(seed: bytes, rng: random.Random, others: list[bytes]) -> bytes:
    """A cheap mutation (flip, insert, delete, duplicate, splice) for the short runs of ``make test``."""
    data = bytearray(seed)
    for _ in range(rng.randint(1, 4)):
        choice = rng.randrange(6)
        at = rng.randrange(len(data) + 1)
        if choice == 0 and data:
            data[min(at, len(data) - 1)] ^= 1 << rng.randrange(8)
        elif choice == 1:
            data[at:at] = bytes([rng.choice(b'{}[]",:\n\r\\0-9eE.\xff\xc3\xa9\x00 ')])
        elif choice == 2 and data:
            del data[at : at + rng.randint(1, 8)]
        elif choice == 3 and data:
            end = min(len(data), at + rng.randint(1, 16))
            data[at:at] = data[at:end]
        elif choice == 4 and others:
            other = rng.choice(others)
            cut = rng.randrange(len(other) + 1)
            data[at:] = other[cut:]
        else:
            tokens = [b"Infinity", b"1e999", b"-0", b'"\\ud800"', b"null", b"9" * 40, b"[" * 12, b"\xef\xbb\xbf"]
            data[at:at] = rng.choice(tokens)
    return bytes(data)


def split_files(data: bytes, allowed: tuple[str, ...]) -> dict[str, bytes]:
    """A package encoded in one input: files separated by 0x1E, each ``name 0x1F content``; unknown
    names map onto ``allowed`` (so the fuzzer never writes outside its folder)."""
    files: dict[str, bytes] = {}
    for part in data.split(b"\x1e"):
        name, sep, content = part.partition(b"\x1f")
        if not sep:
            continue
        text = name.decode("ascii", "replace").strip()
        if text not in allowed:
            text = allowed[sum(name) % len(allowed)]
        files[text] = content
    return files


def join_files(files: dict[str, bytes]) -> bytes:
    return b"\x1e".join(name.encode() + b"\x1f" + content for name, content in files.items())


def csv_head(path: Path, rows: int = 3) -> bytes:
    """The header and the first ``rows`` records of a CSV (quoted fields kept whole): a small seed."""
    import csv
    import io

    with path.open(newline="", encoding="utf-8-sig") as handle:
        records = []
        for number, record in enumerate(csv.reader(handle)):
            if number > rows:
                break
            records.append(record)
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(records)
    return out.getvalue().encode()


#: Public sample data (HSDS packages) the seeds are cut from, when present.
SHARED_HSDS = Path("/work/shared/data/hsds")

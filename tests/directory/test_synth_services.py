"""Synthetic directories: deterministic by seed, valid HSDS, and an index that equals the real indexer's."""

from __future__ import annotations

from dataclasses import astuple
from pathlib import Path

from secondchance.directory.search import entries
from secondchance.directory.synth import synthesize, to_directory, write_frames
from secondchance.directory.tabular import read_package


def test_same_seed_same_directory() -> None:
    a, b, c = synthesize(300, seed=1), synthesize(300, seed=1), synthesize(300, seed=2)
    assert all(a[name].equals(b[name]) for name in a)
    assert not a["search_entry"].equals(c["search_entry"])


def test_package_is_valid_hsds_and_index_matches(tmp_path: Path) -> None:
    frames = synthesize(500, seed=5)
    write_frames(frames, tmp_path / "pkg")
    directory = read_package(tmp_path / "pkg")  # validates every cell and key
    assert directory.sorted() == to_directory(frames).sorted()
    assert [astuple(e) for e in entries(directory)] == [tuple(r) for r in frames["search_entry"].rows()]
    assert all("Synthetic listing" in str(s["description"]) for s in directory.rows("service"))

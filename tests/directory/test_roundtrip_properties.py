"""Round trips hold for any text a listing may carry: commas, quotes, newlines, accents, emoji."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from secondchance.directory.hsds_json import read_json, write_json
from secondchance.directory.sample import build_sample
from secondchance.directory.tabular import read_package, write_package

# any text but the empty/blank one (blank cells are "absent" in the tabular format, by definition)
texts = st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\x00"), min_size=1).filter(
    lambda t: t.strip() != ""
)


@pytest.mark.slow
@settings(max_examples=60, deadline=None)
@given(texts, texts, st.floats(-90, 90), st.integers(0, 120))
def test_csv_and_json_round_trips_are_lossless(name: str, description: str, lat: float, age: int) -> None:
    directory = build_sample()
    service = directory.rows("service")[0]
    service["name"], service["description"], service["minimum_age"] = name, description, age
    directory.rows("location")[0]["latitude"] = lat
    used = {a["taxonomy_term_id"] for a in directory.rows("attribute")}
    directory.tables["taxonomy_term"] = [t for t in directory.rows("taxonomy_term") if t["id"] in used]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        write_package(directory, folder / "pkg")
        assert read_package(folder / "pkg").sorted() == directory.sorted()
        assert read_json(write_json(directory, folder / "d.json")).sorted() == directory.sorted()

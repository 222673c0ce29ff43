"""The docs' generated blocks (rule tables, case counts, parameter histories, result fields) are what
the code writes now: after changing a rule, a case, params.yaml or the results schema, run `make docs`."""

from __future__ import annotations

from pathlib import Path

import pytest

from secondchance.testing.docgen import BEGIN, END, blocks, render, stale


def test_every_generated_block_is_current() -> None:
    assert not stale(), "run `make docs` (python -m secondchance.testing.docgen)"


def test_render_rewrites_only_between_the_markers() -> None:
    text = f"prose\n{BEGIN.format(name='x')}\nold\n{END.format(name='x')}\nmore prose\n"
    assert render(text, {"x": lambda: "new"}) == text.replace("old", "new")


def test_a_block_the_doc_lacks_is_an_error() -> None:
    with pytest.raises(ValueError, match="no generated block named x"):
        render("no markers here\n", {"x": lambda: "new"}, "doc.md")


def test_every_state_page_has_its_blocks() -> None:
    pages = {path.name for path in blocks() if Path(path).parent.name == "jurisdictions"}
    assert pages == {"ca.md", "la.md", "mo.md", "pa.md"}

"""What every case paper shares, whichever the state: a ``Document`` for one plan (its file name, court
line, caption and blocks), which may not be filed before the plan's first day."""

from __future__ import annotations

from .decide import Plan
from .model import Block, Caption, Document


def case_paper(
    plan: Plan, name: str, kind: str, title: str, court: str, caption: Caption, blocks: list[Block]
) -> Document:
    """The petition or order ``kind`` for ``plan``: ``do_not_file_before`` comes from its grounds."""
    return Document(
        name=name,
        kind=kind,
        title=title,
        court=court,
        caption=caption,
        blocks=tuple(blocks),
        do_not_file_before=plan.do_not_file_before,
    )

"""Fuzz the California RAP sheet reader on text (``secondchance read sheet.txt``: papers/ca_rap.py)."""

from __future__ import annotations

from papers_common import AS_OF, check_read

from secondchance.papers import ca_rap, ca_rap_synth


def seeds() -> dict[str, bytes]:
    return {f"sheet{seed}": ca_rap_synth.sheet(seed).text.encode() for seed in (1, 2, 3, 7)}


def one_input(data: bytes) -> None:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return  # the file reader refuses non-UTF-8 before the grammar (covered by papers_pdf's text path)
    check_read(lambda: ca_rap.read_text(text, "fuzz.txt", today=AS_OF))

"""The California DOJ bulk extract's layout and grammar: its columns, dates, offenses and relief phrases.

Shared by the reader (``bulk.doj``) and the generator (``bulk.doj_synth``); the phrases themselves
are the RAP-sheet reader's (``papers.ca_rap``), since the DOJ writes both.
"""

from __future__ import annotations

import functools
import re
from datetime import date
from typing import Final

from ..papers.ca_rap import RELIEF
from ..relief.jurisdictions import read_citation

#: The extract's columns this reader needs (others, e.g. SSN or FBI numbers, are ignored and never stored).
REQUIRED: Final = (
    "CII_NUMBER",
    "PRI_DOB",
    "CYC_ORDER",
    "CYC_DATE",
    "STP_ORDER",
    "STP_EVENT_DATE",
    "STP_TYPE_DESCR",
    "CNT_ORDER",
    "OFFENSE_DESCR",
    "DISP_DESCR",
)
#: The columns the generator (``bulk.doj_synth``) writes (a subset of the DOJ's layout, in its order).
HEADER: Final = (
    "CII_NUMBER",
    "PRI_NAME",
    "PRI_DOB",
    "CYC_ORDER",
    "CYC_DATE",
    "STP_ORDER",
    "STP_EVENT_DATE",
    "STP_TYPE_DESCR",
    "STP_ORI_CNTY_NAME",
    "CNT_ORDER",
    "FE_NUM_CRT_CASE",
    "OFFENSE_DESCR",
    "OFFENSE_TOC",
    "DISP_DESCR",
    "CONV_STAT_DESCR",
    "SENT_ORDER",
    "SENT_LOC_DESCR",
    "SENT_LENGTH",
    "SENT_TIME_DESCR",
)
#: A byte that was not UTF-8 (read with ``errors="surrogateescape"``).
UNDECODABLE: Final = re.compile("[\udc80-\udcff]")
#: The raw frames' line-number and reject-reason columns.
ROW: Final = "_row"
PROBLEM: Final = "_problem"
#: An ``OFFENSE_DESCR``: section, code, a dash, the description.
OFFENSE: Final = re.compile(r"(?P<section>[0-9][0-9A-Z().\-]*)\s+(?P<code>PC|HS|VC|BP|WI)-(?P<desc>\S.*)")


def is_extract(columns: tuple[str, ...] | list[str]) -> bool:
    """Whether a CSV header is the DOJ bulk extract's (every ``REQUIRED`` column present)."""
    return all(name in columns for name in REQUIRED)


@functools.lru_cache(maxsize=1 << 16)  # dates and offenses repeat across rows: read each once
def iso_date(text: str) -> str | None:
    """``YYYYMMDD`` as ISO, or None if empty; ValueError if not a date."""
    text = text.strip()
    if not text:
        return None
    if not re.fullmatch(r"\d{8}", text):
        raise ValueError(f"expected a date as YYYYMMDD, got {text!r}")
    return date(int(text[:4]), int(text[4:6]), int(text[6:8])).isoformat()


@functools.lru_cache(maxsize=1 << 16)
def read_offense(offense: str) -> tuple[str, str]:
    """An ``OFFENSE_DESCR`` as (statute the CA grammar reads, description); ValueError if it cannot be read."""
    found = OFFENSE.fullmatch(offense.strip())
    if found is None:
        raise ValueError(f"an offense this reader cannot read: {offense.strip()!r}")
    inchoate = re.fullmatch(r"(664|182|653F)-(\S+)", found["section"])
    section = f"{inchoate[1]}/{inchoate[2]}" if inchoate else found["section"]
    statute = f"{section} {found['code']}"
    if read_citation(statute, "CA") is None:
        raise ValueError(f"a section the CA citation grammar cannot read: {offense.strip()!r}")
    return statute, found["desc"].strip()


@functools.lru_cache(maxsize=1 << 12)
def relief_read(text: str) -> str | None:
    """The relief a ``DISP_DESCR`` records, as a citation; None if none (or its section is unreadable)."""
    for pattern, default in RELIEF:
        found = pattern.fullmatch(text)
        if found is not None:
            cite = found["cite"].strip()
            return read_citation(cite if default is None or " " in cite else f"{cite} {default}", "CA")
    return None


@functools.lru_cache(maxsize=1 << 12)
def is_relief_text(text: str) -> bool:
    """Whether a ``DISP_DESCR`` is worded as relief (read or not)."""
    return any(pattern.fullmatch(text) for pattern, _ in RELIEF)

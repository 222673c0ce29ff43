"""Plain language, measured: every sentence the web app writes, as the reading-grade test sees it.

``ui_sentences`` is the function that defines "every UI-generated sentence": each message of the
translation catalogue's source (templates and the web package's ``_``, ``N_`` and ``t`` calls, the
same extraction as ``pybabel extract``) split into sentences; a sentence is at least 4 words ending in
``.``, ``?``, ``!`` or ``:``. Labels and fragments (a grade's name, a fact to find) are not sentences.
Placeholders (``%(date)s``) read as one short word. Rule texts quoted from statutes are data, not
messages, so they are not measured (the pages mark them ``lang="en"``).
"""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir

WEB = Path(__file__).parent.parent
PLACEHOLDER = re.compile(r"%\((\w+)\)s")
SENTENCE_END = re.compile(r"(?<=[.?!:])\s+")
WORD = re.compile(r"[A-Za-z']+")


def ui_messages() -> dict[str, str]:
    """Every msgid of the web app, with where it was found (``file:line``)."""
    found: dict[str, str] = {}
    method_map = [("ui/templates/**.html", "jinja2"), ("**.py", "python")]
    for filename, lineno, message, _comments, _context in extract_from_dir(
        str(WEB), method_map=method_map, keywords={**DEFAULT_KEYWORDS, "t": None}
    ):
        text = message[0] if isinstance(message, tuple) else message
        found.setdefault(text, f"{filename}:{lineno}")
    return found


def sentences_of(message: str) -> list[str]:
    text = PLACEHOLDER.sub("it", message)
    return [s for s in SENTENCE_END.split(text) if len(WORD.findall(s)) >= 4 and s.rstrip()[-1:] in ".?!:"]


def ui_sentences() -> list[tuple[str, str]]:
    """Every UI-generated sentence in English, with where its message is."""
    return [(s, where) for message, where in ui_messages().items() for s in sentences_of(message)]

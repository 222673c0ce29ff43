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


# ------------------------------------------------------------------------------------------ Spanish

SPANISH_WORD = re.compile(r"[A-Za-zÁÉÍÓÚÜÑáéíóúüñ']+")
STRONG = set("aeoáéóíú")  # an accented i or u is as strong as a, e, o: it breaks a diphthong (pa-ís, o-ír)
VOWELS = set("aeiouáéíóúü")


def spanish_syllables(word: str) -> int:
    """Syllables of a Spanish word by the rules of the RAE's Ortografía (2010), for readability scores.

    Textstat counts Spanish syllables with Pyphen's hyphenation patterns, which never split one letter
    off a word's ends (``agua``, ``oír``, ``país`` count as one syllable): a hyphenation rule, not a
    syllable count. Here: each group of adjacent vowels is one syllable (a diphthong or triphthong),
    plus one for each hiatus inside it (two of a, e, o, or an accented í, ú beside a vowel); the u of
    ``que``, ``qui``, ``gue``, ``gui`` is silent; a final y after a vowel is part of its diphthong
    (``hoy``, ``muy``). A word with no vowel (a number, an initialism) counts one.
    """
    text = word.lower()
    text = re.sub(r"(?<=[qg])u(?=[eiéí])", "", text)
    text = re.sub(r"(?<=[aeiouáéíóú])y$", "i", text)
    count = 0
    previous = ""
    for letter in text:
        if letter in VOWELS:
            if not previous or (previous in STRONG and letter in STRONG):
                count += 1  # a new vowel group, or a hiatus inside one
            elif letter in "íú" or previous in "íú":
                count += 1
            previous = letter
        else:
            previous = ""
    return max(count, 1)


def spanish_sentences_of(message: str) -> list[str]:
    """A Spanish message's sentences, as ``sentences_of`` (placeholders read as one short word, ``él``)."""
    text = PLACEHOLDER.sub("él", message)
    return [s for s in SENTENCE_END.split(text) if len(SPANISH_WORD.findall(s)) >= 4 and s.rstrip()[-1:] in ".?!:"]


def spanish_catalogue() -> dict[str, str]:
    """The web catalogue's translations (singular forms), by msgid."""
    from babel.messages.pofile import read_po

    from .i18n import LOCALE_DIR

    with (LOCALE_DIR / "es" / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        out: dict[str, str] = {}
        for message in read_po(handle):
            ids = message.id if isinstance(message.id, tuple) else (message.id,)
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            if ids[0] and strings and strings[0]:
                out[str(ids[0])] = str(strings[0])
        return out


def spanish_ui_sentences() -> list[tuple[str, str]]:
    """Every UI-generated sentence in Spanish (the translation of each message of ``ui_messages``)."""
    spanish = spanish_catalogue()
    return [
        (s, where) for message, where in ui_messages().items() for s in spanish_sentences_of(spanish.get(message, ""))
    ]


# ------------------------------------------------------------------------------------------ the plan page


def plan_page_messages() -> dict[str, str]:
    """Every msgid the "My plan" page shows, from the plan's own catalogue (plan/locale): the plan's
    sentences (plan/*.py) and the page's (web/ui/plan.py ``P_``/``pt``, plan.html ``pt``)."""
    from babel.messages.extract import extract_from_file

    import secondchance.plan as plan_package

    plan = Path(plan_package.__file__).parent
    sources = [
        *((path, "python", {"t": None, "N_": None}) for path in sorted(plan.glob("*.py"))),
        (WEB / "ui" / "plan.py", "python", {"P_": None, "pt": None}),
        (WEB / "ui" / "templates" / "plan.html", "jinja2", {"pt": None}),
    ]
    found: dict[str, str] = {}
    for path, method, keywords in sources:
        for lineno, message, _comments, _context in extract_from_file(method, str(path), keywords=keywords):
            text = message[0] if isinstance(message, tuple) else message
            found.setdefault(text, f"{path.name}:{lineno}")
    return found


def plan_page_sentences(lang: str) -> list[tuple[str, str]]:
    """The plan page's sentences in ``lang`` (``en`` or ``es``), with where each message is."""
    if lang == "en":
        return [(s, where) for message, where in plan_page_messages().items() for s in sentences_of(message)]
    from babel.messages.pofile import read_po

    from ...plan.i18n import LOCALE_DIR

    with (LOCALE_DIR / lang / "LC_MESSAGES" / "plan.po").open("rb") as handle:
        spanish = {str(m.id): str(m.string) for m in read_po(handle) if m.id}
    return [
        (s, where)
        for message, where in plan_page_messages().items()
        for s in spanish_sentences_of(spanish.get(message, ""))
    ]

"""Citations as court papers print them, read into one canonical form, or flagged as unreadable.

A charge's statute decides exclusions ("not an Article B offense", "not PC 288"), so a spelling
the engine cannot read must never pass as "not excluded". Each state folder has a
``citations.py`` with a small grammar (a table of patterns, tested against a corpus of real
spellings) that turns every spelling it knows into the canonical form; anything else reads as
``None``, and the rules then treat the statute as *unknown* (needs review), exactly as if the
record had left it blank.

Canonical forms (upper case, one offense): ``18-2701(A)(1)`` (18 Pa.C.S. § 2701(a)(1)),
``35-PS-780-113(A)(16)`` (35 P.S. § 780-113(a)(16)), ``PC-288(A)`` (Penal Code § 288(a)),
``HS-11350(A)``. An attempt or conspiracy with a known object is ``<inchoate>/<object>``:
``PC-664/PC-211`` (attempted robbery). Every canonical form reads back as itself.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Literal

#: A state's reader: a spelling (already ``clean``) in, its canonical form out, or ``None`` if the state's
#: grammar does not know it.
Reader = Callable[[str], str | None]

#: How ``StatuteIn`` treats an attempt, solicitation or conspiracy whose object is a listed offense.
#: ``"review"``: unknown (whether the list reaches inchoate offenses is for a lawyer); ``"listed"``: the statute
#: says the list includes them (e.g. Cal. Penal Code § 1192.7(c)(39), (42)).
Inchoate = Literal["review", "listed"]

#: One subdivision's label: ``a``, ``1``, ``iv``, ``b.1`` (a word such as ``felony`` in parentheses is not one).
PART = r"(?:[0-9]{1,3}|[A-Z]{1,4})(?:\.[0-9]{1,2})?"
_SUBDIVISION = re.compile(rf"\(({PART})\)")


def clean(text: str) -> str:
    """Upper case, compatibility forms folded (full-width digits, non-breaking spaces), white space single."""
    folded = unicodedata.normalize("NFKC", text).upper()
    folded = folded.replace("\u2013", "-").replace("\u2014", "-").replace("\u2012", "-")
    return " ".join(folded.split())


def subdivisions(text: str) -> str | None:
    """Subdivisions as canonical ``(A)(1)``: from ``(a)(1)``, ``(a) (1)``, ``subd. (a)``, or a docket's ``A1``.

    ``None`` if the text is not a run of subdivisions (then the citation is unreadable).
    """
    text = re.sub(r"^,?\s*(?:SUBDIVISION|SUBD\.?|SUBSECTION|SUBSEC\.?|PARAGRAPH|PAR\.?)\s*", "", text.strip())
    compact = text.replace(" ", "")
    if not compact:
        return ""
    if re.fullmatch(rf"(?:\({PART}\))+", compact):
        return "".join(f"({part})" for part in _SUBDIVISION.findall(compact))
    # A docket's run-together form: "A1" is (a)(1), "A16" (a)(16), "A1I" (a)(1)(i), "B.1" (b.1).
    if re.fullmatch(r"[A-Z](?:\.[0-9]+)?(?:[0-9]+(?:[IVX]+)?)?", compact):
        found = re.fullmatch(r"([A-Z](?:\.[0-9]+)?)([0-9]+)?([IVX]+)?", compact)
        assert found is not None
        return "".join(f"({part})" for part in found.groups() if part)
    return None


def _covers(section: str, cited: str) -> bool:
    """``cited`` is ``section`` or one of its subdivisions (``PC-288`` covers ``PC-288(A)``, not ``PC-288.5``).

    A listed code alone (``VC``: "a Vehicle Code infraction") covers every section of that code.
    """
    if section.isalpha():
        return cited.startswith(section + "-")
    return cited == section or cited.startswith((section + "(", section + "/"))


def _covering(cited: str) -> Iterable[str]:
    """Every listed section that would cover ``cited`` (``_covers``): itself, each prefix ending before a
    ``(`` or ``/``, and its code alone. A lookup per prefix keeps a charge's check independent of list length."""
    if not cited.isalpha():
        yield cited
    for index, char in enumerate(cited):
        prefix = cited[:index]
        if (char in "(/" and not prefix.isalpha()) or (char == "-" and prefix.isalpha()):
            yield prefix


@lru_cache(maxsize=1024)
def _as_set(sections: tuple[str, ...]) -> frozenset[str]:
    return frozenset(sections)


def statute_matches(cited: str | None, sections: Iterable[str], inchoate: Inchoate = "review") -> bool | None:
    """Whether a canonical citation is one of ``sections`` (canonical) or a subdivision of one.

    Unknown (``None``) when the citation is unknown or unreadable, and when it is an attempt or
    conspiracy whose object is listed but the list does not say it reaches inchoate offenses.
    """
    if cited is None:
        return None
    listed = _as_set(tuple(sections))
    if any(section in listed for section in _covering(cited)):
        return True
    _, slash, target = cited.partition("/")
    if slash and any(section in listed for section in _covering(target)):
        return True if inchoate == "listed" else None
    return False

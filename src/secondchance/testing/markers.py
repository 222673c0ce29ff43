"""Which ``-m`` expressions can select a test carrying a mark (tests/conftest.py skips whole modules)."""

from __future__ import annotations

import itertools
import re

_TOKEN = re.compile(r"\s*(\(|\)|\w+)")


def never_selected(expression: str, mark: str) -> bool:
    """Whether ``expression`` (a ``-m`` expression) is false for every test carrying ``mark``, whatever
    other marks the test has. Anything beyond names, ``and``, ``or``, ``not`` and brackets (a keyword
    match, say) answers False: the module is collected as usual."""
    tokens: list[str] = []
    rest = expression
    while rest.strip():
        found = _TOKEN.match(rest)
        if found is None:
            return False
        tokens.append(found.group(1))
        rest = rest[found.end() :]
    others = sorted({t for t in tokens if t not in ("(", ")", "and", "or", "not", mark)})
    for values in itertools.product((False, True), repeat=len(others)):
        truth = {mark: True, **dict(zip(others, values, strict=True))}
        python = " ".join(t if t in ("(", ")", "and", "or", "not") else str(truth[t]) for t in tokens)
        try:
            selected = eval(python, {"__builtins__": {}})  # only True, False, and, or, not and brackets
        except SyntaxError:  # pytest itself says what is wrong with the expression
            return False
        if selected:
            return False
    return True

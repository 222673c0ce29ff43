"""Two things every test module shares.

A module marked as a whole (``pytestmark = pytest.mark.slow``) is not even imported when ``-m`` leaves
every test of it out.

pytest deselects by marker only after collecting, and collecting imports the module and builds its
tests: the schemathesis module generates its API tests then (about ten seconds), the Spark and browser
modules import PySpark and Playwright. ``make check`` (``-m "not slow and not e2e ..."``) would pay for
all of that to run none of it.

Under pytest-xdist (``make check`` runs ``-n auto``) each worker starts with ``COLUMNS=80`` and
``LINES=24`` in its environment, which the command line's Rich consoles read once, when imported: a
test that widens the output with ``COLUMNS`` would get 80 columns. Each worker gets the controller's
values back (none, usually), so a test sees the same environment run alone, serially or in a worker.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from secondchance.testing.markers import never_selected

_TERMINAL = ("COLUMNS", "LINES")
_MODULE_MARK = re.compile(r"^pytestmark = pytest\.mark\.(\w+)\b", re.MULTILINE)


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    expression = config.getoption("markexpr", "")
    if not expression or collection_path.suffix != ".py" or not collection_path.name.startswith("test_"):
        return None
    found = _MODULE_MARK.search(collection_path.read_text(encoding="utf-8"))
    if found is not None and never_selected(expression, found.group(1)):
        return True
    return None


@pytest.hookimpl(optionalhook=True)  # an xdist hook: unknown under -p no:xdist
def pytest_configure_node(node: object) -> None:
    """On the xdist controller: hand each worker this process's terminal size variables."""
    workerinput: dict[str, object] = getattr(node, "workerinput")  # noqa: B009 (xdist's WorkerController)
    workerinput["terminal_environ"] = {name: os.environ.get(name) for name in _TERMINAL}


def pytest_configure(config: pytest.Config) -> None:
    """In an xdist worker, before any test module is imported: the controller's terminal variables."""
    workerinput: dict[str, object] | None = getattr(config, "workerinput", None)
    if workerinput is None:
        return
    given = workerinput.get("terminal_environ")
    for name in _TERMINAL:
        value = given.get(name) if isinstance(given, dict) else None
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = str(value)

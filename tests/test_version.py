"""One version number, written once (secondchance/__init__.py), with a CHANGELOG entry; results that
change come with a new version, so a bulk run started by another version is refused on --resume."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import secondchance

ROOT = Path(__file__).parent.parent


def test_the_version_is_written_once() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"] and "version" in project["project"]["dynamic"]
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "secondchance.__version__"}
    assert re.fullmatch(r"\d+\.\d+\.\d+", secondchance.__version__)


def test_the_changelog_starts_with_this_version() -> None:
    """Each change that alters results bumps ``__version__`` and says what changed in CHANGELOG.md."""
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    first = re.search(r"^## (\S+)", text, flags=re.MULTILINE)
    assert first and first.group(1) == secondchance.__version__, "add a CHANGELOG.md entry for the new version"


def test_the_lock_pins_every_dependency() -> None:
    """requirements.lock (``make lock``) holds every package pyproject.toml asks for, at one version."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = [*project["dependencies"], *(d for extra in project["optional-dependencies"].values() for d in extra)]
    names = {re.split(r"[\s<>=!~;\[]", d, maxsplit=1)[0].lower().replace("_", "-") for d in wanted}
    lock = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    pinned = {line.split("==")[0].strip().lower() for line in lock.splitlines() if "==" in line}
    assert names - {"secondchance"} <= pinned, f"not in requirements.lock (run `make lock`): {names - pinned}"

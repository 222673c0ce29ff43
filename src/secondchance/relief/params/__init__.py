"""Dated statutory parameters: the numbers and lists of the law, by the date they took effect.

Each state's folder holds ``params.yaml`` (``relief/jurisdictions/<state>/params.yaml``, named by its
descriptor's ``params``); a ``relief/params/<state>.yaml`` is read too::

    pa.clean_slate.misdemeanor_free_years:
      cite: 18 Pa.C.S. § 9122.2(a)(1)
      text: Years free from conviction before a misdemeanor is sealed automatically
      history:
        - {since: 2018-06-28, value: 10, source: Act 56 of 2018}
        - {since: 2024-02-12, value: 7, source: Act 36 of 2023}

The value in force on the as-of date is the last entry whose ``since`` is on or before it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from ...numbers import NUMBER_WORDS

#: libyaml's parser when PyYAML was built with it: the same documents as ``yaml.SafeLoader``, eight times
#: faster (the legislation cases and parameters are read at every start and every test collection).
_YAML_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

ParamValue = int | str | tuple[str, ...]


@dataclass(frozen=True)
class Version:
    since: date
    value: ParamValue
    source: str


@dataclass(frozen=True)
class Parameter:
    key: str
    cite: str
    text: str
    history: tuple[Version, ...]

    def at(self, as_of: date) -> ParamValue:
        in_force = [v for v in self.history if v.since <= as_of]
        if not in_force:
            first = self.history[0].since.isoformat()
            raise LookupError(f"{self.key} was not yet law on {as_of.isoformat()} (first in force {first})")
        return in_force[-1].value


def _parse(key: str, raw: dict[str, Any]) -> Parameter:
    history = []
    for entry in raw["history"]:
        value = entry["value"]
        if isinstance(value, list):
            value = tuple(str(v) for v in value)
        since = entry["since"]
        history.append(
            Version(
                since if isinstance(since, date) else date.fromisoformat(since), value, str(entry.get("source", ""))
            )
        )
    history.sort(key=lambda v: v.since)
    return Parameter(key, str(raw["cite"]), str(raw["text"]), tuple(history))


#: The registered states' ``params.yaml`` files, in order of state code: set by the registry
#: (``relief.jurisdictions``) whenever a state registers, so this module never imports it.
_STATE_FILES: list[Path] = []


def use_state_files(files: tuple[Path, ...]) -> None:
    """The registered states' ``params.yaml`` files (the registry calls this); their parameters count from now."""
    _STATE_FILES[:] = files
    all_parameters.cache_clear()


@cache
def all_parameters() -> dict[str, Parameter]:
    """Every registered state's parameters, keyed ``<jurisdiction>.<name>``."""
    texts = [
        item.read_text(encoding="utf-8")
        for item in sorted(resources.files("secondchance.relief.params").iterdir(), key=lambda p: p.name)
        if item.name.endswith(".yaml")
    ]
    texts += [path.read_text(encoding="utf-8") for path in _STATE_FILES if path.exists()]
    out: dict[str, Parameter] = {}
    for text in texts:
        for key, parameter in _parse_text(text).items():
            if key in out:
                raise ValueError(f"parameter {key} is defined twice")
            out[key] = parameter
    return out


def _parse_text(text: str) -> dict[str, Parameter]:
    raw = yaml.load(text, Loader=_YAML_LOADER) or {}
    return {key: _parse(key, spec) for key, spec in raw.items()}


@cache
def read_file(path: Path) -> dict[str, Parameter]:
    """One ``params.yaml``, without the registry: rule modules read their own folder's file while the
    registry is still importing them."""
    return _parse_text(path.read_text(encoding="utf-8"))


def spoken(path: Path, key: str) -> str:
    """A number's history as a rule's text says it, so the text cannot drift from ``params.yaml``:
    ``seven`` for one value (a word up to twenty), ``10; 7 from 2024-06-11`` for a value that changed
    (the first one in force since the rule itself)."""
    history = read_file(path)[key].history
    if len(history) == 1:
        value = history[0].value
        return NUMBER_WORDS[value] if isinstance(value, int) and 0 <= value < len(NUMBER_WORDS) else str(value)
    first, *later = history
    return "; ".join([str(first.value), *(f"{v.value} from {v.since.isoformat()}" for v in later)])


def speaker(module_file: str) -> Callable[[str, str], str]:
    """A rule module's ``said(text, key)``: ``text`` with ``{}`` replaced by ``spoken`` for ``key`` from the
    ``params.yaml`` beside the module, capitalized when the text starts with it. Use it in every text that
    states a dated number (``said = speaker(__file__)``; tests/relief/test_params_spoken.py checks)."""
    path = Path(module_file).with_name("params.yaml")

    def said(text: str, key: str) -> str:
        value = spoken(path, key)
        return text.format(value[:1].upper() + value[1:] if text.startswith("{}") else value)

    return said


def resolve(key: str, as_of: date) -> ParamValue:
    try:
        parameter = all_parameters()[key]
    except KeyError:
        raise KeyError(f"no parameter {key!r} in any state's params.yaml") from None
    return parameter.at(as_of)

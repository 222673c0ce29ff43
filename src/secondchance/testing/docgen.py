"""The parts of the docs that repeat the code: rule tables, case counts and parameter histories.

A hand-written table of what the code holds drifts the day the code changes; these are written from
the registry instead, between two marker lines, and ``tests/test_docs_generated.py`` fails when a doc
differs from what this module writes. ``make docs`` (``python -m secondchance.testing.docgen``)
rewrites them; ``--check`` only says which are stale. Everything outside the markers is prose, kept.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Callable
from functools import partial
from importlib import resources
from pathlib import Path
from typing import Any

from ..relief.jurisdictions import State, states
from ..relief.lang import Rule
from ..relief.params import Parameter, all_parameters
from .cases import load_cases

ROOT = Path(__file__).parents[3]
BEGIN = "<!-- BEGIN GENERATED {name}: written by `make docs` from the code; edit the code, not this block -->"
END = "<!-- END GENERATED {name} -->"
_BLOCK = re.compile(
    r"<!-- BEGIN GENERATED (?P<name>[\w-]+):[^\n]*-->\n.*?<!-- END GENERATED (?P=name) -->",
    re.S,
)


def case_counts(state: State) -> Counter[str]:
    """How many YAML cases state an expectation about each rule (a case about two rules counts for both)."""
    counts: Counter[str] = Counter()
    if state.cases is None:
        return counts
    for path in sorted(state.cases.glob("*.yaml")):
        for case in load_cases(path, state.code):
            counts.update({str(e.get("rule", case.rule)) for e in case.expect})
    return counts


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _in_force(rule: Rule) -> str:
    start = "" if rule.effective.year <= 1900 else f"from {rule.effective.isoformat()}"
    end = f"until {rule.repealed.isoformat()}" if rule.repealed else ""
    return " ".join(p for p in (start, end) if p) or "always (no date encoded)"


def rules_table(state: State) -> str:
    """One row per rule, in display order, with its YAML case count."""
    counts = case_counts(state)
    lines = [
        "| rule | section | relief | how | in force | cases |",
        "|---|---|---|---|---|---|",
    ]
    for rule in state.rules:
        how = "automatic" if rule.automatic else "petition"
        lines.append(
            f"| `{rule.id}` | {_cell(rule.section)} | {rule.called or rule.relief.value} | {how} | "
            f"{_in_force(rule)} | {counts.get(rule.id, 0)} |"
        )
    total = sum(1 for path in sorted(state.cases.glob("*.yaml")) for _ in load_cases(path)) if state.cases else 0
    lines.append("")
    lines.append(f"{len(state.rules)} rules; {total} legislation cases in `{_relative(state.cases)}`.")
    return "\n".join(lines)


def _relative(path: Path | None) -> str:
    if path is None:
        return "(none)"
    try:
        return str(path.relative_to(ROOT / "src" / "secondchance" / "relief" / "jurisdictions"))
    except ValueError:
        return path.name


def _value(value: object) -> str:
    if isinstance(value, tuple):
        if not value:
            return "none"
        shown = ", ".join(value[:6]) + (", ..." if len(value) > 6 else "")
        return shown if len(value) <= 6 else f"{len(value)} items: {shown}"
    return str(value)


def params_table(state: State) -> str:
    """Every dated number and list of the state, each version on its own row, oldest first."""
    prefix = state.code.lower() + "."
    lines = ["| parameter | cite | since | value | source |", "|---|---|---|---|---|"]
    for key, parameter in sorted(all_parameters().items()):
        if key.startswith(prefix):
            lines += _param_rows(parameter)
    return "\n".join(lines)


def _param_rows(parameter: Parameter) -> list[str]:
    rows = []
    for number, version in enumerate(parameter.history):
        name, cite = (f"`{parameter.key}`", _cell(parameter.cite)) if number == 0 else ("", "")
        rows.append(
            f"| {name} | {cite} | {version.since.isoformat()} | {_cell(_value(version.value))} | "
            f"{_cell(version.source)} |"
        )
    return rows


def states_table() -> str:
    """The registered states at a glance (docs/rules.md)."""
    lines = ["| state | rules | legislation cases | dated parameters | page |", "|---|---|---|---|---|"]
    for state in states():
        if not state.docs:
            continue
        cases = sum(1 for path in sorted(state.cases.glob("*.yaml")) for _ in load_cases(path)) if state.cases else 0
        params = sum(1 for key in all_parameters() if key.startswith(state.code.lower() + "."))
        page = Path(state.docs).name
        lines.append(
            f"| {state.name} (`{state.code}`) | {len(state.rules)} | {cases} | {params} "
            f"| [{page}](jurisdictions/{page}) |"
        )
    return "\n".join(lines)


def parameter_example(key: str = "pa.clean_slate.misdemeanor_free_years") -> str:
    """One real entry of a params.yaml, as the file has it (docs/rules.md)."""
    parameter = all_parameters()[key]
    lines = ["```yaml", f"{key}:", f"  cite: {parameter.cite}", f"  text: {parameter.text}", "  history:"]
    for version in parameter.history:
        lines.append(f"    - {{since: {version.since.isoformat()}, value: {version.value}, source: {version.source}}}")
    lines.append("```")
    return "\n".join(lines)


def relief_results() -> str:
    """docs/relief-results.md's field tables, from the JSON Schema of a screening."""
    schema = json.loads(resources.files("secondchance.relief").joinpath("results.schema.json").read_text("utf-8"))
    return schema_tables(schema)


def schema_tables(schema: dict[str, Any]) -> str:
    """One table per object of a JSON Schema (the top level, then each ``$defs`` entry)."""
    parts = [_object_table("screening (top level)", schema)]
    for name, sub in schema.get("$defs", {}).items():
        parts.append(_object_table(f"`{name}`", sub))
    return "\n\n".join(parts)


def _type_of(spec: dict[str, Any]) -> str:
    if "$ref" in spec:
        return f"`{spec['$ref'].rsplit('/', 1)[-1]}`"
    if "enum" in spec:
        return " / ".join(f"`{json.dumps(v)}`" for v in spec["enum"])
    if "anyOf" in spec:
        return " or ".join(_type_of(s) for s in spec["anyOf"])
    kind = spec.get("type", "any")
    if kind == "array":
        return f"list of {_type_of(spec.get('items', {}))}"
    if isinstance(kind, list):
        kind = " or ".join(kind)
    return f"{kind} ({spec['format']})" if "format" in spec else str(kind)


def _object_table(title: str, spec: dict[str, Any]) -> str:
    required = set(spec.get("required", ()))
    lines = [f"**{title}**" + (f": {spec['description']}" if spec.get("description") else ""), ""]
    lines += ["| field | type | always there | meaning |", "|---|---|---|---|"]
    for name, field in spec.get("properties", {}).items():
        lines.append(
            f"| `{name}` | {_cell(_type_of(field))} | {'yes' if name in required else 'no'} | "
            f"{_cell(field.get('description', ''))} |"
        )
    return "\n".join(lines)


def blocks() -> dict[Path, dict[str, Callable[[], str]]]:
    """Every generated block: file -> block name -> what writes it."""
    out: dict[Path, dict[str, Callable[[], str]]] = {
        ROOT / "docs" / "rules.md": {"states": states_table, "parameter-example": parameter_example},
        ROOT / "docs" / "relief-results.md": {"fields": relief_results},
    }
    for state in states():
        if state.docs and (ROOT / state.docs).exists():
            out[ROOT / state.docs] = {"rules": partial(rules_table, state), "parameters": partial(params_table, state)}
    return out


def render(text: str, writers: dict[str, Callable[[], str]], where: str = "") -> str:
    """``text`` with the body of each named block written anew; a block the file lacks is an error."""
    found = {m.group("name") for m in _BLOCK.finditer(text)}
    missing = set(writers) - found
    if missing:
        raise ValueError(f"{where}: no generated block named {', '.join(sorted(missing))} (add the marker lines)")

    def body(match: re.Match[str]) -> str:
        name = match.group("name")
        if name not in writers:
            return match.group(0)
        return BEGIN.format(name=name) + "\n" + writers[name]().rstrip("\n") + "\n" + END.format(name=name)

    return _BLOCK.sub(body, text)


def stale() -> list[Path]:
    """The docs whose generated blocks differ from what the code writes now."""
    return [
        path
        for path, writers in blocks().items()
        if render(path.read_text("utf-8"), writers, str(path)) != path.read_text("utf-8")
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="only list the stale docs; exit 1 if any")
    args = parser.parse_args(argv)
    if args.check:
        old = stale()
        for path in old:
            print(f"stale: {path.relative_to(ROOT)} (run `make docs`)")
        return 1 if old else 0
    for path, writers in blocks().items():
        text = path.read_text("utf-8")
        new = render(text, writers, str(path))
        if new != text:
            path.write_text(new, encoding="utf-8")
            print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

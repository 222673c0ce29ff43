"""``secondchance rules list|show``: browse the encoded statutes, each rule with its citation and text."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer

from ..relief import find_rule
from ..relief.jurisdictions import JURISDICTIONS, all_rules
from .options import Format, FormatOption, console, errors
from .render import render_rule, render_rules_table

rules_app = typer.Typer(
    help="Browse the encoded statutes: every rule with its citation and text.", no_args_is_help=True
)


@rules_app.command("list")
def rules_list(
    jurisdiction: Annotated[str | None, typer.Option("--jurisdiction", "-j", help="A state code.")] = None,
    fmt: FormatOption = Format.table,
) -> None:
    """List every rule: id, relief, section, and whether it applies automatically."""
    rules = [r for r in all_rules() if jurisdiction is None or r.jurisdiction == jurisdiction.upper()]
    if fmt is Format.json:
        items = [
            {
                "id": r.id,
                "jurisdiction": r.jurisdiction,
                "relief": r.relief.value,
                "section": r.section,
                "title": r.title,
                "automatic": r.automatic,
                "effective": r.effective.isoformat(),
                "repealed": r.repealed.isoformat() if r.repealed else None,
            }
            for r in rules
        ]
        sys.stdout.write(json.dumps(items, indent=2) + "\n")
        return
    render_rules_table(console, rules, JURISDICTIONS)


@rules_app.command("show")
def rules_show(rule_id: Annotated[str, typer.Argument(help="A rule id from `secondchance rules list`.")]) -> None:
    """Show one rule: the statute text it implements, each condition, and its waiting periods."""
    try:
        rule = find_rule(rule_id)
    except KeyError:
        errors.print(f"No rule {rule_id!r}. See `secondchance rules list`.")
        raise typer.Exit(2) from None
    render_rule(console, rule)

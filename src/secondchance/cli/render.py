"""Terminal rendering (rich) of screenings and rules, for people reading the CLI."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ..records.model import Row
from ..relief.evaluate import Result
from ..relief.explain import conditional_text, headline, open_question, rank, summary
from ..relief.lang import Rule, Status
from ..relief.screening import Screening

STATUS_STYLE = {
    Status.ELIGIBLE_NOW: "bold green",
    Status.ELIGIBLE_ON: "green",
    Status.NEEDS_REVIEW: "yellow",
    Status.NOT_ELIGIBLE: "dim",
}


def _charge_title(row: Mapping[str, object]) -> str:
    parts = [str(row[k]) for k in ("statute", "description") if row.get(k)]
    grade = f"grade {row['grade']}" if row.get("grade") else "grade unknown"
    disposition = str(row.get("disposition") or "disposition unknown").replace("_", " ")
    ended = f" on {row['disposition_date']}" if row.get("disposition_date") else ""
    return f"{' — '.join(parts) or 'Charge'} ({grade}; {disposition}{ended})"


def _folded(result: Result, available_now: bool) -> bool:
    """Whether a result folds away: it cannot improve on a decided one, is about other kinds of
    charges, or is a law that does not help when another clears the charge now."""
    if result.cannot_improve:
        return True
    return result.status is Status.NOT_ELIGIBLE and (available_now or not result.concerns)


def _results_table(results: Iterable[Result], show_all: bool, row: Row, rows: list[Row]) -> Table:
    """Results that help (or are open questions) first; the rest fold away unless asked (--trace)."""
    ordered = sorted(results, key=rank)
    available_now = any(r.status is Status.ELIGIBLE_NOW for r in ordered)
    shown = ordered if show_all else [r for r in ordered if not _folded(r, available_now)]
    if not show_all:  # two alternatives of one section that fail alike read as one line
        seen: set[tuple[str, str, str]] = set()
        unique = []
        for result in shown:
            key = (result.rule.relief.value, result.rule.section, summary(result, row, rows))
            if key not in seen:
                seen.add(key)
                unique.append(result)
        shown = unique
    table = Table(show_header=True, header_style="bold", expand=True, box=None, padding=(0, 1))
    table.add_column("Relief", ratio=2)
    table.add_column("What it means for you", ratio=5)
    table.add_column("Law", ratio=3)
    for result in shown:
        asks = open_question(result) or result.status is not Status.NEEDS_REVIEW
        style = STATUS_STYLE[result.status] if asks else "dim"
        explanation = Text(summary(result, row, rows), style=style)
        if show_all:
            for check in result.trace:
                mark = {True: "✓", False: "✗", None: "?"}[check.holds]
                explanation.append(f"\n   {mark} {check.text}", style="dim")
        relief = result.rule.called or result.rule.relief.value.replace("_", " ")
        table.add_row(Text(relief, style=style), explanation, result.rule.section)
    folded = len(ordered) - len(shown)
    if folded:
        table.add_row(
            "", Text(f"{folded} other law(s) checked do not help here (--trace shows them).", style="dim"), ""
        )
    return table


def render_screening(console: Console, screening: Screening, show_trace: bool = False) -> None:
    blocks: list[object] = []
    rows = [c.row for c in screening.charges]
    for charge in screening.charges:
        title = Text(f"Case {charge.row['case_id']}, charge {charge.row['charge_id']}: ", style="bold")
        title.append(_charge_title(charge.row), style="")
        blocks.append(title)
        if charge.statute_unreadable:
            blocks.append(
                Text(
                    f"  We could not read the law cited: '{charge.row['statute']}'. A lawyer should check which "
                    "offense it is; until then every law that depends on it needs review.",
                    style="yellow",
                )
            )
        if charge.note:
            blocks.append(Text(f"  {charge.note}", style="yellow"))
        else:
            blocks.append(Text(headline(charge.results), style="bold"))
            blocks.append(_results_table(charge.results, show_trace, charge.row, rows))
        blocks.append(Text(""))
    if screening.remaining_paths:
        blocks.append(Text("When the law above does not clear a charge, these paths remain:", style="bold"))
        for item in screening.remaining_paths:
            charges = ", ".join(f"{c}/{h}" for c, h in item.charges)
            blocks.append(Text(f"  • {item.path.name} ({item.path.section}) — for {charges}"))
            blocks.append(Text(f"    {item.path.text}"))
            for case, charge_id, fact, result in item.unlocks:
                blocks.append(Text(f"    For {case}/{charge_id}: {conditional_text(fact, result)}", style="green"))
            blocks.append(Text(f"    Where to start: {item.path.where_to_start}", style="cyan"))
    console.print(
        Panel(
            Group(*blocks),  # type: ignore[arg-type]
            title=f"Person {screening.person_id} — as of {screening.as_of.isoformat()}",
            title_align="left",
        )
    )


def render_rules_table(console: Console, rules: Iterable[Rule], jurisdictions: dict[str, str]) -> None:
    table = Table(title="Encoded rules", header_style="bold")
    table.add_column("Rule id", no_wrap=True)
    for column in ("Relief", "Section", "Automatic", "In force"):
        table.add_column(column)
    for rule in rules:
        in_force = f"from {rule.effective.isoformat()}" + (f" to {rule.repealed.isoformat()}" if rule.repealed else "")
        table.add_row(rule.id, rule.relief.value, rule.section, "yes" if rule.automatic else "no", in_force)
    console.print(table)


def render_rule(console: Console, rule: Rule) -> None:
    lines = [
        Text(rule.title, style="bold"),
        Text(f"{rule.section} — {rule.relief.value}{' (automatic)' if rule.automatic else ' (by petition)'}"),
        Text(""),
        Text("Statute text:", style="bold"),
        Text(rule.statute_text, style="italic"),
        Text(""),
        Text("Conditions (all must hold):", style="bold"),
    ]
    for condition in rule.conditions:
        lines.append(Text(f"  • [{condition.id}] {condition.text} ({condition.cite})"))
    if rule.waits:
        lines.append(Text("Waiting periods:", style="bold"))
        for wait in rule.waits:
            lines.append(Text(f"  • [{wait.id}] {wait.text} ({wait.cite})"))
    if rule.note:
        lines.append(Text(""))
        lines.append(Text(rule.note, style="dim"))
    console.print(Panel(Group(*lines), title=rule.id, title_align="left"))

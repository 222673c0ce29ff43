"""How ``secondchance services search`` shows its results: a table for people, JSON, a printable list, a text."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from typing import TYPE_CHECKING

from rich.table import Table

from ..directory.match import Fit
from ..directory.search import (
    Gap,
    Result,
    directions_url,
    hours_text,
    print_list,
    sms_summary,
    verified_text,
)
from .options import console

if TYPE_CHECKING:
    from ..store import DirectoryStore


class ServicesFormat(StrEnum):
    table = "table"
    json = "json"
    print = "print"
    sms = "sms"


FIT_STYLE = {Fit.FITS: "[green]fits[/]", Fit.UNKNOWN: "[yellow]unknown[/]", Fit.MAY_NOT_FIT: "[red]may not fit[/]"}


def show(
    fmt: ServicesFormat, where: str, radius: float, results: list[Result], missing: list[Gap], store: DirectoryStore
) -> None:
    """The results in the format asked for, then the needs with nothing near."""
    if fmt is ServicesFormat.json:
        payload = {
            "near": where,
            "radius_miles": radius,
            "results": [r.to_json() for r in results],
            "gaps": [g.to_json() for g in missing],
        }
        sys.stdout.write(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
        return
    if fmt is ServicesFormat.sms:
        sys.stdout.write(sms_summary(results) + "\n")
        return
    if fmt is ServicesFormat.print:
        gap_lines = "".join(g.text(radius) + "\n" for g in missing)
        sys.stdout.write(print_list(results, where) + "\n" + gap_lines)
        return
    if not results and not store.counts().get("service"):  # "none near you" would be untrue: there are none at all
        console.print(
            "The directory is empty. Load the bundled demo listings with `secondchance services sample`, "
            "or your own with `secondchance services import FILE`."
        )
        return
    render(results, where)
    for g in missing:
        console.print(g.text(radius), markup=False, highlight=False)


def render(results: list[Result], where: str) -> None:
    if not results:
        console.print(f"No services found near {where}. Try a larger --radius or fewer needs.")
        return
    table = Table(title=f"Services near {where}", show_lines=True)
    for column in ("Fit", "Miles", "Service", "Why / what to check", "Contact"):
        table.add_column(column)
    for r in results:
        why = r.match.reasons or tuple(c.text for c in r.match.checks)
        hours = [
            f"{'walk-in ' if walk_in else ''}{hours_text(days, opens, closes)}"
            for days, opens, closes, walk_in in (json.loads(r.entry.schedules) if r.entry.schedules else [])
        ]
        area = f"serves {r.entry.area}" if r.entry.area else None
        hours.append(verified_text(r))
        contact = "\n".join(
            x for x in (r.entry.phone, r.entry.url, r.entry.address, directions_url(r.entry), area, *hours) if x
        )
        service = f"[bold]{r.entry.name}[/]\n{r.entry.organization or ''}"
        for need in r.matched_needs():
            service += f"\nfor {str(need['label']).lower()}" + (f" ({need['from']})" if need["from"] else "")
        distance = "phone/online" if r.miles is None else f"{r.miles:.1f}"
        table.add_row(FIT_STYLE[r.match.fit], distance, service, "\n".join(why), contact)
    console.print(table)
    console.print("Listings can be out of date: call before you go. This is information, not legal advice.")

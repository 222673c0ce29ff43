"""CLI commands of bulk relief (registered by secondchance.cli)."""

import typer

bulk_app = typer.Typer(help="Bulk relief: the same rules over a whole repository of charges.", no_args_is_help=True)

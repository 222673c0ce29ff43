"""CLI commands of the web app (registered by secondchance.cli)."""

import typer

web_app = typer.Typer(help="The web app and REST API.", no_args_is_help=True)

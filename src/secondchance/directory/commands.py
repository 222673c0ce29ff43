"""CLI commands of the services directory (registered by secondchance.cli)."""

import typer

services_app = typer.Typer(
    help="The services directory (Open Referral HSDS): import, search, export.", no_args_is_help=True
)
db_app = typer.Typer(help="The database: create or upgrade its tables.", no_args_is_help=True)

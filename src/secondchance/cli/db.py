"""``secondchance db upgrade|current``: the database's tables (Alembic migrations)."""

from __future__ import annotations

import typer

from .options import Db, console

db_app = typer.Typer(help="The database: create or upgrade its tables.", no_args_is_help=True)


@db_app.command("upgrade")
def db_upgrade(db: Db = None) -> None:
    """Create or upgrade the database tables (Alembic migrations)."""
    from ..store import connect, upgrade
    from ..store.migrate import current

    engine = connect(db)
    upgrade(engine)
    console.print(f"Database at revision {current(engine)}: {engine.url.render_as_string(hide_password=True)}")


@db_app.command("current")
def db_current(db: Db = None) -> None:
    """Show the database's migration revision."""
    from ..store import connect
    from ..store.migrate import current

    console.print(current(connect(db)) or "empty (run `secondchance db upgrade`)")

"""Storage of the services directory: SQLAlchemy tables, Alembic migrations, repositories.

The only package that knows SQL. SQLite is the embedded default; PostgreSQL runs the same code.
"""

from .migrate import upgrade
from .repo import DirectoryStore, connect

__all__ = ["DirectoryStore", "connect", "upgrade"]

"""Alembic migrations of the secondchance database (run with ``secondchance db upgrade``)."""

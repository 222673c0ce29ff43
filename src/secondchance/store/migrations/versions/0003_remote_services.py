"""Remote services (hotlines, online help) in the search index: no coordinates, a web address, service areas.

A service at an HSDS "virtual" location has no place to visit, so its ``search_entry`` has no
``cell``, ``lat`` or ``lon``; search returns it from any place, with no distance. ``url`` and
``area`` (the HSDS service areas' names) tell a person how to reach it and where it serves.
In SQLite's FTS5 index a remote entry's cell token is ``remote`` (``DirectoryStore.refresh_text_index``).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("search_entry") as batch:
        for name, kind in (("cell", sa.Integer()), ("lat", sa.Float()), ("lon", sa.Float())):
            batch.alter_column(name, existing_type=kind, nullable=True)
        batch.add_column(sa.Column("url", sa.Text(), nullable=True))
        batch.add_column(sa.Column("area", sa.Text(), nullable=True))


def downgrade() -> None:
    op.execute("DELETE FROM search_entry WHERE cell IS NULL")  # remote entries cannot be placed in 0002's index
    with op.batch_alter_table("search_entry") as batch:
        batch.drop_column("area")
        batch.drop_column("url")
        for name, kind in (("cell", sa.Integer()), ("lat", sa.Float()), ("lon", sa.Float())):
            batch.alter_column(name, existing_type=kind, nullable=False)

"""Initial tables: HSDS 3 (from the spec's datapackage, frozen here) and the search index.

``upgrade`` is long on purpose: a migration is frozen once released, written out table by table.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "hsds_organization",
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=True),
        sa.Column("alternate_name", sa.Text(), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("email", sa.Text(), nullable=True),
        sa.Column("website", sa.Text(), nullable=True),
        sa.Column("tax_status", sa.Text(), nullable=True),
        sa.Column("tax_id", sa.Text(), nullable=True),
        sa.Column("year_incorporated", sa.Float(), nullable=True),
        sa.Column("legal_status", sa.Text(), nullable=True),
        sa.Column("logo", sa.Text(), nullable=True),
        sa.Column("uri", sa.Text(), nullable=True),
        sa.Column("parent_organization_id", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "hsds_taxonomy",
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("uri", sa.Text(), nullable=True),
        sa.Column("version", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "search_entry",
        sa.Column("entry_id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("service_at_location_id", sa.Text(), nullable=False),
        sa.Column("service_id", sa.Text(), nullable=False),
        sa.Column("location_id", sa.Text(), nullable=False),
        sa.Column("cell", sa.Integer(), nullable=False),
        sa.Column("lat", sa.Float(), nullable=False),
        sa.Column("lon", sa.Float(), nullable=False),
        sa.Column("needs", sa.BigInteger(), nullable=False),
        sa.Column("status", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("organization", sa.Text(), nullable=True),
        sa.Column("address", sa.Text(), nullable=True),
        sa.Column("phone", sa.Text(), nullable=True),
        sa.Column("timezone", sa.Text(), nullable=True),
        sa.Column("languages", sa.Text(), nullable=True),
        sa.Column("schedules", sa.Text(), nullable=True),
        sa.Column("requirements", sa.Text(), nullable=False),
        sa.Column("fees", sa.Text(), nullable=True),
        sa.Column("body", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("entry_id"),
        sa.UniqueConstraint("service_at_location_id"),
    )
    op.create_index("ix_search_entry_cell_lat_lon", "search_entry", ["cell", "lat", "lon"], unique=False)
    op.create_index(op.f("ix_search_entry_service_id"), "search_entry", ["service_id"], unique=False)
    op.create_table(
        "hsds_location",
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("location_type", sa.Text(), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("organization_id", sa.Text(), nullable=True),
        sa.Column("name", sa.Text(), nullable=True),
        sa.Column("alternate_name", sa.Text(), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("transportation", sa.Text(), nullable=True),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        sa.Column("external_identifier", sa.Text(), nullable=True),
        sa.Column("external_identifier_type", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["hsds_organization.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_hsds_location_organization_id"), "hsds_location", ["organization_id"], unique=False)
    op.create_table(
        "hsds_organization_identifier",
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("organization_id", sa.Text(), nullable=True),
        sa.Column("identifier_scheme", sa.Text(), nullable=True),
        sa.Column("identifier_type", sa.Text(), nullable=True),
        sa.Column("identifier", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["hsds_organization.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        op.f("ix_hsds_organization_identifier_organization_id"),
        "hsds_organization_identifier",
        ["organization_id"],
        unique=False,
    )
    op.create_table(
        "hsds_program",
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("organization_id", sa.Text(), nullable=True),
        sa.Column("name", sa.Text(), nullable=True),
        sa.Column("alternate_name", sa.Text(), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["hsds_organization.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_hsds_program_organization_id"), "hsds_program", ["organization_id"], unique=False)
    op.create_table(
        "hsds_taxonomy_term",
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("code", sa.Text(), nullable=True),
        sa.Column("name", sa.Text(), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("parent_id", sa.Text(), nullable=True),
        sa.Column("taxonomy", sa.Text(), nullable=True),
        sa.Column("language", sa.Text(), nullable=True),
        sa.Column("taxonomy_id", sa.Text(), nullable=True),
        sa.Column("term_uri", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["taxonomy_id"],
            ["hsds_taxonomy.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_hsds_taxonomy_term_taxonomy_id"), "hsds_taxonomy_term", ["taxonomy_id"], unique=False)
    op.create_table(
        "hsds_accessibility",
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("location_id", sa.Text(), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("details", sa.Text(), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["location_id"],
            ["hsds_location.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_hsds_accessibility_location_id"), "hsds_accessibility", ["location_id"], unique=False)
    op.create_table(
        "hsds_address",
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("location_id", sa.Text(), nullable=True),
        sa.Column("attention", sa.Text(), nullable=True),
        sa.Column("address_1", sa.Text(), nullable=True),
        sa.Column("address_2", sa.Text(), nullable=True),
        sa.Column("city", sa.Text(), nullable=True),
        sa.Column("region", sa.Text(), nullable=True),
        sa.Column("state_province", sa.Text(), nullable=True),
        sa.Column("postal_code", sa.Text(), nullable=True),
        sa.Column("country", sa.Text(), nullable=True),
        sa.Column("address_type", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["location_id"],
            ["hsds_location.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_hsds_address_location_id"), "hsds_address", ["location_id"], unique=False)
    op.create_table(
        "hsds_attribute",
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("link_id", sa.Text(), nullable=True),
        sa.Column("taxonomy_term_id", sa.Text(), nullable=True),
        sa.Column("link_type", sa.Text(), nullable=True),
        sa.Column("link_entity", sa.Text(), nullable=True),
        sa.Column("value", sa.Text(), nullable=True),
        sa.Column("label", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["taxonomy_term_id"],
            ["hsds_taxonomy_term.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_hsds_attribute_link_id", "hsds_attribute", ["link_id"], unique=False)
    op.create_index(op.f("ix_hsds_attribute_taxonomy_term_id"), "hsds_attribute", ["taxonomy_term_id"], unique=False)
    op.create_table(
        "hsds_service",
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("organization_id", sa.Text(), nullable=True),
        sa.Column("program_id", sa.Text(), nullable=True),
        sa.Column("name", sa.Text(), nullable=True),
        sa.Column("alternate_name", sa.Text(), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("email", sa.Text(), nullable=True),
        sa.Column("status", sa.Text(), nullable=True),
        sa.Column("interpretation_services", sa.Text(), nullable=True),
        sa.Column("application_process", sa.Text(), nullable=True),
        sa.Column("fees_description", sa.Text(), nullable=True),
        sa.Column("wait_time", sa.Text(), nullable=True),
        sa.Column("fees", sa.Text(), nullable=True),
        sa.Column("accreditations", sa.Text(), nullable=True),
        sa.Column("eligibility_description", sa.Text(), nullable=True),
        sa.Column("minimum_age", sa.Float(), nullable=True),
        sa.Column("maximum_age", sa.Float(), nullable=True),
        sa.Column("assured_date", sa.Text(), nullable=True),
        sa.Column("assurer_email", sa.Text(), nullable=True),
        sa.Column("licenses", sa.Text(), nullable=True),
        sa.Column("alert", sa.Text(), nullable=True),
        sa.Column("last_modified", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["hsds_organization.id"],
        ),
        sa.ForeignKeyConstraint(
            ["program_id"],
            ["hsds_program.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_hsds_service_organization_id"), "hsds_service", ["organization_id"], unique=False)
    op.create_index(op.f("ix_hsds_service_program_id"), "hsds_service", ["program_id"], unique=False)
    op.create_table(
        "hsds_cost_option",
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("service_id", sa.Text(), nullable=True),
        sa.Column("valid_from", sa.Text(), nullable=True),
        sa.Column("valid_to", sa.Text(), nullable=True),
        sa.Column("option", sa.Text(), nullable=True),
        sa.Column("currency", sa.Text(), nullable=True),
        sa.Column("amount", sa.Float(), nullable=True),
        sa.Column("amount_description", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["service_id"],
            ["hsds_service.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_hsds_cost_option_service_id"), "hsds_cost_option", ["service_id"], unique=False)
    op.create_table(
        "hsds_funding",
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("organization_id", sa.Text(), nullable=True),
        sa.Column("service_id", sa.Text(), nullable=True),
        sa.Column("source", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["hsds_organization.id"],
        ),
        sa.ForeignKeyConstraint(
            ["service_id"],
            ["hsds_service.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_hsds_funding_organization_id"), "hsds_funding", ["organization_id"], unique=False)
    op.create_index(op.f("ix_hsds_funding_service_id"), "hsds_funding", ["service_id"], unique=False)
    op.create_table(
        "hsds_required_document",
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("service_id", sa.Text(), nullable=True),
        sa.Column("document", sa.Text(), nullable=True),
        sa.Column("uri", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["service_id"],
            ["hsds_service.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        op.f("ix_hsds_required_document_service_id"), "hsds_required_document", ["service_id"], unique=False
    )
    op.create_table(
        "hsds_service_at_location",
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("service_id", sa.Text(), nullable=True),
        sa.Column("location_id", sa.Text(), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["location_id"],
            ["hsds_location.id"],
        ),
        sa.ForeignKeyConstraint(
            ["service_id"],
            ["hsds_service.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        op.f("ix_hsds_service_at_location_location_id"), "hsds_service_at_location", ["location_id"], unique=False
    )
    op.create_index(
        op.f("ix_hsds_service_at_location_service_id"), "hsds_service_at_location", ["service_id"], unique=False
    )
    op.create_table(
        "hsds_url",
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("label", sa.Text(), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("organization_id", sa.Text(), nullable=True),
        sa.Column("service_id", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["hsds_organization.id"],
        ),
        sa.ForeignKeyConstraint(
            ["service_id"],
            ["hsds_service.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_hsds_url_organization_id"), "hsds_url", ["organization_id"], unique=False)
    op.create_index(op.f("ix_hsds_url_service_id"), "hsds_url", ["service_id"], unique=False)
    op.create_table(
        "hsds_contact",
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("organization_id", sa.Text(), nullable=True),
        sa.Column("service_id", sa.Text(), nullable=True),
        sa.Column("service_at_location_id", sa.Text(), nullable=True),
        sa.Column("location_id", sa.Text(), nullable=True),
        sa.Column("name", sa.Text(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("department", sa.Text(), nullable=True),
        sa.Column("email", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["location_id"],
            ["hsds_location.id"],
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["hsds_organization.id"],
        ),
        sa.ForeignKeyConstraint(
            ["service_at_location_id"],
            ["hsds_service_at_location.id"],
        ),
        sa.ForeignKeyConstraint(
            ["service_id"],
            ["hsds_service.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_hsds_contact_location_id"), "hsds_contact", ["location_id"], unique=False)
    op.create_index(op.f("ix_hsds_contact_organization_id"), "hsds_contact", ["organization_id"], unique=False)
    op.create_index(
        op.f("ix_hsds_contact_service_at_location_id"), "hsds_contact", ["service_at_location_id"], unique=False
    )
    op.create_index(op.f("ix_hsds_contact_service_id"), "hsds_contact", ["service_id"], unique=False)
    op.create_table(
        "hsds_schedule",
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("service_id", sa.Text(), nullable=True),
        sa.Column("location_id", sa.Text(), nullable=True),
        sa.Column("service_at_location_id", sa.Text(), nullable=True),
        sa.Column("valid_from", sa.Text(), nullable=True),
        sa.Column("valid_to", sa.Text(), nullable=True),
        sa.Column("dtstart", sa.Text(), nullable=True),
        sa.Column("timezone", sa.Float(), nullable=True),
        sa.Column("until", sa.Text(), nullable=True),
        sa.Column("count", sa.Float(), nullable=True),
        sa.Column("wkst", sa.Text(), nullable=True),
        sa.Column("freq", sa.Text(), nullable=True),
        sa.Column("interval", sa.Float(), nullable=True),
        sa.Column("byday", sa.Text(), nullable=True),
        sa.Column("byweekno", sa.Text(), nullable=True),
        sa.Column("bymonthday", sa.Text(), nullable=True),
        sa.Column("byyearday", sa.Text(), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("opens_at", sa.Text(), nullable=True),
        sa.Column("closes_at", sa.Text(), nullable=True),
        sa.Column("schedule_link", sa.Text(), nullable=True),
        sa.Column("attending_type", sa.Text(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["location_id"],
            ["hsds_location.id"],
        ),
        sa.ForeignKeyConstraint(
            ["service_at_location_id"],
            ["hsds_service_at_location.id"],
        ),
        sa.ForeignKeyConstraint(
            ["service_id"],
            ["hsds_service.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_hsds_schedule_location_id"), "hsds_schedule", ["location_id"], unique=False)
    op.create_index(
        op.f("ix_hsds_schedule_service_at_location_id"), "hsds_schedule", ["service_at_location_id"], unique=False
    )
    op.create_index(op.f("ix_hsds_schedule_service_id"), "hsds_schedule", ["service_id"], unique=False)
    op.create_table(
        "hsds_service_area",
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("service_id", sa.Text(), nullable=True),
        sa.Column("service_at_location_id", sa.Text(), nullable=True),
        sa.Column("name", sa.Text(), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("extent", sa.Text(), nullable=True),
        sa.Column("extent_type", sa.Text(), nullable=True),
        sa.Column("uri", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["service_at_location_id"],
            ["hsds_service_at_location.id"],
        ),
        sa.ForeignKeyConstraint(
            ["service_id"],
            ["hsds_service.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        op.f("ix_hsds_service_area_service_at_location_id"),
        "hsds_service_area",
        ["service_at_location_id"],
        unique=False,
    )
    op.create_index(op.f("ix_hsds_service_area_service_id"), "hsds_service_area", ["service_id"], unique=False)
    op.create_table(
        "hsds_phone",
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("location_id", sa.Text(), nullable=True),
        sa.Column("service_id", sa.Text(), nullable=True),
        sa.Column("organization_id", sa.Text(), nullable=True),
        sa.Column("contact_id", sa.Text(), nullable=True),
        sa.Column("service_at_location_id", sa.Text(), nullable=True),
        sa.Column("number", sa.Text(), nullable=True),
        sa.Column("extension", sa.Float(), nullable=True),
        sa.Column("type", sa.Text(), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["hsds_contact.id"],
        ),
        sa.ForeignKeyConstraint(
            ["location_id"],
            ["hsds_location.id"],
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["hsds_organization.id"],
        ),
        sa.ForeignKeyConstraint(
            ["service_at_location_id"],
            ["hsds_service_at_location.id"],
        ),
        sa.ForeignKeyConstraint(
            ["service_id"],
            ["hsds_service.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_hsds_phone_contact_id"), "hsds_phone", ["contact_id"], unique=False)
    op.create_index(op.f("ix_hsds_phone_location_id"), "hsds_phone", ["location_id"], unique=False)
    op.create_index(op.f("ix_hsds_phone_organization_id"), "hsds_phone", ["organization_id"], unique=False)
    op.create_index(
        op.f("ix_hsds_phone_service_at_location_id"), "hsds_phone", ["service_at_location_id"], unique=False
    )
    op.create_index(op.f("ix_hsds_phone_service_id"), "hsds_phone", ["service_id"], unique=False)
    op.create_table(
        "hsds_language",
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("service_id", sa.Text(), nullable=True),
        sa.Column("location_id", sa.Text(), nullable=True),
        sa.Column("phone_id", sa.Text(), nullable=True),
        sa.Column("name", sa.Text(), nullable=True),
        sa.Column("code", sa.Text(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["location_id"],
            ["hsds_location.id"],
        ),
        sa.ForeignKeyConstraint(
            ["phone_id"],
            ["hsds_phone.id"],
        ),
        sa.ForeignKeyConstraint(
            ["service_id"],
            ["hsds_service.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_hsds_language_location_id"), "hsds_language", ["location_id"], unique=False)
    op.create_index(op.f("ix_hsds_language_phone_id"), "hsds_language", ["phone_id"], unique=False)
    op.create_index(op.f("ix_hsds_language_service_id"), "hsds_language", ["service_id"], unique=False)
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "CREATE VIRTUAL TABLE search_fts USING fts5(body, content='search_entry', content_rowid='entry_id',"
            " tokenize='porter unicode61')"
        )
    else:
        op.execute(
            "ALTER TABLE search_entry ADD COLUMN body_tsv tsvector"
            " GENERATED ALWAYS AS (to_tsvector('english', body)) STORED"
        )
        op.execute("CREATE INDEX ix_search_entry_body_tsv ON search_entry USING gin (body_tsv)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE search_fts")
    op.drop_index(op.f("ix_hsds_language_service_id"), table_name="hsds_language")
    op.drop_index(op.f("ix_hsds_language_phone_id"), table_name="hsds_language")
    op.drop_index(op.f("ix_hsds_language_location_id"), table_name="hsds_language")
    op.drop_table("hsds_language")
    op.drop_index(op.f("ix_hsds_phone_service_id"), table_name="hsds_phone")
    op.drop_index(op.f("ix_hsds_phone_service_at_location_id"), table_name="hsds_phone")
    op.drop_index(op.f("ix_hsds_phone_organization_id"), table_name="hsds_phone")
    op.drop_index(op.f("ix_hsds_phone_location_id"), table_name="hsds_phone")
    op.drop_index(op.f("ix_hsds_phone_contact_id"), table_name="hsds_phone")
    op.drop_table("hsds_phone")
    op.drop_index(op.f("ix_hsds_service_area_service_id"), table_name="hsds_service_area")
    op.drop_index(op.f("ix_hsds_service_area_service_at_location_id"), table_name="hsds_service_area")
    op.drop_table("hsds_service_area")
    op.drop_index(op.f("ix_hsds_schedule_service_id"), table_name="hsds_schedule")
    op.drop_index(op.f("ix_hsds_schedule_service_at_location_id"), table_name="hsds_schedule")
    op.drop_index(op.f("ix_hsds_schedule_location_id"), table_name="hsds_schedule")
    op.drop_table("hsds_schedule")
    op.drop_index(op.f("ix_hsds_contact_service_id"), table_name="hsds_contact")
    op.drop_index(op.f("ix_hsds_contact_service_at_location_id"), table_name="hsds_contact")
    op.drop_index(op.f("ix_hsds_contact_organization_id"), table_name="hsds_contact")
    op.drop_index(op.f("ix_hsds_contact_location_id"), table_name="hsds_contact")
    op.drop_table("hsds_contact")
    op.drop_index(op.f("ix_hsds_url_service_id"), table_name="hsds_url")
    op.drop_index(op.f("ix_hsds_url_organization_id"), table_name="hsds_url")
    op.drop_table("hsds_url")
    op.drop_index(op.f("ix_hsds_service_at_location_service_id"), table_name="hsds_service_at_location")
    op.drop_index(op.f("ix_hsds_service_at_location_location_id"), table_name="hsds_service_at_location")
    op.drop_table("hsds_service_at_location")
    op.drop_index(op.f("ix_hsds_required_document_service_id"), table_name="hsds_required_document")
    op.drop_table("hsds_required_document")
    op.drop_index(op.f("ix_hsds_funding_service_id"), table_name="hsds_funding")
    op.drop_index(op.f("ix_hsds_funding_organization_id"), table_name="hsds_funding")
    op.drop_table("hsds_funding")
    op.drop_index(op.f("ix_hsds_cost_option_service_id"), table_name="hsds_cost_option")
    op.drop_table("hsds_cost_option")
    op.drop_index(op.f("ix_hsds_service_program_id"), table_name="hsds_service")
    op.drop_index(op.f("ix_hsds_service_organization_id"), table_name="hsds_service")
    op.drop_table("hsds_service")
    op.drop_index(op.f("ix_hsds_attribute_taxonomy_term_id"), table_name="hsds_attribute")
    op.drop_index("ix_hsds_attribute_link_id", table_name="hsds_attribute")
    op.drop_table("hsds_attribute")
    op.drop_index(op.f("ix_hsds_address_location_id"), table_name="hsds_address")
    op.drop_table("hsds_address")
    op.drop_index(op.f("ix_hsds_accessibility_location_id"), table_name="hsds_accessibility")
    op.drop_table("hsds_accessibility")
    op.drop_index(op.f("ix_hsds_taxonomy_term_taxonomy_id"), table_name="hsds_taxonomy_term")
    op.drop_table("hsds_taxonomy_term")
    op.drop_index(op.f("ix_hsds_program_organization_id"), table_name="hsds_program")
    op.drop_table("hsds_program")
    op.drop_index(op.f("ix_hsds_organization_identifier_organization_id"), table_name="hsds_organization_identifier")
    op.drop_table("hsds_organization_identifier")
    op.drop_index(op.f("ix_hsds_location_organization_id"), table_name="hsds_location")
    op.drop_table("hsds_location")
    op.drop_index(op.f("ix_search_entry_service_id"), table_name="search_entry")
    op.drop_index("ix_search_entry_cell_lat_lon", table_name="search_entry")
    op.drop_table("search_entry")
    op.drop_table("hsds_taxonomy")
    op.drop_table("hsds_organization")

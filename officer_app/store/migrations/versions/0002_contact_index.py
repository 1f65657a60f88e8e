"""An index that answers "last contact" per case from the index alone

The caseload's days-since-contact column aggregates contact entries per case; without this
index SQLite read (and decrypted) every chronology page, about 150 ms on 50,000 entries.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_chronology_type_case_time",
        "chronology_entry",
        ["entry_type", "case_id", "occurred_at"],
    )


def downgrade() -> None:
    op.drop_index("ix_chronology_type_case_time", table_name="chronology_entry")

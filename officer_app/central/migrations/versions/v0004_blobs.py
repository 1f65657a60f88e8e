"""Attachments' files by content hash (issue 14 point 4, anchors-sync §7.7): ``blob`` (one
row per LA and SHA-256: the declared length, the upload session and how far it got, whether
it is complete) and ``blob_chunk`` (the bytes, one row per chunk received, keyed by its
offset). The bytes live in the database, not in files beside it, so both back ends keep them
with the rest of the LA's data, in its backups, and PostgreSQL's row-level security keeps one
LA's files from another's exactly as it does their rows (the policies of migration 0002).

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | None = None
depends_on: str | None = None

SERVICE_ROLE = "central_service"  # migration 0002's
TABLES = ("blob", "blob_chunk")
TENANT = "la_id = current_setting('app.la_id', true)"


def upgrade() -> None:
    op.create_table(
        "blob",
        sa.Column("la_id", sa.String(length=36), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("media_type", sa.String(length=100), nullable=False),
        sa.Column("upload_id", sa.String(length=36), nullable=False),
        sa.Column("received", sa.BigInteger(), nullable=False),
        sa.Column("complete", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("completed_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("la_id", "sha256"),
        sa.UniqueConstraint("upload_id"),
    )
    op.create_table(
        "blob_chunk",
        sa.Column("la_id", sa.String(length=36), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("start", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("la_id", "sha256", "start"),
    )
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in TABLES:
        op.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {table} TO {SERVICE_ROLE}")
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        op.execute(f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY")
        op.execute(f"CREATE POLICY tenant ON {table} USING ({TENANT}) WITH CHECK ({TENANT})")


def downgrade() -> None:
    op.drop_table("blob_chunk")
    op.drop_table("blob")

"""The sync client (issue 14): the server-confirmed version of each row held, the scopes held
with their cursors, which scope each row came in, the conflicts the server reported, and the
outbox's answer from the server (result, attempts, last error). The outbox's states grow from
pending and synced to pending | inflight | applied | duplicate | conflict | rejected | synced;
rows already there keep theirs.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-10
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_entity",
        sa.Column("entity_type", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("entity_type", "entity_id", name=op.f("pk_sync_entity")),
    )
    op.create_table(
        "sync_scope",
        sa.Column("scope_id", sa.String(length=80), nullable=False),
        sa.Column("cursor", sa.Integer(), nullable=False),
        sa.Column("added_at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("scope_id", name=op.f("pk_sync_scope")),
    )
    op.create_table(
        "sync_entity_scope",
        sa.Column("entity_type", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.String(length=36), nullable=False),
        sa.Column("scope_id", sa.String(length=80), nullable=False),
        sa.PrimaryKeyConstraint(
            "entity_type", "entity_id", "scope_id", name=op.f("pk_sync_entity_scope")
        ),
    )
    op.create_index(
        op.f("ix_sync_entity_scope_scope_id"), "sync_entity_scope", ["scope_id"], unique=False
    )
    op.create_table(
        "sync_conflict",
        sa.Column("conflict_id", sa.String(length=36), nullable=False),
        sa.Column("scope_id", sa.String(length=80), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("entity_type", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.String(length=36), nullable=False),
        sa.Column("field", sa.String(length=60), nullable=False),
        sa.Column("server_value", sa.JSON(), nullable=True),
        sa.Column("server_user", sa.String(length=36), nullable=True),
        sa.Column("server_at", sa.String(length=40), nullable=True),
        sa.Column("client_value", sa.JSON(), nullable=True),
        sa.Column("client_user", sa.String(length=36), nullable=False),
        sa.Column("client_at", sa.String(length=40), nullable=False),
        sa.Column("mutation_id", sa.String(length=36), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("resolved_by", sa.String(length=36), nullable=True),
        sa.Column("resolved_at", sa.String(length=40), nullable=True),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("conflict_id", name=op.f("pk_sync_conflict")),
    )
    op.create_index(
        op.f("ix_sync_conflict_entity_id"), "sync_conflict", ["entity_id"], unique=False
    )
    op.create_index(op.f("ix_sync_conflict_status"), "sync_conflict", ["status"], unique=False)
    # Plain ALTER TABLE ADD COLUMN (a batch copy would drop triggers and renumber nothing).
    op.add_column("outbox", sa.Column("result", sa.JSON(), nullable=True))
    op.add_column(
        "outbox", sa.Column("attempts", sa.Integer(), nullable=False, server_default="0")
    )
    op.add_column(
        "outbox", sa.Column("last_error", sa.Text(), nullable=False, server_default="")
    )


def downgrade() -> None:
    op.drop_column("outbox", "last_error")
    op.drop_column("outbox", "attempts")
    op.drop_column("outbox", "result")
    op.drop_index(op.f("ix_sync_conflict_status"), table_name="sync_conflict")
    op.drop_index(op.f("ix_sync_conflict_entity_id"), table_name="sync_conflict")
    op.drop_table("sync_conflict")
    op.drop_index(op.f("ix_sync_entity_scope_scope_id"), table_name="sync_entity_scope")
    op.drop_table("sync_entity_scope")
    op.drop_table("sync_scope")
    op.drop_table("sync_entity")

"""A case taken away from this device, or every case on a revoked device, can be purged with
its signed rows (issue 14, anchors-sync.md §7.8, I9): ``purge_marker`` names the cases a purge
is removing, within its own transaction; ``purged_case`` records each purged case and when, so
that its absent chain reads as purged, not lost. Each delete-refusing evidence trigger (and the
profile head's forward-only guard) becomes ``PURGE_ESCAPE_TRIGGERS_V1``: as before, except
while ``purge_marker`` names the row's case. Updates are refused exactly as before.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-14
"""

import sqlalchemy as sa
from alembic import op

from officer_app.store.schema_sql import (
    EVIDENCE_HEAD_TRIGGERS_V2,
    EVIDENCE_TRIGGERS_V1,
    EXHIBIT_TRIGGERS_V1,
    PURGE_ESCAPE_TRIGGERS_V1,
    PURGE_ESCAPED,
    STATEMENT_PACK_TRIGGERS_V1,
)

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

_BEFORE = [
    statement
    for statement in EVIDENCE_TRIGGERS_V1
    + EVIDENCE_HEAD_TRIGGERS_V2
    + EXHIBIT_TRIGGERS_V1
    + STATEMENT_PACK_TRIGGERS_V1
    if statement.split()[2] in PURGE_ESCAPED
]


def _replace_triggers(statements: list[str]) -> None:
    for name in sorted(PURGE_ESCAPED):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    for statement in statements:
        op.execute(statement)


def upgrade() -> None:
    op.create_table(
        "purge_marker",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("case_id", name=op.f("pk_purge_marker")),
    )
    op.create_table(
        "purged_case",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("purged_at", sa.String(length=32), nullable=False),
        sa.Column("reason", sa.String(length=20), nullable=False),
        sa.PrimaryKeyConstraint("case_id", name=op.f("pk_purged_case")),
    )
    _replace_triggers(PURGE_ESCAPE_TRIGGERS_V1)


def downgrade() -> None:
    assert len(_BEFORE) == len(PURGE_ESCAPED)
    _replace_triggers(_BEFORE)
    op.drop_table("purged_case")
    op.drop_table("purge_marker")

"""Decisions on an Education Supervision Order before prosecuting (s447 Education Act 1996),
and penalty notices issued by someone else (issuer, name, the absence period covered)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "eso_decision",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("considered_on", sa.Date(), nullable=False),
        sa.Column("considered_by", sa.String(length=160), nullable=False),
        sa.Column("decision", sa.String(length=20), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("recorded_by", sa.String(length=36), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["case_file.id"], name=op.f("fk_eso_decision_case_id_case_file")
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by"], ["officer.id"], name=op.f("fk_eso_decision_recorded_by_officer")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_eso_decision")),
    )
    op.create_index(op.f("ix_eso_decision_case_id"), "eso_decision", ["case_id"], unique=False)
    # Plain ALTER TABLE ADD COLUMN (a batch copy would drop the table's triggers).
    op.add_column(
        "penalty_notice",
        sa.Column("issuer", sa.String(length=20), nullable=False, server_default=""),
    )
    op.add_column(
        "penalty_notice", sa.Column("issuer_name", sa.Text(), nullable=False, server_default="")
    )
    op.add_column("penalty_notice", sa.Column("period_from", sa.Date(), nullable=True))
    op.add_column("penalty_notice", sa.Column("period_to", sa.Date(), nullable=True))


def downgrade() -> None:
    for column in ("period_to", "period_from", "issuer_name", "issuer"):
        op.drop_column("penalty_notice", column)
    op.drop_index(op.f("ix_eso_decision_case_id"), table_name="eso_decision")
    op.drop_table("eso_decision")

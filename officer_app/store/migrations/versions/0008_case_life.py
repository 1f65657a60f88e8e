"""The life of a case (issue 11): earlier addresses kept with their dates, adults and risk
flags ended (never deleted) with the reason, the closure's reason key and the attendance
before and after intervention, a planned visit's reason for being cancelled or moved, and a
draft's time of the event.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "family_address",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("family_id", sa.String(length=36), nullable=False),
        sa.Column("address_line1", sa.String(length=160), nullable=False),
        sa.Column("address_line2", sa.String(length=160), nullable=False),
        sa.Column("town", sa.String(length=80), nullable=False),
        sa.Column("postcode", sa.String(length=10), nullable=False),
        sa.Column("from_date", sa.Date(), nullable=True),
        sa.Column("to_date", sa.Date(), nullable=False),
        sa.Column("recorded_by", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(
            ["family_id"], ["family.id"], name=op.f("fk_family_address_family_id_family")
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by"], ["officer.id"], name=op.f("fk_family_address_recorded_by_officer")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_family_address")),
    )
    op.create_index(
        op.f("ix_family_address_family_id"), "family_address", ["family_id"], unique=False
    )
    # Plain ALTER TABLE ADD COLUMN (a batch copy would drop the tables' triggers).
    op.add_column("family", sa.Column("address_from", sa.Date(), nullable=True))
    op.add_column("adult", sa.Column("ended_on", sa.Date(), nullable=True))
    op.add_column("adult", sa.Column("end_reason", sa.Text(), nullable=False, server_default=""))
    op.add_column(
        "case_file",
        sa.Column("closure_code", sa.String(length=40), nullable=False, server_default=""),
    )
    op.add_column("case_file", sa.Column("attendance_before", sa.Float(), nullable=True))
    op.add_column("case_file", sa.Column("attendance_after", sa.Float(), nullable=True))
    # An officer's id, without a foreign key (SQLite adds no constraint to a table in place).
    op.add_column("risk_flag", sa.Column("raised_by", sa.String(length=36), nullable=True))
    op.add_column("risk_flag", sa.Column("ended_on", sa.Date(), nullable=True))
    op.add_column(
        "risk_flag", sa.Column("end_reason", sa.Text(), nullable=False, server_default="")
    )
    op.add_column(
        "risk_flag", sa.Column("version", sa.Integer(), nullable=False, server_default="1")
    )
    op.add_column(
        "visit_plan", sa.Column("change_reason", sa.Text(), nullable=False, server_default="")
    )
    op.add_column("draft", sa.Column("occurred_at", sa.String(length=32), nullable=True))


def downgrade() -> None:
    op.drop_column("draft", "occurred_at")
    op.drop_column("visit_plan", "change_reason")
    for column in ("version", "end_reason", "ended_on", "raised_by"):
        op.drop_column("risk_flag", column)
    for column in ("attendance_after", "attendance_before", "closure_code"):
        op.drop_column("case_file", column)
    op.drop_column("adult", "end_reason")
    op.drop_column("adult", "ended_on")
    op.drop_column("family", "address_from")
    op.drop_index(op.f("ix_family_address_family_id"), table_name="family_address")
    op.drop_table("family_address")

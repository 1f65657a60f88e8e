"""Interviews under caution (issue 12): the interview (plan, state, sealed record), exhibits
labelled with their producer's initials and a number (append-only), and an adult's date of
birth and vulnerability (who needs an appropriate adult).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

from officer_app.store.schema_sql import EXHIBIT_TRIGGERS_V1

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "interview",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("interviewee_id", sa.String(length=36), nullable=False),
        sa.Column("offence", sa.String(length=10), nullable=False),
        sa.Column("period_from", sa.Date(), nullable=False),
        sa.Column("period_to", sa.Date(), nullable=False),
        sa.Column("place_kind", sa.String(length=10), nullable=False),
        sa.Column("place", sa.Text(), nullable=False),
        sa.Column("planned_for", sa.String(length=32), nullable=True),
        sa.Column("interviewer_id", sa.String(length=36), nullable=False),
        sa.Column("second_officer_id", sa.String(length=36), nullable=True),
        sa.Column("recording", sa.String(length=10), nullable=False),
        sa.Column("plan", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("status_reason", sa.Text(), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=True),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["case_file.id"], name=op.f("fk_interview_case_id_case_file")
        ),
        sa.ForeignKeyConstraint(
            ["interviewee_id"], ["adult.id"], name=op.f("fk_interview_interviewee_id_adult")
        ),
        sa.ForeignKeyConstraint(
            ["interviewer_id"], ["officer.id"], name=op.f("fk_interview_interviewer_id_officer")
        ),
        sa.ForeignKeyConstraint(
            ["second_officer_id"],
            ["officer.id"],
            name=op.f("fk_interview_second_officer_id_officer"),
        ),
        sa.ForeignKeyConstraint(
            ["record_id"],
            ["chronology_entry.id"],
            name=op.f("fk_interview_record_id_chronology_entry"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_interview")),
    )
    op.create_index(op.f("ix_interview_case_id"), "interview", ["case_id"], unique=False)
    op.create_table(
        "exhibit",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("producer_id", sa.String(length=36), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=20), nullable=False),
        sa.Column("description", sa.String(length=300), nullable=False),
        sa.Column("entry_id", sa.String(length=36), nullable=True),
        sa.Column("attachment_id", sa.String(length=36), nullable=True),
        sa.Column("produced_at", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["case_file.id"], name=op.f("fk_exhibit_case_id_case_file")
        ),
        sa.ForeignKeyConstraint(
            ["producer_id"], ["officer.id"], name=op.f("fk_exhibit_producer_id_officer")
        ),
        sa.ForeignKeyConstraint(
            ["entry_id"], ["chronology_entry.id"], name=op.f("fk_exhibit_entry_id_chronology_entry")
        ),
        sa.ForeignKeyConstraint(
            ["attachment_id"], ["attachment.id"], name=op.f("fk_exhibit_attachment_id_attachment")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exhibit")),
        sa.UniqueConstraint("case_id", "producer_id", "number", name="uq_exhibit_number"),
    )
    op.create_index(op.f("ix_exhibit_case_id"), "exhibit", ["case_id"], unique=False)
    op.create_index(op.f("ix_exhibit_entry_id"), "exhibit", ["entry_id"], unique=False)
    for statement in EXHIBIT_TRIGGERS_V1:
        op.execute(statement)
    # Plain ALTER TABLE ADD COLUMN (a batch copy would drop the tables' triggers).
    op.add_column("adult", sa.Column("date_of_birth", sa.Date(), nullable=True))
    op.add_column(
        "adult", sa.Column("vulnerable", sa.Boolean(), nullable=False, server_default="0")
    )


def downgrade() -> None:
    op.drop_column("adult", "vulnerable")
    op.drop_column("adult", "date_of_birth")
    op.execute("DROP TRIGGER IF EXISTS exhibit_no_delete")
    op.execute("DROP TRIGGER IF EXISTS exhibit_no_update")
    op.drop_index(op.f("ix_exhibit_entry_id"), table_name="exhibit")
    op.drop_index(op.f("ix_exhibit_case_id"), table_name="exhibit")
    op.drop_table("exhibit")
    op.drop_index(op.f("ix_interview_case_id"), table_name="interview")
    op.drop_table("interview")

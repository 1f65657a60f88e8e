"""Witness statements and evidence packs (issue 13): statements with every saved version kept
(append-only), evidence packs through draft, approved and served (a served pack frozen), and
addresses withheld from anything served, on a family or a person.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

from officer_app.store.schema_sql import STATEMENT_PACK_TRIGGERS_V1

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def _fk(table: str, column: str, target: str) -> sa.ForeignKeyConstraint:
    other = target.split(".")[0]
    return sa.ForeignKeyConstraint([column], [target], name=op.f(f"fk_{table}_{column}_{other}"))


def upgrade() -> None:
    op.create_table(
        "statement",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("witness_kind", sa.String(length=10), nullable=False),
        sa.Column("officer_id", sa.String(length=36), nullable=True),
        sa.Column("witness_name", sa.String(length=160), nullable=False),
        sa.Column("occupation", sa.String(length=160), nullable=False),
        sa.Column("age_text", sa.String(length=40), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("entry_id", sa.String(length=36), nullable=True),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        _fk("statement", "case_id", "case_file.id"),
        _fk("statement", "officer_id", "officer.id"),
        _fk("statement", "entry_id", "chronology_entry.id"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_statement")),
    )
    op.create_index(op.f("ix_statement_case_id"), "statement", ["case_id"], unique=False)
    op.create_table(
        "statement_version",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("statement_id", sa.String(length=36), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("paragraphs", sa.JSON(), nullable=False),
        sa.Column("exhibits", sa.JSON(), nullable=False),
        sa.Column("saved_at", sa.String(length=32), nullable=False),
        sa.Column("saved_by", sa.String(length=36), nullable=True),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("pages", sa.Integer(), nullable=True),
        _fk("statement_version", "statement_id", "statement.id"),
        _fk("statement_version", "saved_by", "officer.id"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_statement_version")),
        sa.UniqueConstraint("statement_id", "number", name="uq_statement_version_number"),
    )
    op.create_index(
        op.f("ix_statement_version_statement_id"),
        "statement_version",
        ["statement_id"],
        unique=False,
    )
    op.create_table(
        "evidence_pack",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(length=40), nullable=False),
        sa.Column("offence", sa.String(length=10), nullable=False),
        sa.Column("period_from", sa.Date(), nullable=False),
        sa.Column("period_to", sa.Date(), nullable=False),
        sa.Column("defendants", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("approved_by", sa.String(length=36), nullable=True),
        sa.Column("approved_at", sa.String(length=32), nullable=True),
        sa.Column("served_on", sa.Date(), nullable=True),
        sa.Column("served_method", sa.String(length=40), nullable=False),
        sa.Column("attachment_id", sa.String(length=36), nullable=True),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("pages", sa.Integer(), nullable=False),
        sa.Column("manifest", sa.JSON(), nullable=False),
        sa.Column("built_at", sa.String(length=32), nullable=False),
        sa.Column("built_by", sa.String(length=36), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        _fk("evidence_pack", "case_id", "case_file.id"),
        _fk("evidence_pack", "approved_by", "officer.id"),
        _fk("evidence_pack", "attachment_id", "attachment.id"),
        _fk("evidence_pack", "built_by", "officer.id"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evidence_pack")),
        sa.UniqueConstraint("case_id", "number", name="uq_evidence_pack_number"),
        sa.UniqueConstraint("reference", name=op.f("uq_evidence_pack_reference")),
    )
    op.create_index(op.f("ix_evidence_pack_case_id"), "evidence_pack", ["case_id"], unique=False)
    for statement in STATEMENT_PACK_TRIGGERS_V1:
        op.execute(statement)
    # Plain ALTER TABLE ADD COLUMN (a batch copy would drop the tables' triggers).
    op.add_column(
        "family",
        sa.Column("address_withheld", sa.Boolean(), nullable=False, server_default="0"),
    )
    op.add_column(
        "adult",
        sa.Column("address_withheld", sa.Boolean(), nullable=False, server_default="0"),
    )


def downgrade() -> None:
    op.drop_column("adult", "address_withheld")
    op.drop_column("family", "address_withheld")
    for name in (
        "evidence_pack_no_delete",
        "evidence_pack_served_no_update",
        "statement_version_no_delete",
        "statement_version_no_update",
    ):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_index(op.f("ix_evidence_pack_case_id"), table_name="evidence_pack")
    op.drop_table("evidence_pack")
    op.drop_index(op.f("ix_statement_version_statement_id"), table_name="statement_version")
    op.drop_table("statement_version")
    op.drop_index(op.f("ix_statement_case_id"), table_name="statement")
    op.drop_table("statement")

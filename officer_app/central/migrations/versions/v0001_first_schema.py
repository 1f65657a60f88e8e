"""The central store's first schema: LAs, users, devices, scopes, entities, the change log,
conflicts, chain heads and the audit log (generated from tables.py by Alembic, then kept).

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "allocation",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("la_id", sa.String(length=36), nullable=False),
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("user_id", sa.String(length=36), nullable=False),
        sa.Column("valid_from", sa.DateTime(timezone=True), nullable=False),
        sa.Column("valid_to", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_allocation_case_id"), "allocation", ["case_id"], unique=False)
    op.create_index(op.f("ix_allocation_la_id"), "allocation", ["la_id"], unique=False)
    op.create_index(op.f("ix_allocation_user_id"), "allocation", ["user_id"], unique=False)
    op.create_table(
        "applied_mutation",
        sa.Column("mutation_id", sa.String(length=36), nullable=False),
        sa.Column("la_id", sa.String(length=36), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("request_hash", sa.String(length=64), nullable=False),
        sa.Column("result", sa.JSON(), nullable=False),
        sa.Column("applied_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("mutation_id"),
    )
    op.create_index(op.f("ix_applied_mutation_la_id"), "applied_mutation", ["la_id"], unique=False)
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("la_id", sa.String(length=36), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("user_id", sa.String(length=36), nullable=True),
        sa.Column("device_id", sa.String(length=36), nullable=True),
        sa.Column("method", sa.String(length=10), nullable=False),
        sa.Column("path", sa.String(length=200), nullable=False),
        sa.Column("status", sa.Integer(), nullable=False),
        sa.Column("scopes", sa.JSON(), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_audit_log_la_id"), "audit_log", ["la_id"], unique=False)
    op.create_table(
        "case_index",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("la_id", sa.String(length=36), nullable=False),
        sa.Column("reference", sa.String(length=40), nullable=False),
        sa.Column("stage", sa.String(length=20), nullable=False),
        sa.Column("officer_id", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("case_id"),
        sa.UniqueConstraint("la_id", "reference", name="uq_case_reference"),
    )
    op.create_index(op.f("ix_case_index_la_id"), "case_index", ["la_id"], unique=False)
    op.create_index(op.f("ix_case_index_officer_id"), "case_index", ["officer_id"], unique=False)
    op.create_table(
        "chain_head",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("la_id", sa.String(length=36), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("case_id"),
    )
    op.create_index(op.f("ix_chain_head_la_id"), "chain_head", ["la_id"], unique=False)
    op.create_table(
        "change_log",
        sa.Column("scope_id", sa.String(length=80), nullable=False),
        sa.Column("seq", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("la_id", sa.String(length=36), nullable=False),
        sa.Column("entity_type", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.String(length=36), nullable=False),
        sa.Column("entity_version", sa.BigInteger(), nullable=False),
        sa.Column("op", sa.String(length=10), nullable=False),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.Column("conflict", sa.JSON(), nullable=True),
        sa.Column("mutation_id", sa.String(length=36), nullable=True),
        sa.Column("user_id", sa.String(length=36), nullable=True),
        sa.Column("device_id", sa.String(length=36), nullable=True),
        sa.Column("server_time", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("scope_id", "seq"),
    )
    op.create_index(
        "ix_change_log_entity",
        "change_log",
        ["entity_type", "entity_id", "entity_version"],
        unique=False,
    )
    op.create_index(op.f("ix_change_log_la_id"), "change_log", ["la_id"], unique=False)
    op.create_table(
        "conflict",
        sa.Column("conflict_id", sa.String(length=36), nullable=False),
        sa.Column("la_id", sa.String(length=36), nullable=False),
        sa.Column("scope_id", sa.String(length=80), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("entity_type", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.String(length=36), nullable=False),
        sa.Column("field", sa.String(length=80), nullable=False),
        sa.Column("server_value", sa.JSON(), nullable=True),
        sa.Column("server_user", sa.String(length=36), nullable=True),
        sa.Column("server_at", sa.String(length=40), nullable=True),
        sa.Column("client_value", sa.JSON(), nullable=True),
        sa.Column("client_user", sa.String(length=36), nullable=False),
        sa.Column("client_at", sa.String(length=40), nullable=False),
        sa.Column("mutation_id", sa.String(length=36), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("resolved_by", sa.String(length=36), nullable=True),
        sa.Column("resolved_at", sa.String(length=40), nullable=True),
        sa.Column("resolution", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("conflict_id"),
    )
    op.create_index(op.f("ix_conflict_la_id"), "conflict", ["la_id"], unique=False)
    op.create_index(op.f("ix_conflict_scope_id"), "conflict", ["scope_id"], unique=False)
    op.create_table(
        "device",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("la_id", sa.String(length=36), nullable=False),
        sa.Column("user_id", sa.String(length=36), nullable=False),
        sa.Column("credential_hash", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("app_version", sa.String(length=40), nullable=False),
        sa.Column("enrolled_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_seen", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("credential_hash"),
    )
    op.create_index(op.f("ix_device_la_id"), "device", ["la_id"], unique=False)
    op.create_index(op.f("ix_device_user_id"), "device", ["user_id"], unique=False)
    op.create_table(
        "enrolment_code",
        sa.Column("code_hash", sa.String(length=64), nullable=False),
        sa.Column("la_id", sa.String(length=36), nullable=False),
        sa.Column("user_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("code_hash"),
    )
    op.create_index(op.f("ix_enrolment_code_la_id"), "enrolment_code", ["la_id"], unique=False)
    op.create_index(op.f("ix_enrolment_code_user_id"), "enrolment_code", ["user_id"], unique=False)
    op.create_table(
        "entity",
        sa.Column("entity_type", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.String(length=36), nullable=False),
        sa.Column("la_id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.Column("field_versions", sa.JSON(), nullable=False),
        sa.Column("field_devices", sa.JSON(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("entity_type", "entity_id"),
    )
    op.create_index(op.f("ix_entity_la_id"), "entity", ["la_id"], unique=False)
    op.create_table(
        "entity_scope",
        sa.Column("entity_type", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.String(length=36), nullable=False),
        sa.Column("scope_id", sa.String(length=80), nullable=False),
        sa.Column("la_id", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("entity_type", "entity_id", "scope_id"),
    )
    op.create_index(op.f("ix_entity_scope_la_id"), "entity_scope", ["la_id"], unique=False)
    op.create_index("ix_entity_scope_scope", "entity_scope", ["scope_id"], unique=False)
    op.create_table(
        "la",
        sa.Column("la_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("la_id"),
    )
    op.create_table(
        "scope",
        sa.Column("scope_id", sa.String(length=80), nullable=False),
        sa.Column("la_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("case_id", sa.String(length=36), nullable=True),
        sa.Column("next_seq", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("scope_id"),
    )
    op.create_index(op.f("ix_scope_la_id"), "scope", ["la_id"], unique=False)
    op.create_table(
        "team",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("la_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("la_id", "name", name="uq_team_name"),
    )
    op.create_index(op.f("ix_team_la_id"), "team", ["la_id"], unique=False)
    op.create_table(
        "user_account",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("la_id", sa.String(length=36), nullable=False),
        sa.Column("team_id", sa.String(length=36), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("initials", sa.String(length=10), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_user_account_la_id"), "user_account", ["la_id"], unique=False)
    op.create_index(op.f("ix_user_account_team_id"), "user_account", ["team_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_user_account_team_id"), table_name="user_account")
    op.drop_index(op.f("ix_user_account_la_id"), table_name="user_account")
    op.drop_table("user_account")
    op.drop_index(op.f("ix_team_la_id"), table_name="team")
    op.drop_table("team")
    op.drop_index(op.f("ix_scope_la_id"), table_name="scope")
    op.drop_table("scope")
    op.drop_table("la")
    op.drop_index("ix_entity_scope_scope", table_name="entity_scope")
    op.drop_index(op.f("ix_entity_scope_la_id"), table_name="entity_scope")
    op.drop_table("entity_scope")
    op.drop_index(op.f("ix_entity_la_id"), table_name="entity")
    op.drop_table("entity")
    op.drop_index(op.f("ix_enrolment_code_user_id"), table_name="enrolment_code")
    op.drop_index(op.f("ix_enrolment_code_la_id"), table_name="enrolment_code")
    op.drop_table("enrolment_code")
    op.drop_index(op.f("ix_device_user_id"), table_name="device")
    op.drop_index(op.f("ix_device_la_id"), table_name="device")
    op.drop_table("device")
    op.drop_index(op.f("ix_conflict_scope_id"), table_name="conflict")
    op.drop_index(op.f("ix_conflict_la_id"), table_name="conflict")
    op.drop_table("conflict")
    op.drop_index(op.f("ix_change_log_la_id"), table_name="change_log")
    op.drop_index("ix_change_log_entity", table_name="change_log")
    op.drop_table("change_log")
    op.drop_index(op.f("ix_chain_head_la_id"), table_name="chain_head")
    op.drop_table("chain_head")
    op.drop_index(op.f("ix_case_index_officer_id"), table_name="case_index")
    op.drop_index(op.f("ix_case_index_la_id"), table_name="case_index")
    op.drop_table("case_index")
    op.drop_index(op.f("ix_audit_log_la_id"), table_name="audit_log")
    op.drop_table("audit_log")
    op.drop_index(op.f("ix_applied_mutation_la_id"), table_name="applied_mutation")
    op.drop_table("applied_mutation")
    op.drop_index(op.f("ix_allocation_user_id"), table_name="allocation")
    op.drop_index(op.f("ix_allocation_la_id"), table_name="allocation")
    op.drop_index(op.f("ix_allocation_case_id"), table_name="allocation")
    op.drop_table("allocation")

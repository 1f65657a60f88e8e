"""LAs kept apart by PostgreSQL itself (issue 14 point 6): row-level security on every table,
forced (so even the tables' owner is held to it unless it has ``BYPASSRLS``), each row visible
and writable only when its ``la_id`` is the transaction's ``app.la_id``
(``officer_app/central/tenancy.py`` sets it with ``SET LOCAL`` semantics).

The service logs in as a member of the ``central_service`` group (created here if missing),
never as the owner: it gets only SELECT/INSERT/UPDATE/DELETE. Before it knows who is calling,
it may see exactly one row by a secret's hash: the device whose credential hash, or the
enrolment code whose code hash, is the transaction's ``app.lookup_hash`` (policies
``lookup_by_hash``). A policy rather than a SECURITY DEFINER function: the function would run
as the owner, which the forced policies would hide every row from unless the owner bypasses
them, and its body would be one more place to get the filter wrong; the policy gives only what
the caller proves it holds (the secret), and only the LA id is read through it.

Requests from an unknown caller are audited with no LA: such rows may be written and read by
the service (``anonymous_audit``; read too, because an INSERT's RETURNING must see its row);
they hold no LA's data. SQLite (no roles, one LA per file in practice) is left as it is.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None

SERVICE_ROLE = "central_service"
TABLES = (
    "la", "team", "user_account", "enrolment_code", "device", "scope", "case_index",
    "allocation", "entity", "entity_scope", "change_log", "applied_mutation", "conflict",
    "chain_head", "audit_log",
)  # fmt: skip
TENANT = "la_id = current_setting('app.la_id', true)"
LOOKUP = "current_setting('app.lookup_hash', true)"


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{SERVICE_ROLE}') "
        f"THEN CREATE ROLE {SERVICE_ROLE} NOLOGIN NOSUPERUSER NOBYPASSRLS; END IF; END $$"
    )
    for table in TABLES:
        op.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {table} TO {SERVICE_ROLE}")
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        op.execute(f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY")
        op.execute(f"CREATE POLICY tenant ON {table} USING ({TENANT}) WITH CHECK ({TENANT})")
    op.execute(f"GRANT USAGE ON SEQUENCE allocation_id_seq, audit_log_id_seq TO {SERVICE_ROLE}")
    op.execute(
        f"CREATE POLICY lookup_by_hash ON device FOR SELECT USING (credential_hash = {LOOKUP})"
    )
    op.execute(
        f"CREATE POLICY lookup_by_hash ON enrolment_code FOR SELECT USING (code_hash = {LOOKUP})"
    )
    for command in ("INSERT", "SELECT"):
        clause = "WITH CHECK" if command == "INSERT" else "USING"
        op.execute(
            f"CREATE POLICY anonymous_audit_{command.lower()} ON audit_log FOR {command} "
            f"{clause} (la_id IS NULL)"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP POLICY anonymous_audit_insert ON audit_log")
    op.execute("DROP POLICY anonymous_audit_select ON audit_log")
    op.execute("DROP POLICY lookup_by_hash ON enrolment_code")
    op.execute("DROP POLICY lookup_by_hash ON device")
    op.execute(f"REVOKE ALL ON SEQUENCE allocation_id_seq, audit_log_id_seq FROM {SERVICE_ROLE}")
    for table in TABLES:
        op.execute(f"DROP POLICY tenant ON {table}")
        op.execute(f"ALTER TABLE {table} NO FORCE ROW LEVEL SECURITY")
        op.execute(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
        op.execute(f"REVOKE ALL ON {table} FROM {SERVICE_ROLE}")

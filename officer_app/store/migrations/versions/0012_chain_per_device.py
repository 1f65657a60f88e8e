"""One evidence chain per (case, device), so that devices syncing through the central store
never fork each other's chains (issue 14): ``chronology_entry.chain_device`` says whose chain
an entry was sealed into ("" for every entry sealed before this schema: the legacy chain,
whose hashes are unchanged), a case's links are unique per chain, ``chain_head`` (and
``chain_head_pending``) are keyed by (case, device), the signing triggers move the head of the
entry's own chain, and the profile gets its own random ``chain_device``.

Tables are recreated (SQLite cannot change a table's constraints in place): ``migrate.upgrade``
runs migrations with foreign keys off and checks them before committing. The triggers of
``chronology_entry`` go with the old table and are put back as they were, except the signing
ones, which become ``EVIDENCE_HEAD_TRIGGERS_V2``.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-12
"""

import uuid

import sqlalchemy as sa
from alembic import op

from officer_app.store.schema_sql import EVIDENCE_HEAD_TRIGGERS_V1, EVIDENCE_HEAD_TRIGGERS_V2

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

CHAIN_DEVICE_SETTING = "chain_device"
_HEAD_TRIGGERS = {statement.split()[2] for statement in EVIDENCE_HEAD_TRIGGERS_V2}


def _triggers_of(table: str) -> list[tuple[str, str]]:
    rows = op.get_bind().exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? ORDER BY name",
        (table,),
    )
    return [(str(name), str(sql)) for name, sql in rows]


def _head_tables(*, with_device: bool) -> None:
    """``chain_head`` and ``chain_head_pending``, made afresh with or without the device."""

    def device() -> list[sa.Column[str]]:
        if not with_device:
            return []
        return [sa.Column("chain_device", sa.String(length=36), nullable=False, server_default="")]

    key = ["case_id", "chain_device"] if with_device else ["case_id"]
    op.create_table(
        "chain_head",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        *device(),
        sa.Column("last_seq", sa.Integer(), nullable=False),
        sa.Column("last_hash", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["case_file.id"], name=op.f("fk_chain_head_case_id_case_file")
        ),
        sa.PrimaryKeyConstraint(*key, name=op.f("pk_chain_head")),
    )
    op.create_table(
        "chain_head_pending",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        *device(),
        sa.Column("old_seq", sa.Integer(), nullable=True),
        sa.Column("old_hash", sa.String(length=64), nullable=True),
        sa.PrimaryKeyConstraint(*key, name=op.f("pk_chain_head_pending")),
    )


def _recreate_chronology(*, with_device: bool, head_triggers: list[str]) -> None:
    kept = [sql for name, sql in _triggers_of("chronology_entry") if name not in _HEAD_TRIGGERS]
    with op.batch_alter_table("chronology_entry", recreate="always") as batch_op:
        batch_op.drop_constraint("uq_chronology_chain", type_="unique")
        if with_device:
            batch_op.add_column(
                sa.Column("chain_device", sa.String(length=36), nullable=False, server_default="")
            )
            batch_op.create_unique_constraint(
                "uq_chronology_chain", ["case_id", "chain_device", "chain_seq"]
            )
        else:
            batch_op.drop_column("chain_device")
            batch_op.create_unique_constraint("uq_chronology_chain", ["case_id", "chain_seq"])
    for sql in kept + head_triggers:
        op.execute(sql)


def _copy_heads(columns: str, select: str) -> None:
    conn = op.get_bind()
    conn.exec_driver_sql(f"INSERT INTO chain_head ({columns}) SELECT {select} FROM old_chain_head")
    conn.exec_driver_sql("DROP TABLE old_chain_head")


def upgrade() -> None:
    for statement in EVIDENCE_HEAD_TRIGGERS_V1:
        name = statement.split()[2]
        if name in _HEAD_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.rename_table("chain_head", "old_chain_head")
    op.drop_table("chain_head_pending")
    _head_tables(with_device=True)
    # Every head so far is the head of its case's legacy chain ("").
    _copy_heads("case_id, chain_device, last_seq, last_hash", "case_id, '', last_seq, last_hash")
    _recreate_chronology(with_device=True, head_triggers=EVIDENCE_HEAD_TRIGGERS_V2)
    # This profile's own chain on every case from now on (each profile its own).
    op.get_bind().exec_driver_sql(
        "INSERT OR IGNORE INTO profile_setting (key, value) VALUES (?, ?)",
        (CHAIN_DEVICE_SETTING, str(uuid.uuid4())),
    )


def downgrade() -> None:
    """Only a profile whose every entry is in the legacy chain can go back."""
    conn = op.get_bind()
    if conn.exec_driver_sql("SELECT 1 FROM chain_head WHERE chain_device != ''").first():
        raise RuntimeError("entries were sealed into per-device chains: cannot downgrade")
    for statement in EVIDENCE_HEAD_TRIGGERS_V2:
        name = statement.split()[2]
        if name in _HEAD_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.rename_table("chain_head", "old_chain_head")
    op.drop_table("chain_head_pending")
    _head_tables(with_device=False)
    _copy_heads("case_id, last_seq, last_hash", "case_id, last_seq, last_hash")
    v1 = [s for s in EVIDENCE_HEAD_TRIGGERS_V1 if s.split()[2] in _HEAD_TRIGGERS]
    _recreate_chronology(with_device=False, head_triggers=v1)
    conn.exec_driver_sql("DELETE FROM profile_setting WHERE key = ?", (CHAIN_DEVICE_SETTING,))

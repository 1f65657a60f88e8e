"""Evidence heads: each case's chain head, a profile-wide head over them, and the audit log
chained like the evidence, so that removed or rewritten entries show in verify

Revision ID: 0006
Revises: 0004 (re-pointed to 0005 when the letter batches migration is merged)
Create Date: 2026-12-03
"""

import datetime as dt
import json

import sqlalchemy as sa
from alembic import op

from officer_app.domain.evidence import GENESIS, audit_hash, profile_head
from officer_app.store.schema_sql import EVIDENCE_HEAD_TRIGGERS_V1, EVIDENCE_TRIGGERS_V1

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_AUDIT_NO_UPDATE_V1 = next(s for s in EVIDENCE_TRIGGERS_V1 if "audit_no_update" in s)


def upgrade() -> None:
    op.create_table(
        "chain_head",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("last_seq", sa.Integer(), nullable=False),
        sa.Column("last_hash", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["case_file.id"], name=op.f("fk_chain_head_case_id_case_file")
        ),
        sa.PrimaryKeyConstraint("case_id", name=op.f("pk_chain_head")),
    )
    op.create_table(
        "chain_head_pending",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("old_seq", sa.Integer(), nullable=True),
        sa.Column("old_hash", sa.String(length=64), nullable=True),
        sa.PrimaryKeyConstraint("case_id", name=op.f("pk_chain_head_pending")),
    )
    op.create_table(
        "evidence_head",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("chains", sa.Integer(), nullable=False),
        sa.Column("entries", sa.Integer(), nullable=False),
        sa.Column("profile_hash", sa.String(length=64), nullable=False),
        sa.Column("audit_seq", sa.Integer(), nullable=False),
        sa.Column("audit_hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evidence_head")),
    )
    # Plain ALTER TABLE ADD COLUMN (not a batch copy, which would drop the table's triggers).
    op.add_column("audit_event", sa.Column("prev_hash", sa.String(length=64), nullable=True))
    op.add_column("audit_event", sa.Column("hash", sa.String(length=64), nullable=True))

    conn = op.get_bind()
    # Each case's head is the last link its chain already has (verify checked the links).
    conn.exec_driver_sql(
        """INSERT INTO chain_head (case_id, last_seq, last_hash)
           SELECT case_id, chain_seq, content_hash FROM chronology_entry AS e
            WHERE signed_at IS NOT NULL AND chain_seq = (
                  SELECT max(chain_seq) FROM chronology_entry
                   WHERE case_id = e.case_id AND signed_at IS NOT NULL)"""
    )
    heads = conn.exec_driver_sql("SELECT case_id, last_seq, last_hash FROM chain_head").all()
    chains, entries, profile_hash = profile_head((str(c), int(s), str(h)) for c, s, h in heads)

    # Chain the audit rows already held, in order (the append-only trigger is lifted for this
    # one upgrade and put back exactly as shipped).
    conn.exec_driver_sql("DROP TRIGGER audit_no_update")
    prev, last_seq = GENESIS, 0
    rows = conn.exec_driver_sql(
        "SELECT seq, at, actor, action, entity_type, entity_id, detail FROM audit_event "
        "ORDER BY seq"
    ).all()
    for seq, at, actor, action, entity_type, entity_id, detail in rows:
        content = {
            "seq": int(seq),
            "at": dt.datetime.fromisoformat(at),
            "actor": actor,
            "action": action,
            "entity_type": entity_type,
            "entity_id": entity_id,
            "detail": json.loads(detail) if detail else {},
        }
        digest = audit_hash(content, prev)
        conn.exec_driver_sql(
            "UPDATE audit_event SET prev_hash = ?, hash = ? WHERE seq = ?", (prev, digest, seq)
        )
        prev, last_seq = digest, int(seq)
    op.execute(_AUDIT_NO_UPDATE_V1)

    conn.exec_driver_sql(
        "INSERT INTO evidence_head (id, chains, entries, profile_hash, audit_seq, audit_hash) "
        "VALUES (1, ?, ?, ?, ?, ?)",
        (chains, entries, profile_hash, last_seq, prev),
    )
    for statement in EVIDENCE_HEAD_TRIGGERS_V1:
        op.execute(statement)


def downgrade() -> None:
    for statement in EVIDENCE_HEAD_TRIGGERS_V1:
        name = statement.split()[2]
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table("evidence_head")
    op.drop_table("chain_head_pending")
    op.drop_table("chain_head")

"""One evidence chain per (case, device) (issue 14): ``chain_head`` gains ``chain_device``
("" for the chain of entries sealed before devices had their own) and is keyed by (case_id,
chain_device), so that two devices signing on one case offline each extend their own chain
and both arrive; a fork is only possible within one chain. Existing heads become the legacy
chain's. PostgreSQL alters the table in place (its row-level security policy stays); SQLite
recreates it.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | None = None
depends_on: str | None = None

PG_KEY = "chain_head_pkey"


def _sqlite_recreate(key: list[str], *, with_device: bool) -> None:
    device = [sa.Column("chain_device", sa.String(length=36), nullable=False, server_default="")]
    op.create_table(
        "chain_head_new",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        *(device if with_device else []),
        sa.Column("la_id", sa.String(length=36), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint(*key),
    )
    columns = "case_id, la_id, seq, hash"
    op.execute(
        f"INSERT INTO chain_head_new ({columns}) SELECT {columns} FROM chain_head"
        + ("" if with_device else " WHERE chain_device = ''")
    )
    op.drop_index(op.f("ix_chain_head_la_id"), table_name="chain_head")
    op.drop_table("chain_head")
    op.rename_table("chain_head_new", "chain_head")
    op.create_index(op.f("ix_chain_head_la_id"), "chain_head", ["la_id"], unique=False)


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _sqlite_recreate(["case_id", "chain_device"], with_device=True)
        return
    op.add_column(
        "chain_head",
        sa.Column("chain_device", sa.String(length=36), nullable=False, server_default=""),
    )
    op.drop_constraint(PG_KEY, "chain_head", type_="primary")
    op.create_primary_key(PG_KEY, "chain_head", ["case_id", "chain_device"])


def downgrade() -> None:
    """Only a store whose every chain is the legacy one can go back."""
    if op.get_bind().execute(sa.text("SELECT 1 FROM chain_head WHERE chain_device != ''")).first():
        raise RuntimeError("devices have their own chains: cannot downgrade")
    if op.get_bind().dialect.name == "sqlite":
        _sqlite_recreate(["case_id"], with_device=False)
        return
    op.drop_constraint(PG_KEY, "chain_head", type_="primary")
    op.drop_column("chain_head", "chain_device")
    op.create_primary_key(PG_KEY, "chain_head", ["case_id"])

"""Signed records on their way in: a chronology entry whose ``signed_at`` is set must carry the
hash of its sealed content (domain.evidence, the same function the desktop used) and follow the
head of its chain. A case has one chain per device that sealed on it (``chain_device``; "" for
entries sealed before devices had their own), so devices signing on one case offline never
fork each other; a clash is only possible within one chain. Types in ``INSERT_ONLY_TYPES`` are
created once and never changed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, insert, select, update

from officer_app.central.tables import chain_head
from officer_app.domain.evidence import GENESIS
from officer_app.sync.protocol import INSERT_ONLY_TYPES, content_hash, signed_content_of

SIGNED_TYPE = "chronology_entry"


def is_signing(entity_type: str, record: dict[str, Any]) -> bool:
    return entity_type == SIGNED_TYPE and record.get("signed_at") is not None


def is_sealed(entity_type: str, fields: dict[str, Any] | None) -> bool:
    """A row that may never change again: an insert-only type, or a signed entry."""
    if entity_type in INSERT_ONLY_TYPES:
        return True
    return fields is not None and is_signing(entity_type, fields)


def expected_hash(record: dict[str, Any]) -> str:
    return content_hash(signed_content_of(record), str(record.get("prev_hash") or ""))


def chain_of(record: dict[str, Any]) -> str:
    """The device chain a signed record belongs to ("" for the legacy chain)."""
    return str(record.get("chain_device") or "")


def hash_matches(record: dict[str, Any]) -> bool:
    return record.get("content_hash") == expected_hash(record)


@dataclass(frozen=True)
class Head:
    case_id: str
    seq: int
    hash: str
    chain_device: str = ""


def current_head(conn: Connection, case_id: str, chain_device: str = "") -> Head:
    row = conn.execute(
        select(chain_head.c.seq, chain_head.c.hash)
        .where(chain_head.c.case_id == case_id, chain_head.c.chain_device == chain_device)
        .with_for_update()
    ).first()
    if row is None:
        return Head(case_id, 0, GENESIS, chain_device)
    return Head(case_id, int(row.seq), str(row.hash), chain_device)


def follows(head: Head, record: dict[str, Any]) -> bool:
    return record.get("chain_seq") == head.seq + 1 and record.get("prev_hash") == head.hash


def move_head(conn: Connection, la_id: str, head: Head, record: dict[str, Any]) -> None:
    values = {"seq": int(record["chain_seq"]), "hash": str(record["content_hash"])}
    if head.seq == 0:
        conn.execute(
            insert(chain_head).values(
                case_id=head.case_id, chain_device=head.chain_device, la_id=la_id, **values
            )
        )
    else:
        conn.execute(
            update(chain_head)
            .where(
                chain_head.c.case_id == head.case_id,
                chain_head.c.chain_device == head.chain_device,
            )
            .values(values)
        )

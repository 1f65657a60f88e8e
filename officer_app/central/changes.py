"""Writing the pull feed: per-scope sequence numbers taken from the locked scope row (dense and
in commit order, anchors-sync §7.2), change-log rows, and conflicts with the ``conflict`` change
each one sends to the scopes of its entity."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, insert, select, update

from officer_app.central.access import Caller
from officer_app.central.db import iso
from officer_app.central.tables import change_log, conflict, entity_scope, scope
from officer_app.sync.protocol import ChangeOp, ConflictInfo, ConflictKind, Mutation, to_json


@dataclass(frozen=True)
class Writer:
    """Who is writing, when, and with which mutation: stamped on every row written."""

    caller: Caller
    now: dt.datetime
    mutation: Mutation


def entity_scopes(conn: Connection, entity_type: str, entity_id: str) -> list[str]:
    rows = conn.execute(
        select(entity_scope.c.scope_id).where(
            entity_scope.c.entity_type == entity_type, entity_scope.c.entity_id == entity_id
        )
    )
    return sorted(rows.scalars())


def lock_scopes(conn: Connection, scope_ids: Iterable[str]) -> None:
    """Lock the scope rows in sorted order (no deadlocks between writers of two scopes)."""
    for scope_id in sorted(set(scope_ids)):
        conn.execute(select(scope.c.next_seq).where(scope.c.scope_id == scope_id).with_for_update())


def ensure_scope(conn: Connection, la_id: str, scope_id: str, case_id: str | None) -> None:
    exists = conn.execute(select(scope.c.scope_id).where(scope.c.scope_id == scope_id)).first()
    if exists is None:
        kind = "case" if case_id is not None else "la"
        conn.execute(
            insert(scope).values(
                scope_id=scope_id, la_id=la_id, kind=kind, case_id=case_id, next_seq=1
            )
        )


def append_change(
    conn: Connection,
    writer: Writer,
    scope_ids: Iterable[str],
    *,
    version: int,
    op: ChangeOp,
    fields: dict[str, Any],
    info: ConflictInfo | None = None,
) -> None:
    """One change-log row in each scope, its seq the scope's next (the row is locked)."""
    m = writer.mutation
    for scope_id in sorted(set(scope_ids)):
        seq = conn.execute(
            select(scope.c.next_seq).where(scope.c.scope_id == scope_id).with_for_update()
        ).scalar_one()
        conn.execute(update(scope).where(scope.c.scope_id == scope_id).values(next_seq=seq + 1))
        conn.execute(
            insert(change_log).values(
                scope_id=scope_id,
                seq=seq,
                la_id=writer.caller.la_id,
                entity_type=m.entity_type,
                entity_id=m.entity_id,
                entity_version=version,
                op=op,
                fields=fields,
                conflict=None if info is None else to_json(info),
                mutation_id=m.mutation_id,
                user_id=writer.caller.user_id,
                device_id=writer.caller.device_id,
                server_time=writer.now,
            )
        )


def last_set(
    conn: Connection, entity_type: str, entity_id: str, version: int
) -> tuple[str | None, str | None]:
    """Who set the entity to ``version`` and when (for a conflict's server side)."""
    row = conn.execute(
        select(change_log.c.user_id, change_log.c.server_time)
        .where(
            change_log.c.entity_type == entity_type,
            change_log.c.entity_id == entity_id,
            change_log.c.entity_version == version,
            change_log.c.op != "conflict",
        )
        .limit(1)
    ).first()
    if row is None:
        return None, None
    at = row.server_time
    if at.tzinfo is None:
        at = at.replace(tzinfo=dt.UTC)
    return row.user_id, iso(at)


def open_conflict(
    conn: Connection,
    writer: Writer,
    scope_ids: list[str],
    *,
    kind: ConflictKind,
    field: str,
    server_value: Any,
    client_value: Any,
    version: int,
    server_side: tuple[str | None, str | None] = (None, None),
) -> ConflictInfo:
    """Keep both sides of a disagreement and tell every scope of the entity about it."""
    m = writer.mutation
    info = ConflictInfo(
        conflict_id=str(uuid.uuid4()),
        scope_id=scope_ids[0],
        kind=kind,
        entity_type=m.entity_type,
        entity_id=m.entity_id,
        field=field,
        server_value=server_value,
        server_user=server_side[0],
        server_at=server_side[1],
        client_value=client_value,
        client_user=writer.caller.user_id,
        client_at=m.created_at_device,
        mutation_id=m.mutation_id,
        status="open",
    )
    values = to_json(info)
    values.update(la_id=writer.caller.la_id, device_id=writer.caller.device_id)
    conn.execute(insert(conflict).values(**values))
    fields = {field: server_value} if field != "*" else {}
    append_change(conn, writer, scope_ids, version=version, op="conflict", fields=fields, info=info)
    return info


def conflict_info(row: Any) -> ConflictInfo:
    return ConflictInfo(
        conflict_id=row.conflict_id,
        scope_id=row.scope_id,
        kind=row.kind,
        entity_type=row.entity_type,
        entity_id=row.entity_id,
        field=row.field,
        server_value=row.server_value,
        server_user=row.server_user,
        server_at=row.server_at,
        client_value=row.client_value,
        client_user=row.client_user,
        client_at=row.client_at,
        mutation_id=row.mutation_id,
        status=row.status,
        resolved_by=row.resolved_by,
        resolved_at=row.resolved_at,
    )

"""Settling a conflict: a mutation with ``resolves`` set carries the value a person chose or
merged. Only the two users involved or a supervisor of the LA may settle one; the value is
applied as the resolution (whatever the versions), the conflict is marked resolved, and every
scope of the entity is sent the settled :class:`ConflictInfo` (anchors-sync §7.4)."""

from __future__ import annotations

import dataclasses
from typing import Any

from sqlalchemy import Connection, select, update

from officer_app.central.access import Caller, allowed_scopes
from officer_app.central.changes import (
    Writer,
    append_change,
    conflict_info,
    entity_scopes,
    lock_scopes,
)
from officer_app.central.db import iso
from officer_app.central.tables import conflict, entity
from officer_app.central.writes import insert_entity, tombstone, write_fields
from officer_app.sync.protocol import FORBIDDEN_SCOPE, INVALID, ErrorInfo, MutationResult


def allowed_now(conn: Connection, caller: Caller) -> set[str]:
    return allowed_scopes(conn, caller)


def _refuse(w: Writer, code: str, message: str) -> MutationResult:
    return MutationResult(w.mutation.mutation_id, "rejected", error=ErrorInfo(code, message))


def settle(conn: Connection, w: Writer, row: Any, allowed: set[str]) -> MutationResult:
    m, caller = w.mutation, w.caller
    found = conn.execute(
        select(conflict)
        .where(conflict.c.conflict_id == m.resolves, conflict.c.la_id == caller.la_id)
        .with_for_update()
    ).first()
    if found is None or (found.entity_type, found.entity_id) != (m.entity_type, m.entity_id):
        return _refuse(w, INVALID, "no such conflict on this row")
    if found.status != "open":
        return _refuse(w, INVALID, "the conflict was already settled")
    involved = caller.user_id in (found.client_user, found.server_user)
    if not involved and caller.role != "supervisor":
        return _refuse(w, FORBIDDEN_SCOPE, "only the people involved or a supervisor may settle it")
    scopes = entity_scopes(conn, m.entity_type, m.entity_id) or [found.scope_id]
    lock_scopes(conn, scopes)
    row = conn.execute(
        select(entity).where(
            entity.c.entity_type == m.entity_type, entity.c.entity_id == m.entity_id
        )
    ).first()
    if row is None and m.changes:
        insert_entity(conn, w, scopes[0], dict(m.changes))
        result = MutationResult(m.mutation_id, "applied", 1)
    elif row is not None and m.op == "delete":
        result = tombstone(conn, w, row, scopes) if not row.deleted else _same(w, row)
    elif row is not None and (m.changes or row.deleted):
        changed = {
            k: v for k, v in m.changes.items() if row.fields.get(k) != v or k not in row.fields
        }
        result = write_fields(conn, w, row, scopes, changed, [], undelete=bool(row.deleted))
    else:  # nothing to write: the server's value stands
        result = _same(w, row)
    version = result.entity_version or 0
    resolved_at = iso(w.now)
    settled: dict[str, Any] = {
        "status": "resolved",
        "resolved_by": caller.user_id,
        "resolved_at": resolved_at,
        "resolution": {"op": m.op, "changes": m.changes},
    }
    conn.execute(
        update(conflict).where(conflict.c.conflict_id == found.conflict_id).values(settled)
    )
    info = dataclasses.replace(
        conflict_info(found),
        status="resolved",
        resolved_by=caller.user_id,
        resolved_at=resolved_at,
    )
    now_row = conn.execute(
        select(entity.c.fields).where(
            entity.c.entity_type == m.entity_type, entity.c.entity_id == m.entity_id
        )
    ).first()
    current = now_row.fields if now_row is not None else {}
    fields = {found.field: current.get(found.field)} if found.field in current else {}
    append_change(conn, w, scopes, version=version, op="conflict", fields=fields, info=info)
    return MutationResult(m.mutation_id, "applied", version, [found.conflict_id])


def _same(w: Writer, row: Any) -> MutationResult:
    return MutationResult(w.mutation.mutation_id, "applied", int(row.version) if row else 0)

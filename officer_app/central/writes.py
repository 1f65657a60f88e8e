"""The writes an accepted change makes: the entity row (version + 1, per-field versions and
devices), its change-log rows in every scope it belongs to, and the case index when a case's
stage or reference changes. Used by the merge and by conflict resolution alike."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, insert, update

from officer_app.central.changes import Writer, append_change, last_set, open_conflict
from officer_app.central.tables import case_index, entity, entity_scope
from officer_app.sync.protocol import MutationResult

CASE_TYPE = "case_file"  # the desktop's case table; its stage and reference feed case_index


def insert_entity(conn: Connection, w: Writer, scope_id: str, fields: dict[str, Any]) -> None:
    """A new row at version 1, in one scope, and its upsert in that scope's feed."""
    m = w.mutation
    conn.execute(
        insert(entity).values(
            entity_type=m.entity_type, entity_id=m.entity_id, la_id=w.caller.la_id, version=1,
            fields=fields, field_versions=dict.fromkeys(fields, 1),
            field_devices=dict.fromkeys(fields, w.caller.device_id), deleted=False,
            created_at=w.now, updated_at=w.now,
        )
    )  # fmt: skip
    conn.execute(
        insert(entity_scope).values(
            entity_type=m.entity_type, entity_id=m.entity_id, scope_id=scope_id,
            la_id=w.caller.la_id,
        )
    )  # fmt: skip
    append_change(conn, w, [scope_id], version=1, op="upsert", fields=fields)
    index_case(conn, w, fields)


def write_fields(
    conn: Connection,
    w: Writer,
    row: Any,
    scopes: list[str],
    applied: dict[str, Any],
    clashes: list[tuple[str, Any, Any]],
    *,
    undelete: bool = False,
) -> MutationResult:
    """Apply ``applied`` (a new version if any), and open a conflict for each clash."""
    m = w.mutation
    version = int(row.version)
    if applied or undelete:
        version += 1
        conn.execute(
            update(entity)
            .where(entity.c.entity_type == m.entity_type, entity.c.entity_id == m.entity_id)
            .values(
                version=version, fields={**row.fields, **applied},
                field_versions={**row.field_versions, **dict.fromkeys(applied, version)},
                field_devices={**row.field_devices, **dict.fromkeys(applied, w.caller.device_id)},
                deleted=False, updated_at=w.now,
            )
        )  # fmt: skip
        fields = {**row.fields, **applied} if undelete else applied
        append_change(conn, w, scopes, version=version, op="upsert", fields=fields)
        index_case(conn, w, applied)
    ids = []
    for name, current, value in clashes:
        server_side = last_set(conn, m.entity_type, m.entity_id, int(row.field_versions[name]))
        info = open_conflict(
            conn, w, scopes, kind="field", field=name, server_value=current,
            client_value=value, version=version, server_side=server_side,
        )  # fmt: skip
        ids.append(info.conflict_id)
    return MutationResult(m.mutation_id, "conflict" if ids else "applied", version, ids)


def tombstone(conn: Connection, w: Writer, row: Any, scopes: list[str]) -> MutationResult:
    """The row deleted: kept as a tombstone (never resurrected silently), sent to its scopes."""
    m = w.mutation
    version = int(row.version) + 1
    conn.execute(
        update(entity)
        .where(entity.c.entity_type == m.entity_type, entity.c.entity_id == m.entity_id)
        .values(version=version, deleted=True, updated_at=w.now)
    )
    append_change(conn, w, scopes, version=version, op="tombstone", fields={})
    return MutationResult(m.mutation_id, "applied", version)


def index_case(conn: Connection, w: Writer, fields: dict[str, Any]) -> None:
    m = w.mutation
    if m.entity_type != CASE_TYPE:
        return
    values = {name: str(fields[name]) for name in ("stage", "reference") if fields.get(name)}
    if values:
        conn.execute(update(case_index).where(case_index.c.case_id == m.entity_id).values(**values))

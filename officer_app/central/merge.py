"""The server's merge of pushed mutations (anchors-sync §7.4): one transaction per mutation,
idempotent by ``mutation_id``, authorised against the caller's scopes now, field by field
against the version the device last saw. Nothing pushed is silently lost or overwritten: a
disagreement becomes a conflict holding both values, an edit to a case taken away becomes an
``orphaned_edit`` conflict, a signed record off the chain becomes a ``chain_fork`` conflict."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
from typing import Any

from sqlalchemy import Connection, insert, select
from sqlalchemy.exc import DBAPIError

from officer_app.central import resolve, signed
from officer_app.central.access import LA_CREATABLE_TYPES, Caller, ever_held, sha256_hex
from officer_app.central.allocations import register_case_row
from officer_app.central.changes import (
    Writer,
    entity_scopes,
    last_set,
    lock_scopes,
    open_conflict,
)
from officer_app.central.db import Database
from officer_app.central.tables import applied_mutation, case_index, entity
from officer_app.central.writes import CASE_TYPE, insert_entity, tombstone, write_fields
from officer_app.sync.protocol import (
    CHAIN_FORK,
    FORBIDDEN_SCOPE,
    HASH_MISMATCH,
    IDEMPOTENCY_KEY_REUSED,
    INVALID,
    SCOPE_REVOKED,
    SIGNED_IMMUTABLE,
    UNKNOWN_ENTITY,
    ErrorInfo,
    Mutation,
    MutationResult,
    ProtocolError,
    from_json,
    scope_kind,
    scope_of_la,
    to_json,
)

log = logging.getLogger(__name__)


def request_hash(device_id: str, mutation: Mutation) -> str:
    body = json.dumps(to_json(mutation), sort_keys=True, separators=(",", ":"), default=str)
    return sha256_hex(f"{device_id}\n{body}")


def rejected(m: Mutation, code: str, message: str, **extra: Any) -> MutationResult:
    return MutationResult(m.mutation_id, "rejected", error=ErrorInfo(code, message), **extra)


def push(
    database: Database, caller: Caller, mutations: list[Mutation], now: dt.datetime
) -> list[MutationResult]:
    """Apply each mutation in its own transaction, in the order given."""
    results = []
    with database.engine.connect() as conn:
        for mutation in mutations:
            results.append(_apply_with_retry(conn, caller, mutation, now))
    return results


def _apply_with_retry(
    conn: Connection, caller: Caller, m: Mutation, now: dt.datetime
) -> MutationResult:
    for attempt in range(3):
        try:
            with conn.begin():
                return apply_one(conn, caller, m, now)
        except DBAPIError:  # a racing retry of the same mutation, a serialisation failure
            if attempt == 2:
                log.warning("a mutation could not be stored after three attempts")
    return rejected(m, INVALID, "the change could not be stored; send it again later")


def apply_one(conn: Connection, caller: Caller, m: Mutation, now: dt.datetime) -> MutationResult:
    """Merge one mutation inside the caller's transaction and remember its result."""
    digest = request_hash(caller.device_id, m)
    stored = conn.execute(
        select(applied_mutation.c.request_hash, applied_mutation.c.result).where(
            applied_mutation.c.mutation_id == m.mutation_id
        )
    ).first()
    if stored is not None:
        if stored.request_hash != digest:
            return rejected(
                m, IDEMPOTENCY_KEY_REUSED, "this mutation id was used for a different change"
            )
        first = from_json(MutationResult, stored.result)
        return (
            dataclasses.replace(first, status="duplicate") if first.status == "applied" else first
        )
    result = _decide(conn, Writer(caller, now, m))
    conn.execute(
        insert(applied_mutation).values(
            mutation_id=m.mutation_id,
            la_id=caller.la_id,
            device_id=caller.device_id,
            request_hash=digest,
            result=to_json(result),
            applied_at=now,
        )
    )
    return result


def _load(conn: Connection, entity_type: str, entity_id: str) -> Any:
    return conn.execute(
        select(entity)
        .where(entity.c.entity_type == entity_type, entity.c.entity_id == entity_id)
        .with_for_update()
    ).first()


def _decide(conn: Connection, w: Writer) -> MutationResult:
    m = w.mutation
    try:
        kind, ident = scope_kind(m.scope_id)
    except ProtocolError:
        return rejected(m, INVALID, "scope_id is neither case:<id> nor la:<id>")
    if not m.entity_type or not m.entity_id:
        return rejected(m, INVALID, "entity_type and entity_id are needed")
    allowed = resolve.allowed_now(conn, w.caller)
    if m.resolves is not None:
        return resolve.settle(conn, w, _load(conn, m.entity_type, m.entity_id), allowed)
    scopes = entity_scopes(conn, m.entity_type, m.entity_id)
    lock_scopes(conn, scopes or [m.scope_id])
    row = _load(conn, m.entity_type, m.entity_id)
    if row is None:
        scopes = [m.scope_id]
    refusal = _authorise(conn, w, row, scopes, allowed, kind, ident)
    if refusal is not None:
        return refusal
    if row is None:
        if m.op != "create":
            return rejected(m, UNKNOWN_ENTITY, "the server has no such row")
        return _create(conn, w, scopes, kind, ident)
    if row.deleted:
        info = open_conflict(
            conn, w, scopes, kind="edit_on_deleted", field="*", server_value=None,
            client_value=m.changes, version=row.version,
            server_side=last_set(conn, m.entity_type, m.entity_id, row.version),
        )  # fmt: skip
        return MutationResult(m.mutation_id, "conflict", row.version, [info.conflict_id])
    if signed.is_sealed(m.entity_type, row.fields):
        if m.op == "create" and _same(row.fields, m.changes):
            return MutationResult(m.mutation_id, "duplicate", row.version)
        message = "a signed record is never changed"
        return rejected(m, SIGNED_IMMUTABLE, message, entity_version=row.version)
    if m.op == "delete":
        return _delete(conn, w, row, scopes)
    if m.op == "create" and _same(row.fields, m.changes):
        return MutationResult(m.mutation_id, "duplicate", row.version)
    record = {**row.fields, **m.changes}
    if signed.is_signing(m.entity_type, record):
        return _sign(conn, w, row, scopes, record)
    return _merge(conn, w, row, scopes)


def _same(fields: dict[str, Any], changes: dict[str, Any]) -> bool:
    return all(fields.get(name) == value for name, value in changes.items())


def _authorise(
    conn: Connection,
    w: Writer,
    row: Any,
    scopes: list[str],
    allowed: set[str],
    kind: str,
    ident: str,
) -> MutationResult | None:
    m, caller = w.mutation, w.caller
    case_scopes = [s for s in scopes if s.startswith("case:")]
    if not case_scopes:  # the LA's reference rows: only new officers and schools
        if scopes != [scope_of_la(caller.la_id)] or row is not None or m.op != "create":
            return rejected(m, FORBIDDEN_SCOPE, "not a change this user may make here")
        if m.entity_type not in LA_CREATABLE_TYPES:
            return rejected(m, FORBIDDEN_SCOPE, "only officers and schools are added here")
        return None
    if any(s in allowed for s in case_scopes):
        return None
    if row is None and kind == "case" and _new_case(conn, w, ident):
        return None
    held_once = [s for s in case_scopes if ever_held(conn, caller, s.partition(":")[2])]
    if not held_once:
        return rejected(m, FORBIDDEN_SCOPE, "a case this user may not hold")
    info = open_conflict(
        conn, w, held_once, kind="orphaned_edit", field="*", server_value=None,
        client_value={"op": m.op, "changes": m.changes},
        version=row.version if row is not None else 0,
    )  # fmt: skip
    return rejected(
        m, SCOPE_REVOKED, "the case is no longer this user's; the change is kept for its owner",
        conflict_ids=[info.conflict_id],
    )  # fmt: skip


def _new_case(conn: Connection, w: Writer, case_id: str) -> bool:
    """A case made on the device: registered, allocated to its maker, when it is new here."""
    m = w.mutation
    if m.entity_type != CASE_TYPE or m.entity_id != case_id or m.op != "create":
        return False
    if conn.execute(select(case_index.c.case_id).where(case_index.c.case_id == case_id)).first():
        return False
    reference = str(m.changes.get("reference") or case_id)
    taken = conn.execute(
        select(case_index.c.case_id).where(
            case_index.c.la_id == w.caller.la_id, case_index.c.reference == reference
        )
    ).first()
    if taken is not None:
        return False
    stage = str(m.changes.get("stage") or "referral")
    register_case_row(conn, w.caller.la_id, case_id, reference, stage, w.caller.user_id, w.now)
    return True


def _create(
    conn: Connection, w: Writer, scopes: list[str], kind: str, ident: str
) -> MutationResult:
    m = w.mutation
    if signed.is_signing(m.entity_type, m.changes):
        refusal = _check_signed(conn, w, scopes, m.changes)
        if refusal is not None:
            return refusal
    insert_entity(conn, w, scopes[0], dict(m.changes))
    return MutationResult(m.mutation_id, "applied", 1)


def _check_signed(
    conn: Connection, w: Writer, scopes: list[str], record: dict[str, Any]
) -> MutationResult | None:
    """A signed entry: its hash, then its place on its own chain (the case's chain of the
    device that sealed it; the head moves on success)."""
    m = w.mutation
    if not signed.hash_matches(record):
        return rejected(m, HASH_MISMATCH, "the record's hash is not its content's")
    head = signed.current_head(conn, str(record.get("case_id")), signed.chain_of(record))
    if not signed.follows(head, record):
        info = open_conflict(
            conn, w, scopes, kind="chain_fork", field="*",
            server_value={"seq": head.seq, "hash": head.hash, "chain_device": head.chain_device},
            client_value=record, version=0,
        )  # fmt: skip
        return rejected(
            m, CHAIN_FORK, "the record does not follow the case's chain; it is kept for review",
            conflict_ids=[info.conflict_id],
        )  # fmt: skip
    signed.move_head(conn, w.caller.la_id, head, record)
    return None


def _sign(
    conn: Connection, w: Writer, row: Any, scopes: list[str], record: dict[str, Any]
) -> MutationResult:
    """Signing an entry the server holds as a draft: applied whole, or not at all."""
    refusal = _check_signed(conn, w, scopes, record)
    if refusal is not None:
        return refusal
    return write_fields(conn, w, row, scopes, dict(w.mutation.changes), [])


def _merge(conn: Connection, w: Writer, row: Any, scopes: list[str]) -> MutationResult:
    """Field by field: applied if nobody else set it since the device's base version."""
    m = w.mutation
    base = m.base_version or 0
    applied: dict[str, Any] = {}
    clashes: list[tuple[str, Any, Any]] = []
    for name, value in m.changes.items():
        current = row.fields.get(name)
        mine = row.field_devices.get(name) == w.caller.device_id
        if int(row.field_versions.get(name, 0)) <= base or mine:
            if name not in row.fields or current != value:
                applied[name] = value
        elif current != value:
            clashes.append((name, current, value))
    return write_fields(conn, w, row, scopes, applied, clashes)


def _delete(conn: Connection, w: Writer, row: Any, scopes: list[str]) -> MutationResult:
    """A delete made against an older version, after someone else's edit, is a conflict."""
    m = w.mutation
    base = m.base_version or 0
    others = [
        name
        for name, fv in row.field_versions.items()
        if int(fv) > base and row.field_devices.get(name) != w.caller.device_id
    ]
    if others:
        info = open_conflict(
            conn, w, scopes, kind="field", field="_deleted", server_value=False,
            client_value=True, version=row.version,
            server_side=last_set(conn, m.entity_type, m.entity_id, row.version),
        )  # fmt: skip
        return MutationResult(m.mutation_id, "conflict", row.version, [info.conflict_id])
    return tombstone(conn, w, row, scopes)

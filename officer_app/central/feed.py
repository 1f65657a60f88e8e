"""What a device reads: ``hello`` (the scopes its user may hold now, added and removed against
those it holds, open conflicts), ``pull`` (each scope's change log after a cursor, paged) and
``heads`` (the evidence chain heads of the caller's cases). A scope never held is refused
outright; one held before but taken away is reported removed and never served (§7.8)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Connection, func, select

from officer_app.central.access import Caller, allowed_scopes, ever_held, user_info
from officer_app.central.db import iso
from officer_app.central.tables import chain_head, change_log, conflict
from officer_app.sync.protocol import (
    MAX_PULL_LIMIT,
    PROTOCOL_VERSION,
    ChainHeadInfo,
    Change,
    ConflictInfo,
    HeadsResponse,
    HelloRequest,
    HelloResponse,
    ProtocolError,
    PullRequest,
    PullResponse,
    ScopeChanges,
    from_json,
    scope_kind,
)

PROTOCOL_RANGE = (PROTOCOL_VERSION, PROTOCOL_VERSION)


class ForbiddenScope(Exception):
    """A scope the caller never held (or that is not a scope at all)."""


def _changes_against(allowed: set[str], held: set[str]) -> ScopeChanges:
    return ScopeChanges(added=sorted(allowed - held), removed=sorted(held - allowed))


def hello(
    conn: Connection, caller: Caller, request: HelloRequest, now: dt.datetime
) -> HelloResponse:
    allowed = allowed_scopes(conn, caller)
    open_count = conn.execute(
        select(func.count())
        .select_from(conflict)
        .where(conflict.c.status == "open", conflict.c.scope_id.in_(sorted(allowed)))
    ).scalar_one()
    return HelloResponse(
        server_time=iso(now),
        protocol_range=list(PROTOCOL_RANGE),
        user=user_info(conn, caller.user_id),
        device_id=caller.device_id,
        scopes=sorted(allowed),
        scope_changes=_changes_against(allowed, set(request.scopes)),
        conflicts_open=int(open_count),
    )


def _split(conn: Connection, caller: Caller, requested: list[str], allowed: set[str]) -> list[str]:
    """The requested scopes no longer allowed; ForbiddenScope for any never held."""
    removed = []
    for scope_id in requested:
        if scope_id in allowed:
            continue
        try:
            kind, ident = scope_kind(scope_id)
        except ProtocolError:
            raise ForbiddenScope(scope_id) from None
        if kind != "case" or not ever_held(conn, caller, ident):
            raise ForbiddenScope(scope_id)
        removed.append(scope_id)
    return removed


def _change(row: Any) -> Change:
    info = None if row.conflict is None else from_json(ConflictInfo, row.conflict)
    return Change(
        scope_id=row.scope_id,
        seq=int(row.seq),
        entity_type=row.entity_type,
        entity_id=row.entity_id,
        entity_version=int(row.entity_version),
        op=row.op,
        fields=row.fields,
        conflict=info,
    )


def pull(conn: Connection, caller: Caller, request: PullRequest, now: dt.datetime) -> PullResponse:
    allowed = allowed_scopes(conn, caller)
    requested = sorted(request.cursors)
    removed = _split(conn, caller, requested, allowed)
    remaining = max(1, min(request.limit, MAX_PULL_LIMIT))
    changes: list[Change] = []
    cursors: dict[str, int] = {}
    has_more = False
    for scope_id in requested:
        if scope_id in removed:
            continue
        cursor = max(0, request.cursors[scope_id])
        rows = conn.execute(
            select(change_log)
            .where(change_log.c.scope_id == scope_id, change_log.c.seq > cursor)
            .order_by(change_log.c.seq)
            .limit(remaining + 1)
        ).all()
        if len(rows) > remaining:
            has_more = True
            rows = rows[:remaining]
        changes.extend(_change(row) for row in rows)
        remaining -= len(rows)
        cursors[scope_id] = int(rows[-1].seq) if rows else cursor
    return PullResponse(
        server_time=iso(now),
        changes=changes,
        cursors=cursors,
        scope_changes=ScopeChanges(added=sorted(allowed - set(requested)), removed=sorted(removed)),
        has_more=has_more,
    )


def heads(conn: Connection, caller: Caller, now: dt.datetime) -> HeadsResponse:
    case_ids = sorted(
        scope.partition(":")[2]
        for scope in allowed_scopes(conn, caller)
        if scope.startswith("case:")
    )
    rows = conn.execute(
        select(chain_head)
        .where(chain_head.c.la_id == caller.la_id, chain_head.c.case_id.in_(case_ids))
        .order_by(chain_head.c.case_id, chain_head.c.chain_device)
    ).all()
    found = [ChainHeadInfo(row.case_id, int(row.seq), row.hash, row.chain_device) for row in rows]
    return HeadsResponse(server_time=iso(now), heads=found)

"""The push half of a round: the outbox, in ``device_seq`` order, as protocol mutations, and
the server's answers written back to it.

A batch is marked ``inflight`` in its own transaction before it is sent, so a crash or a lost
answer leaves it to be sent again (the server is idempotent by ``mutation_id``). One mutation
per row per batch: the next one on that row waits for the answer, so that it is sent against
the version the first one made. A row with a mutation in ``conflict`` holds every later
mutation of that row (``pending``) until the conflict is resolved, except the one that
resolves it: a pending row whose ``result`` is ``{"resolves": conflict_id}`` (written by
services/sync_status.py; a pending row has no answer yet) goes up with ``resolves`` set, and
once the server applies it the conflict is resolved here too.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from officer_app.store.models import (
    OutboxMutation,
    SyncConflict,
    SyncEntity,
    SyncEntityScope,
    SyncScope,
)
from officer_app.sync import protocol
from officer_app.sync.scoping import ScopeIndex, row_fields, tracked_models

SENDABLE = ("pending", "inflight")
OPS = ("create", "update", "delete")


@dataclass
class PushTally:
    pushed: int = 0
    applied: int = 0
    duplicates: int = 0
    conflicts: int = 0
    rejected: int = 0
    held: int = 0  # waiting behind a conflict on the same row
    unanswered: int = 0  # sent, no result for it: inflight for the next round
    attempted: set[str] = field(default_factory=set)  # mutation ids sent this round


def held_rows(session: Session) -> set[tuple[str, str]]:
    """Rows with a mutation in conflict whose conflicts are not all resolved."""
    resolved = set(
        session.scalars(select(SyncConflict.conflict_id).where(SyncConflict.status == "resolved"))
    )
    held: set[tuple[str, str]] = set()
    for row in session.scalars(select(OutboxMutation).where(OutboxMutation.state == "conflict")):
        ids = (row.result or {}).get("conflict_ids") or []
        if any(conflict_id not in resolved for conflict_id in ids):
            held.add((row.entity_type, row.entity_id))
    return held


def resolves(row: OutboxMutation) -> str | None:
    """The conflict id a pending or inflight mutation settles, if it is a resolution."""
    if row.state not in SENDABLE:
        return None
    value = (row.result or {}).get("resolves")
    return str(value) if value else None


def next_batch(session: Session, tally: PushTally, limit: int) -> list[OutboxMutation]:
    """The next mutations to send: sendable, not sent yet this round, at most one per row, none
    behind a held row or an earlier mutation of its row that is not sent yet."""
    held = held_rows(session)
    blocked = set(held)
    tracked = tracked_models()
    rows = session.scalars(
        select(OutboxMutation)
        .where(OutboxMutation.state.in_(SENDABLE))
        .order_by(OutboxMutation.device_seq)
    )
    batch: list[OutboxMutation] = []
    tally.held = 0
    for row in rows:
        key = (row.entity_type, row.entity_id)
        if row.entity_type not in tracked or row.op not in OPS:
            continue  # a local record of an import, say: not a row the server holds
        if key in blocked and not (key in held and resolves(row)):
            tally.held += key in held
            continue
        blocked.add(key)  # later mutations of this row wait for this one's answer
        if row.mutation_id in tally.attempted:
            continue
        batch.append(row)
        if len(batch) >= limit:
            break
    return batch


def mark_inflight(session: Session, *, batch_ids: list[int], la_id: str) -> list[protocol.Mutation]:
    """Mark the batch inflight (one more attempt each) and build its mutations."""
    rows = session.scalars(
        select(OutboxMutation)
        .where(OutboxMutation.device_seq.in_(batch_ids))
        .order_by(OutboxMutation.device_seq)
    ).all()
    index = ScopeIndex.read(session, la_id)
    held = set(session.scalars(select(SyncScope.scope_id)))
    mutations = []
    for row in rows:
        row.state = "inflight"
        row.attempts = (row.attempts or 0) + 1
        known = session.get(SyncEntity, (row.entity_type, row.entity_id))
        mutations.append(
            protocol.Mutation(
                mutation_id=row.mutation_id,
                device_seq=row.device_seq,
                entity_type=row.entity_type,
                entity_id=row.entity_id,
                scope_id=_scope(session, index, row, held),
                op=row.op,  # type: ignore[arg-type]  # checked by next_batch
                base_version=known.version if known is not None else None,
                changes=dict(row.changes),
                schema_version=row.schema_version,
                created_at_device=row.created_at.isoformat(timespec="microseconds"),
                resolves=resolves(row),
            )
        )
    return mutations


def _scope(session: Session, index: ScopeIndex, row: OutboxMutation, held: set[str]) -> str:
    """Where the row belongs, preferring a scope this device holds: from the row as it is now
    (an update), the mutation's values (a create), or the scopes it came in (a delete)."""
    scopes: list[str] = []
    model = tracked_models()[row.entity_type]
    current = session.get(model, row.entity_id)
    if current is not None:
        scopes = index.scopes(row.entity_type, row_fields(current))
    elif row.op == "create":
        scopes = index.scopes(row.entity_type, {"id": row.entity_id, **row.changes})
    if not scopes:
        scopes = sorted(
            session.scalars(
                select(SyncEntityScope.scope_id).where(
                    SyncEntityScope.entity_type == row.entity_type,
                    SyncEntityScope.entity_id == row.entity_id,
                )
            )
        )
    preferred = [scope for scope in scopes if scope in held]
    return (preferred or scopes or [protocol.scope_of_la(index.la_id)])[0]


def record_results(
    session: Session,
    *,
    sent: list[protocol.Mutation],
    results: list[protocol.MutationResult],
    tally: PushTally,
) -> None:
    """Write each answer to its outbox row; a mutation without an answer stays inflight."""
    by_id: Mapping[str, protocol.MutationResult] = {r.mutation_id: r for r in results}
    for mutation in sent:
        tally.attempted.add(mutation.mutation_id)
        tally.pushed += 1
        answer = by_id.get(mutation.mutation_id)
        row = session.scalar(
            select(OutboxMutation).where(OutboxMutation.mutation_id == mutation.mutation_id)
        )
        if row is None:  # pragma: no cover - outbox rows are never deleted
            continue
        if answer is None:
            tally.unanswered += 1
            continue
        row.result = protocol.to_json(answer)
        if answer.status in ("applied", "duplicate"):
            if mutation.resolves is not None:
                _settled_here(session, mutation.resolves)
            row.state = "applied"
            row.last_error = ""
            if answer.status == "applied":
                tally.applied += 1
            else:
                tally.duplicates += 1
        elif answer.status == "conflict":
            row.state = "conflict"
            tally.conflicts += 1
        else:
            row.state = "rejected"
            error = answer.error
            row.last_error = f"{error.code}: {error.message}" if error else "rejected"
            tally.rejected += 1
        _advance_base(session, mutation, answer)


def _settled_here(session: Session, conflict_id: str) -> None:
    """The server applied a resolution: the conflict is resolved here too (the pull brings
    the settled conflict, who and when, on the next page)."""
    conflict = session.get(SyncConflict, conflict_id)
    if conflict is not None:
        conflict.status = "resolved"


def _advance_base(
    session: Session, mutation: protocol.Mutation, answer: protocol.MutationResult
) -> None:
    """The server's version after this mutation becomes the row's base only when nothing else
    changed the row in between (the version right after the base; 1 when none); otherwise
    the pull brings the changes in between, and the base moves with them."""
    if answer.entity_version is None or answer.status == "rejected":
        return
    key = (mutation.entity_type, mutation.entity_id)
    known = session.get(SyncEntity, key)
    base = known.version if known is not None else None
    follows = answer.entity_version == (base or 0) + 1
    if not follows:
        return
    if known is None:
        session.add(SyncEntity(entity_type=key[0], entity_id=key[1], version=answer.entity_version))
    else:
        known.version = answer.entity_version
    if session.get(SyncEntityScope, (*key, mutation.scope_id)) is None:
        session.add(
            SyncEntityScope(entity_type=key[0], entity_id=key[1], scope_id=mutation.scope_id)
        )


def pending_rows(session: Session) -> dict[tuple[str, str], Any]:
    """Fields of each row with a mutation not yet answered (``None``: the whole row)."""
    pending: dict[tuple[str, str], Any] = {}
    for row in session.scalars(select(OutboxMutation).where(OutboxMutation.state.in_(SENDABLE))):
        key = (row.entity_type, row.entity_id)
        if row.op != "update" or pending.get(key, set()) is None:
            pending[key] = None
        else:
            pending.setdefault(key, set()).update(row.changes)
    return pending

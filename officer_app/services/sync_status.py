"""The window's view of sync: is this profile enrolled, when did it last sync, what waits to
go up (and for how long), which conflicts are open (overall and per case), a conflict's both
values with who and when, and its resolution. Also one background round, its outcome as plain
values. Plain dataclasses only: the window never sees the store.

A resolution is written as a normal tracked change (the outbox row the change makes) and that
row is marked as resolving the conflict (``result = {"resolves": id}`` while it is pending:
see sync/push.py), so the next push sends it with ``resolves`` and the server settles the
conflict with the chosen or merged value.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import Any

import httpx
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from officer_app.clock import Clock
from officer_app.services.profile import OpenProfile, ProfileError
from officer_app.store.database import Store
from officer_app.store.models import Officer, OutboxMutation, SyncConflict
from officer_app.store.tracking import SCHEMA_VERSION_KEY, json_value
from officer_app.sync import protocol
from officer_app.sync.errors import SyncError, SyncUnreachable
from officer_app.sync.pull import from_json_value
from officer_app.sync.push import OPS, SENDABLE, resolves
from officer_app.sync.scoping import ScopeIndex, UnplacedTable, row_fields, tracked_models
from officer_app.sync.settings import read_settings
from officer_app.sync.transport import Transport

LONG_WAIT = dt.timedelta(hours=24)
"""Changes older than this still waiting to go up: the window warns (issue 14, point 5)."""


@dataclass(frozen=True)
class SyncState:
    enrolled: bool
    server: str = ""
    last_success: dt.datetime | None = None
    pending: int = 0  # changes waiting to go up (sendable outbox rows)
    oldest_pending_age: dt.timedelta | None = None
    open_conflicts: int = 0

    @property
    def long_wait(self) -> bool:
        return self.oldest_pending_age is not None and self.oldest_pending_age > LONG_WAIT


@dataclass(frozen=True)
class CaseSyncState:
    pending: int = 0
    conflicts: int = 0


@dataclass(frozen=True)
class ConflictView:
    conflict_id: str
    kind: str
    entity_type: str
    entity_id: str
    case_id: str | None
    field: str
    theirs: Any
    their_name: str
    their_at: str
    mine: Any
    my_name: str
    my_at: str
    resolvable: bool  # a field conflict the central store holds (not one found here)
    waiting: bool  # resolved here, the resolution not sent yet


@dataclass(frozen=True)
class RoundOutcome:
    """One background round: done, offline (unreachable), or stopped for another reason."""

    ok: bool
    offline: bool = False
    problem: str = ""
    sent: int = 0
    received: int = 0
    conflicts_open: int = 0
    at: dt.datetime | None = None


class ConflictError(ValueError):
    """The conflict cannot be resolved here (unknown, already settled, or not a field)."""


def _sendable(session: Session) -> list[OutboxMutation]:
    tracked = tracked_models()
    rows = session.scalars(
        select(OutboxMutation)
        .where(OutboxMutation.state.in_(SENDABLE))
        .order_by(OutboxMutation.device_seq)
    )
    return [row for row in rows if row.entity_type in tracked and row.op in OPS]


def _case_of_scope(scope_id: str) -> str | None:
    try:
        kind, ident = protocol.scope_kind(scope_id)
    except protocol.ProtocolError:
        return None
    return ident if kind == "case" else None


def _parse(value: str) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(value) if value else None
    except ValueError:
        return None


class SyncStatusService:
    """Sync state, per-case state and conflicts of one open store, for the user ``user_id``."""

    def __init__(self, store: Store, clock: Clock, user_id: str) -> None:
        self._store = store
        self._clock = clock
        self._user_id = user_id

    def state(self) -> SyncState:
        def read(session: Session) -> SyncState:
            settings = read_settings(session)
            if not settings.enrolled:
                return SyncState(enrolled=False)
            sendable = _sendable(session)
            oldest = min((row.created_at for row in sendable), default=None)
            open_conflicts = session.scalar(
                select(func.count()).select_from(SyncConflict).where(SyncConflict.status == "open")
            )
            return SyncState(
                enrolled=True,
                server=settings.server_url,
                last_success=_parse(settings.last_success),
                pending=len(sendable),
                oldest_pending_age=self._clock.now() - oldest if oldest is not None else None,
                open_conflicts=int(open_conflicts or 0),
            )

        return self._store.read(read)

    def case_states(self) -> dict[str, CaseSyncState]:
        """Each case with changes waiting to go up or open conflicts (others absent)."""

        def read(session: Session) -> dict[str, CaseSyncState]:
            settings = read_settings(session)
            if not settings.enrolled:
                return {}
            index = ScopeIndex.read(session, settings.la_id)
            tracked = tracked_models()
            pending: Counter[str] = Counter()
            for row in _sendable(session):
                current = session.get(tracked[row.entity_type], row.entity_id)
                fields = row_fields(current) if current is not None else {"id": row.entity_id}
                if current is None:
                    fields.update(row.changes)
                try:
                    scopes = index.scopes(row.entity_type, fields)
                except (UnplacedTable, KeyError):
                    continue
                for scope in scopes:
                    case_id = _case_of_scope(scope)
                    if case_id is not None:
                        pending[case_id] += 1
            conflicts: Counter[str] = Counter()
            for scope in session.scalars(
                select(SyncConflict.scope_id).where(SyncConflict.status == "open")
            ):
                case_id = _case_of_scope(scope)
                if case_id is not None:
                    conflicts[case_id] += 1
            return {
                case_id: CaseSyncState(pending[case_id], conflicts[case_id])
                for case_id in set(pending) | set(conflicts)
            }

        return self._store.read(read)

    def conflicts(self, case_id: str | None = None) -> list[ConflictView]:
        """The open conflicts (of one case, or all), oldest first."""

        def read(session: Session) -> list[ConflictView]:
            query = select(SyncConflict).where(SyncConflict.status == "open")
            query = query.order_by(SyncConflict.client_at, SyncConflict.conflict_id)
            names = {str(i): str(n) for i, n in session.execute(select(Officer.id, Officer.name))}
            waiting = {resolves(row) for row in _sendable(session)}
            views = [self._view(c, names, c.conflict_id in waiting) for c in session.scalars(query)]
            return [v for v in views if case_id is None or v.case_id == case_id]

        return self._store.read(read)

    def _view(self, c: SyncConflict, names: dict[str, str], waiting: bool) -> ConflictView:
        def name(user: str | None) -> str:
            if not user:
                return "unknown"
            return "you" if user == self._user_id else names.get(user, "another user")

        server = (c.server_value, name(c.server_user), c.server_at or "")
        client = (c.client_value, name(c.client_user), c.client_at or "")
        mine, theirs = (server, client) if c.server_user == self._user_id else (client, server)
        return ConflictView(
            conflict_id=c.conflict_id,
            kind=c.kind,
            entity_type=c.entity_type,
            entity_id=c.entity_id,
            case_id=_case_of_scope(c.scope_id),
            field=c.field,
            theirs=theirs[0],
            their_name=theirs[1],
            their_at=theirs[2],
            mine=mine[0],
            my_name=mine[1],
            my_at=mine[2],
            resolvable=_resolvable(c),
            waiting=waiting,
        )

    def resolve(self, conflict_id: str, value: Any) -> None:
        """Write ``value`` (the chosen or merged one) to the conflict's field as a normal
        tracked change, marked as resolving the conflict: it goes up on the next round."""
        now = self._clock.now()

        def write(session: Session) -> None:
            conflict = session.get(SyncConflict, conflict_id)
            if conflict is None or conflict.status != "open" or not _resolvable(conflict):
                raise ConflictError("this conflict cannot be resolved here")
            model = tracked_models()[conflict.entity_type]
            row = session.get(model, conflict.entity_id)
            if row is None:
                raise ConflictError("the record is no longer on this laptop")
            before = session.scalar(select(func.max(OutboxMutation.device_seq))) or 0
            setattr(
                row, conflict.field, from_json_value(model.__table__.columns[conflict.field], value)
            )
            session.flush()
            made = session.scalars(
                select(OutboxMutation).where(
                    OutboxMutation.device_seq > before,
                    OutboxMutation.entity_type == conflict.entity_type,
                    OutboxMutation.entity_id == conflict.entity_id,
                )
            ).first()
            if made is None:  # the row holds the value already: the choice still goes up
                made = OutboxMutation(
                    entity_type=conflict.entity_type,
                    entity_id=conflict.entity_id,
                    op="update",
                    base_version=None,
                    changes={conflict.field: json_value(getattr(row, conflict.field))},
                    schema_version=str(session.info.get(SCHEMA_VERSION_KEY, "")),
                    created_at=now,
                    state="pending",
                )
                session.add(made)
            made.result = {"resolves": conflict_id}

        self._store.write_wait(write)


def _resolvable(c: SyncConflict) -> bool:
    """A field conflict the central store reported (one found here has ``detail`` and no
    server user; the server knows nothing of it), on a column this laptop holds."""
    model = tracked_models().get(c.entity_type)
    return (
        c.kind == "field"
        and not c.detail
        and model is not None
        and c.field in model.__table__.columns
    )


def run_round(
    opened: OpenProfile, transport: Transport | httpx.Client | None = None
) -> RoundOutcome:
    """One sync round for an enrolled profile (on a worker thread: it waits on the network)."""
    from officer_app.services.sync_device import sync_client

    try:
        client = sync_client(opened, transport)
    except ProfileError as exc:
        return RoundOutcome(ok=False, problem=str(exc))
    try:
        report = client.run()
    except SyncUnreachable:
        return RoundOutcome(ok=False, offline=True)
    except SyncError as exc:
        return RoundOutcome(ok=False, problem=str(exc))
    finally:
        close = getattr(client.transport, "close", None)
        if transport is None and close is not None:
            close()
    return RoundOutcome(
        ok=True,
        sent=report.pushed,
        received=report.pulled,
        conflicts_open=report.conflicts_open,
        at=opened.clock.now(),
    )

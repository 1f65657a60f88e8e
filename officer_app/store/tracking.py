"""Every local change writes its outbox mutation and its audit event in the same transaction.

A ``before_flush`` listener inspects what the session is about to write: for each tracked
row created, changed or deleted it adds one ``OutboxMutation`` with the changed fields and one
``AuditEvent``. Because both are added to the same flush, they commit or roll back together
with the change itself: the outbox can never miss a change, nor hold one that did not happen.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

from officer_app.clock import Clock, SystemClock
from officer_app.store.models import AuditEvent, Base, OutboxMutation, apply_defaults

SCHEMA_VERSION_KEY = "schema_version"


def json_value(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat(timespec="microseconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    return value


def _columns(obj: Base) -> list[str]:
    return [attr.key for attr in inspect(obj).mapper.column_attrs]


def _changed_fields(obj: Base) -> dict[str, Any]:
    state = inspect(obj)
    changes: dict[str, Any] = {}
    for key in _columns(obj):
        history = state.attrs[key].history
        if history.has_changes() and history.added:
            changes[key] = json_value(history.added[0])
    return changes


def session_clock(session: Session) -> Clock:
    clock = session.info.get("clock")
    return clock if clock is not None else SystemClock()


def session_actor(session: Session) -> str:
    return str(session.info.get("actor", "system"))


def install(session: Session) -> None:
    """Attach the tracking listener to one session (no global state)."""
    event.listen(session, "before_flush", _before_flush)


def _before_flush(session: Session, flush_context: Any, instances: Any) -> None:
    if session.info.get("untracked"):
        return  # bulk loads of server-confirmed data (the demo caseload, a first sync)
    now = session_clock(session).now()
    actor = session_actor(session)
    schema = str(session.info.get(SCHEMA_VERSION_KEY, ""))
    pending: list[Base] = []
    for obj in list(session.new):
        if isinstance(obj, Base) and obj.__tracked__:
            apply_defaults(obj)
            values = {key: json_value(getattr(obj, key)) for key in _columns(obj)}
            pending.append(_mutation(obj, "create", values, None, schema, now))
            pending.append(_audit(obj, "create", actor, now, sorted(values)))
    for obj in list(session.dirty):
        if isinstance(obj, Base) and obj.__tracked__ and session.is_modified(obj):
            changes = _changed_fields(obj)
            if not changes:
                continue
            base_version = getattr(obj, "version", None)
            if base_version is not None and "version" not in changes:
                obj.version = base_version + 1  # type: ignore[attr-defined]
            pending.append(_mutation(obj, "update", changes, base_version, schema, now))
            pending.append(_audit(obj, "change", actor, now, sorted(changes)))
    for obj in list(session.deleted):
        if isinstance(obj, Base) and obj.__tracked__:
            pending.append(_mutation(obj, "delete", {}, getattr(obj, "version", None), schema, now))
            pending.append(_audit(obj, "delete", actor, now, []))
    session.add_all(pending)


def _mutation(
    obj: Base, op: str, changes: dict[str, Any], base: int | None, schema: str, now: dt.datetime
) -> OutboxMutation:
    return OutboxMutation(
        entity_type=obj.__tablename__,
        entity_id=str(getattr(obj, "id", "")),
        op=op,
        base_version=base,
        changes=changes,
        schema_version=schema,
        created_at=now,
        state="pending",
    )


def _audit(obj: Base, action: str, actor: str, now: dt.datetime, fields: list[str]) -> AuditEvent:
    # The audit log names the fields that changed, never their values: it must not become a
    # second copy of the case data.
    return AuditEvent(
        at=now,
        actor=actor,
        action=action,
        entity_type=obj.__tablename__,
        entity_id=str(getattr(obj, "id", "")),
        detail={"fields": fields} if fields else {},
    )

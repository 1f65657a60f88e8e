"""Audit events that are not row changes: opening a case, exports, prints, lock and unlock.

Row creates and changes are audited automatically (``store/tracking.py``).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from officer_app.store.models import AuditEvent
from officer_app.store.tracking import session_actor, session_clock

ACTIONS = frozenset(
    {"open", "export", "print", "lock", "unlock", "verify", "search", "sign", "import", "purge"}
)


def record(
    session: Session,
    action: str,
    *,
    entity_type: str = "",
    entity_id: str = "",
    detail: dict[str, Any] | None = None,
) -> None:
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    session.add(
        AuditEvent(
            at=session_clock(session).now(),
            actor=session_actor(session),
            action=action,
            entity_type=entity_type,
            entity_id=entity_id,
            detail=detail or {},
        )
    )

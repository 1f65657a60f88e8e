"""The sync client's own tables (schema 0011): what the device holds from the central store.

``sync_entity`` is the base layer's bookkeeping: the server-confirmed version of each row the
device holds, sent as a mutation's ``base_version``; ``sync_scope`` the scopes held and the
cursor pulled to in each; ``sync_entity_scope`` which scopes each row came in (references for
the purge of a scope taken away); ``sync_conflict`` the server's conflicts as last pulled,
both values, who and when. None of them is tracked: they never go back into the outbox.
They share ``Base``'s metadata; :mod:`officer_app.store.models` re-exports them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from officer_app.store.models import Base

OUTBOX_STATES = (
    "pending",  # not yet sent
    "inflight",  # sent, no answer kept yet: sent again next round (idempotent by mutation id)
    "applied",  # the server applied it
    "duplicate",  # the server had applied it already (a resend)
    "conflict",  # the server kept its value; a person chooses (sync_conflict)
    "rejected",  # the server refused it (last_error): needs attention
    "synced",  # made on this device from data the server already holds (the demo's)
)

# profile_setting keys written at enrolment and by each sync round
SERVER_URL_SETTING = "sync_server_url"
DEVICE_ID_SETTING = "sync_device_id"
USER_ID_SETTING = "sync_user_id"
LA_ID_SETTING = "sync_la_id"
ROLE_SETTING = "sync_role"
LAST_SYNC_SETTING = "sync_last_success"


class SyncEntity(Base):
    """The server's version of one row as this device last received or pushed it."""

    __tablename__ = "sync_entity"
    entity_type: Mapped[str] = mapped_column(String(40), primary_key=True)
    entity_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    version: Mapped[int] = mapped_column(Integer)


class SyncScope(Base):
    """A scope this device holds and the last change-log ``seq`` it applied from it."""

    __tablename__ = "sync_scope"
    scope_id: Mapped[str] = mapped_column(String(80), primary_key=True)
    cursor: Mapped[int] = mapped_column(Integer, default=0)
    added_at: Mapped[dt.datetime]


class SyncEntityScope(Base):
    """Row ``(entity_type, entity_id)`` came in scope ``scope_id`` (one row per scope)."""

    __tablename__ = "sync_entity_scope"
    entity_type: Mapped[str] = mapped_column(String(40), primary_key=True)
    entity_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    scope_id: Mapped[str] = mapped_column(String(80), primary_key=True, index=True)


class SyncConflict(Base):
    """A conflict as the server reported it (``protocol.ConflictInfo``): both values, who and
    when; or one found on this device (a signed entry that clashes with the server's chain)."""

    __tablename__ = "sync_conflict"
    conflict_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    scope_id: Mapped[str] = mapped_column(String(80))
    kind: Mapped[str] = mapped_column(String(20))  # field|edit_on_deleted|orphaned_edit|chain_fork
    entity_type: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(36), index=True)
    field: Mapped[str] = mapped_column(String(60), default="")
    server_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    server_user: Mapped[str | None] = mapped_column(String(36))
    server_at: Mapped[str | None] = mapped_column(String(40))
    client_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    client_user: Mapped[str] = mapped_column(String(36), default="")
    client_at: Mapped[str] = mapped_column(String(40), default="")
    mutation_id: Mapped[str] = mapped_column(String(36), default="")
    status: Mapped[str] = mapped_column(String(10), default="open", index=True)  # open|resolved
    resolved_by: Mapped[str | None] = mapped_column(String(36))
    resolved_at: Mapped[str | None] = mapped_column(String(40))
    detail: Mapped[str] = mapped_column(Text, default="")  # a local conflict's reason


class PurgeMarker(Base):
    """The cases a purge is removing (schema 0013): while a case is named here, the evidence
    triggers let its signed rows go. Written only by ``sync/purge.py`` inside its own
    transaction and emptied before it commits; verify reports a marker left behind."""

    __tablename__ = "purge_marker"
    case_id: Mapped[str] = mapped_column(String(36), primary_key=True)


class PurgedCase(Base):
    """A case purged from this device (taken away, or the device revoked) and when: its
    evidence chain is absent because it was purged, not lost (its evidence is on the central
    store). Holds the case id and reason only, no case data."""

    __tablename__ = "purged_case"
    case_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    purged_at: Mapped[dt.datetime]
    reason: Mapped[str] = mapped_column(String(20))  # scope_removed | device_revoked

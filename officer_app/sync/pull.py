"""The pull half of a round: one page of the server's change log applied to the local rows.

A page is applied in one transaction with its cursors, untracked (the rows come from the
server: they must not go back up). A change no newer than the version held is skipped, so a
page applied twice changes nothing. A field with a change of this device's still to be
answered is left as it is (that change's push decides), and the row's base version then
stays where it was, so the push meets the server's change as a conflict rather than
overwriting it. Signed records are never changed or deleted here: a clash is kept as a local
conflict and both versions stay, and nothing a page holds makes the round crash.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Boolean, ColumnElement, Date, Float, Integer, delete, select
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.orm import Session

from officer_app.domain.evidence import LEGACY_CHAIN
from officer_app.store.column_types import UtcDateTime
from officer_app.store.models import (
    Base,
    ChronologyEntry,
    SyncConflict,
    SyncEntity,
    SyncEntityScope,
    SyncScope,
)
from officer_app.store.tracking import json_value
from officer_app.sync import protocol
from officer_app.sync.push import pending_rows
from officer_app.sync.scoping import tracked_models

LOCAL_VERSION = "version"  # the desktop's own edit counter, not the server's entity_version


@dataclass
class PullTally:
    pulled: int = 0  # changes received
    applied: int = 0
    skipped: int = 0  # no newer than held, or of a table this version does not know
    deleted: int = 0
    conflicts: int = 0  # conflicts stored (the server's, and clashes found here)


def from_json_value(column: ColumnElement[Any], value: Any) -> Any:
    """A JSON value back to the column's Python type (dates, UTC datetimes, numbers)."""
    if value is None:
        return None
    kind = column.type
    if isinstance(kind, UtcDateTime):
        moment = dt.datetime.fromisoformat(value)
        return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
    if isinstance(kind, Date):
        return dt.date.fromisoformat(value)
    if isinstance(kind, Boolean):
        return bool(value)
    if isinstance(kind, Float):
        return float(value)
    if isinstance(kind, Integer):
        return int(value)
    return value


def _sealed(row: Base) -> bool:
    """A row the database refuses to change: signed, insert-only, or a served pack."""
    if row.__tablename__ in protocol.INSERT_ONLY_TYPES:
        return True
    if isinstance(row, ChronologyEntry):
        return row.signed_at is not None
    return row.__tablename__ == "evidence_pack" and getattr(row, "status", "") != "draft"


class PageApplier:
    """Applies the changes of one page inside the caller's transaction."""

    def __init__(self, session: Session, user_id: str, now: dt.datetime) -> None:
        self.session = session
        self.user_id = user_id
        self.now = now
        self.models = tracked_models()
        self.pending = pending_rows(session)
        self.tally = PullTally()

    def apply(self, page: protocol.PullResponse) -> PullTally:
        self.session.info["untracked"] = True
        # the LA's reference rows (schools, officers) first: a case's rows refer to them
        for change in sorted(page.changes, key=lambda c: not c.scope_id.startswith("la:")):
            self.tally.pulled += 1
            self._one(change)
        for scope_id, cursor in page.cursors.items():
            held = self.session.get(SyncScope, scope_id)
            if held is None:
                self.session.add(SyncScope(scope_id=scope_id, cursor=cursor, added_at=self.now))
            else:
                held.cursor = max(held.cursor, cursor)
        return self.tally

    def _one(self, change: protocol.Change) -> None:
        model = self.models.get(change.entity_type)
        if change.op == "conflict":
            self._conflict(change, model)
            return
        known = self.session.get(SyncEntity, (change.entity_type, change.entity_id))
        if model is None or (known is not None and change.entity_version <= known.version):
            self.tally.skipped += 1
            return
        if change.op == "tombstone":
            moved = self._tombstone(change, model)
        else:
            moved = self._upsert(change, model)
        if moved:
            self._base(change, known)

    def _base(self, change: protocol.Change, known: SyncEntity | None) -> None:
        if known is None:
            known = SyncEntity(
                entity_type=change.entity_type, entity_id=change.entity_id, version=0
            )
            self.session.add(known)
        known.version = change.entity_version
        key = (change.entity_type, change.entity_id, change.scope_id)
        if change.op == "tombstone":
            self.session.execute(
                delete(SyncEntityScope).where(
                    SyncEntityScope.entity_type == change.entity_type,
                    SyncEntityScope.entity_id == change.entity_id,
                )
            )
        elif self.session.get(SyncEntityScope, key) is None:
            self.session.add(SyncEntityScope(entity_type=key[0], entity_id=key[1], scope_id=key[2]))

    def _values(self, model: type[Base], fields: dict[str, Any]) -> dict[str, Any]:
        columns = model.__table__.columns
        return {
            name: from_json_value(columns[name], value)
            for name, value in fields.items()
            if name in columns
        }

    def _upsert(self, change: protocol.Change, model: type[Base]) -> bool:
        """Write the change over the row; True when the base version may move with it."""
        key = (change.entity_type, change.entity_id)
        protected = self.pending.get(key, set())
        if protected is None:
            self.tally.skipped += 1  # a local create or delete of this row is on its way
            return False
        values = self._values(model, {**change.fields, "id": change.entity_id})
        row = self.session.get(model, change.entity_id)
        if row is None:
            return self._insert(change, model, values)
        values.pop(LOCAL_VERSION, None)
        kept = {name for name in values if name in protected}
        differing = {
            name: value
            for name, value in values.items()
            if name not in kept and getattr(row, name) != value
        }
        if differing and _sealed(row):
            self._local_conflict(change, "chain_fork", row, differing, "sealed here")
            return False
        try:
            with self.session.begin_nested():
                for name, value in differing.items():
                    setattr(row, name, value)
                if differing and LOCAL_VERSION in model.__table__.columns:
                    setattr(row, LOCAL_VERSION, (getattr(row, LOCAL_VERSION) or 0) + 1)
        except (DBAPIError, SQLAlchemyError):
            self.session.refresh(row)
            self._local_conflict(change, "field", row, differing, "refused by this database")
            return False
        self.tally.applied += 1
        return not kept

    def _insert(self, change: protocol.Change, model: type[Base], values: dict[str, Any]) -> bool:
        if model is ChronologyEntry and values.get("chain_seq") is not None:
            # Each device seals into its own chain on a case (schema 0012), so an entry from
            # another device goes into that device's chain (the triggers move its head); only
            # two entries at one link of ONE chain are a fork.
            values["chain_device"] = values.get("chain_device") or LEGACY_CHAIN
            clash = self.session.scalar(
                select(ChronologyEntry).where(
                    ChronologyEntry.case_id == values.get("case_id"),
                    ChronologyEntry.chain_device == values["chain_device"],
                    ChronologyEntry.chain_seq == values["chain_seq"],
                    ChronologyEntry.id != change.entity_id,
                )
            )
            if clash is not None:
                self._local_conflict(change, "chain_fork", clash, values, "same link in chain")
                return False
        try:
            with self.session.begin_nested():
                self.session.add(model(**values))
        except (DBAPIError, SQLAlchemyError):
            self._local_conflict(change, "field", None, values, "could not be inserted here")
            return False
        self.tally.applied += 1
        return True

    def _tombstone(self, change: protocol.Change, model: type[Base]) -> bool:
        key = (change.entity_type, change.entity_id)
        if key in self.pending:
            self.tally.skipped += 1  # this device's change of it is on its way: push decides
            return False
        row = self.session.get(model, change.entity_id)
        if row is None:
            return True
        if _sealed(row):
            self._local_conflict(change, "edit_on_deleted", row, {}, "signed: kept here")
            return False
        try:
            with self.session.begin_nested():
                self.session.delete(row)
        except (DBAPIError, SQLAlchemyError):
            self._local_conflict(change, "edit_on_deleted", None, {}, "still referred to: kept")
            return False
        self.tally.deleted += 1
        return True

    def _conflict(self, change: protocol.Change, model: type[Base] | None) -> None:
        info = change.conflict
        if info is not None:
            stored = self.session.get(SyncConflict, info.conflict_id)
            if stored is None:
                stored = SyncConflict(conflict_id=info.conflict_id)
                self.session.add(stored)
            for name, value in protocol.to_json(info).items():
                setattr(stored, name, value)
            stored.detail = stored.detail or ""
            self.tally.conflicts += 1
        row = self.session.get(model, change.entity_id) if model is not None else None
        if row is None or model is None or _sealed(row):
            return
        protected = self.pending.get((change.entity_type, change.entity_id), set())
        values = self._values(model, change.fields)
        values.pop(LOCAL_VERSION, None)
        try:
            with self.session.begin_nested():
                for name, value in values.items():
                    if protected is not None and name not in protected:
                        setattr(row, name, value)
        except (DBAPIError, SQLAlchemyError):
            self.session.refresh(row)

    def _local_conflict(
        self,
        change: protocol.Change,
        kind: str,
        row: Base | None,
        incoming: dict[str, Any],
        reason: str,
    ) -> None:
        """A clash found here (never crash, keep both): stored as an open conflict."""
        names = sorted(incoming)
        local = {name: json_value(getattr(row, name, None)) for name in names} if row else None
        self.session.add(
            SyncConflict(
                conflict_id=str(uuid.uuid4()),
                scope_id=change.scope_id,
                kind=kind,
                entity_type=change.entity_type,
                entity_id=change.entity_id,
                field=",".join(names)[:60],
                server_value={name: json_value(incoming[name]) for name in names},
                server_user=None,
                server_at=None,
                client_value=local,
                client_user=self.user_id,
                client_at=self.now.isoformat(timespec="microseconds"),
                mutation_id="",
                status="open",
                detail=reason,
            )
        )
        self.tally.conflicts += 1

"""The purge of what this device may no longer hold (anchors-sync.md §7.8, invariant I9).

A scope taken away (``hello``'s ``scope_changes.removed``, or a held scope no longer allowed)
is purged after this device's changes to it were pushed; a revoked device purges everything
it holds from the central store, keeping an empty profile and a note why. A purge is ONE
transaction: it removes the scope's refs (``sync_entity_scope``), then every row left with no
ref, and every row of a purged case (its chronology, signed or not, its exhibits, statements
and packs: the evidence is safe on the central store), children before parents, with the
drafts, attendance marks, chain heads, conflicts, answered outbox rows and base versions of
those rows, and the ``sync_scope`` rows. A row still in a scope held (a family shared with a
sibling's case) stays. The profile head is recomputed over the chain heads that remain, and
each purged case is recorded in ``purged_case`` with the time, so its absent chain reads as
purged. A kill at any point leaves all of it or none (SQLite's journal).

Unpushed work is never purged: a scope with a row whose outbox change is still pending or
inflight (the push failed, or was refused whole) is postponed, kept as it is, and reported;
the next round pushes it and purges then. The signed rows go through the evidence triggers'
escape (schema 0013): ``purge_marker`` names the cases being purged while the transaction
lasts, and is emptied before it commits. The attachments' files of purged rows are deleted
after the commit (a kill in between leaves ciphertext that ``tidy`` removes as orphans).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, insert, select, text, update
from sqlalchemy.orm import Session

from officer_app.domain.evidence import EvidenceTampered, profile_head
from officer_app.store import audit
from officer_app.store.database import Store
from officer_app.store.heads import HEAD_ROW, TAMPERED, stored_heads
from officer_app.store.models import (
    AttendanceMark,
    Base,
    Case,
    ChainHead,
    ChildAttendanceYear,
    Draft,
    EvidenceHead,
    OutboxMutation,
    ProfileSetting,
    PurgedCase,
    PurgeMarker,
    SyncConflict,
    SyncEntity,
    SyncEntityScope,
    SyncScope,
)
from officer_app.sync.protocol import scope_of_case
from officer_app.sync.push import pending_rows
from officer_app.sync.scoping import VIA_PARENT, tracked_models

ATTACHMENTS_DIR = "attachments"  # services/attachments.py: <profile folder>/attachments
PURGE_NOTE_SETTING = "sync_purge_note"
SCOPE_REMOVED = "scope_removed"
DEVICE_REVOKED = "device_revoked"
OFFICER_SETTING = "officer_id"  # services/profile.py: the profile's own officer
CHUNK = 500

Key = tuple[str, str]  # (entity type, entity id)


@dataclass
class PurgeResult:
    """What a purge did: scopes purged, scopes postponed (unpushed work), rows removed."""

    purged: list[str] = field(default_factory=list)
    postponed: list[str] = field(default_factory=list)
    rows: int = 0
    cases: int = 0
    files: int = 0


@dataclass
class _Plan:
    scopes: set[str]
    keys: set[Key]
    owners: dict[Key, set[str]]  # the purged scopes each row is purged with
    case_ids: set[str]


def purge_scopes(
    store: Store, scopes: Iterable[str], *, reason: str = SCOPE_REMOVED
) -> PurgeResult:
    """Purge ``scopes`` in one transaction (those with unpushed work postponed)."""
    wanted = sorted(set(scopes))
    if not wanted:
        return PurgeResult()
    now = store.clock.now()
    result, attachments = store.write_wait(
        lambda s: _purge(s, set(wanted), reason=reason, now=now, everything=False)
    )
    result.files = _delete_files(store, attachments)
    return result


def purge_everything(store: Store) -> PurgeResult:
    """A revoked device: every row held from the central store, leaving an empty profile
    (its own officer row and settings) and a note why. Unpushed work postpones the cases it
    belongs to, as for any purge."""
    now = store.clock.now()
    result, attachments = store.write_wait(
        lambda s: _purge(s, _all_scopes(s), reason=DEVICE_REVOKED, now=now, everything=True)
    )
    result.files = _delete_files(store, attachments)
    return result


def _all_scopes(session: Session) -> set[str]:
    held = set(session.scalars(select(SyncScope.scope_id)))
    held |= set(session.scalars(select(SyncEntityScope.scope_id).distinct()))
    held |= {scope_of_case(case_id) for case_id in session.scalars(select(Case.id))}
    return held


def _case_of(scope: str) -> str | None:
    return scope.removeprefix("case:") if scope.startswith("case:") else None


def _purge(
    session: Session, scopes: set[str], *, reason: str, now: dt.datetime, everything: bool
) -> tuple[PurgeResult, list[str]]:
    session.info["untracked"] = True  # nothing removed here goes to the outbox
    pending = set(pending_rows(session))
    postponed: set[str] = set()
    while True:
        sweep = everything and "*" not in postponed
        plan = _plan(session, scopes - postponed, everything=sweep)
        blocked = {scope for key in plan.keys & pending for scope in plan.owners[key]}
        if sweep and plan.keys & pending:
            blocked.add("*")  # the rows outside any case wait with the cases kept
        if not blocked - postponed:
            break
        postponed |= blocked
    postponed.discard("*")
    result = PurgeResult(purged=sorted(plan.scopes), postponed=sorted(postponed))
    if not plan.keys and not plan.scopes:
        return result, []
    _check_profile_head(session)
    session.execute(text("PRAGMA defer_foreign_keys = ON"))  # checked at commit, as ever
    _insert_chunks(session, PurgeMarker, [{"case_id": c} for c in plan.case_ids])
    attachments = [i for t, i in plan.keys if t == "attachment"]
    result.rows = _delete_rows(session, plan)
    _forget_sync(session, plan)
    _reseal_profile_head(session)
    session.execute(delete(PurgeMarker))
    for case_id in plan.case_ids:
        session.merge(PurgedCase(case_id=case_id, purged_at=now, reason=reason))
    result.cases = len(plan.case_ids)
    if everything and not postponed:
        note = f"{reason} at {now.isoformat(timespec='seconds')}: every case was removed"
        session.merge(ProfileSetting(key=PURGE_NOTE_SETTING, value=note))
    audit.record(
        session,
        "purge",
        detail={"reason": reason, "cases": result.cases, "rows": result.rows},
    )
    return result, attachments


def _plan(session: Session, scopes: set[str], *, everything: bool) -> _Plan:
    refs: dict[Key, set[str]] = defaultdict(set)
    for entity_type, entity_id, scope_id in session.execute(
        select(SyncEntityScope.entity_type, SyncEntityScope.entity_id, SyncEntityScope.scope_id)
    ):
        refs[(entity_type, entity_id)].add(scope_id)
    owners: dict[Key, set[str]] = {
        key: held & scopes for key, held in refs.items() if held & scopes and held <= scopes
    }
    case_ids = {c for c in map(_case_of, scopes) if c is not None}
    case_ids |= {i for t, i in owners if t == "case_file"}
    for key, scope in _rows_of_cases(session, case_ids):
        owners.setdefault(key, set()).add(scope)
    if everything:
        own = session.scalar(
            select(ProfileSetting.value).where(ProfileSetting.key == OFFICER_SETTING)
        )
        for entity_type, model in tracked_models().items():
            for entity_id in session.scalars(select(_pk(model))):
                owners.setdefault((entity_type, entity_id), {"*"})
        owners.pop(("officer", str(own)), None)  # the profile's own officer: an empty profile
    return _Plan(scopes, set(owners), owners, case_ids)


def _pk(model: type[Base]) -> Any:
    return model.__table__.c.id


def _rows_of_cases(session: Session, case_ids: set[str]) -> Iterator[tuple[Key, str]]:
    """Every tracked row that belongs to one of the cases whatever its refs (a row made here
    and never pulled has none): the case, rows naming it, and rows placed via their parent."""
    if not case_ids:
        return
    parents: dict[str, dict[str, str]] = {}
    for entity_type, model in tracked_models().items():
        columns = model.__table__.c
        if entity_type == "case_file":
            for case_id in case_ids:
                yield ("case_file", case_id), scope_of_case(case_id)
        elif "case_id" in columns:
            found: dict[str, str] = {}
            for chunk in _chunks(sorted(case_ids)):
                for row_id, case_id in session.execute(
                    select(columns.id, columns.case_id).where(columns.case_id.in_(chunk))
                ):
                    found[row_id] = case_id
                    yield (entity_type, row_id), scope_of_case(case_id)
            parents[entity_type] = found
    for entity_type, (parent, column) in VIA_PARENT.items():
        of_parent = parents.get(parent, {})
        columns = tracked_models()[entity_type].__table__.c
        for chunk in _chunks(sorted(of_parent)):
            for row_id, parent_id in session.execute(
                select(columns.id, columns[column]).where(columns[column].in_(chunk))
            ):
                yield (entity_type, row_id), scope_of_case(of_parent[parent_id])


def _chunks(values: list[Any]) -> Iterator[list[Any]]:
    for start in range(0, len(values), CHUNK):
        yield values[start : start + CHUNK]


def _insert_chunks(session: Session, model: type[Base], rows: list[dict[str, Any]]) -> None:
    for chunk in _chunks(rows):
        session.execute(insert(model), chunk)


def _delete_rows(session: Session, plan: _Plan) -> int:
    by_type: dict[str, list[str]] = defaultdict(list)
    for entity_type, entity_id in plan.keys:
        by_type[entity_type].append(entity_id)
    cases = sorted(plan.case_ids)
    children = sorted(by_type.get("child", []))
    # local rows of the purged cases and children first (they refer to them)
    local: list[tuple[type[Base], Any, list[str]]] = [
        (Draft, Draft.case_id, cases),
        (ChainHead, ChainHead.case_id, cases),
        (AttendanceMark, AttendanceMark.child_id, children),
        (ChildAttendanceYear, ChildAttendanceYear.child_id, children),
    ]
    for model, column, ids in local:
        for chunk in _chunks(ids):
            session.execute(delete(model).where(column.in_(chunk)))
    removed = 0
    for entity_type, tracked in reversed(tracked_models().items()):  # children before parents
        for chunk in _chunks(sorted(by_type.get(entity_type, []))):
            done = session.execute(delete(tracked).where(_pk(tracked).in_(chunk)))
            removed += int(getattr(done, "rowcount", 0) or 0)
    return removed


def _forget_sync(session: Session, plan: _Plan) -> None:
    """The bookkeeping of the purged rows and scopes: refs, base versions, conflicts,
    answered outbox rows (they hold field values); unanswered ones were never planned."""
    by_type: dict[str, list[str]] = defaultdict(list)
    for entity_type, entity_id in plan.keys:
        by_type[entity_type].append(entity_id)
    scopes = sorted(plan.scopes)
    for chunk in _chunks(scopes):
        session.execute(delete(SyncEntityScope).where(SyncEntityScope.scope_id.in_(chunk)))
        session.execute(delete(SyncConflict).where(SyncConflict.scope_id.in_(chunk)))
        session.execute(delete(SyncScope).where(SyncScope.scope_id.in_(chunk)))
    for entity_type, ids in by_type.items():
        for chunk in _chunks(sorted(ids)):
            for model, kind, ident in (
                (SyncEntityScope, SyncEntityScope.entity_type, SyncEntityScope.entity_id),
                (SyncEntity, SyncEntity.entity_type, SyncEntity.entity_id),
                (SyncConflict, SyncConflict.entity_type, SyncConflict.entity_id),
                (OutboxMutation, OutboxMutation.entity_type, OutboxMutation.entity_id),
            ):
                session.execute(delete(model).where(kind == entity_type, ident.in_(chunk)))


def _check_profile_head(session: Session) -> None:
    """Fail closed: a profile head that does not match the chain heads is never resealed."""
    stored = session.scalar(select(EvidenceHead.profile_hash).where(EvidenceHead.id == HEAD_ROW))
    if stored is not None and profile_head(stored_heads(session))[2] != stored:
        raise EvidenceTampered(TAMPERED)


def _reseal_profile_head(session: Session) -> None:
    chains, entries, digest = profile_head(stored_heads(session))
    session.execute(
        update(EvidenceHead)
        .where(EvidenceHead.id == HEAD_ROW)
        .values(chains=chains, entries=entries, profile_hash=digest)
    )


def _delete_files(store: Store, attachment_ids: list[str]) -> int:
    folder = store.path.parent / ATTACHMENTS_DIR
    removed = 0
    for attachment_id in attachment_ids:
        path = folder / f"{attachment_id}.oab"
        if path.exists():
            path.unlink()
            removed += 1
    return removed

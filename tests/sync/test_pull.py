"""Applying pulled pages: idempotent, untracked, a pending local field kept, conflicts stored,
signed entries inserted (a clash with a local link kept as a chain_fork conflict, no crash)."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from officer_app.store.database import Store
from officer_app.store.models import (
    Case,
    ChainHead,
    ChronologyEntry,
    OutboxMutation,
    Plan,
    PlanTarget,
    SyncConflict,
    SyncEntity,
    SyncScope,
)
from officer_app.store.tracking import json_value
from officer_app.sync import protocol
from officer_app.sync.client import SyncClient, SyncReport
from officer_app.sync.scoping import row_fields
from tests.conftest import DEMO_NOW
from tests.sync.fake_server import FakeServer

LA_SCOPE = "la:la-1"


def _case(store: Store) -> Case:
    return store.read(lambda s: s.scalars(select(Case).order_by(Case.id).limit(1)).one())


def _change(
    case_id: str, seq: int, version: int, fields: dict[str, Any], **kw: Any
) -> protocol.Change:
    return protocol.Change(
        scope_id=protocol.scope_of_case(case_id),
        seq=seq,
        entity_type=kw.pop("entity_type", "case_file"),
        entity_id=kw.pop("entity_id", case_id),
        entity_version=version,
        op=kw.pop("op", "upsert"),
        fields=fields,
        **kw,
    )


def _outbox(store: Store) -> int:
    return store.read(lambda s: s.scalar(select(func.count()).select_from(OutboxMutation)))


def test_a_pulled_change_is_applied_once_untracked_with_its_cursor(store: Store) -> None:
    case = _case(store)
    scope = protocol.scope_of_case(case.id)
    server = FakeServer(scopes=[LA_SCOPE, scope])
    server.changes = [
        _change(case.id, 1, 3, {"next_action": "visit Monday", "next_action_due": "2026-11-23"})
    ]
    before = _outbox(store)
    report = SyncClient(store, server).run()
    assert report.pulled == 1 and report.pulled_applied == 1
    after = _case(store)
    assert after.next_action == "visit Monday" and str(after.next_action_due) == "2026-11-23"
    assert after.version == case.version + 1  # local edit counter moves: stale edits are seen
    assert _outbox(store) == before  # nothing pulled goes back up
    held = store.read(
        lambda s: (
            s.get(SyncScope, scope).cursor,
            s.get(SyncEntity, ("case_file", case.id)).version,
        )
    )  # type: ignore[union-attr]
    assert held == (1, 3)
    # the same page again (a cursor lost, say): nothing changes
    store.write_wait(lambda s: setattr(s.get(SyncScope, scope), "cursor", 0))
    report = SyncClient(store, server).run()
    assert report.pulled == 1 and report.pulled_applied == 0
    assert _case(store).version == after.version


def test_a_field_changed_here_and_not_yet_pushed_is_not_overwritten(store: Store) -> None:
    case = _case(store)
    scope = protocol.scope_of_case(case.id)

    def edit(session: Session) -> None:
        row = session.get(Case, case.id)
        assert row is not None
        row.next_action = "mine"

    store.write_wait(edit)
    server = FakeServer(scopes=[scope], fail={"/push": "down"})
    client = SyncClient(store, server)
    page = protocol.PullResponse(
        server_time="t",
        changes=[_change(case.id, 1, 5, {"next_action": "theirs", "referral_source": "school"})],
        cursors={scope: 1},
        scope_changes=protocol.ScopeChanges(),
        has_more=False,
    )
    server.changes = page.changes
    client.pull(
        SyncReport(),
        [scope],
        "user-1",
    )
    row = _case(store)
    assert row.next_action == "mine" and row.referral_source == "school"
    # the base stays, so the push meets the server's change as a conflict, not an overwrite
    assert store.read(lambda s: s.get(SyncEntity, ("case_file", case.id))) is None


def test_a_conflict_is_stored_and_the_field_shows_the_servers_value(store: Store) -> None:
    case = _case(store)
    scope = protocol.scope_of_case(case.id)
    info = protocol.ConflictInfo(
        conflict_id="c-1", scope_id=scope, kind="field", entity_type="case_file",
        entity_id=case.id, field="next_action", server_value="theirs", server_user="user-2",
        server_at="2026-11-20T09:00:00+00:00", client_value="mine", client_user="user-1",
        client_at="2026-11-20T09:30:00+00:00", mutation_id="m-1", status="open",
    )  # fmt: skip
    server = FakeServer(scopes=[scope])
    server.changes = [
        _change(case.id, 1, 4, {"next_action": "theirs"}, op="conflict", conflict=info)
    ]
    report = SyncClient(store, server).run()
    stored = store.read(lambda s: s.get(SyncConflict, "c-1"))
    assert stored is not None and (stored.server_value, stored.client_value) == ("theirs", "mine")
    assert stored.status == "open" and report.conflicts_open == 1
    assert _case(store).next_action == "theirs"


def _signed_entry(case_id: str, seq: int, author: str) -> dict[str, Any]:
    return {
        "id": str(uuid.uuid4()), "case_id": case_id, "entry_type": "note",
        "occurred_at": DEMO_NOW.isoformat(), "recorded_at": DEMO_NOW.isoformat(),
        "author_id": author, "title": "From another device", "body": "Seen at school.",
        "amend_reason": "", "signed_at": DEMO_NOW.isoformat(), "signed_by": author,
        "chain_seq": seq, "prev_hash": "0" * 64, "content_hash": "a" * 64,
    }  # fmt: skip


def test_a_signed_entry_is_inserted_and_a_clash_with_a_local_link_is_kept_as_a_fork(
    store: Store,
) -> None:
    case = _case(store)
    head = store.read(lambda s: s.get(ChainHead, (case.id, "")))  # the demo's legacy chain
    assert head is not None
    author = store.read(
        lambda s: s.scalar(
            select(ChronologyEntry.author_id)
            .where(ChronologyEntry.case_id == case.id, ChronologyEntry.author_id.is_not(None))
            .limit(1)
        )
    )
    new = _signed_entry(case.id, head.last_seq + 1, author)
    clash = _signed_entry(case.id, head.last_seq, author)  # a link this device already has
    # the same link in another device's chain on the case: its own chain, no fork
    other = {**_signed_entry(case.id, head.last_seq, author), "chain_device": "other-device"}
    server = FakeServer(scopes=[protocol.scope_of_case(case.id)])
    server.changes = [
        _change(case.id, 1, 1, new, entity_type="chronology_entry", entity_id=new["id"]),
        _change(case.id, 2, 1, clash, entity_type="chronology_entry", entity_id=clash["id"]),
        _change(case.id, 3, 1, other, entity_type="chronology_entry", entity_id=other["id"]),
    ]
    report = SyncClient(store, server).run()
    assert store.read(lambda s: s.get(ChronologyEntry, new["id"])) is not None
    assert store.read(lambda s: s.get(ChainHead, (case.id, ""))).last_seq == head.last_seq + 1  # type: ignore[union-attr]
    assert store.read(lambda s: s.get(ChronologyEntry, other["id"])) is not None
    other_head = store.read(lambda s: s.get(ChainHead, (case.id, "other-device")))
    assert other_head is not None and other_head.last_seq == head.last_seq
    assert store.read(lambda s: s.get(ChronologyEntry, clash["id"])) is None
    forks = store.read(
        lambda s: s.scalars(select(SyncConflict).where(SyncConflict.kind == "chain_fork")).all()
    )
    assert [f.entity_id for f in forks] == [clash["id"]] and report.conflicts_stored == 1


def test_a_tombstone_deletes_a_plain_row_but_never_a_signed_one(store: Store) -> None:
    target = store.read(lambda s: s.scalars(select(PlanTarget).limit(1)).one())
    plan_case = store.read(
        lambda s: s.scalar(
            select(Case.id).where(
                Case.id == s.execute(select(Plan.case_id).where(Plan.id == target.plan_id)).scalar()
            )
        )
    )
    signed = store.read(
        lambda s: s.scalars(
            select(ChronologyEntry).where(ChronologyEntry.signed_at.is_not(None))
        ).first()
    )
    assert plan_case is not None and signed is not None
    server = FakeServer(
        scopes=[protocol.scope_of_case(plan_case), protocol.scope_of_case(signed.case_id)]
    )
    server.changes = [
        _change(
            plan_case, 1, 2, {}, op="tombstone", entity_type="plan_target", entity_id=target.id
        ),
        _change(
            signed.case_id,
            1,
            2,
            {},
            op="tombstone",
            entity_type="chronology_entry",
            entity_id=signed.id,
        ),
    ]
    report = SyncClient(store, server).run()
    assert store.read(lambda s: s.get(PlanTarget, target.id)) is None
    kept = store.read(lambda s: s.get(ChronologyEntry, signed.id))
    assert kept is not None and {
        k: json_value(v) for k, v in row_fields(kept).items()
    } == row_fields(signed)
    assert report.deleted == 1 and report.conflicts_stored == 1

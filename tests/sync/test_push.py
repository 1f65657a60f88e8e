"""Pushing the outbox: in order, in batches, re-sendable after a crash, held behind a conflict,
against the server's version of each row (never the local edit counter)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from officer_app.store.database import Store
from officer_app.store.models import Case, OutboxMutation, SyncConflict, SyncEntity
from officer_app.sync import protocol
from officer_app.sync.client import SyncClient
from officer_app.sync.errors import SyncUnreachable, SyncUpgradeRequired
from tests.sync.fake_server import FakeServer


def _cases(store: Store, n: int) -> list[str]:
    return store.read(lambda s: list(s.scalars(select(Case.id).order_by(Case.id).limit(n))))


def _edit(store: Store, case_id: str, text: str) -> None:
    def work(session: Session) -> None:
        case = session.get(Case, case_id)
        assert case is not None
        case.next_action = text

    store.write_wait(work)


def _states(store: Store) -> dict[str, str]:
    return store.read(
        lambda s: {
            row.mutation_id: row.state
            for row in s.scalars(select(OutboxMutation).where(OutboxMutation.state != "synced"))
        }
    )


def test_the_outbox_goes_in_order_in_batches_one_mutation_per_row_per_batch(store: Store) -> None:
    cases = _cases(store, 5)
    for n, case_id in enumerate(cases):
        _edit(store, case_id, f"call school {n}")
    _edit(store, cases[0], "call school again")  # a second change to the first case
    server = FakeServer()
    report = SyncClient(store, server, batch_size=3).run()
    batches = server.batches()
    assert [len(b) for b in batches] == [3, 3]
    sent = [m for batch in batches for m in batch]
    assert len(sent) == 6 and report.pushed == 6 and report.applied == 6
    for batch in batches:
        assert len({m.entity_id for m in batch}) == len(batch)  # one per row per batch
    first_case = [m for m in sent if m.entity_id == cases[0]]
    assert [m.changes["next_action"] for m in first_case] == ["call school 0", "call school again"]
    assert first_case[0].device_seq < first_case[1].device_seq
    assert all(batch == sorted(batch, key=lambda m: m.device_seq) for batch in batches)
    # the second change went against the version the first one made
    assert first_case[0].base_version is None and first_case[1].base_version == 1
    assert all(m.scope_id == protocol.scope_of_case(m.entity_id) for m in sent)
    assert set(_states(store).values()) == {"applied"}  # kept, not deleted


def test_base_version_is_the_servers_version_not_the_local_counter(store: Store) -> None:
    synced, fresh = _cases(store, 2)
    store.write_wait(
        lambda s: s.add(SyncEntity(entity_type="case_file", entity_id=synced, version=7))
    )
    _edit(store, synced, "visit")
    _edit(store, fresh, "visit")
    local = store.read(
        lambda s: s.scalar(
            select(OutboxMutation.base_version).where(OutboxMutation.entity_id == synced)
        )
    )
    server = FakeServer()
    SyncClient(store, server).run()
    bases = {m.entity_id: m.base_version for m in server.batches()[0]}
    assert local != 7 and bases == {synced: 7, fresh: None}


def test_a_lost_answer_leaves_the_batch_inflight_and_the_next_round_resends_it(
    store: Store,
) -> None:
    (case_id,) = _cases(store, 1)
    _edit(store, case_id, "phone parent")
    server = FakeServer(fail={"/push": "down"})
    with pytest.raises(SyncUnreachable):
        SyncClient(store, server).run()
    rows = store.read(
        lambda s: s.scalars(select(OutboxMutation).where(OutboxMutation.entity_id == case_id)).all()
    )
    assert [(r.state, r.attempts) for r in rows] == [("inflight", 1)]
    server.fail.clear()
    SyncClient(store, server).run()
    resent = server.batches()[-1]
    assert [m.mutation_id for m in resent] == [rows[0].mutation_id]
    assert _states(store) == {rows[0].mutation_id: "applied"}


def test_a_5xx_is_like_no_answer(store: Store) -> None:
    (case_id,) = _cases(store, 1)
    _edit(store, case_id, "phone parent")
    with pytest.raises(SyncUnreachable):
        SyncClient(store, FakeServer(fail={"/push": 503})).run()
    assert set(_states(store).values()) == {"inflight"}


def test_426_stops_with_the_outbox_untouched(store: Store) -> None:
    (case_id,) = _cases(store, 1)
    _edit(store, case_id, "phone parent")
    with pytest.raises(SyncUpgradeRequired, match="update the app"):
        SyncClient(store, FakeServer(fail={"/push": 426})).run()
    rows = store.read(
        lambda s: s.scalars(select(OutboxMutation).where(OutboxMutation.entity_id == case_id)).all()
    )
    assert [(r.state, r.attempts) for r in rows] == [("pending", 0)]
    with pytest.raises(SyncUpgradeRequired):
        SyncClient(store, FakeServer(fail={"/hello": 426})).run()


def test_later_changes_to_a_row_in_conflict_wait_until_it_is_resolved(store: Store) -> None:
    disputed, other = _cases(store, 2)
    _edit(store, disputed, "mine")

    def conflict(m: protocol.Mutation) -> protocol.MutationResult | None:
        if m.entity_id == disputed and m.changes.get("next_action") == "mine":
            return protocol.MutationResult(m.mutation_id, "conflict", 2, conflict_ids=["c-1"])
        return None

    server = FakeServer(answer=conflict)
    report = SyncClient(store, server).run()
    assert report.conflicts == 1
    _edit(store, disputed, "mine, later")
    _edit(store, other, "unrelated")
    report = SyncClient(store, server).run()
    sent = [m.entity_id for m in server.batches()[-1]]
    assert sent == [other] and report.held == 1
    later = store.read(
        lambda s: s.scalar(
            select(OutboxMutation.state).where(
                OutboxMutation.changes["next_action"].as_string() == "mine, later"
            )
        )
    )
    assert later == "pending"
    # resolved (the server's conflict, pulled as resolved): the held change goes
    store.write_wait(
        lambda s: s.add(
            SyncConflict(
                conflict_id="c-1",
                scope_id="x",
                kind="field",
                entity_type="case_file",
                entity_id=disputed,
                field="next_action",
                status="resolved",
                client_user="",
                client_at="",
                mutation_id="",
                detail="",
            )
        )
    )
    SyncClient(store, server).run()
    assert [m.changes for m in server.batches()[-1]] == [{"next_action": "mine, later"}]


def test_a_rejected_mutation_is_kept_with_its_reason(store: Store) -> None:
    (case_id,) = _cases(store, 1)
    _edit(store, case_id, "x")
    error = protocol.ErrorInfo(protocol.SCOPE_REVOKED, "the case is no longer yours")
    server = FakeServer(
        answer=lambda m: protocol.MutationResult(m.mutation_id, "rejected", error=error)
    )
    report = SyncClient(store, server).run()
    assert report.rejected == 1
    row = store.read(
        lambda s: s.scalars(select(OutboxMutation).where(OutboxMutation.entity_id == case_id)).one()
    )
    assert row.state == "rejected" and row.last_error.startswith("scope_revoked")
    assert store.read(lambda s: s.scalar(select(func.count()).select_from(OutboxMutation))) >= 1

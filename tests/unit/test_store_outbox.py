"""Every local change writes its field-level mutation to the outbox in the same transaction."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import func, select

from officer_app.store.database import Store
from officer_app.store.models import AuditEvent, Case, OutboxMutation
from tests.unit.store_helpers import seed_case


@pytest.fixture()
def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    s = Store.open(tmp_path / "c.db", os.urandom(32), actor="officer-1", create=True)
    yield s
    s.close()


def _outbox(store: Store) -> list[OutboxMutation]:
    return store.read(
        lambda s: list(s.scalars(select(OutboxMutation).order_by(OutboxMutation.device_seq)))
    )


def test_creates_carry_every_field_and_a_change_carries_only_its_fields(store: Store) -> None:
    case_id, _ = store.write_wait(lambda s: seed_case(s))
    created = [m for m in _outbox(store) if m.entity_type == "case_file"]
    assert len(created) == 1 and created[0].op == "create"
    assert created[0].changes["reference"] == "ATT-2026-00001"
    assert created[0].changes["id"] == case_id

    def move(session):  # type: ignore[no-untyped-def]
        case = session.get(Case, case_id)
        case.stage = "allocated"
        case.next_action = "Home visit"

    store.write_wait(move)
    update = _outbox(store)[-1]
    assert (update.op, update.entity_id, update.base_version) == ("update", case_id, 1)
    assert update.changes == {"stage": "allocated", "next_action": "Home visit"}
    assert store.read(lambda s: s.get(Case, case_id).version) == 2
    assert update.schema_version == store.schema_version
    seqs = [m.device_seq for m in _outbox(store)]
    assert seqs == sorted(seqs) and len(set(seqs)) == len(seqs)
    assert len({m.mutation_id for m in _outbox(store)}) == len(seqs)


def test_a_failed_transaction_leaves_no_outbox_or_audit_row(store: Store) -> None:
    case_id, _ = store.write_wait(lambda s: seed_case(s))
    before = len(_outbox(store))
    audits = store.read(lambda s: s.scalar(select(func.count()).select_from(AuditEvent)))

    def fails(session):  # type: ignore[no-untyped-def]
        session.get(Case, case_id).stage = "allocated"  # a move the stage rules allow
        session.flush()
        raise RuntimeError("power cut")

    with pytest.raises(RuntimeError):
        store.write_wait(fails)
    assert len(_outbox(store)) == before
    assert store.read(lambda s: s.scalar(select(func.count()).select_from(AuditEvent))) == audits
    assert store.read(lambda s: s.get(Case, case_id).stage) == "referral"


def test_changes_are_audited_with_who_and_which_fields_not_values(store: Store) -> None:
    case_id, _ = store.write_wait(lambda s: seed_case(s))
    store.write_wait(lambda s: setattr(s.get(Case, case_id), "referral_reason", "Secret words"))
    last = store.read(
        lambda s: s.scalars(select(AuditEvent).order_by(AuditEvent.seq.desc())).first()
    )
    assert (last.actor, last.action, last.entity_id) == ("officer-1", "change", case_id)
    assert last.detail == {"fields": ["referral_reason"]}
    assert "Secret words" not in str(last.detail)

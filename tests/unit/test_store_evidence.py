"""Signed evidence can never change, and verify finds any change made behind its back."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from officer_app.store import evidence
from officer_app.store.database import Store
from tests.unit.store_helpers import seed_case, signed_note


@pytest.fixture()
def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    s = Store.open(tmp_path / "c.db", os.urandom(32), actor="tester", create=True)
    yield s
    s.close()


def _case_with_notes(store: Store, n: int = 3) -> tuple[str, list[str]]:
    def work(session):  # type: ignore[no-untyped-def]
        case_id, officer_id = seed_case(session)
        return case_id, [
            signed_note(session, case_id, officer_id, f"Visit {i}").id for i in range(n)
        ]

    return store.write_wait(work)


def test_signed_entries_form_a_chain_that_verifies(store: Store) -> None:
    _case_with_notes(store, 4)
    checked, breaks = store.read(evidence.verify)
    assert (checked, breaks) == (4, [])
    seqs = store.read(
        lambda s: (
            s.execute(text("SELECT chain_seq FROM chronology_entry ORDER BY chain_seq"))
            .scalars()
            .all()
        )
    )
    assert seqs == [1, 2, 3, 4]


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE chronology_entry SET body = 'I never said that' WHERE id = :id",
        "UPDATE chronology_entry SET occurred_at = '2020-01-01T00:00:00+00:00' WHERE id = :id",
        "DELETE FROM chronology_entry WHERE id = :id",
    ],
)
def test_raw_sql_cannot_change_or_delete_a_signed_entry(store: Store, statement: str) -> None:
    _, ids = _case_with_notes(store)
    with pytest.raises(IntegrityError, match="signed evidence cannot be"):
        store.write_wait(lambda s: s.execute(text(statement), {"id": ids[1]}))
    body = store.read(
        lambda s: s.execute(
            text("SELECT body FROM chronology_entry WHERE id = :id"), {"id": ids[1]}
        ).scalar()
    )
    assert body == "Visit 1"


def test_the_audit_log_cannot_be_rewritten(store: Store) -> None:
    _case_with_notes(store, 1)
    with pytest.raises(IntegrityError, match="append-only"):
        store.write_wait(lambda s: s.execute(text("DELETE FROM audit_event")))
    with pytest.raises(IntegrityError, match="append-only"):
        store.write_wait(lambda s: s.execute(text("UPDATE audit_event SET actor = 'someone'")))


def test_verify_finds_an_entry_altered_behind_the_triggers_back(store: Store) -> None:
    _, ids = _case_with_notes(store, 3)

    def tamper(session):  # type: ignore[no-untyped-def]
        session.execute(text("DROP TRIGGER chronology_signed_no_update"))
        session.execute(
            text("UPDATE chronology_entry SET body = 'Child seen, all well' WHERE id = :id"),
            {"id": ids[1]},
        )

    store.write_wait(tamper)
    checked, breaks = store.read(evidence.verify)
    assert checked == 3
    assert [(b.entry_id, b.problem) for b in breaks] == [(ids[1], "content changed after signing")]


def test_verify_finds_a_deleted_link(store: Store) -> None:
    _, ids = _case_with_notes(store, 3)

    def tamper(session):  # type: ignore[no-untyped-def]
        session.execute(text("DROP TRIGGER chronology_signed_no_delete"))
        session.execute(text("DELETE FROM chronology_entry WHERE id = :id"), {"id": ids[1]})

    store.write_wait(tamper)
    _, breaks = store.read(evidence.verify)
    assert {b.entry_id for b in breaks} == {ids[2]}


def test_an_amendment_is_a_new_signed_entry_and_the_original_stays(store: Store) -> None:
    case_id, ids = _case_with_notes(store, 1)

    def amend(session):  # type: ignore[no-untyped-def]
        from officer_app.store.models import ChronologyEntry

        original = session.get(ChronologyEntry, ids[0])
        fix = signed_note(session, case_id, original.author_id, "Visit 0 at 14:10, not 12:10")
        return fix.id

    fix_id = store.write_wait(amend)
    # (the service sets amends_id; here we only check the chain treats it as one more link)
    checked, breaks = store.read(evidence.verify)
    assert checked == 2 and not breaks and fix_id != ids[0]

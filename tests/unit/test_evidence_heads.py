"""Evidence that shows tampering (issue 8, point 7): chain heads, the profile head, the
chained audit log and the triggers, each tampered with behind the application's back
(raw SQL through the real key, triggers dropped first) and named by verify."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from officer_app.domain.evidence import GENESIS, EvidenceTampered, content_hash
from officer_app.services.verification import verify_profile
from officer_app.store import audit, evidence
from officer_app.store.database import Store
from officer_app.store.models import ChainHead, ChronologyEntry, EvidenceHead
from tests.unit.store_helpers import AT, seed_case, signed_note


@pytest.fixture()
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store.open(tmp_path / "c.db", os.urandom(32), actor="tester", create=True)
    yield s
    s.close()


def _two_cases(store: Store, n: int = 3) -> dict[str, list[str]]:
    """Cases ATT-2026-00001 and ATT-2026-00002, each with ``n`` signed notes."""

    def work(session: Session) -> dict[str, list[str]]:
        out = {}
        for ref, surname in [("ATT-2026-00001", "Quill"), ("ATT-2026-00002", "Ashby")]:
            case_id, officer = seed_case(session, surname=surname, reference=ref)
            out[case_id] = [
                signed_note(session, case_id, officer, f"Visit {i}").id for i in range(n)
            ]
        return out

    return store.write_wait(work)


def _behind_the_back(store: Store, *statements: str, **params: object) -> None:
    """Raw SQL on the engine (no application session, no listeners), as a key holder with
    an SQLCipher shell would run it."""
    with store.engine.begin() as conn:
        for statement in statements:
            conn.execute(text(statement), params)


def _breaks(store: Store) -> list[str]:
    return list(verify_profile(store).breaks)


def test_a_clean_profile_verifies_with_its_heads_and_audit_chain(store: Store) -> None:
    _two_cases(store)
    report = verify_profile(store)
    assert report.breaks == ()
    assert report.entries_checked == 6 and report.audit_checked > 6
    heads = store.read(lambda s: s.execute(select(ChainHead.last_seq)).scalars().all())
    assert heads == [3, 3]
    head = store.read(lambda s: s.get(EvidenceHead, 1))
    assert head is not None and (head.chains, head.entries) == (2, 6)
    assert head.profile_hash == report.profile_head


def test_deleting_the_last_entries_of_a_chain_is_reported(store: Store) -> None:
    ids = _two_cases(store)
    case_id = next(iter(ids))
    _behind_the_back(
        store,
        "DROP TRIGGER chronology_signed_no_delete",
        "DELETE FROM chronology_entry WHERE case_id = :c AND chain_seq >= 2",
        c=case_id,
    )
    assert (
        "case ATT-2026-00001: entries missing at the end of the chain: links 2 to 3 "
        "(its head is at link 3)"
    ) in _breaks(store)


def test_deleting_a_whole_chain_is_reported_as_a_missing_chain(store: Store) -> None:
    ids = _two_cases(store)
    case_id = list(ids)[1]
    _behind_the_back(
        store,
        "DROP TRIGGER chronology_signed_no_delete",
        "DELETE FROM chronology_entry WHERE case_id = :c",
        c=case_id,
    )
    assert (
        "case ATT-2026-00002: missing chain: its head is at link 3 but no signed entry is left"
    ) in _breaks(store)


def _rewrite_and_rehash(store: Store, case_id: str, *, also_heads: bool) -> None:
    """Change link 2's text and recompute every hash after it, as a careful forger would."""

    def rows(session: Session) -> list[ChronologyEntry]:
        return list(
            session.scalars(
                select(ChronologyEntry)
                .where(ChronologyEntry.case_id == case_id)
                .order_by(ChronologyEntry.chain_seq)
            )
        )

    entries = store.read(rows)
    prev = GENESIS
    statements = ["DROP TRIGGER chronology_signed_no_update"]
    for entry in entries:
        if entry.chain_seq == 2:
            entry.body = "The parent said nothing of the kind."
        entry.prev_hash = prev
        entry.content_hash = content_hash(evidence.signed_content(entry), prev)
        prev = entry.content_hash
        statements.append(
            f"UPDATE chronology_entry SET body = '{entry.body}', prev_hash = '{entry.prev_hash}', "
            f"content_hash = '{entry.content_hash}' WHERE id = '{entry.id}'"
        )
    if also_heads:
        statements += [
            "DROP TRIGGER chain_head_forward_only",
            f"UPDATE chain_head SET last_hash = '{prev}' WHERE case_id = '{case_id}'",
        ]
    _behind_the_back(store, *statements)


def test_a_chain_rewritten_and_rehashed_no_longer_matches_its_head(store: Store) -> None:
    ids = _two_cases(store)
    _rewrite_and_rehash(store, next(iter(ids)), also_heads=False)
    breaks = _breaks(store)
    assert (
        "case ATT-2026-00001: link 3 is not the one its head recorded: the chain has been rewritten"
    ) in breaks
    assert "immutability trigger chronology_signed_no_update: missing" in breaks


def test_rewriting_a_chain_and_its_head_changes_the_profile_head(store: Store) -> None:
    ids = _two_cases(store)
    _rewrite_and_rehash(store, next(iter(ids)), also_heads=True)
    breaks = _breaks(store)
    assert any(b.startswith("profile head: changed (the case heads give 2 chains") for b in breaks)
    assert "immutability trigger chain_head_forward_only: missing" in breaks


def test_entries_beyond_the_head_and_a_chain_without_a_head_are_reported(store: Store) -> None:
    ids = _two_cases(store)
    first, second = list(ids)
    extra = store.read(lambda s: s.get(ChronologyEntry, ids[first][-1]))
    assert extra is not None
    extra_id, extra_prev = "00000000-0000-4000-8000-00000000abcd", extra.content_hash
    _behind_the_back(
        store,
        "DROP TRIGGER chronology_signed_head_ins",
        "INSERT INTO chronology_entry (id, case_id, entry_type, occurred_at, recorded_at, "
        "author_id, title, body, amends_id, amend_reason, signed_at, signed_by, chain_seq, "
        "prev_hash, content_hash, chain_device) SELECT :n, case_id, entry_type, occurred_at, "
        "recorded_at, author_id, title, 'A visit that never happened', NULL, '', signed_at, "
        "signed_by, 4, :p, :p, chain_device FROM chronology_entry WHERE id = :i",
        "DROP TRIGGER chain_head_no_delete",
        "DELETE FROM chain_head WHERE case_id = :s",
        n=extra_id,
        p=extra_prev,
        i=ids[first][-1],
        s=second,
    )
    breaks = _breaks(store)
    assert "case ATT-2026-00001: links 4 to 4 are beyond the chain's head (link 3)" in breaks
    assert (
        "case ATT-2026-00002: signed entries but no chain head: the chain was not signed by "
        "this application"
    ) in breaks
    assert any(b.startswith("profile head: changed") for b in breaks)


def test_an_edited_audit_row_is_reported(store: Store) -> None:
    _two_cases(store)
    _behind_the_back(
        store,
        "DROP TRIGGER audit_no_update",
        "UPDATE audit_event SET actor = 'someone else' WHERE seq = 2",
    )
    breaks = _breaks(store)
    assert "audit log, link 2: changed after it was written" in breaks
    assert "immutability trigger audit_no_update: missing" in breaks


def test_deleted_audit_rows_are_reported_in_the_middle_and_at_the_end(store: Store) -> None:
    _two_cases(store)
    last = store.read(lambda s: s.scalar(text("SELECT max(seq) FROM audit_event")))
    _behind_the_back(
        store,
        "DROP TRIGGER audit_no_delete",
        "DELETE FROM audit_event WHERE seq IN (3, 4)",
        f"DELETE FROM audit_event WHERE seq > {last - 2}",
    )
    breaks = _breaks(store)
    assert "audit log: links 3 to 4 are missing" in breaks
    assert (
        f"audit log: entries missing at the end: links {last - 1} to {last} "
        f"(its head is at link {last})"
    ) in breaks


def test_the_next_audit_entry_keeps_a_removed_tail_visible(store: Store) -> None:
    """The audit log follows its stored head, not its last row: writing on after a tail was
    removed does not heal the gap."""
    _two_cases(store)
    last = store.read(lambda s: s.scalar(text("SELECT max(seq) FROM audit_event")))
    _behind_the_back(
        store, "DROP TRIGGER audit_no_delete", f"DELETE FROM audit_event WHERE seq = {last}"
    )
    store.write_wait(lambda s: audit.record(s, "search"))
    assert f"audit log: links {last} to {last} are missing" in _breaks(store)


def test_an_altered_trigger_is_reported(store: Store) -> None:
    _two_cases(store, 1)
    _behind_the_back(
        store,
        "DROP TRIGGER chronology_signed_no_update",
        "CREATE TRIGGER chronology_signed_no_update BEFORE UPDATE ON chronology_entry "
        "WHEN OLD.signed_at IS NULL BEGIN SELECT 1; END",
    )
    assert _breaks(store) == ["immutability trigger chronology_signed_no_update: altered"]


def test_signing_refuses_once_a_chain_was_cut_and_nothing_is_signed(store: Store) -> None:
    """Fail closed: signing on in the cut case would bury the cut under a new head. Other
    cases go on (their signatures do not touch the cut chain's head, which still shows it)."""
    ids = _two_cases(store)
    first, second = list(ids)
    _behind_the_back(
        store,
        "DROP TRIGGER chronology_signed_no_delete",
        "DELETE FROM chronology_entry WHERE case_id = :c AND chain_seq = 3",
        c=first,
    )
    officer = store.read(lambda s: s.scalar(text("SELECT id FROM officer LIMIT 1")))
    with pytest.raises(EvidenceTampered, match="run officer-app verify"):
        store.write_wait(lambda s: signed_note(s, first, officer, "After the cut"))
    store.write_wait(lambda s: signed_note(s, second, officer, "Elsewhere"))
    bodies = store.read(
        lambda s: s.execute(
            text("SELECT count(*) FROM chronology_entry WHERE body = 'After the cut'")
        ).scalar()
    )
    assert bodies == 0
    assert (
        "case ATT-2026-00001: entries missing at the end of the chain: links 3 to 3 "
        "(its head is at link 3)"
    ) in _breaks(store)


def test_a_case_head_that_no_longer_matches_the_profile_head_refuses_signing(
    store: Store,
) -> None:
    ids = _two_cases(store)
    first, second = list(ids)
    # a head moved back consistently with a cut chain: the case itself looks whole
    entry = store.read(
        lambda s: s.execute(
            text("SELECT content_hash FROM chronology_entry WHERE case_id = :c AND chain_seq = 2"),
            {"c": first},
        ).scalar()
    )
    _behind_the_back(
        store,
        "DROP TRIGGER chronology_signed_no_delete",
        "DROP TRIGGER chain_head_forward_only",
        "DELETE FROM chronology_entry WHERE case_id = :c AND chain_seq = 3",
        f"UPDATE chain_head SET last_seq = 2, last_hash = '{entry}' WHERE case_id = :c",
        c=first,
    )
    officer = store.read(lambda s: s.scalar(text("SELECT id FROM officer LIMIT 1")))
    with pytest.raises(EvidenceTampered):
        store.write_wait(lambda s: signed_note(s, second, officer, "Elsewhere"))
    assert (
        store.read(
            lambda s: s.execute(
                text("SELECT count(*) FROM chronology_entry WHERE body = 'Elsewhere'")
            ).scalar()
        )
        == 0
    )  # the whole transaction was rolled back
    assert (
        store.read(lambda s: s.execute(text("SELECT count(*) FROM chain_head_pending")).scalar())
        == 0
    )
    assert any(b.startswith("profile head: changed") for b in _breaks(store))


def test_heads_cannot_be_deleted_or_moved_back(store: Store) -> None:
    _two_cases(store)
    with pytest.raises(IntegrityError, match="cannot be deleted"):
        store.write_wait(lambda s: s.execute(text("DELETE FROM chain_head")))
    with pytest.raises(IntegrityError, match="only moves forward"):
        store.write_wait(lambda s: s.execute(text("UPDATE chain_head SET last_seq = 1")))
    with pytest.raises(IntegrityError, match="cannot be deleted"):
        store.write_wait(lambda s: s.execute(text("DELETE FROM evidence_head")))
    for change in ["entries = 0", f"profile_hash = '{'0' * 64}'", f"audit_hash = '{'0' * 64}'"]:
        with pytest.raises(IntegrityError, match="only moves forward"):
            store.write_wait(lambda s, c=change: s.execute(text(f"UPDATE evidence_head SET {c}")))
    with pytest.raises(IntegrityError, match="must be chained"):
        store.write_wait(
            lambda s: s.execute(
                text("INSERT INTO audit_event (at, actor, action, entity_type, entity_id, detail)"
                     " VALUES ('2026-01-01T00:00:00+00:00', 'x', 'open', '', '', '{}')")
            )
        )  # fmt: skip
    assert _breaks(store) == []


def test_an_entry_signed_after_it_was_saved_moves_its_head(store: Store) -> None:
    """The head follows every way of signing: here an unsigned entry signed later (UPDATE)."""

    def work(session: Session) -> str:
        case_id, officer = seed_case(session)
        signed_note(session, case_id, officer, "First")
        entry = ChronologyEntry(
            case_id=case_id, entry_type="note", occurred_at=AT, recorded_at=AT,
            author_id=officer, title="Draft", body="Saved unsigned", amend_reason="",
        )  # fmt: skip
        session.add(entry)
        session.flush()
        return entry.id

    entry_id = store.write_wait(work)

    def sign_it(session: Session) -> None:
        entry = session.get(ChronologyEntry, entry_id)
        assert entry is not None
        evidence.sign(session, entry, by=str(entry.author_id), at=AT + dt.timedelta(hours=1))

    store.write_wait(sign_it)
    assert store.read(lambda s: s.scalar(select(ChainHead.last_seq))) == 2
    assert _breaks(store) == []


def test_the_command_line_says_tampering_in_one_line_and_exits_3(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Any command that would sign on tampered evidence stops with the one line, no
    traceback (exit 3, as verify's breaks)."""
    from officer_app import cli
    from officer_app.cli import verify
    from officer_app.store.heads import TAMPERED

    def refused(data_dir: Path, args: object) -> int:
        raise EvidenceTampered(TAMPERED)

    monkeypatch.setattr(verify, "run_verify", refused)
    assert cli.main(["--data-dir", str(tmp_path / "profile"), "verify"]) == 3
    err = capsys.readouterr().err
    assert err == f"officer-app: {TAMPERED}\n"


def test_a_changed_audit_head_is_reported(store: Store) -> None:
    _two_cases(store, 1)
    _behind_the_back(
        store,
        "DROP TRIGGER evidence_head_forward_only",
        f"UPDATE evidence_head SET audit_hash = '{'0' * 64}'",
    )
    last = store.read(lambda s: s.scalar(text("SELECT max(seq) FROM audit_event")))
    breaks = _breaks(store)
    assert f"audit log: link {last} is not the one its head recorded" in breaks
    assert "immutability trigger evidence_head_forward_only: missing" in breaks

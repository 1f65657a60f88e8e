"""One evidence chain per (case, device) (schema 0012): a profile seals into its own chain,
the legacy chain ("") and the profile head hash as before, and every chain verifies alone."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import uuid
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import select, text

from officer_app.domain.evidence import (
    GENESIS,
    content_hash,
    profile_head,
    signed_content_of,
)
from officer_app.services.verification import check_mark, verify_profile
from officer_app.store import evidence, migrate
from officer_app.store.database import Store
from officer_app.store.engine import for_writing, open_engine
from officer_app.store.models import ChronologyEntry, EvidenceHead, ProfileSetting
from tests.unit.store_helpers import seed_case, signed_note

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "schema"
KEY = hashlib.sha256(b"officer-app schema fixture").digest()
AT = dt.datetime(2026, 12, 1, 9, 30, tzinfo=dt.UTC)
BASE = {
    "id": "e1", "case_id": "c1", "entry_type": "note", "occurred_at": AT, "author_id": "o1",
    "title": "Visit", "body": "No reply", "amends_id": None, "amend_reason": "",
    "signed_at": AT, "signed_by": "o1", "chain_seq": 1,
}  # fmt: skip


# ---- the optional-field rule ----------------------------------------------------------------
def test_the_legacy_chain_is_not_sealed_so_old_hashes_stand() -> None:
    assert "chain_device" not in signed_content_of({**BASE, "chain_device": ""})
    assert signed_content_of({**BASE, "chain_device": ""}) == signed_content_of(BASE)
    assert content_hash(signed_content_of({**BASE, "chain_device": ""}), GENESIS) == content_hash(
        signed_content_of(BASE), GENESIS
    )


def test_a_device_chain_is_sealed_so_moving_an_entry_between_chains_breaks_it() -> None:
    sealed = signed_content_of({**BASE, "chain_device": "d1"})
    assert sealed["chain_device"] == "d1"
    other = signed_content_of({**BASE, "chain_device": "d2"})
    assert content_hash(sealed, GENESIS) != content_hash(other, GENESIS)
    assert content_hash(sealed, GENESIS) != content_hash(signed_content_of(BASE), GENESIS)


def test_an_empty_answer_is_still_sealed_only_the_chain_treats_empty_as_absent() -> None:
    assert signed_content_of({**BASE, "form_id": ""})["form_id"] == ""
    assert "form_id" not in signed_content_of({**BASE, "form_id": None})


def test_the_profile_head_of_legacy_chains_is_unchanged_and_devices_count() -> None:
    legacy = [("c1", 3, "a" * 64), ("c2", 1, "b" * 64)]
    assert profile_head(legacy) == profile_head([(c, "", s, h) for c, s, h in legacy])
    with_device = profile_head([*legacy, ("c1", "d1", 2, "c" * 64)])
    assert with_device[:2] == (3, 6)
    assert with_device[2] != profile_head([*legacy, ("c1", "d2", 2, "c" * 64)])[2]


# ---- a profile seals into its own chain -----------------------------------------------------
@pytest.fixture()
def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    s = Store.open(tmp_path / "c.db", os.urandom(32), actor="tester", create=True)
    yield s
    s.close()


def _device(store: Store) -> str:
    return store.read(lambda s: s.get_one(ProfileSetting, "chain_device").value)


def test_a_new_profile_has_its_own_chain_device(store: Store, tmp_path: Path) -> None:
    other = Store.open(tmp_path / "d.db", os.urandom(32), actor="tester", create=True)
    try:
        assert uuid.UUID(_device(store)) != uuid.UUID(_device(other))
    finally:
        other.close()


def test_signing_goes_into_this_profiles_chain_beside_another_devices(store: Store) -> None:
    device = _device(store)

    def work(session):  # type: ignore[no-untyped-def]
        case_id, officer_id = seed_case(session)
        signed_note(session, case_id, officer_id, "Mine 1")
        # an entry another device sealed at link 1 of its own chain, as a pull inserts it
        theirs = ChronologyEntry(
            case_id=case_id, entry_type="note", occurred_at=AT, recorded_at=AT,
            author_id=officer_id, title="Note", body="Theirs", amend_reason="",
            signed_at=AT, signed_by=officer_id,
        )  # fmt: skip
        evidence.seal_new_chain([theirs], device="other-device")
        session.add(theirs)
        session.flush()
        signed_note(session, case_id, officer_id, "Mine 2")
        return case_id

    case_id = store.write_wait(work)
    rows = store.read(
        lambda s: s.execute(
            select(
                ChronologyEntry.body, ChronologyEntry.chain_device, ChronologyEntry.chain_seq
            ).order_by(ChronologyEntry.chain_device, ChronologyEntry.chain_seq)
        ).all()
    )
    assert sorted(tuple(r) for r in rows) == sorted(
        [("Mine 1", device, 1), ("Mine 2", device, 2), ("Theirs", "other-device", 1)]
    )
    heads = store.read(
        lambda s: s.execute(
            text("SELECT chain_device, last_seq FROM chain_head WHERE case_id = :c"),
            {"c": case_id},
        ).all()
    )
    assert sorted(tuple(h) for h in heads) == sorted([(device, 2), ("other-device", 1)])
    assert store.read(evidence.verify) == (3, [])
    report = verify_profile(store)
    assert report.breaks == ()
    stored = store.read(lambda s: s.get_one(EvidenceHead, 1))
    assert (stored.chains, stored.entries) == (2, 3)


def test_the_mark_is_the_chain_signed_last_and_verify_head_finds_it(store: Store) -> None:
    def work(session):  # type: ignore[no-untyped-def]
        case_id, officer_id = seed_case(session)
        signed_note(session, case_id, officer_id, "Mine")
        theirs = ChronologyEntry(
            case_id=case_id, entry_type="note", occurred_at=AT, recorded_at=AT,
            author_id=officer_id, title="Note", body="Theirs, signed later", amend_reason="",
            signed_at=dt.datetime(2099, 1, 1, tzinfo=dt.UTC), signed_by=officer_id,
        )  # fmt: skip
        evidence.seal_new_chain([theirs], device="other-device")
        session.add(theirs)
        return case_id, theirs.content_hash

    case_id, theirs_hash = store.write_wait(work)
    mark = store.read(lambda s: evidence.chain_mark(s, case_id))
    assert mark is not None and (mark.link, mark.sha256) == (1, theirs_hash)
    assert check_mark(store, mark.check_code()).ok
    mine = store.read(
        lambda s: s.scalar(
            select(ChronologyEntry.content_hash).where(ChronologyEntry.body == "Mine")
        )
    )
    assert check_mark(store, f"{mark.reference}:1:{str(mine)[:16]}").ok  # same link, other chain


def test_an_entry_moved_to_another_chain_behind_the_back_is_found(store: Store) -> None:
    def work(session):  # type: ignore[no-untyped-def]
        case_id, officer_id = seed_case(session)
        return signed_note(session, case_id, officer_id, "Mine").id

    entry_id = store.write_wait(work)
    store.write_wait(
        lambda s: (
            s.execute(text("DROP TRIGGER chronology_signed_no_update")),
            s.execute(
                text("UPDATE chronology_entry SET chain_device = '' WHERE id = :i"), {"i": entry_id}
            ),
        )
    )
    _checked, breaks = store.read(evidence.verify)
    assert "content changed after signing" in {b.problem for b in breaks}


# ---- from schema 0011 -------------------------------------------------------------------------
def test_0012_keeps_every_hash_and_the_profile_head_of_a_0011_profile(tmp_path: Path) -> None:
    path = tmp_path / "caseload.db"
    shutil.copy(FIXTURES / "0007.db", path)
    engine = open_engine(path, KEY)
    cfg = migrate._config()
    with for_writing(engine).begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0011")
        hashes = conn.execute(
            text("SELECT id, content_hash FROM chronology_entry ORDER BY id")
        ).all()
        head_before = conn.execute(text("SELECT * FROM evidence_head")).one()
    engine.dispose()
    store = Store.open(path, KEY)
    try:
        assert migrate.current_revision(store.engine) == migrate.HEAD
        after = store.read(
            lambda s: s.execute(
                text("SELECT id, content_hash, chain_device FROM chronology_entry ORDER BY id")
            ).all()
        )
        assert [(i, h) for i, h, _ in after] == [tuple(r) for r in hashes]
        assert {d for _, _, d in after} == {""}
        assert store.read(lambda s: s.execute(text("SELECT * FROM evidence_head")).one()) == (
            head_before
        )
        assert verify_profile(store).breaks == ()
        device = _device(store)
        assert uuid.UUID(device)

        def sign(session):  # type: ignore[no-untyped-def]
            old = session.scalars(select(ChronologyEntry).limit(1)).one()
            new = ChronologyEntry(
                case_id=old.case_id, entry_type="note", occurred_at=old.occurred_at,
                recorded_at=old.recorded_at, author_id=old.author_id, title="After 0012",
                body="", amend_reason="",
            )  # fmt: skip
            evidence.sign(session, new, by=str(old.author_id), at=old.occurred_at)
            session.add(new)
            return new.chain_device, new.chain_seq, new.prev_hash

        assert store.write_wait(sign) == (device, 1, GENESIS)
        report = verify_profile(store)
        assert report.breaks == ()
        assert store.read(lambda s: s.get_one(EvidenceHead, 1).chains) == 2
    finally:
        store.close()

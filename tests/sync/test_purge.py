"""A case taken away from a device, or a device revoked, is purged from it (issue 14, §7.8, I9),
through the real central store: after the next sync the device holds no row of the case in
any table, its unpushed work was pushed first, rows still in a scope held stay, verify is
clean; a revoked device keeps an empty profile; a kill mid-purge leaves all or nothing."""

from __future__ import annotations

import contextlib
import io
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select, text

from officer_app.central import admin
from officer_app.central.app import create_app
from officer_app.central.db import Database, open_database
from officer_app.cli import main
from officer_app.security.keys import FAST_TEST_KDF
from officer_app.services.profile import OpenProfile
from officer_app.services.sync_device import enrol, sync_client
from officer_app.services.verification import verify_profile
from officer_app.store import evidence
from officer_app.store.models import (
    Base,
    Case,
    ChronologyEntry,
    OutboxMutation,
    ProfileSetting,
    PurgedCase,
    SyncEntityScope,
    SyncScope,
)
from officer_app.sync import protocol as p
from officer_app.sync.errors import SyncUnauthorised
from officer_app.sync.purge import ATTACHMENTS_DIR, PURGE_NOTE_SETTING, purge_scopes
from officer_app.sync.scoping import tracked_models
from tests.conftest import TEST_PASSPHRASE, MemoryKeyring

SERVER = "https://testserver"


class Central:
    def __init__(self, tmp_path: Path) -> None:
        self.url = f"sqlite:///{tmp_path / 'central.db'}"
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            assert main(["central", "--db", self.url, "demo", "--cases", "8", "--json"]) == 0
        self.users: list[dict[str, Any]] = json.loads(out.getvalue())["users"]
        self.database: Database = open_database(self.url)


@pytest.fixture()
def world(
    tmp_path: Path, keyring_backend: MemoryKeyring, clock: Any
) -> Iterator[tuple[Central, TestClient, OpenProfile, dict[str, Any]]]:
    central = Central(tmp_path)
    officer = max(
        (u for u in central.users if u["role"] == "officer"), key=lambda u: len(u["cases"])
    )
    assert len(officer["cases"]) >= 2
    with TestClient(create_app(central.database), base_url=SERVER) as client:
        done = enrol(
            tmp_path / "laptop", SERVER, officer["code"], TEST_PASSPHRASE, transport=client,
            backend=keyring_backend, kdf=FAST_TEST_KDF, clock=clock,
        )  # fmt: skip
        assert done.sync_error == "" and done.report is not None
        try:
            yield central, client, done.profile, officer
        finally:
            done.profile.lock()
            central.database.dispose()


def _case_id(opened: OpenProfile, reference: str) -> str:
    case_id = opened.store.read(
        lambda s: s.scalar(select(Case.id).where(Case.reference == reference))
    )
    assert case_id is not None
    return str(case_id)


def _sign_note(opened: OpenProfile, case_id: str) -> str:
    at = opened.store.clock.now()

    def work(session: Any) -> str:
        entry = ChronologyEntry(
            case_id=case_id, entry_type="note", occurred_at=at, recorded_at=at,
            author_id=opened.officer.id, title="Phone call", body="Mother called back.",
            amend_reason="",
        )  # fmt: skip
        evidence.sign(session, entry, by=opened.officer.id, at=at)
        session.add(entry)
        return str(entry.id)

    return opened.store.write_wait(work)


def _rows_naming(opened: OpenProfile, case_id: str) -> dict[str, int]:
    """Every table's rows that name the case (a case_id column, or the case's own row)."""

    def work(session: Any) -> dict[str, int]:
        counts = {}
        for table in Base.metadata.sorted_tables:
            if table.name == "purged_case":  # the record that it was purged, and when
                continue
            column = table.c.get("case_id")
            if table.name == "case_file":
                column = table.c.id
            if column is None:
                continue
            n = session.scalar(select(func.count()).select_from(table).where(column == case_id))
            if n:
                counts[table.name] = int(n)
        for name in ("sync_entity_scope", "sync_scope", "sync_conflict"):
            n = session.execute(
                text(f"SELECT count(*) FROM {name} WHERE scope_id = :s"),
                {"s": p.scope_of_case(case_id)},
            ).scalar()
            if n:
                counts[name] = int(n)
        return counts

    return opened.store.read(work)


def _count(opened: OpenProfile, table: str, **params: str) -> int:
    sql = text(f"SELECT count(*) FROM {table}")
    return int(opened.store.read(lambda s: s.execute(sql, params).scalar()) or 0)


def _refs(opened: OpenProfile) -> dict[tuple[str, str], set[str]]:
    refs: dict[tuple[str, str], set[str]] = {}
    for t, i, s in opened.store.read(
        lambda ss: ss.execute(
            select(SyncEntityScope.entity_type, SyncEntityScope.entity_id, SyncEntityScope.scope_id)
        ).all()
    ):
        refs.setdefault((t, i), set()).add(s)
    return refs


def _exists(opened: OpenProfile, keys: set[tuple[str, str]]) -> set[tuple[str, str]]:
    models = tracked_models()
    return {key for key in keys if opened.store.read(lambda s, k=key: s.get(models[k[0]], k[1]))}


def _all_ids(opened: OpenProfile) -> set[tuple[str, str]]:
    found: set[tuple[str, str]] = set()
    for name, model in tracked_models().items():
        ids = opened.store.read(lambda s, m=model: s.scalars(select(m.__table__.c.id)).all())
        found |= {(name, str(i)) for i in ids}
    return found


def test_a_case_reallocated_is_purged_after_its_unpushed_note_is_pushed(
    world: tuple[Central, TestClient, OpenProfile, dict[str, Any]],
) -> None:
    central, client, opened, officer = world
    reference = officer["cases"][0]
    case_id = _case_id(opened, reference)
    scope = p.scope_of_case(case_id)
    assert _rows_naming(opened, case_id)["chronology_entry"] > 0
    before = _refs(opened)
    # rows also in a scope still held (the LA's rows, a family shared with a sibling's case)
    shared = {key for key, scopes in before.items() if scope in scopes and scopes - {scope}}
    kept = {key for key, scopes in before.items() if scopes - {scope}}
    other = next(u for u in central.users if u["role"] == "officer" and u is not officer)

    note = _sign_note(opened, case_id)  # offline: not yet pushed
    admin.allocate(central.database, reference, other["id"])
    # asked to purge while the note is unpushed: postponed, nothing removed
    held = purge_scopes(opened.store, {scope})
    assert held.postponed == [scope] and held.rows == 0
    assert opened.store.read(lambda s: s.get(ChronologyEntry, note)) is not None

    report = sync_client(opened, client).run()

    assert scope in report.scopes_removed and report.purge_postponed == []
    # the note reached the central store before the purge: written after the deallocation,
    # it is kept there as an orphaned edit for the new owner (§7.8), so nothing is lost
    assert report.pushed == 1
    with central.database.engine.connect() as conn:
        kept_there = (
            conn.execute(text("SELECT kind FROM conflict WHERE entity_id = :i"), {"i": note})
            .scalars()
            .all()
        )
    assert kept_there == ["orphaned_edit"]
    assert _rows_naming(opened, case_id) == {}
    assert opened.store.read(lambda s: s.get(ChronologyEntry, note)) is None
    assert _exists(opened, kept) == kept  # every row still in a scope held stays
    assert _exists(opened, shared) == shared
    assert not _exists(opened, {k for k, v in before.items() if v == {scope}})
    assert opened.store.read(lambda s: s.get(PurgedCase, case_id)) is not None
    assert (
        opened.store.read(lambda s: s.scalars(select(OutboxMutation.entity_id)).all()).count(note)
        == 0
    )
    verified = verify_profile(opened.store)
    assert verified.breaks == ()
    # the next round does not bring it back, nor purge anything else
    again = sync_client(opened, client).run()
    assert again.purged == 0 and _rows_naming(opened, case_id) == {}
    assert verify_profile(opened.store).breaks == ()


def test_a_revoked_device_purges_everything_and_keeps_an_empty_profile(
    world: tuple[Central, TestClient, OpenProfile, dict[str, Any]],
) -> None:
    central, client, opened, _officer = world
    assert opened.store.read(lambda s: s.scalar(select(func.count()).select_from(Case))) >= 2
    blobs = opened.data_dir / ATTACHMENTS_DIR
    devices = admin.list_devices(central.database)
    assert all(admin.revoke_device(central.database, d.device_id) for d in devices)

    with pytest.raises(SyncUnauthorised) as caught:
        sync_client(opened, client).run()

    assert caught.value.revoked
    report = caught.value.report  # type: ignore[attr-defined]
    assert report.purged > 0 and report.purge_postponed == []
    assert _all_ids(opened) == {("officer", opened.officer.id)}
    assert opened.store.read(lambda s: s.scalars(select(SyncScope)).all()) == []
    note = opened.store.read(lambda s: s.get(ProfileSetting, PURGE_NOTE_SETTING))
    assert note is not None and "device_revoked" in note.value
    assert _count(opened, "sync_entity WHERE entity_id != :own", own=opened.officer.id) == 0
    for name in ("draft", "chain_head", "attendance_mark", "sync_conflict", "sync_entity_scope"):
        assert _count(opened, name) == 0
    assert not blobs.exists() or not any(blobs.iterdir())
    assert verify_profile(opened.store).breaks == ()


_CHILD = """
import json, sys, time
from pathlib import Path
from officer_app.services.profile import unlock_profile
from officer_app.sync import purge
from tests.conftest import MemoryKeyring, TEST_PASSPHRASE

folder, ready, scope = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
backend = MemoryKeyring()
backend.secrets.update({tuple(k): v for k, v in json.loads(sys.argv[4])})
opened = unlock_profile(folder, TEST_PASSPHRASE, backend=backend)
real = purge._reseal_profile_head

def paused(session):
    real(session)
    ready.write_text("rows deleted, not committed")
    time.sleep(120)

purge._reseal_profile_head = paused
purge.purge_scopes(opened.store, {scope})
"""


def test_a_purge_killed_midway_leaves_everything_and_then_completes(
    world: tuple[Central, TestClient, OpenProfile, dict[str, Any]],
    tmp_path: Path,
    keyring_backend: MemoryKeyring,
    clock: Any,
) -> None:
    from officer_app.services.profile import unlock_profile

    _central, _client, opened, officer = world
    case_id = _case_id(opened, officer["cases"][0])
    scope = p.scope_of_case(case_id)
    before = _rows_naming(opened, case_id)
    ids_before = _all_ids(opened)
    folder = opened.data_dir
    opened.lock()
    ready = tmp_path / "ready"
    secrets = json.dumps([[list(k), v] for k, v in keyring_backend.secrets.items()])
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(root)}
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(folder), str(ready), scope, secrets],
        cwd=root,
        env=env,
    )
    try:
        deadline = time.monotonic() + 120
        while not ready.exists():
            assert child.poll() is None, "the purging process ended before the pause"
            assert time.monotonic() < deadline
            time.sleep(0.05)
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            os.kill(child.pid, signal.SIGKILL)
    assert child.returncode == -signal.SIGKILL

    again = unlock_profile(folder, TEST_PASSPHRASE, backend=keyring_backend, clock=clock)
    try:
        assert _rows_naming(again, case_id) == before  # nothing was removed
        assert _all_ids(again) == ids_before
        assert _count(again, "purge_marker") == 0
        assert verify_profile(again.store).breaks == ()
        done = purge_scopes(again.store, {scope})
        assert done.purged == [scope] and done.rows > 0
        assert _rows_naming(again, case_id) == {}
        assert verify_profile(again.store).breaks == ()
    finally:
        again.lock()


def test_the_evidence_stays_protected_outside_a_purge(
    world: tuple[Central, TestClient, OpenProfile, dict[str, Any]],
) -> None:
    _central, _client, opened, officer = world
    case_id = _case_id(opened, officer["cases"][0])
    with pytest.raises(Exception, match="signed evidence cannot be deleted"):
        opened.store.write_wait(
            lambda s: s.execute(
                text("DELETE FROM chronology_entry WHERE case_id = :c AND signed_at IS NOT NULL"),
                {"c": case_id},
            )
        )
    # a marker naming another case opens nothing of this one
    with pytest.raises(Exception, match="signed evidence cannot be deleted"):
        opened.store.write_wait(
            lambda s: (
                s.execute(text("INSERT INTO purge_marker (case_id) VALUES ('another')")),
                s.execute(
                    text(
                        "DELETE FROM chronology_entry WHERE case_id = :c AND signed_at IS NOT NULL"
                    ),
                    {"c": case_id},
                ),
            )
        )
    assert _rows_naming(opened, case_id)["chronology_entry"] > 0

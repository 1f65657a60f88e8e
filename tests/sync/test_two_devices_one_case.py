"""Two devices sign on one case offline and both sync through the real central store: each
sealed into its own chain on the case (schema 0012), so neither forks the other; afterwards
both hold both entries, both verify clean, the store holds both chain heads, no conflict."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import select, text

from officer_app.central.app import create_app
from officer_app.central.db import open_database
from officer_app.cli import main
from officer_app.security.keys import FAST_TEST_KDF
from officer_app.services.profile import OpenProfile
from officer_app.services.sync_device import enrol, sync_client
from officer_app.services.verification import verify_profile
from officer_app.store import evidence
from officer_app.store.models import Case, ChronologyEntry, ProfileSetting, SyncConflict
from officer_app.sync import protocol as p
from tests.conftest import TEST_PASSPHRASE, MemoryKeyring

SERVER = "https://testserver"


def _sign_note(opened: OpenProfile, case_id: str, body: str) -> str:
    at = opened.store.clock.now()

    def work(session):  # type: ignore[no-untyped-def]
        entry = ChronologyEntry(
            case_id=case_id, entry_type="note", occurred_at=at, recorded_at=at,
            author_id=opened.officer.id, title="Phone call", body=body, amend_reason="",
        )  # fmt: skip
        evidence.sign(session, entry, by=opened.officer.id, at=at)
        session.add(entry)
        return entry.id

    return opened.store.write_wait(work)


def _entries(opened: OpenProfile, ids: list[str]) -> list[tuple[str, str]]:
    rows = opened.store.read(
        lambda s: s.execute(
            select(ChronologyEntry.id, ChronologyEntry.chain_device).where(
                ChronologyEntry.id.in_(ids)
            )
        ).all()
    )
    return sorted((str(i), str(d)) for i, d in rows)


def _device(opened: OpenProfile) -> str:
    return opened.store.read(lambda s: s.get_one(ProfileSetting, "chain_device").value)


def test_an_officer_and_their_supervisor_signing_one_case_offline_both_arrive(
    tmp_path: Path, keyring_backend: MemoryKeyring, clock: Any
) -> None:
    url = f"sqlite:///{tmp_path / 'central.db'}"
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["central", "--db", url, "demo", "--cases", "4", "--json"]) == 0
    users = json.loads(out.getvalue())["users"]
    officer = next(u for u in users if u["role"] == "officer" and u["cases"])
    supervisor = next(u for u in users if u["role"] == "supervisor")
    database = open_database(url)
    opened: list[OpenProfile] = []
    try:
        with TestClient(create_app(database), base_url=SERVER) as client:
            for who, user in (("officer", officer), ("supervisor", supervisor)):
                done = enrol(
                    tmp_path / who, SERVER, user["code"], TEST_PASSPHRASE, transport=client,
                    backend=keyring_backend, kdf=FAST_TEST_KDF, clock=clock,
                )  # fmt: skip
                opened.append(done.profile)
                # every row of the caseload arrived (the LA's rows first, a case's after them)
                assert done.report is not None and done.report.conflicts_stored == 0
                assert done.sync_error == ""
            mine, theirs = opened
            reference = officer["cases"][0]
            case_id = mine.store.read(
                lambda s: s.scalar(select(Case.id).where(Case.reference == reference))
            )
            assert case_id is not None
            assert theirs.store.read(lambda s: s.get(Case, case_id)) is not None  # team's case
            assert _device(mine) != _device(theirs)

            # both offline: each signs the next entry on the case
            a = _sign_note(mine, case_id, "Mother says he will be in on Monday.")
            b = _sign_note(theirs, case_id, "Supervisor: agreed a home visit this week.")

            # then each syncs (the second pushes onto a case the first has extended)
            for profile in (mine, theirs, mine):
                report = sync_client(profile, client).run()
                assert report.conflicts_stored == 0

            chains = sorted([(a, _device(mine)), (b, _device(theirs))])
            for profile in opened:
                assert _entries(profile, [a, b]) == chains
                report = verify_profile(profile.store)
                assert report.breaks == ()
                assert profile.store.read(lambda s: s.scalars(select(SyncConflict)).all()) == []
            heads = client.get(
                f"{p.PREFIX}/heads",
                headers={
                    p.HEADER_PROTOCOL: str(p.PROTOCOL_VERSION),
                    p.HEADER_APP_VERSION: "1.0",
                    "Authorization": f"Bearer {_credential(mine, keyring_backend)}",
                },
            ).json()["heads"]
            ours = {(h["chain_device"], h["seq"]) for h in heads if h["case_id"] == case_id}
            assert {(_device(mine), 1), (_device(theirs), 1)} <= ours
        with database.engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM conflict")).scalar() == 0
    finally:
        for profile in opened:
            profile.lock()
        database.dispose()


def _credential(opened: OpenProfile, backend: MemoryKeyring) -> str:
    from officer_app.security import keys as keyfile
    from officer_app.sync.credentials import load_credential

    return load_credential(keyfile.read_key_file(opened.data_dir).profile_id, backend)

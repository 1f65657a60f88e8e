"""Attachments' files travel by content hash through the real central store (issue 14 point 4):
a device enrolling receives the files of its cases' letters and packs, a file added on one
device reaches another, both verify clean; an upload cut off part-way resumes from the
server's offset and the store keeps one copy; a file that is not its hash's is never stored;
and the data of a round never waits on a file."""

from __future__ import annotations

import contextlib
import io
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select, update

from officer_app.central.app import create_app
from officer_app.central.db import Database, open_database
from officer_app.central.tables import blob, blob_chunk
from officer_app.cli import main
from officer_app.security.keys import FAST_TEST_KDF
from officer_app.services.attachment_files import census
from officer_app.services.profile import OpenProfile
from officer_app.services.sync_device import enrol, sync_client
from officer_app.store.models import Case
from officer_app.sync.blobs import BlobSync, HttpxBlobTransport
from officer_app.sync.client import SyncClient
from officer_app.sync.transport import HttpxTransport, TransportError
from tests.conftest import TEST_PASSPHRASE, MemoryKeyring

SERVER = "https://testserver"


@dataclass
class Team:
    database: Database
    client: TestClient
    officer: OpenProfile
    supervisor: OpenProfile
    case_id: str  # one of the officer's cases (the supervisor holds it too)


@pytest.fixture()
def team(tmp_path: Path, keyring_backend: MemoryKeyring, clock: Any) -> Iterator[Team]:
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
                assert done.report is not None, done.sync_error
                assert done.report.file_failures == []
            reference = officer["cases"][0]
            case_id = opened[0].store.read(
                lambda s: s.scalar(select(Case.id).where(Case.reference == reference))
            )
            yield Team(database, client, opened[0], opened[1], case_id)
    finally:
        for profile in opened:
            profile.lock()
        database.dispose()


def _missing(profile: OpenProfile) -> int:
    return len(census(profile.store, profile.data_dir).missing)


def _stored(database: Database, sha256: str) -> tuple[int, int]:
    with database.engine.connect() as conn:
        rows = conn.execute(select(func.count()).select_from(blob).where(blob.c.sha256 == sha256))
        size = conn.execute(
            select(func.coalesce(func.sum(func.length(blob_chunk.c.data)), 0)).where(
                blob_chunk.c.sha256 == sha256
            )
        )
        return int(rows.scalar_one()), int(size.scalar_one())


def test_a_file_added_on_one_device_reaches_the_other_and_both_verify_clean(team: Team) -> None:
    # enrolling brought the files of the demo's letters and packs: nothing missing
    for profile in (team.officer, team.supervisor):
        found = census(profile.store, profile.data_dir)
        assert found.blobs > 0 and found.missing == ()
    data = b"%PDF-1.7 a scan of the signed parenting contract\n" * 2000
    added = team.officer.attachments.add_bytes(
        team.case_id, data, filename="contract.pdf", media_type="application/pdf"
    )
    sent = sync_client(team.officer, team.client).run()
    assert (sent.files_uploaded, sent.file_failures) == (1, [])
    received = sync_client(team.supervisor, team.client).run()
    assert (received.files_downloaded, received.file_failures) == (1, [])
    assert team.supervisor.attachments.open(added.id) == data  # checked against its hash
    for profile in (team.officer, team.supervisor):
        assert _missing(profile) == 0
        again = sync_client(profile, team.client).run()  # nothing more to move
        assert (again.files_uploaded, again.files_downloaded, again.files_waiting) == (0, 0, 0)
    assert _stored(team.database, added.sha256) == (1, len(data))


class Dropping:
    """A transport to the real app that loses the connection: the ``drop_after``-th PATCH
    reaches the server but its answer never comes back, and (``dead``) nothing after it
    gets through."""

    def __init__(self, inner: HttpxTransport, *, drop_after: int, dead: bool) -> None:
        self.inner, self.raw = inner, HttpxBlobTransport(inner)
        self.drop_after, self.dead = drop_after, dead
        self.patches, self.patched_bytes, self.cut = 0, 0, False

    def post(self, path: str, json: Any) -> tuple[int, Any]:
        return self.inner.post(path, json)

    def get(self, path: str) -> tuple[int, Any]:
        return self.inner.get(path)

    def send(
        self,
        method: str,
        path: str,
        *,
        headers: Mapping[str, str] | None = None,
        content: bytes | None = None,
    ) -> tuple[int, Mapping[str, str], bytes]:
        if self.cut and self.dead:
            raise TransportError("the connection dropped")
        answer = self.raw.send(method, path, headers=headers, content=content)
        if method == "PATCH":
            self.patches += 1
            self.patched_bytes += len(content or b"")
            if self.patches == self.drop_after:
                self.cut = True
                raise TransportError("the connection dropped")
        return answer


def _transport(profile: OpenProfile, team: Team) -> HttpxTransport:
    made = sync_client(profile, team.client).transport
    assert isinstance(made, HttpxTransport)
    return made


def test_an_upload_cut_off_part_way_resumes_where_the_server_is_and_one_copy_is_kept(
    team: Team,
) -> None:
    data = bytes(range(256)) * 4096  # 1 MiB: sixteen chunks of 64 KiB
    added = team.officer.attachments.add_bytes(team.case_id, data, filename="photo.jpg")
    sync_client(team.officer, team.client).run()  # the row goes up; the file too, unless…
    with team.database.engine.begin() as conn:  # …it is not there: start from nothing
        conn.execute(blob_chunk.delete().where(blob_chunk.c.sha256 == added.sha256))
        conn.execute(blob.delete().where(blob.c.sha256 == added.sha256))
    files = sync_client(team.officer, team.client).files
    assert files is not None
    chunk = 64 * 1024

    # In one round: the fifth chunk's answer is lost; the client asks where the server is and
    # goes on from there (the fifth chunk is not sent twice).
    dropping = Dropping(_transport(team.officer, team), drop_after=5, dead=False)
    tally = BlobSync(team.officer.store, dropping, files, chunk_size=chunk).run()
    assert (tally.uploaded, tally.failed) == (1, [])
    assert dropping.patched_bytes == len(data)
    assert _stored(team.database, added.sha256) == (1, len(data))

    # Across rounds: the connection dies after the third chunk. The round's data still syncs,
    # the file is reported; the next round sends only what the server does not have.
    with team.database.engine.begin() as conn:
        conn.execute(blob_chunk.delete().where(blob_chunk.c.sha256 == added.sha256))
        conn.execute(blob.delete().where(blob.c.sha256 == added.sha256))
    dead = Dropping(_transport(team.officer, team), drop_after=3, dead=True)
    cut = BlobSync(team.officer.store, dead, files, chunk_size=chunk).run()
    assert cut.uploaded == 0 and len(cut.failed) == 1 and "next round" in cut.failed[0]
    assert _stored(team.database, added.sha256) == (1, 3 * chunk)
    report = SyncClient(team.officer.store, dead, files=files).run()  # data first, still fine
    assert report.file_failures and report.server_time  # the round itself succeeded
    resumed = Dropping(_transport(team.officer, team), drop_after=0, dead=False)
    done = BlobSync(team.officer.store, resumed, files, chunk_size=chunk).run()
    assert (done.uploaded, done.failed) == (1, [])
    assert resumed.patched_bytes == len(data) - 3 * chunk
    assert _stored(team.database, added.sha256) == (1, len(data))
    received = sync_client(team.supervisor, team.client).run()
    assert received.files_downloaded == 1
    assert team.supervisor.attachments.open(added.id) == data


def test_a_file_that_is_not_its_hashs_is_never_stored_and_is_tried_again(team: Team) -> None:
    data = b"a photo of the front door" * 1000
    added = team.officer.attachments.add_bytes(team.case_id, data, filename="door.jpg")
    assert sync_client(team.officer, team.client).run().files_uploaded == 1
    with team.database.engine.begin() as conn:  # the store's copy damaged
        conn.execute(update(blob_chunk).values(data=b"X" * len(data)).where(
            blob_chunk.c.sha256 == added.sha256))  # fmt: skip
    refused = sync_client(team.supervisor, team.client).run()
    assert refused.files_downloaded == 0
    assert [f for f in refused.file_failures if added.id in f and "hash" in f]
    assert _missing(team.supervisor) == 1  # nothing written for it
    with team.database.engine.begin() as conn:
        conn.execute(update(blob_chunk).values(data=data).where(
            blob_chunk.c.sha256 == added.sha256))  # fmt: skip
    assert sync_client(team.supervisor, team.client).run().files_downloaded == 1
    assert _missing(team.supervisor) == 0


def test_a_device_without_the_raw_side_of_the_transport_syncs_data_only(team: Team) -> None:
    inner = _transport(team.officer, team)

    class JsonOnly:
        def post(self, path: str, json: Any) -> tuple[int, Any]:
            return inner.post(path, json)

        def get(self, path: str) -> tuple[int, Any]:
            return inner.get(path)

    team.officer.attachments.add_bytes(team.case_id, b"note", filename="n.txt")
    files = sync_client(team.officer, team.client).files
    report = SyncClient(team.officer.store, JsonOnly(), files=files).run()
    assert report.pushed == 1 and report.files_uploaded == 0 and report.file_failures == []

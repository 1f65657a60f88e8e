"""Enrolment: a profile for the server's user, the credential only in the OS key store, then a
first sync; plain http refused unless loopback or --insecure."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from officer_app.security.keys import FAST_TEST_KDF
from officer_app.services.profile import ProfileError, unlock_profile
from officer_app.services.sync_device import enrol, sync_client
from officer_app.store.models import OutboxMutation, ProfileSetting
from officer_app.sync.enrol import InsecureServer, check_server_url
from tests.conftest import TEST_PASSPHRASE, MemoryKeyring
from tests.sync.fake_server import FakeServer

URL = "https://central.example.org"


def test_enrolment_makes_the_users_profile_and_keeps_the_credential_only_in_the_keyring(
    tmp_path: Path, keyring_backend: MemoryKeyring, clock
) -> None:  # type: ignore[no-untyped-def]
    server = FakeServer(user_id="user-42")
    data_dir = tmp_path / "profile"
    done = enrol(
        data_dir, URL, " CODE-1 ", TEST_PASSPHRASE,
        transport=server, backend=keyring_backend, kdf=FAST_TEST_KDF, clock=clock,
    )  # fmt: skip
    opened = done.profile
    try:
        assert done.report is not None and done.sync_error == ""
        assert opened.officer.id == "user-42" and opened.officer.initials == "DO"
        paths = [path for path, _ in server.requests]
        assert paths == ["/sync/v1/enrol", "/sync/v1/hello", "/sync/v1/pull"]
        assert server.requests[0][1]["code"] == "CODE-1"
        # the officer's own row is the server's: its creation is never pushed
        states = opened.store.read(lambda s: s.scalars(select(OutboxMutation.state)).all())
        assert "pending" not in states
        settings = opened.store.read(
            lambda s: dict(s.execute(select(ProfileSetting.key, ProfileSetting.value)).all())
        )
        assert settings["sync_server_url"] == URL and settings["sync_device_id"] == "device-1"
        assert settings["sync_la_id"] == "la-1" and settings["sync_last_success"]
        credential = server.enrol_credential
        assert credential not in settings.values()
        assert [v for v in keyring_backend.secrets.values() if v == credential] == [credential]
    finally:
        opened.lock()
    for path in data_dir.rglob("*"):
        if path.is_file():
            assert credential.encode() not in path.read_bytes(), path.name
    # a later sync finds it in the key store
    reopened = unlock_profile(data_dir, TEST_PASSPHRASE, backend=keyring_backend, clock=clock)
    try:
        sync_client(reopened, server).run()
    finally:
        reopened.lock()


def test_an_existing_profile_is_refused_before_the_code_is_used(
    demo_dir: Path, keyring_backend: MemoryKeyring
) -> None:
    server = FakeServer()
    with pytest.raises(ProfileError):
        enrol(demo_dir, URL, "CODE", TEST_PASSPHRASE, transport=server, backend=keyring_backend)
    assert server.requests == []


def test_plain_http_is_refused_except_on_this_machine_or_when_insecure() -> None:
    with pytest.raises(InsecureServer, match="not https"):
        check_server_url("http://central.example.org")
    assert check_server_url("http://127.0.0.1:8000/") == "http://127.0.0.1:8000"
    assert check_server_url("http://localhost:8000") == "http://localhost:8000"
    assert check_server_url("http://10.0.0.5", insecure=True) == "http://10.0.0.5"
    with pytest.raises(InsecureServer):
        check_server_url("ftp://central.example.org")

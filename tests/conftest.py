"""Shared fixtures. Qt runs offscreen; keys live in an in-memory keyring; profiles use a fast
key derivation (the real Argon2id cost is measured in bench/, not paid by every test)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("LANG", "C.UTF-8")

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

from officer_app.clock import FixedClock

TEST_PASSPHRASE = "correct horse battery staple"
DEMO_TODAY = dt.date(2026, 11, 20)
DEMO_NOW = dt.datetime(2026, 11, 20, 10, 30, tzinfo=dt.UTC)
DEMO_CASES = 30


class MemoryKeyring(KeyringBackend):
    """A keyring that forgets everything when the test ends: no OS keychain prompts."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.secrets.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


@pytest.fixture()
def keyring_backend() -> Iterator[MemoryKeyring]:
    backend = MemoryKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


@pytest.fixture()
def clock() -> FixedClock:
    return FixedClock(DEMO_NOW)


def make_profile(data_dir: Path, backend: KeyringBackend, cases: int, clock: FixedClock):  # type: ignore[no-untyped-def]
    from officer_app.demo import DEMO_OFFICER_NAME, populate
    from officer_app.security.keys import FAST_TEST_KDF
    from officer_app.services.profile import create_profile

    opened = create_profile(
        data_dir,
        TEST_PASSPHRASE,
        officer_name=DEMO_OFFICER_NAME,
        officer_initials="DO",
        kdf=FAST_TEST_KDF,
        backend=backend,
        clock=clock,
    )

    def work(session):  # type: ignore[no-untyped-def]
        session.info["untracked"] = True
        return populate(session, cases=cases, seed=1, today=clock.today())

    opened.store.write_wait(work)
    return opened


@pytest.fixture(scope="session")
def _demo_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, MemoryKeyring]:
    backend = MemoryKeyring()
    folder = tmp_path_factory.mktemp("template") / "profile"
    opened = make_profile(folder, backend, DEMO_CASES, FixedClock(DEMO_NOW))
    opened.lock()
    return folder, backend


@pytest.fixture()
def demo_dir(
    _demo_template: tuple[Path, MemoryKeyring], tmp_path: Path, keyring_backend: MemoryKeyring
) -> Path:
    """A copy of a small locked demo profile, its device secret in this test's keyring."""
    template, template_backend = _demo_template
    keyring_backend.secrets.update(template_backend.secrets)
    target = tmp_path / "profile"
    shutil.copytree(template, target)
    return target


@pytest.fixture()
def demo_profile(demo_dir: Path, keyring_backend: MemoryKeyring, clock: FixedClock):  # type: ignore[no-untyped-def]
    """An unlocked demo profile of 30 cases; locked again when the test ends."""
    from officer_app.services.profile import unlock_profile

    opened = unlock_profile(demo_dir, TEST_PASSPHRASE, backend=keyring_backend, clock=clock)
    yield opened
    opened.lock()

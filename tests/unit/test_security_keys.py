"""The profile key: the passphrase and this laptop's device secret unwrap it; nothing else does."""
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import base64
import json
import os
import sys
from pathlib import Path

import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail, null
from keyring.errors import PasswordSetError

from officer_app.security import keys
from officer_app.security.errors import SecurityError
from tests.conftest import MemoryKeyring

PASS = "correct horse battery staple"
NEW_PASS = "a brand new passphrase"


class LockedKeyring(MemoryKeyring):
    def set_password(self, service: str, username: str, password: str) -> None:
        raise PasswordSetError("locked")


class FakeClock:
    def __init__(self, now: float = 1_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


class Made:
    def __init__(self, folder: Path, backend: MemoryKeyring, profile_id: str, master: bytearray):
        self.folder = folder
        self.backend = backend
        self.profile_id = profile_id
        self.master = bytes(master)


@pytest.fixture()
def made(tmp_path: Path) -> Made:
    backend = MemoryKeyring()
    folder = tmp_path / "profile"
    profile_id, master = keys.create_profile_key(
        folder, PASS, kdf=keys.FAST_TEST_KDF, backend=backend
    )
    return Made(folder, backend, profile_id, master)


def _unlock(made: Made, passphrase: str = PASS, clock: FakeClock | None = None) -> bytearray:
    return keys.unwrap_master_key(
        made.folder, passphrase, backend=made.backend, clock=clock or FakeClock()
    )


# --- unlocking -------------------------------------------------------------------------------


def test_the_right_passphrase_unwraps_the_same_key(made: Made) -> None:
    master = _unlock(made)
    assert isinstance(master, bytearray)
    assert len(master) == 32
    assert master == made.master
    assert keys.read_key_file(made.folder).device_secret_in_keyring is True


def test_each_profile_gets_its_own_random_key(tmp_path: Path) -> None:
    backend = MemoryKeyring()
    a = keys.create_profile_key(tmp_path / "a", PASS, kdf=keys.FAST_TEST_KDF, backend=backend)
    b = keys.create_profile_key(tmp_path / "b", PASS, kdf=keys.FAST_TEST_KDF, backend=backend)
    assert a[0] != b[0] and a[1] != b[1]


def test_the_key_file_holds_no_key_material_and_no_passphrase(made: Made) -> None:
    data = (made.folder / keys.KEY_FILE).read_bytes()
    device_secret = made.backend.secrets[("officer-app", f"device-secret:{made.profile_id}")]
    for secret in (made.master, base64.b64decode(device_secret)):
        assert secret not in data
        assert secret.hex().encode() not in data
        assert base64.b64encode(secret) not in data
    assert device_secret.encode() not in data
    assert PASS.encode() not in data
    raw = json.loads(data)
    assert set(raw) == {
        "format",
        "profile_id",
        "salt",
        "kdf",
        "nonce",
        "wrapped_key",
        "device_secret_in_keyring",
        "created_at",
    }
    assert len(base64.b64decode(raw["salt"])) == 16
    assert raw["kdf"] == {"time_cost": 1, "memory_kib": 1024, "parallelism": 1}


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_the_key_file_is_private_and_written_without_leftovers(made: Made) -> None:
    assert (made.folder / keys.KEY_FILE).stat().st_mode & 0o777 == 0o600
    assert sorted(p.name for p in made.folder.iterdir()) == [keys.KEY_FILE]


def test_wrong_passphrases_wait_longer_and_longer(made: Made) -> None:
    clock = FakeClock()
    delays = []
    for attempt in range(1, 6):
        with pytest.raises(keys.WrongPassphrase) as refused:
            _unlock(made, "not the passphrase", clock)
        assert refused.value.attempts == attempt
        delays.append(refused.value.retry_after)
        clock.now += refused.value.retry_after / 2
        with pytest.raises(keys.TooSoon) as early:  # even the right one must wait
            _unlock(made, PASS, clock)
        assert early.value.seconds_left == pytest.approx(refused.value.retry_after / 2)
        clock.now += refused.value.retry_after / 2
    assert delays == [0.5, 1.0, 2.0, 4.0, 8.0]


def test_the_delay_is_capped_at_thirty_seconds(made: Made) -> None:
    clock = FakeClock()
    delays = []
    for _ in range(12):
        with pytest.raises(keys.WrongPassphrase) as refused:
            _unlock(made, "wrong wrong wrong", clock)
        delays.append(refused.value.retry_after)
        clock.now += refused.value.retry_after
    assert delays[-1] == 30.0 and max(delays) == 30.0
    assert delays[:7] == [0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 30.0]


def test_success_resets_the_count(made: Made) -> None:
    clock = FakeClock()
    for _ in range(3):
        with pytest.raises(keys.WrongPassphrase) as refused:
            _unlock(made, "wrong wrong wrong", clock)
        clock.now += refused.value.retry_after
    assert _unlock(made, PASS, clock) == made.master
    with pytest.raises(keys.WrongPassphrase) as again:
        _unlock(made, "wrong wrong wrong", clock)
    assert again.value.attempts == 1
    assert again.value.retry_after == 0.5


def test_the_wait_survives_a_restart_but_not_a_clock_jump_backwards(made: Made) -> None:
    clock = FakeClock()
    with pytest.raises(keys.WrongPassphrase):
        _unlock(made, "wrong wrong wrong", clock)
    state = json.loads((made.folder / keys.STATE_FILE).read_text())
    assert state["failed_attempts"] == 1
    with pytest.raises(keys.TooSoon):  # a fresh call (a restarted app) reads the same state
        keys.unwrap_master_key(made.folder, PASS, backend=made.backend, clock=FakeClock())
    clock.now -= 10 * 365 * 24 * 3600  # the laptop's clock was set back ten years
    with pytest.raises(keys.TooSoon) as early:
        _unlock(made, PASS, clock)
    assert early.value.seconds_left <= keys.MAX_DELAY_S
    clock.now += keys.MAX_DELAY_S
    assert _unlock(made, PASS, clock) == made.master


def test_messages_never_contain_the_passphrase_or_key(made: Made) -> None:
    clock = FakeClock()
    guess = "my secret guess 12345"
    messages = []
    with pytest.raises(keys.WrongPassphrase) as refused:
        _unlock(made, guess, clock)
    messages.append(str(refused.value))
    with pytest.raises(keys.TooSoon) as early:
        _unlock(made, PASS, clock)
    messages.append(str(early.value))
    clock.now += 100
    with pytest.raises(keys.DeviceSecretMissing) as missing:
        keys.unwrap_master_key(made.folder, PASS, backend=MemoryKeyring(), clock=clock)
    messages.append(str(missing.value))
    for message in messages:
        assert guess not in message and PASS not in message
        assert made.master.hex() not in message
    assert all(isinstance(e, SecurityError) for e in (refused.value, early.value, missing.value))


# --- the device secret -----------------------------------------------------------------------


def test_a_missing_device_secret_is_refused(made: Made) -> None:
    made.backend.secrets.clear()
    with pytest.raises(keys.DeviceSecretMissing, match="does not hold the device secret"):
        _unlock(made)


def test_a_damaged_device_secret_is_refused(made: Made) -> None:
    name = ("officer-app", f"device-secret:{made.profile_id}")
    made.backend.secrets[name] = "not base64!"
    with pytest.raises(keys.DeviceSecretMissing, match="damaged"):
        _unlock(made)


def test_a_copied_profile_does_not_open_on_another_laptop(made: Made, tmp_path: Path) -> None:
    copy = tmp_path / "usb-stick"
    copy.mkdir()
    (copy / keys.KEY_FILE).write_bytes((made.folder / keys.KEY_FILE).read_bytes())
    other_laptop = MemoryKeyring()
    with pytest.raises(keys.DeviceSecretMissing):
        keys.unwrap_master_key(copy, PASS, backend=other_laptop, clock=FakeClock())
    # and pretending the profile never used a key store does not help either
    raw = json.loads((copy / keys.KEY_FILE).read_text())
    raw["device_secret_in_keyring"] = False
    (copy / keys.KEY_FILE).write_text(json.dumps(raw))
    with pytest.raises(keys.WrongPassphrase):
        keys.unwrap_master_key(copy, PASS, backend=other_laptop, clock=FakeClock())


@pytest.mark.parametrize("backend", [fail.Keyring(), null.Keyring()], ids=["fail", "null"])
def test_without_a_key_store_the_passphrase_alone_protects(
    tmp_path: Path, backend: KeyringBackend
) -> None:
    _, master = keys.create_profile_key(tmp_path, PASS, kdf=keys.FAST_TEST_KDF, backend=backend)
    assert keys.read_key_file(tmp_path).device_secret_in_keyring is False
    assert keys.unwrap_master_key(tmp_path, PASS, backend=backend, clock=FakeClock()) == master
    with pytest.raises(keys.WrongPassphrase):
        keys.unwrap_master_key(tmp_path, "wrong wrong", backend=backend, clock=FakeClock())


def test_a_key_store_that_refuses_the_secret_stops_creation(tmp_path: Path) -> None:
    with pytest.raises(keys.KeyStoreError):
        keys.create_profile_key(tmp_path, PASS, kdf=keys.FAST_TEST_KDF, backend=LockedKeyring())
    assert not keys.profile_exists(tmp_path)


def test_forgetting_the_device_secret_locks_the_profile_for_good(made: Made) -> None:
    keys.forget_device_secret(made.profile_id, backend=made.backend)
    assert made.backend.secrets == {}
    keys.forget_device_secret(made.profile_id, backend=made.backend)  # twice is harmless
    keys.forget_device_secret(made.profile_id, backend=fail.Keyring())
    with pytest.raises(keys.DeviceSecretMissing):
        _unlock(made)


# --- creating, reading ------------------------------------------------------------------------


@pytest.mark.parametrize("weak", ["", "short", "7 chars"])
def test_short_passphrases_are_refused(tmp_path: Path, weak: str) -> None:
    backend = MemoryKeyring()
    with pytest.raises(keys.WeakPassphrase):
        keys.create_profile_key(tmp_path, weak, kdf=keys.FAST_TEST_KDF, backend=backend)
    assert not keys.profile_exists(tmp_path) and backend.secrets == {}
    keys.create_profile_key(tmp_path, "8 chars!", kdf=keys.FAST_TEST_KDF, backend=backend)


def test_a_second_profile_in_the_same_folder_is_refused(made: Made) -> None:
    with pytest.raises(keys.ProfileExists):
        keys.create_profile_key(made.folder, NEW_PASS, kdf=keys.FAST_TEST_KDF, backend=made.backend)
    assert _unlock(made) == made.master
    assert len(made.backend.secrets) == 1


def test_no_profile(tmp_path: Path) -> None:
    assert not keys.profile_exists(tmp_path)
    with pytest.raises(keys.NoProfile):
        keys.read_key_file(tmp_path)
    with pytest.raises(keys.NoProfile):
        keys.unwrap_master_key(tmp_path, PASS, backend=MemoryKeyring())


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("salt", "***not base64***"),
        ("nonce", base64.b64encode(b"short").decode()),
        ("wrapped_key", 42),
        ("kdf", {"time_cost": 1, "memory_kib": 10**12, "parallelism": 1}),
        ("kdf", {"time_cost": "1", "memory_kib": 1024, "parallelism": 1}),
        ("profile_id", "not-a-uuid"),
        ("device_secret_in_keyring", "yes"),
        ("format", 99),
    ],
)
def test_a_damaged_key_file_is_named_with_its_field(made: Made, field: str, value: object) -> None:
    path = made.folder / keys.KEY_FILE
    raw = json.loads(path.read_text())
    raw[field] = value
    path.write_text(json.dumps(raw))
    with pytest.raises(keys.CorruptKeyFile, match=field) as bad:
        _unlock(made)
    assert str(path) in str(bad.value)


@pytest.mark.parametrize("content", [b"", b"{not json", b"[]", b"\xff\xfe"])
def test_an_unreadable_key_file_is_corrupt(made: Made, content: bytes) -> None:
    (made.folder / keys.KEY_FILE).write_bytes(content)
    with pytest.raises(keys.CorruptKeyFile, match=r"key\.json"):
        keys.read_key_file(made.folder)


def test_a_missing_field_is_named(made: Made) -> None:
    path = made.folder / keys.KEY_FILE
    raw = json.loads(path.read_text())
    del raw["wrapped_key"]
    path.write_text(json.dumps(raw))
    with pytest.raises(keys.CorruptKeyFile, match="wrapped_key"):
        keys.read_key_file(made.folder)


# --- changing the passphrase -----------------------------------------------------------------


def test_change_passphrase_keeps_the_key(made: Made) -> None:
    before = keys.read_key_file(made.folder)
    keys.change_passphrase(made.folder, PASS, NEW_PASS, backend=made.backend, clock=FakeClock())
    after = keys.read_key_file(made.folder)
    assert after.salt != before.salt and after.nonce != before.nonce
    assert after.profile_id == before.profile_id and after.kdf == before.kdf
    with pytest.raises(keys.WrongPassphrase):
        _unlock(made, PASS)
    assert _unlock(made, NEW_PASS, FakeClock(10**10)) == made.master
    assert NEW_PASS.encode() not in (made.folder / keys.KEY_FILE).read_bytes()


def test_change_passphrase_can_change_the_cost(made: Made) -> None:
    stronger = keys.KdfParams(time_cost=2, memory_kib=2048, parallelism=1)
    keys.change_passphrase(
        made.folder, PASS, NEW_PASS, kdf=stronger, backend=made.backend, clock=FakeClock()
    )
    assert keys.read_key_file(made.folder).kdf == stronger
    assert _unlock(made, NEW_PASS) == made.master


def test_change_passphrase_with_the_wrong_old_one_is_throttled_and_changes_nothing(
    made: Made,
) -> None:
    before = (made.folder / keys.KEY_FILE).read_bytes()
    clock = FakeClock()
    with pytest.raises(keys.WrongPassphrase):
        keys.change_passphrase(
            made.folder, "wrong wrong", NEW_PASS, backend=made.backend, clock=clock
        )
    with pytest.raises(keys.TooSoon):
        keys.change_passphrase(made.folder, PASS, NEW_PASS, backend=made.backend, clock=clock)
    with pytest.raises(keys.WeakPassphrase):
        keys.change_passphrase(made.folder, PASS, "short", backend=made.backend, clock=clock)
    assert (made.folder / keys.KEY_FILE).read_bytes() == before


# --- subkeys ---------------------------------------------------------------------------------


def test_subkeys_are_stable_and_differ_by_purpose(made: Made) -> None:
    master = _unlock(made)
    database = keys.subkey(master, "database")
    assert len(database) == 32
    assert database == keys.subkey(made.master, "database")
    assert database != keys.subkey(master, "attachments")
    assert made.master not in (database, keys.subkey(master, "attachments"))
    keys.wipe(master)
    assert master == bytearray(32)


def test_the_default_cost_is_not_the_test_cost() -> None:
    assert keys.DEFAULT_KDF.memory_kib >= 64 * 1024
    assert keys.DEFAULT_KDF.time_cost >= 2
    assert keys.KdfParams(1, 1024, 1) == keys.FAST_TEST_KDF


def test_no_temporary_files_are_left_after_failures(made: Made) -> None:
    clock = FakeClock()
    with pytest.raises(keys.WrongPassphrase):
        _unlock(made, "wrong wrong wrong", clock)
    assert sorted(os.listdir(made.folder)) == [keys.LOCK_FILE, keys.KEY_FILE, keys.STATE_FILE]

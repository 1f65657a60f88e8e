"""The profile key: the passphrase and this device's secret unwrap it; nothing else does."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from keyring.backends import fail, null

from officer_app.security import keys
from officer_app.security.keyring_status import keyring_status
from tests.conftest import MemoryKeyring

PASS = "correct horse battery staple"


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture()
def made(tmp_path: Path) -> tuple[Path, MemoryKeyring, bytearray]:
    backend = MemoryKeyring()
    _, master = keys.create_profile_key(tmp_path, PASS, kdf=keys.FAST_TEST_KDF, backend=backend)
    return tmp_path, backend, master


def test_the_right_passphrase_unwraps_the_same_key(made) -> None:  # type: ignore[no-untyped-def]
    folder, backend, master = made
    assert keys.unwrap_master_key(folder, PASS, backend=backend) == master
    assert len(master) == 32


def test_the_key_file_holds_no_key_and_no_passphrase(made) -> None:  # type: ignore[no-untyped-def]
    folder, _, master = made
    data = (folder / keys.KEY_FILE).read_bytes()
    assert bytes(master) not in data and bytes(master).hex().encode() not in data
    assert PASS.encode() not in data
    assert set(json.loads(data)) >= {"salt", "kdf", "nonce", "wrapped_key", "profile_id"}


def test_wrong_passphrases_wait_longer_and_longer(made) -> None:  # type: ignore[no-untyped-def]
    folder, backend, master = made
    clock = FakeClock()
    delays = []
    for attempt in range(1, 5):
        with pytest.raises(keys.WrongPassphrase) as refused:
            keys.unwrap_master_key(folder, "guess" * 3, backend=backend, clock=clock)
        assert refused.value.attempts == attempt
        delays.append(refused.value.retry_after)
        with pytest.raises(keys.TooSoon):  # even the right one must wait
            keys.unwrap_master_key(folder, PASS, backend=backend, clock=clock)
        clock.now += refused.value.retry_after
    assert delays == [0.5, 1.0, 2.0, 4.0]
    assert keys.unwrap_master_key(folder, PASS, backend=backend, clock=clock) == master
    with pytest.raises(keys.WrongPassphrase) as again:  # success reset the count
        keys.unwrap_master_key(folder, "nope nope nope", backend=backend, clock=clock)
    assert again.value.attempts == 1


def test_the_delay_is_capped_at_thirty_seconds(made) -> None:  # type: ignore[no-untyped-def]
    folder, backend, _ = made
    clock = FakeClock()
    last = 0.0
    for _ in range(9):
        with pytest.raises(keys.WrongPassphrase) as refused:
            keys.unwrap_master_key(folder, "wrong wrong", backend=backend, clock=clock)
        last = refused.value.retry_after
        clock.now += last
    assert last == 30.0


def test_change_passphrase_keeps_the_key(made) -> None:  # type: ignore[no-untyped-def]
    folder, backend, master = made
    keys.change_passphrase(folder, PASS, "a brand new passphrase", backend=backend)
    with pytest.raises(keys.WrongPassphrase):
        keys.unwrap_master_key(folder, PASS, backend=backend)
    assert (
        keys.unwrap_master_key(
            folder, "a brand new passphrase", backend=backend, clock=lambda: 10**10
        )
        == master
    )


def test_a_copied_profile_does_not_open_on_another_laptop(made) -> None:  # type: ignore[no-untyped-def]
    folder, _, _ = made
    with pytest.raises(keys.DeviceSecretMissing, match="does not hold the device secret"):
        keys.unwrap_master_key(folder, PASS, backend=MemoryKeyring())


def test_short_passphrases_and_second_profiles_are_refused(tmp_path: Path) -> None:
    with pytest.raises(keys.WeakPassphrase):
        keys.create_profile_key(tmp_path, "short", kdf=keys.FAST_TEST_KDF, backend=MemoryKeyring())
    keys.create_profile_key(tmp_path, PASS, kdf=keys.FAST_TEST_KDF, backend=MemoryKeyring())
    with pytest.raises(keys.ProfileExists):
        keys.create_profile_key(tmp_path, PASS, kdf=keys.FAST_TEST_KDF, backend=MemoryKeyring())


@pytest.mark.parametrize("backend", [fail.Keyring(), null.Keyring()], ids=["fail", "null"])
def test_without_a_key_store_the_passphrase_alone_protects(tmp_path: Path, backend) -> None:  # type: ignore[no-untyped-def]
    status = keyring_status(backend)
    assert not status.available and not status.secure
    assert "passphrase alone" in status.message
    _, master = keys.create_profile_key(tmp_path, PASS, kdf=keys.FAST_TEST_KDF, backend=backend)
    assert keys.read_key_file(tmp_path).device_secret_in_keyring is False
    assert keys.unwrap_master_key(tmp_path, PASS, backend=backend) == master


def test_a_plaintext_key_store_is_called_insecure() -> None:
    from keyrings.alt.file import PlaintextKeyring

    status = keyring_status(PlaintextKeyring())
    assert status.available and not status.secure
    assert "not secure" in status.message and "PlaintextKeyring" in status.message
    assert keyring_status(MemoryKeyring()).secure


def test_a_damaged_key_file_is_named_with_its_field(made) -> None:  # type: ignore[no-untyped-def]
    folder, backend, _ = made
    raw = json.loads((folder / keys.KEY_FILE).read_text())
    raw["salt"] = "***not base64***"
    (folder / keys.KEY_FILE).write_text(json.dumps(raw))
    with pytest.raises(keys.CorruptKeyFile, match="field salt"):
        keys.unwrap_master_key(folder, PASS, backend=backend)


def test_subkeys_differ_by_purpose(made) -> None:  # type: ignore[no-untyped-def]
    _, _, master = made
    assert keys.subkey(master, "database") != keys.subkey(master, "attachments")
    keys.wipe(master)
    assert master == bytearray(32)

"""Which key store holds the device secret, and what the officer is told about it."""
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import keyring
import keyring.core
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail, null
from keyring.backends.chainer import ChainerBackend
from keyrings.alt.file import EncryptedKeyring, PlaintextKeyring

from officer_app.security.keyring_status import KeyringStatus, keyring_status
from tests.unit.test_security_keys import MemoryKeyring


@pytest.fixture()
def chain(monkeypatch: pytest.MonkeyPatch) -> Callable[..., ChainerBackend]:
    """A chainer over the given backends instead of the installed ones.

    (Patched, not subclassed: a subclass would join keyring's registry for the whole session.)
    """

    def make(*backends: KeyringBackend) -> ChainerBackend:
        monkeypatch.setattr(ChainerBackend, "backends", list(backends))
        return ChainerBackend()

    return make


@pytest.mark.parametrize("backend", [fail.Keyring(), null.Keyring()], ids=["fail", "null"])
def test_no_key_store_means_the_passphrase_alone(backend: KeyringBackend) -> None:
    status = keyring_status(backend)
    assert status.available is False and status.secure is False
    assert status.message == (
        "No system key store is available: the profile is protected by the passphrase alone."
    )


def test_a_plaintext_key_store_is_called_insecure() -> None:
    status = keyring_status(PlaintextKeyring())
    assert status.backend_name == "PlaintextKeyring"
    assert status.available and not status.secure
    assert status.message == (
        "The key store in use (PlaintextKeyring) is not secure: the device secret is only "
        "base64-encoded on disk. Use a system keychain."
    )


def test_any_keyrings_alt_store_is_called_insecure(monkeypatch: pytest.MonkeyPatch) -> None:
    # made usable without pycryptodome (not installed here); only its kind matters
    monkeypatch.setattr(EncryptedKeyring, "viable", True)
    status = keyring_status(EncryptedKeyring.__new__(EncryptedKeyring))
    assert status.available and not status.secure
    assert status.message == (
        "The key store in use (EncryptedKeyring) is not secure: the device secret is kept "
        "in an ordinary file, not the system key store. Use a system keychain."
    )


def test_a_key_store_that_cannot_work_is_not_available() -> None:
    if EncryptedKeyring.viable:
        pytest.skip("pycryptodome is installed here")
    assert not keyring_status(EncryptedKeyring.__new__(EncryptedKeyring)).available


def test_a_proper_key_store_is_secure() -> None:
    status = keyring_status(MemoryKeyring())
    assert status == KeyringStatus(
        "MemoryKeyring",
        available=True,
        secure=True,
        message="Device secret held in the system key store (MemoryKeyring).",
    )


def test_a_chain_is_judged_by_what_it_chains(chain: Callable[..., ChainerBackend]) -> None:
    assert not keyring_status(chain()).available
    assert not keyring_status(chain(null.Keyring(), fail.Keyring())).available
    assert keyring_status(chain(null.Keyring(), MemoryKeyring())).secure
    insecure = keyring_status(chain(MemoryKeyring(), PlaintextKeyring()))
    assert insecure.available and not insecure.secure


def test_a_key_store_that_cannot_start_is_not_available() -> None:
    from keyring.backends import SecretService

    if SecretService.Keyring.viable:
        pytest.skip("a Secret Service is running here")
    status = keyring_status(SecretService.Keyring())
    assert status.backend_name == "SecretService Keyring"
    assert not status.available


def test_the_default_follows_python_keyring_backend(monkeypatch: pytest.MonkeyPatch) -> None:
    previous = keyring.get_keyring()
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
    try:
        keyring.core.init_backend()
        assert keyring_status().available is False
    finally:
        keyring.set_keyring(previous)


def test_the_status_is_a_value() -> None:
    status = keyring_status(MemoryKeyring())
    with pytest.raises(dataclasses.FrozenInstanceError):
        status.secure = False  # type: ignore[misc]

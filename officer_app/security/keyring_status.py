"""Which key store holds the device secret, and whether an officer should be warned."""

from __future__ import annotations

from dataclasses import dataclass

import keyring
from keyring.backend import KeyringBackend


@dataclass(frozen=True)
class KeyringStatus:
    backend_name: str
    available: bool
    secure: bool
    message: str


_UNAVAILABLE = {"keyring.backends.fail", "keyring.backends.null"}


def _usable(backend: KeyringBackend) -> bool:
    module = type(backend).__module__
    if module in _UNAVAILABLE:
        return False
    if module == "keyring.backends.chainer":
        return any(_usable(b) for b in getattr(backend, "backends", []))
    return True


def _insecure(backend: KeyringBackend) -> bool:
    module = type(backend).__module__
    if module.startswith("keyrings.alt"):
        return True
    if module == "keyring.backends.chainer":
        return any(_insecure(b) for b in getattr(backend, "backends", []) if _usable(b))
    return False


def keyring_status(backend: KeyringBackend | None = None) -> KeyringStatus:
    chosen = backend if backend is not None else keyring.get_keyring()
    name = type(chosen).__name__
    if not _usable(chosen):
        return KeyringStatus(
            name,
            available=False,
            secure=False,
            message=(
                "No system key store is available: this profile is protected by the "
                "passphrase alone."
            ),
        )
    if _insecure(chosen):
        return KeyringStatus(
            name,
            available=True,
            secure=False,
            message=(
                f"The key store in use ({name}) is not secure: the device secret is kept in a "
                "plain file. Use the system key store."
            ),
        )
    return KeyringStatus(
        name,
        available=True,
        secure=True,
        message=f"Device secret held in the system key store ({name}).",
    )

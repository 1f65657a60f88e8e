"""Which key store holds the device secret, and whether an officer should be warned."""

from __future__ import annotations

from dataclasses import dataclass

import keyring
from keyring.backend import KeyringBackend
from keyring.backends import fail, null
from keyring.backends.chainer import ChainerBackend


@dataclass(frozen=True)
class KeyringStatus:
    backend_name: str
    available: bool
    secure: bool
    message: str


def _chained(backend: KeyringBackend) -> list[KeyringBackend]:
    return list(getattr(backend, "backends", []))


def _usable(backend: KeyringBackend) -> bool:
    """Whether a secret written to ``backend`` will actually be kept."""
    if isinstance(backend, fail.Keyring | null.Keyring):
        return False
    if isinstance(backend, ChainerBackend):
        return any(_usable(b) for b in _chained(backend))
    return bool(getattr(type(backend), "viable", True))  # False e.g. for SecretService sans D-Bus


def _insecure(backend: KeyringBackend) -> bool:
    """keyrings.alt keeps secrets in ordinary files, not in the operating system's key store."""
    if isinstance(backend, ChainerBackend):
        return any(_insecure(b) for b in _chained(backend) if _usable(b))
    return any(cls.__module__.startswith("keyrings.alt") for cls in type(backend).__mro__)


def _plaintext(backend: KeyringBackend) -> bool:
    if isinstance(backend, ChainerBackend):
        return any(_plaintext(b) for b in _chained(backend) if _usable(b))
    return any(cls.__name__ == "PlaintextKeyring" for cls in type(backend).__mro__)


def _display_name(backend: KeyringBackend) -> str:
    """The class name, or "SecretService Keyring" rather than a bare "Keyring"."""
    cls = type(backend)
    if cls.__name__ == "Keyring":
        module = cls.__module__.rpartition(".")[2]
        return f"{module} Keyring"
    return cls.__name__


def keyring_status(backend: KeyringBackend | None = None) -> KeyringStatus:
    """Describe ``backend`` (default: keyring's choice, which honours PYTHON_KEYRING_BACKEND)."""
    chosen = backend if backend is not None else keyring.get_keyring()
    name = _display_name(chosen)
    if not _usable(chosen):
        return KeyringStatus(
            name,
            available=False,
            secure=False,
            message=(
                "No system key store is available: the profile is protected by the "
                "passphrase alone."
            ),
        )
    if _insecure(chosen):
        how = (
            "the device secret is only base64-encoded on disk"
            if _plaintext(chosen)
            else "the device secret is kept in an ordinary file, not the system key store"
        )
        return KeyringStatus(
            name,
            available=True,
            secure=False,
            message=f"The key store in use ({name}) is not secure: {how}. Use a system keychain.",
        )
    return KeyringStatus(
        name,
        available=True,
        secure=True,
        message=f"Device secret held in the system key store ({name}).",
    )

"""What this laptop's OS key store (keyring) keeps for a profile: the device secret that,
with the passphrase, unwraps the profile key, and a copy of the unlock throttle's state.

Because the device secret is here and not in the profile folder, a copied folder will not
open on another laptop even with the passphrase; because the throttle's state is here too,
deleting unlock_state.json does not reset the count of wrong passphrases. key.json and the
unwrapping itself are in keys.py.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import secrets

import keyring
from keyring.backend import KeyringBackend

from officer_app.security.errors import SecurityError

KEYRING_SERVICE = "officer-app"
SECRET_LEN = 32  # as long as the profile key


class DeviceSecretMissing(SecurityError):
    """The profile needs a device secret that this laptop's key store does not hold."""


class KeyStoreError(SecurityError):
    """The system key store would not keep the device secret."""


def chosen_backend(backend: KeyringBackend | None) -> KeyringBackend:
    """The backend given, else the system's."""
    return backend if backend is not None else keyring.get_keyring()


def _secret_name(profile_id: str) -> str:
    return f"device-secret:{profile_id}"


def _state_name(profile_id: str) -> str:
    return f"unlock-state:{profile_id}"


def store_device_secret(profile_id: str, backend: KeyringBackend) -> bytes:
    """A new device secret for the profile, kept in the key store (and read back to check)."""
    secret = secrets.token_bytes(SECRET_LEN)
    encoded = base64.b64encode(secret).decode("ascii")
    try:
        backend.set_password(KEYRING_SERVICE, _secret_name(profile_id), encoded)
        kept = backend.get_password(KEYRING_SERVICE, _secret_name(profile_id)) == encoded
    except Exception as exc:  # any backend plug-in failure: keyring, D-Bus, OS errors
        raise KeyStoreError(
            "The system key store refused to save the device secret (is it locked?). "
            "Unlock it and try again."
        ) from exc
    if not kept:
        raise KeyStoreError("The system key store did not keep the device secret.")
    return secret


def load_device_secret(profile_id: str, backend: KeyringBackend) -> bytes:
    """The profile's device secret; DeviceSecretMissing when the key store cannot give it."""
    try:
        stored = backend.get_password(KEYRING_SERVICE, _secret_name(profile_id))
    except Exception as exc:  # any backend plug-in failure: keyring, D-Bus, OS errors
        raise DeviceSecretMissing(
            "The system key store could not be read; unlock it and try again."
        ) from exc
    if not stored:
        raise DeviceSecretMissing(
            "This laptop's key store does not hold the device secret for this profile: the "
            "profile was made on another device, or the key store no longer has it (reset)."
        )
    try:
        secret = base64.b64decode(stored, validate=True)
    except (binascii.Error, ValueError):
        secret = b""
    if len(secret) != SECRET_LEN:
        raise DeviceSecretMissing(
            "The device secret for this profile in this laptop's key store is damaged."
        )
    return secret


def kept_state(profile_id: str, backend: KeyringBackend) -> str | None:
    """The copy of the throttle state (JSON), as the key store holds it; the backend's own
    errors are the caller's to judge."""
    return backend.get_password(KEYRING_SERVICE, _state_name(profile_id))


def keep_state(profile_id: str, backend: KeyringBackend, state: str) -> None:
    """Keep a copy of the throttle state (JSON) beside the device secret."""
    with contextlib.suppress(Exception):  # a key store that refuses: the file still counts
        backend.set_password(KEYRING_SERVICE, _state_name(profile_id), state)


def forget_kept_state(profile_id: str, backend: KeyringBackend) -> None:
    with contextlib.suppress(Exception):  # absent already, or no key store: nothing to forget
        backend.delete_password(KEYRING_SERVICE, _state_name(profile_id))


def forget_device_secret(profile_id: str, backend: KeyringBackend | None = None) -> None:
    """Remove this profile's device secret from the key store (when deleting the profile)."""
    with contextlib.suppress(Exception):  # absent already, or no key store: nothing to forget
        chosen_backend(backend).delete_password(KEYRING_SERVICE, _secret_name(profile_id))
    forget_kept_state(profile_id, chosen_backend(backend))

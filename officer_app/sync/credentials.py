"""The device credential the central store gave at enrolment, kept only in the OS key store
(as the profile's device secret is: security/key_store.py), under the profile's id, so a
copied profile folder carries no way to reach the central store."""

from __future__ import annotations

import contextlib

from keyring.backend import KeyringBackend

from officer_app.security.key_store import KEYRING_SERVICE, KeyStoreError, chosen_backend


class CredentialMissing(Exception):
    """This laptop's key store holds no sync credential for the profile: enrol again."""


def _name(profile_id: str) -> str:
    return f"sync-credential:{profile_id}"


def save_credential(profile_id: str, credential: str, backend: KeyringBackend | None) -> None:
    chosen = chosen_backend(backend)
    try:
        chosen.set_password(KEYRING_SERVICE, _name(profile_id), credential)
        kept = chosen.get_password(KEYRING_SERVICE, _name(profile_id)) == credential
    except Exception as exc:  # any backend plug-in failure: keyring, D-Bus, OS errors
        raise KeyStoreError(
            "The system key store refused to save the sync credential (is it locked?)."
        ) from exc
    if not kept:
        raise KeyStoreError("The system key store did not keep the sync credential.")


def load_credential(profile_id: str, backend: KeyringBackend | None) -> str:
    try:
        stored = chosen_backend(backend).get_password(KEYRING_SERVICE, _name(profile_id))
    except Exception as exc:  # any backend plug-in failure
        raise CredentialMissing("The system key store could not be read; unlock it.") from exc
    if not stored:
        raise CredentialMissing(
            "this laptop's key store holds no sync credential for this profile: enrol it again"
        )
    return stored


def forget_credential(profile_id: str, backend: KeyringBackend | None) -> None:
    with contextlib.suppress(Exception):  # nothing kept is what we want
        chosen_backend(backend).delete_password(KEYRING_SERVICE, _name(profile_id))

"""This desktop as a device of the central store: enrolment (a new profile for the user the
one-time code names, its credential only in the OS key store, then a first sync), and a sync
client for a profile already enrolled."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import httpx
from keyring.backend import KeyringBackend
from sqlalchemy import update
from sqlalchemy.orm import Session

from officer_app import __version__
from officer_app.clock import Clock
from officer_app.config import Settings
from officer_app.security import keys as keyfile
from officer_app.security.key_store import KeyStoreError
from officer_app.services import profile_folder as folders
from officer_app.services.profile import OpenProfile, ProfileError, create_profile
from officer_app.store.migrate import HEAD
from officer_app.store.models import OutboxMutation
from officer_app.sync.blobs import BlobFiles
from officer_app.sync.client import SyncClient, SyncReport
from officer_app.sync.credentials import load_credential, save_credential
from officer_app.sync.enrol import check_server_url, device_name, request_enrolment
from officer_app.sync.errors import SyncError
from officer_app.sync.settings import SyncSettings, read_settings, write_settings
from officer_app.sync.transport import HttpxTransport, Transport, sync_headers


@dataclass
class Enrolment:
    profile: OpenProfile
    report: SyncReport | None  # None when the first sync failed (``sync_error`` says why)
    sync_error: str = ""


def _transport(
    server_url: str, given: Transport | httpx.Client | None, credential: str | None
) -> Transport:
    if isinstance(given, httpx.Client):
        return HttpxTransport(given, sync_headers(credential, __version__, HEAD))
    if given is not None:
        return given
    return HttpxTransport.connect(
        server_url, credential, app_version=__version__, schema_version=HEAD
    )


def enrol(
    data_dir: Path,
    server_url: str,
    code: str,
    passphrase: str,
    *,
    transport: Transport | httpx.Client | None = None,
    insecure: bool = False,
    backend: KeyringBackend | None = None,
    kdf: keyfile.KdfParams = keyfile.DEFAULT_KDF,
    clock: Clock | None = None,
    settings: Settings | None = None,
) -> Enrolment:
    """Enrol this desktop with the one-time ``code``: a new profile in ``data_dir`` for the
    user the server names, the credential kept only in the OS key store, the server's address
    and ids in the profile's settings, then a first sync. The profile is returned open."""
    url = check_server_url(server_url, insecure=insecure)
    state = folders.profile_state(data_dir)
    if state is not folders.State.ABSENT:  # checked before the code is used up
        raise ProfileError(folders.refusal(data_dir, state))
    answer = request_enrolment(
        _transport(url, transport, None), code, name=device_name(), app_version=__version__
    )
    user = answer.user
    opened = create_profile(
        data_dir, passphrase, officer_name=user.name, officer_initials=user.initials,
        officer_role=user.role, officer_id=user.user_id, kdf=kdf, backend=backend, clock=clock,
        settings=settings,
    )  # fmt: skip
    try:
        save_credential(keyfile.read_key_file(data_dir).profile_id, answer.credential, backend)
    except KeyStoreError as exc:
        opened.lock()
        raise ProfileError(f"{exc} The profile was made but is not enrolled: enrol again.") from exc

    def remember(session: Session) -> None:
        write_settings(
            session,
            server_url=url, device_id=answer.device_id, user_id=user.user_id,
            la_id=user.la_id, role=user.role,
        )  # fmt: skip
        # the user's officer row is the server's already: its creation is not sent up
        session.execute(
            update(OutboxMutation)
            .where(OutboxMutation.state == "pending", OutboxMutation.entity_type == "officer")
            .values(state="synced")
        )

    opened.store.write_wait(remember)
    client = SyncClient(
        opened.store, _transport(url, transport, answer.credential), files=_files(opened)
    )
    try:
        return Enrolment(opened, client.run())
    except SyncError as exc:
        return Enrolment(opened, None, str(exc))


def sync_settings(opened: OpenProfile) -> SyncSettings:
    return opened.store.read(read_settings)


def sync_client(
    opened: OpenProfile, transport: Transport | httpx.Client | None = None
) -> SyncClient:
    """A sync client for an enrolled profile (its credential from the OS key store);
    ProfileError if the profile was never enrolled or the key store lost the credential."""
    from officer_app.sync.credentials import CredentialMissing

    settings = sync_settings(opened)
    if not settings.enrolled:
        raise ProfileError("this profile is not enrolled with a central store: enrol first")
    try:
        credential = load_credential(
            keyfile.read_key_file(opened.data_dir).profile_id, opened.keyring_backend
        )
    except CredentialMissing as exc:
        raise ProfileError(str(exc)) from exc
    return SyncClient(
        opened.store, _transport(settings.server_url, transport, credential), files=_files(opened)
    )


def _files(opened: OpenProfile) -> BlobFiles:
    """Where the profile keeps its attachments' files, as services/attachments.py does."""
    from officer_app.services.attachment_files import BLOB_SUFFIX
    from officer_app.services.attachments import ATTACHMENTS_DIR

    return BlobFiles(opened.data_dir / ATTACHMENTS_DIR, opened.attachments_key, BLOB_SUFFIX)

"""A profile: one officer's encrypted caseload folder. Create it, unlock it, lock it."""

from __future__ import annotations

import functools
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from keyring.backend import KeyringBackend
from sqlalchemy import select
from sqlalchemy.orm import Session

from officer_app.clock import Clock
from officer_app.config import Settings
from officer_app.security import keys as keyfile
from officer_app.security.keyring_status import KeyringStatus, keyring_status
from officer_app.services.attachments import AttachmentService
from officer_app.services.case_file import CaseFileService
from officer_app.services.caseload import CaseloadService
from officer_app.store import audit
from officer_app.store.database import DB_FILENAME, Store
from officer_app.store.models import Officer, ProfileSetting

if TYPE_CHECKING:  # loaded on first use: the forms engine is not needed to show the caseload
    from officer_app.services.attendance import AttendanceService
    from officer_app.services.field_work import FieldWorkService
    from officer_app.services.letters import LetterService
    from officer_app.services.penalty_notices import PenaltyNoticeService

OFFICER_SETTING = "officer_id"


class ProfileError(Exception):
    """A profile cannot be created or opened; the message says why, for the officer."""


@dataclass(frozen=True)
class OfficerIdentity:
    id: str
    name: str
    initials: str
    role: str


@dataclass
class OpenProfile:
    """An unlocked profile. :meth:`lock` drops the keys and closes the store."""

    data_dir: Path
    store: Store
    officer: OfficerIdentity
    keyring: KeyringStatus
    clock: Clock
    attachments_key: bytearray
    timings: dict[str, float] = field(default_factory=dict)
    keyring_backend: KeyringBackend | None = None  # None: the default key store
    settings: Settings = field(default_factory=Settings)

    def __post_init__(self) -> None:
        self.caseload = CaseloadService(
            self.store,
            self.clock,
            self.settings.rag,
            self.settings.timescales,
            bands=self.settings.attendance_bands,
        )
        self.cases = CaseFileService(
            self.store, self.clock, self.officer.id, bands=self.settings.attendance_bands
        )
        self.attachments = AttachmentService(
            self.store, self.clock, self.data_dir, self.attachments_key, self.officer.id
        )

    @functools.cached_property
    def field_work(self) -> FieldWorkService:
        """Visits, structured records and plans; loads the form definitions on first use."""
        from officer_app.forms import load_registry
        from officer_app.services.field_work import FieldWorkService

        return FieldWorkService(
            self.store,
            self.clock,
            self.officer.id,
            load_registry(self.settings.forms_folder),
            self.settings.timescales,
            la_name=self.settings.la_name,
        )

    @functools.cached_property
    def attendance(self) -> AttendanceService:
        from officer_app.services.attendance import AttendanceService

        return AttendanceService(self.store, self.clock, bands=self.settings.attendance_bands)

    @functools.cached_property
    def letters(self) -> LetterService:
        """Letters from templates; loads the shipped and the LA's templates on first use."""
        from officer_app.letters import load_registry
        from officer_app.services.letters import LetterService

        return LetterService(
            self.store,
            self.clock,
            self.officer.id,
            load_registry(self.settings.letters_folder),
            self.settings.letterhead,
            self.attachments,
            lambda: self.attendance,
            bands=self.settings.attendance_bands,
        )

    @functools.cached_property
    def penalty_notices(self) -> PenaltyNoticeService:
        """Penalty notices through their lifecycle; their letters go through ``letters``."""
        from officer_app.services.penalty_notices import PenaltyNoticeService

        return PenaltyNoticeService(
            self.store,
            self.clock,
            self.officer.id,
            letters=lambda: self.letters,
            la_name=self.settings.la_name,
        )

    @property
    def locked(self) -> bool:
        return not self.attachments_key

    def lock(self) -> None:
        """Audit the lock, finish pending writes, close the store and wipe the keys."""
        if self.locked:
            return
        try:
            self.store.write(lambda session: audit.record(session, "lock"))
        finally:
            self.store.close()
            keyfile.wipe(self.attachments_key)
            self.attachments_key = bytearray()


def db_path(data_dir: Path) -> Path:
    return data_dir / DB_FILENAME


def exists(data_dir: Path) -> bool:
    return keyfile.profile_exists(data_dir)


def create_profile(
    data_dir: Path,
    passphrase: str,
    *,
    officer_name: str,
    officer_initials: str,
    officer_role: str = "officer",
    kdf: keyfile.KdfParams = keyfile.DEFAULT_KDF,
    backend: KeyringBackend | None = None,
    clock: Clock | None = None,
    settings: Settings | None = None,
) -> OpenProfile:
    """Make a new, empty profile in ``data_dir`` for one officer, and open it."""
    if exists(data_dir):
        raise ProfileError(f"a profile already exists in {data_dir}")
    data_dir.mkdir(parents=True, exist_ok=True)
    try:
        _profile_id, master = keyfile.create_profile_key(
            data_dir, passphrase, kdf=kdf, backend=backend
        )
    except keyfile.SecurityError as exc:
        raise ProfileError(str(exc)) from exc
    store = Store.open(db_path(data_dir), keyfile.subkey(master, "database"), clock=clock)
    officer = Officer(name=officer_name, initials=officer_initials, role=officer_role)

    def setup(session: Session) -> OfficerIdentity:
        session.add(officer)
        session.flush()
        session.add(ProfileSetting(key=OFFICER_SETTING, value=officer.id))
        return OfficerIdentity(officer.id, officer.name, officer.initials, officer.role)

    identity = store.write_wait(setup)
    store.actor = identity.id
    opened = OpenProfile(
        data_dir=data_dir,
        store=store,
        officer=identity,
        keyring=keyring_status(backend),
        clock=store.clock,
        attachments_key=bytearray(keyfile.subkey(master, "attachments")),
        keyring_backend=backend,
        settings=settings or Settings(),
    )
    keyfile.wipe(master)
    return opened


def unlock_profile(
    data_dir: Path,
    passphrase: str,
    *,
    backend: KeyringBackend | None = None,
    clock: Clock | None = None,
    settings: Settings | None = None,
) -> OpenProfile:
    """Unlock with the passphrase (and this device's secret), migrate if needed, and open."""
    if not exists(data_dir):
        raise ProfileError(f"there is no profile in {data_dir}")
    started = time.perf_counter()
    master = keyfile.unwrap_master_key(data_dir, passphrase, backend=backend)
    derived = time.perf_counter()
    try:
        store = Store.open(db_path(data_dir), keyfile.subkey(master, "database"), clock=clock)
        attachments_key = bytearray(keyfile.subkey(master, "attachments"))
    finally:
        keyfile.wipe(master)
    opened_at = time.perf_counter()
    identity = store.read(_officer_identity)
    store.actor = identity.id
    store.write(lambda session: audit.record(session, "unlock"))
    return OpenProfile(
        data_dir=data_dir,
        store=store,
        officer=identity,
        keyring=keyring_status(backend),
        clock=store.clock,
        attachments_key=attachments_key,
        timings={
            "key_derivation_s": derived - started,
            "open_store_s": opened_at - derived,
        },
        keyring_backend=backend,
        settings=settings or Settings(),
    )


def change_passphrase(
    data_dir: Path,
    old: str,
    new: str,
    *,
    backend: KeyringBackend | None = None,
    kdf: keyfile.KdfParams | None = None,
) -> None:
    """Re-wrap the profile key under a new passphrase; the data itself is not rewritten."""
    if not exists(data_dir):
        raise ProfileError(f"there is no profile in {data_dir}")
    if old == new:
        raise ProfileError("the new passphrase is the same as the old one")
    keyfile.change_passphrase(data_dir, old, new, backend=backend, kdf=kdf)


def _officer_identity(session: Session) -> OfficerIdentity:
    officer_id = session.scalar(
        select(ProfileSetting.value).where(ProfileSetting.key == OFFICER_SETTING)
    )
    officer = session.get(Officer, officer_id) if officer_id else None
    if officer is None:
        raise ProfileError("this profile has no officer recorded; it may be damaged")
    return OfficerIdentity(officer.id, officer.name, officer.initials, officer.role)

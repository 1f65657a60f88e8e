"""A profile: one officer's encrypted caseload folder. Create it, unlock it, lock it."""

from __future__ import annotations

import contextlib
import functools
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from keyring.backend import KeyringBackend
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from officer_app.clock import Clock
from officer_app.config import Settings
from officer_app.security import keys as keyfile
from officer_app.security.keyring_status import KeyringStatus, keyring_status
from officer_app.services import profile_folder as folders
from officer_app.services.attachments import AttachmentService
from officer_app.services.case_file import CaseFileService
from officer_app.services.caseload import CaseloadService
from officer_app.services.profile_folder import (
    ProfileError,
    State,
    WindowLock,
    profile_state,
    refusal,
)
from officer_app.store import audit
from officer_app.store.database import DB_FILENAME, Store
from officer_app.store.engine import StoreError, classify
from officer_app.store.models import Officer, ProfileSetting

if TYPE_CHECKING:  # loaded on first use: the forms engine is not needed to show the caseload
    from officer_app.services.attendance import AttendanceService
    from officer_app.services.case_stages import CaseStageService
    from officer_app.services.family_changes import FamilyChangeService
    from officer_app.services.field_work import FieldWorkService
    from officer_app.services.interviews import InterviewService
    from officer_app.services.letters import LetterService
    from officer_app.services.packs import PackService
    from officer_app.services.penalty_notices import PenaltyNoticeService
    from officer_app.services.referrals import ReferralService
    from officer_app.services.risk_flags import RiskFlagService
    from officer_app.services.statements import StatementService

OFFICER_SETTING = "officer_id"


__all__ = [
    "OFFICER_SETTING",
    "OfficerIdentity",
    "OpenProfile",
    "ProfileError",
    "State",
    "change_passphrase",
    "clear_half_made",
    "create_profile",
    "db_path",
    "exists",
    "profile_state",
    "refusal",
    "unlock_profile",
]


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
    window_lock: WindowLock | None = None  # held while a window has the profile open

    def __post_init__(self) -> None:
        self.caseload = CaseloadService(
            self.store,
            self.clock,
            self.settings.rag,
            self.settings.timescales,
            bands=self.settings.attendance_bands,
        )
        self.cases = CaseFileService(
            self.store,
            self.clock,
            self.officer.id,
            bands=self.settings.attendance_bands,
            caseload_row=self.caseload.row_for,
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
            improvement=self.settings.notice_to_improve,
        )

    @functools.cached_property
    def stages(self) -> CaseStageService:
        """Moving a case on, closing it (the LA's closure reasons) and reopening it."""
        from officer_app.services.case_stages import CaseStageService

        return CaseStageService(
            self.store, self.clock, self.officer.id, self.settings.closure_reasons
        )

    @functools.cached_property
    def family_changes(self) -> FamilyChangeService:
        """A family's address and adults changed as tracked, signed corrections."""
        from officer_app.services.family_changes import FamilyChangeService

        return FamilyChangeService(self.store, self.clock, self.officer.id)

    @functools.cached_property
    def risk_flags(self) -> RiskFlagService:
        """Risk flags raised, changed and ended (never deleted), each signed."""
        from officer_app.services.risk_flags import RiskFlagService

        return RiskFlagService(self.store, self.clock, self.officer.id)

    @functools.cached_property
    def referrals(self) -> ReferralService:
        """New referrals: the child, the family, the case and its first entry."""
        from officer_app.services.referrals import ReferralService

        return ReferralService(self.store, self.clock, self.officer.id, self.settings.timescales)

    @functools.cached_property
    def interviews(self) -> InterviewService:
        """Interviews under caution: planned, conducted (autosaved), deferred, sealed."""
        from officer_app.services.interviews import InterviewService

        return InterviewService(
            self.store,
            self.clock,
            self.officer.id,
            self.field_work.forms,
            la_name=self.settings.la_name,
        )

    @functools.cached_property
    def statements(self) -> StatementService:
        """Witness statements: drafted from the case, every version kept, signed and sealed."""
        from officer_app.services.statements import StatementService

        return StatementService(
            self.store,
            self.clock,
            self.officer.id,
            attendance=lambda: self.attendance,
            la_name=self.settings.la_name,
        )

    @functools.cached_property
    def packs(self) -> PackService:
        """Evidence packs: built from the case, approved, served (a served pack frozen)."""
        from officer_app.services.packs import PackService

        return PackService(
            self.store,
            self.clock,
            self.officer.id,
            self.attachments,
            letters=lambda: self.letters,
            field_work=lambda: self.field_work,
            la_name=self.settings.la_name,
            statements=lambda: self.statements,
        )

    @property
    def locked(self) -> bool:
        return not self.attachments_key

    def lock(self) -> None:
        """Audit the lock, finish pending writes, close the store and wipe the keys.

        The keys are wiped and the window lock released whatever happens; a lock that could
        not be audited is then reported (:class:`ProfileError`).
        """
        if self.locked:
            return
        audited = self.store.write(lambda session: audit.record(session, "lock"))
        failure: BaseException | None = None
        try:
            self.store.close()  # finishes every write queued before, the audit entry last
            audited.result()
        except Exception as exc:
            failure = exc
        finally:
            keyfile.wipe(self.attachments_key)
            self.attachments_key = bytearray()
            if self.window_lock is not None:
                self.window_lock.release()
                self.window_lock = None
        if failure is not None:
            known = failure if isinstance(failure, StoreError) else None
            known = known or classify(failure, self.store.path)
            reason = str(known) if known is not None else type(failure).__name__
            raise ProfileError(
                f"the profile was locked, but the lock could not be recorded in its audit log "
                f"({reason})"
            ) from failure


def db_path(data_dir: Path) -> Path:
    return data_dir / DB_FILENAME


def exists(data_dir: Path) -> bool:
    """A finished profile is there (its key.json is written last)."""
    return keyfile.profile_exists(data_dir)


def create_profile(
    data_dir: Path,
    passphrase: str,
    *,
    officer_name: str,
    officer_initials: str,
    officer_role: str = "officer",
    officer_id: str | None = None,
    kdf: keyfile.KdfParams = keyfile.DEFAULT_KDF,
    backend: KeyringBackend | None = None,
    clock: Clock | None = None,
    settings: Settings | None = None,
) -> OpenProfile:
    """Make a new, empty profile in ``data_dir`` for one officer, and open it.

    Atomic as far as a kill can see: a creation marker (no secret) is written first, then the
    database with its officer is committed, then key.json, last; the marker goes at the end.
    Killed before key.json, the folder is :attr:`State.HALF_MADE` (its key was never saved,
    so nothing in it can ever be read) and :func:`clear_half_made` removes it; killed after,
    the profile is complete. An LA's settings.toml may already be in the folder.
    """
    state = folders.profile_state(data_dir)
    if state is not State.ABSENT:
        raise ProfileError(folders.refusal(data_dir, state))
    made_folder = not data_dir.exists()
    folders.make_private_folder(data_dir)
    profile_id = str(uuid.uuid4())
    folders.write_marker(data_dir, profile_id)
    try:
        key_file, master = keyfile.new_profile_key(profile_id, passphrase, kdf=kdf, backend=backend)
    except keyfile.SecurityError as exc:
        folders.remove_marker(data_dir)
        _remove_if_empty(data_dir, made_folder)
        raise ProfileError(str(exc)) from exc
    store: Store | None = None
    try:
        store = Store.open(
            db_path(data_dir), keyfile.subkey(master, "database"), clock=clock, create=True
        )
        officer = Officer(name=officer_name, initials=officer_initials, role=officer_role)
        if officer_id is not None:  # enrolled: the central store's id of its user
            officer.id = officer_id

        def setup(session: Session) -> OfficerIdentity:
            session.add(officer)
            session.flush()
            session.add(ProfileSetting(key=OFFICER_SETTING, value=officer.id))
            return OfficerIdentity(officer.id, officer.name, officer.initials, officer.role)

        identity = store.write_wait(setup)
        keyfile.save_key_file(data_dir, key_file)  # the profile exists from here on
    except BaseException as exc:
        if store is not None:
            store.close()
        keyfile.wipe(master)
        clear_half_made(data_dir, backend)
        _remove_if_empty(data_dir, made_folder)
        if isinstance(exc, keyfile.SecurityError | StoreError):
            raise ProfileError(str(exc)) from exc
        if isinstance(exc, OSError):
            raise ProfileError(folders.os_refusal(data_dir, exc)) from exc
        raise
    folders.remove_marker(data_dir)
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


def _remove_if_empty(folder: Path, made_here: bool) -> None:
    """A folder this creation made, and left empty by a failure, goes too."""
    if made_here:
        with contextlib.suppress(OSError):  # not empty (or not ours to remove): it stays
            folder.rmdir()


def clear_half_made(data_dir: Path, backend: KeyringBackend | None = None) -> bool:
    """Remove what an interrupted :func:`create_profile` left (never anything readable: its
    key was never saved), and forget its device secret. False when there was nothing."""
    if folders.profile_state(data_dir) is not State.HALF_MADE:
        return False
    profile_id = folders.read_marker(data_dir)
    names = (DB_FILENAME, *(DB_FILENAME + s for s in ("-wal", "-shm", "-journal")))
    for path in [*(data_dir / n for n in names), *folders.leftover_temporaries(data_dir)]:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
    if profile_id:
        keyfile.forget_device_secret(profile_id, backend)
    folders.remove_marker(data_dir)
    return True


def unlock_profile(
    data_dir: Path,
    passphrase: str,
    *,
    backend: KeyringBackend | None = None,
    clock: Clock | None = None,
    settings: Settings | None = None,
    window_lock: bool = False,
) -> OpenProfile:
    """Unlock with the passphrase (and this device's secret), migrate if needed, and open.

    The unlock is audited before the profile is handed over: an access that cannot be
    audited does not happen. ``window_lock``: hold the profile's window lock while it is
    open (one window per profile; a second one is refused, saying who holds it).
    """
    state = folders.profile_state(data_dir)
    if state is not State.COMPLETE:
        raise ProfileError(folders.refusal(data_dir, state))
    held: WindowLock | None = None
    if window_lock:
        held = WindowLock(data_dir)
        try:
            held.acquire()
        except OSError as exc:
            raise ProfileError(folders.os_refusal(data_dir, exc)) from exc
    try:
        return _unlock(data_dir, passphrase, backend, clock, settings, held)
    except BaseException:
        if held is not None:
            held.release()
        raise


def _unlock(
    data_dir: Path,
    passphrase: str,
    backend: KeyringBackend | None,
    clock: Clock | None,
    settings: Settings | None,
    held: WindowLock | None,
) -> OpenProfile:
    started = time.perf_counter()
    folders.tighten(data_dir)
    master = keyfile.unwrap_master_key(data_dir, passphrase, backend=backend)
    derived = time.perf_counter()
    try:
        store = Store.open(db_path(data_dir), keyfile.subkey(master, "database"), clock=clock)
        attachments_key = bytearray(keyfile.subkey(master, "attachments"))
    except StoreError as exc:
        raise ProfileError(str(exc)) from exc
    finally:
        keyfile.wipe(master)
    opened_at = time.perf_counter()
    try:
        identity = store.read(_officer_identity)
        store.actor = identity.id
        store.write_wait(lambda session: audit.record(session, "unlock"))
    except BaseException as exc:
        store.close()
        keyfile.wipe(attachments_key)
        if isinstance(exc, ProfileError):
            raise
        known = exc if isinstance(exc, StoreError) else classify(exc, store.path)
        if known is not None:
            raise ProfileError(f"{known}; the profile was not opened") from exc
        if isinstance(exc, SQLAlchemyError):
            raise ProfileError(
                f"the opening of the profile in {data_dir} could not be recorded in its audit "
                f"log ({type(exc).__name__}); the profile was not opened"
            ) from None
        raise
    folders.remove_marker(data_dir)  # a kill after key.json, before the marker went
    opened = OpenProfile(
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
    opened.window_lock = held
    return opened


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

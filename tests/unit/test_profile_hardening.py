"""Issue 8, the profile: made atomically, opened only when audited, owner-only folders, and each
way a profile folder can be wrong named for what it is."""

from __future__ import annotations

import json
import os
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, select, text

from officer_app.clock import FixedClock
from officer_app.security import keys
from officer_app.security.keys import FAST_TEST_KDF
from officer_app.services import profile
from officer_app.services import profile_folder as folders
from officer_app.services.profile import ProfileError, State
from officer_app.store import engine as store_engine
from officer_app.store.database import Store
from officer_app.store.errors import StoreDamaged, StoreMissing
from officer_app.store.models import AuditEvent
from tests.conftest import TEST_PASSPHRASE, MemoryKeyring

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")


def _create(folder: Path, backend: MemoryKeyring, clock: FixedClock) -> profile.OpenProfile:
    return profile.create_profile(
        folder,
        TEST_PASSPHRASE,
        officer_name="Dana Officer",
        officer_initials="DO",
        kdf=FAST_TEST_KDF,
        backend=backend,
        clock=clock,
    )


def _unlock(folder: Path, backend: MemoryKeyring, clock: FixedClock) -> profile.OpenProfile:
    return profile.unlock_profile(folder, TEST_PASSPHRASE, backend=backend, clock=clock)


def _audit_actions(folder: Path, backend: MemoryKeyring, clock: FixedClock) -> list[str]:
    opened = _unlock(folder, backend, clock)
    try:
        return opened.store.read(
            lambda s: list(
                s.scalars(
                    select(AuditEvent.action)
                    .where(AuditEvent.action.in_(["lock", "unlock"]))
                    .order_by(AuditEvent.seq)
                )
            )
        )
    finally:
        opened.lock()


# --- the database is never made afresh -------------------------------------------------------


def test_opening_a_missing_database_never_creates_it(tmp_path: Path) -> None:
    path = tmp_path / "caseload.db"
    with pytest.raises(StoreMissing, match="missing"):
        Store.open(path, os.urandom(32))
    assert not path.exists()


def test_a_profile_whose_caseload_has_gone_is_an_error(
    tmp_path: Path, keyring_backend: MemoryKeyring, clock: FixedClock
) -> None:
    folder = tmp_path / "profile"
    _create(folder, keyring_backend, clock).lock()
    (folder / "caseload.db").unlink()
    with pytest.raises(ProfileError, match=r"caseload.db is missing; it is never made afresh"):
        _unlock(folder, keyring_backend, clock)
    assert not (folder / "caseload.db").exists()


def test_a_folder_named_caseload_db_is_named_as_such(
    tmp_path: Path, keyring_backend: MemoryKeyring, clock: FixedClock
) -> None:
    folder = tmp_path / "profile"
    _create(folder, keyring_backend, clock).lock()
    for name in ("caseload.db", "caseload.db-wal", "caseload.db-shm"):
        (folder / name).unlink(missing_ok=True)
    (folder / "caseload.db").mkdir()
    with pytest.raises(ProfileError, match=r"caseload.db is a folder, not the caseload database"):
        _unlock(folder, keyring_backend, clock)


def test_damaged_pages_are_reported_as_damage_not_as_a_wrong_key(
    tmp_path: Path, keyring_backend: MemoryKeyring, clock: FixedClock
) -> None:
    from tests.conftest import make_profile

    folder = tmp_path / "profile"
    make_profile(folder, keyring_backend, 12, clock).lock()
    db = folder / "caseload.db"
    size = db.stat().st_size
    with db.open("r+b") as handle:  # zero a stretch in the middle: every page there fails
        handle.seek(size // 2)
        handle.write(bytes(size // 4))
    opened = _unlock(folder, keyring_backend, clock)  # page 1 is intact: it opens

    def read_everything(session: Any) -> None:
        tables = session.execute(text("SELECT name FROM sqlite_master WHERE type='table'"))
        for (table,) in list(tables):
            session.execute(text(f'SELECT * FROM "{table}"')).fetchall()

    with pytest.raises(StoreDamaged) as damaged:
        opened.store.read(read_everything)
    message = str(damaged.value)
    assert "is damaged" in message and "cannot be read with this key" not in message
    assert "SELECT" not in message and "[parameters" not in message  # no SQL, no case data
    with pytest.raises(ProfileError, match="could not be recorded"):
        opened.lock()  # SQLCipher refuses writes after a bad page: the lock says so
    assert opened.locked


def test_errors_are_told_apart() -> None:
    import sqlcipher3.dbapi2 as sqlcipher

    path = Path("/nowhere/caseload.db")
    wrong_key = store_engine.classify(sqlcipher.DatabaseError("file is not a database"), path)
    damaged = store_engine.classify(
        sqlcipher.DatabaseError("database disk image is malformed"), path
    )
    unopenable = store_engine.classify(
        sqlcipher.OperationalError("unable to open database file"), path
    )
    assert isinstance(wrong_key, store_engine.StoreLocked)
    assert isinstance(damaged, StoreDamaged)
    assert isinstance(unopenable, store_engine.StoreUnavailable)
    assert "cannot be written" in str(unopenable)  # /nowhere: its folder cannot be written
    assert store_engine.classify(ValueError("file is not a database"), path) is None


# --- creation is atomic ----------------------------------------------------------------------


def test_a_profile_is_complete_only_when_its_key_is_saved_last(
    tmp_path: Path, keyring_backend: MemoryKeyring, clock: FixedClock, monkeypatch: Any
) -> None:
    folder = tmp_path / "profile"
    folder.mkdir()
    (folder / "settings.toml").write_text('la_name = "Anyshire"\n')  # the LA put it there first
    seen: dict[str, Any] = {}
    real_save = keys.save_key_file

    def save(profile_dir: Path, key_file: keys.KeyFile) -> None:
        # at this moment the officer is committed and the folder is still marked unfinished
        seen["state"] = folders.profile_state(profile_dir)
        seen["files"] = sorted(p.name for p in profile_dir.iterdir())
        real_save(profile_dir, key_file)

    monkeypatch.setattr(keys, "save_key_file", save)
    opened = _create(folder, keyring_backend, clock)
    opened.lock()
    assert seen["state"] is State.HALF_MADE
    assert folders.MARKER_FILE in seen["files"] and "caseload.db" in seen["files"]
    assert "key.json" not in seen["files"]
    assert folders.profile_state(folder) is State.COMPLETE
    assert not (folder / folders.MARKER_FILE).exists()
    assert _unlock(folder, keyring_backend, clock).officer.name == "Dana Officer"


def test_a_failed_creation_leaves_nothing_behind(
    tmp_path: Path, keyring_backend: MemoryKeyring, clock: FixedClock, monkeypatch: Any
) -> None:
    folder = tmp_path / "profile"
    folder.mkdir()
    (folder / "settings.toml").write_text("")

    def refuse(profile_dir: Path, key_file: keys.KeyFile) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(keys, "save_key_file", refuse)
    with pytest.raises(ProfileError, match=r"disk holding .* is full"):
        _create(folder, keyring_backend, clock)
    assert sorted(p.name for p in folder.iterdir()) == ["settings.toml"]
    assert keyring_backend.secrets == {}  # the orphan device secret is forgotten too


def test_a_half_made_profile_is_recognised_and_can_be_made_again(
    tmp_path: Path, keyring_backend: MemoryKeyring, clock: FixedClock
) -> None:
    folder = tmp_path / "profile"
    _create(folder, keyring_backend, clock).lock()
    profile_id = keys.read_key_file(folder).profile_id
    # as a kill just before key.json would have left it
    (folder / "key.json").unlink()
    (folder / folders.MARKER_FILE).write_text(json.dumps({"profile_id": profile_id}))
    (folder / "settings.toml").write_text("")
    (folder / ".key.json.4242.tmp").write_text("{}")  # killed mid-way through its write
    assert folders.profile_state(folder) is State.HALF_MADE
    with pytest.raises(ProfileError, match=r"never finished .* create it again"):
        _unlock(folder, keyring_backend, clock)
    with pytest.raises(ProfileError, match="never finished"):
        _create(folder, keyring_backend, clock)
    assert profile.clear_half_made(folder, keyring_backend)
    assert not (folder / ".key.json.4242.tmp").exists()
    assert not (folder / folders.MARKER_FILE).exists()
    assert sorted(p.name for p in folder.iterdir() if not p.name.startswith(".")) == [
        "settings.toml"
    ]
    assert keyring_backend.secrets == {}
    _create(folder, keyring_backend, clock).lock()
    assert _unlock(folder, keyring_backend, clock).officer.initials == "DO"


def test_a_caseload_without_its_key_is_refused_and_kept(
    tmp_path: Path, keyring_backend: MemoryKeyring, clock: FixedClock
) -> None:
    folder = tmp_path / "profile"
    _create(folder, keyring_backend, clock).lock()
    (folder / "key.json").unlink()
    assert folders.profile_state(folder) is State.KEY_LOST
    assert not profile.clear_half_made(folder, keyring_backend)
    with pytest.raises(ProfileError, match=r"its key is lost.* move the folder aside"):
        _create(folder, keyring_backend, clock)
    assert (folder / "caseload.db").stat().st_size > 0


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p.write_text("x"), "is a file, not a profile folder"),
        (lambda p: (p.parent / "file").write_text("x"), "which is a file"),
    ],
    ids=["a-file", "under-a-file"],
)
def test_a_profile_folder_that_can_never_work_is_one_clear_error(
    tmp_path: Path, keyring_backend: MemoryKeyring, clock: FixedClock, make: Any, message: str
) -> None:
    folder = tmp_path / "profile"
    make(folder)
    target = folder if folder.exists() else tmp_path / "file" / "profile"
    with pytest.raises(ProfileError, match=message):
        _create(target, keyring_backend, clock)
    with pytest.raises(ProfileError, match=message):
        _unlock(target, keyring_backend, clock)


def test_proc_and_sys_are_not_profile_folders() -> None:
    for folder in (Path("/proc/self/officer"), Path("/sys/kernel/officer")):
        with pytest.raises(ProfileError, match="system folder"):
            folders.profile_state(folder)


# --- audited access --------------------------------------------------------------------------


def _read_only_connections(monkeypatch: Any) -> None:
    """Every new connection refuses writes, as a database that cannot be written does."""
    real = store_engine._connect

    def connect(path: Path, key: bytes) -> Any:
        conn = real(path, key)
        conn.execute("PRAGMA query_only = ON")
        return conn

    monkeypatch.setattr(store_engine, "_connect", connect)


def test_an_unlock_that_cannot_be_audited_does_not_open(
    tmp_path: Path, keyring_backend: MemoryKeyring, clock: FixedClock, monkeypatch: Any
) -> None:
    folder = tmp_path / "profile"
    _create(folder, keyring_backend, clock).lock()
    before = _audit_actions(folder, keyring_backend, clock)
    with monkeypatch.context() as patch:
        _read_only_connections(patch)
        with pytest.raises(ProfileError, match="the profile was not opened"):
            _unlock(folder, keyring_backend, clock)
    after = _audit_actions(folder, keyring_backend, clock)
    # the refused unlock left no trace: only the first check's lock and the second's unlock
    assert after[: len(before)] == before
    assert after[len(before) :] == ["lock", "unlock"]


def test_a_lock_that_cannot_be_audited_is_reported_after_the_keys_are_wiped(
    tmp_path: Path, keyring_backend: MemoryKeyring, clock: FixedClock
) -> None:
    folder = tmp_path / "profile"
    _create(folder, keyring_backend, clock).lock()
    opened = _unlock(folder, keyring_backend, clock)

    @event.listens_for(opened.store.engine, "begin")
    def _refuse_writes(conn: Any) -> None:
        conn.exec_driver_sql("PRAGMA query_only = ON")

    with pytest.raises(ProfileError, match="locked, but the lock could not be recorded"):
        opened.lock()
    assert opened.locked and opened.attachments_key == bytearray()
    actions = _audit_actions(folder, keyring_backend, clock)
    assert actions[-3:] == ["lock", "unlock", "unlock"]  # no "lock" for the refused one


# --- owner-only folders ----------------------------------------------------------------------


@posix_only
def test_profile_and_attachment_folders_are_owner_only(
    tmp_path: Path, keyring_backend: MemoryKeyring, clock: FixedClock
) -> None:
    folder = tmp_path / "profile"
    opened = _create(folder, keyring_backend, clock)
    try:
        opened.attachments.stage_bytes(
            "case-1", b"hello", filename="note.txt", media_type="text/plain"
        )
    finally:
        opened.lock()
    assert folder.stat().st_mode & 0o777 == 0o700
    for path in folder.rglob("*"):
        expected = 0o700 if path.is_dir() else 0o600
        if path.name.startswith("."):
            continue  # the empty lock files
        assert path.stat().st_mode & 0o777 == expected, path


@posix_only
def test_an_existing_profile_is_tightened_on_open(
    tmp_path: Path, keyring_backend: MemoryKeyring, clock: FixedClock
) -> None:
    folder = tmp_path / "profile"
    _create(folder, keyring_backend, clock).lock()
    (folder / "attachments").mkdir(exist_ok=True)
    folder.chmod(0o755)
    (folder / "attachments").chmod(0o755)
    _unlock(folder, keyring_backend, clock).lock()
    assert folder.stat().st_mode & 0o777 == 0o700
    assert (folder / "attachments").stat().st_mode & 0o777 == 0o700


# --- the wrong-passphrase delay --------------------------------------------------------------


def test_parallel_attempts_each_count_and_wait_their_turn(
    tmp_path: Path, keyring_backend: MemoryKeyring, clock: FixedClock
) -> None:
    folder = tmp_path / "profile"
    _create(folder, keyring_backend, clock).lock()
    tries = 6
    start = threading.Barrier(tries)
    outcomes: list[BaseException] = []
    guard = threading.Lock()

    def attempt() -> None:
        start.wait()
        try:
            keys.unwrap_master_key(folder, "a wrong guess here", backend=keyring_backend)
        except keys.SecurityError as exc:
            with guard:
                outcomes.append(exc)

    threads = [threading.Thread(target=attempt) for _ in range(tries)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    tried = [e for e in outcomes if isinstance(e, keys.WrongPassphrase)]
    refused = [e for e in outcomes if isinstance(e, keys.TooSoon)]
    # one guess is tried; the others come too soon (before: all six tried, counter at 1)
    assert len(tried) == 1 and len(refused) == tries - 1
    state = json.loads((folder / keys.STATE_FILE).read_text())
    assert state["failed_attempts"] == 1


def test_deleting_the_state_file_does_not_reset_the_delay(
    tmp_path: Path, keyring_backend: MemoryKeyring, clock: FixedClock
) -> None:
    folder = tmp_path / "profile"
    _create(folder, keyring_backend, clock).lock()
    now = [1_000_000.0]
    for attempt in (1, 2, 3):
        with pytest.raises(keys.WrongPassphrase) as refused:
            keys.unwrap_master_key(
                folder, "a wrong guess here", backend=keyring_backend, clock=lambda: now[0]
            )
        assert refused.value.attempts == attempt
        (folder / keys.STATE_FILE).unlink()  # the thief deletes the counter
        with pytest.raises(keys.TooSoon):
            keys.unwrap_master_key(
                folder, TEST_PASSPHRASE, backend=keyring_backend, clock=lambda: now[0]
            )
        now[0] += refused.value.retry_after
    assert keys.unwrap_master_key(
        folder, TEST_PASSPHRASE, backend=keyring_backend, clock=lambda: now[0]
    )
    assert not any(name.startswith("unlock-state") for _, name in keyring_backend.secrets)


def test_an_attempt_is_counted_before_the_key_is_tried(
    tmp_path: Path, keyring_backend: MemoryKeyring, clock: FixedClock, monkeypatch: Any
) -> None:
    folder = tmp_path / "profile"
    _create(folder, keyring_backend, clock).lock()
    seen: list[int] = []
    real_kek = keys._kek

    def kek(*args: Any) -> bytes:  # a crash or a kill here must still count the attempt
        seen.append(json.loads((folder / keys.STATE_FILE).read_text())["failed_attempts"])
        return real_kek(*args)

    monkeypatch.setattr(keys, "_kek", kek)
    keys.wipe(keys.unwrap_master_key(folder, TEST_PASSPHRASE, backend=keyring_backend))
    assert seen == [1]
    assert json.loads((folder / keys.STATE_FILE).read_text())["failed_attempts"] == 0


def test_every_key_file_fault_is_one_clear_error(tmp_path: Path) -> None:
    folder = tmp_path / "profile"
    folder.mkdir()
    (folder / "key.json").mkdir()
    with pytest.raises(keys.CorruptKeyFile, match="is a folder"):
        keys.read_key_file(folder)
    (folder / "key.json").rmdir()
    (folder / "key.json").write_bytes(b"\xff\xfe garbage")
    with pytest.raises(keys.CorruptKeyFile, match="not a key file"):
        keys.read_key_file(folder)
    (folder / "key.json").write_bytes(b"{" * (keys.MAX_KEY_FILE + 10))
    with pytest.raises(keys.CorruptKeyFile, match="far too large"):
        keys.read_key_file(folder)


def test_a_refused_passphrase_leaves_no_folder_behind(
    tmp_path: Path, keyring_backend: MemoryKeyring, clock: FixedClock
) -> None:
    folder = tmp_path / "new" / "profile"
    with pytest.raises(ProfileError, match="at least 8 characters"):
        profile.create_profile(
            folder, "short", officer_name="A B", officer_initials="AB", backend=keyring_backend
        )
    assert not folder.exists()

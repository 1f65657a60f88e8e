"""The profile folder itself: what state it is in, its creation marker, its modes, and the
lock a window holds on it. Nothing here reads or writes case data or keys."""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
import errno
import getpass
import json
import os
import socket
import sys
from pathlib import Path

from officer_app.paths import UnusableFolder, check_profile_folder
from officer_app.security._oslock import FileLock, LockBusy
from officer_app.security.atomic import fsync_dir, write_bytes_atomic
from officer_app.security.keys import KEY_FILE
from officer_app.store.database import DB_FILENAME

MARKER_FILE = ".creating.json"  # written first when a profile is made, removed last
WINDOW_LOCK_FILE = ".window.lock"  # held (OS lock) while a window has the profile unlocked
WINDOW_HOLDER_FILE = "window-holder.json"  # who holds it: process, host, user, since when
ATTACHMENTS_DIR = "attachments"
WINDOW_LOCK_WAIT_S = 5.0


class ProfileError(Exception):
    """A profile cannot be created or opened; the message says why, for the officer."""


class State(enum.Enum):
    ABSENT = "absent"  # nothing of a profile: one may be made here
    COMPLETE = "complete"  # key.json is there (written last: the profile was finished)
    HALF_MADE = "half-made"  # the creation marker without key.json: interrupted, holds nothing
    KEY_LOST = "key-lost"  # a caseload.db without key.json or marker: damaged


def profile_state(data_dir: Path) -> State:
    """What the folder holds, as far as profiles go (raises ProfileError for a bad folder)."""
    check_folder(data_dir)
    if not data_dir.exists():
        return State.ABSENT
    try:
        if (data_dir / KEY_FILE).exists():
            return State.COMPLETE
        if (data_dir / MARKER_FILE).exists():
            return State.HALF_MADE
        if (data_dir / DB_FILENAME).exists():
            return State.KEY_LOST
    except OSError as exc:
        raise ProfileError(os_refusal(data_dir, exc)) from None
    return State.ABSENT


def refusal(data_dir: Path, state: State) -> str:
    """Why a profile in this state cannot be used as wanted, and the way out."""
    if state is State.ABSENT:
        return f"there is no profile in {data_dir} (create one with 'officer-app demo')"
    if state is State.COMPLETE:
        return f"a profile already exists in {data_dir}"
    if state is State.HALF_MADE:
        return (
            f"the profile in {data_dir} was never finished (its creation was interrupted) and "
            "holds nothing that can be read; create it again (for example 'officer-app demo'), "
            "which removes the unfinished one"
        )
    return (
        f"{data_dir} holds a {DB_FILENAME} but no {KEY_FILE}: its key is lost, so it cannot be "
        "opened; move the folder aside (keep it, in case its key.json can be restored) and "
        "create a new profile"
    )


def check_folder(data_dir: Path) -> None:
    """Refuse, in one line, a profile folder that can never work (see
    :func:`officer_app.paths.check_profile_folder`)."""
    try:
        check_profile_folder(data_dir)
    except UnusableFolder as exc:
        raise ProfileError(str(exc)) from None


def os_refusal(data_dir: Path, exc: OSError) -> str:
    """One line for an OS refusal on the profile folder (never a traceback)."""
    reason = exc.strerror or type(exc).__name__
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"the profile folder {data_dir} cannot be written ({reason})"
    if exc.errno == errno.ENOSPC:
        return f"the disk holding {data_dir} is full"
    return f"the profile folder {data_dir} cannot be used ({reason})"


def make_private_folder(folder: Path) -> None:
    """Create ``folder`` (and missing parents) and make it owner-only (0700)."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise ProfileError(os_refusal(folder, exc)) from None
    _chmod_private(folder)


def tighten(data_dir: Path) -> None:
    """Owner-only modes on a profile's folders (profiles made before 0700 was the rule)."""
    for folder in (data_dir, data_dir / ATTACHMENTS_DIR):
        if folder.is_dir():
            _chmod_private(folder)


def _chmod_private(folder: Path) -> None:
    if sys.platform == "win32":  # pragma: no cover - NTFS: the user's profile ACLs apply
        return
    with contextlib.suppress(OSError):  # not ours to change (another owner): leave it
        if folder.stat().st_mode & 0o077:
            folder.chmod(0o700)


def write_marker(data_dir: Path, profile_id: str) -> None:
    """The creation marker: when, and the profile id (so an orphan device secret can be
    forgotten). No secret."""
    payload = {
        "creating_since": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "profile_id": profile_id,
    }
    try:
        write_bytes_atomic(data_dir / MARKER_FILE, json.dumps(payload).encode("utf-8"))
    except OSError as exc:
        raise ProfileError(os_refusal(data_dir, exc)) from None


def read_marker(data_dir: Path) -> str:
    """The profile id in the creation marker ("" when unreadable)."""
    try:
        raw = json.loads((data_dir / MARKER_FILE).read_text("utf-8"))
        profile_id = raw["profile_id"]
    except (OSError, ValueError, KeyError, TypeError):
        return ""
    return profile_id if isinstance(profile_id, str) else ""


def remove_marker(data_dir: Path) -> None:
    with contextlib.suppress(OSError):  # gone already, or a folder we may not change
        (data_dir / MARKER_FILE).unlink()
        fsync_dir(data_dir)


def leftover_temporaries(data_dir: Path) -> list[Path]:
    """Temporary files an atomic write killed before its rename left (``.NAME.PID.tmp``)."""
    names = (KEY_FILE, MARKER_FILE)
    try:
        return [
            path
            for path in data_dir.iterdir()
            if path.name.endswith(".tmp") and any(path.name.startswith(f".{n}.") for n in names)
        ]
    except OSError:
        return []


def _holder_text(data_dir: Path) -> str:
    try:
        raw = json.loads((data_dir / WINDOW_HOLDER_FILE).read_text("utf-8"))
        who = (
            f"process {int(raw['pid'])} of {str(raw['user'])[:64]} on {str(raw['host'])[:64]}, "
            f"since {str(raw['since'])[:32]}"
        )
    except (OSError, ValueError, KeyError, TypeError):
        return "another window"
    return who.encode("ascii", "replace").decode("ascii")


class WindowLock:
    """One window per profile: an OS lock on ``.window.lock`` while the profile is unlocked in
    a window (the OS drops it if the process dies), and a note of who holds it (in clear:
    process, host, user, since when; nothing sensitive). The command line does not take it."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self._lock = FileLock(data_dir / WINDOW_LOCK_FILE)

    @property
    def held(self) -> bool:
        return self._lock.held

    def acquire(self, timeout: float | None = None) -> None:
        """Take it within ``timeout`` s (default :data:`WINDOW_LOCK_WAIT_S`: time for a lock
        just asked for, in this or another window, to finish its writes), or raise
        ProfileError saying who holds it."""
        try:
            self._lock.acquire(timeout=WINDOW_LOCK_WAIT_S if timeout is None else timeout)
        except LockBusy:
            raise ProfileError(
                f"this profile is already open in another window ({_holder_text(self.data_dir)});"
                " lock or close that window first"
            ) from None
        try:
            user = getpass.getuser()
        except Exception:  # no user name known to the OS (containers)
            user = "unknown user"
        holder = {
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "user": user,
            "since": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        }
        try:
            write_bytes_atomic(
                self.data_dir / WINDOW_HOLDER_FILE, json.dumps(holder).encode("utf-8")
            )
        except OSError as exc:
            self._lock.release()
            raise ProfileError(os_refusal(self.data_dir, exc)) from None

    def release(self) -> None:
        if not self._lock.held:
            return
        with contextlib.suppress(OSError):
            (self.data_dir / WINDOW_HOLDER_FILE).unlink()
        self._lock.release()

"""Advisory locks on a file, held by an open descriptor: the OS drops them when the process dies.

POSIX: ``fcntl.flock`` on the whole file. Windows: ``msvcrt.locking`` on the file's first byte
(the lock file holds nothing else, so the mandatory byte lock blocks no reader of anything).
A well-kept library (``filelock``) was considered: its 4.x locks are per thread by default and
its file is truncated by every attempt; a window holds this lock across threads, so the dozen
lines for each platform are kept here instead.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path


class LockBusy(Exception):
    """Another process holds the lock."""


def _open(path: Path) -> int:
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0)
    return os.open(path, flags, 0o600)


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try(fd: int) -> bool:
        os.lseek(fd, 0, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _release(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        with contextlib.suppress(OSError):
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _release(fd: int) -> None:
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_UN)


class FileLock:
    """An exclusive lock on ``path`` for this process (any thread may release it)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self, timeout: float | None = None) -> None:
        """Take the lock: at once (``timeout=0``), within ``timeout`` s, or waiting as long as
        it takes (None). Raises :class:`LockBusy` when another process keeps it."""
        if self._fd is not None:
            return
        fd = _open(self.path)
        deadline = None if timeout is None else time.monotonic() + timeout
        delay = 0.005
        while not _try(fd):
            if deadline is not None and time.monotonic() >= deadline:
                os.close(fd)
                raise LockBusy(str(self.path))
            time.sleep(delay)
            delay = min(delay * 2, 0.1)
        self._fd = fd

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is not None:
            _release(fd)
            os.close(fd)


@contextlib.contextmanager
def locked(path: Path, timeout: float | None = None) -> Iterator[None]:
    """Hold the lock on ``path`` for the block."""
    lock = FileLock(path)
    lock.acquire(timeout)
    try:
        yield
    finally:
        lock.release()

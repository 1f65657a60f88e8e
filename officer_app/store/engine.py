"""The encrypted SQLite engine: SQLCipher with a raw 256-bit key, WAL, foreign keys on.

Opening never creates a file unless asked to (``create=True``, when a profile is made): a
profile whose ``caseload.db`` has gone is an error, never an empty caseload. SQLCipher's
errors are told apart, because each needs a different remedy: a wrong key, a file or folder
that cannot be opened or written, and a damaged file.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import QueuePool

from officer_app.store.errors import (
    StoreDamaged,
    StoreError,
    StoreLocked,
    StoreMissing,
    StoreUnavailable,
)

IMMEDIATE = "officer_app_immediate"


def for_writing(engine: Engine) -> Engine:
    """The same engine (pool, events) whose transactions start with ``BEGIN IMMEDIATE``."""
    return engine.execution_options(**{IMMEDIATE: True})


__all__ = [
    "StoreDamaged",
    "StoreError",
    "StoreLocked",
    "StoreMissing",
    "StoreUnavailable",
    "classify",
    "open_engine",
    "unwritable_reason",
]


def unwritable_reason(path: Path) -> str:
    """Why ``path`` (a database file) cannot be written, in words; "" when nothing shows."""
    folder = path.parent
    if path.is_dir():
        return f"{path} is a folder, not the caseload database; move it aside"
    if not os.access(folder, os.W_OK):
        return f"the profile folder {folder} cannot be written (check its permissions)"
    for candidate in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        if candidate.exists() and not os.access(candidate, os.W_OK):
            return f"{candidate} cannot be written (check its permissions)"
    return ""


def classify(exc: BaseException, path: Path) -> StoreError | None:
    """The :class:`StoreError` that a SQLCipher error on ``path`` means, or None.

    Only SQLite's own message is read (never the SQL or its parameters, which may hold case
    data), so the result is safe to show.
    """
    orig = getattr(exc, "orig", exc)  # SQLAlchemy wraps the driver's error
    if not isinstance(orig, sqlcipher.Error):
        return None
    text = str(orig).lower()
    if "malformed" in text or "corrupt" in text:
        return StoreDamaged(
            f"the caseload database {path} is damaged (some of its pages fail their check); "
            "restore it from a backup: the copy taken before the last upgrade "
            f"({path.stem}.before-*.db) or the central store"
        )
    if "not a database" in text:
        return StoreLocked("the database cannot be read with this key (or it is not a caseload)")
    if any(
        word in text
        for word in ("readonly", "read-only", "unable to open", "disk i/o", "access permission")
    ):
        reason = unwritable_reason(path)
        if reason:
            return StoreUnavailable(reason)
        if "readonly" in text:  # SQLCipher refuses writes after a page fails its check
            return StoreDamaged(
                f"the caseload database {path} refused a write although it and its folder "
                "are writable: it is probably damaged; run 'officer-app verify'"
            )
        return StoreUnavailable(f"{path} cannot be opened ({orig})")
    if "locked" in text or "busy" in text:
        return StoreUnavailable(
            f"the caseload database {path} is busy in another program; try again shortly"
        )
    return None


def _connect(path: Path, key: bytes) -> Any:
    if path.is_dir():
        raise StoreUnavailable(f"{path} is a folder, not the caseload database; move it aside")
    try:
        conn = sqlcipher.connect(str(path), check_same_thread=False, timeout=30)
    except sqlcipher.Error as exc:
        raise classify(exc, path) or StoreUnavailable(f"{path} cannot be opened") from None
    try:
        cur = conn.cursor()
        cur.execute("PRAGMA cipher_log_level = NONE")
        # A raw key skips SQLCipher's own PBKDF2 (we derived the key with Argon2id ourselves).
        cur.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        cur.execute("SELECT count(*) FROM sqlite_master")
        cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = FULL")  # a pulled plug keeps every committed change
        cur.execute("PRAGMA foreign_keys = ON")
        cur.execute("PRAGMA busy_timeout = 30000")
        cur.close()
    except sqlcipher.Error as exc:
        conn.close()
        raise classify(exc, path) or StoreLocked(
            "the database cannot be read with this key"
        ) from None
    return conn


def open_engine(path: Path, key: bytes, *, pool_size: int = 4, create: bool = False) -> Engine:
    """An engine on the encrypted file at ``path``.

    A missing file is :class:`StoreMissing`, unless ``create`` (a new profile): then it is
    made, owner-only. Raises a :class:`StoreError` saying what is wrong.
    """
    if len(key) != 32:
        raise ValueError("the database key must be 32 bytes")
    if not path.exists():
        if not create:
            raise StoreMissing(
                f"the caseload database {path} is missing; it is never made afresh for an "
                "existing profile: restore it, or move the profile folder aside"
            )
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        try:
            path.touch(mode=0o600)
        except OSError as exc:
            raise StoreUnavailable(f"{path} cannot be created: {exc.strerror or exc}") from None
    key_copy = bytes(key)
    _connect(path, key_copy).close()  # fail fast, on this thread, with a clear error
    engine = create_engine(
        "sqlite://",
        module=sqlcipher,
        creator=lambda: _connect(path, key_copy),
        poolclass=QueuePool,
        pool_size=pool_size,
        max_overflow=4,
        hide_parameters=True,  # an error's text never carries case data (ids, dates, marks)
    )

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:  # pragma: no cover - exercised by every transaction
        # pysqlite's own transaction handling is off (see below); start ours explicitly. A
        # writer takes the write lock at once (BEGIN IMMEDIATE), so that a second process
        # waits its busy timeout for it instead of failing with "database is locked" when
        # a deferred read tries to become a write; readers stay deferred and never block.
        immediate = conn.get_execution_options().get(IMMEDIATE, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, record: Any) -> None:
        dbapi_conn.isolation_level = None

    return engine

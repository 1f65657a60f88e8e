"""The encrypted SQLite engine: SQLCipher with a raw 256-bit key, WAL, foreign keys on."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import QueuePool


class StoreLocked(Exception):
    """The store cannot be opened: the key is wrong or the file is not a profile database."""


def _connect(path: Path, key: bytes) -> Any:
    conn = sqlcipher.connect(str(path), check_same_thread=False, timeout=30)
    cur = conn.cursor()
    cur.execute("PRAGMA cipher_log_level = NONE")
    # A raw key skips SQLCipher's own PBKDF2 (we derived the key with Argon2id ourselves).
    cur.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    try:
        cur.execute("SELECT count(*) FROM sqlite_master")
    except sqlcipher.DatabaseError as exc:
        conn.close()
        raise StoreLocked("the database cannot be read with this key") from exc
    cur.execute("PRAGMA journal_mode = WAL")
    cur.execute("PRAGMA synchronous = FULL")  # a pulled plug keeps every committed change
    cur.execute("PRAGMA foreign_keys = ON")
    cur.execute("PRAGMA busy_timeout = 30000")
    cur.close()
    return conn


def open_engine(path: Path, key: bytes, *, pool_size: int = 4) -> Engine:
    """An engine on the encrypted file at ``path`` (created when missing, owner-only)."""
    if len(key) != 32:
        raise ValueError("the database key must be 32 bytes")
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.touch(mode=0o600)
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
    def _begin(conn: Any) -> None:  # pragma: no cover - exercised by every write
        # pysqlite's own transaction handling is off (see below); start ours explicitly.
        conn.exec_driver_sql("BEGIN")

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, record: Any) -> None:
        dbapi_conn.isolation_level = None

    return engine

"""Opening the central database: create or upgrade it with its own Alembic migrations, and the
connection settings each back end needs. SQLite is the embedded default (WAL, a busy timeout,
and ``BEGIN IMMEDIATE`` so that two writers queue instead of failing on a lock upgrade);
PostgreSQL (``postgresql+psycopg://``) is the production store, where the per-scope counter is
serialised by ``SELECT ... FOR UPDATE`` (anchors-sync §7.2)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

from officer_app.central import tenancy

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
VERSION_TABLE = "central_alembic_version"
BUSY_TIMEOUT_MS = 10_000


@dataclass(frozen=True)
class Database:
    """The central store's engine; every function of this package takes one."""

    engine: Engine

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    def dispose(self) -> None:
        self.engine.dispose()


def _sqlite_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(
        url, connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000}
    )

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves (below)
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def create_database_engine(url: str) -> Engine:
    if make_url(url).get_backend_name() == "sqlite":
        return _sqlite_engine(url)
    engine = create_engine(url, pool_pre_ping=True)
    tenancy.install(engine)  # each transaction of a request: that request's LA only
    return engine


def migrate(engine: Engine) -> None:
    """Create or upgrade the schema to the newest migration."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def open_database(url: str) -> Database:
    """The database at ``url``, created or upgraded to the newest schema."""
    engine = create_database_engine(url)
    migrate(engine)
    return Database(engine)


def utc(value: dt.datetime | None) -> dt.datetime | None:
    """A time read back from the database, as an aware UTC time (SQLite drops the zone)."""
    if value is None:
        return None
    if value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC)


def iso(value: dt.datetime) -> str:
    """RFC 3339 UTC with microseconds, as the protocol writes times."""
    return value.astimezone(dt.UTC).isoformat(timespec="microseconds")

"""Schema upgrades with Alembic: a copy of the file first, and no opening a newer schema."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


class StoreTooNew(Exception):
    """The file was written by a newer version of the application."""


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, db_path: Path) -> Path | None:
    """Bring the schema to head. Returns the path of the copy taken before migrating, if any."""
    scripts = ScriptDirectory.from_config(_config())
    current = current_revision(engine)
    head = scripts.get_current_head()
    if current == head:
        return None
    if current is not None and current not in {s.revision for s in scripts.walk_revisions()}:
        raise StoreTooNew(
            f"{db_path.name} was written by a newer version of officer-app (schema {current}); "
            "this version cannot open it safely. Install the latest version."
        )
    backup: Path | None = None
    if current is not None:
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
        backup = db_path.with_name(f"{db_path.stem}.before-{head}-from-{current}-{stamp}.db")
        shutil.copy2(db_path, backup)  # still encrypted: a byte copy of the SQLCipher file
    cfg = _config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return backup

"""Schema upgrades with Alembic: a copy of the file first, and no opening a newer schema.

Opening a profile that is already at the current schema reads one row and never loads
Alembic (which costs about 0.2 s of start-up): ``HEAD`` names the newest revision, and a
test keeps it equal to the newest script.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text

from officer_app.store.engine import for_writing

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
HEAD = "0013"


class StoreTooNew(Exception):
    """The file was written by a newer version of the application."""


def _config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    """The newest revision among the migration scripts (slow: loads them all)."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(engine: Engine, db_path: Path) -> Path | None:
    """Bring the schema to head. Returns the path of the copy taken before migrating, if any."""
    current = current_revision(engine)
    if current == HEAD:
        return None
    from alembic import command
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(_config())
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
        backup = db_path.with_name(f"{db_path.stem}.before-{HEAD}-from-{current}-{stamp}.db")
        shutil.copy2(db_path, backup)  # still encrypted: a byte copy of the SQLCipher file
    cfg = _config()
    with for_writing(engine).connect() as conn:
        # A migration may recreate a table others refer to (SQLite cannot change constraints
        # in place): foreign keys are off while migrating (the pragma is a no-op inside a
        # transaction, so before it begins) and checked before the upgrade commits.
        driver = conn.connection.dbapi_connection
        assert driver is not None
        driver.execute("PRAGMA foreign_keys = OFF")
        try:
            with conn.begin():
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
                if conn.exec_driver_sql("PRAGMA foreign_key_check").first() is not None:
                    raise RuntimeError("the schema upgrade left rows that refer to none")
        finally:
            driver.execute("PRAGMA foreign_keys = ON")
    return backup

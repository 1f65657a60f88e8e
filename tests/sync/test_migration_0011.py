"""Schema 0011 on a profile at 0010: the outbox keeps its rows (and their states), gains the
server's answer, and the sync tables are there, empty."""

from __future__ import annotations

import hashlib
from pathlib import Path

from alembic import command
from sqlalchemy import text

from officer_app.store import migrate
from officer_app.store.database import Store
from officer_app.store.engine import for_writing, open_engine

KEY = hashlib.sha256(b"sync migration test").digest()


def test_0011_upgrades_a_0010_profile_keeping_its_outbox(tmp_path: Path) -> None:
    path = tmp_path / "caseload.db"
    engine = open_engine(path, KEY, create=True)
    cfg = migrate._config()
    with for_writing(engine).begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0010")
        for seq, state in ((1, "synced"), (2, "pending")):
            conn.execute(
                text(
                    "INSERT INTO outbox (device_seq, mutation_id, entity_type, entity_id, op,"
                    " base_version, changes, schema_version, created_at, state) VALUES"
                    " (:seq, :mid, 'case_file', 'c1', 'update', 1, '{\"stage\": \"x\"}', '0010',"
                    " '2026-11-20T10:30:00.000000+00:00', :state)"
                ),
                {"seq": seq, "mid": f"m{seq}", "state": state},
            )
    engine.dispose()
    store = Store.open(path, KEY)
    try:
        assert migrate.current_revision(store.engine) == migrate.HEAD
        rows = store.read(
            lambda s: s.execute(
                text("SELECT state, attempts, last_error, result FROM outbox ORDER BY device_seq")
            ).all()
        )
        assert [tuple(r) for r in rows] == [("synced", 0, "", None), ("pending", 0, "", None)]
        for table in ("sync_entity", "sync_scope", "sync_entity_scope", "sync_conflict"):
            assert (
                store.read(lambda s, t=table: s.execute(text(f"SELECT count(*) FROM {t}")).scalar())
                == 0
            )
    finally:
        store.close()
    assert store.migration_backup is not None and store.migration_backup.exists()

"""Profiles made by every released schema open with this version; newer ones are refused."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from sqlalchemy import text

from officer_app.store import evidence, migrate
from officer_app.store.database import Store
from officer_app.store.migrate import StoreTooNew

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "schema"
KEY = hashlib.sha256(b"officer-app schema fixture").digest()


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("*.db")), ids=lambda p: p.stem)
def test_a_released_schema_upgrades_to_head_with_its_data(fixture: Path, tmp_path: Path) -> None:
    path = tmp_path / "caseload.db"
    shutil.copy(fixture, path)
    store = Store.open(path, KEY)
    try:
        assert migrate.current_revision(store.engine) == migrate.head_revision()
        assert store.read(
            lambda s: s.execute(text("SELECT reference FROM case_file")).scalars().all()
        ) == ["ATT-2026-00001"]
        checked, breaks = store.read(evidence.verify)
        assert (checked, breaks) == (3, [])
        # the evidence triggers survived the upgrade
        with pytest.raises(Exception, match="signed evidence cannot be changed"):
            store.write_wait(lambda s: s.execute(text("UPDATE chronology_entry SET body = 'x'")))
        # search still works on old rows
        hits = store.read(
            lambda s: s.execute(
                text("SELECT count(*) FROM search_index WHERE search_index MATCH 'fixturechild'")
            ).scalar()
        )
        assert hits == 1
    finally:
        store.close()
    if fixture.stem != migrate.head_revision():
        assert store.migration_backup is not None and store.migration_backup.exists()
        assert store.migration_backup.read_bytes()[:16] != b"SQLite format 3\x00"


def test_there_is_a_fixture_for_the_first_schema() -> None:
    assert (FIXTURES / "0001.db").exists()


def test_a_profile_from_a_newer_version_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "caseload.db"
    shutil.copy(FIXTURES / "0001.db", path)
    store = Store.open(path, KEY)
    store.write_wait(lambda s: s.execute(text("UPDATE alembic_version SET version_num = '9999'")))
    store.close()
    before = path.read_bytes()
    with pytest.raises(StoreTooNew, match="newer version of officer-app"):
        Store.open(path, KEY)
    assert path.read_bytes() == before


def test_the_fast_path_head_is_the_newest_script() -> None:
    assert migrate.head_revision() == migrate.HEAD


def test_the_migrated_schema_is_exactly_the_models(tmp_path: Path) -> None:
    """Upgrading the first released schema gives the tables and columns the models declare
    (a column added to a model without its migration would fail here)."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from officer_app.store.models import Base

    path = tmp_path / "caseload.db"
    shutil.copy(FIXTURES / "0001.db", path)
    store = Store.open(path, KEY)
    try:
        with store.engine.connect() as conn:
            diffs = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    finally:
        store.close()
    # the full-text index is made by hand-written SQL (schema_sql.py), not by the models
    ours = [d for d in diffs if not (d[0] == "remove_table" and d[1].name.startswith("search_"))]
    assert ours == []

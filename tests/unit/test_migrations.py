"""Profiles made by every released schema open with this version; newer ones are refused."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from officer_app.services.verification import verify_profile
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
        # the upgrade gave the profile its heads and chained its audit log: all verifies
        report = verify_profile(store)
        assert report.breaks == () and report.audit_checked > 0
        assert store.read(lambda s: s.execute(text("SELECT last_seq FROM chain_head")).all()) == [
            (3,)
        ]
        # and signing goes on from the head the upgrade computed
        store.write_wait(lambda s: _sign_one_more(s))
        assert verify_profile(store).breaks == ()
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


def _sign_one_more(session: Session) -> None:
    from officer_app.store.models import ChronologyEntry

    entry = session.scalars(select(ChronologyEntry).limit(1)).one()
    new = ChronologyEntry(
        case_id=entry.case_id, entry_type="note", occurred_at=entry.occurred_at,
        recorded_at=entry.recorded_at, author_id=entry.author_id, title="After the upgrade",
        body="Signed on", amend_reason="",
    )  # fmt: skip
    evidence.sign(session, new, by=str(entry.author_id), at=entry.occurred_at)
    session.add(new)


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


def test_upgrading_to_0004_counts_the_marks_a_profile_already_holds(tmp_path: Path) -> None:
    """A profile from before the kept totals gets them at the upgrade, so the caseload shows
    every child's band at once."""
    from officer_app.store.engine import open_engine

    path = tmp_path / "caseload.db"
    shutil.copy(FIXTURES / "0003.db", path)
    engine = open_engine(path, KEY)  # as version 0003 left it: no upgrade yet
    with engine.begin() as conn:
        child = conn.execute(text("SELECT id FROM child")).scalar_one()
        for n, (day, part, code) in enumerate(
            [
                ("2026-09-07", "AM", "/"), ("2026-09-07", "PM", "N"), ("2026-09-08", "AM", "I"),
                ("2026-09-08", "PM", "X"), ("2026-07-01", "AM", "/"),
            ]
        ):  # fmt: skip
            conn.execute(
                text(
                    "INSERT INTO attendance_mark (id, child_id, date, session, code, code_set, "
                    "school_urn, source_import) VALUES (:id, :c, :d, :s, :code, '2024', '', '')"
                ),
                {"id": f"00000000-0000-4000-8000-0000000000{n:02d}", "c": child, "d": day,
                 "s": part, "code": code},
            )  # fmt: skip
    engine.dispose()
    store = Store.open(path, KEY)
    try:
        rows = store.read(
            lambda s: s.execute(
                text(
                    "SELECT school_year, possible, attending, authorised, unauthorised, "
                    "first_mark, last_mark FROM child_attendance_year ORDER BY school_year"
                )
            ).all()
        )
    finally:
        store.close()
    assert [tuple(r) for r in rows] == [
        (2025, 1, 1, 0, 0, "2026-07-01", "2026-07-01"),
        (2026, 3, 1, 1, 1, "2026-09-07", "2026-09-08"),  # X is not counted
    ]

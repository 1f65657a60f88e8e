"""Full-text search over names, references, addresses and note text stays in step."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from officer_app.clock import FixedClock
from officer_app.services.caseload import CaseloadService, fts_query
from officer_app.store.database import Store
from officer_app.store.models import Adult, Case, Child, Family
from tests.unit.store_helpers import seed_case, signed_note


def test_search_finds_cases_by_child_adult_address_reference_and_note(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "c.db", os.urandom(32), create=True)
    try:

        def work(session):  # type: ignore[no-untyped-def]
            a, officer = seed_case(session, surname="Okonkwo", reference="ATT-2026-00001")
            b, _ = seed_case(session, surname="Brennan", reference="ATT-2026-00002")
            signed_note(session, b, officer, "Mother described bullying on the school bus")
            fam = session.get(Family, session.get(Child, session.get(Case, a).child_id).family_id)
            session.add(Adult(family_id=fam.id, forename="Grazyna", surname="Wisniewska"))
            return a, b

        a, b = store.write_wait(work)
        service = CaseloadService(store, FixedClock(dt.datetime(2026, 11, 20, tzinfo=dt.UTC)))
        assert service.search("okonk") == {a}
        assert service.search("bullying bus") == {b}
        assert service.search("bullying okonkwo") == set()
        assert service.search("grazyna") == {a}
        assert service.search("ATT-2026-00002") == {b}
        assert service.search("Alder Road") == {a, b}
        assert service.search("  ") == set()
        assert service.search("maisie brennan") == {b}

        def rename(session):  # type: ignore[no-untyped-def]
            child = session.query(Child).filter_by(surname="Brennan").one()
            child.surname = "Fitzgerald"

        store.write_wait(rename)
        assert service.search("maisie brennan") == set()  # the old name left the index
        assert service.search("maisie fitzger") == {b}
    finally:
        store.close()


def test_query_syntax_from_users_is_never_an_error() -> None:
    assert fts_query('"unbalanced AND (') == '"unbalanced"* "AND"*'
    assert fts_query("O'Neill") == '"Neill"*'
    assert fts_query("***") is None
    assert fts_query("a") is None

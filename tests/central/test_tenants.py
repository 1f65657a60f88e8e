"""Two LAs in one PostgreSQL database never see each other (issue 14 point 6): a device of LA A
naming LA B's cases, scopes, entities and conflicts in its requests gets refusals and nothing
of B; and PostgreSQL itself (row-level security, not only the service's checks) shows a
session acting for A none of B's rows in any table."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import Connection, select, text, update

from officer_app.central.db import create_database_engine
from officer_app.central.tables import entity, metadata
from officer_app.domain.evidence import GENESIS
from officer_app.sync import protocol as p
from tests.central.conftest import Store, World, make_world
from tests.central.test_blobs import attach, upload_whole
from tests.central.test_scopes_and_evidence import _entry, _sign

SECRET = "Southern secret"


@pytest.fixture()
def two_las(pg_store: Store) -> Iterator[tuple[World, World, dict[str, Any]]]:
    """Northshire (A) and Southshire (B) in one database; B with a row in every table."""
    made_a, made_b = make_world(pg_store, "Northshire"), make_world(pg_store, "Southshire")
    north, south = next(made_a), next(made_b)
    officer, supervisor = south.enrol(south.officer_a), south.enrol(south.supervisor)
    scope = p.scope_of_case(south.case_1)
    child = str(uuid.uuid4())
    created = officer.push(
        officer.mutation("create", "child", child, {"name": SECRET}, scope=scope)
    )
    assert created[0]["status"] == "applied"
    officer.push(officer.mutation("update", "child", child, {"name": "B1"}, scope=scope, base=1))
    clash = supervisor.push(
        supervisor.mutation("update", "child", child, {"name": "B2"}, scope=scope, base=1)
    )
    assert clash[0]["status"] == "conflict"
    assert _sign(officer, _entry(south.case_1, 1, GENESIS), scope)["status"] == "applied"
    attach(officer, south.case_1, SECRET.encode())
    upload_whole(officer, SECRET.encode())  # its file: a row in blob and in blob_chunk
    facts = {"child": child, "conflict": clash[0]["conflict_ids"][0], "scope": scope}
    yield north, south, facts
    for made in (made_b, made_a):
        next(made, None)


def _b_words(south: World) -> list[str]:
    """What of LA B must never reach A (beyond the ids A itself sent): its name, people, the
    case A did not name, and the values recorded."""
    people = [south.officer_a, south.officer_b, south.supervisor, south.court]
    return [SECRET, "B1", "B2", "Southshire", "Ben Clarke", south.case_2, *people]


def test_a_crafted_request_gets_nothing_of_another_la(
    two_las: tuple[World, World, dict[str, Any]],
) -> None:
    north, south, b = two_las
    a = north.enrol(north.officer_a)
    b_case, b_la = b["scope"], p.scope_of_la(south.la_id)
    texts = []
    for cursors in ({b_case: 0}, {b_la: 0}, {p.scope_of_case(north.case_1): 0, b_case: 0}):
        refused = a.pull(cursors)
        assert (refused.status_code, refused.json()["error"]["code"]) == (403, p.FORBIDDEN_SCOPE)
        texts.append(refused.text)
    unknown = p.scope_of_case(str(uuid.uuid4()))  # B's case looks like one that never was
    hello = a.post("hello", {"scopes": {b_case: 0, b_la: 0, unknown: 0}})
    assert hello.status_code == 200 and b_case not in hello.json()["scopes"]
    assert {b_case, b_la, unknown} <= set(hello.json()["scope_changes"]["removed"])  # A sent them
    heads = a.client.get(f"{p.PREFIX}/heads", headers=a.headers())
    assert heads.status_code == 200 and heads.json()["heads"] == []
    texts += [hello.text, heads.text]
    own = p.scope_of_case(north.case_1)
    crafted = [
        a.mutation("create", "child", str(uuid.uuid4()), {"name": "x"}, scope=b_case),
        a.mutation("update", "child", b["child"], {"name": "x"}, scope=b_case, base=2),
        a.mutation("update", "child", b["child"], {"name": "x"}, scope=own, base=2),
        a.mutation("create", "child", b["child"], {"name": "x"}, scope=own),
        a.mutation("delete", "child", b["child"], {}, scope=own, base=2),
        a.mutation("update", "child", b["child"], {"name": "x"}, scope=own, resolves=b["conflict"]),
        a.mutation("create", "school", str(uuid.uuid4()), {"name": "x"}, scope=b_la),
    ]
    response = a.post("push", {"mutations": crafted})
    assert response.status_code == 200
    assert [r["status"] for r in response.json()["results"]] == ["rejected"] * len(crafted)
    texts.append(response.text)
    for word in _b_words(south):
        assert not [t for t in texts if word in t], word
    with south.database.engine.connect() as conn:  # the owner's view: B's rows unchanged
        row = conn.execute(select(entity).where(entity.c.entity_id == b["child"])).one()
    assert (row.version, row.fields, row.deleted) == (2, {"name": "B1"}, False)
    assert SECRET not in a.pull({own: 0}).text


def _rows_by_la(conn: Connection) -> dict[str, set[str | None]]:
    return {
        table.name: set(conn.execute(select(table.c.la_id)).scalars())
        for table in metadata.sorted_tables
    }


def test_postgresql_shows_a_session_acting_for_one_la_none_of_the_others_rows(
    two_las: tuple[World, World, dict[str, Any]], pg_store: Store
) -> None:
    north, south, _b = two_las
    north.enrol(north.officer_a)
    with north.database.engine.connect() as owner:
        everything = _rows_by_la(owner)
    assert all(south.la_id in las for las in everything.values()), everything
    service = create_database_engine(pg_store.app_url)  # the service's role: not the owner
    try:
        with service.connect() as conn:
            assert not conn.execute(text("SELECT rolsuper OR rolbypassrls FROM pg_roles "
                                         "WHERE rolname = current_user")).scalar()  # fmt: skip
            nothing = _rows_by_la(conn)  # no LA set: no row of anyone
            conn.rollback()
            conn.execute(text("SELECT set_config('app.la_id', :la, true)"), {"la": north.la_id})
            seen = _rows_by_la(conn)
            changed = conn.execute(update(entity).values(deleted=True)).rowcount
            conn.rollback()
            conn.execute(text("SELECT set_config('app.la_id', :la, true)"), {"la": north.la_id})
            with pytest.raises(Exception, match="row-level security"):
                conn.execute(text("INSERT INTO la (la_id, name) VALUES (:la, 'Forged')"),
                             {"la": south.la_id})  # fmt: skip
            conn.rollback()
    finally:
        service.dispose()
    assert all(las <= {None} for las in nothing.values()), nothing
    assert all(south.la_id not in las for las in seen.values()), seen
    assert {"la", "user_account", "device", "case_index", "scope"} <= {
        name for name, las in seen.items() if north.la_id in las
    }
    assert changed == 0  # A's LA has no entities yet; B's were not touched

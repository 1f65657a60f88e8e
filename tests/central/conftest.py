"""A central store per test, on SQLite and on PostgreSQL (every test that uses ``world`` runs on
both: ids ``sqlite`` and ``postgresql``), an LA with a team of two officers, a supervisor and a
court officer, a case for each officer, and devices enrolled through the real endpoint.

On PostgreSQL the service connects as a role that is neither the tables' owner nor a superuser,
so row-level security applies to it; ``World.database`` is the owner's (the migrations and the
admin commands, as in production). The server: ``tests/central/pg_server.py``."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from officer_app.central import admin
from officer_app.central.app import create_app
from officer_app.central.db import Database, open_database
from officer_app.clock import FixedClock
from officer_app.sync import protocol as p
from tests.central import pg_server

NOW = dt.datetime(2026, 11, 20, 10, 30, tzinfo=dt.UTC)
HEADERS = {p.HEADER_PROTOCOL: str(p.PROTOCOL_VERSION), p.HEADER_APP_VERSION: "1.0"}


@dataclass
class Device:
    client: TestClient
    device_id: str
    credential: str
    user_id: str
    seq: int = 0
    versions: dict[tuple[str, str], int] = field(default_factory=dict)

    def headers(self) -> dict[str, str]:
        return {**HEADERS, "Authorization": f"Bearer {self.credential}"}

    def post(self, path: str, body: Any) -> Any:
        return self.client.post(f"{p.PREFIX}/{path}", json=body, headers=self.headers())

    def mutation(
        self,
        op: str,
        entity_type: str,
        entity_id: str,
        changes: dict[str, Any],
        *,
        scope: str,
        base: int | None = None,
        resolves: str | None = None,
        mutation_id: str | None = None,
    ) -> dict[str, Any]:
        self.seq += 1
        return {
            "mutation_id": mutation_id or str(uuid.uuid4()),
            "device_seq": self.seq,
            "entity_type": entity_type,
            "entity_id": entity_id,
            "scope_id": scope,
            "op": op,
            "base_version": base,
            "changes": changes,
            "schema_version": "0004",
            "created_at_device": "2026-11-20T09:00:00.000000+00:00",
            "resolves": resolves,
        }

    def push(self, *mutations: dict[str, Any]) -> list[dict[str, Any]]:
        response = self.post("push", {"mutations": list(mutations)})
        assert response.status_code == 200, response.text
        results: list[dict[str, Any]] = response.json()["results"]
        return results

    def pull(self, cursors: dict[str, int], limit: int = 1000) -> Any:
        return self.post("pull", {"cursors": cursors, "limit": limit})


@dataclass
class World:
    database: Database
    clock: FixedClock
    client: TestClient
    la_id: str
    officer_a: str
    officer_b: str
    supervisor: str
    court: str
    case_1: str  # allocated to officer A
    case_2: str  # allocated to officer B

    def enrol(self, user_id: str, name: str = "laptop") -> Device:
        code = admin.enrolment_code(self.database, user_id, clock=self.clock)
        body = {"code": code, "device_name": name, "app_version": "1.0"}
        response = self.client.post(f"{p.PREFIX}/enrol", json=body, headers=HEADERS)
        assert response.status_code == 200, response.text
        data = response.json()
        return Device(self.client, data["device_id"], data["credential"], user_id)


@dataclass(frozen=True)
class Store:
    """One fresh central database: the owner's URL (migrations, admin) and the service's."""

    backend: str
    owner_url: str
    app_url: str


@dataclass
class PgTemplate:
    cluster: pg_server.Cluster
    template: str


@pytest.fixture(scope="session")
def pg_template(request: pytest.FixtureRequest) -> PgTemplate:
    """The session's PostgreSQL server and its migrated template (failing, not skipping, when
    there is no PostgreSQL to run)."""
    try:
        cluster = pg_server.start_cluster()
    except pg_server.NoPostgres as exc:
        pytest.fail(str(exc), pytrace=False)
    request.addfinalizer(cluster.stop)
    template = pg_server.prepare_template(cluster)
    request.addfinalizer(lambda: cluster.execute(f"DROP DATABASE IF EXISTS {template}"))
    return PgTemplate(cluster, template)


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'central.db'}"
        yield Store("sqlite", url, url)
        return
    yield from _pg_store(request.getfixturevalue("pg_template"))


@pytest.fixture()
def pg_store(pg_template: PgTemplate) -> Iterator[Store]:
    """A fresh PostgreSQL central database only (the tests of what SQLite cannot show)."""
    yield from _pg_store(pg_template)


def _pg_store(pg: PgTemplate) -> Iterator[Store]:
    name, drop = pg_server.fresh_database(pg.cluster, pg.template)
    owner = pg.cluster.url(pg_server.OWNER, name)
    yield Store("postgresql", owner, pg.cluster.url(pg_server.APP, name))
    drop()


def service_database(store: Store) -> Database:
    """The store as the service opens it (on PostgreSQL: the non-owner role)."""
    return open_database(store.app_url) if store.backend == "sqlite" else _no_migrate(store)


def _no_migrate(store: Store) -> Database:
    from officer_app.central.db import create_database_engine

    return Database(create_database_engine(store.app_url))


@pytest.fixture()
def world(store: Store) -> Iterator[World]:
    yield from make_world(store)


def make_world(store: Store, name: str = "Northshire") -> Iterator[World]:
    database = open_database(store.owner_url)
    service = service_database(store)
    clock = FixedClock(NOW)
    la_id = admin.create_la(database, name)
    a = admin.add_user(database, la_id, "Asha Patel", "AP", "officer", team="North")
    b = admin.add_user(database, la_id, "Ben Clarke", "BC", "officer", team="North")
    s = admin.add_user(database, la_id, "Sam Reid", "SR", "supervisor", team="North")
    c = admin.add_user(database, la_id, "Cara Jones", "CJ", "court_officer")
    case_1, case_2 = str(uuid.uuid4()), str(uuid.uuid4())
    admin.register_cases(
        database,
        la_id,
        [
            admin.CaseRow(case_1, "ATT-2026-00001", "support", a),
            admin.CaseRow(case_2, "ATT-2026-00002", "legal", b),
        ],
        clock=clock,
    )
    app = create_app(service, clock=clock)
    with TestClient(app, base_url="https://testserver") as client:
        yield World(database, clock, client, la_id, a, b, s, c, case_1, case_2)
    service.dispose()
    database.dispose()

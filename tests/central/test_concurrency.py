"""Many devices writing one case at once over real HTTP, on PostgreSQL (anchors-sync §8.3
scenario 13; §7.2): the case's seq comes out dense 1..n and in commit order, so a device
polling ``pull`` from its cursor while the writes land never misses a row."""

from __future__ import annotations

import socket
import threading
import time
import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import uvicorn

from officer_app.central.app import create_app
from officer_app.sync import protocol as p
from tests.central.conftest import HEADERS, Device, Store, World, make_world, service_database

WRITERS = 20
PUSHES_EACH = 5


@pytest.fixture()
def pg_world(pg_store: Store) -> Iterator[World]:
    yield from make_world(pg_store)


@pytest.fixture()
def server_url(pg_world: World, pg_store: Store) -> Iterator[str]:
    """The service over HTTP on a free loopback port (uvicorn in a thread)."""
    database = service_database(pg_store)
    app = create_app(database, clock=pg_world.clock)
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the server did not start"
        time.sleep(0.02)
    yield f"http://127.0.0.1:{listener.getsockname()[1]}{p.PREFIX}"
    server.should_exit = True
    thread.join(timeout=10)
    listener.close()
    database.dispose()


def _headers(device: Device) -> dict[str, str]:
    return {**HEADERS, "Authorization": f"Bearer {device.credential}"}


def test_twenty_writers_on_one_case_give_a_dense_feed_a_poller_never_misses(
    pg_world: World, server_url: str
) -> None:
    devices = [pg_world.enrol(pg_world.officer_a), pg_world.enrol(pg_world.supervisor)]
    scope = p.scope_of_case(pg_world.case_1)
    written: list[list[str]] = [[] for _ in range(WRITERS)]  # each writer's, in its order
    failures: list[str] = []
    start = threading.Barrier(WRITERS + 1)
    done = threading.Event()

    def write(n: int) -> None:
        device = devices[n % len(devices)]
        with httpx.Client(base_url=server_url, headers=_headers(device), timeout=60) as http:
            start.wait()
            for k in range(PUSHES_EACH):
                child = str(uuid.uuid4())
                mutation = device.mutation("create", "child", child, {"n": n, "k": k}, scope=scope)
                response = http.post("/push", json={"mutations": [mutation]})
                status = response.json()["results"][0]["status"] if response.is_success else ""
                if status != "applied":
                    failures.append(f"{response.status_code} {status}")
                written[n].append(child)

    seen: list[Any] = []

    def poll() -> None:
        cursor = 0
        with httpx.Client(base_url=server_url, headers=_headers(devices[0]), timeout=60) as http:
            start.wait()
            while True:
                finished = done.is_set()  # read before the pull: the last pull sees every row
                page = http.post("/pull", json={"cursors": {scope: cursor}, "limit": 7}).json()
                seen.extend(page["changes"])
                cursor = page["cursors"][scope]
                if finished and not page["has_more"]:
                    return

    threads = [threading.Thread(target=write, args=(n,)) for n in range(WRITERS)]
    reader = threading.Thread(target=poll)
    for thread in [*threads, reader]:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    done.set()
    reader.join(timeout=60)
    assert not failures, failures
    total = WRITERS * PUSHES_EACH
    assert [change["seq"] for change in seen] == list(range(1, total + 1))  # dense, none missed
    seq_of = {change["entity_id"]: change["seq"] for change in seen}
    assert len(seq_of) == total
    for mine in written:  # a writer's pushes, each committed before its next: increasing seq
        assert [seq_of[child] for child in mine] == sorted(seq_of[child] for child in mine)

"""Scopes (a case never held is refused and never served; one taken away is reported removed,
and an edit made to it offline is kept for its new owner), signed records (hash and chain
checked, a fork kept whole, never changed once signed), the audit log and the bulk loader."""

from __future__ import annotations

import time
import uuid
from typing import Any

from sqlalchemy import select

from officer_app.central import admin
from officer_app.central.tables import audit_log
from officer_app.domain.evidence import GENESIS
from officer_app.sync import protocol as p
from tests.central.conftest import Device, World


def _entry(case_id: str, link: int, prev: str, body: str = "Home visit") -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": str(uuid.uuid4()), "case_id": case_id, "entry_type": "visit",
        "occurred_at": "2026-11-19T09:00:00.000000+00:00", "author_id": "o1", "title": "Visit",
        "body": body, "amends_id": None, "amend_reason": "",
        "signed_at": "2026-11-19T10:00:00.000000+00:00", "signed_by": "o1", "chain_seq": link,
        "prev_hash": prev, "form_id": None, "form_version": None, "answers": None,
    }  # fmt: skip
    content = {name: record[name] for name in p.SIGNED_CHRONOLOGY_FIELDS}
    record["content_hash"] = p.content_hash(content, prev)
    return record


def _sign(device: Device, record: dict[str, Any], scope: str) -> dict[str, Any]:
    mutation = device.mutation("create", "chronology_entry", record["id"], record, scope=scope)
    return device.push(mutation)[0]


def test_a_scope_never_held_is_refused_and_its_rows_never_served(world: World) -> None:
    a, b = world.enrol(world.officer_a), world.enrol(world.officer_b)
    secret_scope = p.scope_of_case(world.case_2)
    secret = b.mutation(
        "create", "child", str(uuid.uuid4()), {"first_name": "Zed"}, scope=secret_scope
    )
    assert b.push(secret)[0]["status"] == "applied"
    own = p.scope_of_case(world.case_1)
    refused = a.pull({own: 0, secret_scope: 0})
    assert (refused.status_code, refused.json()["error"]["code"]) == (403, p.FORBIDDEN_SCOPE)
    assert "Zed" not in refused.text
    hello = a.post("hello", {}).json()
    assert secret_scope not in hello["scopes"] and own in hello["scopes"]
    assert "Zed" not in a.pull({own: 0}).text and "Zed" not in a.post("hello", {}).text
    write = a.mutation(
        "update", "child", secret["entity_id"], {"first_name": "Y"}, scope=own, base=1
    )
    result = a.push(write)[0]
    assert (result["status"], result["error"]["code"]) == ("rejected", p.FORBIDDEN_SCOPE)
    court = world.enrol(world.court)  # case 2 is at the legal stage: the court officer holds it
    assert secret_scope in court.post("hello", {}).json()["scopes"]
    assert own not in court.post("hello", {}).json()["scopes"]


def test_reallocation_removes_the_scope_and_keeps_the_orphaned_edit(world: World) -> None:
    a, b = world.enrol(world.officer_a), world.enrol(world.officer_b)
    scope = p.scope_of_case(world.case_1)
    child = str(uuid.uuid4())
    a.push(a.mutation("create", "child", child, {"phone": "0700"}, scope=scope))
    admin.allocate(world.database, "ATT-2026-00001", world.officer_b, clock=world.clock)
    hello = a.post("hello", {"scopes": {scope: 1}}).json()
    assert hello["scope_changes"]["removed"] == [scope]
    pulled = a.pull({scope: 0}).json()
    assert pulled["changes"] == [] and pulled["scope_changes"]["removed"] == [scope]
    offline = a.push(a.mutation("update", "child", child, {"phone": "0799"}, scope=scope, base=1))
    assert offline[0]["status"] == "rejected"
    assert offline[0]["error"]["code"] == p.SCOPE_REVOKED
    feed = b.pull({scope: 0}).json()["changes"]
    orphan = [c["conflict"] for c in feed if c["op"] == "conflict"]
    assert orphan[0]["kind"] == "orphaned_edit"
    assert orphan[0]["client_value"]["changes"] == {"phone": "0799"}


def test_signed_records_are_checked_chained_and_immutable(world: World) -> None:
    a, s = world.enrol(world.officer_a), world.enrol(world.supervisor)
    scope = p.scope_of_case(world.case_1)
    first = _entry(world.case_1, 1, GENESIS)
    assert _sign(a, first, scope)["status"] == "applied"
    # sent again by another route (same id, same hash): a duplicate
    assert _sign(s, dict(first), scope)["status"] == "duplicate"
    # the same id with other content: refused, the signed record unchanged
    tampered = dict(first, body="Something else")
    refused = _sign(s, tampered, scope)
    assert (refused["status"], refused["error"]["code"]) == ("rejected", p.SIGNED_IMMUTABLE)
    change = a.mutation(
        "update", "chronology_entry", first["id"], {"body": "x"}, scope=scope, base=1
    )
    assert a.push(change)[0]["error"]["code"] == p.SIGNED_IMMUTABLE
    # a hash that is not its content's
    bad = dict(_entry(world.case_1, 2, first["content_hash"]), body="edited after hashing")
    assert _sign(a, bad, scope)["error"]["code"] == p.HASH_MISMATCH
    second = _entry(world.case_1, 2, first["content_hash"])
    assert _sign(a, second, scope)["status"] == "applied"
    heads = a.client.get(f"{p.PREFIX}/heads", headers=a.headers()).json()["heads"]
    assert heads == [
        {"case_id": world.case_1, "seq": 2, "hash": second["content_hash"], "chain_device": ""}
    ]


def test_a_fork_of_the_chain_is_refused_but_kept_whole(world: World) -> None:
    a, s = world.enrol(world.officer_a), world.enrol(world.supervisor)
    scope = p.scope_of_case(world.case_1)
    first = _entry(world.case_1, 1, GENESIS)
    assert _sign(a, first, scope)["status"] == "applied"
    rival = _entry(world.case_1, 1, GENESIS, body="Written offline on another laptop")
    forked = _sign(s, rival, scope)
    assert (forked["status"], forked["error"]["code"]) == ("rejected", p.CHAIN_FORK)
    kept = [c["conflict"] for c in a.pull({scope: 0}).json()["changes"] if c["op"] == "conflict"]
    assert kept[0]["kind"] == "chain_fork" and kept[0]["client_value"] == rival
    heads = a.client.get(f"{p.PREFIX}/heads", headers=a.headers()).json()["heads"]
    assert heads[0]["hash"] == first["content_hash"]


def test_insert_only_types_are_never_changed(world: World) -> None:
    a = world.enrol(world.officer_a)
    scope = p.scope_of_case(world.case_1)
    exhibit = str(uuid.uuid4())
    a.push(a.mutation("create", "exhibit", exhibit, {"label": "EX1"}, scope=scope))
    result = a.push(a.mutation("update", "exhibit", exhibit, {"label": "EX2"}, scope=scope, base=1))
    assert result[0]["error"]["code"] == p.SIGNED_IMMUTABLE


def test_only_new_officers_and_schools_go_into_the_la_scope(world: World) -> None:
    a = world.enrol(world.officer_a)
    la_scope = p.scope_of_la(world.la_id)
    school = a.push(
        a.mutation("create", "school", str(uuid.uuid4()), {"name": "Hill"}, scope=la_scope)
    )
    assert school[0]["status"] == "applied"
    child = a.push(a.mutation("create", "child", str(uuid.uuid4()), {"n": 1}, scope=la_scope))
    assert child[0]["error"]["code"] == p.FORBIDDEN_SCOPE


def test_reads_and_writes_are_audited(world: World) -> None:
    a = world.enrol(world.officer_a)
    scope = p.scope_of_case(world.case_1)
    a.push(a.mutation("create", "child", str(uuid.uuid4()), {"n": 1}, scope=scope))
    a.pull({scope: 0})
    world.client.post(f"{p.PREFIX}/pull", json={"cursors": {}}, headers={"Sync-Protocol": "1"})
    with world.database.engine.connect() as conn:
        rows = conn.execute(select(audit_log).order_by(audit_log.c.id)).all()
    by_path = {(row.path.rsplit("/", 1)[1], row.status): row for row in rows}
    push, pull = by_path[("push", 200)], by_path[("pull", 200)]
    assert (push.user_id, push.device_id, push.la_id) == (world.officer_a, a.device_id, world.la_id)
    assert push.scopes == [scope] and pull.scopes == [scope]
    assert by_path[("pull", 401)].user_id is None


def test_the_bulk_loader_is_fast_and_feeds_the_scopes(world: World) -> None:
    case_ids = [str(uuid.uuid4()) for _ in range(100)]
    cases = [
        admin.CaseRow(c, f"ATT-2026-1{n:04d}", "support", world.officer_a)
        for n, c in enumerate(case_ids)
    ]
    admin.register_cases(world.database, world.la_id, cases, clock=world.clock)
    rows = [
        ([p.scope_of_case(case_ids[n % 100])], "attendance_mark", str(uuid.uuid4()), {"n": n})
        for n in range(10_000)
    ]
    started = time.perf_counter()
    assert admin.load_case_rows(world.database, world.la_id, rows, clock=world.clock) == 10_000
    elapsed = time.perf_counter() - started
    assert elapsed < 5.0, elapsed
    a = world.enrol(world.officer_a)
    page = a.pull({p.scope_of_case(case_ids[7]): 0}).json()
    assert [c["seq"] for c in page["changes"]] == list(range(1, 101))
    child = a.mutation(
        "create", "child", str(uuid.uuid4()), {"n": 1}, scope=p.scope_of_case(case_ids[7])
    )
    a.push(child)
    assert a.pull({p.scope_of_case(case_ids[7]): 100}).json()["changes"][0]["seq"] == 101

"""The merge, as two or three devices see it (anchors-sync §8.3, scenarios 1-5): conflicts keep
both values, equal or disjoint edits merge, deletes never lose an edit, and a retried push is a
duplicate that changes nothing."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import func, select

from officer_app.central import admin
from officer_app.central.tables import change_log
from officer_app.sync import protocol as p
from tests.central.conftest import Device, World


def _child(world: World, device: Device, **fields: Any) -> tuple[str, str]:
    child_id = str(uuid.uuid4())
    scope = p.scope_of_case(world.case_1)
    result = device.push(device.mutation("create", "child", child_id, fields, scope=scope))
    assert result[0]["status"] == "applied" and result[0]["entity_version"] == 1
    return child_id, scope


def _log_size(world: World) -> int:
    with world.database.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(change_log)).scalar_one())


def _two_devices(world: World) -> tuple[Device, Device]:
    """Officer A's laptop and the supervisor's (who holds A's case through the team)."""
    return world.enrol(world.officer_a), world.enrol(world.supervisor)


def test_the_same_field_changed_twice_is_one_conflict_with_both_values(world: World) -> None:
    a, s = _two_devices(world)
    child, scope = _child(world, a, first_name="Lee", phone="0700")
    first = a.push(a.mutation("update", "child", child, {"phone": "0711"}, scope=scope, base=1))
    assert first[0]["status"] == "applied" and first[0]["entity_version"] == 2
    second = s.push(s.mutation("update", "child", child, {"phone": "0722"}, scope=scope, base=1))
    assert second[0]["status"] == "conflict" and len(second[0]["conflict_ids"]) == 1
    changes = s.pull({scope: 0}).json()["changes"]
    conflicts = [c for c in changes if c["op"] == "conflict"]
    assert len(conflicts) == 1
    info = conflicts[0]["conflict"]
    assert (info["server_value"], info["client_value"]) == ("0711", "0722")
    assert (info["server_user"], info["client_user"]) == (world.officer_a, world.supervisor)
    assert conflicts[0]["fields"] == {"phone": "0711"}  # the server kept its value
    hello = a.post("hello", {"scopes": {scope: 0}}).json()
    assert hello["conflicts_open"] == 1
    # the supervisor settles it: everyone converges on the chosen value
    settle = s.mutation(
        "update", "child", child, {"phone": "0722"}, scope=scope, base=2,
        resolves=info["conflict_id"],
    )  # fmt: skip
    settled = s.push(settle)[0]
    assert settled["status"] == "applied" and settled["entity_version"] == 3
    tail = a.pull({scope: 0}).json()["changes"]
    assert tail[-1]["op"] == "conflict" and tail[-1]["conflict"]["status"] == "resolved"
    assert tail[-2]["fields"] == {"phone": "0722"}
    assert a.post("hello", {}).json()["conflicts_open"] == 0


def test_a_stranger_cannot_settle_a_conflict(world: World) -> None:
    a, s = _two_devices(world)
    b = world.enrol(world.officer_b)
    admin.allocate(world.database, world.case_1, world.officer_b, clock=world.clock)
    admin.allocate(world.database, world.case_1, world.officer_a, clock=world.clock)
    child, scope = _child(world, a, phone="0700")
    a.push(a.mutation("update", "child", child, {"phone": "0711"}, scope=scope, base=1))
    conflict_id = s.push(
        s.mutation("update", "child", child, {"phone": "0722"}, scope=scope, base=1)
    )[0]["conflict_ids"][0]
    attempt = b.push(
        b.mutation("update", "child", child, {"phone": "0"}, scope=scope, resolves=conflict_id)
    )[0]
    assert attempt["status"] == "rejected"


def test_the_same_value_twice_is_no_conflict(world: World) -> None:
    a, s = _two_devices(world)
    child, scope = _child(world, a, status="open")
    a.push(a.mutation("update", "child", child, {"status": "closed"}, scope=scope, base=1))
    same = s.push(s.mutation("update", "child", child, {"status": "closed"}, scope=scope, base=1))
    assert same[0]["status"] == "applied" and same[0]["conflict_ids"] == []
    assert not [c for c in a.pull({scope: 0}).json()["changes"] if c["op"] == "conflict"]


def test_disjoint_fields_both_apply(world: World) -> None:
    a, s = _two_devices(world)
    child, scope = _child(world, a, phone="0700", address="1 Mill Lane")
    a.push(a.mutation("update", "child", child, {"phone": "0711"}, scope=scope, base=1))
    both = s.push(
        s.mutation("update", "child", child, {"address": "2 Kiln Rd"}, scope=scope, base=1)
    )
    assert both[0]["status"] == "applied" and both[0]["entity_version"] == 3
    upserts = [c["fields"] for c in a.pull({scope: 0}).json()["changes"] if c["op"] == "upsert"]
    assert upserts[1:] == [{"phone": "0711"}, {"address": "2 Kiln Rd"}]


def test_an_edit_after_a_delete_is_kept_as_a_conflict(world: World) -> None:
    a, s = _two_devices(world)
    child, scope = _child(world, a, phone="0700")
    deleted = a.push(a.mutation("delete", "child", child, {}, scope=scope, base=1))
    assert deleted[0]["status"] == "applied"
    edit = s.push(s.mutation("update", "child", child, {"phone": "0799"}, scope=scope, base=1))
    assert edit[0]["status"] == "conflict"
    changes = a.pull({scope: 0}).json()["changes"]
    assert [c["op"] for c in changes] == ["upsert", "tombstone", "conflict"]
    assert changes[-1]["conflict"]["kind"] == "edit_on_deleted"
    assert changes[-1]["conflict"]["client_value"] == {"phone": "0799"}


def test_a_delete_after_someone_elses_edit_is_a_conflict(world: World) -> None:
    a, s = _two_devices(world)
    child, scope = _child(world, a, phone="0700")
    s.push(s.mutation("update", "child", child, {"phone": "0711"}, scope=scope, base=1))
    late = a.push(a.mutation("delete", "child", child, {}, scope=scope, base=1))
    assert late[0]["status"] == "conflict"
    assert "tombstone" not in [c["op"] for c in a.pull({scope: 0}).json()["changes"]]


def test_a_retried_push_is_a_duplicate_and_changes_nothing(world: World) -> None:
    a = world.enrol(world.officer_a)
    child, scope = _child(world, a, phone="0700")
    batch = [
        a.mutation("update", "child", child, {"phone": "0711"}, scope=scope, base=1),
        a.mutation("update", "child", child, {"address": "3 Oak St"}, scope=scope, base=2),
    ]
    first = a.push(*batch)
    size = _log_size(world)
    again = a.push(*batch)  # the response was lost; the laptop sends the batch again
    assert [r["status"] for r in first] == ["applied", "applied"]
    assert [r["status"] for r in again] == ["duplicate", "duplicate"]
    assert [r["entity_version"] for r in again] == [2, 3]
    assert _log_size(world) == size
    reused = dict(batch[0], changes={"phone": "0000"})
    result = a.push(reused)[0]
    assert result["status"] == "rejected"
    assert result["error"]["code"] == p.IDEMPOTENCY_KEY_REUSED
    assert _log_size(world) == size


def test_a_create_of_an_existing_row_merges_against_nothing(world: World) -> None:
    a, s = _two_devices(world)
    child, scope = _child(world, a, first_name="Lee", phone="0700")
    same = s.push(s.mutation("create", "child", child, {"first_name": "Lee"}, scope=scope))
    assert same[0]["status"] == "duplicate"
    other = s.push(
        s.mutation(
            "create", "child", child, {"first_name": "Leigh", "dob": "2015-01-02"}, scope=scope
        )
    )
    assert other[0]["status"] == "conflict" and len(other[0]["conflict_ids"]) == 1


def test_per_scope_seq_is_dense_and_paging_exact(world: World) -> None:
    a = world.enrol(world.officer_a)
    scope = p.scope_of_case(world.case_1)
    a.push(
        *[a.mutation("create", "note", str(uuid.uuid4()), {"n": n}, scope=scope) for n in range(25)]
    )
    seen, cursor, pages = [], 0, 0
    while True:
        page = a.pull({scope: cursor}, limit=7).json()
        seen.extend(change["seq"] for change in page["changes"])
        cursor = page["cursors"][scope]
        pages += 1
        if not page["has_more"]:
            break
    assert seen == list(range(1, 26))
    assert pages == 4 and cursor == 25

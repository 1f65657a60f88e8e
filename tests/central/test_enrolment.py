"""Enrolment codes are one-time, expire, are compared by hash and cannot be guessed by trying;
every other request needs a live device credential and the protocol header."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from officer_app.central import admin
from officer_app.central.tables import device, enrolment_code
from officer_app.sync import protocol as p
from tests.central.conftest import HEADERS, World


def _enrol(world: World, code: str) -> tuple[int, dict[str, object]]:
    body = {"code": code, "device_name": "laptop", "app_version": "1.0"}
    response = world.client.post(f"{p.PREFIX}/enrol", json=body, headers=HEADERS)
    assert response.headers["cache-control"] == "no-store"
    return response.status_code, response.json()


def test_a_code_enrols_one_device_once(world: World) -> None:
    code = admin.enrolment_code(world.database, world.officer_a, clock=world.clock)
    assert len(code.replace("-", "")) >= 10
    assert not set(code.replace("-", "")) & set("0O1IL")
    status, data = _enrol(world, code.lower())  # typed in lower case: still the code
    assert status == 200
    assert data["user"]["user_id"] == world.officer_a  # type: ignore[index]
    assert data["user"]["team"] == "North"  # type: ignore[index]
    status, data = _enrol(world, code)
    assert (status, data["error"]["code"]) == (400, p.ENROLMENT_REFUSED)  # type: ignore[index]
    with world.database.engine.connect() as conn:
        stored = conn.execute(select(enrolment_code.c.code_hash)).scalars().all()
        credential_hashes = conn.execute(select(device.c.credential_hash)).scalars().all()
    assert code not in stored and code.replace("-", "") not in stored
    assert len(credential_hashes) == 1 and credential_hashes[0] != data.get("credential")


def test_expired_and_wrong_codes_are_refused(world: World) -> None:
    code = admin.enrolment_code(world.database, world.officer_a, clock=world.clock)
    world.clock.advance(dt.timedelta(days=7, seconds=1))
    assert _enrol(world, code)[0] == 400
    assert _enrol(world, "ABCD-EFGH-JKMN")[0] == 400


def test_enrolment_attempts_are_limited_per_address(world: World) -> None:
    statuses = [_enrol(world, f"WRONG-{n}")[0] for n in range(11)]
    assert statuses[:10] == [400] * 10
    assert statuses[10] == 429
    code = admin.enrolment_code(world.database, world.officer_a, clock=world.clock)
    assert _enrol(world, code)[0] == 429  # even a right code, until the minute has passed
    world.clock.advance(dt.timedelta(minutes=1, seconds=1))
    assert _enrol(world, code)[0] == 200


def test_requests_need_a_known_live_credential(world: World) -> None:
    laptop = world.enrol(world.officer_a)
    url = f"{p.PREFIX}/hello"
    missing = world.client.post(url, json={}, headers=HEADERS)
    assert (missing.status_code, missing.json()["error"]["code"]) == (401, p.UNAUTHORISED)
    unknown = world.client.post(url, json={}, headers={**HEADERS, "Authorization": "Bearer x"})
    assert (unknown.status_code, unknown.json()["error"]["code"]) == (401, p.UNAUTHORISED)
    assert laptop.post("hello", {}).status_code == 200
    assert admin.revoke_device(world.database, laptop.device_id, clock=world.clock)
    revoked = laptop.post("hello", {})
    assert (revoked.status_code, revoked.json()["error"]["code"]) == (401, p.DEVICE_REVOKED)
    listed = admin.list_devices(world.database, world.la_id)
    assert [d.revoked_at is not None for d in listed] == [True]


def test_the_protocol_header_gates_every_request(world: World) -> None:
    laptop = world.enrol(world.officer_a)
    auth = {"Authorization": f"Bearer {laptop.credential}"}
    url = f"{p.PREFIX}/hello"
    none = world.client.post(url, json={}, headers=auth)
    assert (none.status_code, none.json()["error"]["code"]) == (426, p.UPGRADE_REQUIRED)
    old = world.client.post(url, json={}, headers={**auth, p.HEADER_PROTOCOL: "0"})
    assert old.status_code == 426
    new = {**auth, p.HEADER_PROTOCOL: str(p.PROTOCOL_VERSION + 1)}
    newer = world.client.post(url, json={}, headers=new)
    assert (newer.status_code, newer.json()["error"]["code"]) == (400, p.UNSUPPORTED_PROTOCOL)


def test_malformed_and_oversized_bodies(world: World) -> None:
    laptop = world.enrol(world.officer_a)
    url = f"{p.PREFIX}/pull"
    broken = world.client.post(url, content=b"{not json", headers=laptop.headers())
    assert broken.status_code == 422
    wrong = laptop.post("pull", {"cursors": {"case:x": "many"}})
    assert wrong.status_code == 422
    message = wrong.json()["error"]["message"]
    assert "PullRequest.cursors" in message and "many" not in message
    big = b'{"cursors": {}, "pad": "' + b"x" * p.MAX_BODY_BYTES + b'"}'
    too_big = world.client.post(url, content=big, headers=laptop.headers())
    assert too_big.status_code == 413
    assert too_big.headers["cache-control"] == "no-store"

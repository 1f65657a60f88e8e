"""Attachments' files on the central store (issue 14 point 4, anchors-sync §7.7), on SQLite and
PostgreSQL: an upload cut off part-way resumes from the server's offset and one copy is kept,
however many devices send it; bytes that are not the declared hash's are refused and the upload
starts again; a caller holding no case whose attachment rows name the hash gets 404 for
everything, exactly as for a hash nobody has."""

from __future__ import annotations

import hashlib
import uuid
from typing import Any

import httpx
from sqlalchemy import func, select

from officer_app.central.tables import blob, blob_chunk
from officer_app.sync import protocol as p
from tests.central.conftest import HEADERS, Device, World

BASE = f"{p.PREFIX}{p.BLOBS}"


def attach(device: Device, case_id: str, data: bytes, filename: str = "letter.pdf") -> str:
    """Push an attachment row naming ``data``'s hash on the case; the hash."""
    sha256 = hashlib.sha256(data).hexdigest()
    row = {
        "case_id": case_id, "entry_id": None, "filename": filename,
        "media_type": "application/pdf", "size": len(data), "sha256": sha256,
        "added_at": "2026-11-19T10:00:00.000000+00:00", "added_by": None,
    }  # fmt: skip
    scope = p.scope_of_case(case_id)
    pushed = device.push(
        device.mutation("create", "attachment", str(uuid.uuid4()), row, scope=scope)
    )
    assert pushed[0]["status"] == "applied", pushed
    return sha256


def send(device: Device, method: str, path: str, **kwargs: Any) -> httpx.Response:
    headers = {**device.headers(), **kwargs.pop("headers", {})}
    return device.client.request(method, BASE + path, headers=headers, **kwargs)


def begin(device: Device, sha256: str, length: int) -> httpx.Response:
    body = {"sha256": sha256, "length": length, "media_type": "application/pdf"}
    return send(device, "POST", "/uploads", json=body)


def patch(device: Device, upload_id: str, offset: int, chunk: bytes) -> httpx.Response:
    headers = {p.HEADER_UPLOAD_OFFSET: str(offset)}
    return send(device, "PATCH", f"/uploads/{upload_id}", content=chunk, headers=headers)


def upload_whole(device: Device, data: bytes) -> None:
    """Upload ``data`` (already named by an attachment row the device's user holds)."""
    started = begin(device, hashlib.sha256(data).hexdigest(), len(data))
    assert started.status_code == 201, started.text
    done = patch(device, started.json()["upload_id"], 0, data)
    assert done.status_code == 204, done.text


def _counts(world: World) -> tuple[int, int, int]:
    with world.database.engine.connect() as conn:
        blobs = conn.execute(select(func.count()).select_from(blob)).scalar_one()
        chunks = conn.execute(select(func.count()).select_from(blob_chunk)).scalar_one()
        size = conn.execute(select(func.coalesce(func.sum(func.length(blob_chunk.c.data)), 0)))
        return int(blobs), int(chunks), int(size.scalar_one())


def test_an_upload_cut_off_part_way_resumes_from_the_servers_offset_and_one_copy_is_kept(
    world: World,
) -> None:
    officer, supervisor = world.enrol(world.officer_a), world.enrol(world.supervisor)
    data = bytes(range(256)) * 400  # 102,400 bytes
    sha256 = attach(officer, world.case_1, data)
    assert send(officer, "HEAD", f"/{sha256}").status_code == 404  # not uploaded yet

    started = begin(officer, sha256, len(data))
    assert started.status_code == 201 and started.json()["offset"] == 0
    upload_id = started.json()["upload_id"]
    first = patch(officer, upload_id, 0, data[:40_000])
    assert (first.status_code, first.headers[p.HEADER_UPLOAD_OFFSET]) == (204, "40000")

    # The connection drops; the device asks again: the same session, where the server is.
    again = begin(officer, sha256, len(data))
    assert again.json() == {"upload_id": upload_id, "offset": 40_000, "complete": False}
    asked = send(officer, "HEAD", f"/uploads/{upload_id}")
    assert asked.status_code == 200 and asked.headers[p.HEADER_UPLOAD_OFFSET] == "40000"
    # a chunk sent again from an offset the server is past is refused, and says where it is
    stale = patch(officer, upload_id, 0, data[:40_000])
    assert stale.status_code == 409 and stale.headers[p.HEADER_UPLOAD_OFFSET] == "40000"
    last = patch(officer, upload_id, 40_000, data[40_000:])
    assert (last.status_code, last.headers[p.HEADER_UPLOAD_OFFSET]) == (204, str(len(data)))

    assert send(officer, "HEAD", f"/{sha256}").status_code == 200
    whole = send(officer, "GET", f"/{sha256}")
    assert whole.status_code == 200 and whole.content == data
    part = send(supervisor, "GET", f"/{sha256}", headers={"Range": "bytes=39990-40009"})
    assert part.status_code == 206 and part.content == data[39_990:40_010]
    assert part.headers["Content-Range"] == f"bytes 39990-40009/{len(data)}"
    tail = send(supervisor, "GET", f"/{sha256}", headers={"Range": "bytes=-10"})
    assert tail.status_code == 206 and tail.content == data[-10:]
    beyond = send(supervisor, "GET", f"/{sha256}", headers={"Range": f"bytes={len(data)}-"})
    assert beyond.status_code == 416

    # The supervisor's device has the same file: nothing to send, no second copy.
    theirs = begin(supervisor, sha256, len(data))
    assert theirs.json() == {"upload_id": upload_id, "offset": len(data), "complete": True}
    assert patch(supervisor, upload_id, len(data), b"").status_code == 204  # a lost answer
    assert _counts(world) == (1, 2, len(data))


def test_bytes_that_are_not_the_declared_hashs_are_refused_and_the_upload_starts_again(
    world: World,
) -> None:
    officer = world.enrol(world.officer_a)
    data = b"%PDF-1.7 the letter that was sent\n" * 100
    sha256 = attach(officer, world.case_1, data)
    upload_id = begin(officer, sha256, len(data)).json()["upload_id"]
    forged = data[:-1] + b"X"
    refused = patch(officer, upload_id, 0, forged)
    assert refused.status_code == 422
    assert refused.json()["error"]["code"] == p.BLOB_HASH_MISMATCH
    assert send(officer, "HEAD", f"/{sha256}").status_code == 404
    assert send(officer, "GET", f"/{sha256}").status_code == 404
    assert begin(officer, sha256, len(data)).json()["offset"] == 0  # from the start again
    assert _counts(world) == (1, 0, 0)
    too_long = patch(officer, upload_id, 0, data + b"!")
    assert too_long.status_code == 422
    assert patch(officer, upload_id, 0, data).status_code == 204
    assert send(officer, "GET", f"/{sha256}").content == data


def test_a_caller_holding_no_case_that_names_the_file_gets_404_as_for_no_file_at_all(
    world: World,
) -> None:
    officer, other = world.enrol(world.officer_a), world.enrol(world.officer_b)
    data = b"a photo of the school gate" * 50
    sha256 = attach(officer, world.case_1, data)
    upload_id = begin(officer, sha256, len(data)).json()["upload_id"]
    assert patch(officer, upload_id, 0, data[:100]).status_code == 204
    nobodys = hashlib.sha256(b"nothing anyone has").hexdigest()

    answers = [
        send(other, "HEAD", f"/{sha256}"),
        send(other, "GET", f"/{sha256}"),
        begin(other, sha256, len(data)),
        send(other, "HEAD", f"/uploads/{upload_id}"),
        patch(other, upload_id, 100, data[100:]),
    ]
    assert [a.status_code for a in answers] == [404] * 5
    assert all(data[:20] not in a.content for a in answers)
    unknown = send(other, "GET", f"/{nobodys}")
    assert answers[1].json() == unknown.json()  # the same answer: nothing says it exists
    # the officer's own file is still where they left it
    assert begin(officer, sha256, len(data)).json()["offset"] == 100
    # a file named by a row of the case B holds is B's to send, and then theirs to read
    theirs = attach(other, world.case_2, data)
    assert theirs == sha256
    assert send(other, "HEAD", f"/uploads/{upload_id}").headers[p.HEADER_UPLOAD_OFFSET] == "100"


def test_the_file_routes_pass_the_same_gates_as_every_request(world: World) -> None:
    officer = world.enrol(world.officer_a)
    data = b"x" * 10
    sha256 = attach(officer, world.case_1, data)
    path = f"{BASE}/{sha256}"
    assert world.client.get(path, headers=HEADERS).status_code == 401
    no_version = {"Authorization": f"Bearer {officer.credential}"}
    assert world.client.get(path, headers=no_version).status_code == 426
    upload_id = begin(officer, sha256, len(data)).json()["upload_id"]
    too_big = patch(officer, upload_id, 0, b"y" * (p.MAX_BLOB_CHUNK + 1))
    assert too_big.status_code == 413
    assert begin(officer, sha256, p.MAX_BLOB_BYTES + 1).status_code == 422

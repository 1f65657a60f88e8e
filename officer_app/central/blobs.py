"""Attachments' files by content hash, uploaded resumably (issue 14 point 4, anchors-sync §7.7,
tus 1.0 semantics; the endpoints: ``officer_app/sync/protocol.py``, "attachments' files").

What is stored: the plaintext, as the desktop sends it over TLS. Each profile encrypts its
files with its own key, so an encrypted file is of no use to any other device; the central
store is the LA's trusted store (it holds every row of every case in clear already). The
bytes live in the database (``blob_chunk``, one row per chunk received; ``blob`` the state of
the upload), so SQLite and PostgreSQL both keep them, and PostgreSQL's row-level security
keeps them within their LA as it does every row (migration 0004).

Who may: a caller holding now a case whose (live) attachment rows name the hash may check,
upload and read that file; anyone else gets 404, exactly as for a hash nobody has, so nothing
says whether a file exists. One file per LA and hash, however many rows name it.
"""

from __future__ import annotations

import hashlib
import re
import uuid
from dataclasses import dataclass
from functools import partial
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response
from sqlalchemy import Connection, and_, delete, insert, select, update

from officer_app.central.access import Caller, allowed_case_ids
from officer_app.central.gates import ApiError, Audit, Service, parse
from officer_app.central.routes import Handle
from officer_app.central.tables import blob, blob_chunk, entity, entity_scope
from officer_app.sync import protocol as p

ATTACHMENT = "attachment"  # the entity type whose rows name files
_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")
_MEDIA_TYPE = re.compile(r"^[A-Za-z0-9!#$&^_.+-]{1,60}/[A-Za-z0-9!#$&^_.+-]{1,60}$")


def holding_scopes(conn: Connection, caller: Caller, sha256: str) -> list[str]:
    """The case scopes the caller holds now whose live attachment rows name ``sha256``
    (empty: the caller may not know of the file)."""
    rows = conn.execute(
        select(entity_scope.c.scope_id)
        .join(
            entity,
            and_(
                entity.c.entity_type == entity_scope.c.entity_type,
                entity.c.entity_id == entity_scope.c.entity_id,
            ),
        )
        .where(
            entity.c.entity_type == ATTACHMENT,
            entity.c.la_id == caller.la_id,
            entity.c.deleted.is_(False),
            entity.c.fields["sha256"].as_string() == sha256,
        )
    ).scalars()
    scopes = {scope for scope in rows if scope.startswith("case:")}
    if not scopes:
        return []
    allowed = allowed_case_ids(conn, caller)
    return sorted(scope for scope in scopes if scope.partition(":")[2] in allowed)


@dataclass(frozen=True)
class BlobState:
    sha256: str
    size: int
    upload_id: str
    received: int
    complete: bool


def _state(row: Any) -> BlobState:
    return BlobState(row.sha256, int(row.size), row.upload_id, int(row.received), row.complete)


def _find(conn: Connection, la_id: str, *, sha256: str = "", upload_id: str = "") -> Any:
    query = select(blob).where(blob.c.la_id == la_id)
    query = query.where(blob.c.sha256 == sha256) if sha256 else query
    query = query.where(blob.c.upload_id == upload_id) if upload_id else query
    if conn.dialect.name == "postgresql":
        query = query.with_for_update()
    return conn.execute(query).first()


def begin_upload(
    conn: Connection, la_id: str, request: p.BlobUploadRequest, now: Any
) -> p.BlobUploadResponse:
    """The upload session for the hash: the one under way (if the length agrees; else it
    starts again at 0 with the new length), or a new one."""
    row = _find(conn, la_id, sha256=request.sha256)
    if row is None:
        upload_id = str(uuid.uuid4())
        conn.execute(
            insert(blob).values(
                la_id=la_id, sha256=request.sha256, size=request.length,
                media_type=request.media_type, upload_id=upload_id, received=0, complete=False,
                created_at=now,
            )
        )  # fmt: skip
        return p.BlobUploadResponse(upload_id=upload_id, offset=0)
    if row.complete:
        return p.BlobUploadResponse(upload_id=row.upload_id, offset=int(row.size), complete=True)
    if int(row.size) != request.length:
        _reset(conn, la_id, row.sha256, size=request.length)
        return p.BlobUploadResponse(upload_id=row.upload_id, offset=0)
    return p.BlobUploadResponse(upload_id=row.upload_id, offset=int(row.received))


def _reset(conn: Connection, la_id: str, sha256: str, **values: Any) -> None:
    conn.execute(
        delete(blob_chunk).where(blob_chunk.c.la_id == la_id, blob_chunk.c.sha256 == sha256)
    )
    conn.execute(
        update(blob)
        .where(blob.c.la_id == la_id, blob.c.sha256 == sha256)
        .values(received=0, complete=False, **values)
    )


class OffsetMismatch(Exception):
    def __init__(self, offset: int) -> None:
        super().__init__(offset)
        self.offset = offset


def append_chunk(
    conn: Connection, la_id: str, row: Any, offset: int, data: bytes, now: Any
) -> int | None:
    """Store ``data`` at ``offset`` of the upload ``row`` (locked); the new offset. At the
    end the whole file is hashed: on a mismatch the upload is emptied and None returned (the
    caller commits that, then answers 422)."""
    state = _state(row)
    if state.complete:
        return state.size  # a retried last chunk whose answer was lost: nothing to do
    if offset != state.received:
        raise OffsetMismatch(state.received)
    if offset + len(data) > state.size or (not data and state.size != 0):
        raise ApiError(422, p.INVALID, "the chunk does not fit the declared length")
    if data:
        conn.execute(
            insert(blob_chunk).values(la_id=la_id, sha256=state.sha256, start=offset, data=data)
        )
    received = offset + len(data)
    done = received == state.size
    if done and _digest(conn, la_id, state.sha256) != state.sha256:
        _reset(conn, la_id, state.sha256)
        return None
    conn.execute(
        update(blob)
        .where(blob.c.la_id == la_id, blob.c.sha256 == state.sha256)
        .values(received=received, complete=done, completed_at=now if done else None)
    )
    return received


def _digest(conn: Connection, la_id: str, sha256: str) -> str:
    digest = hashlib.sha256()
    for data in conn.execute(
        select(blob_chunk.c.data)
        .where(blob_chunk.c.la_id == la_id, blob_chunk.c.sha256 == sha256)
        .order_by(blob_chunk.c.start)
    ).scalars():
        digest.update(data)
    return digest.hexdigest()


def read_range(conn: Connection, la_id: str, sha256: str, first: int, last: int) -> bytes:
    """Bytes ``first`` to ``last`` (inclusive) of a complete blob."""
    parts = []
    for start, data in conn.execute(
        select(blob_chunk.c.start, blob_chunk.c.data)
        .where(
            blob_chunk.c.la_id == la_id,
            blob_chunk.c.sha256 == sha256,
            blob_chunk.c.start <= last,
            blob_chunk.c.start > first - p.MAX_BLOB_CHUNK,
        )
        .order_by(blob_chunk.c.start)
    ).all():
        start = int(start)
        lo, hi = max(first - start, 0), min(last - start + 1, len(data))
        if lo < hi:
            parts.append(bytes(data[lo:hi]))
    return b"".join(parts)


def store_complete(conn: Connection, la_id: str, data: bytes, media_type: str, now: Any) -> str:
    """Put a whole file in the store (the central demo's letters and packs); its hash."""
    sha256 = hashlib.sha256(data).hexdigest()
    if _find(conn, la_id, sha256=sha256) is not None:
        _reset(conn, la_id, sha256)
        conn.execute(delete(blob).where(blob.c.la_id == la_id, blob.c.sha256 == sha256))
    conn.execute(
        insert(blob).values(
            la_id=la_id, sha256=sha256, size=len(data), media_type=media_type[:100],
            upload_id=str(uuid.uuid4()), received=len(data), complete=True, created_at=now,
            completed_at=now,
        )
    )  # fmt: skip
    for start in range(0, len(data), p.MAX_BLOB_CHUNK):
        chunk = data[start : start + p.MAX_BLOB_CHUNK]
        conn.execute(insert(blob_chunk).values(la_id=la_id, sha256=sha256, start=start, data=chunk))
    return sha256


# --- HTTP ---------------------------------------------------------------------------------------
NOT_FOUND = ApiError(404, "not_found", "no such file")


def _known(caller: Caller | None) -> Caller:
    assert caller is not None  # every blob route is authenticated
    return caller


def _offset_response(status: int, offset: int, extra: dict[str, str] | None = None) -> Response:
    headers = {p.HEADER_UPLOAD_OFFSET: str(offset), **(extra or {})}
    return Response(status_code=status, headers=headers)


def _parse_range(header: str, size: int) -> tuple[int, int] | None:
    """``(first, last)`` of a single ``bytes=`` range; None: unsatisfiable or not one."""
    found = _RANGE.match(header.strip())
    if found is None or not (found.group(1) or found.group(2)):
        return None
    if not found.group(1):  # the last n bytes
        n = int(found.group(2))
        return (max(size - n, 0), size - 1) if n and size else None
    first = int(found.group(1))
    last = int(found.group(2)) if found.group(2) else size - 1
    if first >= size or last < first:
        return None
    return first, min(last, size - 1)


def add_routes(app: FastAPI, service: Service, handle: Handle) -> None:
    """``/blobs`` under ``protocol.PREFIX``, through the same gates as every route."""
    database = service.database

    def allowed(conn: Connection, caller: Caller, sha256: str, audit: Audit) -> None:
        if not p.is_sha256(sha256):
            raise NOT_FOUND
        scopes = holding_scopes(conn, caller, sha256)
        if not scopes:
            raise NOT_FOUND
        audit.scopes.update(scopes)

    def do_head(sha256: str, caller: Caller | None, _data: Any, audit: Audit) -> Response:
        with database.engine.begin() as conn:
            allowed(conn, _known(caller), sha256, audit)
            row = _find(conn, _known(caller).la_id, sha256=sha256)
        if row is None or not row.complete:
            raise NOT_FOUND
        return Response(status_code=200, headers={p.HEADER_UPLOAD_LENGTH: str(row.size)})

    def do_begin(caller: Caller | None, data: Any, audit: Audit) -> Response:
        request = parse(p.BlobUploadRequest, data)
        if not 0 <= request.length <= p.MAX_BLOB_BYTES:
            raise ApiError(422, p.INVALID, "length: not valid")
        if not _MEDIA_TYPE.match(request.media_type):
            request = p.BlobUploadRequest(request.sha256, request.length)
        with database.engine.begin() as conn:
            allowed(conn, _known(caller), request.sha256, audit)
            answer = begin_upload(conn, _known(caller).la_id, request, service.clock.now())
        status = 200 if answer.complete or answer.offset else 201
        return JSONResponse(p.to_json(answer), status_code=status)

    def upload_row(conn: Connection, caller: Caller, upload_id: str, audit: Audit) -> Any:
        row = _find(conn, caller.la_id, upload_id=upload_id) if len(upload_id) <= 36 else None
        if row is None:
            raise NOT_FOUND
        allowed(conn, caller, row.sha256, audit)
        return row

    def do_offset(upload_id: str, caller: Caller | None, _data: Any, audit: Audit) -> Response:
        with database.engine.begin() as conn:
            row = upload_row(conn, _known(caller), upload_id, audit)
        return _offset_response(200, int(row.received), {p.HEADER_UPLOAD_LENGTH: str(row.size)})

    def do_patch(
        upload_id: str, offset: str, caller: Caller | None, data: Any, audit: Audit
    ) -> Response:
        if not offset.strip().isdigit():
            raise ApiError(400, p.INVALID, "Upload-Offset: not a number")
        try:
            with database.engine.begin() as conn:
                row = upload_row(conn, _known(caller), upload_id, audit)
                now = service.clock.now()
                received = append_chunk(conn, row.la_id, row, int(offset), data, now)
        except OffsetMismatch as exc:
            return _conflict(exc.offset)
        if received is None:  # the emptied upload is committed: it starts again from 0
            raise ApiError(
                422, p.BLOB_HASH_MISMATCH, "the file is not the declared hash's; send it again"
            )
        return _offset_response(204, received)

    def do_get(sha256: str, ranged: str, caller: Caller | None, _data: Any, audit: Audit) -> Any:
        la_id = _known(caller).la_id
        with database.engine.begin() as conn:
            allowed(conn, _known(caller), sha256, audit)
            row = _find(conn, la_id, sha256=sha256)
            if row is None or not row.complete:
                raise NOT_FOUND
            size = int(row.size)
            span = _parse_range(ranged, size) if ranged else (0, size - 1)
            if span is None:
                return Response(status_code=416, headers={"Content-Range": f"bytes */{size}"})
            data = read_range(conn, la_id, sha256, *span)
        headers = {"Accept-Ranges": "bytes"}
        if ranged:
            headers["Content-Range"] = f"bytes {span[0]}-{span[1]}/{size}"
        status = 206 if ranged else 200
        return Response(
            data, status_code=status, headers=headers, media_type="application/octet-stream"
        )

    async def head_route(request: Request) -> Response:
        sha256 = request.path_params["sha256"]
        return await handle(request, partial(do_head, sha256), body=False)

    async def get_route(request: Request) -> Response:
        sha256, ranged = request.path_params["sha256"], request.headers.get("range", "")
        return await handle(request, partial(do_get, sha256, ranged), body=False)

    async def begin_route(request: Request) -> Response:
        return await handle(request, do_begin)

    async def offset_route(request: Request) -> Response:
        upload_id = request.path_params["upload_id"]
        return await handle(request, partial(do_offset, upload_id), body=False)

    async def patch_route(request: Request) -> Response:
        upload_id = request.path_params["upload_id"]
        offset = request.headers.get(p.HEADER_UPLOAD_OFFSET, "")
        return await handle(request, partial(do_patch, upload_id, offset), body="raw")

    base = f"{p.PREFIX}{p.BLOBS}"
    app.add_api_route(f"{base}/uploads", begin_route, methods=["POST"])
    app.add_api_route(f"{base}/uploads/{{upload_id}}", offset_route, methods=["HEAD"])
    app.add_api_route(f"{base}/uploads/{{upload_id}}", patch_route, methods=["PATCH"])
    app.add_api_route(f"{base}/{{sha256}}", head_route, methods=["HEAD"])
    app.add_api_route(f"{base}/{{sha256}}", get_route, methods=["GET"])


def _conflict(offset: int) -> Response:
    body = {"error": {"code": p.BLOB_OFFSET_MISMATCH, "message": "resume from Upload-Offset"}}
    return JSONResponse(body, status_code=409, headers={p.HEADER_UPLOAD_OFFSET: str(offset)})

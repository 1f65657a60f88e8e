"""The gates every request passes (transport, protocol version, device credential, body size
and shape) and the audit note written when it ends; errors as ``ApiError`` (status, code, a
message without internals)."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from typing import Any, TypeVar

from fastapi import Request
from fastapi.responses import JSONResponse
from sqlalchemy import insert, update

from officer_app.central import feed
from officer_app.central.access import Caller, caller_for_credential
from officer_app.central.db import Database
from officer_app.central.enrolment import RateLimiter
from officer_app.central.tables import audit_log, device
from officer_app.clock import Clock
from officer_app.sync import protocol as p

log = logging.getLogger(__name__)
T = TypeVar("T")
LOOPBACK = frozenset({"127.0.0.1", "::1", "localhost"})


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def error_response(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status)


@dataclass
class Audit:
    """What one request touched, written to the audit log when it ends."""

    caller: Caller | None = None
    scopes: set[str] = field(default_factory=set)


@dataclass
class Service:
    database: Database
    clock: Clock
    allow_insecure: bool
    limiter: RateLimiter

    # --- the gates ------------------------------------------------------------------------
    def check_transport(self, request: Request) -> None:
        host = request.client.host if request.client else ""
        if self.allow_insecure or request.url.scheme == "https" or host in LOOPBACK:
            return
        raise ApiError(403, "https_required", "this service answers only over HTTPS")

    @staticmethod
    def check_protocol(request: Request, required: bool) -> None:
        value = request.headers.get(p.HEADER_PROTOCOL)
        if value is None:
            if required:
                raise ApiError(426, p.UPGRADE_REQUIRED, "update the app to sync")
            return
        if not value.strip().isdigit():
            raise ApiError(400, p.UNSUPPORTED_PROTOCOL, "the protocol header is not a number")
        version = int(value)
        if version < feed.PROTOCOL_RANGE[0]:
            raise ApiError(426, p.UPGRADE_REQUIRED, "update the app to sync")
        if version > feed.PROTOCOL_RANGE[1]:
            raise ApiError(400, p.UNSUPPORTED_PROTOCOL, "this server speaks an older protocol")

    def authenticate(self, request: Request) -> Caller:
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise ApiError(401, p.UNAUTHORISED, "a device credential is needed")
        with self.database.engine.begin() as conn:
            found = caller_for_credential(conn, token.strip())
            if found.revoked:
                raise ApiError(401, p.DEVICE_REVOKED, "this device was revoked")
            if found.caller is None:
                raise ApiError(401, p.UNAUTHORISED, "the credential is not known")
            values: dict[str, Any] = {"last_seen": self.clock.now()}
            app_version = request.headers.get(p.HEADER_APP_VERSION)
            if app_version:
                values["app_version"] = app_version[:40]
            conn.execute(update(device).where(device.c.id == found.caller.device_id).values(values))
        return found.caller

    def write_audit(self, request: Request, status: int, audit: Audit) -> None:
        caller = audit.caller
        with self.database.engine.begin() as conn:
            conn.execute(
                insert(audit_log).values(
                    la_id=caller.la_id if caller else None,
                    at=self.clock.now(),
                    user_id=caller.user_id if caller else None,
                    device_id=caller.device_id if caller else None,
                    method=request.method,
                    path=request.url.path[:200],
                    status=status,
                    scopes=sorted(audit.scopes),
                    detail="",
                )
            )


async def read_body(request: Request) -> Any:
    raw = await read_raw(request)
    try:
        return json.loads(raw or b"null")
    except (ValueError, UnicodeDecodeError):
        raise ApiError(422, p.INVALID, "the body is not JSON") from None


async def read_raw(request: Request) -> bytes:
    """The body as bytes (a chunk of a file), refused over ``MAX_BODY_BYTES`` as JSON is."""
    length = request.headers.get("content-length", "")
    if length.isdigit() and int(length) > p.MAX_BODY_BYTES:
        raise ApiError(413, "too_large", "the request body is too large")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > p.MAX_BODY_BYTES:
            raise ApiError(413, "too_large", "the request body is too large")
        chunks.append(chunk)
    return b"".join(chunks)


def parse(kind: type[T], data: Any) -> T:
    try:
        return p.from_json(kind, data)
    except p.ProtocolError as exc:
        where = str(exc).split(": ", 1)[0]  # the field's path only, never the value sent
        raise ApiError(422, p.INVALID, f"{where}: not valid") from None

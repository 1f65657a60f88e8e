"""Enrolling a device with a one-time code: the code is compared by its hash, used once, and
expires; the device gets a random credential (32 bytes, URL-safe) that the server keeps only
as SHA-256. Attempts are limited per client address (a code cannot be guessed by trying)."""

from __future__ import annotations

import datetime as dt
import secrets
import uuid
from collections import deque

from sqlalchemy import insert, select, update

from officer_app.central.access import code_hash, credential_hash, user_info
from officer_app.central.db import Database, iso, utc
from officer_app.central.tables import device, enrolment_code, user_account
from officer_app.sync.protocol import EnrolRequest, EnrolResponse

CREDENTIAL_BYTES = 32


class EnrolmentRefused(Exception):
    """Unknown, used or expired code (one answer for all three: nothing to learn from it)."""


class RateLimiter:
    """At most ``limit`` attempts per address in any ``window`` (held by one app)."""

    def __init__(self, limit: int, window: dt.timedelta) -> None:
        self.limit = limit
        self.window = window
        self._seen: dict[str, deque[dt.datetime]] = {}

    def allow(self, address: str, now: dt.datetime) -> bool:
        times = self._seen.setdefault(address, deque())
        while times and times[0] <= now - self.window:
            times.popleft()
        if len(times) >= self.limit:
            return False
        times.append(now)
        if len(self._seen) > 10_000:  # forget idle addresses rather than grow without end
            for key in [k for k, v in self._seen.items() if not v]:
                del self._seen[key]
        return True


def enrol(database: Database, request: EnrolRequest, now: dt.datetime) -> EnrolResponse:
    digest = code_hash(request.code)
    with database.engine.begin() as conn:
        row = conn.execute(
            select(enrolment_code, user_account.c.active)
            .join(user_account, user_account.c.id == enrolment_code.c.user_id)
            .where(enrolment_code.c.code_hash == digest)
        ).first()
        expires = utc(row.expires_at) if row is not None else None
        if row is None or row.used_at is not None or expires is None or expires <= now:
            raise EnrolmentRefused
        if not row.active:
            raise EnrolmentRefused
        used = conn.execute(
            update(enrolment_code)
            .where(enrolment_code.c.code_hash == digest, enrolment_code.c.used_at.is_(None))
            .values(used_at=now)
        )
        if used.rowcount != 1:
            raise EnrolmentRefused
        device_id = str(uuid.uuid4())
        credential = secrets.token_urlsafe(CREDENTIAL_BYTES)
        conn.execute(
            insert(device).values(
                id=device_id,
                la_id=row.la_id,
                user_id=row.user_id,
                credential_hash=credential_hash(credential),
                name=request.device_name,
                app_version=request.app_version,
                enrolled_at=now,
                revoked_at=None,
                last_seen=now,
            )
        )
        info = user_info(conn, row.user_id)
    return EnrolResponse(device_id, credential, info, iso(now))

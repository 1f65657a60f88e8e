"""Which LA a request acts for, handed to PostgreSQL's row-level security (migration 0002).

The HTTP service finds the caller's LA first, from the secret it presents (a device credential,
or an enrolment code), by the one narrow path the policies open: the row whose hash is the
transaction's ``app.lookup_hash``. From then on every transaction of that request starts with
``set_config('app.la_id', <LA>, true)`` (``SET LOCAL``: it ends with the transaction, so a
pooled connection never carries it to another request), and PostgreSQL shows and accepts only
that LA's rows, whatever ids the request names. The LA is held in a context variable, which
Starlette copies into the worker threads that run the request's database work.

On SQLite nothing is set (no row-level security there); the lookups still run, so both back
ends take the same path.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar, Token
from typing import Any

from sqlalchemy import Engine, event, select

from officer_app.central.access import code_hash, credential_hash
from officer_app.central.tables import device, enrolment_code

_la_id: ContextVar[str | None] = ContextVar("central_la_id", default=None)
_lookup_hash: ContextVar[str | None] = ContextVar("central_lookup_hash", default=None)

_SET = (
    "SELECT set_config('app.la_id', %(la_id)s, true), "
    "set_config('app.lookup_hash', %(lookup)s, true)"
)


def install(engine: Engine) -> None:
    """Start each PostgreSQL transaction with the LA (and lookup hash) of the current request."""

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        la_id, lookup = _la_id.get(), _lookup_hash.get()
        if la_id is None and lookup is None:
            return  # not a request (migrations, admin): nothing to narrow
        connection.exec_driver_sql(_SET, {"la_id": la_id or "", "lookup": lookup or ""})


def act_for(la_id: str | None) -> Token[str | None]:
    """From now on (in this context) transactions see only ``la_id``'s rows; None: none."""
    return _la_id.set(la_id)


def stop_acting(token: Token[str | None]) -> None:
    _la_id.reset(token)


@contextmanager
def _looking_up(digest: str) -> Iterator[None]:
    token = _lookup_hash.set(digest)
    try:
        yield
    finally:
        _lookup_hash.reset(token)


def la_of_credential(engine: Engine, credential: str) -> str | None:
    """The LA of the device holding ``credential`` (None: no such device)."""
    digest = credential_hash(credential)
    with _looking_up(digest), engine.begin() as conn:
        found = conn.execute(select(device.c.la_id).where(device.c.credential_hash == digest))
        return found.scalar()


def la_of_code(engine: Engine, code: str) -> str | None:
    """The LA an enrolment code was issued in (None: no such code)."""
    digest = code_hash(code)
    with _looking_up(digest), engine.begin() as conn:
        found = conn.execute(
            select(enrolment_code.c.la_id).where(enrolment_code.c.code_hash == digest)
        )
        return found.scalar()


def bearer(header: str) -> str | None:
    """The credential of an ``Authorization: Bearer …`` header (as the gate reads it)."""
    scheme, _, token = header.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None

"""Who is calling and what they may hold: device credentials, enrolment codes (both stored only
as SHA-256), and the scopes a user's role and allocations give them now (anchors-sync §7.8).

- officer: the ``case:`` scopes of the cases allocated to them;
- supervisor: those of their team members' cases (and their own);
- court_officer: those of the cases at the legal stages (:data:`COURT_STAGES`; and their own);
- everyone: their LA's ``la:`` scope (officers and schools).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from sqlalchemy import Connection, and_, or_, select

from officer_app.central.tables import (
    allocation,
    case_index,
    device,
    la,
    team,
    user_account,
)
from officer_app.sync.protocol import UserInfo, scope_of_case, scope_of_la

COURT_STAGES = frozenset({"legal", "court"})
"""The desktop's stages at which a court officer holds a case: ``Stage.LEGAL`` ("Legal
intervention") and ``Stage.COURT`` (officer_app/domain/stages.py; there is no separate
"prosecution" stage there)."""

LA_CREATABLE_TYPES = frozenset({"officer", "school"})
"""What a device may add to its LA's scope: new officer and school rows, nothing else."""

CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
"""Enrolment code letters: no 0/O, 1/I/L, so a code read aloud or off paper is typed right."""


def sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def normalise_code(code: str) -> str:
    """A code as typed (any case, spaces or hyphens) in its stored form."""
    return "".join(ch for ch in code.upper() if ch not in " -\t")


def code_hash(code: str) -> str:
    return sha256_hex("enrolment-code\n" + normalise_code(code))


def credential_hash(credential: str) -> str:
    return sha256_hex("device-credential\n" + credential)


@dataclass(frozen=True)
class Caller:
    """An authenticated device and its user."""

    device_id: str
    user_id: str
    la_id: str
    role: str
    team_id: str | None


@dataclass(frozen=True)
class DeviceLookup:
    caller: Caller | None
    revoked: bool


def caller_for_credential(conn: Connection, credential: str) -> DeviceLookup:
    """The device a credential belongs to (``caller`` None if unknown or its user inactive)."""
    row = conn.execute(
        select(
            device.c.id.label("device_id"),
            device.c.revoked_at,
            user_account.c.id.label("user_id"),
            user_account.c.la_id,
            user_account.c.role,
            user_account.c.team_id,
            user_account.c.active,
        )
        .join(user_account, user_account.c.id == device.c.user_id)
        .where(device.c.credential_hash == credential_hash(credential))
    ).first()
    if row is None:
        return DeviceLookup(None, revoked=False)
    if row.revoked_at is not None:
        return DeviceLookup(None, revoked=True)
    if not row.active:
        return DeviceLookup(None, revoked=False)
    caller = Caller(row.device_id, row.user_id, row.la_id, row.role, row.team_id)
    return DeviceLookup(caller, revoked=False)


def user_info(conn: Connection, user_id: str) -> UserInfo:
    row = conn.execute(
        select(user_account, la.c.name.label("la_name"), team.c.name.label("team_name"))
        .join(la, la.c.la_id == user_account.c.la_id)
        .outerjoin(team, team.c.id == user_account.c.team_id)
        .where(user_account.c.id == user_id)
    ).one()
    return UserInfo(
        user_id=row.id,
        name=row.name,
        initials=row.initials,
        role=row.role,
        la_id=row.la_id,
        la_name=row.la_name,
        team=row.team_name or "",
    )


def _team_member_ids(conn: Connection, caller: Caller) -> list[str]:
    if caller.team_id is None:
        return [caller.user_id]
    members = conn.execute(
        select(user_account.c.id).where(
            user_account.c.la_id == caller.la_id, user_account.c.team_id == caller.team_id
        )
    ).scalars()
    return sorted({caller.user_id, *members})


def allowed_case_ids(conn: Connection, caller: Caller) -> set[str]:
    """The cases the caller may hold now."""
    condition = case_index.c.officer_id == caller.user_id
    if caller.role == "supervisor":
        condition = case_index.c.officer_id.in_(_team_member_ids(conn, caller))
    elif caller.role == "court_officer":
        condition = or_(condition, case_index.c.stage.in_(sorted(COURT_STAGES)))
    rows = conn.execute(
        select(case_index.c.case_id).where(case_index.c.la_id == caller.la_id, condition)
    )
    return set(rows.scalars())


def allowed_scopes(conn: Connection, caller: Caller) -> set[str]:
    """Every scope the caller may hold now: their cases' and their LA's."""
    scopes = {scope_of_case(case_id) for case_id in allowed_case_ids(conn, caller)}
    scopes.add(scope_of_la(caller.la_id))
    return scopes


def ever_held(conn: Connection, caller: Caller, case_id: str) -> bool:
    """Whether the caller once held the case (a scope since taken away, not a stranger's):
    allocated to them (or, for a supervisor, to one of their team) at some time, or, for a
    court officer, any case of their LA."""
    known = conn.execute(
        select(case_index.c.case_id).where(
            case_index.c.case_id == case_id, case_index.c.la_id == caller.la_id
        )
    ).first()
    if known is None:
        return False
    if caller.role == "court_officer":
        return True
    users = _team_member_ids(conn, caller) if caller.role == "supervisor" else [caller.user_id]
    held = conn.execute(
        select(allocation.c.id).where(
            and_(allocation.c.case_id == case_id, allocation.c.user_id.in_(users))
        )
    ).first()
    return held is not None

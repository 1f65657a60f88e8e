"""What an administrator does, as plain functions over the database (the CLI and the demo call
them): local authorities, teams, users, cases and their allocation, one-time enrolment codes,
devices (listed, revoked), and the bulk load of server-confirmed rows (version 1) with their
scopes and change-log rows, ``executemany`` throughout so 10,000 rows take a second or two."""

from __future__ import annotations

import datetime as dt
import secrets
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, insert, or_, select, update

from officer_app.central.access import CODE_ALPHABET, code_hash
from officer_app.central.allocations import allocate_row, register_case_row
from officer_app.central.changes import ensure_scope
from officer_app.central.db import Database, utc
from officer_app.central.signed import SIGNED_TYPE
from officer_app.central.tables import (
    case_index,
    chain_head,
    change_log,
    device,
    entity,
    entity_scope,
    la,
    scope,
    team,
    user_account,
)
from officer_app.central.tables import (
    enrolment_code as enrolment_code_table,
)
from officer_app.clock import Clock, SystemClock
from officer_app.sync.protocol import ROLES, scope_of_la

CODE_LENGTH = 12
CODE_VALID_FOR = dt.timedelta(days=7)

EntityRow = tuple[Sequence[str], str, str, dict[str, Any]]
"""(scope ids, entity type, entity id, fields): one server-confirmed row to load."""


class AdminError(ValueError):
    """An administrative request that cannot be done; the message says why, in one line."""


@dataclass(frozen=True)
class CaseRow:
    case_id: str
    reference: str
    stage: str
    user_id: str | None  # the officer it is allocated to


@dataclass(frozen=True)
class DeviceRow:
    device_id: str
    user_id: str
    user_name: str
    la_id: str
    name: str
    app_version: str
    enrolled_at: dt.datetime
    last_seen: dt.datetime | None
    revoked_at: dt.datetime | None


def _now(clock: Clock | None) -> dt.datetime:
    return (clock or SystemClock()).now()


def create_la(database: Database, name: str) -> str:
    """A new local authority and its ``la:`` scope; its id."""
    la_id = str(uuid.uuid4())
    with database.engine.begin() as conn:
        conn.execute(insert(la).values(la_id=la_id, name=name))
        ensure_scope(conn, la_id, scope_of_la(la_id), None)
    return la_id


def _team_id(conn: Connection, la_id: str, name_or_id: str) -> str:
    found = conn.execute(
        select(team.c.id).where(
            team.c.la_id == la_id, or_(team.c.id == name_or_id, team.c.name == name_or_id)
        )
    ).scalar()
    if found is not None:
        return str(found)
    team_id = str(uuid.uuid4())
    conn.execute(insert(team).values(id=team_id, la_id=la_id, name=name_or_id))
    return team_id


def add_team(database: Database, la_id: str, name: str) -> str:
    """The LA's team of that name (made if new); its id."""
    with database.engine.begin() as conn:
        _known_la(conn, la_id)
        return _team_id(conn, la_id, name)


def _known_la(conn: Connection, la_id: str) -> None:
    if conn.execute(select(la.c.la_id).where(la.c.la_id == la_id)).first() is None:
        raise AdminError(f"no local authority {la_id}")


def add_user(
    database: Database,
    la_id: str,
    name: str,
    initials: str,
    role: str,
    team: str | None = None,
    email: str = "",
    *,
    user_id: str | None = None,
) -> str:
    """A user of the LA (``team``: a team's id or name, made if new); their id (``user_id``:
    one already known, as an officer's id in rows loaded from a desktop caseload)."""
    if role not in ROLES:
        raise AdminError(f"role must be one of {', '.join(ROLES)}")
    user_id = user_id or str(uuid.uuid4())
    with database.engine.begin() as conn:
        _known_la(conn, la_id)
        team_id = _team_id(conn, la_id, team) if team else None
        conn.execute(
            insert(user_account).values(
                id=user_id, la_id=la_id, team_id=team_id, name=name, initials=initials,
                role=role, email=email, active=True,
            )
        )  # fmt: skip
    return user_id


def register_cases(
    database: Database, la_id: str, cases: Iterable[CaseRow], *, clock: Clock | None = None
) -> int:
    """Cases the server has not seen: index rows, scopes, first allocations; how many."""
    now, count = _now(clock), 0
    with database.engine.begin() as conn:
        _known_la(conn, la_id)
        for case in cases:
            register_case_row(
                conn, la_id, case.case_id, case.reference, case.stage, case.user_id, now
            )
            count += 1
    return count


def _case_id(conn: Connection, case_ref_or_id: str) -> tuple[str, str]:
    row = conn.execute(
        select(case_index.c.case_id, case_index.c.la_id).where(
            or_(case_index.c.case_id == case_ref_or_id, case_index.c.reference == case_ref_or_id)
        )
    ).all()
    if len(row) != 1:
        raise AdminError(f"no single case {case_ref_or_id}")
    return str(row[0].case_id), str(row[0].la_id)


def allocate(
    database: Database, case_ref_or_id: str, user_id: str, *, clock: Clock | None = None
) -> str:
    """Allocate the case (reference or id) to the user; the case id. The previous holder
    loses its scope at their next sync (removed in hello and pull)."""
    with database.engine.begin() as conn:
        case_id, la_id = _case_id(conn, case_ref_or_id)
        user_la = conn.execute(
            select(user_account.c.la_id).where(user_account.c.id == user_id)
        ).scalar()
        if user_la != la_id:
            raise AdminError(f"no user {user_id} in the case's local authority")
        allocate_row(conn, la_id, case_id, user_id, _now(clock))
    return case_id


def enrolment_code(
    database: Database,
    user_id: str,
    *,
    valid_for: dt.timedelta = CODE_VALID_FOR,
    clock: Clock | None = None,
) -> str:
    """A one-time code enrolling one device for the user, shown once (only its hash is kept)."""
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    code = "-".join(raw[n : n + 4] for n in range(0, CODE_LENGTH, 4))
    now = _now(clock)
    with database.engine.begin() as conn:
        la_id = conn.execute(
            select(user_account.c.la_id).where(
                user_account.c.id == user_id, user_account.c.active.is_(True)
            )
        ).scalar()
        if la_id is None:
            raise AdminError(f"no active user {user_id}")
        conn.execute(
            insert(enrolment_code_table).values(
                code_hash=code_hash(code), la_id=la_id, user_id=user_id, created_at=now,
                expires_at=now + valid_for, used_at=None,
            )
        )  # fmt: skip
    return code


def list_devices(database: Database, la_id: str | None = None) -> list[DeviceRow]:
    query = select(device, user_account.c.name.label("user_name")).join(
        user_account, user_account.c.id == device.c.user_id
    )
    if la_id is not None:
        query = query.where(device.c.la_id == la_id)
    with database.engine.connect() as conn:
        rows = conn.execute(query.order_by(device.c.enrolled_at, device.c.id)).all()
    return [
        DeviceRow(
            device_id=row.id, user_id=row.user_id, user_name=row.user_name, la_id=row.la_id,
            name=row.name, app_version=row.app_version, enrolled_at=_utc(row.enrolled_at),
            last_seen=utc(row.last_seen), revoked_at=utc(row.revoked_at),
        )
        for row in rows
    ]  # fmt: skip


def _utc(value: dt.datetime) -> dt.datetime:
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value


def revoke_device(database: Database, device_id: str, *, clock: Clock | None = None) -> bool:
    """Revoke the device: its next contact gets 401 ``device_revoked`` and it purges
    everything. False if there is no such device or it was already revoked."""
    with database.engine.begin() as conn:
        done = conn.execute(
            update(device)
            .where(device.c.id == device_id, device.c.revoked_at.is_(None))
            .values(revoked_at=_now(clock))
        )
    return done.rowcount == 1


def load_case_rows(
    database: Database, la_id: str, rows: Iterable[EntityRow], *, clock: Clock | None = None
) -> int:
    """Bulk-load server-confirmed rows (version 1) into scopes already registered, each with
    its change-log rows; signed chronology entries move their case's chain head. How many."""
    now = _now(clock)
    entities: list[dict[str, Any]] = []
    links: list[dict[str, Any]] = []
    changes: list[dict[str, Any]] = []
    heads: dict[tuple[str, str], tuple[int, str]] = {}  # (case, chain device): (link, hash)
    with database.engine.begin() as conn:
        known = conn.execute(
            select(scope.c.scope_id, scope.c.next_seq)
            .where(scope.c.la_id == la_id)
            .with_for_update()
        ).all()
        next_seq = {row.scope_id: int(row.next_seq) for row in known}
        for scope_ids, entity_type, entity_id, fields in rows:
            entities.append(
                {"entity_type": entity_type, "entity_id": entity_id, "la_id": la_id, "version": 1,
                 "fields": fields, "field_versions": dict.fromkeys(fields, 1),
                 "field_devices": {}, "deleted": False, "created_at": now, "updated_at": now}
            )  # fmt: skip
            for scope_id in scope_ids:
                if scope_id not in next_seq:
                    raise AdminError(f"scope {scope_id} is not registered in this LA")
                seq = next_seq[scope_id]
                next_seq[scope_id] = seq + 1
                links.append({"entity_type": entity_type, "entity_id": entity_id,
                              "scope_id": scope_id, "la_id": la_id})  # fmt: skip
                changes.append(
                    {"scope_id": scope_id, "seq": seq, "la_id": la_id, "entity_type": entity_type,
                     "entity_id": entity_id, "entity_version": 1, "op": "upsert",
                     "fields": fields, "conflict": None, "mutation_id": None, "user_id": None,
                     "device_id": None, "server_time": now}
                )  # fmt: skip
            if entity_type == SIGNED_TYPE and fields.get("signed_at") and fields.get("chain_seq"):
                chain = (str(fields["case_id"]), str(fields.get("chain_device") or ""))
                link = int(fields["chain_seq"])
                if link > heads.get(chain, (0, ""))[0]:
                    heads[chain] = (link, str(fields["content_hash"]))
        if entities:
            conn.execute(insert(entity), entities)
            conn.execute(insert(entity_scope), links)
            conn.execute(insert(change_log), changes)
        for scope_id, seq in next_seq.items():
            conn.execute(update(scope).where(scope.c.scope_id == scope_id).values(next_seq=seq))
        _load_heads(conn, la_id, heads)
    return len(entities)


def _load_heads(
    conn: Connection, la_id: str, heads: dict[tuple[str, str], tuple[int, str]]
) -> None:
    existing = {
        (str(case_id), str(chain_device))
        for case_id, chain_device in conn.execute(
            select(chain_head.c.case_id, chain_head.c.chain_device).where(
                chain_head.c.la_id == la_id
            )
        )
    }
    for (case_id, chain_device), (link, digest) in heads.items():
        if (case_id, chain_device) in existing:
            conn.execute(
                update(chain_head)
                .where(
                    chain_head.c.case_id == case_id,
                    chain_head.c.chain_device == chain_device,
                    chain_head.c.seq < link,
                )
                .values(seq=link, hash=digest)
            )
        else:
            conn.execute(
                insert(chain_head).values(
                    case_id=case_id, chain_device=chain_device, la_id=la_id, seq=link, hash=digest
                )
            )

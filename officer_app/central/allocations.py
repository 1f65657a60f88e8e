"""Cases and who holds them: registering a case (its index row and its scope) and allocating it
to a user, with the history kept (``allocation``), so that a scope taken away can be told
apart from one never held (``access.ever_held``)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Connection, insert, select, update

from officer_app.central.changes import ensure_scope
from officer_app.central.tables import allocation, case_index
from officer_app.sync.protocol import scope_of_case


def register_case_row(
    conn: Connection,
    la_id: str,
    case_id: str,
    reference: str,
    stage: str,
    user_id: str | None,
    now: dt.datetime,
) -> None:
    """A case the server has not seen: its index row, its scope, its first allocation."""
    conn.execute(
        insert(case_index).values(
            case_id=case_id, la_id=la_id, reference=reference, stage=stage, officer_id=user_id
        )
    )
    ensure_scope(conn, la_id, scope_of_case(case_id), case_id)
    if user_id is not None:
        conn.execute(
            insert(allocation).values(
                la_id=la_id, case_id=case_id, user_id=user_id, valid_from=now, valid_to=None
            )
        )


def allocate_row(
    conn: Connection, la_id: str, case_id: str, user_id: str, now: dt.datetime
) -> None:
    """Move the case to ``user_id``: the current allocation ends now, a new one starts."""
    current = conn.execute(
        select(case_index.c.officer_id).where(case_index.c.case_id == case_id).with_for_update()
    ).scalar_one()
    if current == user_id:
        return
    conn.execute(
        update(allocation)
        .where(allocation.c.case_id == case_id, allocation.c.valid_to.is_(None))
        .values(valid_to=now)
    )
    conn.execute(
        insert(allocation).values(
            la_id=la_id, case_id=case_id, user_id=user_id, valid_from=now, valid_to=None
        )
    )
    conn.execute(
        update(case_index).where(case_index.c.case_id == case_id).values(officer_id=user_id)
    )

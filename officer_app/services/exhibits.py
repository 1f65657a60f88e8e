"""Exhibits: a record or a document produced by an officer, labelled with their initials and
the next number, which runs on across all their statements in the case (domain.md, "Witness
statements": ``JS/1``, ``JS/2``…). The exhibit table refuses changes and deletions, so a label
once given stays with what it labels."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from officer_app.store.models import Exhibit, Officer


def next_label(session: Session, case_id: str, producer_id: str) -> str:
    officer = session.get_one(Officer, producer_id)
    last = session.scalar(
        select(func.max(Exhibit.number)).where(
            Exhibit.case_id == case_id, Exhibit.producer_id == producer_id
        )
    )
    return f"{officer.initials.upper()}/{int(last or 0) + 1}"


def new_exhibit(
    session: Session,
    case_id: str,
    producer_id: str,
    description: str,
    at: dt.datetime,
    *,
    entry_id: str | None = None,
    attachment_id: str | None = None,
) -> str:
    """The producer's next exhibit on the case (``JS/3``): numbers run on across all their
    statements in the case (domain.md, "Witness statements")."""
    label = next_label(session, case_id, producer_id)
    session.add(
        Exhibit(
            case_id=case_id,
            producer_id=producer_id,
            number=int(label.rsplit("/", 1)[1]),
            label=label,
            description=description[:300],
            entry_id=entry_id,
            attachment_id=attachment_id,
            produced_at=at,
        )
    )
    session.flush()
    return label

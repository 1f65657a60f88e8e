"""Significant statements and the case fact that calls for them (issue 9, point 11).

domain.md, "Interview under caution": once a case is heading for legal action, a question
about the offence needs an interview under caution (PACE Code C, paragraph 10.1), and "any
significant statement made before the interview" is put to the person at its start (Code C,
paragraph 11.4). The home visit form records such a statement - what was said without being
asked, verbatim, when, who heard it and whether the person was asked to sign it - and it is
sealed with the visit. :func:`significant_statements` lists a case's statements, oldest
first, for the interview.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from officer_app.clock import uk_local
from officer_app.domain.stages import Stage
from officer_app.store.models import Case, ChronologyEntry, PenaltyNotice

HOME_VISIT = "home_visit"
# Stages at which a case is "at a legal stage" (domain.md, "The life of a case").
LEGAL_STAGES = frozenset({Stage.LEGAL.value, Stage.COURT.value})


@dataclass(frozen=True)
class SignificantStatementInfo:
    entry_id: str  # the signed visit record that holds it
    visit_on: dt.date
    statement: str  # verbatim
    said_by: str  # the id of the person on the case
    said_at: str  # HH:MM, 24-hour clock
    heard_by: str
    asked_to_sign: bool
    signed: bool | None  # None when not asked
    sign_response: str


def legal_action(session: Session, case_id: str) -> bool:
    """Whether the case is heading for legal action: at a legal stage (legal intervention or
    court) or with a penalty notice considered on it (in any state since)."""
    case = session.get(Case, case_id)
    if case is None:
        return False
    if case.stage in LEGAL_STAGES:
        return True
    notice = session.scalar(
        select(PenaltyNotice.id).where(PenaltyNotice.case_id == case_id).limit(1)
    )
    return notice is not None


def case_facts(session: Session, case_id: str) -> dict[str, bool]:
    """The facts of the case a form's ``from_case`` fields take (forms.model.CASE_FACTS)."""
    return {"legal_action": legal_action(session, case_id)}


def significant_statements(session: Session, case_id: str) -> list[SignificantStatementInfo]:
    """Every significant statement in the case's signed home visit records, oldest first."""
    entries = session.scalars(
        select(ChronologyEntry)
        .where(
            ChronologyEntry.case_id == case_id,
            ChronologyEntry.form_id == HOME_VISIT,
            ChronologyEntry.signed_at.is_not(None),
        )
        .order_by(ChronologyEntry.occurred_at, ChronologyEntry.chain_seq)
    )
    out: list[SignificantStatementInfo] = []
    for entry in entries:
        items = (entry.answers or {}).get("significant_statements") or []
        for item in items:
            if isinstance(item, Mapping):
                out.append(_statement(entry, item))
    return out


def _visit_day(entry: ChronologyEntry) -> dt.date:
    day = (entry.answers or {}).get("visit_date")
    try:
        return (
            dt.date.fromisoformat(day)
            if isinstance(day, str)
            else uk_local(entry.occurred_at).date()
        )
    except ValueError:
        return uk_local(entry.occurred_at).date()


def _statement(entry: ChronologyEntry, item: Mapping[str, Any]) -> SignificantStatementInfo:
    asked = item.get("statement_asked_to_sign") is True
    signed = item.get("statement_signed")
    return SignificantStatementInfo(
        entry_id=entry.id,
        visit_on=_visit_day(entry),
        statement=str(item.get("statement", "")),
        said_by=str(item.get("statement_by", "")),
        said_at=str(item.get("statement_time", "")),
        heard_by=str(item.get("statement_heard_by", "")),
        asked_to_sign=asked,
        signed=signed if asked and isinstance(signed, bool) else None,
        sign_response=str(item.get("statement_sign_response", "")),
    )

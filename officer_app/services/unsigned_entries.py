"""Unsigned chronology entries: listed, finished and signed, or discarded with a reason.

An entry with no signature yet is not evidence (domain.md "Evidence and disclosure": it is
signing that freezes a record), so its author may still finish it: edit the title, the text
and the time it happened, then seal it with :func:`officer_app.store.evidence.sign`, which
accepts an entry that is still unsigned. Or the author discards it: the row goes (the
evidence triggers refuse to delete only signed rows, store/schema_sql.py) and a signed entry
"Unsigned entry discarded: <title> of <date> - <reason>" puts the discard on the record, in
the same transaction. Only the entry's author may do either: a note is the maker's own
account (a correction by anyone else is an amendment of their own).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from officer_app.clock import Clock
from officer_app.domain.chronology import EntryType
from officer_app.services.case_file import (
    CaseNotFound,
    NoteRefused,
    entry_info,
    officer_names,
)
from officer_app.services.dto import EntryInfo
from officer_app.services.event_time import event_time_refusal
from officer_app.store import evidence
from officer_app.store.database import Store
from officer_app.store.models import (
    Attachment,
    Case,
    Child,
    ChronologyEntry,
    Letter,
    VisitPlan,
)
from officer_app.wording import short_datetime

TITLE_LIMIT = 200  # chronology_entry.title


@dataclass(frozen=True)
class UnsignedEntryInfo:
    """One unsigned entry with the case it is on, for a list across the caseload."""

    entry_id: str
    case_id: str
    case_reference: str
    child_name: str
    entry_type: str
    type_label: str
    title: str
    occurred_at: dt.datetime
    recorded_at: dt.datetime
    author: str
    mine: bool  # written by the officer using the application: theirs to finish or discard


@dataclass(frozen=True)
class DiscardInfo:
    case_id: str
    discarded_id: str
    record: EntryInfo  # the signed entry that says it was discarded, and why


class UnsignedEntryService:
    def __init__(self, store: Store, clock: Clock, officer_id: str) -> None:
        self._store = store
        self._clock = clock
        self._officer_id = officer_id

    @property
    def officer_id(self) -> str:
        return self._officer_id

    # --- reading --------------------------------------------------------------------------
    def for_case(self, case_id: str) -> list[UnsignedEntryInfo]:
        """The case's unsigned entries, oldest first."""
        return self._store.read(lambda session: self._listed(session, case_id=case_id))

    def caseload(self) -> list[UnsignedEntryInfo]:
        """The officer's own unsigned entries on every case, oldest first."""
        return self._store.read(lambda session: self._listed(session, author=self._officer_id))

    def _listed(
        self, session: Session, *, case_id: str | None = None, author: str | None = None
    ) -> list[UnsignedEntryInfo]:
        query = (
            select(ChronologyEntry, Case.reference, Child.forename, Child.surname)
            .join(Case, Case.id == ChronologyEntry.case_id)
            .join(Child, Child.id == Case.child_id)
            .where(ChronologyEntry.signed_at.is_(None))
        )
        if case_id is not None:
            query = query.where(ChronologyEntry.case_id == case_id)
        if author is not None:
            query = query.where(ChronologyEntry.author_id == author)
        names = officer_names(session)
        rows = session.execute(
            query.order_by(ChronologyEntry.occurred_at, ChronologyEntry.recorded_at)
        ).all()
        return [
            UnsignedEntryInfo(
                entry_id=entry.id,
                case_id=entry.case_id,
                case_reference=str(reference),
                child_name=f"{forename} {surname}",
                entry_type=entry.entry_type,
                type_label=EntryType(entry.entry_type).label,
                title=entry.title,
                occurred_at=entry.occurred_at,
                recorded_at=entry.recorded_at,
                author=names.get(entry.author_id or "", ""),
                mine=entry.author_id == self._officer_id,
            )
            for entry, reference, forename, surname in rows
        ]

    # --- finishing ------------------------------------------------------------------------
    def finish_and_sign(
        self, entry_id: str, title: str, body: str, occurred_at: dt.datetime
    ) -> EntryInfo:
        """Put the finished title, text and time into the unsigned entry and sign it."""
        title, body = " ".join(title.split()), body.strip()
        if not body:
            raise NoteRefused("text: an entry needs its text before it can be signed")
        if len(title) > TITLE_LIMIT:
            raise NoteRefused(f"title: at most {TITLE_LIMIT} characters ({len(title)} given)")
        now = self._clock.now()
        officer_id = self._officer_id

        def work(session: Session) -> EntryInfo:
            entry = self._own_unsigned(session, entry_id, "finish and sign")
            case = session.get(Case, entry.case_id)
            if case is None:
                raise CaseNotFound(f"no case with id {entry.case_id}")
            refusal = event_time_refusal(occurred_at, now=now, referral_date=case.referral_date)
            if refusal is not None:
                raise NoteRefused(f"time it happened: {refusal}")
            entry.title = title or EntryType(entry.entry_type).label
            entry.body = body
            entry.occurred_at = occurred_at
            evidence.sign(session, entry, by=officer_id, at=now)
            session.flush()
            return entry_info(entry, officer_names(session))

        return self._store.write(work).result()

    def discard(self, entry_id: str, reason: str) -> DiscardInfo:
        """Remove the unsigned entry and sign, on its case, that it was discarded and why."""
        why = " ".join(reason.split())
        if not why:
            raise NoteRefused("reason: say why the entry is being discarded")
        now = self._clock.now()
        officer_id = self._officer_id

        def work(session: Session) -> DiscardInfo:
            entry = self._own_unsigned(session, entry_id, "discard")
            held_by = _referred_to_by(session, entry.id)
            if held_by:
                raise NoteRefused(
                    f"this entry cannot be discarded: {held_by} refers to it; finish and sign it"
                )
            case_id = entry.case_id
            when = entry.occurred_at
            label = entry.title or EntryType(entry.entry_type).label
            record = ChronologyEntry(
                case_id=case_id,
                entry_type=EntryType.NOTE.value,
                occurred_at=now,
                recorded_at=now,
                author_id=officer_id,
                title="Unsigned entry discarded",
                body=f"Unsigned entry discarded: {label} of {short_datetime(when)} - {why}",
                amend_reason="",
            )
            session.delete(entry)
            session.flush()
            evidence.sign(session, record, by=officer_id, at=now)
            session.add(record)
            session.flush()
            return DiscardInfo(case_id, entry_id, entry_info(record, officer_names(session)))

        return self._store.write(work).result()

    def _own_unsigned(self, session: Session, entry_id: str, doing: str) -> ChronologyEntry:
        entry = session.get(ChronologyEntry, entry_id)
        if entry is None:
            raise NoteRefused("that entry is no longer on the case")
        if entry.signed_at is not None:
            raise NoteRefused("that entry is already signed: correct it with an amendment")
        if entry.author_id != self._officer_id:
            author = officer_names(session).get(entry.author_id or "", "another officer")
            raise NoteRefused(f"only {author}, who wrote this entry, can {doing} it")
        return entry


def _referred_to_by(session: Session, entry_id: str) -> str:
    """What else in the profile points at the entry ("" if nothing): it must then stay."""
    checks: tuple[tuple[str, Select[str]], ...] = (
        ("an attachment", select(Attachment.id).where(Attachment.entry_id == entry_id)),
        ("a letter", select(Letter.id).where(Letter.entry_id == entry_id)),
        ("a visit plan", select(VisitPlan.id).where(VisitPlan.record_id == entry_id)),
        ("an amendment", select(ChronologyEntry.id).where(ChronologyEntry.amends_id == entry_id)),
    )
    for what, query in checks:
        if session.execute(query.limit(1)).first() is not None:
            return what
    return ""

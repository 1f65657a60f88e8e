"""One case: its header, people, risks and chronology; quick notes, drafts, signing, amending."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from officer_app.clock import Clock
from officer_app.domain import rag as rag_rules
from officer_app.domain.attendance_bands import DEFAULT_BANDS, Band
from officer_app.domain.chronology import CONTACT_TYPES, EntryType
from officer_app.domain.stages import Stage
from officer_app.services.builders import amendment_title
from officer_app.services.caseload import attendance_bands, child_vulnerabilities
from officer_app.services.dto import (
    CaseDetail,
    CaseRow,
    ChildInfo,
    DraftInfo,
    EntryInfo,
    PersonInfo,
    RiskInfo,
)
from officer_app.services.event_time import event_time_refusal
from officer_app.store import audit, evidence
from officer_app.store.database import Store
from officer_app.store.models import (
    Adult,
    Case,
    Child,
    ChronologyEntry,
    Draft,
    Family,
    Officer,
    RiskFlag,
    School,
)

if TYPE_CHECKING:
    from officer_app.services.unsigned_entries import UnsignedEntryService

QUICK_NOTE = "quick_note"


class CaseNotFound(LookupError):
    pass


class NoteRefused(ValueError):
    """A note that cannot be signed as it stands (empty, or signed twice)."""


def age_on(born: dt.date, day: dt.date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


class CaseFileService:
    def __init__(
        self,
        store: Store,
        clock: Clock,
        officer_id: str,
        *,
        bands: tuple[Band, ...] = DEFAULT_BANDS,
        caseload_row: Callable[[str], CaseRow | None] | None = None,
    ) -> None:
        self._store = store
        self._clock = clock
        self._officer_id = officer_id
        self._bands = bands
        # The caseload's row for a case, so that the case page's RAG is the caseload's (the
        # LA's whole policy: stage, attendance, time limits), not a second opinion.
        self._caseload_row = caseload_row

    # --- reading ------------------------------------------------------------------------
    def open_case(self, case_id: str) -> CaseDetail:
        """Read the whole case (on the caller's worker thread) and audit that it was opened."""
        detail = self._store.read(lambda session: self._detail(session, case_id))
        row = self._caseload_row(case_id) if self._caseload_row is not None else None
        if row is not None:
            detail = dataclasses.replace(
                detail, rag=row.rag, rag_label=row.rag_label, rag_reason=row.rag_reason
            )
        self._store.write(
            lambda session: audit.record(
                session, "open", entity_type="case_file", entity_id=case_id
            )
        )
        return detail

    def _detail(self, session: Session, case_id: str) -> CaseDetail:
        case = session.get(Case, case_id)
        if case is None:
            raise CaseNotFound(f"no case with id {case_id}")
        child = session.get_one(Child, case.child_id)
        school = session.get(School, child.school_id) if child.school_id else None
        family = session.get(Family, child.family_id) if child.family_id else None
        officers = dict(session.execute(select(Officer.id, Officer.name)).all())
        adults = (
            list(session.scalars(select(Adult).where(Adult.family_id == family.id)))
            if family
            else []
        )
        risks = (
            list(
                session.scalars(
                    select(RiskFlag).where(
                        RiskFlag.family_id == family.id, RiskFlag.active.is_(True)
                    )
                )
            )
            if family
            else []
        )
        adult_names = {a.id: f"{a.forename} {a.surname}" for a in adults}
        rows = list(
            session.scalars(
                select(ChronologyEntry)
                .where(ChronologyEntry.case_id == case_id)
                .order_by(ChronologyEntry.occurred_at, ChronologyEntry.recorded_at)
            )
        )
        entries = _nest_amendments([entry_info(e, officers) for e in rows])
        today = self._clock.today()
        contacts = [e.occurred_at for e in rows if e.entry_type in CONTACT_TYPES]
        last_contact = max(contacts).date() if contacts else None
        assessed = rag_rules.assess(
            today=today,
            closed=case.status == "closed",
            last_contact=last_contact,
            opened=case.referral_date,
            next_action_due=case.next_action_due,
            high_risk=any(r.severity == "high" for r in risks),
        )
        draft = find_draft(session, case_id, QUICK_NOTE)
        stage = Stage(case.stage)
        return CaseDetail(
            case_id=case.id,
            reference=case.reference,
            stage=stage.value,
            stage_label=stage.label,
            status=case.status,
            officer=officers.get(case.officer_id or "", "Unallocated"),
            referral_date=case.referral_date,
            referral_source=case.referral_source,
            referral_reason=case.referral_reason,
            next_action=case.next_action,
            next_action_due=case.next_action_due,
            rag=assessed.rag.value,
            rag_label=assessed.rag.label,
            rag_reason=assessed.reason,
            child=ChildInfo(
                id=child.id,
                forename=child.forename,
                surname=child.surname,
                date_of_birth=child.date_of_birth,
                age=age_on(child.date_of_birth, today),
                gender=child.gender,
                upn=child.upn or "",
                year_group=child.year_group,
                school=school.name if school else "",
                school_urn=school.urn if school else "",
                school_phase=school.phase if school else "",
            ),
            address=one_line_address(family),
            vulnerabilities=child_vulnerabilities(child),
            risks=tuple(
                RiskInfo(
                    category=r.category,
                    severity=r.severity,
                    description=r.description,
                    two_officers_required=r.two_officers_required,
                    about=adult_names.get(r.adult_id or "", "Address"),
                )
                for r in sorted(risks, key=lambda r: ("high", "medium", "low").index(r.severity))
            ),
            people=tuple(
                PersonInfo(
                    id=a.id,
                    name=f"{a.forename} {a.surname}",
                    relationship=a.relationship_to_child,
                    parental_responsibility=a.parental_responsibility,
                    phone=a.phone,
                    language=a.language,
                    interpreter_needed=a.interpreter_needed,
                    ended_on=a.ended_on,
                    end_reason=a.end_reason,
                    lives_with_child=a.lives_with_child,
                )
                # current adults first (the order they were held in), then those who left
                for a in sorted(adults, key=lambda a: a.ended_on is not None)
            ),
            siblings=_siblings(session, child),
            entries=tuple(entries),
            draft=draft_info(draft) if draft else None,
            attendance=attendance_bands(session, today, self._bands, child.id).get(child.id),
        )

    @property
    def officer_id(self) -> str:
        """The officer using the application (the author of what they sign)."""
        return self._officer_id

    def now(self) -> dt.datetime:
        """The service's clock (what "now" is for a time an officer gives)."""
        return self._clock.now()

    @property
    def unsigned(self) -> UnsignedEntryService:
        """The case's (and the caseload's) unsigned entries: finished and signed, or discarded."""
        from officer_app.services.unsigned_entries import UnsignedEntryService

        return UnsignedEntryService(self._store, self._clock, self._officer_id)

    # --- drafts -------------------------------------------------------------------------
    def save_draft(
        self,
        case_id: str,
        body: str,
        *,
        title: str = "",
        entry_type: str = EntryType.NOTE,
        occurred_at: dt.datetime | None = None,
    ) -> DraftInfo:
        """Keep what is being typed (local only; a crash loses at most the last few seconds).

        ``occurred_at`` is the time the event happened when the officer gave one (None: "now",
        the moment it is signed); it is kept as typed and checked only at signing."""
        now = self._clock.now()

        def work(session: Session) -> DraftInfo:
            draft = find_draft(session, case_id, QUICK_NOTE)
            if draft is None:
                draft = Draft(case_id=case_id, kind=QUICK_NOTE)
                session.add(draft)
            draft.entry_type = str(entry_type)
            draft.title = title
            draft.body = body
            draft.updated_at = now
            draft.occurred_at = occurred_at
            session.flush()
            return draft_info(draft)

        return self._store.write_wait(work)

    def discard_draft(self, case_id: str) -> None:
        def work(session: Session) -> None:
            draft = find_draft(session, case_id, QUICK_NOTE)
            if draft is not None:
                session.delete(draft)

        return self._store.write_wait(work)

    # --- signing --------------------------------------------------------------------------
    def sign_note(
        self,
        case_id: str,
        body: str,
        *,
        title: str = "",
        entry_type: str = EntryType.NOTE,
        occurred_at: dt.datetime | None = None,
    ) -> EntryInfo:
        """Sign a note into the case's evidence chain and clear the draft, in one transaction.

        ``occurred_at`` is when the event happened (None: now); a time in the future or before
        the case's referral is refused (services/event_time.py)."""
        if not body.strip():
            raise NoteRefused("a note needs some text before it can be signed")
        kind = EntryType(entry_type)
        now = self._clock.now()
        officer_id = self._officer_id

        def work(session: Session) -> EntryInfo:
            if occurred_at is not None:
                case = session.get(Case, case_id)
                if case is None:
                    raise CaseNotFound(f"no case with id {case_id}")
                refusal = event_time_refusal(occurred_at, now=now, referral_date=case.referral_date)
                if refusal is not None:
                    raise NoteRefused(refusal)
            entry = ChronologyEntry(
                case_id=case_id,
                entry_type=kind.value,
                occurred_at=occurred_at or now,
                recorded_at=now,
                author_id=officer_id,
                title=title.strip() or kind.label,
                body=body.strip(),
                amend_reason="",
            )
            seal_entry(session, entry, by=officer_id, at=now, draft_kind=QUICK_NOTE)
            session.flush()
            return entry_info(entry, officer_names(session))

        return self._store.write_wait(work)

    def amend(self, entry_id: str, reason: str, body: str) -> EntryInfo:
        """A correction: a new signed entry pointing at the original, which stays as it was."""
        if not reason.strip():
            raise NoteRefused("say why the entry is being amended")
        if not body.strip():
            raise NoteRefused("an amendment needs the corrected text")
        now = self._clock.now()
        officer_id = self._officer_id

        def work(session: Session) -> EntryInfo:
            original = session.get(ChronologyEntry, entry_id)
            if original is None or original.signed_at is None:
                raise NoteRefused("only a signed entry can be amended")
            entry = ChronologyEntry(
                case_id=original.case_id,
                entry_type=original.entry_type,
                occurred_at=original.occurred_at,
                recorded_at=now,
                author_id=officer_id,
                title=amendment_title(original.title),
                body=body.strip(),
                amends_id=original.id,
                amend_reason=reason.strip(),
            )
            evidence.sign(session, entry, by=officer_id, at=now)
            session.add(entry)
            session.flush()
            return entry_info(entry, officer_names(session))

        return self._store.write_wait(work)


def find_draft(session: Session, case_id: str, kind: str) -> Draft | None:
    """The draft of this kind being written on the case, if any."""
    return session.scalar(select(Draft).where(Draft.case_id == case_id, Draft.kind == kind))


def seal_entry(
    session: Session, entry: ChronologyEntry, *, by: str, at: dt.datetime, draft_kind: str
) -> None:
    """Sign ``entry`` into its case's chain and drop the draft it was written in, in the
    caller's transaction (one place for every kind of signed record)."""
    if session.get(Case, entry.case_id) is None:
        raise CaseNotFound(f"no case with id {entry.case_id}")
    evidence.sign(session, entry, by=by, at=at)
    session.add(entry)
    draft = find_draft(session, entry.case_id, draft_kind)
    if draft is not None:
        session.delete(draft)


def officer_names(session: Session) -> dict[str, str]:
    return dict(session.execute(select(Officer.id, Officer.name)).all())


def entry_info(entry: ChronologyEntry, officers: dict[str, str]) -> EntryInfo:
    kind = EntryType(entry.entry_type)
    return EntryInfo(
        id=entry.id,
        entry_type=kind.value,
        type_label=kind.label,
        occurred_at=entry.occurred_at,
        author=officers.get(entry.author_id or "", ""),
        title=entry.title,
        body=entry.body,
        signed=entry.signed_at is not None,
        signed_at=entry.signed_at,
        signed_by=officers.get(entry.signed_by or "", ""),
        content_hash=entry.content_hash or "",
        chain_seq=entry.chain_seq,
        amends_id=entry.amends_id,
        amend_reason=entry.amend_reason,
        form_id=entry.form_id,
        form_version=entry.form_version,
        answers=entry.answers,
        author_id=entry.author_id or "",
        recorded_at=entry.recorded_at,
    )


def _nest_amendments(entries: list[EntryInfo]) -> list[EntryInfo]:
    """Originals in time order, each carrying its amendments (in the order they were made)."""
    by_original: dict[str, list[EntryInfo]] = {}
    for entry in entries:
        if entry.amends_id:
            by_original.setdefault(entry.amends_id, []).append(entry)
    nested: list[EntryInfo] = []
    for entry in entries:
        if entry.amends_id and any(e.id == entry.amends_id for e in entries):
            continue
        amendments = by_original.get(entry.id)
        if amendments:
            ordered = sorted(amendments, key=lambda a: a.signed_at or a.occurred_at)
            entry = EntryInfo(**{**entry.__dict__, "amendments": tuple(ordered)})
        nested.append(entry)
    return nested


def draft_info(draft: Draft) -> DraftInfo:
    return DraftInfo(
        case_id=draft.case_id,
        kind=draft.kind,
        entry_type=draft.entry_type,
        title=draft.title,
        body=draft.body,
        updated_at=draft.updated_at,
        occurred_at=draft.occurred_at,
    )


def one_line_address(family: Family | None) -> str:
    """The family's address on one line: 14 Alder Road, Northam, XT4 2BD."""
    if family is None:
        return ""
    parts = [family.address_line1, family.address_line2, family.town, family.postcode]
    return ", ".join(p for p in parts if p)


def _siblings(session: Session, child: Child) -> tuple[PersonInfo, ...]:
    if not child.family_id:
        return ()
    rows = session.execute(
        select(Child, School.name, Case.reference)
        .outerjoin(School, School.id == Child.school_id)
        .outerjoin(Case, Case.child_id == Child.id)
        .where(Child.family_id == child.family_id, Child.id != child.id)
    ).all()
    return tuple(
        PersonInfo(
            id=sib.id,
            name=f"{sib.forename} {sib.surname}",
            relationship="sibling",
            parental_responsibility=False,
            detail=", ".join(
                p
                for p in (
                    school or "",
                    f"Year {sib.year_group}" if sib.year_group else "",
                    reference or "",
                )
                if p
            ),
        )
        for sib, school, reference in rows
    )

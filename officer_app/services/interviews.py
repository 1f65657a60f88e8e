"""Interviews under caution (issue 12): plan one, conduct it offline with its record
autosaved, defer it when the person asks for legal advice, and seal the closed record into
the case's evidence chain as an exhibit of the interviewing officer.

The rules of the record itself (times, the caution before questions, the closing) are in
:mod:`officer_app.domain.interview`; what a plan and a sealed record hold is in
:mod:`officer_app.services.interview_rows`, shared with the demo.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from officer_app.clock import Clock, uk_local
from officer_app.domain.chronology import EntryType
from officer_app.domain.interview import (
    InterviewRecord,
    InterviewRefused,
    Offence,
    PlanWarning,
)
from officer_app.forms import FieldError, FormDefinition, FormRegistry, clean, validate
from officer_app.services.case_file import (
    CaseNotFound,
    entry_info,
    find_draft,
    officer_names,
    seal_entry,
)
from officer_app.services.dto import EntryInfo
from officer_app.services.exhibits import new_exhibit, next_label
from officer_app.services.interview_info import (
    Candidate,
    InterviewInfo,
    InterviewNotFound,
    Progress,
    Sealed,
    apply_plan,
    candidates,
    check_interviewee,
    check_plan,
    document_choices,
    get_interview,
    interview_info,
    interview_warnings,
    record_facts,
)
from officer_app.services.interview_rows import (
    DRAFT_KIND,
    OPENING_FORM,
    PlanInput,
    PlannedDocument,
    PlannedStatement,
    documents_from,
    record_answers,
    record_text,
    record_title,
    statutory_topics,
)
from officer_app.services.significant_statements import significant_statements
from officer_app.store.database import Store
from officer_app.store.models import (
    Adult,
    Case,
    ChronologyEntry,
    Draft,
    Interview,
    Officer,
)

__all__ = [
    "Candidate",
    "InterviewInfo",
    "InterviewInvalid",
    "InterviewNotFound",
    "InterviewService",
    "NotTheInterviewer",
    "Progress",
    "Sealed",
]

OPEN_STATUSES = frozenset({"planned", "in_progress", "deferred"})


class InterviewInvalid(InterviewRefused):
    """The opening checklist is not complete (``errors`` says where)."""

    def __init__(self, errors: Sequence[FieldError]) -> None:
        first = errors[0]
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        super().__init__(f"{first.field_id}: {first.message}{more}")
        self.errors = tuple(errors)


class NotTheInterviewer(InterviewRefused):
    """Another officer is planned to conduct the interview: starting it needs ``take_over``."""


class InterviewService:
    def __init__(
        self,
        store: Store,
        clock: Clock,
        officer_id: str,
        forms: FormRegistry,
        *,
        la_name: str | None = None,
    ) -> None:
        self._store = store
        self._clock = clock
        self._officer_id = officer_id
        self.forms = forms
        self.la_name = la_name

    # ------------------------------------------------------------------ reading
    def today(self) -> dt.date:
        """The profile's today (a plan's warnings count a person's age on it)."""
        return self._clock.today()

    def now(self) -> dt.datetime:
        """The service's clock: the wall time an interview's stamp clock starts from."""
        return self._clock.now()

    def export_record_pdf(self, entry_id: str, out: Path) -> int:
        """Save a sealed record of interview as a PDF (audited as an export); its pages."""
        from officer_app.services.interview_documents import export_interview_pdf

        return export_interview_pdf(self._store, self._clock, entry_id, out, la_name=self.la_name)

    def record_pdf_bytes(self, entry_id: str) -> tuple[bytes, int]:
        """A sealed record of interview as PDF bytes for the print dialog (audited as a
        print; nothing written to disk)."""
        from officer_app.services.interview_documents import interview_pdf_bytes

        return interview_pdf_bytes(self._store, self._clock, entry_id, la_name=self.la_name)

    def opening_form(self, version: int | None = None) -> FormDefinition:
        return self.forms.get(OPENING_FORM, version)

    def interviews(self, case_id: str) -> list[InterviewInfo]:
        def work(session: Session) -> list[InterviewInfo]:
            if session.get(Case, case_id) is None:
                raise CaseNotFound(f"no case with id {case_id}")
            rows = session.scalars(
                select(Interview).where(Interview.case_id == case_id).order_by(Interview.created_at)
            )
            return [interview_info(session, row, self._clock.today()) for row in rows]

        return self._store.read(work)

    def interview(self, interview_id: str) -> InterviewInfo:
        def work(session: Session) -> InterviewInfo:
            return interview_info(
                session, get_interview(session, interview_id), self._clock.today()
            )

        return self._store.read(work)

    def candidates(self, case_id: str) -> list[Candidate]:
        """The adults who may be interviewed: parental responsibility, still on the case."""
        return self._store.read(lambda session: candidates(session, case_id))

    def document_choices(self, case_id: str) -> list[PlannedDocument]:
        """What may be shown in the interview: the case's attachments and its signed letters
        (title, attachment_id, entry_id), a letter once (not again as its kept PDF)."""
        return self._store.read(lambda session: document_choices(session, case_id))

    def officers(self) -> list[tuple[str, str]]:
        """(id, name) of every other officer, for the second officer."""

        def work(session: Session) -> list[tuple[str, str]]:
            rows = session.execute(select(Officer.id, Officer.name).order_by(Officer.name))
            return [(i, n) for i, n in rows if i != self._officer_id]

        return self._store.read(work)

    def default_plan(self, case_id: str) -> PlanInput:
        """A new plan: the first candidate, the last 10 school weeks or so as the period, the
        statutory topics and the case's significant statements."""
        candidates = self.candidates(case_id)
        statements = self._store.read(lambda s: significant_statements(s, case_id))
        today = self._clock.today()
        return PlanInput(
            interviewee_id=candidates[0].id if candidates else "",
            offence=Offence.S444_1A,
            period_from=today - dt.timedelta(days=70),
            period_to=today,
            place_kind="office",
            place="",
            planned_for=None,
            second_officer_id=None,
            topics=statutory_topics(),
            statements=tuple(
                PlannedStatement(
                    s.statement,
                    f"{s.visit_on.isoformat()} {s.said_at}".strip(),
                    s.entry_id,
                )
                for s in statements
            ),
            interpreter_language=(
                candidates[0].language if candidates and candidates[0].interpreter_needed else ""
            ),
        )

    def warnings(self, plan: PlanInput) -> list[PlanWarning]:
        def work(session: Session) -> list[PlanWarning]:
            adult = session.get(Adult, plan.interviewee_id)
            if adult is None:
                return []
            return interview_warnings(adult, plan, self._clock.today())

        return self._store.read(work)

    # ------------------------------------------------------------------ planning
    def plan(self, case_id: str, plan: PlanInput) -> InterviewInfo:
        check_plan(plan)
        now = self._clock.now()

        def work(session: Session) -> InterviewInfo:
            if session.get(Case, case_id) is None:
                raise CaseNotFound(f"no case with id {case_id}")
            check_interviewee(session, case_id, plan.interviewee_id)
            row = Interview(
                case_id=case_id,
                interviewer_id=self._officer_id,
                created_at=now,
                updated_at=now,
                status="planned",
            )
            apply_plan(row, plan)
            session.add(row)
            session.flush()
            return interview_info(session, row, self._clock.today())

        return self._store.write_wait(work)

    def update_plan(self, interview_id: str, plan: PlanInput, *, version: int) -> InterviewInfo:
        check_plan(plan)
        now = self._clock.now()

        def work(session: Session) -> InterviewInfo:
            row = get_interview(session, interview_id)
            if row.status not in ("planned", "deferred"):
                raise InterviewRefused(f"the interview is {row.status}: its plan is fixed")
            if row.version != version:
                raise InterviewRefused(
                    "someone else changed this plan since you opened it: open it again"
                )
            check_interviewee(session, row.case_id, plan.interviewee_id)
            # exhibits already given to documents stay with them
            given = {d.title: d.exhibit for d in documents_from(row.plan) if d.exhibit}
            apply_plan(row, plan)
            row.plan["documents"] = [
                {**d, "exhibit": d.get("exhibit") or given.get(d["title"], "")}
                for d in row.plan["documents"]
            ]
            row.updated_at = now
            row.version += 1
            session.flush()
            return interview_info(session, row, self._clock.today())

        return self._store.write_wait(work)

    def cancel(self, interview_id: str, reason: str) -> InterviewInfo:
        if not reason.strip():
            raise InterviewRefused("say why the interview is cancelled")

        def work(session: Session) -> InterviewInfo:
            row = get_interview(session, interview_id)
            if row.status not in ("planned", "deferred"):
                raise InterviewRefused(f"the interview is {row.status}: it cannot be cancelled")
            row.status = "cancelled"
            row.status_reason = reason.strip()
            row.updated_at = self._clock.now()
            row.version += 1
            session.flush()
            return interview_info(session, row, self._clock.today())

        return self._store.write_wait(work)

    def invitation_asks(self, interview_id: str) -> dict[str, str]:
        """The interview invitation letter's asks, prefilled from the plan (the letter
        workflow shows them for the officer to check before the preview)."""
        info = self.interview(interview_id)
        asks = {
            "offence_from": info.period_from.isoformat(),
            "offence_to": info.period_to.isoformat(),
            "interview_place": info.place,
        }
        if info.planned_for is not None:
            local = uk_local(info.planned_for)
            asks["interview_date"] = local.date().isoformat()
            asks["interview_time"] = f"{local:%H:%M}"
        return asks

    # ------------------------------------------------------------------ conducting
    def start(self, interview_id: str, *, take_over: bool = False) -> InterviewInfo:
        """Open the interview for recording: the plan's documents become exhibits of the
        interviewer (``JS/2``…) so they can be shown by their labels.

        The record names who really conducted the interview: an officer other than the one
        planned starts it only with ``take_over``, and is then recorded as the interviewer
        (the planned second officer taking over swaps places with the planned interviewer);
        otherwise :class:`NotTheInterviewer` says who was planned."""
        now = self._clock.now()
        me = self._officer_id

        def work(session: Session) -> InterviewInfo:
            row = get_interview(session, interview_id)
            if row.status not in ("planned", "deferred", "in_progress"):
                raise InterviewRefused(f"the interview is {row.status}")
            if row.interviewer_id != me:
                names = officer_names(session)
                planned = names.get(row.interviewer_id, "another officer")
                if not take_over:
                    raise NotTheInterviewer(
                        f"{planned} is planned to conduct this interview; if you conduct it, "
                        "you are recorded as the interviewer"
                    )
                if row.second_officer_id == me:
                    row.second_officer_id = row.interviewer_id
                row.interviewer_id = me
                row.status_reason = (
                    f"Conducted by {names.get(me, '')} in place of {planned} (planned)."
                )
            busy = find_draft(session, row.case_id, DRAFT_KIND)
            if busy is not None and (busy.answers or {}).get("interview_id") != row.id:
                raise InterviewRefused(
                    "another interview on this case is being recorded: close it first"
                )
            documents = []
            for doc in row.plan.get("documents") or []:
                if not doc.get("exhibit"):
                    doc = {
                        **doc,
                        "exhibit": new_exhibit(
                            session,
                            row.case_id,
                            row.interviewer_id,
                            str(doc.get("title", "")),
                            now,
                            entry_id=doc.get("entry_id") or None,
                            attachment_id=doc.get("attachment_id") or None,
                        ),
                    }
                documents.append(doc)
            row.plan = {**row.plan, "documents": documents}
            if row.status != "in_progress":
                row.status = "in_progress"
                row.version += 1
            row.updated_at = now
            if busy is None:
                session.add(
                    Draft(
                        case_id=row.case_id,
                        kind=DRAFT_KIND,
                        entry_type=EntryType.INTERVIEW.value,
                        title="Interview under caution (being recorded)",
                        answers={
                            "interview_id": row.id,
                            "opening": {},
                            "events": [],
                            "topics_covered": [],
                        },
                        updated_at=now,
                    )
                )
            session.flush()
            return interview_info(session, row, self._clock.today())

        return self._store.write_wait(work)

    def progress(self, interview_id: str) -> Progress:
        """The record as last saved (an empty one if nothing has been recorded)."""

        def work(session: Session) -> Progress:
            row = get_interview(session, interview_id)
            draft = find_draft(session, row.case_id, DRAFT_KIND)
            data = draft.answers if draft is not None else None
            if not data or data.get("interview_id") != row.id:
                return Progress(row.id, {}, InterviewRecord(), (), None)
            return Progress(
                row.id,
                dict(data.get("opening") or {}),
                InterviewRecord.from_json(data.get("events") or []),
                tuple(str(k) for k in data.get("topics_covered") or []),
                draft.updated_at if draft is not None else None,
                str(data.get("pending") or ""),
            )

        return self._store.read(work)

    def save_progress(
        self,
        interview_id: str,
        opening: dict[str, Any],
        record: InterviewRecord,
        topics_covered: Sequence[str],
        *,
        pending: str = "",
    ) -> dt.datetime:
        """Autosave the interview being recorded (local only, every few seconds), with the
        words being typed (``pending``) that are not yet an event of the record."""
        now = self._clock.now()
        snapshot = {
            "interview_id": interview_id,
            "opening": dict(opening),
            "events": record.to_json(),
            "topics_covered": list(topics_covered),
            "pending": pending,
        }

        def work(session: Session) -> dt.datetime:
            row = get_interview(session, interview_id)
            if row.status != "in_progress":
                raise InterviewRefused(f"the interview is {row.status}: nothing to save")
            draft = find_draft(session, row.case_id, DRAFT_KIND)
            if draft is None:
                draft = Draft(
                    case_id=row.case_id,
                    kind=DRAFT_KIND,
                    entry_type=EntryType.INTERVIEW.value,
                    title="Interview under caution (being recorded)",
                )
                session.add(draft)
            draft.answers = snapshot
            draft.updated_at = now
            session.flush()
            return now

        return self._store.write_wait(work)

    def check_opening(self, opening: dict[str, Any]) -> dict[str, Any]:
        """The opening checklist, cleaned and checked (InterviewInvalid if incomplete); its
        "told" answers must all be yes before any question (Code C 3.21, 10.1)."""
        definition = self.opening_form()
        kept = clean(definition, opening)
        errors = validate(
            definition, kept, people=[], today=self._clock.today(), now=self._clock.now()
        )
        for key in (
            "identities_confirmed",
            "told_not_under_arrest",
            "told_legal_advice",
            "told_free_to_leave",
            "told_may_ask_to_leave",
        ):
            if key in kept and kept[key] is not True:
                errors.append(FieldError(key, "must be done (yes) before the interview goes on"))
        if errors:
            raise InterviewInvalid(errors)
        return kept

    def defer(
        self, interview_id: str, opening: dict[str, Any], record: InterviewRecord, reason: str
    ) -> EntryInfo:
        """Stop the interview (legal advice asked for, or anything else that means it cannot
        go on): a signed note of what happened so far; the plan stays, to be started again."""
        if not reason.strip():
            raise InterviewRefused("say why the interview is deferred")
        now = self._clock.now()
        officer_id = self._officer_id

        def work(session: Session) -> EntryInfo:
            row = get_interview(session, interview_id)
            if row.status != "in_progress":
                raise InterviewRefused(f"the interview is {row.status}: it cannot be deferred")
            facts = record_facts(session, row, opening, (), "")
            text = record_text(facts, record)
            entry = ChronologyEntry(
                case_id=row.case_id,
                entry_type=EntryType.INTERVIEW.value,
                occurred_at=record.start or now,
                recorded_at=now,
                author_id=officer_id,
                title=record_title(facts.interviewee_name, deferred=True),
                body=f"Deferred: {reason.strip()}\n{text}",
                amend_reason="",
            )
            seal_entry(session, entry, by=officer_id, at=now, draft_kind=DRAFT_KIND)
            row.status = "deferred"
            row.status_reason = reason.strip()
            row.updated_at = now
            row.version += 1
            session.flush()
            return entry_info(entry, officer_names(session))

        return self._store.write_wait(work)

    def seal(
        self,
        interview_id: str,
        opening: dict[str, Any],
        record: InterviewRecord,
        topics_covered: Sequence[str],
    ) -> Sealed:
        """Seal the closed record into the case's chain as the interviewer's next exhibit,
        in one transaction with the end of the draft."""
        kept = self.check_opening(opening)
        now = self._clock.now()
        officer_id = self._officer_id
        version = self.opening_form().version

        def work(session: Session) -> Sealed:
            row = get_interview(session, interview_id)
            if row.status != "in_progress":
                raise InterviewRefused(f"the interview is {row.status}: it cannot be sealed")
            missing = record.missing_for_seal(second_officer=row.second_officer_id is not None)
            if missing:
                raise InterviewRefused("the record is not ready to seal: " + "; ".join(missing))
            facts = record_facts(session, row, kept, topics_covered, "")
            facts.opening_form_version = version
            facts.exhibit = next_label(session, row.case_id, row.interviewer_id)
            entry = ChronologyEntry(
                case_id=row.case_id,
                entry_type=EntryType.INTERVIEW.value,
                occurred_at=record.start or now,
                recorded_at=now,
                author_id=row.interviewer_id,
                title=record_title(facts.interviewee_name),
                body=record_text(facts, record),
                amend_reason="",
                answers=record_answers(facts, record),
            )
            seal_entry(session, entry, by=officer_id, at=now, draft_kind=DRAFT_KIND)
            session.flush()
            label = new_exhibit(
                session,
                row.case_id,
                row.interviewer_id,
                f"Record of interview with {facts.interviewee_name}",
                now,
                entry_id=entry.id,
            )
            assert label == facts.exhibit
            row.status = "completed"
            row.record_id = entry.id
            row.updated_at = now
            row.version += 1
            session.flush()
            return Sealed(entry_info(entry, officer_names(session)), label)

        return self._store.write_wait(work)

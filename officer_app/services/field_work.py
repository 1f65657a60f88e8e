"""Field work: plan a visit, acknowledge its risks, record it on a form, assess, plan, review.

Structured records (home visit, initial assessment, plan review, CME referral, EHE notice) are
chronology entries that carry the form id, its version and the answers, so signing seals
the answers into the case's evidence chain like any note.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from officer_app.domain.chronology import EntryType
from officer_app.forms import (
    FieldError,
    FormDefinition,
    clean,
    validate,
    with_case_facts,
)
from officer_app.services.builders import (
    FORM_ENTRY_TYPES,
    record_body,
    record_entry_type,
    record_title,
)
from officer_app.services.case_file import (
    CaseNotFound,
    draft_info,
    entry_info,
    find_draft,
    officer_names,
    seal_entry,
)
from officer_app.services.dto import (
    DraftInfo,
    EntryInfo,
)
from officer_app.services.significant_statements import (
    SignificantStatementInfo,
    case_facts,
    significant_statements,
)
from officer_app.store import audit, evidence
from officer_app.store.models import (
    Adult,
    Case,
    Child,
    ChronologyEntry,
    Draft,
    School,
    VisitPlan,
)

if TYPE_CHECKING:
    from officer_app.documents import RecordHeader
from officer_app.services.field_work_base import (
    FieldWorkRefused,
    RecordInvalid,
    RisksNotAcknowledged,
)
from officer_app.services.plan_work import OWNERS, ActionInput, PlanWork, TargetInput, apply_to_plan
from officer_app.services.visit_work import VisitWork

__all__ = [
    "OWNERS",
    "ActionInput",
    "FieldWorkRefused",
    "FieldWorkService",
    "RecordInvalid",
    "RisksNotAcknowledged",
    "TargetInput",
]


def _draft_kind(form_id: str) -> str:
    return f"form:{form_id}"


class FieldWorkService(VisitWork, PlanWork):
    """Field work for the window and the CLI: visits and risks (VisitWork), plans (PlanWork),
    and the structured records below."""

    def definition(self, form_id: str, version: int | None = None) -> FormDefinition:
        return self.forms.get(form_id, version)

    def people(self, case_id: str) -> list[tuple[str, str]]:
        """(id, name) of the child and the adults of the family, for 'person' questions."""

        def work(session: Session) -> list[tuple[str, str]]:
            case = session.get(Case, case_id)
            if case is None:
                raise CaseNotFound(f"no case with id {case_id}")
            return _people(session, case)

        return self._store.read(work)

    def case_facts(self, case_id: str) -> dict[str, bool]:
        """The facts of the case that ``from_case`` fields take (e.g. ``legal_action``)."""
        return self._store.read(lambda session: case_facts(session, case_id))

    def prefill_facts(self, case_id: str) -> dict[str, str]:
        """What the case already knows, for the ``prefill`` fields of a form being opened
        (:func:`officer_app.forms.with_prefill`): today's date and the time now (UK), the
        family's current address, the child's name, school and date of birth."""
        from officer_app.clock import uk_local

        now = uk_local(self._clock.now())

        def work(session: Session) -> dict[str, str]:
            case = session.get(Case, case_id)
            if case is None:
                raise CaseNotFound(f"no case with id {case_id}")
            child = session.get_one(Child, case.child_id)
            family = child.family
            address = (
                [family.address_line1, family.address_line2, family.town, family.postcode]
                if family is not None
                else []
            )
            return {
                "today": self._clock.today().isoformat(),
                "now": f"{now.hour:02d}:{now.minute:02d}",
                "family_address": "\n".join(part for part in address if part.strip()),
                "child_name": f"{child.forename} {child.surname}",
                "child_school": child.school.name if child.school is not None else "",
                "child_dob": child.date_of_birth.isoformat(),
            }

        return self._store.read(work)

    def with_case_facts(
        self, case_id: str, definition: FormDefinition, answers: dict[str, Any]
    ) -> dict[str, Any]:
        """``answers`` with the form's ``from_case`` fields set from the case as it is now."""
        return with_case_facts(definition, answers, self.case_facts(case_id))

    def significant_statements(self, case_id: str) -> list[SignificantStatementInfo]:
        """The case's significant statements (signed visit records), oldest first: what an
        interview under caution puts to the person at its start (issue 9, point 11)."""
        return self._store.read(lambda session: significant_statements(session, case_id))

    def record_draft(self, case_id: str, form_id: str) -> DraftInfo | None:
        def work(session: Session) -> DraftInfo | None:
            draft = find_draft(session, case_id, _draft_kind(form_id))
            return draft_info(draft) if draft else None

        return self._store.read(work)

    def record_draft_answers(self, case_id: str, form_id: str) -> tuple[int, dict[str, Any]] | None:
        """(form version, answers) of the draft being filled in, if any."""

        def work(session: Session) -> tuple[int, dict[str, Any]] | None:
            draft = find_draft(session, case_id, _draft_kind(form_id))
            if draft is None or draft.answers is None:
                return None
            return int(draft.form_version or 1), dict(draft.answers)

        return self._store.read(work)

    def save_record_draft(
        self, case_id: str, definition: FormDefinition, answers: dict[str, Any]
    ) -> DraftInfo:
        """Keep a form being filled in (local only), at every change and every few seconds."""
        now = self._clock.now()
        kind = _draft_kind(definition.id)
        snapshot = dict(answers)

        def work(session: Session) -> DraftInfo:
            draft = find_draft(session, case_id, kind)
            if draft is None:
                draft = Draft(case_id=case_id, kind=kind)
                session.add(draft)
            draft.entry_type = FORM_ENTRY_TYPES.get(definition.id, EntryType.NOTE).value
            draft.title = definition.title
            draft.form_id = definition.id
            draft.form_version = definition.version
            draft.answers = snapshot
            draft.updated_at = now
            session.flush()
            return draft_info(draft)

        return self._store.write_wait(work)

    def sign_record(
        self,
        case_id: str,
        definition: FormDefinition,
        answers: dict[str, Any],
        *,
        occurred_at: dt.datetime | None = None,
        visit_plan_id: str | None = None,
    ) -> EntryInfo:
        """Validate, then seal the record into the case's chain; the draft goes in the same
        transaction. A home visit needs its risk flags acknowledged first."""
        people = self.people(case_id)
        # a fact of the case is the case's, never what was typed or kept in a draft
        kept = clean(definition, self.with_case_facts(case_id, definition, answers))
        now = self._clock.now()
        # a record of what happened cannot hold a time after the moment it is signed
        errors = validate(
            definition, kept, people=[p for p, _ in people], today=self._clock.today(), now=now
        )
        if occurred_at is not None and occurred_at > now:
            errors.append(FieldError("When it happened", "is later than now."))
        if errors:
            raise RecordInvalid(errors)
        if definition.id == "home_visit" and self.needs_acknowledgement(case_id, None):
            raise RisksNotAcknowledged(
                "read and acknowledge the risk flags on this family before recording the visit"
            )
        body = record_body(definition, kept, people)
        kind = record_entry_type(definition.id)
        title = record_title(definition, kept)
        officer_id = self._officer_id

        def work(session: Session) -> EntryInfo:
            entry = ChronologyEntry(
                case_id=case_id,
                entry_type=kind.value,
                occurred_at=occurred_at or _occurred(kept, now),
                recorded_at=now,
                author_id=officer_id,
                title=title,
                body=body,
                amend_reason="",
                form_id=definition.id,
                form_version=definition.version,
                answers=kept,
            )
            seal_entry(session, entry, by=officer_id, at=now, draft_kind=_draft_kind(definition.id))
            apply_to_plan(
                session, case_id, definition.id, kept, self._clock.today(), self.timescales
            )
            if visit_plan_id is not None:
                plan = session.get(VisitPlan, visit_plan_id)
                if plan is not None and plan.status == "planned":
                    plan.status = "done"
                    session.flush()
                    plan.record_id = entry.id
            session.flush()
            return entry_info(entry, officer_names(session))

        return self._store.write_wait(work)

    def export_record_pdf(self, entry_id: str, out: Path) -> int:
        """Save the record as a PDF file (audited as an export); returns the page count."""
        from officer_app.documents import render_record

        header, definition, answers, people = self._record_document(entry_id)
        pages = render_record(
            header,
            definition,
            answers,
            out,
            printed_at=self._clock.now(),
            person_name=lambda pid: people.get(pid, pid),
        )
        self._audit_document("export", entry_id, pages, header.form_id)
        return pages

    def record_pdf_bytes(self, entry_id: str) -> tuple[bytes, int]:
        """The record as PDF bytes for the print dialog (audited as a print); nothing is
        written to disk."""
        from officer_app.documents import render_record_bytes

        header, definition, answers, people = self._record_document(entry_id)
        data, pages = render_record_bytes(
            header,
            definition,
            answers,
            printed_at=self._clock.now(),
            person_name=lambda pid: people.get(pid, pid),
        )
        self._audit_document("print", entry_id, pages, header.form_id)
        return data, pages

    def _audit_document(self, action: str, entry_id: str, pages: int, form_id: str) -> None:
        self._store.write_wait(
            lambda session: audit.record(
                session,
                action,
                entity_type="chronology_entry",
                entity_id=entry_id,
                detail={"pages": pages, "form": form_id},
            )
        )

    def _record_document(
        self, entry_id: str
    ) -> tuple[RecordHeader, FormDefinition, dict[str, Any], dict[str, str]]:
        """Everything a record's PDF needs, read in one go (blocking: run it on a worker)."""
        from officer_app.documents import Amendment, RecordHeader
        from officer_app.documents.record_pdf import DEFAULT_LA_NAME

        def gather(
            session: Session,
        ) -> tuple[RecordHeader, FormDefinition, dict[str, Any], dict[str, str]]:
            entry = session.get(ChronologyEntry, entry_id)
            if entry is None or entry.form_id is None or entry.answers is None:
                raise FieldWorkRefused("only a structured record (a form) prints as a record")
            case = session.get_one(Case, entry.case_id)
            child = session.get_one(Child, case.child_id)
            school = session.get(School, child.school_id) if child.school_id else None
            names = officer_names(session)
            amendments = session.scalars(
                select(ChronologyEntry)
                .where(ChronologyEntry.amends_id == entry.id)
                .order_by(ChronologyEntry.signed_at)
            )
            header = RecordHeader(
                title=entry.title,
                case_reference=case.reference,
                child_name=f"{child.forename} {child.surname}",
                child_dob=child.date_of_birth,
                school=school.name if school else "",
                officer=names.get(entry.author_id or "", ""),
                occurred_at=entry.occurred_at,
                recorded_at=entry.recorded_at,
                signed_at=entry.signed_at,
                signed_by=names.get(entry.signed_by or "", ""),
                content_hash=entry.content_hash or "",
                form_id=entry.form_id,
                form_version=int(entry.form_version or 1),
                la_name=self.la_name or DEFAULT_LA_NAME,
                amendments=tuple(
                    Amendment(
                        signed_at=a.signed_at or a.recorded_at,
                        signed_by=names.get(a.signed_by or "", ""),
                        reason=a.amend_reason,
                        text=a.body,
                    )
                    for a in amendments
                ),
                evidence=evidence.chain_mark(session, case.id),
            )
            definition = self.forms.get(entry.form_id, entry.form_version)
            return header, definition, dict(entry.answers), dict(_people(session, case))

        return self._store.read(gather)


def _occurred(answers: dict[str, Any], now: dt.datetime) -> dt.datetime:
    """The record's own date and arrival time when it has them (a visit written up later)."""
    day = answers.get("visit_date") or answers.get("assessment_date") or answers.get("review_date")
    if not isinstance(day, str):
        return now
    try:
        date = dt.date.fromisoformat(day)
        time = dt.time.fromisoformat(str(answers.get("arrival_time") or "09:00"))
    except ValueError:
        return now
    from officer_app.clock import UK

    return dt.datetime.combine(date, time, tzinfo=UK).astimezone(dt.UTC)


def _people(session: Session, case: Case) -> list[tuple[str, str]]:
    child = session.get_one(Child, case.child_id)
    people = [(child.id, f"{child.forename} {child.surname} (child)")]
    if child.family_id:
        for adult in session.scalars(select(Adult).where(Adult.family_id == child.family_id)):
            people.append(
                (adult.id, f"{adult.forename} {adult.surname} ({adult.relationship_to_child})")
            )
    return people

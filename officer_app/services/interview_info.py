"""What the interview service reads and checks: the plan as the window sees it
(:class:`InterviewInfo`), the record being made (:class:`Progress`), the people who may be
interviewed, and the facts a sealed record carries (kept apart from the service's steps)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from officer_app.domain.interview import (
    InterviewRecord,
    InterviewRefused,
    Offence,
    PlanWarning,
    age_on,
    plan_warnings,
)
from officer_app.services.case_file import CaseNotFound, officer_names
from officer_app.services.dto import EntryInfo
from officer_app.services.interview_rows import (
    PlanInput,
    PlannedDocument,
    PlannedStatement,
    PlannedTopic,
    RecordFacts,
    documents_from,
    plan_json,
    present_from_opening,
    statements_from,
    topics_from,
)
from officer_app.store.models import (
    Adult,
    Attachment,
    Case,
    Child,
    ChronologyEntry,
    Exhibit,
    Family,
    Interview,
    Letter,
    Officer,
)


class InterviewNotFound(LookupError):
    pass


@dataclass(frozen=True)
class InterviewInfo:
    id: str
    case_id: str
    case_reference: str
    child_name: str
    interviewee_id: str
    interviewee_name: str
    offence: Offence
    period_from: dt.date
    period_to: dt.date
    place_kind: str
    place: str
    planned_for: dt.datetime | None
    interviewer_id: str
    interviewer_name: str
    interviewer_initials: str
    second_officer_id: str | None
    second_officer_name: str
    recording: str
    topics: tuple[PlannedTopic, ...]
    statements: tuple[PlannedStatement, ...]
    documents: tuple[PlannedDocument, ...]
    interpreter_language: str
    interpreter_name: str
    appropriate_adult_name: str
    appropriate_adult_relationship: str
    notes: str
    status: str
    status_reason: str
    record_id: str | None
    exhibit: str | None
    warnings: tuple[PlanWarning, ...]
    version: int

    def as_plan(self) -> PlanInput:
        return PlanInput(
            interviewee_id=self.interviewee_id,
            offence=self.offence,
            period_from=self.period_from,
            period_to=self.period_to,
            place_kind=self.place_kind,
            place=self.place,
            planned_for=self.planned_for,
            second_officer_id=self.second_officer_id,
            recording=self.recording,
            topics=self.topics,
            statements=self.statements,
            documents=self.documents,
            interpreter_language=self.interpreter_language,
            interpreter_name=self.interpreter_name,
            appropriate_adult_name=self.appropriate_adult_name,
            appropriate_adult_relationship=self.appropriate_adult_relationship,
            notes=self.notes,
        )


@dataclass(frozen=True)
class Progress:
    """An interview being conducted, as last autosaved."""

    interview_id: str
    opening: dict[str, Any]
    record: InterviewRecord
    topics_covered: tuple[str, ...]
    saved_at: dt.datetime | None
    pending: str = ""  # the words being typed when it was saved, not yet an event


@dataclass(frozen=True)
class Sealed:
    entry: EntryInfo
    exhibit: str


@dataclass(frozen=True)
class Candidate:
    """An adult who may be interviewed: one with parental responsibility, still on the case."""

    id: str
    name: str
    relationship: str
    interpreter_needed: bool
    language: str
    # what the plan dialog needs to warn without reading the database again (Code C 1.4-1.7:
    # under 18 or vulnerable needs an appropriate adult) and to offer their home as the place
    date_of_birth: dt.date | None = None
    vulnerable: bool = False
    home_address: str = ""  # the family's address when they live there, else ""


def get_interview(session: Session, interview_id: str) -> Interview:
    row = session.get(Interview, interview_id)
    if row is None:
        raise InterviewNotFound(f"no interview with id {interview_id}")
    return row


def check_plan(plan: PlanInput) -> None:
    if not plan.interviewee_id:
        raise InterviewRefused("choose the person to be interviewed")
    if plan.period_to < plan.period_from:
        raise InterviewRefused("the offence period ends before it begins")
    if plan.place_kind not in ("office", "home"):
        raise InterviewRefused("the place is the office or the family's home")
    if not plan.place.strip():
        raise InterviewRefused("say where the interview will be held")
    if plan.recording not in ("written", "audio"):
        raise InterviewRefused("the record is written or an audio recording")


def check_interviewee(session: Session, case_id: str, adult_id: str) -> None:
    case = session.get_one(Case, case_id)
    child = session.get_one(Child, case.child_id)
    adult = session.get(Adult, adult_id)
    if adult is None or adult.family_id != child.family_id:
        raise InterviewRefused("the person interviewed must be an adult on this case")
    if not adult.parental_responsibility:
        # s444 is committed by a parent (s576 Education Act 1996); the plan is for one with
        # parental responsibility (issue 12, point 1)
        raise InterviewRefused(
            f"{adult.forename} {adult.surname} has no parental responsibility for the child"
        )


def apply_plan(row: Interview, plan: PlanInput) -> None:
    row.interviewee_id = plan.interviewee_id
    row.offence = plan.offence.value
    row.period_from = plan.period_from
    row.period_to = plan.period_to
    row.place_kind = plan.place_kind
    row.place = plan.place.strip()
    row.planned_for = plan.planned_for
    row.second_officer_id = plan.second_officer_id
    row.recording = plan.recording
    row.plan = plan_json(plan)


def interview_warnings(adult: Adult, plan: PlanInput, today: dt.date) -> list[PlanWarning]:
    return plan_warnings(
        interviewee_age=age_on(adult.date_of_birth, today) if adult.date_of_birth else None,
        vulnerable=adult.vulnerable,
        interpreter_flagged=adult.interpreter_needed,
        interpreter_planned=plan.interpreter_planned,
        appropriate_adult_planned=plan.appropriate_adult_planned,
        language=adult.language,
    )


def address_text(family: Family | None) -> str:
    """The family's address on one line, as the place of an interview at home."""
    if family is None:
        return ""
    parts = (family.address_line1, family.address_line2, family.town, family.postcode.upper())
    return ", ".join(p.strip() for p in parts if p and p.strip())


def record_facts(
    session: Session,
    row: Interview,
    opening: dict[str, Any],
    topics_covered: Sequence[str],
    exhibit: str,
) -> RecordFacts:
    adult = session.get_one(Adult, row.interviewee_id)
    names = officer_names(session)
    interviewee = f"{adult.forename} {adult.surname}"
    return RecordFacts(
        interview_id=row.id,
        offence=Offence(row.offence),
        period_from=row.period_from,
        period_to=row.period_to,
        interviewee_id=adult.id,
        interviewee_name=interviewee,
        place_kind=str(opening.get("place_kind") or row.place_kind),
        place=row.place,
        present=present_from_opening(
            opening,
            interviewer=names.get(row.interviewer_id, ""),
            second=names.get(row.second_officer_id or "", ""),
            interviewee=interviewee,
        ),
        opening=dict(opening),
        opening_form_version=1,
        topics=topics_from(row.plan),
        topics_covered=topics_covered,
        statements=statements_from(row.plan),
        documents=documents_from(row.plan),
        recording=str(opening.get("recording") or row.recording),
        exhibit=exhibit,
    )


def interview_info(session: Session, row: Interview, today: dt.date) -> InterviewInfo:
    case = session.get_one(Case, row.case_id)
    child = session.get_one(Child, case.child_id)
    adult = session.get_one(Adult, row.interviewee_id)
    interviewer = session.get_one(Officer, row.interviewer_id)
    second = session.get(Officer, row.second_officer_id) if row.second_officer_id else None
    exhibit = (
        session.scalar(select(Exhibit.label).where(Exhibit.entry_id == row.record_id))
        if row.record_id
        else None
    )
    data = row.plan or {}
    interpreter = data.get("interpreter") or {}
    aa = data.get("appropriate_adult") or {}
    info = InterviewInfo(
        id=row.id,
        case_id=row.case_id,
        case_reference=case.reference,
        child_name=f"{child.forename} {child.surname}",
        interviewee_id=adult.id,
        interviewee_name=f"{adult.forename} {adult.surname}",
        offence=Offence(row.offence),
        period_from=row.period_from,
        period_to=row.period_to,
        place_kind=row.place_kind,
        place=row.place,
        planned_for=row.planned_for,
        interviewer_id=interviewer.id,
        interviewer_name=interviewer.name,
        interviewer_initials=interviewer.initials,
        second_officer_id=second.id if second else None,
        second_officer_name=second.name if second else "",
        recording=row.recording,
        topics=topics_from(data),
        statements=statements_from(data),
        documents=documents_from(data),
        interpreter_language=str(interpreter.get("language", "")),
        interpreter_name=str(interpreter.get("name", "")),
        appropriate_adult_name=str(aa.get("name", "")),
        appropriate_adult_relationship=str(aa.get("relationship", "")),
        notes=str(data.get("notes", "")),
        status=row.status,
        status_reason=row.status_reason,
        record_id=row.record_id,
        exhibit=exhibit,
        warnings=(),
        version=row.version,
    )
    return with_warnings(info, adult, today)


def with_warnings(info: InterviewInfo, adult: Adult, today: dt.date) -> InterviewInfo:
    return replace(info, warnings=tuple(interview_warnings(adult, info.as_plan(), today)))


def candidates(session: Session, case_id: str) -> list[Candidate]:
    """The adults of the case with parental responsibility who have not left it."""
    case = session.get(Case, case_id)
    if case is None:
        raise CaseNotFound(f"no case with id {case_id}")
    child = session.get_one(Child, case.child_id)
    if child.family_id is None:
        return []
    home = address_text(session.get(Family, child.family_id))
    adults = session.scalars(
        select(Adult).where(
            Adult.family_id == child.family_id,
            Adult.parental_responsibility.is_(True),
            Adult.ended_on.is_(None),
        )
    )
    return [
        Candidate(
            a.id,
            f"{a.forename} {a.surname}",
            a.relationship_to_child,
            a.interpreter_needed,
            a.language,
            a.date_of_birth,
            a.vulnerable,
            home if a.lives_with_child else "",
        )
        for a in adults
    ]


def document_choices(session: Session, case_id: str) -> list[PlannedDocument]:
    """The case's attachments and its signed letters, a letter once."""
    if session.get(Case, case_id) is None:
        raise CaseNotFound(f"no case with id {case_id}")
    letters = list(
        session.scalars(
            select(Letter)
            .join(ChronologyEntry, ChronologyEntry.id == Letter.entry_id)
            .where(Letter.case_id == case_id, ChronologyEntry.signed_at.is_not(None))
            .order_by(Letter.sent_on, Letter.created_at)
        )
    )
    copies = {letter.attachment_id for letter in letters if letter.attachment_id}
    out = [
        PlannedDocument(a.filename, a.id, a.entry_id or "")
        for a in session.scalars(
            select(Attachment).where(Attachment.case_id == case_id).order_by(Attachment.added_at)
        )
        if a.id not in copies
    ]
    out.extend(
        PlannedDocument(
            f"Letter: {letter.title}"
            + (f" to {letter.recipient_name}" if letter.recipient_name else "")
            + f", sent {letter.sent_on.isoformat()}",
            letter.attachment_id or "",
            letter.entry_id or "",
        )
        for letter in letters
    )
    return out

"""The record of interview under caution as a PDF (issue 12, point 5), from a sealed
interview entry: saved to a file (audited as an export) or as bytes for the print dialog
(audited as a print).

Only a sealed record of interview prints this way: a chronology entry of type
``interview`` whose answers are :func:`officer_app.services.interview_rows.record_answers`
and which has been signed. A deferred interview's note, a draft or any other record is
refused with :class:`NotAnInterviewRecord`. The layout is in
:mod:`officer_app.documents.interview_pdf`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from officer_app.clock import Clock
from officer_app.documents.destination import check_destination, write_file
from officer_app.documents.model import DEFAULT_LA_NAME, Amendment
from officer_app.domain.chronology import EntryType
from officer_app.services.case_file import officer_names
from officer_app.services.interview_rows import is_interview_record
from officer_app.store import audit, evidence
from officer_app.store.database import Store
from officer_app.store.models import Case, Child, ChronologyEntry, School

if TYPE_CHECKING:
    from officer_app.documents.interview_pdf import InterviewDocument

__all__ = ["NotAnInterviewRecord", "export_interview_pdf", "interview_pdf_bytes"]


class NotAnInterviewRecord(ValueError):
    """The entry is not a sealed record of interview; the message says what it is."""


def export_interview_pdf(
    store: Store, clock: Clock, entry_id: str, out: Path, *, la_name: str | None
) -> int:
    """Save the record of interview to ``out`` (a ``.pdf``; checked before anything is made,
    written atomically), audited as an export; returns the page count."""
    from officer_app.documents.interview_pdf import render_interview_bytes

    target = check_destination(Path(out), (".pdf",))
    document = _document(store, entry_id, la_name)
    data, pages = render_interview_bytes(document, printed_at=clock.now())
    write_file(target, data)
    _audit(store, "export", entry_id, pages, document.exhibit)
    return pages


def interview_pdf_bytes(
    store: Store, clock: Clock, entry_id: str, *, la_name: str | None
) -> tuple[bytes, int]:
    """The record of interview as PDF bytes for the print dialog (audited as a print);
    nothing is written to disk."""
    from officer_app.documents.interview_pdf import render_interview_bytes

    document = _document(store, entry_id, la_name)
    data, pages = render_interview_bytes(document, printed_at=clock.now())
    _audit(store, "print", entry_id, pages, document.exhibit)
    return data, pages


def _audit(store: Store, action: str, entry_id: str, pages: int, exhibit: str) -> None:
    store.write_wait(
        lambda session: audit.record(
            session,
            action,
            entity_type="chronology_entry",
            entity_id=entry_id,
            detail={"pages": pages, "form": "interview_record", "exhibit": exhibit},
        )
    )


def _document(store: Store, entry_id: str, la_name: str | None) -> InterviewDocument:
    """Everything the record of interview prints, read in one go (blocking: a worker's)."""
    from officer_app.documents.interview_pdf import InterviewDocument

    def gather(session: Session) -> InterviewDocument:
        entry = session.get(ChronologyEntry, entry_id)
        if entry is None:
            raise NotAnInterviewRecord(f"no record with id {entry_id}")
        if entry.entry_type != EntryType.INTERVIEW.value or not is_interview_record(entry.answers):
            raise NotAnInterviewRecord(
                f"{entry.title!r} is not a record of interview under caution"
            )
        if entry.signed_at is None or not entry.content_hash:
            raise NotAnInterviewRecord(f"{entry.title!r} is not sealed yet")
        case = session.get_one(Case, entry.case_id)
        child = session.get_one(Child, case.child_id)
        school = session.get(School, child.school_id) if child.school_id else None
        names = officer_names(session)
        amendments = session.scalars(
            select(ChronologyEntry)
            .where(ChronologyEntry.amends_id == entry.id)
            .order_by(ChronologyEntry.signed_at)
        )
        answers = dict(entry.answers or {})
        return InterviewDocument(
            case_reference=case.reference,
            child_name=f"{child.forename} {child.surname}",
            child_dob=child.date_of_birth,
            school=school.name if school else "",
            interviewer=names.get(entry.author_id or "", ""),
            occurred_at=entry.occurred_at,
            recorded_at=entry.recorded_at,
            signed_at=entry.signed_at,
            signed_by=names.get(entry.signed_by or "", ""),
            content_hash=entry.content_hash,
            exhibit=str(answers.get("exhibit", "")),
            answers=answers,
            la_name=la_name or DEFAULT_LA_NAME,
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

    return store.read(gather)

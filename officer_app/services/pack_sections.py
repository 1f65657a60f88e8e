"""What goes into an evidence pack, in order, and the check that no withheld address is in it
(issue 13, point 2). Two hook points for the pieces made beside this one:

- :func:`collect_sections` (HOOK: the lead extends it): the pack's documents in order. What
  it makes today from what the case holds: a plain cover, the letters sent (their kept copies,
  unchanged), the signed home-visit, assessment and review records, the records of interview
  under caution, and every other exhibit attached to the case (PDFs and pictures). The
  places marked ``HOOK`` are where the case summary, the draft information, the witness
  statements (``StatementService.statement_pdf_for_pack``), the s566 certificate, the register
  extract, the penalty-notice history and the unused-material schedule go.
- :func:`withheld_places` (HOOK: ``services/withheld.py``'s ``find_withheld`` takes its
  place): every place in the pack where an address marked "withheld" would appear. Until it
  is wired in, a plain check looks for each withheld address's first line and postcode in
  every page's text.

A section's document is made when its turn comes (:data:`~officer_app.documents.pack_model.
SectionSource` as a function), so that the pack holds one section's bytes at a time.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from officer_app.clock import Clock
from officer_app.documents.pack_model import PackHeader, PackSection
from officer_app.domain.interview import Offence
from officer_app.services.interview_rows import is_interview_record
from officer_app.store.database import Store
from officer_app.store.models import (
    Adult,
    Attachment,
    BatchLetter,
    Case,
    Child,
    ChronologyEntry,
    EvidencePack,
    Exhibit,
    Family,
    Letter,
)

if TYPE_CHECKING:
    from officer_app.services.attachments import AttachmentService
    from officer_app.services.field_work import FieldWorkService
    from officer_app.services.letters import LetterService

__all__ = [
    "RECORD_FORMS",
    "PackContext",
    "PackRequest",
    "collect_sections",
    "section_pages_text",
    "withheld_addresses_of",
    "withheld_places",
]

RECORD_FORMS = ("home_visit", "initial_assessment", "plan_review")
"""The form records a pack carries: the visits and the assessment and its reviews."""

PICTURES = ("image/png", "image/jpeg")


@dataclass(frozen=True)
class PackRequest:
    """The pack asked for, checked (:meth:`PackService.build`)."""

    case_id: str
    case_reference: str
    reference: str  # ATT-2026-00011/P2
    number: int
    offence: Offence
    period_from: dt.date
    period_to: dt.date
    last_day: dt.date  # to lay the information (s127 MCA 1980)
    defendant_ids: tuple[str, ...]
    defendants: tuple[str, ...]  # their names, in the same order
    child_name: str
    school: str
    built_at: dt.datetime
    built_by: str  # the officer's name
    header: PackHeader


@dataclass(frozen=True)
class PackContext:
    """What the sections are made from: the store and the services that print."""

    store: Store
    clock: Clock
    attachments: AttachmentService
    letters: Callable[[], LetterService]
    field_work: Callable[[], FieldWorkService]
    la_name: str | None


# -- the sections ---------------------------------------------------------------------------


def collect_sections(request: PackRequest, ctx: PackContext) -> list[PackSection]:
    """The pack's documents in pack order (the index and the manifest are added by the
    assembly). HOOK: the lead extends this with the sections made beside it."""
    from officer_app.documents.pack_pages import render_cover

    sections = [
        # HOOK: documents/pack_documents.py's cover sheet replaces this plain one.
        PackSection(
            "Cover sheet",
            "cover",
            lambda: render_cover(request.header, _cover_lines(request)),
        ),
    ]
    # HOOK: the case summary and the draft information (pack_documents / pack_facts).
    # HOOK: the witness statements, each signed one as
    #       StatementService.statement_pdf_for_pack(statement_id), kind "statement".
    # HOOK: the s566 certificate and the register extract for the period.
    labels = ctx.store.read(lambda session: _exhibit_labels(session, request.case_id))
    sections += _letters(request, ctx, labels)
    sections += _records(request, ctx, labels)
    sections += _interviews(request, ctx, labels)
    # HOOK: the penalty-notice history (pack_documents).
    sections += _exhibits(request, ctx, labels)
    # HOOK: the unused-material schedule, last (pack_documents).
    return sections


def _cover_lines(request: PackRequest) -> list[str]:
    return [
        f"Prosecution of {' and '.join(request.defendants)} under the Education Act 1996, "
        f"{request.offence.label.split(':')[0]}, for the attendance of {request.child_name} "
        f"at {request.school or 'school'}.",
    ]


@dataclass(frozen=True)
class _Labels:
    by_entry: dict[str, str]
    by_attachment: dict[str, str]


def _exhibit_labels(session: Session, case_id: str) -> _Labels:
    by_entry: dict[str, str] = {}
    by_attachment: dict[str, str] = {}
    rows = session.scalars(
        select(Exhibit).where(Exhibit.case_id == case_id).order_by(Exhibit.produced_at)
    )
    for exhibit in rows:
        if exhibit.entry_id:
            by_entry.setdefault(exhibit.entry_id, exhibit.label)
        if exhibit.attachment_id:
            by_attachment.setdefault(exhibit.attachment_id, exhibit.label)
    return _Labels(by_entry, by_attachment)


def _letters(request: PackRequest, ctx: PackContext, labels: _Labels) -> list[PackSection]:
    """Every letter sent on the case up to the day the pack is built, as the copy kept."""
    rows = ctx.store.read(
        lambda session: [
            (row.id, row.title, row.sent_on, row.entry_id, row.attachment_id)
            for row in session.scalars(
                select(Letter)
                .where(Letter.case_id == request.case_id, Letter.attachment_id.is_not(None))
                .order_by(Letter.sent_on, Letter.created_at)
            )
        ]
    )
    made: list[PackSection] = []
    for letter_id, title, sent_on, entry_id, attachment_id in rows:
        label = labels.by_entry.get(entry_id or "") or labels.by_attachment.get(attachment_id or "")
        made.append(
            PackSection(
                f"{title}, sent {sent_on:%d/%m/%Y}",
                "letter",
                _reader(ctx.letters, letter_id),
                exhibit=label,
            )
        )
    return made


def _reader(letters: Callable[[], LetterService], letter_id: str) -> Callable[[], bytes]:
    return lambda: letters().read_copy(letter_id)


def _records(request: PackRequest, ctx: PackContext, labels: _Labels) -> list[PackSection]:
    """The signed visit, assessment and review records (their amendments print with them)."""
    rows = ctx.store.read(
        lambda session: [
            (entry.id, entry.title, entry.occurred_at)
            for entry in session.scalars(
                select(ChronologyEntry)
                .where(
                    ChronologyEntry.case_id == request.case_id,
                    ChronologyEntry.form_id.in_(RECORD_FORMS),
                    ChronologyEntry.signed_at.is_not(None),
                    ChronologyEntry.amends_id.is_(None),
                )
                .order_by(ChronologyEntry.occurred_at, ChronologyEntry.recorded_at)
            )
        ]
    )
    return [
        PackSection(
            f"{title}, {occurred:%d/%m/%Y}",
            "record",
            _record_pdf(ctx, entry_id, request.built_at),
            exhibit=labels.by_entry.get(entry_id),
        )
        for entry_id, title, occurred in rows
    ]


def _record_pdf(ctx: PackContext, entry_id: str, at: dt.datetime) -> Callable[[], bytes]:
    def make() -> bytes:
        from officer_app.documents import render_record_bytes

        # The record as the window prints it, without the print's audit (the pack's build is
        # audited as one export). Lead: a public accessor on FieldWorkService would be neater.
        header, definition, answers, people = ctx.field_work()._record_document(entry_id)
        return render_record_bytes(
            header, definition, answers, printed_at=at, person_name=lambda p: people.get(p, p)
        )[0]

    return make


def _interviews(request: PackRequest, ctx: PackContext, labels: _Labels) -> list[PackSection]:
    """The sealed records of interview under caution, each with its exhibit label."""
    rows = ctx.store.read(
        lambda session: [
            (entry.id, entry.title, entry.occurred_at, dict(entry.answers or {}))
            for entry in session.scalars(
                select(ChronologyEntry)
                .where(
                    ChronologyEntry.case_id == request.case_id,
                    ChronologyEntry.signed_at.is_not(None),
                    ChronologyEntry.answers.is_not(None),
                    ChronologyEntry.form_id.is_(None),
                )
                .order_by(ChronologyEntry.occurred_at)
            )
        ]
    )
    return [
        PackSection(
            f"{title}, {occurred:%d/%m/%Y}",
            "interview",
            _interview_pdf(ctx, entry_id, request.built_at),
            exhibit=labels.by_entry.get(entry_id) or str(answers.get("exhibit") or "") or None,
        )
        for entry_id, title, occurred, answers in rows
        if is_interview_record(answers)
    ]


def _interview_pdf(ctx: PackContext, entry_id: str, at: dt.datetime) -> Callable[[], bytes]:
    def make() -> bytes:
        from officer_app.documents.interview_pdf import render_interview_bytes
        from officer_app.services import interview_documents

        # As services/interview_documents.py prints it, without its audit of a print.
        document = interview_documents._document(ctx.store, entry_id, ctx.la_name)
        return render_interview_bytes(document, printed_at=at)[0]

    return make


def _exhibits(request: PackRequest, ctx: PackContext, labels: _Labels) -> list[PackSection]:
    """Every attachment produced as an exhibit (a PDF or a picture) that is not a letter's
    copy, a record already in the pack or an earlier pack."""

    def work(session: Session) -> list[tuple[str, str, str, str]]:
        kept = set(
            session.scalars(
                select(Letter.attachment_id).where(Letter.case_id == request.case_id)
            ).all()
        )
        kept |= set(session.scalars(select(BatchLetter.attachment_id)).all())
        kept |= set(
            session.scalars(
                select(EvidencePack.attachment_id).where(EvidencePack.case_id == request.case_id)
            ).all()
        )
        found: list[tuple[str, str, str, str]] = []
        for attachment in session.scalars(
            select(Attachment)
            .where(Attachment.case_id == request.case_id)
            .order_by(Attachment.added_at)
        ):
            label = labels.by_attachment.get(attachment.id)
            if label is None or attachment.id in kept:
                continue
            if attachment.media_type != "application/pdf" and attachment.media_type not in PICTURES:
                continue
            found.append((attachment.id, attachment.filename, attachment.media_type, label))
        return found

    rows = ctx.store.read(work)
    return [
        PackSection(
            filename,
            "exhibit",
            _attachment(ctx, attachment_id),
            exhibit=label,
            media_type=media_type,
        )
        for attachment_id, filename, media_type, label in rows
    ]


def _attachment(ctx: PackContext, attachment_id: str) -> Callable[[], bytes]:
    return lambda: ctx.attachments.read(attachment_id)


# -- withheld addresses ---------------------------------------------------------------------


def withheld_addresses_of(session: Session, case_id: str) -> list[tuple[str, str]]:
    """(whose, address line) for every address on the case that must not be served: the
    family's, when the family or an adult living with the child is marked withheld.
    HOOK: services/withheld.py's ``withheld_addresses`` takes its place."""
    case = session.get_one(Case, case_id)
    child = session.get_one(Child, case.child_id)
    family = session.get(Family, child.family_id) if child.family_id else None
    if family is None:
        return []
    adults = session.scalars(select(Adult).where(Adult.family_id == family.id)).all()
    withheld = family.address_withheld or any(
        adult.address_withheld and adult.lives_with_child for adult in adults
    )
    if not withheld:
        return []
    whose = f"the {family.name} family's address"
    return [(whose, text) for text in (family.address_line1, family.postcode) if text.strip()]


def section_pages_text(section: PackSection) -> Iterator[tuple[int, str]]:
    """(page from 1, text) of each page of the section: its ``text`` when its maker gave it
    (as page 1), else what pypdf reads from its PDF. A picture has no text to read."""
    if section.text is not None:
        yield 1, section.text
        return
    if section.is_image:
        return
    from pypdf import PdfReader

    from officer_app.documents.pack_assembly import section_bytes

    reader = PdfReader(io.BytesIO(section_bytes(section)))
    for number, page in enumerate(reader.pages, start=1):
        yield number, page.extract_text() or ""


def _folded(text: str) -> str:
    return re.sub(r"\s+", " ", text).casefold().strip()


def withheld_places(
    request: PackRequest, ctx: PackContext, sections: list[PackSection]
) -> list[str]:
    """Every place in the pack where a withheld address would appear, one line each; empty:
    none. HOOK: ``services/withheld.py``'s ``find_withheld(places, addresses)`` replaces the
    matching here (places are (where, text) pairs)."""
    addresses = ctx.store.read(lambda session: withheld_addresses_of(session, request.case_id))
    if not addresses:
        return []
    wanted = [(whose, _folded(text), text.replace(" ", "").casefold()) for whose, text in addresses]
    found: list[str] = []
    for section in sections:
        for page, text in section_pages_text(section):
            folded = _folded(text)
            squeezed = folded.replace(" ", "")
            for whose, line, bare in wanted:
                if line in folded or (bare and bare in squeezed):
                    found.append(f"{section.title}, page {page}: {whose}")
                    break
    return found

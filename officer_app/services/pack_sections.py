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
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from officer_app.clock import UK, Clock
from officer_app.documents.model import DEFAULT_LA_NAME
from officer_app.documents.pack_model import PackHeader, PackSection
from officer_app.domain.interview import Offence
from officer_app.services.interview_rows import is_interview_record
from officer_app.store.database import Store
from officer_app.store.models import (
    Attachment,
    BatchLetter,
    ChronologyEntry,
    EvidencePack,
    Exhibit,
    Letter,
)

if TYPE_CHECKING:
    from officer_app.services.attachments import AttachmentService
    from officer_app.services.field_work import FieldWorkService
    from officer_app.services.letters import LetterService
    from officer_app.services.statement_facts import ExhibitRef
    from officer_app.services.statements import StatementService

__all__ = [
    "FIXED_KEYS",
    "RECORD_FORMS",
    "PackContext",
    "PackRequest",
    "collect_sections",
    "is_fixed",
    "section_pages_text",
    "withheld_places",
]

RECORD_FORMS = ("home_visit", "initial_assessment", "plan_review")
"""The form records a pack carries: the visits and the assessment and its reviews."""

PICTURES = ("image/png", "image/jpeg")

FIXED_KEYS = ("cover", "unused")
"""The sections every pack has, never left out: its cover sheet and its schedule of unused
material (CPIA 1996: what is not in the pack is listed). A statement's exhibit label sheet
(key ``label:…``) is fixed too: every exhibit a statement in the pack names is in it."""


def is_fixed(key: str) -> bool:
    """Whether the section ``key`` is in every pack (it cannot be ticked off the contents)."""
    return key in FIXED_KEYS or key.startswith("label:")


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
    exclude: frozenset[str] = frozenset()  # section keys left out (they go on the schedule)


@dataclass(frozen=True)
class PackContext:
    """What the sections are made from: the store and the services that print."""

    store: Store
    clock: Clock
    attachments: AttachmentService
    letters: Callable[[], LetterService]
    field_work: Callable[[], FieldWorkService]
    la_name: str | None
    statements: Callable[[], StatementService] | None = None
    officer_id: str | None = None  # who builds the pack ("prepared by")


# -- the sections ---------------------------------------------------------------------------


def collect_sections(request: PackRequest, ctx: PackContext) -> list[PackSection]:
    """The pack's documents in pack order (the index and the manifest are added by the
    assembly): the cover sheet, the case summary, the draft information, the signed witness
    statements, the s566 certificate and the register extract for the period, the letters
    sent (their kept copies), the visit, assessment and review records, the records of
    interview, the penalty-notice history, the other exhibits, and last the schedule of
    unused material (everything on the case that is not in the pack, CPIA 1996).

    Each section has a stable ``key``; a key in ``request.exclude`` is left out, and what it
    held is then on the schedule of unused material (the documents made for the pack, the
    summary, the information, the certificate, the register extract and the notice history,
    hold no case material of their own: leaving one out adds nothing to the schedule)."""
    from officer_app.documents import pack_documents as docs
    from officer_app.services.pack_facts import pack_facts, unused_material

    today = request.built_at.astimezone(UK).date()
    facts = ctx.store.read(
        lambda session: pack_facts(
            session,
            request.case_id,
            offence=request.offence,
            period_from=request.period_from,
            period_to=request.period_to,
            defendant_ids=request.defendant_ids,
            today=today,
            la_name=ctx.la_name or DEFAULT_LA_NAME,
            prepared_by_id=ctx.officer_id,
        )
    ).with_pack_reference(request.reference)
    included: set[str] = set()
    produced: list[tuple[ExhibitRef, str]] = []  # what the signed statements produce, by whom
    statements = _statements(request, ctx, included, produced)
    register_label = next(
        (
            ref.label
            for ref, _who in produced
            if ref.kind == "register"
            and (ref.period_from, ref.period_to) == (request.period_from, request.period_to)
        ),
        None,
    )
    sections = [
        PackSection("Cover sheet", "cover", lambda: docs.render_cover(facts.cover), key="cover"),
        PackSection(
            "Case summary", "summary", lambda: docs.render_summary(facts.summary), key="summary"
        ),
        PackSection(
            "Draft information",
            "information",
            lambda: docs.render_information(facts.information),
            key="information",
        ),
    ]
    sections += statements
    sections += [
        PackSection(
            "Certificate of attendance (s566 Education Act 1996)",
            "certificate",
            lambda: docs.render_certificate(facts.certificate),
            key="certificate",
        ),
        PackSection(
            "Register extract for the offence period",
            "register",
            lambda: docs.render_register_extract(facts.register),
            exhibit=register_label,
            key="register",
        ),
    ]
    labels = ctx.store.read(lambda session: _exhibit_labels(session, request.case_id))
    for ref, _who in produced:  # a statement's label names the thing it produces
        if ref.entry_id:
            labels.by_entry.setdefault(ref.entry_id, ref.label)
        if ref.attachment_id:
            labels.by_attachment.setdefault(ref.attachment_id, ref.label)
    sections += _letters(request, ctx, labels, included)
    sections += _records(request, ctx, labels, included)
    sections += _interviews(request, ctx, labels, included)
    sections.append(
        PackSection(
            "Penalty notice history",
            "notices",
            lambda: docs.render_notice_history(facts.notices),
            key="notices",
        )
    )
    sections += _exhibits(request, ctx, labels, included)
    sections = [s for s in sections if s.key not in request.exclude or is_fixed(s.key)]
    sections += _label_sheets(request, sections, produced)
    unused = ctx.store.read(
        lambda session: unused_material(
            session, request.case_id, set(included), header=facts.header
        )
    )
    sections.append(
        PackSection(
            "Schedule of unused material",
            "unused",
            lambda: docs.render_unused_schedule(unused),
            key="unused",
        )
    )
    return sections


def _statements(
    request: PackRequest,
    ctx: PackContext,
    included: set[str],
    produced: list[tuple[ExhibitRef, str]],
) -> list[PackSection]:
    """Every signed witness statement on the case, as signed (drafts are unused material)."""
    if ctx.statements is None:
        return []
    service = ctx.statements()
    made: list[PackSection] = []
    for info in service.statements(request.case_id):
        if not info.signed or f"statement:{info.id}" in request.exclude:
            continue
        included.add(info.id)
        produced.extend((ref, info.witness_name) for ref in info.exhibits)
        if info.entry_id:
            included.add(info.entry_id)
        made.append(
            PackSection(
                f"Witness statement of {info.witness_name}",
                "statement",
                _statement_pdf(service, info.id),
                key=f"statement:{info.id}",
            )
        )
    return made


def _statement_pdf(service: StatementService, statement_id: str) -> Callable[[], bytes]:
    return lambda: service.statement_pdf_for_pack(statement_id)


def _label_sheets(
    request: PackRequest, sections: list[PackSection], produced: list[tuple[ExhibitRef, str]]
) -> list[PackSection]:
    """A label sheet for each exhibit a signed statement produces that no section of the
    pack carries, so that every exhibit a statement names is in the pack."""
    present = {section.exhibit for section in sections if section.exhibit}
    made: list[PackSection] = []
    for ref, who in produced:
        if ref.label in present:
            continue
        present.add(ref.label)
        made.append(
            PackSection(
                f"Exhibit {ref.label}: {ref.description}",
                "exhibit",
                _sheet(request.header, ref.label, ref.description, who),
                exhibit=ref.label,
                key=f"label:{ref.label}",
            )
        )
    return made


def _sheet(header: PackHeader, label: str, description: str, who: str) -> Callable[[], bytes]:
    from officer_app.documents.pack_pages import render_exhibit_sheet

    return lambda: render_exhibit_sheet(header, label, description, who)


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


def _letters(
    request: PackRequest, ctx: PackContext, labels: _Labels, included: set[str]
) -> list[PackSection]:
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
        if f"letter:{letter_id}" in request.exclude:
            continue
        included.update(x for x in (letter_id, entry_id, attachment_id) if x)
        label = labels.by_entry.get(entry_id or "") or labels.by_attachment.get(attachment_id or "")
        made.append(
            PackSection(
                f"{title}, sent {sent_on:%d/%m/%Y}",
                "letter",
                _reader(ctx.letters, letter_id),
                exhibit=label,
                key=f"letter:{letter_id}",
            )
        )
    return made


def _reader(letters: Callable[[], LetterService], letter_id: str) -> Callable[[], bytes]:
    return lambda: letters().read_copy(letter_id)


def _records(
    request: PackRequest, ctx: PackContext, labels: _Labels, included: set[str]
) -> list[PackSection]:
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
    rows = [row for row in rows if f"record:{row[0]}" not in request.exclude]
    included.update(entry_id for entry_id, _title, _occurred in rows)
    return [
        PackSection(
            f"{title}, {occurred:%d/%m/%Y}",
            "record",
            _record_pdf(ctx, entry_id, request.built_at),
            exhibit=labels.by_entry.get(entry_id),
            key=f"record:{entry_id}",
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


def _interviews(
    request: PackRequest, ctx: PackContext, labels: _Labels, included: set[str]
) -> list[PackSection]:
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
    rows = [
        row
        for row in rows
        if is_interview_record(row[3]) and f"interview:{row[0]}" not in request.exclude
    ]
    included.update(entry_id for entry_id, _title, _occurred, _answers in rows)
    return [
        PackSection(
            f"{title}, {occurred:%d/%m/%Y}",
            "interview",
            _interview_pdf(ctx, entry_id, request.built_at),
            exhibit=labels.by_entry.get(entry_id) or str(answers.get("exhibit") or "") or None,
            key=f"interview:{entry_id}",
        )
        for entry_id, title, occurred, answers in rows
    ]


def _interview_pdf(ctx: PackContext, entry_id: str, at: dt.datetime) -> Callable[[], bytes]:
    def make() -> bytes:
        from officer_app.documents.interview_pdf import render_interview_bytes
        from officer_app.services import interview_documents

        # As services/interview_documents.py prints it, without its audit of a print.
        document = interview_documents._document(ctx.store, entry_id, ctx.la_name)
        return render_interview_bytes(document, printed_at=at)[0]

    return make


def _exhibits(
    request: PackRequest, ctx: PackContext, labels: _Labels, included: set[str]
) -> list[PackSection]:
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

    rows = [row for row in ctx.store.read(work) if f"exhibit:{row[0]}" not in request.exclude]
    included.update(attachment_id for attachment_id, _f, _m, _l in rows)
    return [
        PackSection(
            filename,
            "exhibit",
            _attachment(ctx, attachment_id),
            exhibit=label,
            media_type=media_type,
            key=f"exhibit:{attachment_id}",
        )
        for attachment_id, filename, media_type, label in rows
    ]


def _attachment(ctx: PackContext, attachment_id: str) -> Callable[[], bytes]:
    return lambda: ctx.attachments.read(attachment_id)


# -- withheld addresses ---------------------------------------------------------------------


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


def withheld_places(
    request: PackRequest, ctx: PackContext, sections: list[PackSection]
) -> list[str]:
    """Every place in the pack where an address marked "withheld" would appear (its text,
    the text of merged exhibits included; pictures cannot be read and are listed by
    services/withheld for the officer to look at), one line each naming the section and
    page and never the address itself; empty: none."""
    from officer_app.services.withheld import find_withheld, withheld_addresses

    addresses = ctx.store.read(lambda session: withheld_addresses(session, request.case_id))
    if not addresses:
        return []
    places = [
        (f"{section.title}, page {page}", text)
        for section in sections
        for page, text in section_pages_text(section)
    ]
    return find_withheld(places, addresses)

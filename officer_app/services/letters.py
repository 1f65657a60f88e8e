"""Letters on a case: fill a template for a recipient, preview it, record it as sent, reprint it.

A letter goes to one recipient: an adult on the case with parental responsibility who lives at
the family's address (the only postal address the case holds). Its figures are the child's
attendance this school year up to the latest mark held before the letter's date, from
:class:`~officer_app.services.attendance.AttendanceService`, and the 10 school weeks of that
period named for the penalty-notice threshold (the first run that meets it, else the worst),
with the count of those dates.

Recording a letter as sent keeps the exact PDF that was previewed: its bytes are encrypted
into an attachment of the case before the transaction, and the attachment row, the
``Letter`` row and a signed chronology entry (to whom, how, when, the pages, the SHA-256 of
the copy kept, then the letter's text) commit in ONE writer transaction, with whatever the
caller's ``extra`` adds (the penalty-notice workflow links its notice there). If that
transaction fails, the blob is removed: nothing is half-recorded.

Batches of letters for many cases are in :mod:`officer_app.services.letter_batches`: their
letters are prepared (kept, not sent) until the officer confirms the post went out, and then
signed through :func:`sign_sending`, the one place a letter becomes "sent".

:class:`LetterService` is here; what it is made of is beside it, and re-exported from here:
:mod:`~officer_app.services.letter_facts` (recipients, the case's facts and figures as the
placeholders' values), :mod:`~officer_app.services.letter_rendering` (the filled letter as a
PDF and text; templates and a notice's details as the window sees them) and
:mod:`~officer_app.services.letter_sending` (how a letter becomes "sent").
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Mapping, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from officer_app.clock import Clock
from officer_app.config import Letterhead
from officer_app.domain.attendance_bands import DEFAULT_BANDS, Band
from officer_app.letters.fill import LetterRefused, ask_values, check_asks, fill
from officer_app.letters.loader import TemplateRegistry, TemplateUnavailable
from officer_app.letters.model import Template
from officer_app.security import blobs
from officer_app.services.attachments import AttachmentService
from officer_app.services.case_file import CaseNotFound
from officer_app.services.letter_facts import (
    RecipientInfo,
    ThresholdFacts,
    case_facts,
    case_recipients,
    case_values,
    threshold_values,
)
from officer_app.services.letter_rendering import (
    NOTICE_KEYS,
    AskInfo,
    NoticeFacts,
    RenderedLetter,
    TemplateInfo,
    make_letter,
    notice_placeholders,
    template_info,
)
from officer_app.services.letter_sending import (
    LETTER_DRAFT,
    METHOD_WORDS,
    METHODS,
    LetterInfo,
    Sending,
    attach_staged,
    check_sending,
    letter_info,
    occurred_at,
    sign_sending,
    wait_for_write,
)
from officer_app.store import audit
from officer_app.store.database import Store
from officer_app.store.models import Case, Letter
from officer_app.wording import long_date

if TYPE_CHECKING:
    from officer_app.services.attendance import AttendanceService
    from officer_app.services.letter_batches import LetterBatches

# What the rest of the application imports from here: the service, and the names of the
# modules it is made of (facts, rendering, sending), re-exported.
__all__ = [
    "LETTER_DRAFT",
    "METHODS",
    "METHOD_WORDS",
    "NOTICE_KEYS",
    "AskInfo",
    "LetterInfo",
    "LetterRefused",
    "LetterService",
    "NoticeFacts",
    "RecipientInfo",
    "RenderedLetter",
    "Sending",
    "TemplateInfo",
    "ThresholdFacts",
    "check_sending",
    "letter_info",
    "notice_placeholders",
    "occurred_at",
    "sign_sending",
    "template_info",
    "wait_for_write",
]


class LetterService:
    def __init__(
        self,
        store: Store,
        clock: Clock,
        officer_id: str,
        registry: TemplateRegistry,
        letterhead: Letterhead,
        attachments: AttachmentService,
        attendance: Callable[[], AttendanceService],
        *,
        bands: tuple[Band, ...] = DEFAULT_BANDS,
    ) -> None:
        self._store = store
        self._clock = clock
        self._officer_id = officer_id
        self.registry = registry
        self.letterhead = letterhead
        self._attachments = attachments
        self._attendance = attendance
        self._bands = bands

    # --- templates ---------------------------------------------------------------------------
    def templates(self) -> list[TemplateInfo]:
        """The letters an officer can write from the dialog (not those needing a notice)."""
        return [template_info(t) for t in self.registry.templates() if not t.needs_notice]

    def template(self, template_id: str) -> TemplateInfo:
        return template_info(self._template(template_id))

    def unavailable(self) -> list[tuple[str, str]]:
        """Each broken template's id and its first problem, for the window to show."""
        out = []
        for template_id in self.registry.unavailable:
            problems = self.registry.problems_for(template_id)
            out.append((template_id, str(problems[0]) if problems else "broken"))
        return out

    def _template(self, template_id: str) -> Template:
        try:
            return self.registry.get(template_id)
        except TemplateUnavailable as exc:
            raise LetterRefused(str(exc)) from exc

    # --- recipients --------------------------------------------------------------------------
    def recipients(self, case_id: str) -> list[RecipientInfo]:
        """The adults on the case, those a letter can go to first."""
        return self._store.read(lambda session: case_recipients(session, case_id))

    def _only_recipient(self, case_id: str) -> str:
        able = [r for r in self.recipients(case_id) if r.can_receive]
        if len(able) == 1:
            return able[0].id
        if not able:
            raise LetterRefused(
                "no one on this case can receive a letter: it goes to a parent with parental "
                "responsibility at the family's address"
            )
        names = ", ".join(r.name for r in able)
        raise LetterRefused(f"say who the letter is for: {names}")

    def case_reference(self, case_id: str) -> str:
        reference = self._store.read(
            lambda session: session.scalar(select(Case.reference).where(Case.id == case_id))
        )
        if reference is None:
            raise CaseNotFound(f"no case with id {case_id}")
        return str(reference)

    # --- making a letter ---------------------------------------------------------------------
    def render(
        self,
        case_id: str,
        template_id: str,
        *,
        recipient_id: str | None,
        asks: Mapping[str, str],
        notice: NoticeFacts | Mapping[str, str] | None = None,
        dated: dt.date | None = None,
        threshold: ThresholdFacts | None = None,
    ) -> RenderedLetter:
        """The letter as a PDF in memory (blocking: call from a worker). Refused with a
        :class:`LetterRefused` that says what is missing: an ask (``AskRefused.ask``), a figure
        the case does not have (``MissingValues``), a recipient who cannot receive it.

        ``recipient_id`` None: the only person on the case a letter can go to (refused when
        there are several). ``notice``: the penalty notice's details, as :class:`NoticeFacts`
        or as text by the names of the ``notice.*`` placeholders without the prefix (dates as
        YYYY-MM-DD, amounts as "£80", "" where a second notice has no reduced rate).
        ``threshold``: the unauthorised absence a penalty notice was considered on, to print
        as ``threshold.*`` instead of this school year's worst window (a Notice to Improve
        cites the absence the notice was considered for, even across a summer holiday)."""
        template = self._template(template_id)
        if template.needs_notice and notice is None:
            raise LetterRefused(
                f"the letter {template_id!r} needs the penalty notice's details: it is made by "
                "the penalty-notice workflow"
            )
        today = self._clock.today()
        dated = dated or today
        if dated > today:
            raise LetterRefused(f"a letter cannot be dated after today ({long_date(today)})")
        answers = check_asks(template, asks, dated=dated)
        notice_values = notice_placeholders(notice) if notice is not None else {}
        if recipient_id is None:
            recipient_id = self._only_recipient(case_id)
        chosen = recipient_id
        officer_id = self._officer_id
        facts = self._store.read(lambda session: case_facts(session, case_id, chosen, officer_id))
        if not facts.recipient.can_receive:
            raise LetterRefused(
                f"no letter can go to {facts.recipient.name}: {facts.recipient.reason}"
            )
        values, reasons = case_values(facts, dated, self.letterhead, self._attendance, self._bands)
        if threshold is not None:
            values.update(threshold_values(threshold))
        values.update(ask_values(template, answers))
        values.update(notice_values)
        filled = fill(template, values, reasons)

        from officer_app.store.evidence import chain_mark

        return make_letter(
            template,
            filled,
            facts,
            letterhead=self.letterhead,
            dated=dated,
            answers=answers,
            evidence=self._store.read(lambda session: chain_mark(session, case_id)),
        )

    # --- recording ---------------------------------------------------------------------------
    def record_sent(
        self,
        case_id: str,
        rendered: RenderedLetter,
        *,
        sent_on: dt.date,
        method: str,
        batch_id: str | None = None,
        extra: Callable[[Session, LetterInfo], None] | None = None,
    ) -> LetterInfo:
        """Keep the exact PDF, the ``Letter`` row and a signed chronology entry, in one
        transaction (blocking: call from a worker)."""
        return self._record(case_id, [rendered], sent_on=sent_on, method=method,
                            batch_id=batch_id, extra=extra)[0]  # fmt: skip

    def _check_sending(self, rendered: RenderedLetter, sent_on: dt.date, method: str) -> None:
        check_sending(method, sent_on, self._clock.today())
        if sent_on < rendered.dated:
            raise LetterRefused(
                f"the letter is dated {long_date(rendered.dated)}: it cannot have been sent on "
                f"{long_date(sent_on)}, before its date"
            )
        if hashlib.sha256(rendered.pdf).hexdigest() != rendered.sha256:
            raise LetterRefused("the letter's PDF does not match its SHA-256: make it again")

    def _record(
        self,
        case_id: str,
        letters: Sequence[RenderedLetter],
        *,
        sent_on: dt.date,
        method: str,
        batch_id: str | None,
        extra: Callable[[Session, LetterInfo], None] | None = None,
    ) -> list[LetterInfo]:
        for rendered in letters:
            if rendered.case_id != case_id:
                raise LetterRefused("the letter was made for another case")
            self._check_sending(rendered, sent_on, method)
        now = self._clock.now()
        occurred = occurred_at(now, self._clock.today(), sent_on)
        officer_id = self._officer_id
        staged = self._attachments.stage_pdfs(
            case_id,
            ((r.pdf, f"{r.case_reference} {r.title} {sent_on}.pdf") for r in letters),
        )

        def work(session: Session) -> list[LetterInfo]:
            made: list[LetterInfo] = []
            for rendered, blob in zip(letters, staged, strict=True):
                if blob.sha256 != rendered.sha256:
                    raise LetterRefused("the copy kept does not match the letter previewed")
                info = sign_sending(
                    session,
                    Sending(
                        case_id=case_id,
                        template_id=rendered.template_id,
                        template_version=rendered.template_version,
                        title=rendered.title,
                        recipient_id=rendered.recipient_id,
                        recipient_name=rendered.recipient_name,
                        dated=rendered.dated,
                        pages=rendered.pages,
                        sha256=rendered.sha256,
                        text=rendered.text,
                    ),
                    sent_on=sent_on,
                    method=method,
                    officer_id=officer_id,
                    now=now,
                    occurred=occurred,
                    attach=partial(attach_staged, blob, session, now),
                    batch_id=batch_id,
                )
                if extra is not None:
                    extra(session, info)
                made.append(info)
            return made

        result: list[LetterInfo] = wait_for_write(self._store.write(work), staged)
        return result

    # --- letters kept ------------------------------------------------------------------------
    def letters_for(self, case_id: str) -> list[LetterInfo]:
        return self._store.read(
            lambda session: [
                letter_info(row)
                for row in session.scalars(
                    select(Letter)
                    .where(Letter.case_id == case_id)
                    .order_by(Letter.sent_on, Letter.created_at)
                )
            ]
        )

    def letter(self, letter_id: str) -> LetterInfo:
        row = self._store.read(lambda session: session.get(Letter, letter_id))
        if row is None:
            raise LetterRefused(f"no letter with id {letter_id}")
        return letter_info(row)

    def letter_for_entry(self, entry_id: str) -> LetterInfo | None:
        """The letter a chronology entry records, if it records one."""
        row = self._store.read(
            lambda session: session.scalar(select(Letter).where(Letter.entry_id == entry_id))
        )
        return letter_info(row) if row is not None else None

    def read_copy(self, letter_id: str) -> bytes:
        """The stored copy, decrypted and checked against the hash recorded when it was sent."""
        info = self.letter(letter_id)
        if info.attachment_id is None:
            raise LetterRefused("no copy of this letter is kept")
        data = self._attachments.read(info.attachment_id)
        if hashlib.sha256(data).hexdigest() != info.sha256:
            raise blobs.BlobCorrupt(f"the copy of {info.title} does not match its recorded hash")
        return data

    def print_copy(self, letter_id: str) -> bytes:
        """The stored copy for the print dialog (audited as a print)."""
        data = self.read_copy(letter_id)
        self._audit("print", "letter", letter_id, {"copy": True})
        return data

    def export_copy(self, letter_id: str, out: Path) -> int:
        """Save the stored copy as a PDF file (audited as an export); returns its pages."""
        from officer_app.documents.destination import write_file

        data = self.read_copy(letter_id)
        write_file(out, data)
        info = self.letter(letter_id)
        self._audit("export", "letter", letter_id, {"pages": info.pages})
        return info.pages

    def print_rendered(self, rendered: RenderedLetter) -> bytes:
        """A letter not yet recorded, for the print dialog (audited as a print)."""
        self._audit("print", "case_file", rendered.case_id,
                    {"letter": rendered.template_id, "pages": rendered.pages})  # fmt: skip
        return rendered.pdf

    def export_rendered(self, rendered: RenderedLetter, out: Path) -> int:
        """Save a letter not yet recorded as a PDF file (audited as an export)."""
        from officer_app.documents.destination import write_file

        write_file(out, rendered.pdf)
        self._audit("export", "case_file", rendered.case_id,
                    {"letter": rendered.template_id, "pages": rendered.pages})  # fmt: skip
        return rendered.pages

    def _audit(self, action: str, entity: str, entity_id: str, detail: dict[str, Any]) -> None:
        self._store.write_wait(
            lambda session: audit.record(
                session, action, entity_type=entity, entity_id=entity_id, detail=detail
            )
        )

    # --- many cases --------------------------------------------------------------------------
    @property
    def batches(self) -> LetterBatches:
        """Batches of this template's letters for many cases (services/letter_batches.py)."""
        from officer_app.services.letter_batches import LetterBatches

        return LetterBatches(self)

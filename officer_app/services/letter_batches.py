"""Batches of letters: one template's letter for many cases, with an identity and a state.

A batch is a ``letter_batch`` row: the template (and its version), the asks, the letters'
date, the cases it was started with (in order), a description of how they were chosen, and
its state. Preparing it makes each case's letters in a transaction of their own: the copies
encrypted into attachments of the case and a ``letter_batch_letter`` row each, PREPARED, with
no chronology entry, and the batch's count of cases done moved on in the same transaction. A
kill, a crash or a Cancel therefore leaves whole cases prepared and the rest not started, and
the next run of the same batch resumes at the first case not done: a case and recipient never
get two letters in one batch (a unique index says so too).

Nothing is "sent" until the officer says the post went out (:meth:`LetterBatches.confirm_sent`):
then, in ONE transaction, every prepared letter of the batch becomes a :class:`Letter` with its
signed chronology entry (the same :func:`~officer_app.services.letters.sign_sending` as a
single letter). :meth:`LetterBatches.abandon` marks the prepared letters as never sent; nothing
is deleted. While a batch of a template is unfinished, another batch of that template with
other parameters is refused, naming the unfinished one.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Generator, Mapping, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from officer_app.documents.combine import combine_pdfs
from officer_app.letters.fill import LetterRefused, check_asks
from officer_app.progress import Progress
from officer_app.security import blobs
from officer_app.services.case_file import CaseNotFound
from officer_app.services.letter_batch_info import (
    ABANDONED,
    OLDEST_DATE,
    PREPARED,
    PREPARING,
    SENT,
    STATE_WORDS,
    UNFINISHED,
    BatchInfo,
    BatchRefused,
    BatchResult,
    BatchSkip,
    PreparedLetter,
    batch_info,
    batch_items,
    prepared_letter,
)
from officer_app.services.letters import (
    LetterInfo,
    LetterService,
    RenderedLetter,
    Sending,
    check_sending,
    occurred_at,
    sign_sending,
    wait_for_write,
)
from officer_app.store import audit
from officer_app.store.models import Attachment, BatchLetter, LetterBatch
from officer_app.wording import long_date

__all__ = [
    "BatchInfo",
    "BatchRefused",
    "BatchResult",
    "BatchSkip",
    "LetterBatches",
    "PreparedLetter",
    "PreparingBatch",
]


class LetterBatches:
    """The batches of one profile, through its :class:`LetterService`."""

    def __init__(self, service: LetterService) -> None:
        self.service = service
        self._store = service._store
        self._clock = service._clock
        self._officer_id = service._officer_id
        self._attachments = service._attachments

    # --- reading ------------------------------------------------------------------------------
    def every(self) -> list[BatchInfo]:
        """Every batch, the newest first."""

        def work(session: Session) -> list[BatchInfo]:
            rows = session.scalars(select(LetterBatch).order_by(LetterBatch.created_at.desc()))
            return [batch_info(b, batch_items(session, b.id)) for b in rows]

        return self._store.read(work)

    def unfinished(self) -> list[BatchInfo]:
        return [b for b in self.every() if b.unfinished]

    def get(self, key: str) -> BatchInfo:
        """A batch by its id or the start of it (at least 4 characters, as listed)."""
        key = key.strip().lower()
        if len(key) < 4:
            raise BatchRefused(f"{key!r}: give the batch's id as listed (8 characters)")
        found = [b for b in self.every() if b.id.startswith(key)]
        if not found:
            raise BatchRefused(f"there is no letter batch {key!r} (see 'letters batches')")
        if len(found) > 1:
            raise BatchRefused(f"{key!r} starts the ids of {len(found)} batches: give more of it")
        return found[0]

    def letters(self, batch_id: str) -> list[PreparedLetter]:
        def work(session: Session) -> list[PreparedLetter]:
            batch = session.get_one(LetterBatch, batch_id)
            return [prepared_letter(i, batch) for i in batch_items(session, batch_id)]

        return self._store.read(work)

    def not_sent_for_case(self, case_id: str) -> list[PreparedLetter]:
        """The case's letters that a batch prepared and nobody has confirmed as sent."""

        def work(session: Session) -> list[PreparedLetter]:
            rows = session.execute(
                select(BatchLetter, LetterBatch)
                .join(LetterBatch, LetterBatch.id == BatchLetter.batch_id)
                .where(BatchLetter.case_id == case_id, BatchLetter.state == PREPARED)
                .order_by(LetterBatch.dated, BatchLetter.position)
            ).all()
            return [prepared_letter(item, batch) for item, batch in rows]

        return self._store.read(work)

    # --- starting and resuming ----------------------------------------------------------------
    def start(
        self,
        template_id: str,
        case_ids: Sequence[str],
        *,
        asks: Mapping[str, str],
        selection: str,
        dated: dt.date | None = None,
        again: bool = False,
    ) -> PreparingBatch:
        """The batch to run: a new one, or the unfinished batch of this template with the same
        asks, date and selection (resumed where it stopped, with the cases it started with).
        Refused, naming it, when that template's unfinished batch was started otherwise, and
        when a batch with the same details was already sent (a rerun after a crash must not
        send every letter twice) unless ``again``."""
        service = self.service
        template = service._template(template_id)
        if template.needs_notice:
            raise LetterRefused(f"the letter {template_id!r} is made by the penalty-notice "
                                "workflow, not in a batch")  # fmt: skip
        today = self._clock.today()
        dated = dated or today
        if dated > today:
            raise LetterRefused("a letter cannot be dated after today")
        if dated < today - OLDEST_DATE:
            raise LetterRefused(
                f"a batch's letters cannot be dated {long_date(dated)}: more than a year ago"
            )
        check_asks(template, asks, dated=dated)  # refused now, before any letter
        wanted = {k: str(v) for k, v in asks.items()}
        ordered = list(dict.fromkeys(case_ids))
        if not ordered:
            raise BatchRefused("no case is chosen for the batch")
        now = self._clock.now()
        officer_id = self._officer_id

        def work(session: Session) -> str:
            open_ones = session.scalars(
                select(LetterBatch).where(
                    LetterBatch.template_id == template_id, LetterBatch.state.in_(UNFINISHED)
                )
            ).all()

            def same(batch: LetterBatch) -> bool:
                return (
                    batch.template_version == template.version
                    and batch.dated == dated
                    and dict(batch.asks or {}) == wanted
                    and batch.selection == selection
                )

            for batch in open_ones:
                if same(batch):
                    return batch.id
                info = batch_info(batch, batch_items(session, batch.id))
                raise BatchRefused(
                    f"{info.describe()} is unfinished and was started with other details: "
                    f"resume it with the same asks, --dated {batch.dated.isoformat()} and "
                    "selection, confirm it with 'letters batch-sent "
                    f"{info.short_id} --sent-by …' or give it up with 'letters batch-abandon "
                    f"{info.short_id}'"
                )
            sent_before = session.scalars(
                select(LetterBatch).where(
                    LetterBatch.template_id == template_id, LetterBatch.state == SENT
                )
            ).all()
            for batch in sent_before:
                if same(batch) and not again:
                    info = batch_info(batch, batch_items(session, batch.id))
                    sent = f" on {batch.sent_on.isoformat()}" if batch.sent_on else ""
                    raise BatchRefused(
                        f"batch {info.short_id} with these details was already sent{sent} "
                        f"({info.sent} letters): to send them all again, say so (--again)"
                    )
            batch = LetterBatch(
                template_id=template_id,
                template_version=template.version,
                title=template.title[:200],
                asks=wanted,
                dated=dated,
                case_ids=ordered,
                selection=selection[:200],
                state=PREPARING,
                cases_done=0,
                skipped=[],
                created_at=now,
                created_by=officer_id,
                updated_at=now,
                updated_by=officer_id,
            )
            session.add(batch)
            session.flush()
            return batch.id

        batch_id: str = self._store.write_wait(work)
        return PreparingBatch(self, batch_id)

    def resume(self, batch_id: str) -> PreparingBatch:
        """Run an unfinished batch on from where it stopped (the window's Resume)."""
        info = self.get(batch_id)
        if not info.unfinished:
            raise BatchRefused(f"batch {info.short_id} is {info.state_words}: nothing to resume")
        return PreparingBatch(self, info.id)

    def info(self, batch_id: str) -> BatchInfo:
        def work(session: Session) -> BatchInfo:
            batch = session.get(LetterBatch, batch_id)
            if batch is None:
                raise BatchRefused(f"there is no letter batch {batch_id!r}")
            return batch_info(batch, batch_items(session, batch_id))

        return self._store.read(work)

    # --- one case -----------------------------------------------------------------------------
    def _prepare_case(self, batch: BatchInfo, position: int, case_id: str) -> None:
        """Make one case's letters and keep them, PREPARED, moving the batch on: one
        transaction, so a kill leaves the case either wholly prepared or not started."""
        service = self.service
        skipped: list[BatchSkip] = []
        made: list[RenderedLetter] = []
        try:
            reference = service.case_reference(case_id)
        except CaseNotFound as exc:
            skipped.append(BatchSkip(case_id, "", str(exc)))
            reference = ""
        if reference:
            recipients = service.recipients(case_id)
            able = [r for r in recipients if r.can_receive]
            for person in recipients:
                if person.parental_responsibility and not person.can_receive:
                    why = f"no letter to {person.name}: {person.reason}"
                    skipped.append(BatchSkip(case_id, reference, why))
            if not able and not any(r.parental_responsibility for r in recipients):
                why = "no parent with parental responsibility is recorded"
                skipped.append(BatchSkip(case_id, reference, why))
            reasons: list[str] = []
            for person in able:
                try:
                    made.append(service.render(case_id, batch.template_id,
                                               recipient_id=person.id, asks=dict(batch.asks),
                                               dated=batch.dated))  # fmt: skip
                except LetterRefused as exc:
                    if str(exc) not in reasons:
                        reasons.append(str(exc))
            skipped += [BatchSkip(case_id, reference, reason) for reason in reasons]
        staged = self._attachments.stage_pdfs(
            case_id,
            ((r.pdf, f"{r.case_reference} {r.title} dated {r.dated}.pdf") for r in made),
        )
        now = self._clock.now()
        officer_id = self._officer_id

        def work(session: Session) -> None:
            row = session.get_one(LetterBatch, batch.id)
            if row.state != PREPARING or row.cases_done != position:
                raise BatchRefused(
                    f"batch {batch.short_id} moved on elsewhere (another window or command): "
                    "run it again to carry on"
                )
            for rendered, blob in zip(made, staged, strict=True):
                if blob.sha256 != rendered.sha256:
                    raise LetterRefused("the copy kept does not match the letter made")
                attachment = blob.add_to(session, added_at=now)
                session.add(
                    BatchLetter(
                        batch_id=batch.id,
                        position=position,
                        case_id=case_id,
                        recipient_adult_id=rendered.recipient_id,
                        recipient_name=rendered.recipient_name[:160],
                        pages=rendered.pages,
                        sha256=rendered.sha256,
                        attachment_id=attachment.id,
                        text=rendered.text,
                        state=PREPARED,
                        created_at=now,
                    )
                )
            row.cases_done = position + 1
            row.skipped = [*(row.skipped or []), *([s.case_id, s.reference, s.reason]
                                                   for s in skipped)]  # fmt: skip
            if row.cases_done >= len(row.case_ids):
                states = {i.state for i in batch_items(session, batch.id)}
                # all made: waiting for the post; or, with nothing waiting, closed
                row.state = (
                    PREPARED if PREPARED in states else SENT if SENT in states else ABANDONED
                )
            row.updated_at = now
            row.updated_by = officer_id
            session.flush()

        wait_for_write(self._store.write(work), staged)

    # --- the letters to post ------------------------------------------------------------------
    def result(self, batch_id: str, *, cancelled: bool = False) -> BatchResult:
        """The batch as it stands: its prepared letters' copies (read back from their
        encrypted attachments, each checked against its hash) in one PDF, in order."""

        def work(session: Session) -> tuple[BatchInfo, list[PreparedLetter], list[BatchSkip]]:
            batch = session.get_one(LetterBatch, batch_id)
            items = batch_items(session, batch_id)
            skips = [BatchSkip(*map(str, s)) for s in (batch.skipped or [])]
            return batch_info(batch, items), [prepared_letter(i, batch) for i in items], skips

        info, letters, skipped = self._store.read(work)
        waiting = [letter for letter in letters if letter.state == PREPARED]
        parts = [self._copy(letter) for letter in waiting]
        pdf, pages = combine_pdfs(parts)
        return BatchResult(info, tuple(waiting), tuple(skipped), pdf, pages, cancelled)

    def _copy(self, letter: PreparedLetter) -> bytes:
        data = self._attachments.read(letter.attachment_id)
        if hashlib.sha256(data).hexdigest() != letter.sha256:
            raise blobs.BlobCorrupt(
                f"the copy of a letter in batch {letter.batch_id[:8]} does not match its hash"
            )
        return data

    def print_pdf(self, result: BatchResult) -> bytes:
        """The letters for the print dialog (audited as a print)."""
        self._audit("print", result)
        return result.pdf

    def export_pdf(self, result: BatchResult, out: Path) -> int:
        """Save the letters as one PDF, atomically (audited as an export); returns its pages."""
        from officer_app.documents.destination import write_file

        if not result.pdf:
            raise BatchRefused("no letter is waiting to be sent, so there is nothing to save")
        write_file(out, result.pdf)
        self._audit("export", result)
        return result.pages

    def _audit(self, action: str, result: BatchResult) -> None:
        detail: dict[str, Any] = {"letters": len(result.letters), "pages": result.pages}
        self._store.write_wait(
            lambda session: audit.record(
                session, action, entity_type="letter_batch", entity_id=result.batch_id,
                detail=detail,
            )
        )  # fmt: skip

    # --- the officer's word -------------------------------------------------------------------
    def confirm_sent(self, batch_id: str, *, sent_on: dt.date, method: str) -> list[LetterInfo]:
        """The post went out: every prepared letter of the batch becomes a letter sent, with
        its signed chronology entry, in ONE transaction (all of them or none)."""
        today = self._clock.today()
        check_sending(method, sent_on, today, many=True, refusal=BatchRefused)
        now = self._clock.now()
        occurred = occurred_at(now, today, sent_on)
        officer_id = self._officer_id

        def work(session: Session) -> list[LetterInfo]:
            batch = session.get(LetterBatch, batch_id)
            if batch is None:
                raise BatchRefused(f"there is no letter batch {batch_id!r}")
            short = batch.id[:8]
            if batch.state not in UNFINISHED:
                raise BatchRefused(f"batch {short} is {STATE_WORDS[batch.state]}: nothing to "
                                   "confirm")  # fmt: skip
            if sent_on < batch.dated:
                raise BatchRefused(
                    f"the letters are dated {long_date(batch.dated)}: they cannot have been sent "
                    f"on {long_date(sent_on)}, before their date"
                )
            items = [i for i in batch_items(session, batch.id) if i.state == PREPARED]
            if not items:
                raise BatchRefused(f"batch {short} has no letter waiting to be sent")
            made: list[LetterInfo] = []
            for item in items:
                sending = Sending(
                    case_id=item.case_id,
                    template_id=batch.template_id,
                    template_version=batch.template_version,
                    title=batch.title,
                    recipient_id=item.recipient_adult_id,
                    recipient_name=item.recipient_name,
                    dated=batch.dated,
                    pages=item.pages,
                    sha256=item.sha256,
                    text=item.text,
                )

                def attach(entry_id: str, item: BatchLetter = item) -> str:
                    session.get_one(Attachment, item.attachment_id).entry_id = entry_id
                    return item.attachment_id

                info = sign_sending(
                    session, sending, sent_on=sent_on, method=method, officer_id=officer_id,
                    now=now, occurred=occurred, attach=attach, batch_id=batch.id,
                )  # fmt: skip
                item.state = SENT
                item.letter_id = info.id
                made.append(info)
            if batch.cases_done >= len(batch.case_ids or []):
                batch.state = SENT
            batch.sent_on = sent_on
            batch.method = method
            batch.updated_at = now
            batch.updated_by = officer_id
            session.flush()
            return made

        result: list[LetterInfo] = self._store.write_wait(work)
        return result

    def abandon(self, batch_id: str) -> int:
        """The batch's prepared letters were never sent: mark them so (nothing is deleted) and
        close the batch. Returns how many letters were marked."""
        now = self._clock.now()
        officer_id = self._officer_id

        def work(session: Session) -> int:
            batch = session.get(LetterBatch, batch_id)
            if batch is None:
                raise BatchRefused(f"there is no letter batch {batch_id!r}")
            if batch.state not in UNFINISHED:
                raise BatchRefused(f"batch {batch.id[:8]} is {STATE_WORDS[batch.state]}: it "
                                   "cannot be abandoned")  # fmt: skip
            marked = 0
            for item in batch_items(session, batch.id):
                if item.state == PREPARED:
                    item.state = ABANDONED
                    marked += 1
            batch.state = ABANDONED
            batch.updated_at = now
            batch.updated_by = officer_id
            session.flush()
            return marked

        count: int = self._store.write_wait(work)
        return count


class PreparingBatch:
    """A batch being run: :meth:`run` prepares the cases not yet done, one transaction each,
    yielding before each (a Cancel or a kill stops between cases; a rerun resumes)."""

    def __init__(self, batches: LetterBatches, batch_id: str) -> None:
        self.batches = batches
        self.batch_id = batch_id
        self.info = batches.info(batch_id)
        self.made_now = 0

    @property
    def case_ids(self) -> list[str]:
        def work(session: Session) -> list[str]:
            return list(session.get_one(LetterBatch, self.batch_id).case_ids or [])

        return self.batches._store.read(work)

    def run(self) -> Generator[Progress, None, BatchResult]:
        case_ids = self.case_ids
        total = len(case_ids)
        start = self.info.cases_done
        for position in range(start, total):
            info = self.info
            yield Progress(
                position, total,
                f"Case {position + 1} of {total}: {info.prepared} letters prepared",
            )  # fmt: skip
            if info.state != PREPARING:
                break
            self.batches._prepare_case(info, position, case_ids[position])
            self.info = self.batches.info(self.batch_id)
        yield Progress(total, total, "Putting the letters together for printing")
        return self.batches.result(self.batch_id)

    def result(self, *, cancelled: bool = False) -> BatchResult:
        return self.batches.result(self.batch_id, cancelled=cancelled)

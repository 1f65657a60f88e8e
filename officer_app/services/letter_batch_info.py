"""What a batch of letters is, as the window and the command line see it: its state, its
letters (prepared, sent or abandoned), and what a run of it left to post. Read from the
``letter_batch`` and ``letter_batch_letter`` rows by :mod:`officer_app.services.letter_batches`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from officer_app.letters.fill import LetterRefused
from officer_app.store.models import BatchLetter, LetterBatch

PREPARING, PREPARED, SENT, ABANDONED = "preparing", "prepared", "sent", "abandoned"
UNFINISHED = (PREPARING, PREPARED)
# How far back a batch may be dated: letters are dated the day they are made, or a few days
# before when they were drafted earlier; a year is generous and keeps the figures sensible.
OLDEST_DATE = dt.timedelta(days=366)
STATE_WORDS = {
    PREPARING: "being prepared (not sent)",
    PREPARED: "prepared, not yet sent",
    SENT: "sent",
    ABANDONED: "abandoned (never sent)",
}


class BatchRefused(LetterRefused):
    """A batch cannot be started, resumed, confirmed or abandoned; the message says why."""


@dataclass(frozen=True)
class BatchSkip:
    case_id: str
    reference: str
    reason: str


@dataclass(frozen=True)
class PreparedLetter:
    """A letter a batch made: ``state`` prepared (not sent), sent or abandoned."""

    id: str
    batch_id: str
    case_id: str
    recipient_name: str
    title: str
    dated: dt.date
    pages: int
    sha256: str
    attachment_id: str
    state: str
    letter_id: str | None

    @property
    def state_words(self) -> str:
        return STATE_WORDS.get(self.state, self.state)


@dataclass(frozen=True)
class BatchInfo:
    id: str
    template_id: str
    template_version: int
    title: str
    asks: tuple[tuple[str, str], ...]
    dated: dt.date
    selection: str
    state: str
    cases_total: int
    cases_done: int
    prepared: int  # letters made and not yet confirmed as sent
    sent: int
    abandoned: int
    sent_on: dt.date | None
    method: str | None
    created_at: dt.datetime
    updated_at: dt.datetime

    @property
    def short_id(self) -> str:
        return self.id[:8]

    @property
    def unfinished(self) -> bool:
        return self.state in UNFINISHED

    @property
    def state_words(self) -> str:
        return STATE_WORDS.get(self.state, self.state)

    def describe(self) -> str:
        return (
            f"batch {self.short_id} ({self.title}, dated {self.dated.isoformat()}, "
            f"{self.selection}): {self.cases_done} of {self.cases_total} cases done, "
            f"{self.prepared} letter{'s' * (self.prepared != 1)} {self.state_words}"
        )


@dataclass(frozen=True)
class BatchResult:
    """What a run of a batch left: its letters still to post, in one PDF."""

    batch: BatchInfo
    letters: tuple[PreparedLetter, ...]  # prepared, in the batch's order
    skipped: tuple[BatchSkip, ...]
    pdf: bytes = field(repr=False)  # every prepared letter, each from a new page; b"" if none
    pages: int = 0
    cancelled: bool = False

    @property
    def batch_id(self) -> str:
        return self.batch.id

    @property
    def template_id(self) -> str:
        return self.batch.template_id

    @property
    def cases_done(self) -> int:
        return self.batch.cases_done

    @property
    def cases_total(self) -> int:
        return self.batch.cases_total


def prepared_letter(item: BatchLetter, batch: LetterBatch) -> PreparedLetter:
    return PreparedLetter(
        id=item.id,
        batch_id=item.batch_id,
        case_id=item.case_id,
        recipient_name=item.recipient_name,
        title=batch.title,
        dated=batch.dated,
        pages=item.pages,
        sha256=item.sha256,
        attachment_id=item.attachment_id,
        state=item.state,
        letter_id=item.letter_id,
    )


def batch_info(batch: LetterBatch, items: Sequence[BatchLetter]) -> BatchInfo:
    def count(state: str) -> int:
        return sum(1 for i in items if i.state == state)

    return BatchInfo(
        id=batch.id,
        template_id=batch.template_id,
        template_version=batch.template_version,
        title=batch.title,
        asks=tuple(sorted((str(k), str(v)) for k, v in (batch.asks or {}).items())),
        dated=batch.dated,
        selection=batch.selection,
        state=batch.state,
        cases_total=len(batch.case_ids or []),
        cases_done=batch.cases_done,
        prepared=count(PREPARED),
        sent=count(SENT),
        abandoned=count(ABANDONED),
        sent_on=batch.sent_on,
        method=batch.method,
        created_at=batch.created_at,
        updated_at=batch.updated_at,
    )


def batch_items(session: Session, batch_id: str) -> list[BatchLetter]:
    return list(
        session.scalars(
            select(BatchLetter)
            .where(BatchLetter.batch_id == batch_id)
            .order_by(BatchLetter.position, BatchLetter.created_at, BatchLetter.id)
        )
    )

"""How a letter becomes "sent": the check of how and when, the signed chronology entry with
the copy kept tied to it, the ``Letter`` row and its audit event, in the caller's one writer
transaction (:func:`sign_sending`, the one place a letter becomes "sent", for a single
letter and for the letters of a batch alike); and the wait on that transaction that removes
the copies' blobs if it fails."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from officer_app.clock import UK
from officer_app.domain.chronology import EntryType
from officer_app.letters.fill import LetterRefused
from officer_app.services.attachments import StagedAttachment
from officer_app.services.case_file import seal_entry
from officer_app.store import audit
from officer_app.store.models import ChronologyEntry, Letter
from officer_app.wording import long_date

__all__ = [
    "LETTER_DRAFT",
    "METHODS",
    "METHOD_WORDS",
    "LetterInfo",
    "Sending",
    "attach_staged",
    "check_sending",
    "letter_info",
    "occurred_at",
    "sign_sending",
    "wait_for_write",
]

METHODS = ("post", "hand", "email")
METHOD_WORDS = {"post": "by post", "hand": "by hand", "email": "by email"}
LETTER_DRAFT = "letter"  # no letter has a draft; seal_entry wants a kind


@dataclass(frozen=True)
class LetterInfo:
    id: str
    case_id: str
    template_id: str
    template_version: int
    title: str
    recipient_name: str
    sent_on: dt.date
    method: str
    pages: int
    sha256: str
    attachment_id: str | None
    entry_id: str | None
    batch_id: str | None
    created_at: dt.datetime


def letter_info(row: Letter) -> LetterInfo:
    return LetterInfo(
        id=row.id,
        case_id=row.case_id,
        template_id=row.template_id,
        template_version=row.template_version,
        title=row.title,
        recipient_name=row.recipient_name,
        sent_on=row.sent_on,
        method=row.method,
        pages=row.pages,
        sha256=row.sha256,
        attachment_id=row.attachment_id,
        entry_id=row.entry_id,
        batch_id=row.batch_id,
        created_at=row.created_at,
    )


def check_sending(
    method: str,
    sent_on: dt.date,
    today: dt.date,
    *,
    many: bool = False,
    refusal: type[LetterRefused] = LetterRefused,
) -> None:
    """How and when a letter (``many``: the letters of a batch) was sent must be possible."""
    what, subject = (
        ("the letters were", "letters cannot") if many else ("the letter was", "a letter cannot")
    )
    if method not in METHODS:
        raise refusal(f"how {what} sent: {method!r} is not one of post, hand, email")
    if sent_on > today:
        raise refusal(f"{subject} be recorded as sent on {long_date(sent_on)}, which is in "
                      "the future")  # fmt: skip


def wait_for_write(future: Future[Any], staged: Iterable[StagedAttachment]) -> Any:
    """The transaction's result; its blobs removed if it failed. An interrupt (Ctrl+C) while
    waiting does not stop the writer, so the wait goes on until the transaction has ended
    either way, and only then is the interrupt passed on."""
    interrupted = False
    while True:
        try:
            result = future.result()
            break
        except KeyboardInterrupt:
            interrupted = True
        except BaseException:
            for blob in staged:
                blob.discard()
            raise
    if interrupted:
        raise KeyboardInterrupt
    return result


@dataclass(frozen=True)
class Sending:
    """What the signed entry of a letter's sending says about the letter."""

    case_id: str
    template_id: str
    template_version: int
    title: str
    recipient_id: str
    recipient_name: str
    dated: dt.date
    pages: int
    sha256: str
    text: str = field(repr=False)


def attach_staged(blob: StagedAttachment, session: Session, now: dt.datetime, entry_id: str) -> str:
    return blob.add_to(session, added_at=now, entry_id=entry_id).id


def occurred_at(now: dt.datetime, today: dt.date, sent_on: dt.date) -> dt.datetime:
    """When a sending happened: now if today, else noon (UK) of the day it was sent."""
    if sent_on == today:
        return now
    return dt.datetime.combine(sent_on, dt.time(12), tzinfo=UK).astimezone(dt.UTC)


def sign_sending(
    session: Session,
    letter: Sending,
    *,
    sent_on: dt.date,
    method: str,
    officer_id: str,
    now: dt.datetime,
    occurred: dt.datetime,
    attach: Callable[[str], str],
    batch_id: str | None,
) -> LetterInfo:
    """In the caller's transaction: the signed chronology entry of the sending, the copy's
    attachment tied to it (``attach(entry_id)`` returns the attachment's id), the ``Letter``
    row and its audit event. The one place a letter becomes "sent"."""
    entry = ChronologyEntry(
        case_id=letter.case_id,
        entry_type=EntryType.LETTER.value,
        occurred_at=occurred,
        recorded_at=now,
        author_id=officer_id,
        title=letter.title[:200],
        body=_entry_body(letter, sent_on, method),
        amend_reason="",
    )
    seal_entry(session, entry, by=officer_id, at=now, draft_kind=LETTER_DRAFT)
    session.flush()
    attachment_id = attach(entry.id)
    row = Letter(
        case_id=letter.case_id,
        template_id=letter.template_id,
        template_version=letter.template_version,
        title=letter.title[:200],
        recipient_adult_id=letter.recipient_id,
        recipient_name=letter.recipient_name[:160],
        sent_on=sent_on,
        method=method,
        pages=letter.pages,
        sha256=letter.sha256,
        attachment_id=attachment_id,
        entry_id=entry.id,
        batch_id=batch_id,
        created_at=now,
        created_by=officer_id,
    )
    session.add(row)
    session.flush()
    audit.record(
        session,
        "sign",
        entity_type="letter",
        entity_id=row.id,
        detail={"template": letter.template_id, "method": method, "pages": letter.pages},
    )
    return letter_info(row)


def _entry_body(letter: Sending, sent_on: dt.date, method: str) -> str:
    pages = f"{letter.pages} page{'s' * (letter.pages != 1)}"
    return (
        f"Sent {METHOD_WORDS[method]} to {letter.recipient_name} on {long_date(sent_on)}.\n"
        f"Letter dated {long_date(letter.dated)}; {pages}; template {letter.template_id} "
        f"version {letter.template_version}.\n"
        f"SHA-256 of the copy kept: {letter.sha256}\n\n"
        f"{letter.text}"
    )

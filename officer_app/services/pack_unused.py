"""The unused material of a case: everything retained that an evidence pack does not hold
(CPIA 1996 and its Code of Practice; domain.md, "Evidence and disclosure"), one line an item.

What counts as one item:

- a letter is one item with its sending entry and its kept copy: in the pack when any of the
  three ids is in ``included``; otherwise one line, "Letter";
- a chronology entry, signed or not (an unsigned one says so); an amendment of an entry in
  the pack travels with it (a record prints with its amendments), otherwise it is a line;
- an attachment that is not a letter's copy or an evidence pack's own PDF;
- every saved version of a witness statement but the signed final one (which is the
  statement's sealed entry): drafts that differ from the final may have to be disclosed.

A Draft row (the window's autosave of a note being written) is not listed: it is the
officer's unfinished typing on one laptop, not material gathered; domain.md is silent.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from officer_app.clock import uk_local
from officer_app.documents.pack_models import UnusedLine
from officer_app.domain.chronology import EntryType
from officer_app.services.pack_history import KINDS
from officer_app.store.models import (
    Attachment,
    ChronologyEntry,
    EvidencePack,
    Letter,
    Statement,
    StatementVersion,
)
from officer_app.wording import short_date

__all__ = ["unused_lines"]


def _kind(entry_type: str) -> str:
    if entry_type in KINDS:
        return KINDS[entry_type]
    try:
        return EntryType(entry_type).label
    except ValueError:
        return entry_type


def unused_lines(session: Session, case_id: str, included: set[str]) -> tuple[UnusedLine, ...]:
    lines: list[UnusedLine] = []
    letter_parts: set[str] = set()
    for letter in session.scalars(select(Letter).where(Letter.case_id == case_id)):
        parts = {letter.id} | {p for p in (letter.entry_id, letter.attachment_id) if p}
        letter_parts |= parts
        if parts & included:
            continue
        to = f" to {letter.recipient_name}" if letter.recipient_name else ""
        lines.append(
            UnusedLine(
                letter.sent_on,
                "Letter",
                f"{letter.title}{to}, sent by {letter.method}",
                letter.id,
                f"{letter.pages} page(s); the exact copy sent is kept",
            )
        )

    entries = list(
        session.scalars(select(ChronologyEntry).where(ChronologyEntry.case_id == case_id))
    )
    by_id = {e.id: e for e in entries}
    for entry in entries:
        if entry.id in included or entry.id in letter_parts:
            continue
        if entry.amends_id and entry.amends_id in included:
            continue  # printed with the record it corrects
        notes = []
        if entry.amends_id:
            original = by_id.get(entry.amends_id)
            when = short_date(uk_local(original.occurred_at).date()) if original else "?"
            notes.append(f"amends the entry of {when}")
        if entry.signed_at is None:
            notes.append("unsigned")
        lines.append(
            UnusedLine(
                uk_local(entry.occurred_at).date(),
                _kind(entry.entry_type),
                entry.title or _kind(entry.entry_type),
                entry.id,
                "; ".join(notes),
            )
        )

    packs = {
        a for a in session.scalars(
            select(EvidencePack.attachment_id).where(EvidencePack.case_id == case_id)
        ) if a
    }  # fmt: skip
    for attachment in session.scalars(select(Attachment).where(Attachment.case_id == case_id)):
        if attachment.id in included or attachment.id in letter_parts or attachment.id in packs:
            continue
        lines.append(
            UnusedLine(
                uk_local(attachment.added_at).date(),
                "Attachment",
                attachment.filename,
                attachment.id,
                f"{attachment.media_type}, {attachment.size:,} bytes",
            )
        )

    statements = {
        s.id: s for s in session.scalars(select(Statement).where(Statement.case_id == case_id))
    }
    versions = list(
        session.scalars(
            select(StatementVersion)
            .where(StatementVersion.statement_id.in_(statements))
            .order_by(StatementVersion.statement_id, StatementVersion.number)
        )
    )
    final = {}
    for version in versions:
        final[version.statement_id] = version.id  # the last saved: the number order
    for version in versions:
        statement = statements[version.statement_id]
        if version.id in included:
            continue
        if statement.status == "signed" and final[statement.id] == version.id:
            continue  # the signed statement itself: its sealed entry
        status = "draft" if statement.status != "signed" else "superseded draft"
        lines.append(
            UnusedLine(
                uk_local(version.saved_at).date(),
                "Statement version",
                f"Witness statement of {statement.witness_name}: version {version.number}",
                version.id,
                f"{status}; {len(version.paragraphs)} paragraphs; SHA-256 {version.sha256[:16]}…",
            )
        )
    lines.sort(key=lambda line: (line.day, line.kind, line.title, line.ref))
    return tuple(lines)

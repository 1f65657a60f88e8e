"""Attachments (photos, scans, the letters sent): encrypted into the profile folder, recorded
on the case.

A file is encrypted into its blob before the transaction that records it and the blob is
removed if that transaction fails, so a row never points at nothing and no clear copy is
ever written. :meth:`AttachmentService.stage_bytes` splits the two steps for a caller that
records the attachment inside its own transaction (a letter: the copy, the ``Letter`` row and
the signed chronology entry commit together).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import mimetypes
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from officer_app.clock import Clock
from officer_app.security import blobs
from officer_app.security.atomic import write_bytes_atomic
from officer_app.security.errors import SecurityError
from officer_app.store import audit
from officer_app.store.column_types import new_id
from officer_app.store.database import Store
from officer_app.store.models import Attachment, Case

ATTACHMENTS_DIR = "attachments"
MAX_BYTES = 50 * 1024 * 1024
PDF = "application/pdf"


class AttachmentRefused(ValueError):
    pass


@dataclass(frozen=True)
class AttachmentInfo:
    id: str
    case_id: str
    filename: str
    media_type: str
    size: int
    sha256: str
    entry_id: str | None = None  # the visit or note it belongs to; None: the case itself


@dataclass(frozen=True)
class StagedAttachment:
    """Content already encrypted into its blob, not yet recorded. :meth:`add_to` records it in
    the caller's transaction; :meth:`discard` removes the blob when that transaction fails."""

    id: str
    case_id: str
    filename: str
    media_type: str
    size: int
    sha256: str
    path: Path
    added_by: str

    def add_to(
        self, session: Session, *, added_at: dt.datetime, entry_id: str | None = None
    ) -> AttachmentInfo:
        if session.get(Case, self.case_id) is None:
            raise AttachmentRefused(f"no case with id {self.case_id}")
        row = Attachment(
            id=self.id,
            case_id=self.case_id,
            entry_id=entry_id,
            filename=self.filename,
            media_type=self.media_type,
            size=self.size,
            sha256=self.sha256,
            added_at=added_at,
            added_by=self.added_by,
        )
        session.add(row)
        session.flush()
        return _info(row)

    def discard(self) -> None:
        self.path.unlink(missing_ok=True)


class AttachmentService:
    def __init__(
        self, store: Store, clock: Clock, data_dir: Path, key: bytearray, officer_id: str
    ) -> None:
        self._store = store
        self._clock = clock
        self._folder = data_dir / ATTACHMENTS_DIR
        self._key = key  # the profile's attachments key; wiped (emptied) on lock
        self._officer_id = officer_id

    def _blob_path(self, attachment_id: str) -> Path:
        return self._folder / f"{attachment_id}.oab"

    def add(self, case_id: str, source: Path, *, entry_id: str | None = None) -> AttachmentInfo:
        """Encrypt ``source`` into the profile and record it (blocking: call from a worker)."""
        if not source.is_file():
            raise AttachmentRefused(f"{source} is not a file")
        size = source.stat().st_size
        if size > MAX_BYTES:
            raise AttachmentRefused(f"{source.name} is {size // 2**20} MB; the limit is 50 MB")
        attachment_id = new_id()
        self._folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        target = self._blob_path(attachment_id)
        digest = blobs.encrypt_file(bytes(self._key), attachment_id, source, target)
        media_type = mimetypes.guess_type(source.name)[0] or "application/octet-stream"
        now = self._clock.now()

        def work(session: Session) -> AttachmentInfo:
            if session.get(Case, case_id) is None:
                raise AttachmentRefused(f"no case with id {case_id}")
            row = Attachment(
                id=attachment_id,
                case_id=case_id,
                entry_id=entry_id,
                filename=source.name,
                media_type=media_type,
                size=size,
                sha256=digest,
                added_at=now,
                added_by=self._officer_id,
            )
            session.add(row)
            return _info(row)

        try:
            return self._store.write_wait(work)
        except BaseException:
            target.unlink(missing_ok=True)  # nothing half-written
            raise

    def stage_bytes(
        self, case_id: str, data: bytes, *, filename: str, media_type: str
    ) -> StagedAttachment:
        """Encrypt ``data`` into a new blob (blocking: call from a worker), to be recorded by
        :meth:`StagedAttachment.add_to` in the caller's transaction."""
        if len(data) > MAX_BYTES:
            raise AttachmentRefused(f"{filename} is {len(data) // 2**20} MB; the limit is 50 MB")
        if not filename.strip() or any(c in filename for c in "/\\"):
            raise AttachmentRefused(f"not a file name: {filename!r}")
        attachment_id = new_id()
        self._folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        target = self._blob_path(attachment_id)
        write_bytes_atomic(target, blobs.encrypt_bytes(bytes(self._key), attachment_id, data))
        return StagedAttachment(
            id=attachment_id,
            case_id=case_id,
            filename=filename.strip(),
            media_type=media_type,
            size=len(data),
            sha256=hashlib.sha256(data).hexdigest(),
            path=target,
            added_by=self._officer_id,
        )

    def stage_pdfs(self, case_id: str, pdfs: Iterable[tuple[bytes, str]]) -> list[StagedAttachment]:
        """Encrypt each ``(pdf, filename)`` into a new blob, as :meth:`stage_bytes`: all or
        none, the blobs already made are removed if one fails."""
        staged: list[StagedAttachment] = []
        try:
            for data, filename in pdfs:
                staged.append(self.stage_bytes(case_id, data, filename=filename, media_type=PDF))
        except BaseException:
            for blob in staged:
                blob.discard()
            raise
        return staged

    def add_bytes(
        self,
        case_id: str,
        data: bytes,
        *,
        filename: str,
        media_type: str = "application/octet-stream",
        entry_id: str | None = None,
    ) -> AttachmentInfo:
        """Encrypt ``data`` into the profile and record it (blocking: call from a worker)."""
        staged = self.stage_bytes(case_id, data, filename=filename, media_type=media_type)
        now = self._clock.now()
        try:
            return self._store.write_wait(
                lambda session: staged.add_to(session, added_at=now, entry_id=entry_id)
            )
        except BaseException:
            staged.discard()  # nothing half-written
            raise

    def read(self, attachment_id: str) -> bytes:
        """The decrypted content, checked against the hash recorded when it was added."""
        row = self._store.read(lambda session: session.get(Attachment, attachment_id))
        if row is None:
            raise AttachmentRefused(f"no attachment with id {attachment_id}")
        data = blobs.decrypt_file(bytes(self._key), attachment_id, self._blob_path(row.id))
        if hashlib.sha256(data).hexdigest() != row.sha256:
            raise blobs.BlobCorrupt(f"attachment {row.filename} does not match its recorded hash")
        return data

    def open(self, attachment_id: str) -> bytes:
        """:meth:`read`, with the failures an officer can meet said in one line each:
        AttachmentRefused naming the file (its blob gone, altered, or not of this profile)."""
        row = self._store.read(lambda session: session.get(Attachment, attachment_id))
        if row is None:
            raise AttachmentRefused("this attachment is no longer on the case")
        try:
            return self.read(attachment_id)
        except FileNotFoundError as exc:
            raise AttachmentRefused(
                f"{row.filename} cannot be opened: its encrypted file is missing from the profile"
            ) from exc
        except SecurityError as exc:
            raise AttachmentRefused(
                f"{row.filename} cannot be opened: its encrypted file is damaged or altered"
            ) from exc

    def view(self, attachment_id: str) -> bytes:
        """:meth:`open` for showing in the window, with the viewing recorded in the audit log
        (domain.md, "Data protection": every access to a case is audited)."""
        data = self.open(attachment_id)
        row = self._store.read(lambda session: session.get(Attachment, attachment_id))
        assert row is not None  # open() found it
        case_id, filename = row.case_id, row.filename
        self._store.write_wait(
            lambda session: audit.record(
                session,
                "open",
                entity_type="attachment",
                entity_id=attachment_id,
                detail={"case_id": case_id, "filename": filename},
            )
        )
        return data

    def export(self, attachment_id: str, target: Path) -> AttachmentInfo:
        """Decrypt the attachment (checked against its hash) into ``target``, written in one
        step (security/atomic.py), then record the export in the audit log naming the
        attachment and the target (blocking: a worker). Nothing is recorded if the file could
        not be written; the file is the officer's own copy outside the profile."""
        data = self.open(attachment_id)
        row = self._store.read(lambda session: session.get(Attachment, attachment_id))
        assert row is not None  # open() found it
        try:
            write_bytes_atomic(target, data)
        except OSError as exc:
            raise AttachmentRefused(
                f"{target}: cannot be written ({exc.strerror or exc}); nothing was exported"
            ) from exc
        info = _info(row)

        def work(session: Session) -> None:
            audit.record(
                session,
                "export",
                entity_type="attachment",
                entity_id=info.id,
                detail={
                    "case_id": info.case_id,
                    "filename": info.filename,
                    "sha256": info.sha256,
                    "target": str(target),
                },
            )

        self._store.write_wait(work)
        return info

    def for_case(self, case_id: str) -> list[AttachmentInfo]:
        return self._store.read(
            lambda session: [
                _info(a)
                for a in session.scalars(
                    select(Attachment)
                    .where(Attachment.case_id == case_id)
                    .order_by(Attachment.added_at)
                )
            ]
        )


def _info(row: Attachment) -> AttachmentInfo:
    return AttachmentInfo(
        id=row.id,
        case_id=row.case_id,
        filename=row.filename,
        media_type=row.media_type,
        size=row.size,
        sha256=row.sha256,
        entry_id=row.entry_id,
    )

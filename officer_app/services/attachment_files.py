"""The encrypted attachment files of a profile checked against the rows that record them.

A blob is written before the transaction that records it (``services/attachments.py``), so
a process killed in between leaves a file that no row refers to: an *orphan*. It holds only
ciphertext, but it takes room and its presence says nothing true. A row whose file has gone
is worse: a kept copy (of a letter sent, a photo) is lost. :func:`census` finds both, and
the temporary files (``.<name>.<pid>.tmp``, from ``security/atomic.py``) a kill leaves;
:func:`tidy` removes the orphans and the temporary files once they are older than
:data:`SAFE_AGE`, so that the blob a live writer has just staged, before its transaction
commits, is never taken. Nothing here reads a file's content, and nothing a row refers to
is ever removed.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from officer_app.services.attachments import ATTACHMENTS_DIR
from officer_app.store.database import Store
from officer_app.store.models import Attachment, Case

BLOB_SUFFIX = ".oab"
TEMPORARY = re.compile(r"^\..+\.\d+\.tmp$")  # security/atomic.py: .<name>.<pid>.tmp
SAFE_AGE = dt.timedelta(minutes=10)
"""A staged blob waits for its transaction for at most the store's busy timeout (30 s) and
the writer's queue; ten minutes is far beyond both."""


@dataclass(frozen=True)
class MissingFile:
    attachment_id: str
    case_reference: str


@dataclass(frozen=True)
class StrayFile:
    path: Path
    where: Path  # the path inside the profile folder, for messages
    size: int
    age: dt.timedelta


@dataclass(frozen=True)
class Census:
    orphans: tuple[StrayFile, ...]  # blobs no row refers to
    temporary: tuple[StrayFile, ...]  # temporary files left by a killed write
    missing: tuple[MissingFile, ...]  # rows whose blob is not there
    blobs: int  # blob files in all

    @property
    def orphan_bytes(self) -> int:
        return sum(f.size for f in self.orphans)


def _stray(path: Path, data_dir: Path, now: float) -> StrayFile | None:
    try:
        stat = path.stat()
    except FileNotFoundError:
        return None  # removed meanwhile (a writer's own clean-up)
    age = dt.timedelta(seconds=max(0.0, now - stat.st_mtime))
    return StrayFile(path, path.relative_to(data_dir), stat.st_size, age)


class FilesUnreadable(OSError):
    """A folder of the profile cannot be listed; the message names it and says why."""


def _files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    try:
        return sorted(p for p in folder.iterdir() if p.is_file())
    except OSError as exc:
        raise FilesUnreadable(f"{folder}: cannot be listed ({exc.strerror or exc})") from exc


def census(store: Store, data_dir: Path) -> Census:
    """The attachment files of the profile in ``data_dir`` against the rows of ``store``.

    The folders are listed before the rows are read: a blob recorded in between is then
    seen as referred to, never as an orphan."""
    now = time.time()
    folder = data_dir / ATTACHMENTS_DIR
    listed = _files(folder)
    blobs = [p for p in listed if p.suffix == BLOB_SUFFIX and not p.name.startswith(".")]
    temporary = [p for p in [*listed, *_files(data_dir)] if TEMPORARY.match(p.name)]

    def rows(session: Session) -> list[tuple[str, str]]:
        return [
            (attachment_id, reference)
            for attachment_id, reference in session.execute(
                select(Attachment.id, Case.reference)
                .join(Case, Case.id == Attachment.case_id)
                .order_by(Case.reference, Attachment.added_at)
            )
        ]

    recorded = store.read(rows)
    referred = {f"{attachment_id}{BLOB_SUFFIX}" for attachment_id, _ in recorded}
    present = {p.name for p in blobs}
    return Census(
        orphans=_strays((p for p in blobs if p.name not in referred), data_dir, now),
        temporary=_strays(temporary, data_dir, now),
        missing=tuple(
            MissingFile(attachment_id, reference)
            for attachment_id, reference in recorded
            if f"{attachment_id}{BLOB_SUFFIX}" not in present
        ),
        blobs=len(blobs),
    )


def _strays(paths: Iterable[Path], data_dir: Path, now: float) -> tuple[StrayFile, ...]:
    return tuple(s for s in (_stray(p, data_dir, now) for p in paths) if s is not None)


@dataclass(frozen=True)
class TidyResult:
    removed: tuple[StrayFile, ...]
    kept_young: tuple[StrayFile, ...]  # strays younger than the safe age: a writer may own them
    failed: tuple[tuple[StrayFile, str], ...] = ()  # could not be removed (in use), and why


def tidy(store: Store, data_dir: Path, *, safe_age: dt.timedelta = SAFE_AGE) -> TidyResult:
    """Remove the orphan blobs and temporary files older than ``safe_age``."""
    found = census(store, data_dir)
    removed: list[StrayFile] = []
    young: list[StrayFile] = []
    failed: list[tuple[StrayFile, str]] = []
    for stray in (*found.orphans, *found.temporary):
        if stray.age < safe_age:
            young.append(stray)
            continue
        try:
            stray.path.unlink()
        except FileNotFoundError:
            continue
        except OSError as exc:  # e.g. held open by another program on Windows
            failed.append((stray, exc.strerror or str(exc)))
            continue
        removed.append(stray)
    return TidyResult(tuple(removed), tuple(young), tuple(failed))


def size_text(size: int) -> str:
    """A file size as a person reads it."""
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} kB"
    return f"{size / (1024 * 1024):.1f} MB"

"""Where a document is to be saved, checked before anything is made or recorded.

A letter recorded as sent must exist as a file: so the destination is checked first (not a
folder, in a folder that exists and takes a new file, with the right suffix), the file is then
written atomically, and only then is anything recorded. :func:`check_destination` is the one
check every ``--out`` and every save uses; :func:`written_or_removed` writes the file and
removes it again if what follows (the recording) fails, so nobody posts an unrecorded letter.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from officer_app.security.atomic import write_bytes_atomic

T = TypeVar("T")


class DestinationRefused(ValueError):
    """The file cannot be written there; the message says why, naming the path."""


def _reason(exc: OSError) -> str:
    return (exc.strerror or type(exc).__name__).lower()


def check_destination(path: Path, suffixes: Sequence[str]) -> Path:
    """The absolute path to write, or :class:`DestinationRefused` saying what is wrong.

    Checked: the suffix is one of ``suffixes`` (".pdf", ".csv"); the path is not a folder nor
    another kind of non-file; its parent is an existing folder in which a new file can really
    be created (a temporary file is made and removed: permissions, read-only mounts, /proc
    and /sys all answer honestly that way, for root too)."""
    out = Path(path).expanduser()
    try:
        out = out.resolve()
    except (OSError, RuntimeError) as exc:
        raise DestinationRefused(f"{path}: cannot be resolved ({exc})") from exc
    if out.suffix.lower() not in suffixes:
        wanted = " or a ".join(suffixes)
        raise DestinationRefused(f"{out.name}: give a {wanted} file")
    try:
        if out.is_dir():
            raise DestinationRefused(f"{out}: is a folder; give a file name in it")
        if out.exists() and not out.is_file():
            raise DestinationRefused(f"{out}: is not a regular file")
        parent = out.parent
        if not parent.exists():
            raise DestinationRefused(f"{parent}: no such folder")
        if not parent.is_dir():
            raise DestinationRefused(f"{parent}: is not a folder")
    except OSError as exc:
        raise DestinationRefused(f"{out}: cannot be checked ({_reason(exc)})") from exc
    try:
        fd, probe = tempfile.mkstemp(prefix=".officer-app-probe-", dir=parent)
    except OSError as exc:
        raise DestinationRefused(f"{parent}: cannot write a file there ({_reason(exc)})") from exc
    os.close(fd)
    with contextlib.suppress(OSError):
        os.unlink(probe)
    return out


def write_file(out: Path, data: bytes) -> None:
    """Write ``data`` to ``out`` atomically; an OS failure becomes one clear line."""
    try:
        write_bytes_atomic(out, data)
    except OSError as exc:
        raise DestinationRefused(f"{out}: cannot be written ({_reason(exc)})") from exc


def written_or_removed(out: Path, write: Callable[[], object], then: Callable[[], T]) -> T:
    """Call ``write`` (which saves ``out`` atomically, e.g. an audited export), then ``then``
    (the recording). If ``then`` fails, the file just written is removed and the failure
    passed on: a file of a letter exists only if its sending was recorded."""
    write()
    try:
        return then()
    except BaseException:
        with contextlib.suppress(OSError):
            out.unlink()
        raise

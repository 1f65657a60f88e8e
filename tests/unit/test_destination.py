"""The one check for every file a letter, a batch or the record of notices is saved to, and
the rule that a letter's file exists only if its sending was recorded."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from officer_app.documents.destination import (
    DestinationRefused,
    check_destination,
    write_file,
    written_or_removed,
)


def test_a_good_destination_is_returned_absolute_and_leaves_nothing_behind(
    tmp_path: Path,
) -> None:
    out = check_destination(tmp_path / "letters" / ".." / "letter.PDF", (".pdf",))
    assert out == (tmp_path / "letter.PDF").resolve()
    assert list(tmp_path.iterdir()) == []  # the probe file was removed


@pytest.mark.parametrize(
    ("where", "says"),
    [
        (lambda t: t / "folder.pdf", "is a folder"),
        (lambda t: t / "plain" / "x.pdf", "is not a folder"),
        (lambda t: t / "missing" / "x.pdf", "no such folder"),
        (lambda t: Path("/proc/x.pdf"), "cannot write a file there"),
        (lambda t: Path("/sys/x.pdf"), "cannot write a file there"),
        (lambda t: t / "x.docx", "give a .pdf or a .csv file"),
    ],
)  # fmt: skip
def test_a_bad_destination_is_refused_naming_it(tmp_path: Path, where: object, says: str) -> None:
    (tmp_path / "folder.pdf").mkdir()
    (tmp_path / "plain").write_text("a file", encoding="utf-8")
    target = where(tmp_path)  # type: ignore[operator]
    with pytest.raises(DestinationRefused, match=says):
        check_destination(target, (".pdf", ".csv"))


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this platform")
def test_a_pipe_is_not_a_file_to_save_to(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.pdf")
    with pytest.raises(DestinationRefused, match="is not a regular file"):
        check_destination(tmp_path / "pipe.pdf", (".pdf",))


def test_a_failed_recording_removes_the_file_just_written(tmp_path: Path) -> None:
    out = tmp_path / "letter.pdf"

    def record() -> None:
        assert out.read_bytes() == b"%PDF-1.4 letter"  # the file exists before the recording
        raise RuntimeError("the database is read-only")

    with pytest.raises(RuntimeError, match="read-only"):
        written_or_removed(out, lambda: write_file(out, b"%PDF-1.4 letter"), record)
    assert not out.exists()
    assert written_or_removed(out, lambda: write_file(out, b"%PDF"), lambda: 7) == 7
    assert out.read_bytes() == b"%PDF"


def test_a_write_that_fails_is_one_clear_refusal(tmp_path: Path) -> None:
    (tmp_path / "taken.pdf").mkdir()
    with pytest.raises(DestinationRefused, match="cannot be written"):
        write_file(tmp_path / "taken.pdf", b"%PDF")

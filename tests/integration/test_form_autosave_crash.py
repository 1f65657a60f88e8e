"""A form being typed into is autosaved: a SIGKILL loses at most the last 5 seconds, and
reopening the case offers the draft back.

The child process (form_autosave_child.py) opens a real RecordDialog and types into the
long-text question "The child's views" through the widget, a few characters every 80 ms,
reporting each burst; only the dialog's own timers save drafts. While it types, the test reads
the draft from the database every 0.1 s (WAL: a second reader) to check that at no moment
more than 5 s of typing was unsaved. After ~9.7 s of typing (just before the second 5-second
save is due, so the loss is close to its limit) it kills the child with SIGKILL, then opens the
profile itself and checks the draft on disk and the form that the case's "Initial
assessment…" button would open.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from keyring.backend import KeyringBackend
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session

from officer_app.clock import FixedClock
from officer_app.gui.record_dialog import AUTOSAVE_MAX_S, RecordDialog
from officer_app.security import keys as keyfile
from officer_app.services.profile import db_path
from officer_app.store.database import Store
from officer_app.store.models import Draft
from tests.conftest import DEMO_NOW, TEST_PASSPHRASE, make_profile
from tests.integration.form_autosave_child import BURST_CHARS, FIELD_ID, FORM_ID, TEXT

ROOT = Path(__file__).resolve().parents[2]
TYPE_FOR_S = 9.7  # the saves fall ~5 s and ~10 s after the first keystroke
TOLERANCE_S = 1.0  # process scheduling on a small, busy machine
START_TIMEOUT_S = 30.0
POLL_S = 0.1


def _open_read_only(data_dir: Path, backend: KeyringBackend) -> Store:
    """The profile's database opened a second time, to watch the child's drafts as it types
    (WAL: reading does not hold up its writes). Nothing is written through it."""
    master = keyfile.unwrap_master_key(data_dir, TEST_PASSPHRASE, backend=backend)
    try:
        return Store.open(db_path(data_dir), keyfile.subkey(master, "database"))
    finally:
        keyfile.wipe(master)


def _draft_text(session: Session, case_id: str) -> str | None:
    answers = session.scalar(
        select(Draft.answers).where(Draft.case_id == case_id, Draft.form_id == FORM_ID)
    )
    return None if answers is None else answers.get(FIELD_ID)


def _typed_at(bursts: list[tuple[float, str]], kept: str | None) -> float:
    """When the last character of ``kept`` had been typed, at the latest: the start of the
    first burst that reached it (an unreported burst started after the last report). With
    nothing kept, everything since the first keystroke would be lost."""
    if not kept:
        return bursts[0][0]
    return next((began for began, text in bursts if len(text) >= len(kept)), bursts[-1][0])


class _Lines:
    """The child's stdout, read on a thread so that the test can kill it at a set time."""

    def __init__(self, child: subprocess.Popen[str]) -> None:
        assert child.stdout is not None
        self._stdout = child.stdout
        self.lines: list[str] = []
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()

    def _read(self) -> None:
        for line in self._stdout:
            self.lines.append(line.rstrip("\n"))
            if line.startswith("typed"):
                self._ready.set()
        self._ready.set()  # end of file: the child died or was killed

    def typing(self, timeout: float) -> bool:
        """Wait for the first burst; False if the child died or took too long to start."""
        self._ready.wait(timeout)
        return any(line.startswith("typed") for line in self.lines)

    def finish(self) -> list[tuple[float, str]]:
        """After the child is gone: each burst's (monotonic start, text typed so far)."""
        self._thread.join(timeout=10)
        bursts = []
        for line in self.lines:
            if line.startswith("typed "):
                _word, began, text = line.split(" ", 2)
                bursts.append((float(began), text))
        return bursts


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="POSIX only")
def test_sigkill_while_typing_loses_at_most_five_seconds(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from keyrings.alt.file import PlaintextKeyring
    from PySide6.QtWidgets import QWidget  # noqa: TID251

    from officer_app.gui.field_work_actions import FieldWorkActions
    from officer_app.gui.form_fields import TextEditor
    from officer_app.gui.task_runner import TaskRunner
    from officer_app.services.profile import unlock_profile

    # The device secret in a file key store under tmp_path, readable by the child too.
    xdg = tmp_path / "xdg"
    monkeypatch.setenv("XDG_DATA_HOME", str(xdg))
    backend = PlaintextKeyring()
    clock = FixedClock(DEMO_NOW)
    data_dir = tmp_path / "profile"
    opened = make_profile(data_dir, backend, 3, clock)
    case = opened.caseload.list_cases()[0]
    assert opened.field_work.record_draft_answers(case.case_id, FORM_ID) is None
    opened.lock()

    errors = (tmp_path / "child-stderr.txt").open("w")
    child = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.integration.form_autosave_child",
            str(data_dir),
            case.case_id,
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=errors,
        text=True,
        env={
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "QT_QPA_PLATFORM": "offscreen",
            "PYTHON_KEYRING_BACKEND": "keyrings.alt.file.PlaintextKeyring",
            "XDG_DATA_HOME": str(xdg),
            "OFFICER_APP_PASSPHRASE": TEST_PASSPHRASE,
        },
    )
    lines = _Lines(child)
    watcher = _open_read_only(data_dir, backend)
    polls: list[tuple[float, str | None]] = []  # (monotonic, the draft's text then)
    try:
        if lines.typing(START_TIMEOUT_S):
            stop = time.monotonic() + TYPE_FOR_S
            while time.monotonic() < stop:
                kept_then = watcher.read(lambda s: _draft_text(s, case.case_id))
                polls.append((time.monotonic(), kept_then))
                time.sleep(POLL_S)
    finally:
        child.send_signal(signal.SIGKILL)
        killed_at = time.monotonic()
        child.wait(timeout=30)
        errors.close()
        watcher.close()
    died = (tmp_path / "child-stderr.txt").read_text()
    assert child.returncode == -signal.SIGKILL, f"the child died by itself: {died}"
    bursts = lines.finish()
    assert len(bursts) >= 50, f"the child typed too little: {len(bursts)} bursts"
    typed = bursts[-1][1]
    assert TEXT.startswith(typed)

    # While it typed, the draft on disk was never more than 5 s behind the typing: at each
    # poll, what a kill then would have lost.
    behind = [(at, at - _typed_at(bursts, kept_then)) for at, kept_then in polls]
    worst_at, worst = max(behind, key=lambda b: b[1])
    saves = sorted({len(k) for _at, k in polls if k})
    assert worst <= AUTOSAVE_MAX_S + TOLERANCE_S, (
        f"{worst:.2f} s of typing unsaved at {worst_at - bursts[0][0]:.1f} s "
        f"(drafts seen: {saves} characters)"
    )
    assert len(saves) >= 1

    opened = unlock_profile(data_dir, TEST_PASSPHRASE, backend=backend, clock=clock)
    runner = TaskRunner()
    try:
        service = opened.field_work
        draft = service.record_draft_answers(case.case_id, FORM_ID)
        assert draft is not None, "no draft survived the kill"
        version, answers = draft
        kept = answers.get(FIELD_ID)
        assert isinstance(kept, str) and kept, answers
        # What was kept is what was typed, up to some point: nothing garbled, nothing extra.
        # (At most the burst under way when it was killed, which it never reported, beyond.)
        assert TEXT.startswith(kept)
        assert len(kept) <= len(typed) + BURST_CHARS, (len(kept), len(typed))
        lost_s = killed_at - _typed_at(bursts, kept)
        lost_chars = len(typed) - len(kept)
        assert lost_s <= AUTOSAVE_MAX_S + TOLERANCE_S, (
            f"the draft was {lost_s:.2f} s old when the process was killed "
            f"({lost_chars} characters lost of {len(typed)})"
        )
        print(
            f"typed {len(typed)} characters in {killed_at - bursts[0][0]:.1f} s; "
            f"{len(polls)} polls, at worst {worst:.2f} s unsaved, drafts of {saves} characters; "
            f"killed: the draft kept {len(kept)}, {lost_s:.2f} s ({lost_chars} characters) lost"
        )

        # Reopening the case offers the draft back: the case's form button, as the case page
        # wires it (the draft found and its form version used, on the task runner).
        window = QWidget()
        qtbot.addWidget(window)
        actions = FieldWorkActions(
            case.case_id, case.child_name, service, runner, clock.today(), window
        )
        actions.record(FORM_ID)
        qtbot.waitUntil(lambda: isinstance(actions.open_dialog, RecordDialog), timeout=10_000)
        dialog = actions.open_dialog
        assert isinstance(dialog, RecordDialog)
        assert dialog.definition.version == version
        editor = dialog.form.editor(FIELD_ID)
        assert isinstance(editor, TextEditor)
        assert editor.text_edit.toPlainText() == kept
        assert dialog.form.answers()[FIELD_ID] == kept
        assert dialog.status.text() == "Draft restored."
        dialog.reject()
        runner.wait_idle()
    finally:
        runner.wait_idle()
        opened.lock()

"""Child process for the interview SIGKILL test: an officer typing an answer into the record
screen of an interview under caution.

Run as ``python -m tests.integration.interview_kill_child DATA_DIR INTERVIEW_ID`` with
QT_QPA_PLATFORM=offscreen, the passphrase in OFFICER_APP_PASSPHRASE and the device secret in
the key store named by PYTHON_KEYRING_BACKEND. It unlocks the profile, opens the real
InterviewWindow on an interview already cautioned (it resumes on the record page) and types
TEXT into its input box through QTest key events, BURST_CHARS every BURST_MS, so that only the
window's own autosave decides when the words reach the disk. Lines on stdout (flushed), as in
form_autosave_child: ``ready``, then ``typed <monotonic start of the burst> <text so far>``.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QTimer  # noqa: TID251 - a Qt test driver
from PySide6.QtTest import QTest  # noqa: TID251

from officer_app.gui.application import application
from officer_app.gui.interview_window import PAGE_RECORD, InterviewWindow
from officer_app.gui.task_runner import TaskRunner
from officer_app.services.profile import unlock_profile

BURST_MS = 80
BURST_CHARS = 3
LIFETIME_S = 60.0
TEXT = " ".join(
    f"Part {i}: I took her to school most days but the bus was late." for i in range(1, 200)
)


def main(data_dir: str, interview_id: str) -> None:
    app = application()
    opened = unlock_profile(Path(data_dir), os.environ["OFFICER_APP_PASSPHRASE"])
    runner = TaskRunner()
    window = InterviewWindow(opened.interviews, runner, interview_id)
    window.show()
    QTest.qWaitForWindowExposed(window)
    deadline = time.monotonic() + 30
    while window.pages.currentIndex() != PAGE_RECORD and time.monotonic() < deadline:
        runner.wait_idle(50)
    box = window.page.input
    box.setFocus()
    typed = 0

    def burst() -> None:
        nonlocal typed
        began = time.monotonic()
        chunk = TEXT[typed : typed + BURST_CHARS]
        if chunk:
            QTest.keyClicks(box, chunk)
            typed += len(chunk)
            print(f"typed {began:.6f} {TEXT[:typed]}", flush=True)

    timer = QTimer()
    timer.setInterval(BURST_MS)
    timer.timeout.connect(burst)
    print("ready", flush=True)
    timer.start()
    QTimer.singleShot(int(LIFETIME_S * 1000), app.quit)
    app.exec()
    os._exit(3)  # only reached if nobody killed us


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])

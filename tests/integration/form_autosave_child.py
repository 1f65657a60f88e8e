"""Child process for the form autosave SIGKILL test: an officer typing into a record form.

Run as ``python -m tests.integration.form_autosave_child DATA_DIR CASE_ID`` with
QT_QPA_PLATFORM=offscreen, the passphrase in OFFICER_APP_PASSPHRASE and the device secret in
the key store named by PYTHON_KEYRING_BACKEND. It unlocks the profile, opens a real
RecordDialog for the initial assessment, and types TEXT into "The child's views" through the
widget (QTest key events, a few characters every BURST_MS, driven by the Qt event loop), so
that the dialog's own autosave timers decide when drafts are saved. It never saves anything
itself. Lines on stdout (flushed):

- ``ready``: the dialog is on screen and typing starts;
- ``typed <monotonic seconds when the burst began> <all the text typed so far>``: after each
  burst (the text typed so far is always a prefix of TEXT).

It types until it is killed (or, as a safety net, quits after LIFETIME_S).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QTimer  # noqa: TID251 - a Qt test driver
from PySide6.QtTest import QTest  # noqa: TID251

from officer_app.gui.application import application
from officer_app.gui.record_dialog import RecordDialog
from officer_app.gui.task_runner import TaskRunner
from officer_app.services.profile import unlock_profile

FORM_ID = "initial_assessment"
FIELD_ID = "child_views"
BURST_MS = 80
BURST_CHARS = 3
LIFETIME_S = 60.0

# What the officer types: every prefix is distinct from every other, so the draft's text
# says exactly how far the typing had got when it was saved.
TEXT = " ".join(
    f"Part {i}: she said the bus is late and she misses registration most days."
    for i in range(1, 200)
)


def main(data_dir: str, case_id: str) -> None:
    app = application()
    opened = unlock_profile(Path(data_dir), os.environ["OFFICER_APP_PASSPHRASE"])
    service = opened.field_work
    definition = service.definition(FORM_ID)
    runner = TaskRunner()
    dialog = RecordDialog(
        case_id,
        definition,
        service,
        runner,
        people=service.people(case_id),
        today=opened.clock.today(),
    )
    dialog.show()
    QTest.qWaitForWindowExposed(dialog)
    editor = dialog.form.editor(FIELD_ID)
    text_edit = editor.focus_widget()
    dialog.form.scroll.ensureWidgetVisible(text_edit)  # type: ignore[attr-defined]
    text_edit.setFocus()
    typed = 0

    def burst() -> None:
        nonlocal typed
        began = time.monotonic()
        chunk = TEXT[typed : typed + BURST_CHARS]
        if not chunk:
            return
        QTest.keyClicks(text_edit, chunk)
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

"""The window reports an unexpected error in one line, never a traceback (issue 8, point 8)."""

from __future__ import annotations

import sys
import threading
from typing import Any

import pytest

SECRET = "Q801200110001"


def test_the_window_reports_a_crash_in_a_slot_in_one_line(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    from officer_app.gui import application

    boxes: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a: boxes.append(a[2]))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # both restored after the test
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    application.install_crash_report()

    def slot() -> None:
        from officer_app.escaping import shown

        shown(SECRET.encode())  # type: ignore[arg-type]  # fails inside our code

    QTimer.singleShot(0, slot)
    qtbot.waitUntil(lambda: bool(boxes), timeout=5000)
    err = capfd.readouterr().err
    assert "internal error: AttributeError at officer_app.escaping:" in boxes[0]
    assert err.count("officer-app: internal error: AttributeError") == 1
    assert SECRET not in err and "Traceback" not in err

"""A long day in the window must not run None's reference count down to a crash."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel

from officer_app.gui.qt_workarounds import RESERVE, keep_none_alive


def test_none_survives_many_qt_calls(qtbot) -> None:  # type: ignore[no-untyped-def]
    keep_none_alive()
    label = QLabel()
    qtbot.addWidget(label)
    for _ in range(50_000):
        label.setText("x")
    # immortal on 3.12+ (a count of 2**32 - 1 that never moves), held far above zero by the
    # guard on 3.11 (without it, about 5,000 calls here would have aborted the process)
    assert sys.getrefcount(None) > 1 << 31
    if sys.version_info < (3, 12):
        assert sys.getrefcount(None) > RESERVE - 100_000
    assert keep_none_alive() is False  # once is enough

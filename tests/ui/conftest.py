"""Fixtures for driving the real window with pytest-qt."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from officer_app.clock import FixedClock
from officer_app.gui.application import build_main_window
from officer_app.gui.window import MainWindow
from tests.conftest import TEST_PASSPHRASE, MemoryKeyring


def make_window(
    qtbot,
    demo_dir: Path,
    backend: MemoryKeyring,
    clock: FixedClock,  # type: ignore[no-untyped-def]
    idle_minutes: float = 5.0,
) -> MainWindow:
    window = build_main_window(demo_dir, idle_minutes=idle_minutes, backend=backend, clock=clock)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    return window


def unlock(qtbot, window: MainWindow, passphrase: str = TEST_PASSPHRASE) -> None:  # type: ignore[no-untyped-def]
    window.unlock_page.passphrase.setText(passphrase)
    with qtbot.waitSignal(window.caseload_loaded, timeout=20_000):
        qtbot.keyClick(window.unlock_page.passphrase, "\r")


@pytest.fixture()
def window(
    qtbot, demo_dir: Path, keyring_backend: MemoryKeyring, clock: FixedClock
) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    win = make_window(qtbot, demo_dir, keyring_backend, clock)
    unlock(qtbot, win)
    yield win
    win.close()
    win.runner.wait_idle()

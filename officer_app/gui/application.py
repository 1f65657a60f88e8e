"""Start the window: the QApplication, the task runner, the main window; and the smoke test."""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from keyring.backend import KeyringBackend
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from officer_app.clock import Clock, SystemClock
from officer_app.config import Settings
from officer_app.crash import crash_line
from officer_app.gui import theme
from officer_app.gui.markup import literal
from officer_app.gui.task_runner import TaskRunner
from officer_app.gui.window import MainWindow
from officer_app.services.profile import OpenProfile, unlock_profile


def _process_started() -> float | None:
    """When this process started (wall clock). On Linux from /proc to 10 ms: psutil's figure
    rests on the boot time in whole seconds, and so can be up to a second early."""
    try:
        ticks = int(Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()[19])
        uptime = float(Path("/proc/uptime").read_text().split()[0])
        return time.time() - (uptime - ticks / os.sysconf("SC_CLK_TCK"))
    except (OSError, ValueError, IndexError, AttributeError):
        pass
    try:
        import psutil

        return float(psutil.Process().create_time())
    except Exception:
        return None


def build_main_window(
    data_dir: Path,
    *,
    idle_minutes: float = 5.0,
    backend: KeyringBackend | None = None,
    clock: Clock | None = None,
    runner: TaskRunner | None = None,
    settings: Settings | None = None,
) -> MainWindow:
    clock = clock or SystemClock()

    def unlock(passphrase: str) -> OpenProfile:
        return unlock_profile(
            data_dir,
            passphrase,
            backend=backend,
            clock=clock,
            settings=settings,
            window_lock=True,  # one window per profile; the command line still works
        )

    return MainWindow(
        data_dir,
        unlock,
        runner or TaskRunner(),
        today=clock.today,
        idle_minutes=idle_minutes,
    )


def application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("Officer App")
    app.setOrganizationName("officer-app")
    app.setApplicationDisplayName("Officer App")
    theme.apply(app)
    return app


def report_crash(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """sys.excepthook for the window: an exception no code caught (in a slot, say) is one
    line on stderr and in a message box (see :mod:`officer_app.crash`), never a traceback
    with case data in it."""
    if issubclass(kind, KeyboardInterrupt):  # Ctrl+C in the terminal that started it
        print("officer-app: interrupted", file=sys.stderr)
        QApplication.quit()
        return
    line = crash_line(exc, tb)
    print(f"officer-app: {line}", file=sys.stderr, flush=True)
    if threading.current_thread() is threading.main_thread() and QApplication.instance():
        QMessageBox.critical(None, "Officer App", literal(f"Something went wrong: {line}"))


def _report_thread_crash(args: threading.ExceptHookArgs) -> None:
    if args.exc_value is not None:
        print(f"officer-app: {crash_line(args.exc_value, args.exc_traceback)}", file=sys.stderr)


def install_crash_report() -> None:
    sys.excepthook = report_crash
    threading.excepthook = _report_thread_crash


class _FirstPaint(QObject):
    """Calls back once, on the first paint of a widget after ``armed``."""

    def __init__(self, callback: Callable[[], None]) -> None:
        super().__init__()
        self.armed = False
        self._callback = callback

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.armed and event.type() == QEvent.Type.Paint:
            self.armed = False
            QTimer.singleShot(0, self._callback)
        return False


def run(
    data_dir: Path,
    *,
    idle_minutes: float = 5.0,
    smoke_test: bool = False,
    passphrase: str | None = None,
    backend: KeyringBackend | None = None,
    clock: Clock | None = None,
    argv: list[str] | None = None,
    settings: Settings | None = None,
) -> int:
    entered = time.perf_counter()
    entered_wall = time.time()
    app = application(argv)
    install_crash_report()
    qt_ready = time.perf_counter()
    window = build_main_window(
        data_dir, idle_minutes=idle_minutes, backend=backend, clock=clock, settings=settings
    )
    window.resize(1366, 768)
    if not smoke_test:
        window.show()
        if passphrase:
            window.unlock_page.passphrase.setText(passphrase)
            window.unlock_page.try_unlock()
        return app.exec()

    outcome: dict[str, int] = {}

    def painted() -> None:
        done = time.perf_counter()
        profile = window.profile
        kdf = profile.timings.get("key_derivation_s", 0.0) if profile else 0.0
        total_from_start = done - entered
        started = _process_started()
        if started is not None:
            total_from_start = (entered_wall - started) + (done - entered)
        own = (done - entered) - (qt_ready - entered) - kdf
        cases = window.caseload.model.rowCount()
        print(
            f"smoke-test OK: {cases} cases; key derivation {kdf:.2f} s (not counted); "
            f"our start-up {own:.2f} s; Qt start-up {qt_ready - entered:.2f} s; "
            f"start to painted caseload {total_from_start - kdf:.2f} s; painted at "
            f"{time.time():.3f}"
        )
        outcome["code"] = 0
        window.close()
        app.quit()

    def failed(message: str) -> None:
        print(f"smoke-test FAILED: {message}", file=sys.stderr)
        outcome["code"] = 1
        app.quit()

    watcher = _FirstPaint(painted)
    window.caseload.table.viewport().installEventFilter(watcher)

    def loaded(count: int) -> None:
        watcher.armed = True
        window.caseload.table.viewport().update()

    window.caseload_loaded.connect(loaded)
    window.unlock_page.refused.connect(lambda why: failed(f"the profile did not unlock: {why}"))
    window.show()
    if not passphrase:
        failed("no passphrase given")
        return 1
    window.unlock_page.passphrase.setText(passphrase)
    window.unlock_page.try_unlock()
    QTimer.singleShot(60_000, lambda: failed("timed out after 60 s"))
    app.exec()
    return outcome.get("code", 1)

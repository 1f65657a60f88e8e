"""The unlock page: the only thing shown until the passphrase opens the profile."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QWidget

from officer_app.gui.generated.ui_unlock_page import Ui_UnlockPage
from officer_app.gui.task_runner import TaskRunner
from officer_app.security import keys
from officer_app.services.profile import OpenProfile, ProfileError

WAIT_MARGIN_S = 0.3


class UnlockPage(QWidget):
    """Drawn in ui/unlock_page.ui. Asks for the passphrase; derives the key on a worker; says
    plainly what went wrong."""

    unlocked = Signal(object)  # OpenProfile
    refused = Signal(str)  # why, in words

    def __init__(
        self,
        data_dir: Path,
        unlock: Callable[[str], OpenProfile],
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._unlock = unlock
        self._runner = runner
        self.prepare: Callable[[], object] | None = None
        self._wait = QTimer(self)
        self._wait.setTimerType(Qt.TimerType.PreciseTimer)  # coarse timers may fire early
        self._wait.setInterval(250)
        self._wait.timeout.connect(self._tick)
        self._wait_left = 0.0

        self.ui = Ui_UnlockPage()
        self.ui.setupUi(self)
        self.passphrase = self.ui.passphrase
        self.button = self.ui.button
        self.message = self.ui.message
        self.ui.folder.setText(f"Profile: {data_dir}")

        self.button.clicked.connect(self.try_unlock)
        self.passphrase.returnPressed.connect(self.try_unlock)

    def reset(self, message: str = "") -> None:
        self.passphrase.clear()
        self.passphrase.setEnabled(True)
        self.button.setEnabled(True)
        self.message.setText(message)
        self.passphrase.setFocus()

    def try_unlock(self) -> None:
        if not self.button.isEnabled():
            return
        passphrase = self.passphrase.text()
        if not passphrase:
            self.message.setText("Type your passphrase, then press Enter.")
            return
        self.button.setEnabled(False)
        self.passphrase.setEnabled(False)
        self.message.setText("Unlocking…")
        self._runner.run(lambda: self._unlock(passphrase), self._opened, self._refused)
        if self.prepare is not None:
            # work that needs no key, done while Argon2id (which releases the GIL) runs
            self._runner.run(self.prepare)

    def _opened(self, profile: OpenProfile) -> None:
        self.passphrase.clear()
        self.message.setText("")
        self.passphrase.setEnabled(True)
        self.button.setEnabled(True)
        self.unlocked.emit(profile)

    def _refused(self, exc: BaseException) -> None:
        self.refused.emit(str(exc))
        self.passphrase.setEnabled(True)
        self.passphrase.selectAll()
        self.passphrase.setFocus()
        if isinstance(exc, keys.WrongPassphrase):
            self._start_wait(exc.retry_after, f"Wrong passphrase (attempt {exc.attempts}).")
        elif isinstance(exc, keys.TooSoon):
            self._start_wait(exc.seconds_left, "Too many wrong passphrases.")
        elif isinstance(exc, (keys.SecurityError, ProfileError)):
            self.button.setEnabled(True)
            self.message.setText(str(exc))
        else:
            self.button.setEnabled(True)
            self.message.setText(f"The profile could not be opened: {exc}")

    def _start_wait(self, seconds: float, why: str) -> None:
        self._why = why
        # a little longer than the key file's own wait, so the next try is never "too soon"
        self._wait_left = seconds + WAIT_MARGIN_S
        self._tick()
        self._wait.start()

    def _tick(self) -> None:
        if self._wait_left <= 0:
            self._wait.stop()
            self.button.setEnabled(True)
            self.message.setText(f"{self._why} Try again.")
            return
        self.button.setEnabled(False)
        self.message.setText(f"{self._why} Try again in {max(self._wait_left, 0.1):.0f} s.")
        self._wait_left -= self._wait.interval() / 1000

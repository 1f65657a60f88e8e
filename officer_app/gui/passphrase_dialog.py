"""Change the passphrase: the profile key is re-wrapped; the data is not rewritten."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from officer_app.gui.generated.ui_passphrase_dialog import Ui_PassphraseDialog
from officer_app.gui.task_runner import TaskRunner

MIN_LENGTH = 8


class ChangePassphraseDialog(QDialog):
    """Drawn in ui/passphrase_dialog.ui; the checks and the change itself are here."""

    def __init__(
        self,
        change: Callable[[str, str], None],
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_PassphraseDialog()
        self.ui.setupUi(self)
        self._change = change
        self._runner = runner
        self.old, self.new, self.again = self.ui.old, self.ui.new, self.ui.again
        self.message = self.ui.message
        self.buttons = self.ui.buttons
        self.ui.intro.setText(
            f"At least {MIN_LENGTH} characters; a short sentence is easier to remember and "
            "harder to guess than a word."
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Change passphrase")
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

    def submit(self) -> None:
        old, new = self.old.text(), self.new.text()
        if len(new) < MIN_LENGTH:
            self.message.setText(f"The new passphrase needs at least {MIN_LENGTH} characters.")
            return
        if new != self.again.text():
            self.message.setText("The two new passphrases differ.")
            return
        self.buttons.setEnabled(False)
        self.message.setText("Changing…")
        self._runner.run(lambda: self._change(old, new), self._done, self._failed)

    def _done(self, _result: object) -> None:
        self.buttons.setEnabled(True)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.message.setText(f"Not changed: {exc}")

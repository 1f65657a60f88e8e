"""Change the passphrase: the profile key is re-wrapped; the data is not rewritten."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from officer_app.gui.markup import plain_label
from officer_app.gui.task_runner import TaskRunner

MIN_LENGTH = 8


class ChangePassphraseDialog(QDialog):
    def __init__(
        self,
        change: Callable[[str, str], None],
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Change passphrase")
        self.setMinimumWidth(420)
        self._change = change
        self._runner = runner
        self.old = self._field("Current passphrase")
        self.new = self._field("New passphrase")
        self.again = self._field("New passphrase again")
        self.message = plain_label("")
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Message")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Change passphrase")
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("&Current", self.old)
        form.addRow("&New", self.new)
        form.addRow("&Again", self.again)
        layout = QVBoxLayout(self)
        intro = plain_label(
            f"At least {MIN_LENGTH} characters; a short sentence is easier to remember and "
            "harder to guess than a word."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    @staticmethod
    def _field(name: str) -> QLineEdit:
        field = QLineEdit()
        field.setEchoMode(QLineEdit.EchoMode.Password)
        field.setAccessibleName(name)
        return field

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

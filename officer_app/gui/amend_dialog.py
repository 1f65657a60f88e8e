"""Amend a signed entry: the original stays as it is; the correction is signed beside it."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from officer_app.gui.generated.ui_amend_dialog import Ui_AmendDialog
from officer_app.gui.markup import inform
from officer_app.services.dto import EntryInfo


class AmendDialog(QDialog):
    """Drawn in ui/amend_dialog.ui; the entry shown and the check are here."""

    def __init__(self, entry: EntryInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_AmendDialog()
        self.ui.setupUi(self)
        self.original, self.reason, self.text = self.ui.original, self.ui.reason, self.ui.text
        self.buttons = self.ui.buttons
        self.original.setPlainText(entry.body)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Sign amendment")
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)

    def _accept(self) -> None:
        if not self.reason.text().strip() or not self.text.toPlainText().strip():
            inform(self, "Amend", "Give the reason and the corrected text.")
            return
        self.accept()

"""A copy of a document as it was sent (a letter, a penalty notice), shown from memory."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from officer_app.gui.markup import plain_label
from officer_app.gui.pdf_preview import PdfPreview


class CopyViewer(QDialog):
    def __init__(
        self,
        title: str,
        data: bytes,
        sha256: str,
        *,
        on_print: Callable[[], None],
        on_save: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(760, 900)
        heading = plain_label(title)
        heading.setProperty("role", "section")
        heading.setWordWrap(True)
        proof = plain_label(
            f"The copy kept, checked against the SHA-256 recorded when it was sent: {sha256}"
        )
        proof.setProperty("role", "muted")
        proof.setWordWrap(True)
        self.preview = PdfPreview(self)
        self.pages = self.preview.show_pdf(data)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        print_button = QPushButton("P&rint…")
        print_button.clicked.connect(on_print)
        save_button = QPushButton("Save as &PDF…")
        save_button.clicked.connect(on_save)
        for button in (print_button, save_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(proof)
        layout.addWidget(self.preview, 1)
        layout.addWidget(buttons)

"""A copy of a document as it was sent (a letter, a penalty notice), shown from memory."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from officer_app.gui.markup import plain_label
from officer_app.gui.pdf_preview import PdfPreview

FRAME = QSize(16, 48)  # room for the window's frame and title bar


def fitted(wanted: QSize, parent: QWidget | None = None) -> QSize:
    """``wanted``, made no larger than the screen's free area (a laptop's 1366x728 with its
    taskbar): the pages scroll inside rather than the buttons going off the screen."""
    screen = parent.screen() if parent is not None else QGuiApplication.primaryScreen()
    if screen is None:
        return wanted
    room = screen.availableGeometry().size() - FRAME
    return wanted.boundedTo(room)


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
        self.resize(fitted(QSize(760, 680), parent))  # a laptop's 728 px less the frame
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
        buttons.setObjectName("copy_buttons")
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

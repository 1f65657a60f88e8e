"""A PDF shown in a window from memory (a letter's preview, a kept copy)."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QVBoxLayout, QWidget

from officer_app.gui.markup import plain_label


class PdfPreview(QWidget):
    """A PDF shown from memory: the bytes never touch the disk."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setAccessibleName("Preview of the letter")
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)
        self.placeholder = plain_label("Fill in the letter and press Preview.")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setProperty("role", "muted")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.placeholder, 1)
        layout.addWidget(self.view, 1)
        self.view.hide()
        # QPdfDocument reads from the buffer while it shows the pages: keep both alive
        self._bytes: QByteArray | None = None
        self._buffer: QBuffer | None = None

    def show_pdf(self, data: bytes) -> int:
        self.document.close()
        self._bytes = QByteArray(data)
        buffer = QBuffer(self)
        buffer.setData(self._bytes)
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        old, self._buffer = self._buffer, buffer
        self.document.load(buffer)
        if old is not None:
            old.deleteLater()
        self.placeholder.hide()
        self.view.show()
        return int(self.document.pageCount())

    def clear(self, message: str) -> None:
        self.document.close()
        self.view.hide()
        self.placeholder.setText(message)
        self.placeholder.show()

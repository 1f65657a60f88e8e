"""A PDF shown in a window from memory (a letter's preview, a kept copy)."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QVBoxLayout, QWidget

from officer_app.gui.markup import plain_label


class PdfPreview(QWidget):
    """A PDF shown from memory: the bytes never touch the disk."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        name: str = "Preview of the letter",
        placeholder: str = "Fill in the letter and press Preview.",
    ) -> None:
        super().__init__(parent)
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setAccessibleName(name)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)
        self.placeholder = plain_label(placeholder)
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


def first_page(data: bytes, box: int) -> QImage | None:
    """The first page of a PDF drawn in memory to fit a ``box`` x ``box`` square (a
    thumbnail), or None if the bytes are not a PDF Qt can read."""
    document = QPdfDocument()
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    try:
        document.load(buffer)
        if document.status() != QPdfDocument.Status.Ready or document.pageCount() < 1:
            return None
        page = document.pagePointSize(0)
        if page.width() <= 0 or page.height() <= 0:
            return None
        scale = box / max(page.width(), page.height())
        size = QSize(max(1, round(page.width() * scale)), max(1, round(page.height() * scale)))
        drawn = document.render(0, size)  # transparent where the page has no ink
        if drawn.isNull():
            return None
        page_image = QImage(size, QImage.Format.Format_RGB32)
        page_image.fill(QColor("white"))
        painter = QPainter(page_image)
        painter.drawImage(0, 0, drawn)
        painter.setPen(QColor("#9a9a9a"))
        painter.drawRect(0, 0, size.width() - 1, size.height() - 1)  # the page's edge
        painter.end()
        return page_image
    finally:
        document.close()
        buffer.close()

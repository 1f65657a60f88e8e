"""Print a PDF (made in memory) through the operating system's print dialog."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QWidget

DPI = 200


def print_pdf(
    data: bytes, title: str, parent: QWidget | None = None, printer: QPrinter | None = None
) -> int:
    """Show the print dialog and print every page; returns the pages printed (0: cancelled).

    The PDF never touches the disk here: it is read from memory by QPdfDocument and drawn
    page by page onto the printer.
    """
    printer = printer or QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(f"Print {title}")
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return 0
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready or document.pageCount() == 0:
        raise RuntimeError("the record could not be prepared for printing")
    count = document.pageCount()
    painter = QPainter()
    if not painter.begin(printer):
        raise RuntimeError("the printer could not be started")
    try:
        for page in range(count):
            if page:
                printer.newPage()
            points = document.pagePointSize(page)
            size = QSize(int(points.width() / 72 * DPI), int(points.height() / 72 * DPI))
            image = document.render(page, size)
            target = QRectF(printer.pageRect(QPrinter.Unit.DevicePixel))
            scale = min(target.width() / size.width(), target.height() / size.height())
            painter.drawImage(
                QRectF(target.x(), target.y(), size.width() * scale, size.height() * scale),
                image,
            )
    finally:
        painter.end()
        document.close()
    return count

"""An attachment opened in the window (issue 11 point 8): an image scaled to fit, a PDF page
by page, anything else named with Export…. The content is decrypted into memory only and
never written in clear to disk; Export… writes the officer's copy and is audited."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QImage, QPainter, QPaintEvent, QPixmap
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QDialog, QFileDialog, QSizePolicy, QWidget

from officer_app.gui.generated.ui_attachment_viewer import Ui_AttachmentViewer
from officer_app.gui.pdf_preview import PdfPreview
from officer_app.gui.task_runner import WRITES, TaskRunner
from officer_app.services.attachment_files import size_text
from officer_app.services.attachments import PDF, AttachmentInfo, AttachmentService

MAX_SIZE = QSize(1366, 728)  # the laptop with a taskbar: never larger


class ImageView(QWidget):
    """An image drawn scaled to fit the widget, its proportions kept (never enlarged)."""

    def __init__(self, image: QImage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pixmap = QPixmap.fromImage(image)
        self.setAccessibleName("The picture")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(120, 120)

    def sizeHint(self) -> QSize:
        return self.pixmap.size().boundedTo(QSize(900, 560))

    def drawn_rect(self) -> QRect:
        """Where the picture is drawn: scaled down to fit, centred."""
        size = self.pixmap.size()
        if size.width() > self.width() or size.height() > self.height():
            size = size.scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
        x = (self.width() - size.width()) // 2
        y = (self.height() - size.height()) // 2
        return QRect(x, y, size.width(), size.height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawPixmap(self.drawn_rect(), self.pixmap)
        painter.end()


class AttachmentViewer(QDialog):
    """Drawn in ui/attachment_viewer.ui; the content is put in its ``body``."""

    def __init__(
        self,
        info: AttachmentInfo,
        service: AttachmentService,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_AttachmentViewer()
        self.ui.setupUi(self)
        self.info = info
        self._service = service
        self._runner = runner
        self.image: ImageView | None = None
        self.pdf: PdfPreview | None = None
        self.pages = 0
        self.setWindowTitle(f"Attachment: {info.filename}")
        self.ui.title.setText(info.filename)
        self.ui.details.setText(f"{info.media_type}, {size_text(info.size)}; encrypted on disk")
        self.ui.message.setText("Decrypting…")
        self.ui.export_button.clicked.connect(self.choose_export)
        self.ui.buttons.rejected.connect(self.reject)
        self.setMaximumSize(MAX_SIZE)
        self._runner.run(lambda: service.view(info.id), self._show, self._failed)

    def _show(self, data: bytes) -> None:
        media = self.info.media_type
        if media.startswith("image/"):
            image = QImage.fromData(data)
            if not image.isNull():
                self.image = ImageView(image, self.ui.body)
                self.ui.body_layout.addWidget(self.image)
                self.image.show()
                self.ui.message.setText(
                    f"{image.width()} x {image.height()} pixels, scaled to fit the window."
                )
                return
        elif media == PDF:
            self.pdf = PdfPreview(self.ui.body, name="The document", placeholder="")
            self.ui.body_layout.addWidget(self.pdf)
            self.pdf.show()
            self.pages = self.pdf.show_pdf(data)
            if self.pdf.document.status() == QPdfDocument.Status.Ready and self.pages:
                self.ui.message.setText(
                    f"{self.pages} page{'s' * (self.pages != 1)}; scroll to read them all."
                )
                return
            self.pdf.clear("")
        self.ui.message.setText(
            f"{self.info.filename} cannot be shown here; use Export… to open a copy in "
            "another program."
        )

    def _failed(self, exc: BaseException) -> None:
        self.ui.message.setText(str(exc).splitlines()[0] if str(exc) else "Cannot be opened.")

    def choose_export(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self, "Export a copy of the attachment", self.info.filename
        )
        if chosen:
            self.export_to(Path(chosen))

    def export_to(self, target: Path) -> None:
        """Write a copy to ``target`` (on the writes lane: the export is audited)."""
        self.ui.export_button.setEnabled(False)
        self.ui.message.setText(f"Exporting to {target}…")

        def done(_info: AttachmentInfo) -> None:
            self.ui.export_button.setEnabled(True)
            self.ui.message.setText(f"Exported to {target} (recorded in the audit log).")

        def failed(exc: BaseException) -> None:
            self.ui.export_button.setEnabled(True)
            self._failed(exc)

        self._runner.run(
            lambda: self._service.export(self.info.id, target), done, failed, lane=WRITES
        )

"""A statement's PDF preview kept up with the typing: made on the task runner a moment after
the text stops changing, one at a time, and made again at once when the text changed while
it was being made (a preview of older text is never shown over newer)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from officer_app.gui.pdf_preview import PdfPreview
from officer_app.gui.task_runner import TaskRunner

DELAY_MS = 700

Job = Callable[[], tuple[bytes, int]]


class LivePreview(QObject):
    shown = Signal(int)  # the pages of the preview now shown

    def __init__(
        self, runner: TaskRunner, pdf: PdfPreview, job: Callable[[], Job], parent: QObject
    ) -> None:
        """``job()`` is asked on the GUI thread for the work that makes the PDF (bytes and
        pages) of the text as it stands; the work itself runs on the runner."""
        super().__init__(parent)
        self._runner = runner
        self._pdf = pdf
        self._job = job
        self.rendering = False
        self._again = False
        self.pages: int | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS)
        self._timer.timeout.connect(self.now)

    def soon(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    @property
    def idle(self) -> bool:
        return not self.rendering and not self._timer.isActive()

    def now(self) -> None:
        self._timer.stop()
        if self.rendering:
            self._again = True
            return
        self.rendering, self._again = True, False
        self._runner.owned_by(self).run(self._job(), self._made, self._failed)

    def _made(self, made: tuple[bytes, int]) -> None:
        self.rendering = False
        if self._again:
            self.now()
            return
        data, self.pages = made
        self._pdf.show_pdf(data)
        self.shown.emit(self.pages)

    def _failed(self, exc: BaseException) -> None:
        self.rendering = False
        if self._again:
            self.now()
            return
        self._pdf.clear(f"No preview: {exc}")

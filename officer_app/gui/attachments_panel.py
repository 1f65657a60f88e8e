"""Photos, scans and letters on a case: encrypted at rest, shown as thumbnails (an image
scaled, a PDF its first page), their names in full, opened in the window and exported as an
audited act (issue 11 point 8). Decrypted in memory only, never written in clear to disk.

Made to sit in a narrow side tab of the case page (about 360 px): the names wrap, and no
horizontal scroll bar cuts them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from officer_app.gui.attachment_viewer import AttachmentViewer
from officer_app.gui.markup import literal, no_accelerator, plain_label
from officer_app.gui.pdf_preview import first_page
from officer_app.gui.task_runner import WRITES, TaskRunner
from officer_app.services.attachment_files import size_text
from officer_app.services.attachments import PDF, AttachmentInfo, AttachmentService

THUMB = 72
THUMBNAIL_MAX_BYTES = 8 * 1024 * 1024  # larger files are listed without a picture
IMAGE_TYPES = "Photos and scans (*.jpg *.jpeg *.png *.gif *.bmp *.tif *.tiff *.pdf);;All files (*)"


def thumbnail(data: bytes, media_type: str) -> QIcon | None:
    """A small picture of an image or a PDF's first page, made in memory (never on disk)."""
    if media_type == PDF:
        page = first_page(data, THUMB)
        return None if page is None else QIcon(QPixmap.fromImage(page))
    if not media_type.startswith("image/"):
        return None
    image = QImage.fromData(data)
    if image.isNull():
        return None
    scaled = image.scaled(
        THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
    )
    return QIcon(QPixmap.fromImage(scaled))


def _pictured(info: AttachmentInfo) -> bool:
    return (info.media_type.startswith("image/") or info.media_type == PDF) and (
        info.size <= THUMBNAIL_MAX_BYTES
    )


class AttachmentsPanel(QWidget):
    def __init__(
        self,
        case_id: str,
        service: AttachmentService,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.case_id = case_id
        # (entry id, its description) when a chronology entry is selected: the photo is then
        # attached to that visit or note rather than to the case as a whole
        self.target: tuple[str, str] | None = None
        self._entry_titles: dict[str, str] = {}
        self._service = service
        self._runner = runner
        self._infos: list[AttachmentInfo] = []
        self.viewer: AttachmentViewer | None = None
        self.list = QListWidget()
        self.list.setAccessibleName("Attachments")
        self.list.setIconSize(QSize(THUMB, THUMB))
        self.list.setWordWrap(True)  # the names in full, never cut by a scroll bar
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.list.setMinimumHeight(THUMB + 12)
        self.list.itemActivated.connect(lambda _item: self.open_selected())
        self.list.itemSelectionChanged.connect(self._selection_changed)
        self.add_button = QPushButton("Attach a photo or scan…")
        self.add_button.setAccessibleName("Attach a photo or scan")
        self.add_button.clicked.connect(self.choose)
        self.open_button = QPushButton("&Open")
        self.open_button.setAccessibleName("Open the attachment in the window")
        self.open_button.clicked.connect(self.open_selected)
        self.export_button = QPushButton("E&xport…")
        self.export_button.setAccessibleName("Export a copy of the attachment")
        self.export_button.clicked.connect(self.choose_export)
        self.status = plain_label("")
        self.status.setProperty("role", "muted")
        self.status.setWordWrap(True)
        header = QHBoxLayout()
        title = plain_label("Attachments")
        title.setProperty("role", "section")
        header.addWidget(title)
        header.addStretch(1)
        actions = QHBoxLayout()
        actions.addWidget(self.open_button)
        actions.addWidget(self.export_button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self.list, 1)
        layout.addLayout(actions)
        layout.addWidget(self.add_button)
        layout.addWidget(self.status)
        self._selection_changed()
        self.reload()

    def reload(self) -> None:
        case_id, service = self.case_id, self._service

        def gather() -> list[tuple[AttachmentInfo, bytes | None]]:
            found = []
            for info in service.for_case(case_id):
                data = None
                if _pictured(info):
                    try:
                        data = service.read(info.id)
                    except Exception:  # a damaged file is listed, without its picture
                        data = None
                found.append((info, data))
            return found

        self._runner.run(
            gather, self._show, lambda exc: self.status.setText(f"Attachments not listed: {exc}")
        )

    def _show(self, found: list[tuple[AttachmentInfo, bytes | None]]) -> None:
        self.list.clear()
        self._infos = [info for info, _data in found]
        for info, data in found:
            label = f"{info.filename}\n{size_text(info.size)}"
            if info.entry_id and info.entry_id in self._entry_titles:
                label += f"\n↳ {self._entry_titles[info.entry_id]}"
            item = QListWidgetItem(label)
            icon = thumbnail(data, info.media_type) if data is not None else None
            if icon is not None:
                item.setIcon(icon)
            item.setToolTip(literal(f"{info.filename}\nSHA-256 {info.sha256}"))
            self.list.addItem(item)
        self.list.setVisible(bool(found))  # no empty box taking the people's room
        if not found:
            self.status.setText("No attachments yet.")
        else:
            self.status.setText(
                f"{len(found)} attachment{'s' * (len(found) != 1)}, encrypted; "
                "double-click one to open it"
            )
        self._selection_changed()

    def _selection_changed(self) -> None:
        chosen = self.selected() is not None
        self.open_button.setEnabled(chosen)
        self.export_button.setEnabled(chosen)

    def selected(self) -> AttachmentInfo | None:
        row = self.list.currentRow()
        if not self.list.selectedItems() or not 0 <= row < len(self._infos):
            return None
        return self._infos[row]

    def open_selected(self) -> AttachmentViewer | None:
        info = self.selected()
        return None if info is None else self.open_attachment(info)

    def open_attachment(self, info: AttachmentInfo) -> AttachmentViewer:
        """Show ``info`` in the viewer (decrypted in memory)."""
        if self.viewer is not None:
            self.viewer.close()
        self.viewer = AttachmentViewer(info, self._service, self._runner, self)
        self.viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.viewer.destroyed.connect(lambda _obj=None: setattr(self, "viewer", None))
        self.viewer.open()
        return self.viewer

    def choose_export(self) -> None:
        info = self.selected()
        if info is None:
            return
        chosen, _filter = QFileDialog.getSaveFileName(
            self, "Export a copy of the attachment", info.filename
        )
        if chosen:
            self.export(info, Path(chosen))

    def export(self, info: AttachmentInfo, target: Path) -> None:
        """Write a copy of ``info`` to ``target``; the export is recorded in the audit log."""
        self.status.setText(f"Exporting {info.filename}…")
        self._runner.run(
            lambda: self._service.export(info.id, target),
            lambda _info: self.status.setText(
                f"{info.filename} exported to {target} (recorded in the audit log)."
            ),
            lambda exc: self.status.setText(f"Not exported: {exc}"),
            lane=WRITES,
        )

    def choose(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, "Attach a photo or scan", "", IMAGE_TYPES)
        if path:
            self.attach(Path(path))

    def set_target(self, entry_id: str | None, title: str = "") -> None:
        """Attach new files to this chronology entry (None: to the case)."""
        self.target = (entry_id, title) if entry_id else None
        if entry_id:
            self._entry_titles[entry_id] = title
        self.add_button.setText(
            no_accelerator(f"Attach to “{title[:40]}”…") if entry_id else "Attach a photo or scan…"
        )

    def attach(self, path: Path) -> None:
        self.status.setText(f"Encrypting {path.name}…")
        entry_id = self.target[0] if self.target else None
        self._runner.run(
            lambda: self._service.add(self.case_id, path, entry_id=entry_id),
            lambda _info: self.reload(),
            self._failed,
        )

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(f"Not attached: {exc}")

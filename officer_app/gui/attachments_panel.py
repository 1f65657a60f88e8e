"""Photos and scans on a case: encrypted at rest, shown as thumbnails, decrypted in memory."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from officer_app.gui.markup import literal, no_accelerator, plain_label
from officer_app.gui.task_runner import TaskRunner
from officer_app.services.attachments import AttachmentInfo, AttachmentService

THUMB = 72
IMAGE_TYPES = "Photos and scans (*.jpg *.jpeg *.png *.gif *.bmp *.tif *.tiff *.pdf);;All files (*)"


def thumbnail(data: bytes, media_type: str) -> QIcon | None:
    """A small picture of an image attachment, made in memory (never written to disk)."""
    if not media_type.startswith("image/"):
        return None
    image = QImage.fromData(data)
    if image.isNull():
        return None
    scaled = image.scaled(
        THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
    )
    return QIcon(QPixmap.fromImage(scaled))


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
        self.list = QListWidget()
        self.list.setAccessibleName("Attachments")
        self.list.setIconSize(QSize(THUMB, THUMB))
        self.list.setMaximumHeight(THUMB + 12)
        self.add_button = QPushButton("Attach a photo or scan…")
        self.add_button.setAccessibleName("Attach a photo or scan")
        self.add_button.clicked.connect(self.choose)
        self.status = plain_label("")
        self.status.setProperty("role", "muted")
        self.status.setWordWrap(True)
        header = QHBoxLayout()
        title = plain_label("Attachments")
        title.setProperty("role", "section")
        header.addWidget(title)
        header.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self.list)
        layout.addWidget(self.add_button)
        layout.addWidget(self.status)
        self.reload()

    def reload(self) -> None:
        case_id, service = self.case_id, self._service

        def gather() -> list[tuple[AttachmentInfo, bytes | None]]:
            found = []
            for info in service.for_case(case_id):
                data = service.read(info.id) if info.media_type.startswith("image/") else None
                found.append((info, data))
            return found

        self._runner.run(gather, self._show, self._failed)

    def _show(self, found: list[tuple[AttachmentInfo, bytes | None]]) -> None:
        self.list.clear()
        for info, data in found:
            kb = max(1, info.size // 1024)
            label = f"{info.filename} ({kb} KB)"
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
            self.status.setText(f"{len(found)} attachment{'s' * (len(found) != 1)}, encrypted")

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

"""The case's evidence packs (issue 13, points 2 and 4), for its "Court" tab: each pack with
its reference, offence, period, pages, status (draft, approved, served), the day and way it
was served and its SHA-256; building a new one (:class:`~officer_app.gui.pack_builder.
PackBuilderDialog`), approving a draft, recording an approved pack as served, opening a pack's
pages, saving a copy with its manifest, and verifying a pack file against its manifest
(``PackService.verify_file``, as ``officer-app pack verify`` does).

Every service call runs on the task runner; what was refused is said in the panel's status
line in the service's own words.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from officer_app.domain.interview import Offence
from officer_app.gui.copy_viewer import fitted
from officer_app.gui.letter_dialog import style_banner
from officer_app.gui.markup import literal, plain_label
from officer_app.gui.pack_builder import PackBuilderDialog
from officer_app.gui.pack_dialogs import METHOD_WORDS, PackApproveDialog, PackServedDialog
from officer_app.gui.pdf_preview import PdfPreview
from officer_app.gui.task_runner import TaskRunner
from officer_app.services.packs import PackChoices, PackInfo, PackService
from officer_app.wording import long_date, short_date

HEADERS = ["Reference", "Offence", "Offence period", "Pages", "Status", "Served", "SHA-256"]
STATUS_WORDS = {"draft": "Draft", "approved": "Approved", "served": "Served"}
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
OFFENCE_SHORT = {Offence.S444_1.value: "s444(1)", Offence.S444_1A.value: "s444(1A)"}


def served_text(info: PackInfo) -> str:
    if info.served_on is None:
        return ""
    method = METHOD_WORDS.get(info.served_method, info.served_method).lower()
    return f"{short_date(info.served_on)}, {method}"


def status_text(info: PackInfo) -> str:
    word = STATUS_WORDS.get(info.status, info.status)
    if info.status == "approved" and info.approved_by:
        return f"{word} by {info.approved_by}"
    return word


def summary(info: PackInfo) -> str:
    """The selected pack in a few lines (plain text)."""
    lines = [
        f"{info.reference}: {Offence(info.offence).label}, for the period "
        f"{long_date(info.period_from)} to {long_date(info.period_to)}.",
        f"{info.pages} pages, {info.sections} documents; built by {info.built_by or 'an officer'}"
        f" on {long_date(info.built_at.date())}. Last day to lay the information: "
        f"{long_date(info.last_day)} (s127 Magistrates' Courts Act 1980).",
    ]
    if info.approved_by and info.approved_at:
        lines.append(f"Approved by {info.approved_by} on {long_date(info.approved_at.date())}.")
    if info.served_on:
        method = METHOD_WORDS.get(info.served_method, info.served_method).lower()
        lines.append(f"Served on {long_date(info.served_on)}, {method}: frozen.")
    lines.append(f"SHA-256 of the PDF: {info.sha256}")
    return "\n".join(lines)


class PackViewer(QDialog):
    """A pack's pages as kept on the case, shown from memory."""

    def __init__(
        self,
        info: PackInfo,
        data: bytes,
        on_save: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Evidence pack {info.reference}")
        self.resize(fitted(QSize(760, 680), parent))
        word = STATUS_WORDS.get(info.status, info.status).lower()
        heading = plain_label(f"Evidence pack {info.reference} ({word})")
        heading.setProperty("role", "section")
        proof = plain_label(
            "The pack as kept on the case, checked against the SHA-256 recorded when it was "
            f"built: {info.sha256}"
        )
        proof.setProperty("role", "muted")
        proof.setWordWrap(True)
        self.preview = PdfPreview(self, name="The pack's pages")
        self.pages = self.preview.show_pdf(data)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        save = QPushButton("&Save a copy…")
        save.setAccessibleName("Save the pack and its manifest as files")
        save.clicked.connect(on_save)
        buttons.addButton(save, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(proof)
        layout.addWidget(self.preview, 1)
        layout.addWidget(buttons)


class PacksPanel(QWidget):
    changed = Signal()  # a pack was built, approved or served

    def __init__(
        self,
        service: PackService,
        runner: TaskRunner,
        case_id: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.case_id = case_id
        self._service = service
        self._runner = runner
        self._tasks = runner.owned_by(self)  # nothing delivered once this is closed
        self.packs: list[PackInfo] = []
        self.loaded = False
        self.builder: PackBuilderDialog | None = None  # for tests
        self.approve_dialog: PackApproveDialog | None = None
        self.served_dialog: PackServedDialog | None = None
        self.viewer: PackViewer | None = None
        self.verified: list[str] | None = None  # the last verification's problems

        title = plain_label("Evidence packs")
        title.setProperty("role", "section")
        self.build_button = QPushButton("&Build a pack…")
        self.build_button.setAccessibleName("Build an evidence pack from this case")
        self.build_button.clicked.connect(self.open_builder)
        self.verify_button = QPushButton("&Verify a pack file…")
        self.verify_button.setAccessibleName("Check a pack file against its manifest")
        self.verify_button.clicked.connect(lambda: self.verify())
        header = QHBoxLayout()
        header.addWidget(title)
        header.addStretch(1)
        header.addWidget(self.verify_button)
        header.addWidget(self.build_button)

        self.table = QTableWidget(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.setAccessibleName("Evidence packs of this case")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setMinimumHeight(84)
        heads = self.table.horizontalHeader()
        heads.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        heads.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selected)
        self.table.itemActivated.connect(lambda _item: self.open_selected())

        self.open_button = QPushButton("&Open")
        self.open_button.setAccessibleName("Show the selected pack's pages")
        self.open_button.clicked.connect(self.open_selected)
        self.approve_button = QPushButton("&Approve…")
        self.approve_button.setAccessibleName("Approve the selected pack for service")
        self.approve_button.clicked.connect(self.approve_selected)
        self.served_button = QPushButton("Ser&ved…")
        self.served_button.setAccessibleName("Record the selected pack as served")
        self.served_button.clicked.connect(self.serve_selected)
        self.save_button = QPushButton("&Save a copy…")
        self.save_button.setAccessibleName("Save the selected pack and its manifest as files")
        self.save_button.clicked.connect(lambda: self.save_selected())
        actions = QHBoxLayout()
        for button in (self.open_button, self.approve_button, self.served_button, self.save_button):
            actions.addWidget(button)
        actions.addStretch(1)

        self.detail = plain_label("")
        self.detail.setWordWrap(True)
        self.detail.setAccessibleName("The selected pack")
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.verdict = plain_label("")  # a verification's answer
        self.verdict.setWordWrap(True)
        self.verdict.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.verdict.hide()
        self.status = plain_label("")
        self.status.setProperty("role", "muted")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(header)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(self.detail)
        layout.addWidget(self.verdict)
        layout.addWidget(self.status)
        self._selected()
        self.reload()

    # --- loading -------------------------------------------------------------------------
    def reload(self, select_id: str | None = None) -> None:
        service, case_id = self._service, self.case_id
        self._tasks.run(
            lambda: service.packs(case_id),
            lambda found: self._show(found, select_id),
            self._failed("Packs not read"),
        )

    def _show(self, packs: list[PackInfo], select_id: str | None = None) -> None:
        self.loaded = True
        selected = self.current()
        keep = select_id or (selected.id if selected else None)
        self.packs = packs
        self.table.setRowCount(len(packs))
        for row, info in enumerate(packs):
            cells = [
                info.reference,
                OFFENCE_SHORT.get(info.offence, info.offence),
                f"{short_date(info.period_from)} to {short_date(info.period_to)}",
                str(info.pages),
                status_text(info),
                served_text(info),
                info.sha256[:12] + "…",
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 1:
                    item.setToolTip(literal(Offence(info.offence).label))
                if col == 6:
                    item.setToolTip(literal(info.sha256))
                    item.setData(Qt.ItemDataRole.AccessibleTextRole, f"SHA-256 {info.sha256}")
                if col == 3:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, col, item)
        if packs:
            index = next((n for n, p in enumerate(packs) if p.id == keep), len(packs) - 1)
            self.table.selectRow(index)
        self._selected()

    def current(self) -> PackInfo | None:
        row = self.table.currentRow()
        if not self.table.selectedItems():
            return None
        return self.packs[row] if 0 <= row < len(self.packs) else None

    def _selected(self) -> None:
        info = self.current()
        status = info.status if info else ""
        self.open_button.setEnabled(info is not None)
        self.save_button.setEnabled(info is not None)
        self.approve_button.setEnabled(status == "draft")
        self.served_button.setEnabled(status == "approved")
        if info is None:
            self.detail.setText(
                "No evidence pack has been built for this case."
                if self.loaded and not self.packs
                else ""
            )
        else:
            self.detail.setText(summary(info))

    def _failed(self, what: str) -> Callable[[BaseException], None]:
        def failed(exc: BaseException) -> None:
            self.status.setText(f"{what}: {exc}")

        return failed

    def _changed(self, info: PackInfo, said: str) -> None:
        self.status.setText(said)
        self.reload(info.id)
        self.changed.emit()

    # --- building ------------------------------------------------------------------------
    def open_builder(self) -> None:
        service, case_id = self._service, self.case_id
        self.status.setText("Opening the pack builder…")
        self._tasks.run(
            lambda: service.choices(case_id),
            self._show_builder,
            self._failed("The pack builder cannot be opened"),
        )

    def _show_builder(self, choices: PackChoices) -> None:
        self.status.setText("")
        dialog = PackBuilderDialog(self._service, self._runner, choices, self)
        dialog.built.connect(
            lambda info: self._changed(
                info, f"Built {info.reference}: a draft of {info.pages} pages."
            )
        )
        self.builder = dialog
        dialog.open()

    # --- approving and serving -----------------------------------------------------------
    def approve_selected(self) -> None:
        info = self.current()
        if info is None or info.status != "draft":
            return
        service, case_id = self._service, self.case_id
        self._tasks.run(
            lambda: service.choices(case_id),
            lambda choices: self._show_approve(info, choices),
            self._failed("Cannot approve"),
        )

    def _show_approve(self, info: PackInfo, choices: PackChoices) -> None:
        dialog = PackApproveDialog(self._service, self._runner, info, choices.approvers, self)
        dialog.recorded.connect(
            lambda now: self._changed(now, f"{now.reference} approved by {now.approved_by}.")
        )
        self.approve_dialog = dialog
        dialog.open()

    def serve_selected(self) -> None:
        info = self.current()
        if info is None or info.status != "approved":
            return
        service, case_id = self._service, self.case_id
        self._tasks.run(
            lambda: service.choices(case_id),
            lambda choices: self._show_served(info, choices),
            self._failed("Cannot record the service"),
        )

    def _show_served(self, info: PackInfo, choices: PackChoices) -> None:
        dialog = PackServedDialog(self._service, self._runner, info, choices.today, self)
        dialog.recorded.connect(
            lambda now: self._changed(
                now, f"{now.reference} served on {long_date(now.served_on)}: it is now frozen."
            )
        )
        self.served_dialog = dialog
        dialog.open()

    # --- the pack's file -----------------------------------------------------------------
    def open_selected(self) -> None:
        info = self.current()
        if info is None:
            return
        service = self._service
        self.status.setText(f"Opening {info.reference}…")
        self._tasks.run(
            lambda: service.read_pdf(info.id),
            lambda data: self._show_viewer(info, data),
            self._failed("Cannot open the pack"),
        )

    def _show_viewer(self, info: PackInfo, data: bytes) -> None:
        self.status.setText("")
        viewer = PackViewer(info, data, lambda: self.save_selected(pack=info), self)
        self.viewer = viewer
        viewer.open()

    def save_selected(self, target: str | None = None, *, pack: PackInfo | None = None) -> None:
        """Save the pack as FILE.pdf with FILE.manifest.json beside it."""
        info = pack or self.current()
        if info is None:
            return
        if target is None:
            suggested = f"{info.reference.replace('/', '-')} evidence pack.pdf"
            target, _filter = QFileDialog.getSaveFileName(
                self, "Save a copy of the evidence pack", suggested, "PDF files (*.pdf)"
            )
        if not target:
            return
        service = self._service
        self._tasks.run(
            lambda: service.save_copy(info.id, Path(target)),
            lambda path: self.status.setText(
                f"Saved {path.name} and {path.stem}.manifest.json beside it, in {path.parent}."
            ),
            self._failed("Not saved"),
        )

    def verify(self, target: str | None = None) -> None:
        """Check a pack file against the manifest beside it (and that against the pack)."""
        if target is None:
            target, _filter = QFileDialog.getOpenFileName(
                self, "Verify an evidence pack file", "", "PDF files (*.pdf)"
            )
        if not target:
            return
        path = Path(target)
        self.status.setText(f"Checking {path.name}…")
        self._tasks.run(
            lambda: self._service.verify_file(path),
            lambda problems: self._verified(path, problems),
            self._failed("Not checked"),
        )

    def _verified(self, path: Path, problems: list[str]) -> None:
        self.verified = problems
        self.status.setText("")
        if problems:
            style_banner(self.verdict)
            self.verdict.setText(
                f"{path.name} does not match its manifest:\n"
                + "\n".join(f"• {p}" for p in problems)
            )
        else:
            self.verdict.setStyleSheet("")
            self.verdict.setText(
                f"{path.name} is the pack its manifest describes, byte for byte "
                f"({path.stem}.manifest.json beside it)."
            )
        self.verdict.show()

"""The conflicts view: each edit the central store could not merge, with the field, both
values, who and when; "Keep theirs", "Keep mine" or "Merge" (the value edited) resolves it,
and the resolution goes up on the next sync round."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from officer_app.gui.markup import literal, plain_label
from officer_app.gui.task_runner import WRITES, TaskRunner
from officer_app.services.sync_status import ConflictView, SyncStatusService


def _value(value: Any) -> str:
    if value is None or value == "":
        return "(empty)"
    return str(value)


def _field(name: str) -> str:
    return name.replace("_", " ").capitalize()


def _when(at: str) -> str:
    return at[:16].replace("T", " ") if at else "unknown time"


class SyncConflictsDialog(QDialog):
    resolved = Signal(str)  # the conflict id, once its resolution is written here

    def __init__(
        self,
        status: SyncStatusService,
        runner: TaskRunner,
        case_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Sync conflicts" + (" on this case" if case_id else ""))
        self.status = status
        self.runner = runner.owned_by(self)
        self.case_id = case_id
        self.conflicts: list[ConflictView] = []
        self.loaded = False
        self.list = QListWidget()
        self.list.setAccessibleName("Conflicts")
        self.list.currentRowChanged.connect(self._show)
        self.intro = plain_label("Loading…")
        self.intro.setWordWrap(True)
        self.field = plain_label("")
        self.theirs = plain_label("")
        self.theirs.setWordWrap(True)
        self.theirs.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.mine = plain_label("")
        self.mine.setWordWrap(True)
        self.mine.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.merged = QPlainTextEdit()
        self.merged.setAccessibleName("Merged value")
        self.merged.setMaximumHeight(90)
        self.note = plain_label("")
        self.note.setWordWrap(True)
        self.keep_theirs = QPushButton("Keep &theirs")
        self.keep_mine = QPushButton("Keep &mine")
        self.merge = QPushButton("&Merge (as edited)")
        self.keep_theirs.clicked.connect(lambda: self._resolve("theirs"))
        self.keep_mine.clicked.connect(lambda: self._resolve("mine"))
        self.merge.clicked.connect(lambda: self._resolve("merge"))

        form = QFormLayout()
        form.addRow("Field", self.field)
        form.addRow("Theirs", self.theirs)
        form.addRow("Mine", self.mine)
        form.addRow("Merged", self.merged)
        actions = QHBoxLayout()
        for button in (self.keep_theirs, self.keep_mine, self.merge):
            actions.addWidget(button)
        actions.addStretch(1)
        detail = QVBoxLayout()
        detail.addLayout(form)
        detail.addWidget(self.note)
        detail.addLayout(actions)
        detail.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.list, 2)
        body.addLayout(detail, 3)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(body, 1)
        layout.addWidget(close)
        self.resize(820, 420)
        self._enable(None)
        self.reload()

    def reload(self) -> None:
        case_id = self.case_id
        self.runner.run(lambda: self.status.conflicts(case_id), self._loaded, self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.intro.setText(f"The conflicts could not be read: {exc}")
        self.loaded = True

    def _loaded(self, conflicts: list[ConflictView]) -> None:
        self.conflicts = conflicts
        self.loaded = True
        self.list.clear()
        for c in conflicts:
            mark = " (resolved, waiting to sync)" if c.waiting else ""
            where = c.entity_type.replace("_", " ")
            item = QListWidgetItem(f"{_field(c.field) or c.kind} on the {where}{mark}")
            item.setToolTip(literal(f"{c.entity_type} {c.entity_id}"))
            self.list.addItem(item)
        self.intro.setText(
            "No open conflicts."
            if not conflicts
            else "Someone else changed the same thing while you were offline. "
            "Choose which value stands, or edit a merged one; it is sent on the next sync."
        )
        if conflicts:
            self.list.setCurrentRow(0)
        else:
            self._enable(None)

    def current(self) -> ConflictView | None:
        row = self.list.currentRow()
        return self.conflicts[row] if 0 <= row < len(self.conflicts) else None

    def _show(self, _row: int) -> None:
        c = self.current()
        self._enable(c)
        if c is None:
            return
        self.field.setText(_field(c.field) or c.kind)
        self.theirs.setText(f"{_value(c.theirs)}  — {c.their_name}, {_when(c.their_at)}")
        self.mine.setText(f"{_value(c.mine)}  — {c.my_name}, {_when(c.my_at)}")
        self.merged.setPlainText("" if c.mine is None else str(c.mine))
        if not c.resolvable:
            self.note.setText("This conflict cannot be settled here: ask your supervisor.")
        elif c.waiting:
            self.note.setText("Resolved here; the choice is sent on the next sync.")
        else:
            self.note.setText("")

    def _enable(self, c: ConflictView | None) -> None:
        ok = c is not None and c.resolvable and not c.waiting
        texts = c is not None and all(isinstance(v, str | None) for v in (c.mine, c.theirs))
        for button in (self.keep_theirs, self.keep_mine):
            button.setEnabled(ok)
        self.merge.setEnabled(bool(ok and texts))
        self.merged.setEnabled(bool(ok and texts))

    def _resolve(self, how: str) -> None:
        c = self.current()
        if c is None or not c.resolvable or c.waiting:
            return
        value = {"theirs": c.theirs, "mine": c.mine}.get(how, self.merged.toPlainText())
        for button in (self.keep_theirs, self.keep_mine, self.merge):
            button.setEnabled(False)
        conflict_id = c.conflict_id

        def done(_none: None) -> None:
            self.resolved.emit(conflict_id)
            self.reload()

        self.runner.run(
            lambda: self.status.resolve(conflict_id, value), done, self._failed, lane=WRITES
        )

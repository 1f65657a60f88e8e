"""The side of the record screen: the plan beside the record while the interview runs, and
the closing once it has ended.

- :class:`PlanPanel`: the plan's topics as a checklist (the ticks are kept in
  ``topics_covered``), the significant statements to put (PACE Code C 11.4: put at the start,
  the reply recorded) and the documents to show, each with its exhibit label.
- :class:`ClosingPanel`: the closing of PACE Code C 11.11: the person is invited to read the
  record (or has it read to them); what they disagree with is added as an addendum, never an
  edit; they sign it as correct or refuse (in their words); the officers sign; then the
  record is sealed.

Neither records anything itself: each hands the window what the officer chose, and the window
stamps and checks it (``domain.interview.InterviewRecord.add``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from officer_app.domain.interview import CAUTION, Event, EventKind, InterviewRecord, clock_time
from officer_app.gui.markup import literal, no_accelerator, plain_label
from officer_app.services.interview_rows import PlannedDocument, PlannedStatement, PlannedTopic

DataRole = Qt.ItemDataRole.UserRole + 1
SIDE_WIDTH = 400


def _heading(text: str) -> QWidget:
    label = plain_label(text)
    label.setProperty("role", "section")
    return label


def _list(name: str, rows: int) -> QListWidget:
    view = QListWidget()
    view.setAccessibleName(name)
    view.setWordWrap(True)
    view.setTextElideMode(Qt.TextElideMode.ElideNone)
    view.setMaximumHeight(rows * 30 + 8)
    return view


class PlanPanel(QWidget):
    """The plan's topics, statements and documents beside the record."""

    topics_changed = Signal()
    put_requested = Signal(object)  # PlannedStatement
    show_requested = Signal(object)  # PlannedDocument

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.topics = _list("Topics of the plan: tick each one covered", 7)
        self.topics.itemChanged.connect(lambda _item: self.topics_changed.emit())
        self.statements = _list("Significant statements to put", 4)
        self.statements.itemActivated.connect(lambda _item: self.put_selected())
        self.put_button = QPushButton("Put to them (F9)")
        self.put_button.setAccessibleName("Put the selected significant statement")
        self.put_button.clicked.connect(self.put_selected)
        self.documents = _list("Documents to show", 4)
        self.documents.itemActivated.connect(lambda _item: self.show_selected())
        self.show_button = QPushButton("Show this exhibit")
        self.show_button.setAccessibleName("Show the selected document")
        self.show_button.clicked.connect(self.show_selected)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(_heading("Topics (tick when covered)"))
        layout.addWidget(self.topics)
        layout.addWidget(_heading("Significant statements to put"))
        layout.addWidget(self.statements)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.put_button)
        layout.addLayout(row)
        layout.addWidget(_heading("Documents to show"))
        layout.addWidget(self.documents)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.show_button)
        layout.addLayout(row)
        layout.addStretch(1)

    # -- filling --------------------------------------------------------------------------
    def set_plan(
        self,
        topics: Sequence[PlannedTopic],
        covered: Sequence[str],
        statements: Sequence[PlannedStatement],
        documents: Sequence[PlannedDocument],
    ) -> None:
        self.topics.blockSignals(True)
        self.topics.clear()
        for topic in topics:
            item = QListWidgetItem(topic.label)
            item.setData(DataRole, topic.key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = topic.key in covered
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            if topic.source:
                item.setToolTip(literal(topic.source))
            self.topics.addItem(item)
        self.topics.blockSignals(False)
        self.statements.clear()
        for statement in statements:
            item = QListWidgetItem()
            item.setData(DataRole, statement)
            self.statements.addItem(item)
        self.statements.setCurrentRow(0)
        self.put_button.setEnabled(bool(statements))
        self.documents.clear()
        for document in documents:
            item = QListWidgetItem()
            item.setData(DataRole, document)
            self.documents.addItem(item)
        self.documents.setCurrentRow(0)
        self.show_button.setEnabled(bool(documents))
        self.mark(())

    def mark(self, events: Sequence[Event]) -> None:
        """Say beside each statement and document when it was put or shown."""
        start = events[0].at if events else None
        put = {e.text: e.at for e in events if e.kind is EventKind.STATEMENT}
        shown = {e.ref: e.at for e in events if e.kind is EventKind.EXHIBIT}
        for row in range(self.statements.count()):
            item = self.statements.item(row)
            statement: PlannedStatement = item.data(DataRole)
            said = f" (said {statement.said_on})" if statement.said_on else ""
            at = put.get(statement.text)
            done = f"✔ put at {clock_time(at, since=start)}: " if at else ""
            item.setText(f'{done}"{statement.text}"{said}')
        for row in range(self.documents.count()):
            item = self.documents.item(row)
            document: PlannedDocument = item.data(DataRole)
            at = shown.get(document.exhibit)
            done = f"✔ shown at {clock_time(at, since=start)}: " if at else ""
            item.setText(f"{done}{document.exhibit or '(no label)'} {document.title}")

    def covered(self) -> list[str]:
        return [
            str(self.topics.item(row).data(DataRole))
            for row in range(self.topics.count())
            if self.topics.item(row).checkState() == Qt.CheckState.Checked
        ]

    # -- acting ---------------------------------------------------------------------------
    def put_selected(self) -> None:
        item = self.statements.currentItem()
        if item is not None:
            self.put_requested.emit(item.data(DataRole))

    def show_selected(self) -> None:
        item = self.documents.currentItem()
        if item is not None:
            self.show_requested.emit(item.data(DataRole))


Add = Callable[..., bool]  # add(kind, **fields) -> whether the record took it


class ClosingPanel(QWidget):
    """The closing, step by step; each button records one event through ``add``."""

    seal_requested = Signal()

    def __init__(self, add: Add, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._add = add
        self.read_self = self._button("They read it themselves", "read_self")
        self.read_to = self._button("It was read to them", "read_to")
        self.read_self.clicked.connect(lambda: self._add(EventKind.READ, by="self"))
        self.read_to.clicked.connect(lambda: self._add(EventKind.READ, by="read_to"))
        self.addendum = QPlainTextEdit()
        self.addendum.setTabChangesFocus(True)
        self.addendum.setFixedHeight(70)
        self.addendum.setAccessibleName("What they disagree with, in their words")
        self.addendum.setPlaceholderText("What they disagree with, in their words")
        self.add_addendum = self._button("Add as a disagreement (addendum)", "addendum")
        self.add_addendum.clicked.connect(self._addendum)
        self.words = QLineEdit()
        self.words.setMaxLength(500)
        self.words.setAccessibleName("Their words if they refuse to sign")
        self.words.setPlaceholderText("Their words, if they refuse")
        self.signed = self._button("Signed as correct", "interviewee_signed")
        self.refused = self._button("Refused to sign", "interviewee_refused")
        self.signed.clicked.connect(lambda: self._sign("interviewee", True))
        self.refused.clicked.connect(lambda: self._sign("interviewee", False))
        self.interviewer = self._button("Interviewer signs", "interviewer_signs")
        self.interviewer.clicked.connect(lambda: self._sign("interviewer", True))
        self.second = self._button("Second officer signs", "second_signs")
        self.second.clicked.connect(lambda: self._sign("second", True))
        self.seal = self._button("Seal record", "seal")
        self.seal.setProperty("primary", True)
        self.seal.clicked.connect(self.seal_requested.emit)
        self.missing = plain_label("")
        self.missing.setWordWrap(True)
        self.missing.setProperty("role", "muted")
        self.missing.setAccessibleName("Still to do before sealing")
        self.result = plain_label("")
        self.result.setWordWrap(True)
        self.result.setAccessibleName("Sealed record")
        self.result.setStyleSheet("font-size: 15pt; font-weight: bold; color: #0f5132;")
        self.result.hide()

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 6, 0)
        layout.addWidget(_heading("1. Invite them to read the record"))
        layout.addLayout(self._row(self.read_self, self.read_to))
        layout.addWidget(_heading("2. What they disagree with (never an edit)"))
        layout.addWidget(self.addendum)
        layout.addLayout(self._row(self.add_addendum))
        layout.addWidget(_heading("3. The person interviewed signs or refuses"))
        layout.addWidget(self.words)
        layout.addLayout(self._row(self.signed, self.refused))
        layout.addWidget(_heading("4. The officers sign"))
        layout.addLayout(self._row(self.interviewer))
        layout.addLayout(self._row(self.second))
        layout.addWidget(self.missing)
        layout.addLayout(self._row(self.seal))
        layout.addWidget(self.result)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def _button(self, text: str, key: str) -> QPushButton:
        button = QPushButton(no_accelerator(text))
        button.setObjectName(key)
        button.setAccessibleName(text)
        return button

    def _row(self, *buttons: QPushButton) -> QHBoxLayout:
        row = QHBoxLayout()
        for button in buttons:
            row.addWidget(button)
        row.addStretch(1)
        return row

    def _addendum(self) -> None:
        if self._add(EventKind.ADDENDUM, text=self.addendum.toPlainText().strip()):
            self.addendum.clear()

    def _sign(self, by: str, signed: bool) -> None:
        words = self.words.text().strip() if by == "interviewee" and not signed else ""
        self._add(EventKind.SIGNATURE, by=by, flag=signed, text=words)

    def refresh(
        self,
        record: InterviewRecord,
        *,
        interviewer: str,
        second: str,
        sealed: str = "",
    ) -> None:
        """Enable what may come next; name the officers; say what is still missing."""
        read = record.count(EventKind.READ) > 0
        person = record.signature("interviewee") is not None
        self.interviewer.setText(no_accelerator(f"Interviewer signs: {interviewer}"))
        self.second.setText(no_accelerator(f"Second officer signs: {second}"))
        self.second.setVisible(bool(second))
        done = bool(sealed)
        self.read_self.setEnabled(not read and not done)
        self.read_to.setEnabled(not read and not done)
        for widget in (self.addendum, self.add_addendum, self.words, self.signed, self.refused):
            widget.setEnabled(read and not person and not done)
        self.interviewer.setEnabled(person and record.signature("interviewer") is None and not done)
        self.second.setEnabled(person and record.signature("second") is None and not done)
        missing = record.missing_for_seal(second_officer=bool(second))
        self.seal.setEnabled(not missing and not done)
        self.missing.setText(
            ""
            if done
            else ("Still to do: " + "; ".join(missing) + ".")
            if missing
            else "Ready to seal."
        )
        self.result.setVisible(done)
        self.result.setText(f"Sealed as exhibit {sealed}" if done else "")


def caution_prompt_text() -> str:
    return (
        "Say the caution in these exact words (PACE Code C 10.5):\n\n"
        f"\u201c{CAUTION}\u201d\n\nDid the person say they understood?"
    )


def kwargs_of(event: Event) -> dict[str, Any]:
    """An event's fields other than its kind and time (to stamp it again)."""
    return {
        "text": event.text,
        "by": event.by,
        "flag": event.flag,
        "reason": event.reason,
        "response": event.response,
        "ref": event.ref,
    }

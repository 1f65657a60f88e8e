"""The case's witness statements (issue 13 points 1 and 4), for the case's Court tab: each
statement with its witness, kind, status, latest version, pages and the day it was signed;
a new officer's statement drafted from the case (the period checked first), another
witness's typed in, and any of them opened in :class:`StatementEditor`.

Every service call runs on the task runner; :attr:`StatementsPanel.changed` follows a save
or a signing, so the chronology and the packs can refresh.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from officer_app.gui.dates import pydate
from officer_app.gui.markup import plain_label
from officer_app.gui.statement_dialogs import StatementPeriodDialog, WitnessDialog
from officer_app.gui.statement_editor import StatementEditor
from officer_app.gui.statement_text import NewStatement
from officer_app.gui.task_runner import TaskRunner
from officer_app.services.statements import (
    NoRegister,
    StatementDraft,
    StatementInfo,
    StatementService,
)
from officer_app.wording import short_date

HEADERS = ["Witness", "Kind", "Status", "Version", "Pages", "Signed"]
KIND_WORDS = {"officer": "Officer", "other": "Other witness"}


def cells(info: StatementInfo) -> list[str]:
    return [
        f"{info.witness_name} ({info.occupation})" if info.occupation else info.witness_name,
        KIND_WORDS.get(info.witness_kind, info.witness_kind),
        "Signed" if info.signed else "Draft",
        str(info.latest_version),
        str(info.pages) if info.pages else "",
        short_date(info.signed_on) if info.signed_on else "",
    ]


class StatementsPanel(QWidget):
    changed = Signal()  # a statement saved or signed

    def __init__(
        self,
        service: StatementService,
        runner: TaskRunner,
        case_id: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.case_id = case_id
        self._service = service
        self._runner = runner
        self._tasks = runner.owned_by(self)  # nothing delivered once this is closed
        self.statements: list[StatementInfo] = []
        self.loaded = False
        self.editor: StatementEditor | None = None  # the one opened last (for tests)
        self.period_dialog: StatementPeriodDialog | None = None
        self.witness_dialog: WitnessDialog | None = None

        title = plain_label("Witness statements")
        title.setProperty("role", "section")
        self.officer_button = QPushButton("New &officer statement…")
        self.officer_button.setAccessibleName("Draft your statement from the case")
        self.officer_button.clicked.connect(self.new_officer_statement)
        self.witness_button = QPushButton("New &witness statement…")
        self.witness_button.setAccessibleName("Type in another witness's statement")
        self.witness_button.clicked.connect(self.new_witness_statement)
        header = QHBoxLayout()
        header.addWidget(title)
        header.addStretch(1)
        header.addWidget(self.officer_button)
        header.addWidget(self.witness_button)

        self.table = QTableWidget(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.setAccessibleName("Witness statements on this case")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setMinimumHeight(84)
        heads = self.table.horizontalHeader()
        heads.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        heads.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selected)
        self.table.itemActivated.connect(lambda _item: self.open_selected())

        self.open_button = QPushButton("O&pen…")
        self.open_button.setAccessibleName("Open the selected statement")
        self.open_button.clicked.connect(self.open_selected)
        actions = QHBoxLayout()
        actions.addWidget(self.open_button)
        actions.addStretch(1)
        self.status = plain_label("")
        self.status.setProperty("role", "muted")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(header)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(self.status)
        self._selected()
        self.reload()

    # --- the list -------------------------------------------------------------------------
    def reload(self, select_id: str | None = None) -> None:
        service, case_id = self._service, self.case_id
        self._tasks.run(
            lambda: service.statements(case_id),
            lambda found: self._show(found, select_id),
            self._failed("Statements not read"),
        )

    def _show(self, statements: list[StatementInfo], select_id: str | None = None) -> None:
        self.loaded = True
        selected = self.current()
        keep = select_id or (selected.id if selected else None)
        self.statements = statements
        self.table.setRowCount(len(statements))
        for row, info in enumerate(statements):
            for col, text in enumerate(cells(info)):
                item = QTableWidgetItem(text)
                if col >= 3:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, col, item)
        if statements:
            index = next((n for n, s in enumerate(statements) if s.id == keep), len(statements) - 1)
            self.table.selectRow(index)
        elif not self.status.text():
            self.status.setText("No witness statement on this case yet.")
        self._selected()

    def current(self) -> StatementInfo | None:
        row = self.table.currentRow()
        if not self.table.selectedItems():
            return None
        return self.statements[row] if 0 <= row < len(self.statements) else None

    def _selected(self) -> None:
        info = self.current()
        self.open_button.setEnabled(info is not None)
        self.open_button.setText("&Read…" if info is not None and info.signed else "O&pen…")

    def _failed(self, what: str) -> Callable[[BaseException], None]:
        def failed(exc: BaseException) -> None:
            self.officer_button.setEnabled(True)
            self.status.setText(f"{what}: {exc}")

        return failed

    # --- the editor -----------------------------------------------------------------------
    def open_selected(self) -> None:
        info = self.current()
        if info is not None:
            self.open_statement(info.id)

    def open_statement(self, statement_id: str) -> None:
        service = self._service
        self._tasks.run(
            lambda: service.statement(statement_id),
            lambda info: self._open_editor(info=info),
            self._failed("The statement cannot be opened"),
        )

    def _open_editor(
        self, *, info: StatementInfo | None = None, new: NewStatement | None = None
    ) -> None:
        editor = StatementEditor(self._service, self._runner, info=info, new=new, parent=self)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.saved.connect(self._saved)
        self.editor = editor
        editor.open()

    def _saved(self, info: StatementInfo) -> None:
        verb = "Signed" if info.signed else f"Saved version {info.latest_version} of"
        self.status.setText(f"{verb} the statement of {info.witness_name}.")
        self.reload(info.id)
        self.changed.emit()

    # --- new statements ---------------------------------------------------------------------
    def new_officer_statement(self) -> None:
        """Draft from the case with its own period; the officer checks the period first."""
        service, case_id = self._service, self.case_id
        self.officer_button.setEnabled(False)
        self.status.setText("Drafting your statement from the case…")

        def work() -> tuple[StatementDraft | None, str, StatementInfo | None]:
            mine = service.latest_for_officer(case_id)
            try:
                return service.draft_for_officer(case_id), "", mine
            except NoRegister as exc:
                return None, str(exc), mine

        self._tasks.run(
            work,
            lambda made: self._ask_period(*made),
            self._failed("Not drafted"),
        )

    def _ask_period(
        self, draft: StatementDraft | None, problem: str, mine: StatementInfo | None
    ) -> None:
        self.officer_button.setEnabled(True)
        self.status.setText("")
        if mine is not None and not mine.signed:
            problem = (
                f"You already have a draft statement on this case (version "
                f"{mine.latest_version}): this makes another. To go on with that one, "
                "open it from the list." + (f"\n\n{problem}" if problem else "")
            )
        if draft is not None:
            first, last, source = draft.period_from, draft.period_to, draft.period_source
        else:
            today = pydate(QDate.currentDate())
            first, last, source = today - dt.timedelta(days=70), today, "chosen"
        dialog = StatementPeriodDialog(first, last, source, problem=problem, parent=self)
        dialog.accepted.connect(lambda: self._period_chosen(dialog, draft))
        self.period_dialog = dialog
        dialog.open()

    def _period_chosen(self, dialog: StatementPeriodDialog, draft: StatementDraft | None) -> None:
        if draft is not None and not dialog.chosen():
            self._open_editor(new=NewStatement.from_draft(draft))
            return
        first, last = dialog.period()
        service, case_id = self._service, self.case_id
        self.officer_button.setEnabled(False)
        self.status.setText("Drafting your statement for the period chosen…")

        def drafted(made: StatementDraft) -> None:
            self.officer_button.setEnabled(True)
            self.status.setText("")
            self._open_editor(new=NewStatement.from_draft(made))

        self._tasks.run(
            lambda: service.draft_for_officer(case_id, period_from=first, period_to=last),
            drafted,
            self._failed("Not drafted"),
        )

    def new_witness_statement(self) -> None:
        dialog = WitnessDialog(self)
        dialog.accepted.connect(lambda: self._witness_chosen(dialog))
        self.witness_dialog = dialog
        dialog.open()

    def _witness_chosen(self, dialog: WitnessDialog) -> None:
        name, occupation, age = dialog.witness()
        self._open_editor(
            new=NewStatement(
                case_id=self.case_id,
                witness_kind="other",
                witness_name=name,
                occupation=occupation,
                age_text=age,
            )
        )
        if self.editor is not None:
            self.editor.add_paragraph()
        self.status.setText(f"Type {name}'s statement in numbered paragraphs, then save a version.")

"""The caseload tab: the filter bar, the count of cases shown and the caseload table."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from officer_app.domain.stages import Stage
from officer_app.gui import caseload_table as ct
from officer_app.gui.markup import literal, plain_label
from officer_app.services.dto import CaseRow

# Column widths: RAG to Risk (and Officer with all cases) fit a 1366 px laptop screen with
# no horizontal scrolling; School, Year, Reference and the contact date follow to the right.
# Born is in the child's tooltip.
WIDTHS = {
    ct.COL_RAG: 56, ct.COL_WHY: 250, ct.COL_CHILD: 144, ct.COL_ATTENDANCE: 96,
    ct.COL_STAGE: 140, ct.COL_NEXT_ACTION: 210, ct.COL_DUE: 150, ct.COL_DAYS: 54,
    ct.COL_RISK: 66, ct.COL_OFFICER: 130, ct.COL_SCHOOL: 140, ct.COL_YEAR: 50,
    ct.COL_REFERENCE: 124, ct.COL_LAST_CONTACT: 100, ct.COL_DOB: 100,
}  # fmt: skip


class CaseloadPage(QWidget):
    """The scope (my cases or all, closed shown or not), filter bar, count and the table.

    The scope is kept on the page, so it lasts the session: locking and unlocking again, or
    a refresh, keep the officer's choice."""

    open_case = Signal(str)

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._me: str | None = None  # the signed-in officer
        self._scope_chosen = False  # the officer picked a scope: never changed for them
        self.model = ct.CaseloadModel(today, self)
        self.proxy = ct.CaseloadFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.search = QLineEdit()
        self.search.setPlaceholderText("Search names, references, addresses, notes… (Ctrl+F)")
        self.search.setAccessibleName("Search the caseload")
        self.search.setClearButtonEnabled(True)
        self.stage = self._combo("Stage", "All stages")
        self.school = self._combo("School", "All schools")
        self.officer = self._combo("Officer", "All officers")
        self.rag = self._combo("RAG", "All RAG")
        for value, label in (("red", "Red"), ("amber", "Amber"), ("green", "Green")):
            self.rag.addItem(label, value)
        for stage in Stage:
            self.stage.addItem(stage.label, stage.value)
        self.mine = QRadioButton("My cases")
        self.mine.setToolTip("Only the cases allocated to you (Alt+M)")
        self.everyone = QRadioButton("All cases")
        self.everyone.setToolTip("Every officer's cases in this profile (Alt+A)")
        self.scope = QButtonGroup(self)
        for key, button in ((Qt.Key.Key_M, self.mine), (Qt.Key.Key_A, self.everyone)):
            button.setShortcut(Qt.KeyboardModifier.AltModifier | key)
            self.scope.addButton(button)
        self.mine.setChecked(True)
        self.show_closed = QCheckBox("Show closed")
        self.show_closed.setToolTip("Show closed cases as well as open ones")
        self.count = plain_label("")
        self.count.setProperty("role", "muted")
        self.count.setAccessibleName("Number of cases shown")

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setAccessibleName("Caseload")
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(ct.COL_RAG, Qt.SortOrder.AscendingOrder)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for col, width in WIDTHS.items():
            self.table.setColumnWidth(col, width)
        self.table.setColumnHidden(ct.COL_DOB, True)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.table.doubleClicked.connect(self._activated)
        self.table.activated.connect(self._activated)

        bar = QHBoxLayout()
        bar.addWidget(self.mine)
        bar.addWidget(self.everyone)
        bar.addWidget(self.show_closed)
        bar.addSpacing(8)
        bar.addWidget(self.search, 3)
        for combo in (self.stage, self.school, self.officer, self.rag):
            bar.addWidget(combo, 1)  # "All stages", "All schools"…: each says what it filters
        bar.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)

        for combo in (self.stage, self.school, self.officer, self.rag):
            combo.currentIndexChanged.connect(self._filters_changed)
        self.scope.buttonClicked.connect(self._scope_clicked)
        self.show_closed.toggled.connect(self._scope_changed)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)

    def _combo(self, name: str, first: str) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(f"Filter by {name.lower()}")
        combo.addItem(first, None)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(10)
        return combo

    def set_rows(self, rows: list[CaseRow], today: dt.date, me: str | None = None) -> None:
        """Show ``rows``; ``me``: the signed-in officer, whose cases "My cases" shows. Until
        the officer picks a scope, one with no open cases of their own (a supervisor, say)
        starts on all cases."""
        if me is not None:
            self._me = me
        if not self._scope_chosen and self._me is not None:
            has_own = any(r.officer_id == self._me and r.status != "closed" for r in rows)
            (self.mine if has_own else self.everyone).setChecked(True)
        self.model.set_rows(rows, today)
        for combo, values in (
            (self.school, sorted({(r.school, r.school) for r in rows if r.school})),
            (self.officer, sorted({(r.officer, r.officer_id) for r in rows if r.officer_id})),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for label, value in values:
                combo.addItem(label, value)
            combo.setCurrentIndex(max(0, combo.findData(current)) if current else 0)
            combo.blockSignals(False)
        self._scope_changed()

    @property
    def my_cases(self) -> bool:
        return self.mine.isChecked() and self._me is not None

    def show_all_cases(self, all_cases: bool) -> None:
        """Switch between my cases and all cases, as a click on the buttons does."""
        (self.everyone if all_cases else self.mine).click()

    def _scope_clicked(self) -> None:
        self._scope_chosen = True
        self._scope_changed()

    def _scope_changed(self) -> None:
        mine = self.my_cases
        self.officer.setEnabled(not mine)
        self.table.setColumnHidden(ct.COL_OFFICER, mine)
        self.proxy.set_scope(
            mine=self._me if mine else None, show_closed=self.show_closed.isChecked()
        )
        self._filters_changed()

    def clear(self) -> None:
        self.search.clear()
        self.proxy.set_search_ids(None)
        self.model.set_rows([])
        for combo in (self.school, self.officer):
            while combo.count() > 1:
                combo.removeItem(1)

    def _filters_changed(self) -> None:
        self.proxy.set_filters(
            stage=self.stage.currentData(),
            school=self.school.currentData(),
            officer=None if self.my_cases else self.officer.currentData(),
            rag=self.rag.currentData(),
        )
        self._update_count()

    def _update_count(self) -> None:
        """What is shown, in words: "4 of my 12 open cases", "30 of 30 cases, all officers,
        closed included"."""
        shown = self.proxy.rowCount()
        in_scope = sum(1 for row in self.model.rows if self.proxy.in_scope(row))
        closed = self.show_closed.isChecked()
        if self.my_cases:
            text = f"{shown} of my {in_scope} {'' if closed else 'open '}cases"
        else:
            text = f"{shown} of {in_scope} {'' if closed else 'open '}cases, all officers"
        self.count.setText(text + (", closed included" if closed else ""))
        self.count.setToolTip(literal(f"{self.model.rowCount()} cases in this profile"))

    def _activated(self, index: QModelIndex) -> None:
        row = index.data(ct.RowRole)
        if isinstance(row, CaseRow):
            self.open_case.emit(row.case_id)

    def open_selected(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self._activated(index)

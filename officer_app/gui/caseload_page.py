"""The caseload tab: the filter bar, the count of cases shown and the caseload table."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from officer_app.domain.stages import Stage
from officer_app.gui import caseload_table as ct
from officer_app.gui.markup import plain_label
from officer_app.services.dto import CaseRow


class CaseloadPage(QWidget):
    """Filter bar, count and the caseload table."""

    open_case = Signal(str)

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
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
        header.setSectionResizeMode(ct.COL_NEXT_ACTION, QHeaderView.ResizeMode.Stretch)
        widths = {
            ct.COL_RAG: 52, ct.COL_REFERENCE: 116, ct.COL_CHILD: 136, ct.COL_DOB: 84,
            ct.COL_YEAR: 40, ct.COL_ATTENDANCE: 84, ct.COL_SCHOOL: 124, ct.COL_STAGE: 112,
            ct.COL_OFFICER: 104, ct.COL_LAST_CONTACT: 84, ct.COL_DAYS: 44, ct.COL_DUE: 150,
            ct.COL_RISK: 58,
        }  # fmt: skip
        for col, width in widths.items():
            self.table.setColumnWidth(col, width)
        self.table.doubleClicked.connect(self._activated)
        self.table.activated.connect(self._activated)

        bar = QHBoxLayout()
        bar.addWidget(self.search, 3)
        for label, combo in (
            ("Stage", self.stage),
            ("School", self.school),
            ("Officer", self.officer),
            ("RAG", self.rag),
        ):
            caption = plain_label(label)
            caption.setBuddy(combo)
            bar.addWidget(caption)
            bar.addWidget(combo, 1)
        bar.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)

        for combo in (self.stage, self.school, self.officer, self.rag):
            combo.currentIndexChanged.connect(self._filters_changed)
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

    def set_rows(self, rows: list[CaseRow], today: dt.date) -> None:
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
            officer=self.officer.currentData(),
            rag=self.rag.currentData(),
        )
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count.setText(f"{shown} of {total} cases")

    def _activated(self, index: QModelIndex) -> None:
        row = index.data(ct.RowRole)
        if isinstance(row, CaseRow):
            self.open_case.emit(row.case_id)

    def open_selected(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self._activated(index)

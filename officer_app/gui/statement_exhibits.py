"""The exhibits a statement produces, as the editor's table: label and description, edited
in place. Each exhibit is the producer's initials and a number (domain.md, "Witness
statements"): an officer's labels come from the case's exhibit table or are numbered on
provisionally until signing fixes them (services/statements.py); another witness's are typed
as the witness gives them. An exhibit the text still refers to is not removed."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from officer_app.gui.statement_text import LABEL, next_label, referring
from officer_app.services.statements import ExhibitRef

EDITING = (
    QAbstractItemView.EditTrigger.DoubleClicked
    | QAbstractItemView.EditTrigger.EditKeyPressed
    | QAbstractItemView.EditTrigger.AnyKeyPressed
)


class ExhibitTable(QObject):
    """The working list of exhibits (:attr:`refs`) shown in ``table``; :attr:`changed` after
    any edit, :attr:`said` with a message for the officer."""

    changed = Signal()
    said = Signal(str)

    def __init__(
        self, table: QTableWidget, refs: list[ExhibitRef], *, officer: bool, witness_name: str
    ) -> None:
        super().__init__(table)
        self.table = table
        self.refs = refs
        self.officer = officer
        self.witness_name = witness_name
        table.setColumnCount(2)
        table.setHorizontalHeaderLabels(["Label", "Description"])
        table.verticalHeader().setVisible(False)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        heads = table.horizontalHeader()
        heads.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        heads.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        table.itemChanged.connect(self._edited)
        self.editable = True

    def label_editable(self, ref: ExhibitRef) -> bool:
        return not self.officer and ref.kind == "document"

    def show(self, refs: list[ExhibitRef] | None = None) -> None:
        """The working list, or (read-only) a saved version's."""
        shown = self.refs if refs is None else refs
        self.table.blockSignals(True)
        self.table.setRowCount(len(shown))
        for row, ref in enumerate(shown):
            label = QTableWidgetItem(ref.label)
            if not self.label_editable(ref):
                label.setFlags(label.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(row, 0, label)
            self.table.setItem(row, 1, QTableWidgetItem(ref.description))
        self.table.blockSignals(False)

    def set_editable(self, editable: bool) -> None:
        self.editable = editable
        self.table.setEditTriggers(
            EDITING if editable else QAbstractItemView.EditTrigger.NoEditTriggers
        )

    def _edited(self, item: QTableWidgetItem) -> None:
        row = item.row()
        if not self.editable or not 0 <= row < len(self.refs):
            return
        ref = self.refs[row]
        text = " ".join(item.text().split())
        if item.column() == 0:
            label = text.upper()
            taken = {e.label for n, e in enumerate(self.refs) if n != row}
            if not LABEL.match(label) or label in taken:
                self.said.emit(
                    f"{text or 'An empty label'} is not a label: initials and a number not "
                    "used yet, such as SJ/1."
                )
                self.table.blockSignals(True)
                item.setText(ref.label)
                self.table.blockSignals(False)
                return
            self.refs[row] = dataclasses.replace(ref, label=label)
        else:
            self.refs[row] = dataclasses.replace(ref, description=text)
        self.changed.emit()

    def add(self, description: str = "") -> str:
        label = next_label(self.refs, self.witness_name)
        self.refs.append(ExhibitRef(label=label, description=description, provisional=self.officer))
        self.show()
        row = len(self.refs) - 1
        self.table.selectRow(row)
        cell = self.table.item(row, 1)
        if not description and cell is not None:
            self.table.editItem(cell)
        self.said.emit(f"Exhibit {label} added: say in a paragraph what it is and where from.")
        self.changed.emit()
        return label

    def remove(self, paragraphs: list[str]) -> bool:
        """Remove the selected exhibit unless a paragraph refers to it."""
        row = self.table.currentRow()
        if not self.editable or not 0 <= row < len(self.refs):
            return False
        label = self.refs[row].label
        mentioned = referring(paragraphs, label)
        if mentioned:
            where = ", ".join(str(n) for n in mentioned)
            many = len(mentioned) > 1
            self.said.emit(
                f"Not removed: paragraph{'s' * many} {where} refer{'' if many else 's'} to "
                f"{label}. Take the reference out first."
            )
            return False
        del self.refs[row]
        self.show()
        self.said.emit(f"Exhibit {label} removed.")
        self.changed.emit()
        return True

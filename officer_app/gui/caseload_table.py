"""The caseload as a table model over CaseRow DTOs, and the proxy that filters and sorts it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPainter, QPixmap

from officer_app.gui.markup import literal
from officer_app.gui.theme import BAND_COLOURS, RAG_COLOURS
from officer_app.services.dto import AttendanceBandInfo, CaseRow
from officer_app.services.sync_status import CaseSyncState
from officer_app.wording import short_date

SortRole = Qt.ItemDataRole.UserRole + 1
RowRole = Qt.ItemDataRole.UserRole + 2

# The order an officer reads a row in: how urgent and why, who, how the child is doing, where
# the case is and what is next. These fit a 1366 px screen (caseload_page.py); what only
# identifies the case follows, to the right.
(
    COL_RAG,
    COL_WHY,
    COL_CHILD,
    COL_ATTENDANCE,
    COL_STAGE,
    COL_NEXT_ACTION,
    COL_DUE,
    COL_DAYS,
    COL_RISK,
    COL_OFFICER,
    COL_SCHOOL,
    COL_YEAR,
    COL_REFERENCE,
    COL_LAST_CONTACT,
    COL_DOB,
) = range(15)

HEADERS = [
    "RAG",
    "Why",
    "Child",
    "Attend.",
    "Stage",
    "Next action",
    "Due",
    "Days",
    "Risk",
    "Officer",
    "School",
    "Year",
    "Reference",
    "Contact",
    "Born",
]
HEADER_TIPS = {
    COL_RAG: "Red: act now. Amber: due soon, a little late or drifting. Green: on track.",
    COL_WHY: "The most serious reason for the RAG (point at it for every reason)",
    COL_DOB: "Date of birth",
    COL_ATTENDANCE: (
        "Attendance this school year, to the latest register mark held, and the LA band it falls in"
    ),
    COL_LAST_CONTACT: "Last contact with the child or family",
    COL_DAYS: "Days since the last contact",
    COL_DUE: "When the next action is due",
}

_RAG_ORDER = {"red": 0, "amber": 1, "green": 2, "none": 3}
Index = QModelIndex | QPersistentModelIndex


def _year(value: str) -> str:
    return "Rec" if value == "R" else (f"Y{value}" if value else "")


def _band_colours(info: AttendanceBandInfo | None) -> tuple[str, str] | None:
    if info is None or info.band_rank is None:
        return None
    return BAND_COLOURS[min(info.band_rank, len(BAND_COLOURS) - 1)]


def attendance_text(info: AttendanceBandInfo | None) -> str:
    if info is None or info.pct is None:
        return ""
    limit = f" ≤{info.band_limit:g}" if info.band_limit is not None else ""
    return f"{info.pct}%{limit}"


def attendance_tip(info: AttendanceBandInfo | None) -> str:
    if info is None:
        return "No register marks are held for this school year"
    span = f"{short_date(info.first)}–{short_date(info.last)}"
    if info.pct is None:
        return f"No possible sessions in the marks held ({span})"
    text = f"Attendance {span}: {info.pct}% of {info.possible} possible sessions."
    if not info.band:
        return text + " Above every LA band."
    return f"{text}\nLA band: {info.band}.\nSuggested: " + "; ".join(info.actions)


def rag_tip(row: CaseRow) -> str:
    """The RAG in words: the colour and its reason, the rule that set it, every other reason."""
    text = f"{row.rag_label}: {row.rag_reason}"
    if row.rag in ("red", "amber") and row.rag_rule_text:
        text += f"\n{row.rag_label} because of {row.rag_rule_text}."
    others = [reason for reason in row.rag_reasons if reason != row.rag_reason]
    if others:
        text += "\nAlso: " + "; ".join(others)
    return text


def sync_tip(state: CaseSyncState | None) -> str:
    """The case's sync state in words ("" when all is sent and nothing conflicts)."""
    if state is None:
        return ""
    parts = []
    if state.conflicts:
        n = state.conflicts
        parts.append(f"{n} sync conflict{'s' * (n != 1)}: open the case to choose")
    if state.pending:
        parts.append(f"{state.pending} change{'s' * (state.pending != 1)} waiting to sync")
    return "\n".join(parts)


def _dot(colour: str) -> QIcon:
    pixmap = QPixmap(10, 10)
    pixmap.fill(QColor(0, 0, 0, 0))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(colour))
    painter.setPen(QColor(colour))
    painter.drawEllipse(1, 1, 8, 8)
    painter.end()
    return QIcon(pixmap)


def display_text(row: CaseRow, col: int, today: dt.date) -> str:
    if col == COL_RAG:
        return row.rag_label
    if col == COL_WHY:
        return row.rag_reason
    if col == COL_REFERENCE:
        return row.reference
    if col == COL_CHILD:
        return f"{row.child_surname}, {row.child_forename}"
    if col == COL_DOB:
        return short_date(row.child_date_of_birth)
    if col == COL_YEAR:
        return _year(row.year_group)
    if col == COL_ATTENDANCE:
        return attendance_text(row.attendance)
    if col == COL_SCHOOL:
        return row.school
    if col == COL_STAGE:
        return row.stage_label
    if col == COL_OFFICER:
        return row.officer
    if col == COL_LAST_CONTACT:
        return short_date(row.last_contact) or "None yet"
    if col == COL_DAYS:
        return "" if row.days_since_contact is None else str(row.days_since_contact)
    if col == COL_NEXT_ACTION:
        return row.next_action
    if col == COL_DUE:
        if row.next_action_due is None:
            return ""
        overdue = row.next_action_due < today
        return short_date(row.next_action_due) + (" overdue" if overdue else "")
    if col == COL_RISK:
        return "⚠ Risk" if row.has_risk else ""
    return ""


class CaseloadModel(QAbstractTableModel):
    def __init__(self, today: dt.date, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[CaseRow] = []
        self._today = today
        self._sorted_by: tuple[int, Qt.SortOrder] | None = None
        self._bold = QFont()
        self._bold.setBold(True)
        self._brushes = {
            rag: (QBrush(QColor(bg)), QBrush(QColor(fg))) for rag, (bg, fg) in RAG_COLOURS.items()
        }
        self._band_brushes = {
            pair: (QBrush(QColor(pair[0])), QBrush(QColor(pair[1]))) for pair in BAND_COLOURS
        }
        self.sync_states: dict[str, CaseSyncState] = {}
        self._sync_icons: dict[str, QIcon] = {}

    def set_sync_states(self, states: dict[str, CaseSyncState]) -> None:
        """Each case's changes waiting to sync and open conflicts: a dot by the child's name
        (red: a conflict, amber: waiting), said in its tooltip."""
        self.sync_states = dict(states)
        if self._rows:
            top, bottom = self.index(0, COL_CHILD), self.index(len(self._rows) - 1, COL_CHILD)
            self.dataChanged.emit(top, bottom)

    def _sync_icon(self, row: CaseRow) -> QIcon | None:
        state = self.sync_states.get(row.case_id)
        if state is None or not (state.conflicts or state.pending):
            return None
        kind = "red" if state.conflicts else "amber"
        if kind not in self._sync_icons:
            self._sync_icons[kind] = _dot(RAG_COLOURS[kind][1] if kind == "red" else "#d39e00")
        return self._sync_icons[kind]

    @property
    def rows(self) -> list[CaseRow]:
        return self._rows

    def set_rows(self, rows: list[CaseRow], today: dt.date | None = None) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        if today is not None:
            self._today = today
        if self._sorted_by is not None:
            self._rows = self._ordered(self._rows, *self._sorted_by)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return HEADER_TIPS.get(section, HEADERS[section])
        return None

    @staticmethod
    def tooltip(row: CaseRow, col: int, today: dt.date | None = None) -> str:
        """The cell's tooltip as plain text ("" for none): every cell's full text (a narrow
        column cuts it short) and what lies behind it. Shown literally by :meth:`data`."""
        if col in (COL_RAG, COL_WHY):
            return rag_tip(row)
        if col == COL_RISK:
            return (
                "Risk flags on this family or address: read them before any visit"
                if (row.has_risk)
                else ""
            )
        if col == COL_CHILD:
            name = display_text(row, COL_CHILD, dt.date.min)
            about = [f"{name}, born {short_date(row.child_date_of_birth)}"]
            if row.year_group:
                about.append(f"{_year(row.year_group)} at {row.school}" if row.school else "")
            if row.vulnerabilities:
                about.append(", ".join(row.vulnerabilities))
            return "\n".join(line for line in about if line)
        if col == COL_ATTENDANCE:
            shown = attendance_text(row.attendance)
            return (f"{shown}\n" if shown else "") + attendance_tip(row.attendance)
        if col == COL_NEXT_ACTION and row.next_action:
            due = f"\nDue {short_date(row.next_action_due)}" if row.next_action_due else ""
            return row.next_action + due
        if col == COL_DUE and row.next_action_due and today and row.next_action_due < today:
            late = (today - row.next_action_due).days
            return f"{short_date(row.next_action_due)} overdue: by {late} day{'s' * (late != 1)}"
        if col in (COL_LAST_CONTACT, COL_DAYS):
            return (
                f"Last contact {short_date(row.last_contact)}"
                if row.last_contact
                else "No contact recorded yet"
            )
        return display_text(row, col, today or dt.date.min)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return display_text(row, col, self._today)
        if role == SortRole:
            return self.sort_key(row, col)
        if role == RowRole:
            return row
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = self.tooltip(row, col, self._today)
            if col == COL_CHILD and (sync := sync_tip(self.sync_states.get(row.case_id))):
                tip = f"{tip}\n{sync}"
            return literal(tip) if tip else None
        if role == Qt.ItemDataRole.DecorationRole and col == COL_CHILD:
            return self._sync_icon(row)
        if role == Qt.ItemDataRole.BackgroundRole and col == COL_RAG:
            return self._brushes[row.rag][0]
        if role == Qt.ItemDataRole.BackgroundRole and col == COL_ATTENDANCE:
            colours = _band_colours(row.attendance)
            return self._band_brushes[colours][0] if colours else None
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == COL_RAG:
                return self._brushes[row.rag][1]
            if col == COL_RISK and row.has_risk:
                return self._brushes["red"][1]
            if col == COL_DUE and row.next_action_due and row.next_action_due < self._today:
                return self._brushes["red"][1]
            if col == COL_ATTENDANCE:
                colours = _band_colours(row.attendance)
                return self._band_brushes[colours][1] if colours else None
        if role == Qt.ItemDataRole.FontRole and (
            col == COL_RAG or (col == COL_RISK and row.has_risk)
        ):
            return self._bold
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (COL_DAYS, COL_ATTENDANCE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return display_text(row, col, self._today)
        return None

    @staticmethod
    def sort_key(row: CaseRow, col: int) -> Any:
        """A comparable value for the column, or None for a blank (blanks always sort last)."""
        if col == COL_RAG:
            return _RAG_ORDER[row.rag]
        if col == COL_WHY:
            return (_RAG_ORDER[row.rag], row.rag_reason.casefold())
        if col == COL_CHILD:
            return (row.child_surname.casefold(), row.child_forename.casefold())
        if col == COL_DOB:
            return row.child_date_of_birth
        if col == COL_YEAR:
            return -1 if row.year_group == "R" else int(row.year_group or 99)
        if col == COL_ATTENDANCE:
            return None if row.attendance is None else row.attendance.pct
        if col == COL_LAST_CONTACT:
            return row.last_contact
        if col == COL_DAYS:
            return row.days_since_contact
        if col == COL_DUE:
            return row.next_action_due
        if col == COL_RISK:
            return 0 if row.has_risk else 1
        return display_text(row, col, dt.date.min).casefold() or None

    @classmethod
    def _ordered(cls, rows: list[CaseRow], column: int, order: Qt.SortOrder) -> list[CaseRow]:
        keyed = [(cls.sort_key(row, column), row) for row in rows]
        present = [pair for pair in keyed if pair[0] is not None]
        blank = [row for key, row in keyed if key is None]
        present.sort(key=lambda pair: pair[0], reverse=order == Qt.SortOrder.DescendingOrder)
        return [row for _key, row in present] + blank

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows in Python (a thousand rows in about a millisecond), blanks last."""
        if not 0 <= column < len(HEADERS):
            return
        self._sorted_by = (column, order)
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        held = [(self._rows[i.row()], i.column()) for i in persistent]
        self._rows = self._ordered(self._rows, column, order)
        position = {id(row): n for n, row in enumerate(self._rows)}
        self.changePersistentIndexList(
            persistent, [self.index(position[id(row)], col) for row, col in held]
        )
        self.layoutChanged.emit()


class CaseloadFilterProxy(QSortFilterProxyModel):
    """Filters by scope (one officer's cases or all, closed cases shown or not), stage,
    school, officer, RAG and the ids a full-text search returned."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SortRole)
        self._stage: str | None = None
        self._school: str | None = None
        self._officer: str | None = None
        self._rag: str | None = None
        self._ids: set[str] | None = None
        self._mine: str | None = None
        self._show_closed = True

    def set_scope(self, *, mine: str | None, show_closed: bool) -> None:
        """Only the cases of the officer ``mine`` (None: every officer's), and closed cases
        only when ``show_closed``."""
        self.beginFilterChange()
        self._mine, self._show_closed = mine, show_closed
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def in_scope(self, row: CaseRow) -> bool:
        return (self._mine is None or row.officer_id == self._mine) and (
            self._show_closed or row.status != "closed"
        )

    def set_filters(
        self,
        *,
        stage: str | None = None,
        school: str | None = None,
        officer: str | None = None,
        rag: str | None = None,
    ) -> None:
        self.beginFilterChange()
        self._stage, self._school, self._officer, self._rag = stage, school, officer, rag
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_search_ids(self, ids: set[str] | None) -> None:
        self.beginFilterChange()
        self._ids = ids
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, CaseloadModel):
            return True
        row = model.rows[source_row]
        return (
            self.in_scope(row)
            and (self._stage is None or row.stage == self._stage)
            and (self._school is None or row.school == self._school)
            and (self._officer is None or row.officer_id == self._officer)
            and (self._rag is None or row.rag == self._rag)
            and (self._ids is None or row.case_id in self._ids)
        )

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        # The source sorts itself (fast, blanks last); the proxy keeps its order.
        model = self.sourceModel()
        if isinstance(model, CaseloadModel):
            model.sort(column, order)
        else:
            super().sort(column, order)

"""The child's attendance on the case: each period's figures, every one with its dates."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from officer_app.domain.attendance_bands import DEFAULT_BANDS, band_for
from officer_app.gui.task_runner import TaskRunner
from officer_app.services.attendance import AttendanceService, AttendanceView

PERIOD_HEADERS = [
    "Period", "Dates", "Possible", "Attendance", "Absence", "Authorised", "Unauthorised",
    "Persistent", "Severe", "Penalty notice",
]  # fmt: skip


def _pct(value: object) -> str:
    return "—" if value is None else f"{value}%"


class AttendancePanel(QWidget):
    def __init__(
        self,
        case_id: str,
        service: Callable[[], AttendanceService],
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.case_id = case_id
        self._service = service
        self._runner = runner
        self.loaded = False
        self.source = QLabel("Loading the register marks…")
        self.source.setProperty("role", "muted")
        self.source.setWordWrap(True)
        self.table = QTableWidget(0, len(PERIOD_HEADERS))
        self.table.setHorizontalHeaderLabels(PERIOD_HEADERS)
        header_item = self.table.horizontalHeaderItem(len(PERIOD_HEADERS) - 1)
        if header_item is not None:
            header_item.setToolTip(
                "Unauthorised sessions (G, N, O, U) in the worst run of 10 school weeks: "
                "10 or more meets the national threshold for considering a penalty notice"
            )
        self.table.setAccessibleName("Attendance by period")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.setFixedHeight(3 * 26 + 32)  # the three periods, always in full
        self.codes = QTableWidget(0, 3)
        self.codes.setHorizontalHeaderLabels(["Code", "Meaning", "Sessions"])
        self.codes.setAccessibleName("Marks by code this school year")
        self.codes.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.codes.verticalHeader().setVisible(False)
        self.codes.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.bands = DEFAULT_BANDS
        self.band = QLabel("")
        self.band.setWordWrap(True)
        self.band.setAccessibleName("LA threshold band")
        self.threshold = QLabel("")
        self.threshold.setWordWrap(True)
        self.threshold.setAccessibleName("Penalty-notice threshold")
        self.codes_title = QLabel("Marks by code")
        self.codes_title.setProperty("role", "section")
        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.source)
        layout.addWidget(self.table)
        layout.addWidget(self.band)
        layout.addWidget(self.threshold)
        layout.addWidget(self.codes_title)
        layout.addWidget(self.codes, 1)
        self.codes.setMinimumHeight(160)
        scroll = QScrollArea()  # on a small screen the panel scrolls rather than overlaps
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def load(self) -> None:
        self.loaded = True
        service = self._service
        self.bands = service().bands
        self._runner.run(lambda: service().for_case(self.case_id), self._show, self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.source.setText(f"The attendance could not be worked out: {exc}")

    def _show(self, view: object) -> None:
        if not isinstance(view, AttendanceView):
            return
        if view.last_mark is None:
            self.source.setText("No register marks are held for this child yet.")
        else:
            self.source.setText(
                f"From the register marks held for UPN {view.upn}, the latest for "
                f"{view.last_mark:%d/%m/%Y}. Percentages are of possible sessions."
            )
        self.table.setRowCount(len(view.periods))
        for row, (period, s) in enumerate(view.periods):
            threshold = s.penalty_notice_threshold
            if threshold.window_from is None:
                window = "no school weeks"
            else:
                window = (
                    f"{threshold.max_unauthorised_in_window} unauthorised sessions "
                    f"({threshold.window_from:%d/%m/%Y}–{threshold.window_to:%d/%m/%Y})"
                )
            cells = [
                period.name,
                f"{period.first:%d/%m/%y}–{period.last:%d/%m/%y}",
                str(s.possible),
                _pct(s.attendance_pct),
                _pct(s.absence_pct),
                str(s.authorised),
                str(s.unauthorised),
                "Yes" if s.persistent_absence else "No",
                "Yes" if s.severe_absence else "No",
                ("MET: " if threshold.met else "Not met: ")
                + str(threshold.max_unauthorised_in_window),
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(
                    f"{text} — worst run of 10 school weeks: {window}"
                    if col == len(cells) - 1
                    else text
                )
                self.table.setItem(row, col, item)
            if row == 0:
                band = band_for(s.attendance_pct, self.bands)
                self.band.setText(
                    f"LA band ({period.name.lower()}, {_pct(s.attendance_pct)}): "
                    + (
                        f"<b>{band.name}</b> — suggested: " + "; ".join(band.actions)
                        if band
                        else "above every band"
                    )
                )
                self.threshold.setText(
                    f"Penalty-notice threshold ({period.name.lower()}): "
                    + ("MET" if threshold.met else "not met")
                    + f" — the worst run of 10 school weeks held {window}; "
                    "10 or more unauthorised sessions (G, N, O, U) meets it."
                )
        year = view.periods[0][1] if view.periods else None
        counts = sorted(year.by_code.items()) if year else []
        if year is not None:
            self.codes_title.setText(f"Marks by code, {year.first:%d/%m/%Y}–{year.last:%d/%m/%Y}")
        self.codes.setRowCount(len(counts))
        for row, (code, count) in enumerate(counts):
            for col, text in enumerate((code, view.meanings.get(code, ""), str(count))):
                self.codes.setItem(row, col, QTableWidgetItem(text))

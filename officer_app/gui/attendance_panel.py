"""The child's attendance on the case: each period's figures, every one with its dates, and
for a chosen range the weeks, the weekday pattern and the register session by session."""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from officer_app.domain.attendance import Summary
from officer_app.domain.attendance_bands import DEFAULT_BANDS, band_for
from officer_app.domain.attendance_patterns import STAND_OUT_RULE, date_range
from officer_app.gui.attendance_charts import WeekdayChart, WeeklyChart
from officer_app.gui.dates import pydate, qdate
from officer_app.gui.markup import bold, escape, literal, plain_label, rich_label
from officer_app.gui.register_grid import RegisterGridModel, legend_html
from officer_app.gui.task_runner import TaskRunner
from officer_app.gui.theme import RAG_COLOURS
from officer_app.services.attendance import (
    AttendanceService,
    CaseAttendance,
    Period,
    RangeView,
)
from officer_app.wording import compact_date, short_date

PERIOD_HEADERS = [
    "Period", "Dates", "Possible", "Attendance", "Absence", "Authorised", "Unauthorised",
    "Persistent", "Severe", "Penalty notice",
]  # fmt: skip
ROW_HEIGHT = 26
DATE_FORMAT = "dd/MM/yyyy"
GRID_ROW_HEIGHT = 24
GRID_ROWS_SHOWN = 10  # the grid scrolls on its own beyond this many weeks


def _pct(value: object) -> str:
    return "—" if value is None else f"{value}%"


def _section(text: str) -> QLabel:
    label = plain_label(text)
    label.setProperty("role", "section")
    label.setWordWrap(True)
    return label


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
        self.held: CaseAttendance | None = None  # the marks read once, for any other range
        self.chosen: RangeView | None = None
        self.source = plain_label("Loading the register marks…")
        self.source.setProperty("role", "muted")
        self.source.setWordWrap(True)

        self.first = QDateEdit()
        self.last = QDateEdit()
        for edit, name in ((self.first, "From"), (self.last, "To")):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(DATE_FORMAT)
            edit.setAccessibleName(f"Chosen range: {name.lower()}")
            edit.setEnabled(False)
        self.show_button = QPushButton("Show")
        self.show_button.setAccessibleName("Show the chosen range")
        self.show_button.setToolTip("Work out the figures, charts and register for these dates")
        self.show_button.setEnabled(False)
        self.show_button.clicked.connect(self.show_range)
        self.range_message = plain_label("")
        self.range_message.setWordWrap(True)
        self.range_message.setAccessibleName("Chosen range message")
        pickers = QHBoxLayout()
        pickers.setContentsMargins(0, 0, 0, 0)
        for text, edit in (("Chosen range from", self.first), ("to", self.last)):
            label = plain_label(text)
            label.setBuddy(edit)
            pickers.addWidget(label)
            pickers.addWidget(edit)
        pickers.addWidget(self.show_button)
        pickers.addWidget(self.range_message, 1)

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
        self.table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        self.table.setFixedHeight(4 * ROW_HEIGHT + 32)  # three periods and the chosen range
        self.bands = DEFAULT_BANDS
        self.band = rich_label("")
        self.band.setWordWrap(True)
        self.band.setAccessibleName("LA threshold band")
        self.threshold = plain_label("")
        self.threshold.setWordWrap(True)
        self.threshold.setAccessibleName("Penalty-notice threshold")

        self.weekly = WeeklyChart()
        self.weekdays = WeekdayChart()
        self.weekly.setMinimumWidth(320)
        self.weekdays.setMinimumWidth(280)  # narrower, and the tab scrolls sideways
        self.weekdays.setToolTip(literal(f"Rule: {STAND_OUT_RULE}."))
        charts = QHBoxLayout()
        charts.setContentsMargins(0, 0, 0, 0)
        charts.addWidget(self.weekly, 3)
        charts.addWidget(self.weekdays, 2)
        self.pattern = rich_label("")
        self.pattern.setWordWrap(True)
        self.pattern.setAccessibleName("Weekday pattern")
        self.pattern.setToolTip(literal(f"Rule: {STAND_OUT_RULE}."))

        self.grid_title = _section("Register, session by session")
        self.grid_key = rich_label(legend_html())
        self.grid_key.setWordWrap(True)
        self.grid_key.setProperty("role", "muted")
        self.grid_model = RegisterGridModel(self)
        self.grid = QTableView()
        self.grid.setModel(self.grid_model)
        self.grid.setAccessibleName("Register session by session")
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.setWordWrap(False)
        columns = self.grid.horizontalHeader()
        columns.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)  # fill the width
        columns.setMinimumSectionSize(columns.fontMetrics().horizontalAdvance("Mon AM") + 24)
        self.grid.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.grid.verticalHeader().setDefaultSectionSize(GRID_ROW_HEIGHT)
        self._fit_grid(GRID_ROWS_SHOWN)

        self.codes_title = _section("Marks by code")
        self.codes = QTableWidget(0, 3)
        self.codes.setHorizontalHeaderLabels(["Code", "Meaning", "Sessions"])
        self.codes.setAccessibleName("Marks by code in the chosen range")
        self.codes.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.codes.verticalHeader().setVisible(False)
        self.codes.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.codes.setMinimumHeight(160)

        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.source)
        layout.addLayout(pickers)
        layout.addWidget(self.table)
        layout.addWidget(self.band)
        layout.addWidget(self.threshold)
        layout.addLayout(charts)
        layout.addWidget(self.pattern)
        layout.addWidget(self.grid_title)
        layout.addWidget(self.grid_key)
        layout.addWidget(self.grid)
        layout.addWidget(self.codes_title)
        layout.addWidget(self.codes, 1)
        scroll = QScrollArea()  # on a small screen the panel scrolls rather than overlaps
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(inner)
        self.scroller = scroll
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    # --- loading ---------------------------------------------------------------------------
    def load(self) -> None:
        self.loaded = True
        service = self._service
        self.bands = service().bands
        self._runner.run(lambda: service().load(self.case_id), self._show, self._failed)

    def _alive(self) -> bool:
        return shiboken6.isValid(self)  # the tab may have closed while the worker ran

    def _failed(self, exc: BaseException) -> None:
        if self._alive():
            self.source.setText(f"The attendance could not be worked out: {exc}")

    def _show(self, held: CaseAttendance) -> None:
        if not self._alive():
            return
        self.held = held
        view = held.view
        if view.last_mark is None:
            self.source.setText("No register marks are held for this child yet.")
        else:
            self.source.setText(
                f"From the register marks held for UPN {view.upn}, the latest for "
                f"{short_date(view.last_mark)}. Percentages are of possible sessions."
            )
        self.table.setRowCount(len(view.periods) + 1)
        for row, (period, s) in enumerate(view.periods):
            self._fill_row(row, period, s)
            if row == 0:
                self._show_band(period, s)
        period = held.chosen.period
        self.first.setDate(qdate(period.first))
        self.last.setDate(qdate(period.last))
        for edit in (self.first, self.last):
            edit.setEnabled(True)
        self.show_button.setEnabled(True)
        self._show_chosen(held.chosen)

    # --- the chosen range ------------------------------------------------------------------
    def show_range(self) -> None:
        """Work out the chosen range on the runner from the marks already read."""
        held = self.held
        if held is None:
            return
        first, last = pydate(self.first.date()), pydate(self.last.date())
        if first > last:
            self._message(
                f"The range ends ({short_date(last)}) before it starts ({short_date(first)}): "
                "choose a To date on or after the From date. Nothing has changed.",
                error=True,
            )
            return
        self._message("Working out the figures…")
        self.show_button.setEnabled(False)
        service = self._service
        self._runner.run(
            lambda: service().for_range(held, first, last), self._range_done, self._range_failed
        )

    def _range_done(self, chosen: RangeView) -> None:
        if not self._alive():
            return
        self.show_button.setEnabled(True)
        self._message("")
        self._show_chosen(chosen)

    def _range_failed(self, exc: BaseException) -> None:
        if self._alive():
            self.show_button.setEnabled(True)
            self._message(f"The range could not be worked out: {exc}", error=True)

    def _message(self, text: str, *, error: bool = False) -> None:
        colour = RAG_COLOURS["red"][1] if error else RAG_COLOURS["none"][1]
        self.range_message.setStyleSheet(
            f"color: {colour};" + (" font-weight: bold;" if error else "")
        )
        self.range_message.setText(text)

    def _show_chosen(self, chosen: RangeView) -> None:
        self.chosen = chosen
        period, s = chosen.period, chosen.summary
        dates = date_range(period.first, period.last)
        row = self.table.rowCount() - 1
        self._fill_row(row, period, s)
        self.weekly.set_weeks(chosen.weeks, period.first, period.last)
        self.weekdays.set_pattern(chosen.weekdays)
        sentence = chosen.weekdays.sentence()
        self.pattern.setText(bold(sentence) if chosen.weekdays.standing_out else escape(sentence))
        self.pattern.setAccessibleDescription(sentence)
        self.grid_model.set_grid(chosen.grid)
        self._fit_grid(min(GRID_ROWS_SHOWN, max(1, len(chosen.grid.weeks))))
        self.grid_title.setText(
            f"Register, session by session, {dates}"
            + ("" if chosen.grid.weeks else ": no marks held")
        )
        counts = sorted(s.by_code.items())
        self.codes_title.setText(f"Marks by code, {dates}")
        self.codes.setRowCount(len(counts))
        for n, (code, count) in enumerate(counts):
            for col, text in enumerate((code, chosen.meanings.get(code, ""), str(count))):
                self.codes.setItem(n, col, QTableWidgetItem(text))

    def _fit_grid(self, rows: int) -> None:
        """As tall as ``rows`` weeks: a short range leaves no blank, a long one scrolls."""
        header = self.grid.horizontalHeader().sizeHint().height()
        self.grid.setFixedHeight(header + rows * GRID_ROW_HEIGHT + 2 * self.grid.frameWidth() + 2)

    # --- rows of the periods table ---------------------------------------------------------
    def _fill_row(self, row: int, period: Period, s: Summary) -> None:
        threshold = s.penalty_notice_threshold
        window = _window(s)
        cells = [
            period.name,
            f"{compact_date(period.first)}–{compact_date(period.last)}",
            str(s.possible),
            _pct(s.attendance_pct),
            _pct(s.absence_pct),
            str(s.authorised),
            str(s.unauthorised),
            "Yes" if s.persistent_absence else "No",
            "Yes" if s.severe_absence else "No",
            ("MET: " if threshold.met else "Not met: ") + str(threshold.max_unauthorised_in_window),
        ]
        for col, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if col == 1:
                item.setToolTip(literal(f"{period.name}: {date_range(period.first, period.last)}"))
            elif col == len(cells) - 1:
                item.setToolTip(
                    literal(
                        f"{text} — the largest count in any 10 school weeks; "
                        f"{_run_named(s)}: {window}"
                    )
                )
            else:
                item.setToolTip(literal(text))
            self.table.setItem(row, col, item)

    def _show_band(self, period: Period, s: Summary) -> None:
        band = band_for(s.attendance_pct, self.bands)
        when = f"{period.name.lower()} {date_range(period.first, period.last)}"
        self.band.setText(
            escape(f"LA band ({when}, {_pct(s.attendance_pct)}): ")
            + (
                f"{bold(band.name)} — suggested: " + escape("; ".join(band.actions))
                if band
                else "above every band"
            )
        )
        self.threshold.setText(
            f"Penalty-notice threshold ({when}): "
            + ("MET" if s.penalty_notice_threshold.met else "not met")
            + f" — {_run_named(s)} held {_window(s)}; "
            "10 or more unauthorised sessions (G, N, O, U) meets it."
        )


def _run_named(s: Summary) -> str:
    """Which run of 10 school weeks the dates shown belong to (attendance-register.md)."""
    if s.penalty_notice_threshold.met:
        return "the first run of 10 school weeks that meets it"
    return "the worst run of 10 school weeks"


def _window(s: Summary) -> str:
    threshold = s.penalty_notice_threshold
    if threshold.window_from is None or threshold.window_to is None:
        return "no school weeks"
    return (
        f"{threshold.unauthorised_in_window} unauthorised sessions "
        f"({short_date(threshold.window_from)}–{short_date(threshold.window_to)})"
    )

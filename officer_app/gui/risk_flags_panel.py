"""A case's risk flags, each with its severity shown as severity: a small chip (HIGH on red,
MEDIUM on amber, LOW on grey-blue), never a full-width red banner for a low risk. Flags are
raised, changed and ended (never deleted) through :class:`RiskFlagService`, each with its
reason; ended flags can be shown, greyed, with the day and the reason they ended. After a
change the panel reloads and emits ``changed``. Built for a side panel about 360 px wide.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import shiboken6
from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from officer_app.gui.change_dialog import ChangeDialog, run_change
from officer_app.gui.markup import literal, plain_label
from officer_app.gui.task_runner import TaskRunner
from officer_app.services.risk_flags import (
    CATEGORIES,
    SEVERITIES,
    FlagInfo,
    FlagRefused,
    RiskFlagService,
)
from officer_app.wording import short_date

# (background, text): WCAG AA contrast; the word is always shown, never the colour alone.
SEVERITY_COLOURS = {
    "high": ("#842029", "#ffffff"),
    "medium": ("#fff3cd", "#664d03"),
    "low": ("#e8eef5", "#1f4e79"),
}
ENDED_COLOURS = ("#eceff1", "#5b6570")


def chip_style(severity: str, active: bool = True) -> str:
    background, text = SEVERITY_COLOURS.get(severity, ENDED_COLOURS) if active else ENDED_COLOURS
    return (
        f"background: {background}; color: {text}; border-radius: 8px; padding: 1px 7px; "
        "font-weight: bold;"
    )


def flag_detail(flag: FlagInfo) -> str:
    about = "the address" if flag.about == "Address" else flag.about
    parts = [f"About {about}", f"raised {short_date(flag.raised_on)}"]
    if flag.raised_by:
        parts[-1] += f" by {flag.raised_by}"
    if flag.two_officers_required and flag.active:
        parts.insert(0, "Two officers")
    if not flag.active:
        parts.append(f"ended {short_date(flag.ended_on)}: {flag.end_reason}")
    return " · ".join(parts)


class FlagRow(QFrame):
    """One flag: the severity chip and category on a line, the description, the detail."""

    def __init__(self, flag: FlagInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chip = plain_label(flag.severity_label)
        self.chip.setAccessibleName("Severity")
        self.chip.setStyleSheet(chip_style(flag.severity, flag.active))
        self.category = plain_label(flag.category)
        self.category.setStyleSheet("font-weight: bold;")
        self.description = plain_label(flag.description)
        self.description.setWordWrap(True)
        self.detail = plain_label(flag_detail(flag))
        self.detail.setWordWrap(True)
        self.detail.setProperty("role", "muted")
        if not flag.active:
            for label in (self.category, self.description):
                label.setStyleSheet("color: #8a939b; font-style: italic;")
        top = QHBoxLayout()
        top.addWidget(self.chip)
        top.addWidget(self.category, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.description)
        layout.addWidget(self.detail)


class RiskFlagsPanel(QWidget):
    changed = Signal()

    def __init__(
        self,
        case_id: str,
        service: RiskFlagService,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.case_id = case_id
        self._service = service
        self._runner = runner
        self.found: tuple[FlagInfo, ...] = ()
        self.people: list[tuple[str, str]] = []  # whom a new flag may be about
        self.dialog: ChangeDialog | None = None

        self.list = QListWidget()
        self.list.setAccessibleName("Risk flags")
        self.list.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        # rows wrap to the list's width: never a sideways scroll bar in the narrow side column
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        # a light selection, so the row's own colours (the chip, the muted text) stay legible
        self.list.setStyleSheet(
            "QListWidget::item { border-bottom: 1px solid #e3e7eb; }"
            "QListWidget::item:selected { background: #dbe5f0; border-left: 4px solid #1f4e79; }"
        )
        self.list.currentItemChanged.connect(lambda *_: self._enable())
        self.show_ended = QCheckBox("Show ended flags")
        self.show_ended.toggled.connect(lambda _on: self.reload())
        self.raise_button = QPushButton("Raise flag…")
        self.raise_button.clicked.connect(self.raise_flag)
        self.change_button = QPushButton("Change…")
        self.change_button.setToolTip(literal("Change the selected flag's severity or words"))
        self.change_button.clicked.connect(self.change_flag)
        self.end_button = QPushButton("End…")
        self.end_button.setToolTip(literal("The risk is over: end the selected flag"))
        self.end_button.clicked.connect(self.end_flag)
        self.status = plain_label("")
        self.status.setWordWrap(True)
        self.status.setProperty("role", "muted")
        title = plain_label("Risk flags")
        title.setProperty("role", "section")
        header = QHBoxLayout()
        header.addWidget(title)
        header.addStretch(1)
        header.addWidget(self.show_ended)
        buttons = QGridLayout()
        buttons.addWidget(self.raise_button, 0, 0)
        buttons.addWidget(self.change_button, 0, 1)
        buttons.addWidget(self.end_button, 0, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self._enable()
        self.reload()

    # --- showing ------------------------------------------------------------------------
    def reload(self) -> None:
        case_id, service, ended = self.case_id, self._service, self.show_ended.isChecked()

        def gather() -> tuple[tuple[FlagInfo, ...], list[tuple[str, str]]]:
            return service.flags(case_id, ended), service.people(case_id)

        self._runner.run(
            gather,
            lambda found: self.show_flags(*found) if shiboken6.isValid(self) else None,
            lambda exc: self._failed(exc) if shiboken6.isValid(self) else None,
        )  # the case's tab may have closed while the worker ran

    def show_flags(
        self, flags: tuple[FlagInfo, ...], people: list[tuple[str, str]] | None = None
    ) -> None:
        if people is not None:
            self.people = people
        selected = self._selected()
        self.found = flags
        self.list.clear()
        for flag in flags:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, flag.id)
            row = FlagRow(flag)
            item.setToolTip(literal(f"{flag.severity_label} {flag.category}: {flag.description}"))
            self.list.addItem(item)
            self.list.setItemWidget(item, row)
            if selected is not None and flag.id == selected.id:
                self.list.setCurrentItem(item)
        self._fit_rows()
        active = sum(f.active for f in flags)
        self.status.setText(
            "No risk flags." if not flags else f"{active} active flag{'s' * (active != 1)}"
        )
        self._enable()

    def _fit_rows(self) -> None:
        """Each row as tall as its wrapped text at the list's width."""
        width = max(200, self.list.viewport().width() - 4)
        for index in range(self.list.count()):
            item = self.list.item(index)
            row = self.list.itemWidget(item)
            layout = row.layout() if row is not None else None
            if row is not None and layout is not None:
                height = layout.totalHeightForWidth(width)
                item.setSizeHint(QSize(width, max(height, row.sizeHint().height())))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_rows()

    def _selected(self) -> FlagInfo | None:
        item = self.list.currentItem()
        if item is None:
            return None
        wanted = item.data(Qt.ItemDataRole.UserRole)
        return next((f for f in self.found if f.id == wanted), None)

    def _enable(self) -> None:
        flag = self._selected()
        for button in (self.change_button, self.end_button):
            button.setEnabled(flag is not None and flag.active)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, FlagRefused | LookupError):
            self.status.setText(str(exc))
        else:
            self._runner.error.emit(f"The risk flags could not be read ({type(exc).__name__})")

    # --- changes ------------------------------------------------------------------------
    def _open(
        self, dialog: ChangeDialog, make: Callable[[ChangeDialog], Callable[[], FlagInfo]]
    ) -> None:
        self.dialog = dialog
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        run_change(dialog, self._runner, make, self._done)

    def _done(self, flag: FlagInfo) -> None:
        state = "ended" if not flag.active else "recorded"
        self.status.setText(f"{flag.severity_label} {flag.category} {state}, signed")
        self.reload()
        self.changed.emit()

    def _severities(self, dialog: ChangeDialog, current: str = "medium") -> None:
        combo = dialog.choice("severity", "Severity", [(s.capitalize(), s) for s in SEVERITIES])
        combo.setCurrentIndex(SEVERITIES.index(current) if current in SEVERITIES else 1)

    def raise_flag(self) -> None:
        people = self.people
        dialog = ChangeDialog(
            "Raise a risk flag",
            "Shown to every officer before a visit to this family.",
            "Raise the flag",
            self,
        )
        dialog.choice("category", "Category", [(c, c) for c in CATEGORIES], editable=True)
        self._severities(dialog)
        about = dialog.choice(
            "adult", "About", [("The address", None), *((name, i) for i, name in people)]
        )
        dialog.text("description", "Description")
        dialog.tick("two_officers", "Visit in pairs (two officers)", False)
        dialog.reason("How it came to light")
        case_id, service = self.case_id, self._service
        self._open(
            dialog,
            lambda d: partial(
                service.raise_flag,
                case_id,
                d.value("category"),
                str(d.data("severity")),
                d.value("description"),
                d.checked("two_officers"),
                about.currentData(),
                reason=d.value("reason"),
            ),
        )

    def change_flag(self) -> None:
        flag = self._selected()
        if flag is None or not flag.active:
            return
        dialog = ChangeDialog(
            f"Change the flag: {flag.category}",
            f"Now: {flag.severity_label} {flag.category}",
            "Record the change",
            self,
        )
        self._severities(dialog, flag.severity)
        dialog.text("description", "Description", flag.description)
        dialog.tick("two_officers", "Visit in pairs (two officers)", flag.two_officers_required)
        dialog.reason()
        service = self._service
        self._open(
            dialog,
            lambda d: partial(
                service.change_flag,
                flag.id,
                d.value("reason"),
                severity=str(d.data("severity")),
                description=d.value("description"),
                two_officers_required=d.checked("two_officers"),
            ),
        )

    def end_flag(self) -> None:
        flag = self._selected()
        if flag is None or not flag.active:
            return
        today = self._service.today()
        dialog = ChangeDialog(
            f"End the flag: {flag.category}",
            "An ended flag is kept (never deleted) and no longer warns before a visit.",
            "End the flag",
            self,
        )
        dialog.date("ended_on", "Ended on", today, today)
        dialog.reason("Why it is over")
        service = self._service
        self._open(
            dialog,
            lambda d: partial(service.end_flag, flag.id, d.value("reason"), d.day("ended_on")),
        )

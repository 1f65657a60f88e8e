"""Plan a home visit: when, where, why, and with whom where the risk flags call for two."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from officer_app.clock import UK
from officer_app.gui.markup import plain_label


class VisitPlanDialog(QDialog):
    def __init__(
        self,
        address: str,
        colleagues: list[tuple[str, str]],
        *,
        two_officers_required: bool,
        start: dt.datetime,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Plan a home visit")
        self.setMinimumWidth(480)
        self.when = QDateTimeEdit()
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("dddd dd/MM/yyyy HH:mm")
        local = start.astimezone(UK)
        self.when.setDateTime(
            QDateTime(local.replace(minute=0, second=0, microsecond=0, tzinfo=None))
        )
        self.when.setAccessibleName("Date and time of the visit")
        self.address = QLineEdit(address)
        self.address.setAccessibleName("Address")
        self.purpose = QLineEdit()
        self.purpose.setAccessibleName("Purpose of the visit")
        self.purpose.setPlaceholderText("e.g. Discuss Monday absences with mum")
        self.second = QComboBox()
        self.second.setAccessibleName("Second officer")
        self.second.addItem(
            "Nobody (lone visit)" if not two_officers_required else "Choose a second officer…", None
        )
        for officer_id, name in colleagues:
            self.second.addItem(name, officer_id)
        self.message = plain_label(
            "⚠ A risk flag on this family says visits are made by two officers."
            if two_officers_required
            else ""
        )
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color:#842029; font-weight:bold;")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Plan visit")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("&When", self.when)
        form.addRow("&Address", self.address)
        form.addRow("&Purpose", self.purpose)
        form.addRow("&Second officer", self.second)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def planned_for(self) -> dt.datetime:
        value = self.when.dateTime().toPython()
        assert isinstance(value, dt.datetime)
        return value.replace(tzinfo=UK).astimezone(dt.UTC)

"""Plan a home visit: when, where, why, and with whom where the risk flags call for two."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from officer_app.clock import UK
from officer_app.gui.generated.ui_visit_dialog import Ui_VisitPlanDialog


class VisitPlanDialog(QDialog):
    """Drawn in ui/visit_dialog.ui; the start time, the colleagues and the warning are here."""

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
        self.ui = Ui_VisitPlanDialog()
        self.ui.setupUi(self)
        self.when, self.address, self.purpose = self.ui.when, self.ui.address, self.ui.purpose
        self.second, self.message = self.ui.second, self.ui.message
        local = start.astimezone(UK)
        self.when.setDateTime(
            QDateTime(local.replace(minute=0, second=0, microsecond=0, tzinfo=None))
        )
        self.address.setText(address)
        self.second.addItem(
            "Nobody (lone visit)" if not two_officers_required else "Choose a second officer…", None
        )
        for officer_id, name in colleagues:
            self.second.addItem(name, officer_id)
        self.message.setText(
            "⚠ A risk flag on this family says visits are made by two officers."
            if two_officers_required
            else ""
        )
        buttons = self.ui.buttons
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Plan visit")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

    def planned_for(self) -> dt.datetime:
        value = self.when.dateTime().toPython()
        assert isinstance(value, dt.datetime)
        return value.replace(tzinfo=UK).astimezone(dt.UTC)

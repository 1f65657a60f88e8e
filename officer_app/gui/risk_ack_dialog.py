"""Before a visit: the risk flags, in full, and a confirmation that they were read."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QVBoxLayout,
    QWidget,
)

from officer_app.gui.markup import bold, escape, lines, plain_label, rich_label
from officer_app.gui.theme import RISK_BANNER
from officer_app.services.dto import RiskInfo


class RiskAcknowledgementDialog(QDialog):
    def __init__(
        self, child_name: str, risks: tuple[RiskInfo, ...], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Before you visit: risk warnings")
        self.setMinimumWidth(560)
        bg, fg = RISK_BANNER
        heading = rich_label(bold(f"Read these warnings before visiting {child_name}'s home."))
        heading.setWordWrap(True)
        flags = rich_label(
            "<br><br>".join(
                f"⚠ {bold(r.severity.upper())} — {escape(r.category)}<br>{lines(r.description)}"
                f"<br><i>About: {escape(r.about)}</i>"
                + ("<br><b>Visits are made by two officers.</b>" if r.two_officers_required else "")
                for r in risks
            )
        )
        flags.setWordWrap(True)
        flags.setAccessibleName("Risk warnings")
        flags.setStyleSheet(f"background:{bg}; color:{fg}; padding:10px; border-radius:4px;")
        lone = plain_label(
            "Lone working: tell your team where you are going and when you expect to leave, "
            "and call in afterwards."
        )
        lone.setWordWrap(True)
        self.confirm = QCheckBox("I have read these warnings and will follow them")
        self.confirm.setAccessibleName("Confirm the warnings were read")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("Continue to the visit record")
        ok.setMinimumWidth(ok.fontMetrics().horizontalAdvance(ok.text()) * 5 // 4 + 40)
        ok.setEnabled(False)
        self.confirm.toggled.connect(ok.setEnabled)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(flags)
        layout.addWidget(lone)
        layout.addWidget(self.confirm)
        layout.addWidget(self.buttons)

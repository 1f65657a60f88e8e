"""Before a visit: the risk flags, in full, and a confirmation that they were read."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from officer_app.gui.generated.ui_risk_ack_dialog import Ui_RiskAcknowledgementDialog
from officer_app.gui.markup import bold, escape, lines
from officer_app.gui.theme import RISK_BANNER
from officer_app.services.dto import RiskInfo


class RiskAcknowledgementDialog(QDialog):
    """Drawn in ui/risk_ack_dialog.ui; the warnings (escaped markup) and the check are here."""

    def __init__(
        self, child_name: str, risks: tuple[RiskInfo, ...], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_RiskAcknowledgementDialog()
        self.ui.setupUi(self)
        bg, fg = RISK_BANNER
        self.ui.heading.setText(bold(f"Read these warnings before visiting {child_name}'s home."))
        self.ui.flags.setText(
            "<br><br>".join(
                f"⚠ {bold(r.severity.upper())} — {escape(r.category)}<br>{lines(r.description)}"
                f"<br><i>About: {escape(r.about)}</i>"
                + ("<br><b>Visits are made by two officers.</b>" if r.two_officers_required else "")
                for r in risks
            )
        )
        self.ui.flags.setStyleSheet(
            f"background:{bg}; color:{fg}; padding:10px; border-radius:4px;"
        )
        self.confirm = self.ui.confirm
        self.buttons = self.ui.buttons
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("Continue to the visit record")
        ok.setMinimumWidth(ok.fontMetrics().horizontalAdvance(ok.text()) * 5 // 4 + 40)
        ok.setEnabled(False)
        self.confirm.toggled.connect(ok.setEnabled)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

"""The questions around a statement: before a new one opens in the editor, the offence period
an officer's statement is drafted for and who another witness is (drawn in
ui/statement_period_dialog.ui and ui/witness_dialog.ui); in the editor, whether to sign and
whether to save before closing (message boxes, their text plain)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QDialog, QDialogButtonBox, QMessageBox, QWidget

from officer_app.gui.dates import pydate, qdate
from officer_app.gui.generated.ui_statement_period_dialog import Ui_StatementPeriodDialog
from officer_app.gui.generated.ui_witness_dialog import Ui_WitnessDialog
from officer_app.services.statements import StatementInfo
from officer_app.wording import long_date

SOURCE_WORDS = {
    "interview plan": "the period of the interview under caution planned on the case",
    "penalty notice": "the period of the latest penalty notice",
    "chosen": "the period chosen",
}


class StatementPeriodDialog(QDialog):
    """The period the officer's statement covers: the case's own (the interview plan's, else
    the latest penalty notice's, else the last 70 days) offered, any other chosen."""

    def __init__(
        self,
        first: dt.date,
        last: dt.date,
        source: str,
        *,
        problem: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = ui = Ui_StatementPeriodDialog()
        ui.setupUi(self)
        self.offered = (first, last)
        ui.intro.setText(
            "Your statement is drafted from the case: who you are, the child and the school, "
            "the attendance over the offence period with its figures, the interventions in "
            "date order, the interview under caution and the defences considered. Every "
            "document it refers to becomes an exhibit. Check the period it covers."
            + (f"\n\n{problem}" if problem else "")
        )
        ui.period_from.setDate(qdate(first))
        ui.period_to.setDate(qdate(last))
        words = SOURCE_WORDS.get(source, source)
        ui.source.setText(f"Offered: {words} ({long_date(first)} to {long_date(last)}).")
        ok = ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("&Draft the statement")
        ui.buttons.accepted.connect(self.accept)
        ui.buttons.rejected.connect(self.reject)
        ui.period_from.dateChanged.connect(self._check)
        ui.period_to.dateChanged.connect(self._check)
        self._check()

    def period(self) -> tuple[dt.date, dt.date]:
        return pydate(self.ui.period_from.date()), pydate(self.ui.period_to.date())

    def chosen(self) -> bool:
        """Another period than the one offered."""
        return self.period() != self.offered

    def _check(self) -> None:
        first, last = self.period()
        ok = self.ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(first <= last)


class WitnessDialog(QDialog):
    """Another witness's name, occupation and age ("over 18", or the age if under 18:
    domain.md, "Witness statements")."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui = Ui_WitnessDialog()
        ui.setupUi(self)
        ok = ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("&Write the statement")
        ui.buttons.accepted.connect(self.accept)
        ui.buttons.rejected.connect(self.reject)
        ui.name.textChanged.connect(self._check)
        ui.occupation.textChanged.connect(self._check)
        ui.over_18.toggled.connect(lambda over: ui.age.setEnabled(not over))
        ui.age.setEnabled(False)
        self._check()

    def witness(self) -> tuple[str, str, str]:
        """Name, occupation and the age as the statement gives it."""
        ui = self.ui
        age = "over 18" if ui.over_18.isChecked() else str(ui.age.value())
        return " ".join(ui.name.text().split()), " ".join(ui.occupation.text().split()), age

    def _check(self) -> None:
        name, occupation, _age = self.witness()
        ok = self.ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(name and occupation))


def sign_question(info: StatementInfo, parent: QWidget) -> tuple[QMessageBox, QAbstractButton]:
    """Signing freezes the statement into the case's chain: said before it is done. The box
    and its "Sign and seal" button (Cancel is the default)."""
    labels = ", ".join(e.label for e in info.exhibits) or "none"
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Sign the statement")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(f"Sign version {info.latest_version} of the statement of {info.witness_name}?")
    box.setInformativeText(
        "Signing freezes the statement into the case's chain of evidence: it is sealed "
        "with its real page count and today's date, its exhibits keep their labels for "
        f"good (now: {labels}), and it is never edited again; a change after signing "
        "means a new statement. Sign only what the witness has read and says is true."
    )
    sign = box.addButton("Sign and seal", QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    return box, sign


def unsaved_question(parent: QWidget) -> QMessageBox:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle("Unsaved changes")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText("The statement has changes that are not saved.")
    box.setInformativeText("Save them as a new version before closing?")
    box.setStandardButtons(
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel
    )
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    return box

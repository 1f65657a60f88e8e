"""Compiled from ui/*.ui by ui/build.py: never edited by hand."""

from __future__ import annotations

from PySide6.QtWidgets import QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout


class Ui_StatementPeriodDialog:
    layout: QVBoxLayout
    intro: QLabel
    form: QFormLayout
    from_label: QLabel
    period_from: QDateEdit
    to_label: QLabel
    period_to: QDateEdit
    source: QLabel
    buttons: QDialogButtonBox
    def setupUi(self, StatementPeriodDialog: QDialog) -> None: ...
    def retranslateUi(self, StatementPeriodDialog: QDialog) -> None: ...

"""Compiled from ui/*.ui by ui/build.py: never edited by hand."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout


class Ui_RiskAcknowledgementDialog:
    layout: QVBoxLayout
    heading: QLabel
    flags: QLabel
    lone: QLabel
    confirm: QCheckBox
    buttons: QDialogButtonBox
    def setupUi(self, RiskAcknowledgementDialog: QDialog) -> None: ...
    def retranslateUi(self, RiskAcknowledgementDialog: QDialog) -> None: ...

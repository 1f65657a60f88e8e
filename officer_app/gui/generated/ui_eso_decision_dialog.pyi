"""Compiled from ui/*.ui by ui/build.py: never edited by hand."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout


class Ui_EsoDecisionDialog:
    layout: QVBoxLayout
    intro: QLabel
    form: QFormLayout
    considered_on_label: QLabel
    considered_on: QDateEdit
    considered_by_label: QLabel
    considered_by: QLineEdit
    decision_label: QLabel
    decision: QComboBox
    reason_label: QLabel
    reason: QPlainTextEdit
    buttons: QDialogButtonBox
    def setupUi(self, EsoDecisionDialog: QDialog) -> None: ...
    def retranslateUi(self, EsoDecisionDialog: QDialog) -> None: ...

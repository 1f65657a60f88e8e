"""Compiled from ui/*.ui by ui/build.py: never edited by hand."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout, QLabel, QPlainTextEdit, QVBoxLayout


class Ui_CloseCaseDialog:
    layout: QVBoxLayout
    intro: QLabel
    form: QFormLayout
    reason_label: QLabel
    reasons: QComboBox
    detail_label: QLabel
    detail: QPlainTextEdit
    before_label: QLabel
    before: QDoubleSpinBox
    before_note: QLabel
    after_label: QLabel
    after: QDoubleSpinBox
    after_note: QLabel
    signed_label: QLabel
    signed: QPlainTextEdit
    message: QLabel
    buttons: QDialogButtonBox
    def setupUi(self, CloseCaseDialog: QDialog) -> None: ...
    def retranslateUi(self, CloseCaseDialog: QDialog) -> None: ...

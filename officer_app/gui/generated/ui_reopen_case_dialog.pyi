"""Compiled from ui/*.ui by ui/build.py: never edited by hand."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QPlainTextEdit, QVBoxLayout


class Ui_ReopenCaseDialog:
    layout: QVBoxLayout
    intro: QLabel
    form: QFormLayout
    reason_label: QLabel
    reason: QPlainTextEdit
    message: QLabel
    buttons: QDialogButtonBox
    def setupUi(self, ReopenCaseDialog: QDialog) -> None: ...
    def retranslateUi(self, ReopenCaseDialog: QDialog) -> None: ...

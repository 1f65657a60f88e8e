"""Compiled from ui/*.ui by ui/build.py: never edited by hand."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout


class Ui_AmendDialog:
    layout: QVBoxLayout
    intro: QLabel
    form: QFormLayout
    original_label: QLabel
    original: QPlainTextEdit
    reason_label: QLabel
    reason: QLineEdit
    text_label: QLabel
    text: QPlainTextEdit
    buttons: QDialogButtonBox
    def setupUi(self, AmendDialog: QDialog) -> None: ...
    def retranslateUi(self, AmendDialog: QDialog) -> None: ...

"""Compiled from ui/*.ui by ui/build.py: never edited by hand."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QPlainTextEdit, QVBoxLayout


class Ui_ReasonDialog:
    layout: QVBoxLayout
    intro: QLabel
    form: QFormLayout
    on_label: QLabel
    on: QDateEdit
    choices_label: QLabel
    choices: QComboBox
    reason_label: QLabel
    reason: QPlainTextEdit
    buttons: QDialogButtonBox
    def setupUi(self, ReasonDialog: QDialog) -> None: ...
    def retranslateUi(self, ReasonDialog: QDialog) -> None: ...

"""Compiled from ui/*.ui by ui/build.py: never edited by hand."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout


class Ui_ConfirmSentDialog:
    layout: QVBoxLayout
    question: QLabel
    form: QFormLayout
    sent_on_label: QLabel
    sent_on: QDateEdit
    method_label: QLabel
    method: QComboBox
    buttons: QDialogButtonBox
    def setupUi(self, ConfirmSentDialog: QDialog) -> None: ...
    def retranslateUi(self, ConfirmSentDialog: QDialog) -> None: ...
